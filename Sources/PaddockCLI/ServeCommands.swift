import ArgumentParser
import CursesTerminal
import Dispatch
import Foundation
import Logging
import PaddockCore
import PaddockServer
import PaddockStore
import PaddockTUI

extension SignupPolicy: ExpressibleByArgument {}

// MARK: - serve

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the community over SSH: members connect with `ssh -p PORT host`.",
        discussion: """
            Members are who their key says (`paddock member key add`); unknown keys follow the \
            `signup` setting (closed, invite or open). Each session runs the app in its own \
            process. The Ed25519 host key is created next to the community file on the first \
            start. SIGTERM (or Ctrl-C) stops accepting, tells sessions, waits, and exits 0. \
            Run it as the account that owns the community file.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Where to listen (port 0: any free port).", valueName: "host:port"))
    var listen = "0.0.0.0:2222"

    @Option(help: ArgumentHelp("An external editor for ^O, run in its restricted mode: nano (as `nano -R -I`). Without it, sessions have the built-in editor only.", valueName: "command"))
    var editor: String?

    @Option(name: .customLong("log-file"), help: ArgumentHelp("Append the log here instead of standard error.", valueName: "path"))
    var logFile: String?

    @Option(name: .customLong("host-key"), help: ArgumentHelp("The host key file (default: the community file's path + .host_ed25519_key).", valueName: "path"))
    var hostKey: String?

    @Option(name: .customLong("shutdown-grace"), help: ArgumentHelp("Seconds SIGTERM waits for sessions to end.", valueName: "seconds"))
    var shutdownGrace = 10

    @Flag(help: "Also send members' mail every minute (`paddock mail-out`, in a process of its own).") var mail = false

    @Option(help: ArgumentHelp("The sendmail command for --mail (default: \(Sendmail.standard)).", valueName: "command"))
    var sendmail: String?

    @Option(name: .customLong("idle-timeout-seconds"), help: .hidden) var idleTimeoutSeconds: Int?
    @Option(name: .customLong("auth-delay-ms"), help: .hidden) var authDelayMilliseconds = 1000
    @Option(name: .customLong("login-grace-seconds"), help: .hidden) var loginGraceSeconds = 60

    func validate() throws {
        guard Self.parseListen(listen) != nil else { throw ValidationError("--listen takes HOST:PORT, e.g. 0.0.0.0:2222 or 127.0.0.1:0") }
        if sendmail != nil, !mail { throw ValidationError("--sendmail goes with --mail") }
        guard (0...600).contains(shutdownGrace) else { throw ValidationError("--shutdown-grace must be between 0 and 600 seconds") }
        // The hidden ones, for tests: bounded too, so no duration arithmetic can overflow.
        guard (0...60_000).contains(authDelayMilliseconds), (1...86_400).contains(loginGraceSeconds),
              idleTimeoutSeconds.map({ (0...86_400).contains($0) }) ?? true else {
            throw ValidationError("--auth-delay-ms is 0–60000, --login-grace-seconds 1–86400, --idle-timeout-seconds 0–86400")
        }
    }

    static func parseListen(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else { return nil }
        return (host, port)
    }

    func run() throws {
        let path = global.databasePath
        let database = try AppDatabase.open(path: path)
        guard GlobalOptions.operates(path) else {
            throw CommunityError.notPermitted("only the owner of \(path) may serve it: sessions act as any member")
        }
        let editorCommand = try editor.map(RestrictedEditor.command(for:))
        let community = Community(database: database)
        let (host, port) = Self.parseListen(listen)!

        let output: FileHandle
        if let logFile {
            guard FileManager.default.fileExists(atPath: logFile) || FileManager.default.createFile(atPath: logFile, contents: nil),
                  let handle = FileHandle(forWritingAtPath: logFile) else {
                throw InputError(message: "cannot write the log file \(logFile)")
            }
            handle.seekToEndOfFile()
            output = handle
        } else {
            output = FileHandle.standardError
        }
        LoggingSystem.bootstrap { _ in LineLogHandler(output: output) }
        let logger = Logger(label: "paddock.serve")

        let keyPath = hostKey ?? HostKey.path(forDatabase: path)
        let key = try HostKey.loadOrCreate(at: keyPath)
        var configuration = ServeConfiguration(databasePath: path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path,
                                               host: host, port: port, executablePath: Paddock.executablePath,
                                               editorCommand: editorCommand, hostKeyPath: keyPath)
        configuration.shutdownGrace = .seconds(Int64(shutdownGrace))
        configuration.idleTimeoutOverride = idleTimeoutSeconds
        configuration.failedAuthDelay = .milliseconds(Int64(max(0, authDelayMilliseconds)))
        configuration.loginGrace = .seconds(Int64(max(1, loginGraceSeconds)))

        // Signals first, so a SIGTERM during start-up is not lost.
        let stop = DispatchSemaphore(value: 0)
        var sources: [DispatchSourceSignal] = []
        for sig in [SIGTERM, SIGINT, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { stop.signal() }
            source.resume()
            sources.append(source)
        }
        signal(SIGPIPE, SIG_IGN)

        // Mail checks its settings and program before serving, so a mistake is one line now, not a log line a minute.
        let mailer = try mail ? MailOutTimer(databasePath: configuration.databasePath, sendmail: sendmail ?? Sendmail.standard,
                                             community: community, logger: logger) : nil

        let server = PaddockSSHServer(configuration: configuration, community: community, hostKey: key, logger: logger)
        let address: String
        do {
            let bound = try server.start()
            address = "\(bound.ipAddress ?? host):\(bound.port ?? port)"
        } catch {
            throw InputError(message: "cannot listen on \(listen): \(error)")
        }
        let settings = try community.serveSettings()
        Output.line("Serving \(path) on \(address)")
        Output.line("Host key \(key.fingerprint) (ssh-ed25519\(key.created ? ", new" : ""), \(keyPath))")
        Output.line("Signup is \(settings.signup.rawValue); editor: \(editorCommand ?? "built-in only")")
        if let mailer {
            mailer.start()
            Output.line("Mail: mail-out every minute through \(sendmail ?? Sendmail.standard)")
        }
        fflush(nil)
        logger.info("listening", metadata: ["address": "\(address)", "signup": "\(settings.signup.rawValue)"])

        stop.wait()
        mailer?.stop()
        server.shutdown()
        withExtendedLifetime(sources) {}
        Foundation.exit(0)
    }
}

/// `serve --mail`: runs `paddock mail-out` every minute in a child process, on
/// a queue of its own, so sending never holds a session's thread or its
/// database connection; a run still going when the next is due is not doubled.
final class MailOutTimer: @unchecked Sendable {
    let databasePath: String
    let sendmail: String
    let logger: Logger
    let queue = DispatchQueue(label: "paddock.mail-out")
    var timer: DispatchSourceTimer?

    init(databasePath: String, sendmail: String, community: Community, logger: Logger) throws {
        _ = try Sendmail(sendmail)
        guard try community.mailSettings().host != nil else {
            throw CommunityError.invalid("--mail: mail_host is not set: `paddock setting set mail_host HOST` first")
        }
        self.databasePath = databasePath
        self.sendmail = sendmail
        self.logger = logger
    }

    func start() {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + 5, repeating: 60)
        timer.setEventHandler { [weak self] in self?.runOnce() }
        timer.resume()
        self.timer = timer
    }

    func stop() { timer?.cancel() }

    private func runOnce() {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Paddock.executablePath)
        process.arguments = ["mail-out", "--db", databasePath, "--sendmail", sendmail, "--json"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            logger.error("mail-out did not start", metadata: ["error": "\(error)"])
            return
        }
        let said = out.fileHandleForReading.readDataToEndOfFile()
        let problem = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            logger.error("mail-out failed", metadata: ["status": "\(process.terminationStatus)",
                                                       "error": "\(SafeText.errorLine(String(decoding: problem, as: UTF8.self)))"])
        } else if let report = try? JSONDecoder().decode(MailOutReport.self, from: said), report != MailOutReport() {
            logger.info("mail-out", metadata: ["sent": "\(report.sent)", "queued": "\(report.queued)", "failed": "\(report.failed)"])
        }
    }
}

/// The external editors a served session may start, each in its restricted mode.
enum RestrictedEditor {
    /// nano with `-R` (restricted: only the file it was given, no ^T, no
    /// suspend, no history) and `-I` (no nanorc, which could name a speller to run).
    /// vim is refused: its restricted mode (-Z, rvim) still reads and writes any
    /// file the account can, the community file included.
    static func command(for requested: String) throws -> String {
        let words = requested.split(separator: " ")
        guard words.count == 1, let word = words.first else {
            throw ValidationError("--editor takes the editor's name or path alone (nano); Paddock adds its restricted-mode flags")
        }
        let name = (String(word) as NSString).lastPathComponent
        guard name == "nano" || name == "rnano" else {
            throw ValidationError("--editor \(requested): only nano is supported (it runs as `nano -R -I`); vim's restricted mode can still write any file the server can")
        }
        let path = String(word).hasPrefix("/") ? String(word) : (["/usr/bin", "/bin", "/usr/local/bin"].map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) } ?? "")
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ValidationError("--editor \(requested): \(name) is not installed here")
        }
        return "\(path) -R -I"
    }
}

// MARK: - served-session (started by serve; not for people)

struct ServedSession: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "served-session", abstract: "One session of `paddock serve` (started by the server, not by people).",
        shouldDisplay: false)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The member the server authenticated.") var member: Int64?
    @Option(help: "Sign a newcomer up first (invite or open); the key comes from the server.") var signup: SignupPolicy?
    @Option(help: "The restricted external editor the operator allowed.") var editor: String?

    func validate() throws {
        guard (member == nil) != (signup == nil) else { throw ValidationError("give --member or --signup") }
    }

    func run() throws {
        let path = global.databasePath
        guard GlobalOptions.operates(path) else {
            throw CommunityError.notPermitted("served sessions are started by `paddock serve` as the owner of \(path)")
        }
        let community = Community(database: try AppDatabase.open(path: path))
        let actor: Actor
        if let member {
            actor = try community.actor(id: member)
        } else {
            guard let line = ProcessInfo.processInfo.environment["PADDOCK_SIGNUP_KEY"] else {
                throw CommunityError.invalid("no key to sign up with")
            }
            actor = try SignupPrompt(community: community, policy: signup!, key: try AuthorizedKey.parse(line)).run()
        }
        try Rules.mayOpen(actor, at: Date())
        var options = TerminalOptions()
        options.editor = editor.map { .command($0) } ?? .none
        // The server watches the file once for all its sessions and tells each (SIGUSR1).
        options.changes = .none
        let app = PaddockApp(community: community, member: actor, width: 80, height: 24)
        do {
            try CursesTerminal.run(app, options: options)
        } catch let error as TerminalError {
            throw InputError(message: error.description)
        }
    }
}

/// Asks a newcomer for an invite code (when signup is by invite) and a handle,
/// on the session's terminal, before the app opens.
struct SignupPrompt {
    let community: Community
    let policy: SignupPolicy
    let key: MemberKeyLine

    func run() throws -> Actor {
        say("Welcome to Paddock. Your key is new here:")
        say("  \(key.fingerprint)")
        var code: String?
        if policy == .invite {
            for attempt in 1...3 {
                guard let typed = ask("Invite code: ") else { throw CommunityError.invalid("no invite code given") }
                do {
                    try community.checkInvite(typed)
                    code = typed
                    break
                } catch let error as CommunityError {
                    say(error.description + (attempt < 3 ? "; try again." : "."))
                }
            }
            guard code != nil else { throw CommunityError.notPermitted("three wrong invite codes; goodbye") }
        }
        for attempt in 1...3 {
            guard let handle = ask("Choose a handle (2–32 of a–z, 0–9, '_', '-', '.'): ") else { throw CommunityError.invalid("no handle given") }
            do {
                let actor = try community.signUp(handle: handle, key: key, invite: code)
                say("Welcome, \(actor.handle)! Next time, just connect with this key.")
                return actor
            } catch let error as CommunityError {
                if case .notPermitted = error { throw error }
                say(error.description + (attempt < 3 ? "; try again." : "."))
            }
        }
        throw CommunityError.invalid("no handle chosen; goodbye")
    }

    private func say(_ text: String) {
        Output.write(Data((SafeText.displayable(text) + "\n").utf8))
    }

    private func ask(_ prompt: String) -> String? {
        Output.write(Data(prompt.utf8))
        return readLine(strippingNewline: true).map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

// MARK: - member key

extension MemberCommand {
    struct Key: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add, list and remove the SSH keys members connect with (`paddock serve`).",
            subcommands: [Add.self, List.self, Remove.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add a public key to a member (yours, or anyone's for admins).",
                discussion: "The key is one OpenSSH line, as in a .pub file or authorized_keys: ssh-ed25519 (or ECDSA) AAAA… comment.")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "The member's handle.") var handle: String
            @Option(name: .customLong("key-file"), help: ArgumentHelp("The public key file ('-' or nothing: standard input).", valueName: "file"))
            var keyFile: String?

            func run() throws {
                let text: String
                if let keyFile, keyFile != "-" {
                    guard let data = FileManager.default.contents(atPath: keyFile) else { throw InputError(message: "cannot read \(keyFile)") }
                    text = String(decoding: data, as: UTF8.self)
                } else {
                    if keyFile == nil, isatty(STDIN_FILENO) != 0 {
                        throw ValidationError("give the key with --key-file FILE, or pipe it on standard input")
                    }
                    text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                }
                let key = try AuthorizedKey.parse(text)
                let (community, actor) = try global.acting()
                let added = try community.addKey(by: actor, to: handle, key: key)
                Output.line("Added key \(added.fingerprint) (\(added.algorithm)) to \(added.handle).")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List a member's keys.")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "The member's handle.") var handle: String
            @OptionGroup var output: OutputOptions

            func run() throws {
                let (community, actor) = try global.acting()
                let keys = try community.keys(of: handle, by: actor)
                try output.emit(keys) {
                    Output.table(["TYPE", "ADDED", "COMMENT", "FINGERPRINT"], keys.map {
                        [$0.algorithm, Output.date($0.createdAt), $0.comment, $0.fingerprint]
                    })
                }
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Remove a member's key, named by its fingerprint (see `key list`).")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "The member's handle.") var handle: String
            @Argument(help: "The key's fingerprint, SHA256:….") var fingerprint: String

            func run() throws {
                let (community, actor) = try global.acting()
                try community.removeKey(by: actor, from: handle, fingerprint: fingerprint)
                Output.line("Removed key \(fingerprint) from \(handle).")
            }
        }
    }
}

// MARK: - invite

struct InviteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite", abstract: "Invite codes for joining over SSH when the `signup` setting is `invite`.",
        subcommands: [Create.self, List.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an invite code (moderators and up; only admins invite staff).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The newcomer's role: member, moderator, manager or admin.") var role: Role = .member
        @Option(help: "How many people may join with it, 1–1000.") var uses = 1
        @Option(help: ArgumentHelp("How long it lasts: 90m, 12h, 7d, 2w, or never.", valueName: "duration")) var expires = "7d"
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard (1...1000).contains(uses) else { throw ValidationError("--uses must be between 1 and 1000") }
            guard expires == "never" || (TimeText.parseDuration(expires) ?? 0) > 0 else {
                throw ValidationError("--expires takes a duration such as 90m, 12h, 7d or 2w, or never")
            }
        }

        func run() throws {
            let (community, actor) = try global.acting()
            let invite = try community.createInvite(by: actor, role: role, uses: uses,
                                                    expiresIn: expires == "never" ? nil : TimeText.parseDuration(expires))
            try output.emit(invite) {
                let until = invite.expiresAt.map { "until \(TimeText.describe($0))" } ?? "with no end"
                Output.line("\(invite.code)  (\(invite.role.rawValue), \(invite.usesLeft) use\(invite.usesLeft == 1 ? "" : "s"), \(until))")
                let signup = try community.serveSettings().signup
                if signup != .invite {
                    FileHandle.standardError.write(Data("paddock: note: signup is '\(signup.rawValue)'; codes are asked for only after `paddock setting set signup invite`\n".utf8))
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List invite codes still usable (or --all).")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Include used-up and expired codes.") var all = false
        @OptionGroup var output: OutputOptions

        func run() throws {
            let (community, actor) = try global.acting()
            let invites = try community.invites(by: actor, all: all)
            try output.emit(invites) {
                Output.table(["CODE", "ROLE", "LEFT", "USED", "EXPIRES", "BY"], invites.map {
                    [$0.code, $0.role.rawValue, "\($0.usesLeft)", "\($0.usedCount)", $0.expiresAt.map { Output.date($0) } ?? "never", $0.createdByHandle]
                })
            }
        }
    }
}
