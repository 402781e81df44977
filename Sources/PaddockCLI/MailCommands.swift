import ArgumentParser
import Foundation
import PaddockCore
import PaddockStore

// Mailing lists in and out: `import --mbox|--maildir` and `export --mbox`.
// Parsing, threading and writing are the store's (`Community.importMail`,
// `exportMbox`); this file reads the arguments and prints.

/// `import`'s options for mail.
struct MailImportOptions: ParsableArguments {
    @Option(parsing: .upToNextOption, help: ArgumentHelp("Import these mbox files (mboxrd or mboxo).", valueName: "file"))
    var mbox: [String] = []

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Import these maildirs (their cur/ and new/ messages).", valueName: "dir"))
    var maildir: [String] = []

    @Option(help: ArgumentHelp("The discussion board that receives the mail (with --mbox or --maildir).", valueName: "slug"))
    var board: String?

    @Flag(help: "Read, thread and count everything, and print the summary; write nothing.")
    var dryRun = false

    var isMail: Bool { !mbox.isEmpty || !maildir.isEmpty }

    var sources: [MailSource] { mbox.map(MailSource.mbox) + maildir.map(MailSource.maildir) }
}

/// `export`'s options for mail.
struct MailExportOptions: ParsableArguments {
    @Flag(help: "Write one board as an mbox (with --board) instead of the whole community as JSON.")
    var mbox = false

    @Option(help: ArgumentHelp("The board to write as an mbox.", valueName: "slug"))
    var board: String?

    @Option(help: ArgumentHelp("Write the mbox to this file instead of standard output: a file is replaced when the mbox is complete (a link's target, not the link); a device or pipe is written into.", valueName: "file"))
    var output: String?
}

enum MailCommands {
    /// Imports mail as the acting member (an admin) and prints the summary.
    static func importMail(_ options: MailImportOptions, global: GlobalOptions) throws {
        let (community, actor) = try global.acting()
        let bar = ProgressBar(dryRun: options.dryRun)
        let report = try community.importMail(by: actor, sources: options.sources, board: options.board ?? "",
                                              dryRun: options.dryRun, progress: bar.show)
        bar.clear()
        let names = options.sources.map(\.path).joined(separator: ", ")
        Output.line(report.dryRun
            ? "Dry run of \(SafeText.displayable(names)) into '\(options.board ?? "")': nothing was written."
            : "Imported \(SafeText.displayable(names)) into '\(options.board ?? "")'.")
        for line in summary(report) { Output.line(line) }
    }

    /// The summary's lines: each count, skips by reason, then the first skipped messages by place.
    static func summary(_ report: MailImportReport) -> [String] {
        var rows: [(String, Int)] = [
            ("messages read", report.read),
            (report.dryRun ? "would be imported" : "imported", report.imported),
            ("already present", report.alreadyPresent),
            ("skipped", report.skippedTotal),
        ]
        let reasons = report.skipped.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        var lines: [String] = []
        let more: [(String, Int)] = [
            ("threads created", report.threadsCreated),
            ("joined threads imported before", report.joinedExisting),
            ("members created", report.membersCreated),
            ("bodies cut at 64 KB", report.truncated),
            ("text in an unknown charset, read as Latin-1", report.unknownCharset),
            ("dated in the future, dated at the import", report.futureDates),
        ]
        let width = (rows + more).map { $0.0.count }.max()!
        func row(_ name: String, _ value: Int) -> String {
            "  " + name + String(repeating: " ", count: width - name.count) + "  " + String(value)
        }
        lines += rows.map(row)
        lines += reasons.map { "    \($0.value) \($0.key)" }
        rows = more
        lines += rows.map(row)
        lines += report.empty
        if !report.problems.isEmpty {
            lines.append(report.problems.count < report.skippedTotal ? "Skipped (the first \(report.problems.count)):" : "Skipped:")
            lines += report.problems.map { "  " + SafeText.displayable($0) }
        }
        return lines
    }

    /// Writes a board as an mbox to `--output` or standard output.
    static func exportMbox(_ options: MailExportOptions, global: GlobalOptions) throws {
        guard let board = options.board else { throw ValidationError("export --mbox needs --board SLUG") }
        let community = try global.community()
        guard let path = options.output else {
            try community.exportMbox(board: board) { Output.write(Data($0)) }
            return
        }
        let output = try OutputFile(path, community: global.databasePath)
        let counts = try output.write { write in try community.exportMbox(board: board, write: write) }
        FileHandle.standardError.write(Data("Exported \(counts.threads) threads, \(counts.posts) posts of '\(board)' to \(path).\n".utf8))
    }
}

