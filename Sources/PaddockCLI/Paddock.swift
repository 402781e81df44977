import ArgumentParser
import Foundation
import PaddockCore
import PaddockStore

/// The `paddock` executable's entry point (Sources/paddock/main.swift).
package enum PaddockCommandLine {
    package static func main() { Paddock.main() }
}

struct Paddock: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paddock",
        abstract: "A brand's community, in a terminal: boards, threads, suggestions, moderation.",
        discussion: """
            With no subcommand, opens the community in the terminal app as the acting member.
            Exit status: 0 on success, 1 when the community refuses a command or the input
            is invalid (one line on stderr says why), 2 on a usage error.
            """,
        subcommands: [
            Init.self, MemberCommand.self, BoardCommand.self, ThreadCommand.self, Reply.self, Edit.self, ThemesCommand.self,
            ProductCommand.self, FeatureCommand.self, SuggestionCommand.self, PollCommand.self, SearchCommand.self, RoadmapCommand.self, ReviewQueueCommand.self, StatsCommand.self,
            RateCommand.self, RatingsCommand.self, ForYouCommand.self, FeedCommand.self,
            MaintenanceCommand.self, Generate.self, Bench.self,
            FlagCommand.self, ModCommand.self, ModlogCommand.self, InboxCommand.self, WatchCommand.self, UnwatchCommand.self, MuteCommand.self, UnmuteCommand.self,
            RevisionsCommand.self, SettingCommand.self, PostCommand.self, LeaderboardCommand.self,
            BackupCommand.self, CheckCommand.self, ExportCommand.self, ImportCommand.self, MailCorpusCommand.self,
            Serve.self, InviteCommand.self, ServedSession.self,
            MailOutCommand.self,
            MailInCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var app: AppOptions
    @OptionGroup var charts: ChartOptions

    mutating func run() throws {
        try app.open(try global.context(), charts: charts)
    }

    /// This very binary: what `serve` runs for each session and `bench` for its children.
    static var executablePath: String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return CommandLine.arguments[0]
    }

    /// Runs the command line with Paddock's exit codes: 1 for refusals, 2 for usage.
    static func main() {
        var global: GlobalOptions?
        do {
            var command = try parseAsRoot()
            global = globalOptions(of: command)
            try command.run()
        } catch let error as CommunityError {
            fail(error.description)
        } catch let error as OpenError {
            fail(error.description)
        } catch let error as InputError {
            fail(error.message, details: error.details)
        } catch {
            // Storage errors in one line a person understands; SQL only with --verbose.
            if let failure = StorageFailure(error, path: global?.databasePath ?? "the community file") {
                fail(failure.description, details: global?.verbose == true ? SafeText.multiline(failure.details) : [])
            }
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data((usageMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }

    /// The parsed command's `--db`, `--as` and `--verbose`, for reporting its errors.
    static func globalOptions(of command: any ParsableCommand) -> GlobalOptions? {
        Mirror(reflecting: command).children.lazy.compactMap { ($0.value as? OptionGroup<GlobalOptions>)?.wrappedValue }.first
    }

    /// Every refusal is printed here, as one line made safe like member text
    /// (SafeText.errorLine): whatever it quotes from input cannot break the
    /// line, reach the terminal as an escape sequence, or flood it.
    static func fail(_ message: String, details: [String] = []) -> Never {
        let lines = ["paddock: \(SafeText.errorLine(message))"] + details.map { SafeText.errorLine($0) }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        Foundation.exit(1)
    }

    /// A usage error as the argument parser words it, its first line (which may
    /// quote what was typed: `The value '…' is invalid`) made one safe line, then
    /// the usage lines it adds.
    static func usageMessage(for error: Error) -> String {
        let full = fullMessage(for: error)
        let message = self.message(for: error)
        guard !message.isEmpty, let range = full.range(of: message) else { return SafeText.multiline(full).joined(separator: "\n") }
        return full.replacingCharacters(in: range, with: SafeText.errorLine(message))
    }
}

/// Input the command line itself could not use (a file that can't be read).
struct InputError: Error {
    let message: String
    /// A report's further lines (import's problems, one each), printed under the message, each made safe.
    var details: [String] = []
}
