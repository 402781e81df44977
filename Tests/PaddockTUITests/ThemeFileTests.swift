import Foundation
@testable import PaddockTUI
import Testing

/// The Themes/ folder of this checkout.
private let themesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Themes").path

private func themeFiles() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: themesFolder).filter { $0.hasSuffix(".toml") }.sorted()
}

/// The shipped theme files and the copies built into the binary.
@Suite struct ThemeFilesTests {
    @Test func theRequiredThemesShip() throws {
        let names = try themeFiles().map { String($0.dropLast(5)) }
        for name in ["dark", "light", "ardente", "high-contrast", "mono"] {
            #expect(names.contains(name), "Themes/\(name).toml is missing")
        }
    }

    @Test func everyThemeFileParsesAndDefinesEveryRole() throws {
        for file in try themeFiles() {
            let theme = try ThemeLoader.read(path: themesFolder + "/" + file)
            #expect(theme.name + ".toml" == file)
            #expect(!theme.description.isEmpty, "\(file) has no description")
            for role in StyleRole.allCases {
                #expect(theme.theme.styles[role] != nil, "\(file) lacks \(role.rawValue)")
            }
        }
    }

    /// The built-in themes are the files' text, so they cannot drift apart.
    @Test func builtInTextIsTheFilesText() throws {
        let files = try themeFiles()
        #expect(Set(files) == Set(BuiltInThemes.names.map { $0 + ".toml" }),
                "every file in Themes/ is built in (the EmbedThemes plugin), and nothing else")
        for name in BuiltInThemes.names {
            let text = try String(contentsOfFile: themesFolder + "/\(name).toml", encoding: .utf8)
            #expect(BuiltInThemes.text(name) == text,
                    "Themes/\(name).toml differs from its built-in copy (written by the EmbedThemes plugin)")
        }
    }

    @Test func theDefaultIsDarkAndMonoHasNoColour() throws {
        let dark = try ThemeLoader.read(path: themesFolder + "/dark.toml")
        #expect(TerminalTheme.defaultDark == dark.theme)
        #expect(ThemeLoader.builtIn("dark")?.path == nil)
        let mono = try #require(ThemeLoader.builtIn("mono"))
        #expect(!mono.usesColour)
        #expect(mono.theme == TerminalTheme.mono)
        #expect(dark.usesColour)
    }
}

/// Reading theme text: what is accepted and what is refused, with file and line.
@Suite struct ThemeParserTests {
    private func parse(_ text: String) throws(ThemeError) -> ThemeFile {
        try ThemeFile.parse(text, label: "Themes/bad.toml", name: "bad")
    }