/// A one-line progress bar on standard error, redrawn in place with `\r`:
/// the share done, messages, messages per second and the time left. It draws
/// only when both standard output and standard error are terminals, so
/// `paddock import … > report.txt` and scripts get the summary alone. The
/// line fits the terminal's width (asked at each redraw): narrower, it drops
/// the rate, then the count, then the time left, then shortens the bar.
/// A dry run's second phase is "checking", not "writing".
final class ProgressBar {
    let enabled = isatty(STDOUT_FILENO) != 0 && isatty(STDERR_FILENO) != 0
    let dryRun: Bool

    init(dryRun: Bool = false) { self.dryRun = dryRun }

    /// The terminal's columns on standard error (80 when it does not say).
    static func columns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    /// The line for a terminal `width` columns wide (always shorter than it, so it never wraps).
    static func line(label: String, fraction: Double, done: Int, rate: Int, time: String, width: Int) -> String {
        let percent = "\(Int(fraction * 100))%"
        let extras = ["\(done) messages", "\(rate) msg/s", time]
        func compose(_ cells: Int, _ kept: [String]) -> String {
            let filled = Int(fraction * Double(cells))
            let bar = cells > 0 ? " [" + String(repeating: "#", count: filled) + String(repeating: ".", count: cells - filled) + "]" : ""
            return ([label + bar + " " + percent] + kept).joined(separator: "  ")
        }
        let limit = max(1, width - 1)
        // The rate goes first, then the count, then the time left; then the bar shrinks.
        for kept in [extras, [extras[0], extras[2]], [extras[2]], []] where compose(20, kept).count <= limit {
            return compose(20, kept)
        }
        for cells in stride(from: 19, through: 5, by: -1) where compose(cells, []).count <= limit { return compose(cells, []) }
        return String((label + " " + percent).prefix(limit))
    }
    var phase: MailImportProgress.Phase?
    /// Rates and time left are the current phase's: reading is much faster than writing.
    var phaseStarted = Date()
    var lastDrawn = Date.distantPast
    var drew = false

    func show(_ progress: MailImportProgress) {
        guard enabled else { return }
        if progress.phase != phase {
            phase = progress.phase
            phaseStarted = Date()
        }
        guard Date().timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = Date()
        let elapsed = Date().timeIntervalSince(phaseStarted)
        let fraction: Double = switch progress.phase {
        case .reading: progress.totalBytes > 0 ? Double(progress.bytesRead) / Double(progress.totalBytes) : 0
        case .writing: (progress.total ?? 0) > 0 ? Double(progress.done) / Double(progress.total!) : 1
        }
        let clamped = min(1, max(0, fraction))
        let rate = elapsed > 0 ? Double(progress.done) / elapsed : 0
        let left = clamped > 0.01 ? elapsed * (1 - clamped) / clamped : nil
        let time = left.map { "\(Int($0) / 60):\(String(format: "%02d", Int($0) % 60)) left" } ?? "…"
        let label = progress.phase == .writing && dryRun ? "checking" : progress.phase.rawValue
        let line = Self.line(label: label, fraction: clamped, done: progress.done, rate: Int(rate), time: time, width: Self.columns())
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
        drew = true
    }

    func clear() {
        if drew { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// `paddock mail-corpus`: a synthetic mailing list to measure imports with (hidden: for the bench and scripts).
struct MailCorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail-corpus",
        abstract: "Write a synthetic mailing-list archive (an mbox, or a maildir) for measuring imports.",
        shouldDisplay: false)

    @Option(help: "How many messages.") var messages: Int = 100_000
    @Option(help: ArgumentHelp("Write an mbox here.", valueName: "file")) var mbox: String?
    @Option(help: ArgumentHelp("Write a maildir here.", valueName: "dir")) var maildir: String?
    @Option(help: "The generator's seed: the same seed writes the same bytes.") var seed: UInt64 = 19

    func validate() throws {
        guard (1...10_000_000).contains(messages) else { throw ValidationError("--messages must be between 1 and 10000000") }
        guard (mbox == nil) != (maildir == nil) else { throw ValidationError("give --mbox FILE or --maildir DIR") }
    }

    func run() throws {
        let corpus = SyntheticMail(messages: messages, seed: seed)
        if let maildir {
            try corpus.writeMaildir(maildir)
        } else if let mbox {
            guard FileManager.default.createFile(atPath: mbox, contents: nil), let handle = FileHandle(forWritingAtPath: mbox) else {
                throw InputError(message: "cannot write \(mbox)")
            }
            try corpus.writeMbox { try handle.write(contentsOf: $0) }
            try handle.close()
        }
    }
}
