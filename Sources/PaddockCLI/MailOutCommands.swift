import ArgumentParser
import Dispatch
import Foundation
import PaddockCore
import PaddockStore

extension MailDigest: ExpressibleByArgument {}

/// `on` or `off`, as the mail choices are typed.
enum Switch: String, ExpressibleByArgument {
    case on, off
    var isOn: Bool { self == .on }
}

// MARK: - member email, member mail

extension MemberCommand {
    struct Email: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give, show or clear your email address (for notices and digests; never shown to other members).",
            discussion: """
                The address is yours: you (and admins, to help) read it; no other member or staff ever does.
                Giving it starts mail from now on (no backlog): notices of mentions, replies and status changes,
                and a weekly digest; `paddock member mail` changes which.

                Examples:
                  paddock member email set ann@example.org
                  paddock member email show
                  paddock member email clear
                """,
            subcommands: [Set.self, Show.self, Clear.self])

        struct Set: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Give your email address (or, for an admin, a member's).")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "The address, like name@example.org.") var address: String
            @Option(help: ArgumentHelp("The member whose address it is (admins only; default: you).", valueName: "handle")) var member: String?

            func run() throws {
                let (community, actor) = try global.acting()
                let settings = try community.setEmail(by: actor, member: member ?? actor.handle, address: address)
                Output.line("\(settings.handle)'s email is \(settings.address ?? ""); mail starts from now.")
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Show your email address and mail settings (or, for an admin, a member's).")
            @OptionGroup var global: GlobalOptions
            @Option(help: ArgumentHelp("The member (admins only; default: you).", valueName: "handle")) var member: String?
            @OptionGroup var output: OutputOptions

            func run() throws {
                let (community, actor) = try global.acting()
                let settings = try community.memberMail(of: member ?? actor.handle, viewer: actor)
                try output.emit(settings) { MailSettingsText.print(settings) }
            }
        }

        struct Clear: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Remove your email address: no more mail (or, for an admin, a member's).")
            @OptionGroup var global: GlobalOptions
            @Option(help: ArgumentHelp("The member (admins only; default: you).", valueName: "handle")) var member: String?

            func run() throws {
                let (community, actor) = try global.acting()
                let handle = member ?? actor.handle
                try community.clearEmail(by: actor, member: handle)
                Output.line("\(handle) has no email address now; no mail goes out to them.")
            }
        }
    }

    struct Mail: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Choose which mail you get: notices of mentions, replies and status changes, and a digest.",
            discussion: """
                With no option, shows the choices. Each notice kind is on or off; the digest is daily, weekly or never.

                Example:
                  paddock member mail --mentions off --digest daily
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Mail when someone @mentions you: on or off.", valueName: "on|off")) var mentions: Switch?
        @Option(help: ArgumentHelp("Mail when someone replies to you: on or off.", valueName: "on|off")) var replies: Switch?
        @Option(help: ArgumentHelp("Mail when a suggestion you wrote or support changes status: on or off.", valueName: "on|off")) var statuses: Switch?
        @Option(help: ArgumentHelp("A digest of your unread inbox and the week's best supported suggestions: daily, weekly or never.",
                                   valueName: "daily|weekly|never")) var digest: MailDigest?
        @Option(help: ArgumentHelp("The member (admins only; default: you).", valueName: "handle")) var member: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            let (community, actor) = try global.acting()
            let handle = member ?? actor.handle
            let settings = mentions == nil && replies == nil && statuses == nil && digest == nil
                ? try community.memberMail(of: handle, viewer: actor)
                : try community.setMailChoices(by: actor, member: handle, mentions: mentions?.isOn, replies: replies?.isOn,
                                               statuses: statuses?.isOn, digest: digest)
            try output.emit(settings) { MailSettingsText.print(settings) }
        }
    }
}

enum MailSettingsText {
    static func print(_ s: MemberMailSettings) {
        let onOff = { (b: Bool) in b ? "on" : "off" }
        Output.line("email     \(s.address ?? "none")")
        Output.line("mentions  \(onOff(s.choices.mentions))")
        Output.line("replies   \(onOff(s.choices.replies))")
        Output.line("statuses  \(onOff(s.choices.statuses))")
        Output.line("digest    \(s.choices.digest.rawValue)" + (s.digestDueAt.map { ", next \(Output.date($0))" } ?? ""))
        if let stopped = s.stoppedAt {
            Output.line("stopped   \(Output.date(stopped)): \(SafeText.displayable(s.stopReason ?? "")); `paddock member email set` starts it again")
        } else if s.address == nil {
            Output.line("no mail goes out until an address is given")
        }
    }
}

// MARK: - mail-out

struct MailOutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail-out",
        abstract: "Send the mail that is due to members: notices and digests, through sendmail.",
        discussion: """
            Run it from cron or a systemd timer (or `paddock serve --mail`, every minute). Each message goes to the
            sendmail command on its standard input, with `-f bounce+ID@MAIL_HOST` added; the mail_host setting must
            be set. Nothing is sent twice: a message is recorded in the transaction that claims it, and marked sent,
            queued for a retry (after 1 min, 5 min, 30 min, 2 h, 12 h, then given up) or failed. Exit 67 or 68
            from sendmail counts as a hard bounce; a member's mail stops after 5.

            Examples:
              paddock mail-out
              paddock mail-out --sendmail "msmtp -C /etc/paddock/msmtprc -t"
              paddock mail-out --status
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The sendmail command, run without a shell; the message goes to its standard input.", valueName: "command"))
    var sendmail = Sendmail.standard
    @Flag(help: "Show what was sent, what waits for a retry, what failed and whose mail stopped; send nothing.") var status = false
    @Option(help: ArgumentHelp("Send at most this many messages in this run (1–1000000).", valueName: "n")) var limit = 10_000
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...1_000_000).contains(limit) else { throw ValidationError("--limit is 1–1000000") }
    }

    func run() throws {
        let community = try global.community()
        if status {
            let report = try community.mailOutStatus()
            try output.emit(report) { MailOutText.status(report) }
            return
        }
        let command = try Sendmail(sendmail)
        let report = try community.sendDueMail(limit: limit) { command.send($0) }
        try output.emit(report) {
            Output.line("Sent \(report.sent), queued \(report.queued) for a retry, failed \(report.failed).")
        }
    }
}