    @Test func theSubsetIsUnderstood() throws {
        let theme = try parse("""
            # a comment
            name = "bad"   # trailing comment
            description = 'literal \\n stays'

            [styles]
            normal = { fg = "default", bg = "default" }
            "title" = { fg = "bright-white", bold = true, underline = false }
            'status.shipped' = { fg = 114, bg = "#000000", italic = true, dim = true, reverse = true }
            error={fg="Bright_Red"}
            border = {}
            quote = { fg = "\\u0031\\u0032" }
            """.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(theme.description == "literal \\n stays")
        #expect(theme.theme.styles[.title] == TerminalStyle(foreground: .brightWhite, bold: true))
        #expect(theme.theme.styles[.statusShipped] == TerminalStyle(foreground: .indexed(114), background: .indexed(16),
                                                                    reverse: true, dim: true, italic: true))
        #expect(theme.theme.styles[.error] == TerminalStyle(foreground: .brightRed))
        #expect(theme.theme.styles[.border] == TerminalStyle())
        #expect(theme.theme.styles[.quote] == TerminalStyle(foreground: .indexed(12)))
    }

    @Test func aMissingRoleLooksNormal() throws {
        let theme = try parse("""
            [styles]
            normal = { fg = "green", bg = "black" }
            title = { bold = true }
            """).theme
        #expect(theme.styles[.muted] == nil)
        #expect(theme.style(for: .muted) == TerminalStyle(foreground: .green, background: .black))
        #expect(theme.style(for: .statusExpired) == theme.style(for: .normal))
        #expect(theme.style(for: .title) == TerminalStyle(bold: true))
    }

    /// Each malformed theme gives exactly one `file:line: message`.
    @Test(arguments: [
        ("[styles]\ntitle = { fg = \"red\" }\n\n\n\n\ntitle2 = 1", "Themes/bad.toml:7: unknown role 'title2'; did you mean 'title'?"),
        ("[styles]\n\ntitel = { fg = \"red\" }", "Themes/bad.toml:3: unknown role 'titel'; did you mean 'title'?"),
        ("[styles]\nsidebar = { fg = \"red\" }", "Themes/bad.toml:2: unknown role 'sidebar'; see `paddock themes --help` for the roles"),
        ("# c\n[styles]\n\n\n\n\ntitle = { fg = \"purplish\" }",
         "Themes/bad.toml:7: unknown colour 'purplish' for title.fg; use a name (red, bright-blue…), 0–255 or #rrggbb"),
        ("[styles]\ntitle = { bg = \"#12345\" }", "Themes/bad.toml:2: unknown colour '#12345' for title.bg; use a name (red, bright-blue…), 0–255 or #rrggbb"),
        ("[styles]\ntitle = { fg = 256 }", "Themes/bad.toml:2: colour 256 for title.fg is out of range; use a name (red, bright-blue…), 0–255 or #rrggbb"),
        ("[styles]\ntitle = { fg = \"300\" }", "Themes/bad.toml:2: colour 300 for title.fg is out of range; use a name (red, bright-blue…), 0–255 or #rrggbb"),
        ("[styles]\ntitle = { fg = true }", "Themes/bad.toml:2: title.fg must be a colour, not a boolean; use a name (red, bright-blue…), 0–255 or #rrggbb"),
        ("[styles]\ntitle = { bold = \"yes\" }", "Themes/bad.toml:2: title.bold must be true or false, not a string"),
        ("[styles]\ntitle = { blod = true }", "Themes/bad.toml:2: unknown attribute 'blod' for title; use fg, bg, bold, underline, reverse, dim, italic"),
        ("[styles]\ntitle = \"red\"", "Themes/bad.toml:2: title must be an inline table like { fg = \"red\", bold = true }, not a string"),
        ("name = \"bad\"\n\n\n\ntitle { fg = \"red\" }", "Themes/bad.toml:5: expected '=' after key 'title'"),
        ("name = \"bad\"\ndescription = \"Dark\n[styles]", "Themes/bad.toml:2: unterminated string: add the closing \""),
        ("[styles]\ntitle = { fg = 'red }", "Themes/bad.toml:2: unterminated string: add the closing '"),
        ("[styles]\ntitle = { bold = true }\nmuted = { dim = true }\ntitle = { bold = false }",
         "Themes/bad.toml:4: duplicate key 'title' (first set on line 2)"),
        ("[styles]\ntitle = { bold = true, bold = false }", "Themes/bad.toml:2: duplicate key 'bold' in an inline table"),
        ("[styles]\n[styles]", "Themes/bad.toml:2: duplicate table [styles] (first on line 1)"),
        ("name = \"bad\"\nname = \"bad\"\n[styles]", "Themes/bad.toml:2: duplicate key 'name' (first set on line 1)"),
        ("[styles]\nstatus.new = { bold = true }",
         "Themes/bad.toml:2: dotted keys are not supported in theme files; quote the key: \"status.new\""),
        ("[styles.title]\nbold = true", "Themes/bad.toml:1: nested tables are not supported in theme files; write [styles] and quote dotted keys"),
        ("[[styles]]", "Themes/bad.toml:1: arrays of tables ([[…]]) are not supported in theme files"),
        ("[styles\n", "Themes/bad.toml:1: expected ']' after table name 'styles'"),
        ("[styles] x", "Themes/bad.toml:1: unexpected 'x' after table header"),
        ("[styles]\ntitle = { bold = true } }", "Themes/bad.toml:2: unexpected '}' after value"),
        ("[styles]\ntitle = { bold = true", "Themes/bad.toml:2: unterminated inline table: add the closing '}' on this line"),
        ("[styles]\ntitle = { bold = true, }", "Themes/bad.toml:2: trailing comma in an inline table"),
        ("[styles]\ntitle = { bold = true; dim = true }", "Themes/bad.toml:2: expected ',' or '}' in an inline table, found ';'"),
        ("[styles]\ntitle = { bold = yes }", "Themes/bad.toml:2: unexpected 'yes'; a value is a \"string\", true, false, an integer or { … }"),
        ("[styles]\ntitle = { fg = 1.5 }", "Themes/bad.toml:2: '1.5' is not supported in theme files: use a string, true/false or an integer"),
        ("[styles]\ntitle = { fg = 007 }", "Themes/bad.toml:2: unexpected '007'; a value is a \"string\", true, false, an integer or { … }"),
        ("[styles]\ntitle = [1]", "Themes/bad.toml:2: arrays are not supported in theme files"),
        ("[styles]\ntitle =", "Themes/bad.toml:2: expected a value after '='"),
        ("[styles]\n= { bold = true }", "Themes/bad.toml:2: expected a key, found '='"),
        ("[styles]\n\"\" = { bold = true }", "Themes/bad.toml:2: empty key"),
        ("[styles]\n\u{7}title = {}", "Themes/bad.toml:2: expected a key, found U+0007"),
        ("description = \"\"\"x\"\"\"\n[styles]", "Themes/bad.toml:1: multi-line strings are not supported in theme files"),
        ("description = \"a\\qb\"\n[styles]", "Themes/bad.toml:1: invalid escape '\\q' in a string"),
        ("description = \"a\u{1B}[31m\"\n[styles]", "Themes/bad.toml:1: control character U+001B in a string"),
        ("name = \"good\"\n[styles]", "Themes/bad.toml:1: name 'good' differs from the file's name 'bad.toml'; make them the same"),
        ("name = 3\n[styles]", "Themes/bad.toml:1: name must be a string, not an integer"),
        ("colour = \"red\"\n[styles]", "Themes/bad.toml:1: unknown key 'colour'; a theme has name, description and [styles]"),
        ("[palette]\nred = 1", "Themes/bad.toml:1: unknown key 'palette'; a theme has name, description and [styles]"),
        ("styles = 1", "Themes/bad.toml:1: styles must be a table ([styles]), not an integer"),
        ("# nothing\nname = \"bad\"", "Themes/bad.toml:1: no [styles] table; a theme names a style for each role under [styles]"),
    ])
    func malformedThemesSayFileAndLine(text: String, expected: String) {
        do {
            _ = try parse(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description == expected)
        }
    }
}

