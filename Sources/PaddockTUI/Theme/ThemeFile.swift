/// A theme as a file describes it: its name, a description and the styles.
public struct ThemeFile: Equatable, Sendable {
    /// The name `--theme` finds it by: the file's name without `.toml`.
    public var name: String
    public var description: String
    public var theme: TerminalTheme
    /// Where it was read from: a path, or nil for a built-in theme.
    public var path: String?

    public init(name: String, description: String, theme: TerminalTheme, path: String? = nil) {
        self.name = name
        self.description = description
        self.theme = theme
        self.path = path
    }

    /// Whether any role has a colour. A theme without colours (like `mono`) is
    /// drawn with attributes only.
    public var usesColour: Bool {
        theme.styles.values.contains { $0.foreground != .default || $0.background != .default }
    }

    /// The style attributes a theme may set on a role, in the order they are listed in messages.
    public static let attributes = ["fg", "bg", "bold", "underline", "reverse", "dim", "italic"]

    /// Reads a theme from its text.
    ///
    /// - Parameters:
    ///   - label: how messages name the file (`Themes/bad.toml`).
    ///   - name: the name the file is known by (the file's name without `.toml`);
    ///     a `name = "…"` key in the file must agree with it.
    /// - Throws: `ThemeError.malformed` with the line of the first problem.
    public static func parse(_ text: String, label: String, name: String, path: String? = nil) throws(ThemeError) -> ThemeFile {
        func fail(_ line: Int, _ message: String) -> ThemeError {
            .malformed(file: label, line: line, message: message)
        }
        let root: ThemeTOML.Table
        do {
            root = try ThemeTOML.parse(text)
        } catch {
            throw fail(error.line, error.message)
        }
        var description = ""
        var styles: [StyleRole: TerminalStyle] = [:]
        var sawStyles = false
        for entry in root.entries {
            switch (entry.key, entry.value) {
            case ("name", .string(let declared)):
                if declared != name {
                    throw fail(entry.line, "name '\(declared)' differs from the file's name '\(name).toml'; make them the same")
                }
            case ("description", .string(let text)):
                description = text
            case ("name", let value), ("description", let value):
                throw fail(entry.line, "\(entry.key) must be a string, not \(value.typeName)")
            case ("styles", .table(let table)):
                sawStyles = true
                styles = try parseStyles(table, fail: fail)
            case ("styles", let value):
                throw fail(entry.line, "styles must be a table ([styles]), not \(value.typeName)")
            default:
                throw fail(entry.line, "unknown key '\(entry.key)'; a theme has name, description and [styles]")
            }
        }
        if !sawStyles { throw fail(1, "no [styles] table; a theme names a style for each role under [styles]") }
        return ThemeFile(name: name, description: description, theme: TerminalTheme(styles: styles), path: path)
    }

    private static func parseStyles(_ table: ThemeTOML.Table, fail: (Int, String) -> ThemeError) throws(ThemeError) -> [StyleRole: TerminalStyle] {
        var styles: [StyleRole: TerminalStyle] = [:]
        for entry in table.entries {
            guard let role = StyleRole(rawValue: entry.key) else {
                let hint = closest(to: entry.key, among: StyleRole.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" }
                    ?? "; see `paddock themes --help` for the roles"
                throw fail(entry.line, "unknown role '\(entry.key)'\(hint)")
            }
            guard case .table(let attributes) = entry.value else {
                throw fail(entry.line, "\(role.rawValue) must be an inline table like { fg = \"red\", bold = true }, not \(entry.value.typeName)")
            }
            var style = TerminalStyle()
            for attribute in attributes.entries {
                let what = "\(role.rawValue).\(attribute.key)"
                switch attribute.key {
                case "fg", "bg":
                    let colour = try colour(attribute.value, for: what, line: attribute.line, fail: fail)
                    if attribute.key == "fg" { style.foreground = colour } else { style.background = colour }
                case "bold", "underline", "reverse", "dim", "italic":
                    guard case .bool(let on) = attribute.value else {
                        throw fail(attribute.line, "\(what) must be true or false, not \(attribute.value.typeName)")
                    }
                    switch attribute.key {
                    case "bold": style.bold = on
                    case "underline": style.underline = on
                    case "reverse": style.reverse = on
                    case "dim": style.dim = on
                    default: style.italic = on
                    }
                default:
                    throw fail(attribute.line, "unknown attribute '\(attribute.key)' for \(role.rawValue); use \(attributes_list)")
                }
            }
            styles[role] = style
        }
        return styles
    }

    private static let attributes_list = attributes.joined(separator: ", ")

    private static func colour(_ value: ThemeTOML.Value, for what: String, line: Int, fail: (Int, String) -> ThemeError) throws(ThemeError) -> TerminalColor {
        let help = "use a name (red, bright-blue…), 0–255 or #rrggbb"
        switch value {
        case .string(let text):
            if let colour = TerminalColor(name: text) { return colour }
            if let n = Int(text) { throw fail(line, "colour \(n) for \(what) is out of range; \(help)") }
            throw fail(line, "unknown colour '\(text)' for \(what); \(help)")
        case .integer(let n):
            guard (0...255).contains(n) else { throw fail(line, "colour \(n) for \(what) is out of range; \(help)") }
            return .indexed(UInt8(n))
        default:
            throw fail(line, "\(what) must be a colour, not \(value.typeName); \(help)")
        }
    }

    /// The candidate within two edits of `word`, if there is exactly one best.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0)) }.filter { $0.1 <= 2 }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return scored.filter { $0.1 == best.1 }.count == 1 ? best.0 : nil
    }

    /// Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}

/// Why a theme could not be used. Each reads as one line.
public enum ThemeError: Error, Equatable, CustomStringConvertible, Sendable {
    /// `file:line: what is wrong`.
    case malformed(file: String, line: Int, message: String)
    /// No theme of that name in any theme folder, nor built in.
    case notFound(name: String, available: [String])
    /// A theme file that could not be read.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .malformed(let file, let line, let message):
            return "\(file):\(line): \(message)"
        case .notFound(let name, let available):
            return "no theme '\(name)'; the themes are \(available.joined(separator: ", ")) (see `paddock themes`), or pass a theme file's path"
        case .unreadable(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
