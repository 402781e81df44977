import ArgumentParser
import Foundation
import PaddockCore
import PaddockTUI

/// `paddock themes`: the themes `--theme` can use, where each comes from, and a sample.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the themes --theme can use, each with a sample in its colours.",
        discussion: """
            `paddock --theme NAME` looks for NAME.toml in these folders, first match wins:
              1. each folder of $PADDOCK_THEMES (separated by ':')
              2. $XDG_CONFIG_HOME/paddock/themes (default ~/.config/paddock/themes)
              3. Themes/ of the source checkout the binary sits in (the first folder
                 above the binary's real path that holds Package.swift and Themes/)
              4. PREFIX/share/paddock/themes, when the binary is PREFIX/bin/paddock
              5. /usr/local/share/paddock/themes, then /usr/share/paddock/themes
            and then among the themes built into the binary (dark, light, ardente,
            high-contrast, mono). `--theme PATH` (a value with a '/' or ending in .toml)
            reads that file. Without --theme the app uses dark.

            A theme file is a small TOML file named after the theme:
              name = "dusk"                  # optional; must match the file name
              description = "Warm on black"
              [styles]
              title = { fg = "bright-white", bold = true }
              "status.shipped" = { fg = "#5fd75f", underline = true }
            Colours: default, a name (red, bright-blue…), 0–255 or "#rrggbb" (the nearest
            xterm-256 colour). Attributes: bold, underline, reverse, dim, italic.
            Roles: \(StyleRole.allCases.map(\.rawValue).joined(separator: ", ")).
            A role left out looks like normal. A malformed theme is refused with its
            file and line.

            Samples are drawn in colour when standard output is a terminal and NO_COLOR
            is unset. Exit status: 1 when a theme in a folder is malformed (listed, and
            its error printed on stderr).
            """
    )

    @Flag(help: "Print the themes as JSON: name, path (null when built in), description.")
    var json = false

    struct Entry: Encodable {
        let name: String
        let path: String?
        let description: String?
        let error: String?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(path, forKey: .path)   // null for a built-in theme
            try container.encode(description, forKey: .description)
            try container.encodeIfPresent(error, forKey: .error)
        }

        enum CodingKeys: String, CodingKey { case name, path, description, error }
    }

    func run() throws {
        let listings = ThemeLoader.standard().list()
        var errors: [String] = []
        let entries = listings.map { listing in
            switch listing.result {
            case .success(let file):
                return Entry(name: listing.name, path: listing.path, description: file.description, error: nil)
            case .failure(let error):
                errors.append(error.description)
                return Entry(name: listing.name, path: listing.path, description: nil, error: error.description)
            }
        }
        try Output.emit(entries, json: json) {
            let depth = Self.sampleDepth()
            let nameWidth = listings.map { TextWidth.of($0.name) }.max() ?? 0
            let sourceWidth = listings.map { TextWidth.of($0.path ?? "built-in") }.max() ?? 0
            for listing in listings {
                let head = Output.cell(listing.name, nameWidth) + "  " + Output.cell(listing.path ?? "built-in", sourceWidth) + "  "
                switch listing.result {
                case .success(let file):
                    Output.line(head + SafeText.displayable(file.description))
                    let sample = depth.map { ThemeSample.ansi(file.theme, depth: file.usesColour ? $0 : .none) } ?? ThemeSample.plain
                    Output.line("  " + sample)
                case .failure:
                    Output.line(head + "(malformed: see below)")
                }
            }
        }
        for error in errors {
            FileHandle.standardError.write(Data("paddock: \(error)\n".utf8))
        }
        if !errors.isEmpty { Foundation.exit(1) }
    }

    /// The colours to draw samples in, or nil for plain text: none unless standard
    /// output is a terminal and NO_COLOR is unset; 256 when the terminal says so.
    static func sampleDepth() -> ColorDepth? {
        let env = ProcessInfo.processInfo.environment
        guard isatty(STDOUT_FILENO) == 1, (env["NO_COLOR"] ?? "").isEmpty, env["TERM"] != "dumb" else { return nil }
        let term = env["TERM"] ?? ""
        if term.contains("256color") || env["COLORTERM"] != nil { return .full }
        return .sixteen
    }
}
