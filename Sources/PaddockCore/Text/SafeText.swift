/// Makes member text safe to draw on a terminal. Stored text stays as written;
/// this runs when text becomes cells or human CLI output.
public enum SafeText {
    /// One line's worth of displayable characters: control characters,
    /// escape sequences, bidi controls and invisible format characters never pass.
    public static func displayable(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x09: out.unicodeScalars.append(" ")
            case 0x00..<0x20, 0x7F..<0xA0: out.unicodeScalars.append("\u{FFFD}")
            case 0x202A...0x202E, 0x2066...0x2069, 0x200B...0x200F, 0x2060, 0xFEFF, 0x00AD: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