/// "#rrggbb" becomes the nearest xterm-256 colour.
@Suite struct ThemeColourTests {
    @Test(arguments: [
        ("#ff0000", 196), ("#000000", 16), ("#FFFFFF", 231), ("#808080", 244), ("#ffaf00", 214),
        ("#5f87af", 67), ("#cc0000", 160), ("#121212", 233), ("#eeeeee", 255), ("#87d787", 114),
        ("#0000ee", 21),
    ])
    func hexMapsToTheNearest256Colour(hex: String, index: Int) {
        #expect(TerminalColor(name: hex) == .indexed(UInt8(index)))
    }

    @Test func badHexIsRefused() {
        for text in ["#fff", "#gg0000", "ff0000", "#ff00000", "#"] {
            #expect(TerminalColor(name: text) == nil, "\(text)")
        }
    }

    @Test func samplesUseSGR() {
        let style = TerminalStyle(foreground: .indexed(214), background: .blue, bold: true, underline: true)
        #expect(ThemeSample.sgr(style.resolved(for: .full)) == "\u{1B}[0;1;4;38;5;214;44m")
        #expect(ThemeSample.sgr(TerminalStyle(foreground: .brightRed).resolved(for: .sixteen)) == "\u{1B}[0;91m")
        #expect(ThemeSample.sgr(TerminalStyle.plain.resolved(for: .full)) == "\u{1B}[0m")
        #expect(ThemeSample.plain.count == 77)
        #expect(ThemeSample.ansi(.mono, depth: .full).hasPrefix("\u{1B}[0;1;7m Board \u{1B}[0m "))
    }
}

/// Finding themes by name: folders in order, then the built-in themes.
@Suite struct ThemeLoaderTests {
    final class Folder {
        let path = NSTemporaryDirectory() + "paddock-themes-\(UUID().uuidString)"
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        func write(_ name: String, _ text: String) throws {
            let file = path + "/" + name
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
    }

    private func theme(_ description: String) -> String {
        "description = \"\(description)\"\n[styles]\ntitle = { bold = true }\n"
    }

