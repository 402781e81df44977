import ArgumentParser
import Foundation
@testable import PaddockCLI
import Testing

/// Help text is a contract: every command's `--help`, rendered in process at a
/// fixed width, must equal its committed snapshot in Snapshots/help. After a
/// deliberate change, `PADDOCK_UPDATE_SNAPSHOTS=1 swift test --filter HelpSnapshotTests`
/// writes them anew (and removes those of commands that are gone); review the diff.
@Suite struct HelpSnapshotTests {
    /// The width help is rendered at, whatever the terminal running the tests.
    static let columns = 80

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/help")

    static var updating: Bool { ProcessInfo.processInfo.environment["PADDOCK_UPDATE_SNAPSHOTS"] == "1" }

    /// Every command under `command`, itself first, each with its path of names (`["paddock", "thread", "list"]`).
    static func commands(_ command: ParsableCommand.Type, path: [String] = []) -> [(path: [String], type: ParsableCommand.Type)] {
        let here = path + [command._commandName]
        return [(here, command)] + command.configuration.subcommands.flatMap { commands($0, path: here) }
    }

    static func fileName(_ path: [String]) -> String { path.joined(separator: "-") + ".txt" }

    static func help(_ command: ParsableCommand.Type) -> String {
        Paddock.helpMessage(for: command, columns: columns) + "\n"
    }

    @Test func everyCommandsHelpMatchesItsSnapshot() throws {
        let commands = Self.commands(Paddock.self)
        #expect(commands.count > 80, "the walk found only \(commands.count) commands")
        if Self.updating { try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true) }
        for (path, command) in commands {
            let file = Self.folder.appendingPathComponent(Self.fileName(path))
            let help = Self.help(command)
            if Self.updating {
                try Data(help.utf8).write(to: file)
                continue
            }
            guard let data = FileManager.default.contents(atPath: file.path) else {
                Issue.record("no snapshot for `\(path.joined(separator: " "))`: run with PADDOCK_UPDATE_SNAPSHOTS=1 to write \(file.lastPathComponent)")
                continue
            }
            let snapshot = String(decoding: data, as: UTF8.self)
            if help != snapshot {
                let rows = Self.difference(snapshot, help)
                Issue.record("`\(path.joined(separator: " ")) --help` differs from \(file.lastPathComponent) (PADDOCK_UPDATE_SNAPSHOTS=1 rewrites it):\n\(rows)")
            }
        }
        // A snapshot no command renders any more is stale.
        let expected = Set(commands.map { Self.fileName($0.path) })
        let present = (try? FileManager.default.contentsOfDirectory(atPath: Self.folder.path)) ?? []
        for stale in present where stale.hasSuffix(".txt") && !expected.contains(stale) {
            if Self.updating {
                try FileManager.default.removeItem(at: Self.folder.appendingPathComponent(stale))
            } else {
                Issue.record("\(stale) is the snapshot of no command: remove it, or run with PADDOCK_UPDATE_SNAPSHOTS=1")
            }
        }
    }

    /// The rows that differ, numbered, the snapshot's first.
    static func difference(_ snapshot: String, _ help: String) -> String {
        let old = snapshot.split(separator: "\n", omittingEmptySubsequences: false)
        let new = help.split(separator: "\n", omittingEmptySubsequences: false)
        return (0..<max(old.count, new.count)).compactMap { i -> String? in
            let was = i < old.count ? String(old[i]) : "(none)", now = i < new.count ? String(new[i]) : "(none)"
            return was == now ? nil : "  line \(i + 1)\n    snapshot: \(was)\n    now:      \(now)"
        }.joined(separator: "\n")
    }

    /// The snapshots are what people see: the binary's own `--help` at the same width is the root's snapshot.
    @Test func theBinaryPrintsTheSameHelp() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["--help"], environment: ["COLUMNS": "\(Self.columns)"], withDB: false)
        #expect(result.status == 0)
        #expect(result.stdout == Self.help(Paddock.self))
    }
}
