import PackagePlugin

/// Builds the theme files into the binary. The target's `*.toml` files (for
/// PaddockTUI: Themes/, linked into it as Sources/PaddockTUI/Theme/BuiltIn) are
/// written by the tool `embed-themes` into BuiltInThemes.swift, their text as
/// Swift string literals, in the plugin's work folder under .build; the target
/// compiles that file. The TOML files stay the one source: the generated file
/// is never committed, and an edited, added or removed theme file is picked up
/// by the next build.
@main
struct EmbedThemes: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        // Files of the target, not a folder read here: SwiftPM plans the build
        // again when one is added or removed, and runs the command when one changes.
        let files = target.sourceFiles(withSuffix: "toml").map(\.url).sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInThemes.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) theme files",
                executable: try context.tool(named: "embed-themes").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            ),
        ]
    }
}
