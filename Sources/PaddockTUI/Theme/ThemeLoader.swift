import Foundation

/// A folder `--theme NAME` looks in, and why it is on the list.
public struct ThemeFolder: Equatable, Sendable {
    public var path: String
    /// Where the folder comes from: "$PADDOCK_THEMES", "checkout", …
    public var origin: String

    public init(path: String, origin: String) {
        self.path = path
        self.origin = origin
    }
}

/// One theme as `paddock themes` lists it: the file that `--theme NAME` would
/// use, and what reading it gave.
public struct ThemeListing: Sendable {
    public var name: String
    /// The file, or nil for a built-in theme.
    public var path: String?
    public var result: Result<ThemeFile, ThemeError>
}

/// Finds and reads themes by name or path.
///
/// A NAME is looked up as `NAME.toml` in each folder in turn, then among the
/// themes built into the binary (the files of Themes/, embedded). The first
/// file found is the theme, even if it is malformed: a broken theme is
/// reported, never silently replaced by another of the same name.
public struct ThemeLoader: Sendable {
    public var folders: [ThemeFolder]

    public init(folders: [ThemeFolder]) {
        self.folders = folders
    }

    /// The loader for this process: `standardFolders` from the environment and
    /// the executable's real path, keeping only folders that exist.
    public static func standard() -> ThemeLoader {
        let candidates = standardFolders(environment: ProcessInfo.processInfo.environment, executablePath: executablePath())
        return ThemeLoader(folders: candidates.filter { isDirectory($0.path) })
    }

    /// The search order, first match wins:
    /// 1. each folder of `$PADDOCK_THEMES` (separated by ':');
    /// 2. `$XDG_CONFIG_HOME/paddock/themes` (default `~/.config/paddock/themes`);
    /// 3. `Themes/` of the source checkout the binary was built in: the first
    ///    folder above the executable's real path holding `Package.swift` and
    ///    `Themes/` (`make demo` runs `.build/release/paddock`);
    /// 4. `PREFIX/share/paddock/themes` when the binary is `PREFIX/bin/paddock`;
    /// 5. `/usr/local/share/paddock/themes`, then `/usr/share/paddock/themes`;
    /// then the built-in themes. Folders are listed whether or not they exist,
    /// except the checkout, which is found by looking.
    public static func standardFolders(environment: [String: String], executablePath: String?) -> [ThemeFolder] {
        var folders: [ThemeFolder] = []
        func add(_ path: String, _ origin: String) {
            let path = (path as NSString).standardizingPath
            if !path.isEmpty, !folders.contains(where: { $0.path == path }) {
                folders.append(ThemeFolder(path: path, origin: origin))
            }
        }
        for path in (environment["PADDOCK_THEMES"] ?? "").split(separator: ":") where !path.isEmpty {
            add(String(path), "$PADDOCK_THEMES")
        }
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            add(config + "/paddock/themes", "$XDG_CONFIG_HOME")
        } else if let home = environment["HOME"], !home.isEmpty {
            add(home + "/.config/paddock/themes", "~/.config")
        }
        if let executablePath {
            var folder = (executablePath as NSString).deletingLastPathComponent
            let binFolder = folder
            while folder != "/" && !folder.isEmpty {
                if FileManager.default.fileExists(atPath: folder + "/Package.swift"), isDirectory(folder + "/Themes") {
                    add(folder + "/Themes", "checkout")
                    break
                }
                folder = (folder as NSString).deletingLastPathComponent
            }
            if (binFolder as NSString).lastPathComponent == "bin" {
                add((binFolder as NSString).deletingLastPathComponent + "/share/paddock/themes", "installed")
            }
        }
        add("/usr/local/share/paddock/themes", "system")
        add("/usr/share/paddock/themes", "system")
        return folders
    }

    /// Whether `--theme` was given a path rather than a name.
    public static func isPath(_ nameOrPath: String) -> Bool {
        nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml")
    }

    /// The theme named, or read from the path given.
    public func load(_ nameOrPath: String) throws(ThemeError) -> ThemeFile {
        if Self.isPath(nameOrPath) { return try Self.read(path: nameOrPath) }
        let name = nameOrPath
        if let path = file(named: name) { return try Self.read(path: path) }
        if let builtIn = Self.builtIn(name) { return builtIn }
        throw .notFound(name: name, available: list().map(\.name))
    }

    /// The file `--theme NAME` reads, or nil when only a built-in theme (or none) has that name.
    public func file(named name: String) -> String? {
        guard !name.isEmpty, !name.hasPrefix(".") else { return nil }
        for folder in folders {
            let path = folder.path + "/" + name + ".toml"
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    /// Every theme a name can reach, in name order: each folder's `*.toml`
    /// (the first folder wins a name), then the built-in themes not overridden.
    public func list() -> [ThemeListing] {
        var listings: [String: ThemeListing] = [:]
        for folder in folders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".toml") && !file.hasPrefix(".") {
                let name = String(file.dropLast(".toml".count))
                guard listings[name] == nil else { continue }
                let path = folder.path + "/" + file
                listings[name] = ThemeListing(name: name, path: path, result: Result { () throws(ThemeError) in try Self.read(path: path) })
            }
        }
        for name in BuiltInThemes.names where listings[name] == nil {
            listings[name] = ThemeListing(name: name, path: nil, result: .success(Self.builtIn(name)!))
        }
        return listings.values.sorted { $0.name < $1.name }
    }

    /// A theme built into the binary: one of the files of Themes/ as shipped.
    public static func builtIn(_ name: String) -> ThemeFile? {
        guard let text = BuiltInThemes.text(name) else { return nil }
        do {
            return try ThemeFile.parse(text, label: "built-in \(name).toml", name: name)
        } catch {
            preconditionFailure("the built-in theme is malformed: \(error)")
        }
    }

    /// Reads a theme file; its name is the file's name without `.toml`.
    public static func read(path: String) throws(ThemeError) -> ThemeFile {
        if isDirectory(path) { throw .unreadable(path: path, reason: "is a folder, not a theme file") }
        guard FileManager.default.fileExists(atPath: path) else {
            throw .unreadable(path: path, reason: "no such theme file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot be read (check its permissions)")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .unreadable(path: path, reason: "is not UTF-8 text")
        }
        var name = (path as NSString).lastPathComponent
        if name.hasSuffix(".toml") { name.removeLast(".toml".count) }
        return try ThemeFile.parse(text, label: path, name: name, path: path)
    }

    static func isDirectory(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// The running binary's real path (symbolic links resolved).
    static func executablePath() -> String? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }
}