enum MailOutText {
    static func status(_ s: MailOutStatus) {
        Output.line("mail_host \(s.host ?? "none (mail-out sends nothing)"); \(s.members) member\(s.members == 1 ? "" : "s") get\(s.members == 1 ? "s" : "") mail")
        let states = MailState.allCases.map { "\($0.rawValue) \(s.counts[$0.rawValue] ?? 0)" }
        Output.line(states.joined(separator: ", "))
        if !s.problems.isEmpty {
            Output.line()
            Output.table(["ID", "MEMBER", "KIND", "STATE", "TRIES", "NEXT", "REASON"], s.problems.map {
                ["\($0.id)", $0.handle, $0.kind.rawValue, $0.state.rawValue, "\($0.attempts)",
                 $0.nextAttemptAt.map(Output.date) ?? "-", $0.reason ?? ""]
            })
        }
        if s.stoppedCount > 0 {
            Output.line()
            Output.line("\(s.stoppedCount) member\(s.stoppedCount == 1 ? "'s" : "s'") mail stopped:")
            Output.table(["MEMBER", "SINCE", "WHY"], s.stopped.map { [$0.handle, Output.date($0.stoppedAt), $0.reason] })
        }
    }
}

/// The sendmail interface: a command and its arguments, run directly (no
/// shell, so nothing in a message or address can run anything), the message
/// on its standard input, `-f ENVELOPE` added.
struct Sendmail: Sendable {
    static let standard = "/usr/sbin/sendmail -t -i"
    /// A sendmail that has not answered in this long is stopped, and the message retried.
    static let timeout: TimeInterval = 120
    let executable: String
    let arguments: [String]

    /// Splits the command into words (quotes group, backslash escapes) and
    /// finds the program; refuses one that is not there.
    init(_ command: String) throws {
        let words = try Self.words(command)
        guard let first = words.first else { throw ValidationError("--sendmail needs a command, like \(Self.standard)") }
        let path = first.contains("/") ? first
            : (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/sbin:/usr/bin:/sbin:/bin").split(separator: ":")
                .map { "\($0)/\(first)" }.first { FileManager.default.isExecutableFile(atPath: $0) } ?? first
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw InputError(message: "no sendmail program at \(first): install an MTA (postfix, exim4 or msmtp-mta) or give --sendmail")
        }
        executable = path
        arguments = Array(words.dropFirst())
    }

    static func words(_ command: String) throws -> [String] {
        var words: [String] = [], current = "", inWord = false
        var quote: Character?
        var escaped = false
        for c in command {
            if escaped { current.append(c); escaped = false; inWord = true; continue }
            if c == "\\", quote != "'" { escaped = true; continue }
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
                continue
            }
            if c == "'" || c == "\"" { quote = c; inWord = true; continue }
            if c == " " || c == "\t" {
                if inWord { words.append(current); current = ""; inWord = false }
                continue
            }
            current.append(c)
            inWord = true
        }
        guard quote == nil, !escaped else { throw ValidationError("--sendmail: an unclosed quote in \(command)") }
        if inWord { words.append(current) }
        return words
    }

    /// Hands one message over and says what became of it.
    func send(_ mail: ClaimedMail) -> SendmailOutcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments + ["-f", mail.envelopeFrom]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch {
            return .failed("cannot run \(executable): \(error.localizedDescription)")
        }
        // Stderr is drained on its own thread so a chatty sendmail never blocks on a full pipe.
        nonisolated(unsafe) var said = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            said = errors.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        signal(SIGPIPE, SIG_IGN)
        try? input.fileHandleForWriting.write(contentsOf: mail.message)
        try? input.fileHandleForWriting.close()
        if finished.wait(timeout: .now() + Self.timeout) == .timedOut {
            process.terminate()
            process.waitUntilExit()
            _ = drained.wait(timeout: .now() + 5)
            return .failed("sendmail did not finish in \(Int(Self.timeout)) s")
        }
        process.waitUntilExit()
        _ = drained.wait(timeout: .now() + 5)
        if process.terminationReason == .uncaughtSignal {
            return .failed("sendmail was killed by signal \(process.terminationStatus)")
        }
        return SendmailOutcome.of(exitStatus: process.terminationStatus, stderr: String(decoding: said, as: UTF8.self))
    }
}
