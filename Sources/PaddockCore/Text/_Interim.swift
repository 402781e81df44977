// Interim stand-ins until the text module lands; removed at merge.
public extension SafeText {
    static func multiline(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { displayable(String($0)) }
    }
}

public enum TextWrap {
    public static func truncate(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard TextWidth.of(text) > width else { return text }
        var out = "", used = 0
        for c in text {
            let w = TextWidth.of(c)
            if used + w > width - 1 { break }
            out.append(c); used += w
        }
        return out + ellipsis
    }
    public static func pad(_ text: String, width: Int) -> String {
        let t = truncate(text, width: width)
        return t + String(repeating: " ", count: max(0, width - TextWidth.of(t)))
    }
}

public extension TextWrap {
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        var line = "", used = 0
        for c in text {
            let w = TextWidth.of(c)
            if used + w > width { out.append(line); line = ""; used = 0 }
            line.append(c); used += w
        }
        out.append(line)
        return out
    }
}
