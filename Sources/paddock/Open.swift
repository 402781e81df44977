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

    func open(_ context: CommandContext) throws {
        let actor = try context.actor()
        if case .suspended(let until) = actor.standing.current(at: Date()) {
            throw CommunityError.notPermitted("\(actor.handle) is suspended until \(Clock.describe(until))")
        }
        let app = PaddockApp(community: context.community, member: actor, width: 80, height: 24)
        var options = TerminalOptions(mouse: !noMouse)
        if let theme {
            if theme == "mono" { options.monochrome = true; options.theme = .mono }
            else { options.theme = try ThemeLoader.load(theme) }
        }
        do {
            try CursesTerminal.run(app, options: options)
        } catch let error as TerminalError {
            throw InputError(message: error.description)
        }
    }
}
