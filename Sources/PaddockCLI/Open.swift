import ArgumentParser
import CursesTerminal
import Foundation
import PaddockCore
import PaddockStore
import PaddockTUI

/// Opening the terminal app: what `paddock` does with no subcommand.
struct AppOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A theme by name (see `paddock themes`) or a theme file's path.", valueName: "name|path"))
    var theme: String?

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (select and copy text as usual).")
    var noMouse = false

    func open(_ context: CommandContext, charts: ChartOptions) throws {
        // The theme first: a malformed one stops here, before the terminal is touched.
        var options = TerminalOptions(mouse: !noMouse)
        if let theme {
            let file: ThemeFile
            do {
                file = try ThemeLoader.standard().load(theme)
            } catch {
                throw InputError(message: error.description)
            }
            options.theme = file.theme
            // A theme without colours (mono) is drawn with attributes only.
            options.monochrome = !file.usesColour
        }
        let actor = try context.actor()
        try Rules.mayOpen(actor, at: Date())
        // Block elements need a font that has them; a colourless theme usually means a plain terminal.
        let chartStyle: ChartStyle = options.monochrome ? .ascii : charts.style
        let app = PaddockApp(community: context.community, member: actor, width: 80, height: 24, chartStyle: chartStyle)
        // Other processes' commits wake the app; between them it sleeps.
        options.changes = .watching(databaseAt: context.path)
        do {
            try CursesTerminal.run(app, options: options)
        } catch let error as TerminalError {
            throw InputError(message: error.description)
        }
    }
}

/// `--ascii`, for the app's dashboard and for `paddock stats`. Both commands
/// hold it as `charts`, so that `paddock stats --ascii` reaches the stats
/// command rather than being taken by the root's option of the same name.
struct ChartOptions: ParsableArguments {
    @Flag(help: "Draw the charts in ASCII rather than block elements.")
    var ascii = false

    var style: ChartStyle { ascii ? .ascii : .blocks }
}
