/// An HTML-only message made readable as plain text: tags dropped, script,
/// style and head left out, paragraphs and line breaks kept (`<p>`, `<div>`,
/// headings, `<br>`, list items as `- `), white space collapsed outside
/// `<pre>`, character references decoded. A link keeps its text. With
/// `quoting`, the text of a `<blockquote>` comes out as `> ` quoted lines (one
/// `>` per level), as a plain-text reply quotes: how `mail-in` tells what a
/// member wrote from what their client quoted.
public enum HTMLText {
    public static func text(_ html: String, quoting: Bool = false) -> String {
        let s = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        var pre = 0
        var pendingBreaks = 0  // line breaks owed before the next text
        var atLineStart = true
        var lastWasSpace = true
        var quoteDepth = 0

        func breakLines(_ n: Int) { pendingBreaks = max(pendingBreaks, n) }
        func emit(_ scalar: Unicode.Scalar) {
            if pendingBreaks > 0 {
                if !out.isEmpty { for _ in 0..<pendingBreaks { out.append("\n") } }
                pendingBreaks = 0
                atLineStart = true
                lastWasSpace = true
            }
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                if pre > 0 { out.append(scalar == "\r" ? "\n" : scalar); atLineStart = scalar == "\n"; return }
                if lastWasSpace || atLineStart { return }
                out.append(" ")
                lastWasSpace = true
                return
            }
            if atLineStart, quoteDepth > 0 {
                for _ in 0..<quoteDepth { out.append(">") }
                out.append(" ")
            }
            out.append(scalar)
            atLineStart = false
            lastWasSpace = false
        }

        while i < s.count {
            let c = s[i]
            if c == "<" {
                // A comment runs to "-->".
                if i + 3 < s.count, s[i + 1] == "!", s[i + 2] == "-", s[i + 3] == "-" {
                    var j = i + 4
                    while j + 2 < s.count, !(s[j] == "-" && s[j + 1] == "-" && s[j + 2] == ">") { j += 1 }
                    i = min(s.count, j + 3)
                    continue
                }
                var j = i + 1
                var quote: Unicode.Scalar?
                while j < s.count {
                    if let q = quote { if s[j] == q { quote = nil } } else if s[j] == "\"" || s[j] == "'" { quote = s[j] } else if s[j] == ">" { break }
                    j += 1
                }
                let inside = String(String.UnicodeScalarView(s[(i + 1)..<min(j, s.count)]))
                let closing = inside.hasPrefix("/")
                let name = String(inside.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })).lowercased()
                i = min(s.count, j + 1)
                switch name {
                case "script", "style", "head", "title":
                    guard !closing else { break }
                    // Skip to the matching end tag.
                    let end = Array("</\(name)".unicodeScalars)
                    var k = i
                    while k + end.count <= s.count {
                        if zip(s[k..<(k + end.count)], end).allSatisfy({ String($0).lowercased() == String($1) }) { break }
                        k += 1
                    }
                    i = k
                    while i < s.count, s[i] != ">" { i += 1 }
                    i = min(s.count, i + 1)
                case "br":
                    if pendingBreaks > 0 { pendingBreaks += 1 } else if !out.isEmpty { out.append("\n"); atLineStart = true; lastWasSpace = true }
                case "blockquote":
                    breakLines(2)
                    if quoting { quoteDepth = max(0, quoteDepth + (closing ? -1 : 1)) }
                case "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "hr": breakLines(2)
                case "div", "tr", "dt", "dd", "section", "article", "header", "footer": breakLines(1)
                case "pre": breakLines(2); pre = max(0, pre + (closing ? -1 : 1))
                case "li":
                    if !closing { breakLines(1); emit("-"); emit(" "); lastWasSpace = true }
                case "td", "th": if !closing { emit(" ") }
                default: break
                }
                continue
            }
            if c == "&", let (scalars, next) = entity(s, i) {
                for scalar in scalars { emit(scalar) }
                i = next
                continue
            }
            emit(c)
            i += 1
        }
        // Trailing spaces on each line go; at most one blank line in a row.
        var lines: [Substring] = []
        for line in String(out).split(separator: "\n", omittingEmptySubsequences: false) {
            var l = line
            while l.last == " " { l.removeLast() }
            if l.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(l)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
        "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "deg": "°", "middot": "·", "bull": "•",
        "agrave": "à", "aacute": "á", "egrave": "è", "eacute": "é", "igrave": "ì", "iacute": "í",
        "ograve": "ò", "oacute": "ó", "ugrave": "ù", "uacute": "ú", "auml": "ä", "ouml": "ö", "uuml": "ü",
        "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß", "ccedil": "ç", "ntilde": "ñ", "Eacute": "É",
        "times": "×", "divide": "÷", "shy": "\u{AD}", "zwnj": "\u{200C}", "zwj": "\u{200D}",
    ]

    /// `&amp;`, `&#233;`, `&#xE9;` at `i`: the scalar and where the text goes on.
    static func entity(_ s: [Unicode.Scalar], _ i: Int) -> ([Unicode.Scalar], Int)? {
        var j = i + 1
        while j < s.count, j - i <= 10, s[j] != ";", s[j] != "&", s[j] != " ", s[j] != "<" { j += 1 }
        guard j < s.count, s[j] == ";", j > i + 1 else { return nil }
        let name = String(String.UnicodeScalarView(s[(i + 1)..<j]))
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value else { return nil }
            return ([Unicode.Scalar(value) ?? "\u{FFFD}"], j + 1)
        }
        guard let scalar = named[name] ?? named[name.lowercased()] else { return nil }
        return ([scalar], j + 1)
    }
}
