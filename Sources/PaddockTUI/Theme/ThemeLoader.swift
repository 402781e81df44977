import PaddockCore

/// Finds and reads themes by name or path. (Interim: only the built-in themes.)
public enum ThemeLoader {
    public static func load(_ nameOrPath: String) throws(CommunityError) -> TerminalTheme {
        switch nameOrPath {
        case "dark", "default": return .defaultDark
        case "mono": return .mono
        default: throw .invalid("no theme '\(nameOrPath)'")
        }
    }
}
