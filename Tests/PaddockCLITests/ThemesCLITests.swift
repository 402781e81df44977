import Foundation
import Testing

/// `paddock themes` and `--theme`, run as a user would.
@Suite(.serialized) struct ThemesCLITests {
    /// The Themes/ folder of this checkout, which the built binary finds by walking up.
    private let checkoutThemes = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes").path

    /// A folder for $PADDOCK_THEMES and an empty config home, so the user's own themes stay out.
    private func setUp(_ cli: CLI, themes: [String: String] = [:]) throws -> [String: String] {
        let folder = cli.folder + "/themes"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in themes { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        return ["PADDOCK_THEMES": folder, "XDG_CONFIG_HOME": cli.folder + "/config", "NO_COLOR": ""]
    }

    @Test func themesListsEachThemeWithItsSourceAndASample() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let env = try setUp(cli, themes: ["dusk.toml": "description = \"Warm on black\"\n[styles]\ntitle = { fg = \"#ffaf00\" }\n"])
        let result = try cli.run(["themes"], environment: env, withDB: false)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let sample = "   Board  Title  selected  unread official muted error planned shipped declined"
        let dusk = cli.folder + "/themes/dusk.toml"
        let width = dusk.count
        func row(_ name: String, _ path: String, _ description: String) -> String {
            name.padding(toLength: 13, withPad: " ", startingAt: 0) + "  " + path.padding(toLength: width, withPad: " ", startingAt: 0)
                + "  " + description + "\n" + sample + "\n"
        }
        // Not a terminal: plain text, no escape sequences.
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(result.stdout == [
            row("ardente", checkoutThemes + "/ardente.toml", "Brand red on a dark terminal"),
            row("dark", checkoutThemes + "/dark.toml", "Light text on a dark terminal (the default)"),
            row("dusk", dusk, "Warm on black"),
            row("high-contrast", checkoutThemes + "/high-contrast.toml", "Bright on black, 16 colours, bold marks"),
            row("light", checkoutThemes + "/light.toml", "Dark text on a light terminal"),
            row("mono", checkoutThemes + "/mono.toml", "Attributes only, no colour"),
        ].joined())
    }

    @Test func themesJSON() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let env = try setUp(cli, themes: ["dark.toml": "description = \"My dark\"\n[styles]\n"])
        let result = try cli.run(["themes", "--json"], environment: env, withDB: false)
        #expect(result.status == 0)
        let themes = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(themes.map { $0["name"] as? String } == ["ardente", "dark", "high-contrast", "light", "mono"])
        #expect(themes[1]["path"] as? String == cli.folder + "/themes/dark.toml")   // the folder overrides
        #expect(themes[1]["description"] as? String == "My dark")
        #expect(themes[4]["path"] as? String == checkoutThemes + "/mono.toml")
        #expect(Set(themes[0].keys) == ["name", "path", "description"])
    }

    @Test func aMalformedThemeIsListedAndFailsTheListing() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let env = try setUp(cli, themes: ["bad.toml": "name = \"bad\"\n[styles]\ntitel = { bold = true }\n"])
        let result = try cli.run(["themes"], environment: env, withDB: false)
        #expect(result.status == 1)
        #expect(result.stderr == "paddock: \(cli.folder)/themes/bad.toml:3: unknown role 'titel'; did you mean 'title'?\n")
        #expect(result.stdout.contains("bad  "))
        #expect(result.stdout.contains("(malformed: see below)\n"))
    }

    @Test func aMalformedThemeStopsTheAppBeforeTheTerminal() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(cli.run(["init", "--admin", "ada"]).status == 0)
        let env = try setUp(cli, themes: ["bad.toml": "# mine\nname = \"bad\"\n[styles]\n\n\n\ntitle = { fg = \"purplish\" }\n"])
        let bad = cli.folder + "/themes/bad.toml"
        for theme in [bad, "bad"] {
            let result = try cli.run(["--as", "ada", "--theme", theme], environment: env)
            #expect(result.status == 1)
            #expect(result.stdout == "")
            #expect(result.stderr == "paddock: \(bad):7: unknown colour 'purplish' for title.fg; use a name (red, bright-blue…), 0–255 or #rrggbb\n")
        }
        let missing = try cli.run(["--as", "ada", "--theme", "nosuch"], environment: env)
        #expect(missing.status == 1)
        #expect(missing.stdout == "")
        #expect(missing.stderr == "paddock: no theme 'nosuch'; the themes are ardente, bad, dark, high-contrast, light, mono (see `paddock themes`), or pass a theme file's path\n")
        let noFile = try cli.run(["--as", "ada", "--theme", "./nope.toml"], environment: env)
        #expect(noFile.status == 1)
        #expect(noFile.stderr == "paddock: ./nope.toml: no such theme file\n")
    }
}
