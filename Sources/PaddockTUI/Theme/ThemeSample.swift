/// A line of text in a theme's roles, for `paddock themes` to show what a
/// theme looks like.
public enum ThemeSample {
    /// The sample: pieces of text, each in a role.
    /// The main roles, in 77 columns.
    public static let pieces: [(text: String, role: StyleRole)] = [
        (" Board ", .header), (" ", .normal), ("Title", .title), (" ", .normal),
        (" selected ", .selection), (" ", .normal), ("unread", .unread), (" ", .normal),
        ("official", .official), (" ", .normal), ("muted", .muted), (" ", .normal),
        ("error", .error), (" ", .normal), ("planned", .statusPlanned), (" ", .normal),
        ("shipped", .statusShipped), (" ", .normal), ("declined", .statusDeclined),
    ]

    /// The sample as plain text.
    public static var plain: String { pieces.map(\.text).joined() }

    /// The sample drawn with ANSI SGR escapes in `theme`'s styles at `depth`,
    /// ending with a reset.
    public static func ansi(_ theme: TerminalTheme, depth: ColorDepth) -> String {
        var out = ""
        for piece in pieces {
            out += sgr(theme.resolved(piece.role, depth: depth)) + piece.text
        }
        return out + "\u{1B}[0m"
    }

    /// The SGR sequence that resets and then sets a style: 30–37/90–97 for the
    /// 16 colours, 38;5;N for the rest; the same for backgrounds.
    public static func sgr(_ style: ResolvedStyle) -> String {
        var codes = ["0"]
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.italic { codes.append("3") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        func colour(_ n: Int, base: Int) -> String? {
            switch n {
            case ..<0: return nil
            case 0..<8: return String(base + n)
            case 8..<16: return String(base + 60 + n - 8)
            default: return "\(base + 8);5;\(n)"
            }
        }
        if let fg = colour(style.foreground, base: 30) { codes.append(fg) }
        if let bg = colour(style.background, base: 40) { codes.append(bg) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