    @Test func namesAreLookedUpInFolderOrderThenBuiltIn() throws {
        let first = try Folder(), second = try Folder()
        try first.write("dusk.toml", theme("first dusk"))
        try second.write("dusk.toml", theme("second dusk"))
        try second.write("dawn.toml", theme("second dawn"))
        try second.write("dark.toml", theme("my dark"))
        let loader = ThemeLoader(folders: [ThemeFolder(path: first.path, origin: "a"), ThemeFolder(path: second.path, origin: "b")])
        #expect(try loader.load("dusk").description == "first dusk")
        #expect(try loader.load("dusk").path == first.path + "/dusk.toml")
        #expect(try loader.load("dawn").description == "second dawn")
        #expect(try loader.load("dark").description == "my dark")       // a folder overrides a built-in theme
        #expect(try loader.load("light").path == nil)                      // built in
        #expect(try loader.load("mono").theme == TerminalTheme.mono)
        #expect(loader.list().map(\.name) == ["ardente", "dark", "dawn", "dusk", "high-contrast", "light", "mono"])
        #expect(loader.list().first { $0.name == "dusk" }?.path == first.path + "/dusk.toml")
        #expect(loader.list().first { $0.name == "ardente" }?.path == nil)
    }

    @Test func aMalformedThemeIsReportedNotSkipped() throws {
        let first = try Folder(), second = try Folder()
        try first.write("dusk.toml", "[styles]\ntitle = { fg = \"purplish\" }\n")
        try second.write("dusk.toml", theme("good dusk"))
        let loader = ThemeLoader(folders: [ThemeFolder(path: first.path, origin: "a"), ThemeFolder(path: second.path, origin: "b")])
        #expect(throws: ThemeError.malformed(file: first.path + "/dusk.toml", line: 2,
                                             message: "unknown colour 'purplish' for title.fg; use a name (red, bright-blue…), 0–255 or #rrggbb")) {
            try loader.load("dusk")
        }
        let listing = try #require(loader.list().first { $0.name == "dusk" })
        #expect(throws: ThemeError.self) { try listing.result.get() }
    }

    @Test func unknownNamesAndPaths() throws {
        let folder = try Folder()
        try folder.write("sub/night.toml", theme("night"))
        let loader = ThemeLoader(folders: [])
        #expect(throws: ThemeError.notFound(name: "nosuch", available: ["ardente", "dark", "high-contrast", "light", "mono"])) {
            try loader.load("nosuch")
        }
        #expect(ThemeError.notFound(name: "nosuch", available: ["dark", "mono"]).description
                == "no theme 'nosuch'; the themes are dark, mono (see `paddock themes`), or pass a theme file's path")
        // A value with '/' or ending in .toml is a path, read directly.
        #expect(try loader.load(folder.path + "/sub/night.toml").name == "night")
        #expect(throws: ThemeError.unreadable(path: "dark.toml", reason: "no such theme file")) { try loader.load("dark.toml") }
        #expect(throws: ThemeError.unreadable(path: folder.path + "/sub", reason: "is a folder, not a theme file")) {
            try loader.load(folder.path + "/sub")
        }
        #expect(ThemeLoader.isPath("./dark") && ThemeLoader.isPath("dark.toml") && !ThemeLoader.isPath("dark"))
    }

    @Test func theSearchOrder() throws {
        let checkout = try Folder()
        try checkout.write("Package.swift", "// swift-tools-version:6.0\n")
        try checkout.write("Themes/dark.toml", theme("checkout dark"))
        let folders = ThemeLoader.standardFolders(
            environment: ["PADDOCK_THEMES": "/one:/two/", "XDG_CONFIG_HOME": "/config", "HOME": "/home/ada"],
            executablePath: checkout.path + "/.build/x86_64-unknown-linux-gnu/release/paddock")
        #expect(folders.map(\.path) == ["/one", "/two", "/config/paddock/themes", checkout.path + "/Themes",
                                        "/usr/local/share/paddock/themes", "/usr/share/paddock/themes"])
        #expect(folders.map(\.origin) == ["$PADDOCK_THEMES", "$PADDOCK_THEMES", "$XDG_CONFIG_HOME", "checkout", "system", "system"])

        let installed = ThemeLoader.standardFolders(environment: ["HOME": "/home/ada"], executablePath: "/opt/paddock/bin/paddock")
        #expect(installed.map(\.path) == ["/home/ada/.config/paddock/themes", "/opt/paddock/share/paddock/themes",
                                          "/usr/local/share/paddock/themes", "/usr/share/paddock/themes"])
        // No duplicates when the prefix is /usr/local.
        let local = ThemeLoader.standardFolders(environment: [:], executablePath: "/usr/local/bin/paddock")
        #expect(local.map(\.path) == ["/usr/local/share/paddock/themes", "/usr/share/paddock/themes"])
    }
}
