import Foundation
import PaddockCore
import PaddockStore
import Testing

/// `paddock serve` on 127.0.0.1 and a free port, reached with the real OpenSSH
/// client, with throwaway keys made by ssh-keygen.
@Suite(.serialized, .enabled(if: Tmux.available && ServedCommunity.sshAvailable, "tmux or the OpenSSH client is not installed"))
struct ServeEndToEndTests {
    @Test func aKeyOpensTheAppAsItsMemberAndAResizeReachesIt() throws {
        let served = try ServedCommunity()
        try served.addKey("ada", name: "ada")
        try served.start()
        let tmux = try Tmux()
        try tmux.start(width: 80, height: 24)
        try tmux.typeLine(served.sshLine(key: "ada") + "; echo EXITED=$?")
        let home = try tmux.waitFor("Latest announcement")
        #expect(home.split(separator: "\n").first?.contains("ada") == true, "the header names the member:\n\(home)")
        try tmux.keys("Down", "Enter")
        try tmux.waitFor("TITLE")
        try tmux.resize(width: 120, height: 40)
        try tmux.waitUntil("the board redrawn at 120×40") { screen in
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return rows.count >= 39 && rows[38...].contains { $0.contains("q back") || $0.contains("? keys") || $0.contains("q ") }
                && rows.first.map { $0.count > 90 } == true
        }
        try tmux.keys("q", "q")
        try tmux.waitFor("EXITED=0")
        let log = served.log()
        #expect(log.contains("authenticated"))
        #expect(log.contains("session opened"))
        #expect(log.contains("session closed"))
        #expect(!log.contains("AAAA"), "the log holds no key material")
    }

    /// Served sessions sleep too: the server watches the file and tells each
    /// session's app when it changed, so an idle one does not wake on a tick,
    /// and a reply from another process reaches its open thread.
    @Test func anIdleServedSessionSleepsAndAReplyFromElsewhereReachesIt() throws {
        let served = try ServedCommunity()
        try served.addKey("ada", name: "ada")
        try served.start()
        let tmux = try Tmux()
        try tmux.start(width: 100, height: 30)
        try tmux.typeLine(served.sshLine(key: "ada") + "; echo EXITED=$?")
        try tmux.waitFor("Latest announcement")
        try tmux.keys("Down", "Enter", "Enter")
        try tmux.waitFor("r reply")
        let app = try #require(try served.children().first, "the session's app")
        let woke = try Wakeups.whileIdle(app)
        #expect(woke <= 1, "an idle served session woke \(woke) times in 2 s (a 100 ms tick would be 20)")
        let page = try JSONSerialization.jsonObject(with: Data(try served.paddock(["thread", "list", "--board", "furia-950", "--limit", "1", "--json"]).utf8)) as! [String: Any]
        let thread = try #require((page["threads"] as? [[String: Any]])?.first?["id"] as? Int)
        try served.paddock(["--as", "ada", "reply", "\(thread)", "--body", "Served while asleep"])
        try tmux.waitFor("Served while asleep")
        try tmux.keys("q", "q", "q")
        try tmux.waitFor("EXITED=0")
        #expect(served.log().contains("watching the community file for changes"))
    }

    @Test func anUnknownKeyIsRefusedWhenSignupIsClosed() throws {
        let served = try ServedCommunity()
        try served.makeKey("stranger")
        try served.start()
        let result = try served.ssh(key: "stranger", ["-o", "BatchMode=yes", "-T"])
        #expect(result.status == 255)
        #expect(result.output.contains("Permission denied (publickey)"), "\(result.output)")
        #expect(served.log().contains("authentication refused"))
    }

    @Test func commandsSubsystemsAndForwardingAreRefused() throws {
        let served = try ServedCommunity()
        try served.addKey("ada", name: "ada")
        try served.start(extra: ["--login-grace-seconds", "2"])
        let command = try served.ssh(key: "ada", [], command: ["touch /tmp/paddock-serve-pwned; id"])
        #expect(command.status == 1, "\(command.output)")
        #expect(command.output.contains("commands are not run here"), "\(command.output)")
        #expect(!command.output.contains("uid="))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/paddock-serve-pwned"))
        let sftp = try served.ssh(key: "ada", ["-s"], command: ["sftp"])
        #expect(sftp.status != 0)
        #expect(sftp.output.contains("no sftp here"), "\(sftp.output)")
        // -W opens the same direct-tcpip channel as -L does for each forwarded connection.
        let local = try served.ssh(key: "ada", ["-W", "127.0.0.1:\(served.port)"])
        #expect(local.status == 255)
        #expect(local.output.contains("open failed") || local.output.contains("forwarding failed"), "\(local.output)")
        let remote = try served.ssh(key: "ada", ["-N", "-o", "ExitOnForwardFailure=yes", "-R", "127.0.0.1:0:127.0.0.1:\(served.port)"])
        #expect(remote.status == 255)
        #expect(remote.output.contains("forwarding failed"), "\(remote.output)")
        // A connection holding no session is closed after the login grace (2 s here).
        let idle = try served.ssh(key: "ada", ["-N"])
        #expect(idle.status == 255, "\(idle.output)")
        #expect(served.log().contains("no session within the login grace time"))
    }

    @Test func anInviteCodeAndAHandleMakeANewMemberWhoseKeyThenOpensTheApp() throws {
        let served = try ServedCommunity()
        try served.paddock(["--as", "ada", "setting", "set", "signup", "invite"])
        let code = try served.paddock(["--as", "ada", "invite", "create", "--uses", "1"]).split(separator: " ")[0]
        try served.makeKey("newbie")
        try served.start()
        let tmux = try Tmux()
        try tmux.start(width: 80, height: 24)
        try tmux.typeLine(served.sshLine(key: "newbie") + "; echo EXITED=$?")
        try tmux.waitFor("Invite code:")
        try tmux.typeLine("wrong-code")
        try tmux.waitFor("no such invite code")
        try tmux.typeLine(String(code).uppercased())
        try tmux.waitFor("Choose a handle")
        try tmux.typeLine("ada")
        try tmux.waitFor("is taken")
        try tmux.typeLine("newbie")
        let home = try tmux.waitFor("Latest announcement")
        #expect(home.contains("newbie"))
        try tmux.keys("q")
        try tmux.waitFor("EXITED=0")
        #expect(try served.paddock(["--as", "ada", "member", "key", "list", "newbie"]).contains("ssh-ed25519"))
        #expect(try !served.paddock(["--as", "ada", "invite", "list"]).contains(String(code)), "the code is used up")
        // The same key now opens the app directly.
        try tmux.typeLine("clear; " + served.sshLine(key: "newbie") + "; echo EXITED=$?")
        try tmux.waitFor("Latest announcement")
        try tmux.keys("q")
        try tmux.waitFor("EXITED=0")
    }

    @Test func droppingTheConnectionEndsTheAppAndKeepsTheDraft() throws {
        let served = try ServedCommunity()
        try served.addKey("ada", name: "ada")
        try served.start()
        let tmux = try Tmux()
        try tmux.start(width: 80, height: 24)
        try tmux.typeLine("exec " + served.sshLine(key: "ada"))
        try tmux.waitFor("Latest announcement")
        try tmux.keys("Down", "Enter")
        try tmux.waitFor("TITLE")
        try tmux.keys("Enter")
        try tmux.waitFor("r reply")
        try tmux.keys("r")
        try tmux.waitFor("Reply to:")
        try tmux.literal("Half a thought, cut off by the train tunnel")
        try tmux.waitFor("cut off by the train")
        // No external editor in a served session: ^O says so and the text stays.
        try tmux.keys("C-o")
        try tmux.waitFor("no external editor here")
        // The pane's process is ssh itself: killing the session hangs it up.
        try tmux.tmux("kill-server")
        let community = Community(database: try AppDatabase.open(path: served.db))
        let ada = try community.actor(handle: "ada")
        let deadline = Date().addingTimeInterval(10)
        var closed = false
        while Date() < deadline {
            closed = served.log().contains("session closed")
            if closed { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(closed, "the server saw the session end:\n\(served.log())")
        let drafts = try community.database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM draft WHERE memberId = ?", arguments: [ada.id])
        }
        #expect(drafts.contains("Half a thought, cut off by the train tunnel"), "drafts: \(drafts)")
        #expect(try served.childCount() == 0, "no session process is left")
    }

    @Test func aSuspendedMemberIsToldUntilWhen() throws {
        let served = try ServedCommunity()
        try served.paddock(["--as", "ada", "member", "add", "marco"])
        try served.addKey("marco", name: "marco")
        try served.paddock(["--as", "ada", "mod", "suspend", "marco", "--for", "2d", "--reason", "cooling off"])
        try served.start()
        let result = try served.ssh(key: "marco", ["-tt"])
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("marco is suspended until"), "\(result.output)")
    }

    @Test func sessionsPerMemberAndConnectionsPerMinuteAreCapped() throws {
        let served = try ServedCommunity()
        try served.addKey("ada", name: "ada")
        try served.paddock(["--as", "ada", "setting", "set", "max_sessions_per_member", "1"])
        try served.paddock(["--as", "ada", "setting", "set", "connections_per_minute", "3"])
        try served.start()
        let tmux = try Tmux()
        try tmux.start(width: 80, height: 24)
        try tmux.typeLine(served.sshLine(key: "ada") + "; echo EXITED=$?")
        try tmux.waitFor("Latest announcement")
        let second = try served.ssh(key: "ada", ["-tt"])
        #expect(second.status == 1, "\(second.output)")
        #expect(second.output.contains("you already have 1 session open, the most allowed; close one first"), "\(second.output)")
        // Two connections so far this minute; the third is let in, the fourth is not.
        _ = try served.ssh(key: "ada", ["-o", "BatchMode=yes", "-T"], command: ["x"])
        let fourth = try served.ssh(key: "ada", ["-o", "BatchMode=yes", "-T"], command: ["x"])
        #expect(fourth.status == 255, "\(fourth.output)")
        #expect(served.log().contains("connection refused: more than 3 connections from this address in a minute"))
        try tmux.keys("q")
        try tmux.waitFor("EXITED=0")
    }

    @Test func anIdleSessionSaysGoodbyeAndSigtermTellsSessionsAndExitsZero() throws {
        let served = try ServedCommunity()
        try served.addKey("ada", name: "ada")
        try served.start(extra: ["--idle-timeout-seconds", "2"])
        let tmux = try Tmux()
        try tmux.start(width: 80, height: 24)
        try tmux.typeLine(served.sshLine(key: "ada") + "; echo EXITED=$?")
        try tmux.waitFor("Latest announcement")
        try tmux.waitFor("without a key press; goodbye", seconds: 15)
        try tmux.waitFor("EXITED=0")
        try tmux.typeLine("clear; " + served.sshLine(key: "ada") + "; echo EXITED=$?")
        try tmux.waitFor("Latest announcement")
        #expect(served.stop() == 0, "SIGTERM ends the server with status 0")
        try tmux.waitFor("the server is going down")
        try tmux.waitFor("EXITED=")
    }

    @Test func fiftySessionsAtOnceAllGetTheirFirstScreen() throws {
        let served = try ServedCommunity()
        try served.addKey("ada", name: "ada")
        try served.paddock(["--as", "ada", "setting", "set", "max_sessions_per_member", "60"])
        try served.paddock(["--as", "ada", "setting", "set", "connections_per_minute", "0"])
        try served.start()
        let count = 50
        var clients: [(pid: pid_t, output: String, input: Int32)] = []
        defer {
            for client in clients {
                kill(client.pid, SIGTERM)
                close(client.input)
                var status: Int32 = 0
                waitpid(client.pid, &status, 0)
            }
        }
        for i in 0..<count {
            let output = served.folder + "/client-\(i).out"
            let (pid, input) = try ServedCommunity.spawn(["ssh", "-tt"] + served.sshOptions(key: "ada"), output: output)
            clients.append((pid, output, input))
        }
        let deadline = Date().addingTimeInterval(90)
        var shown = Set<Int>()
        while Date() < deadline, shown.count < count {
            for (i, client) in clients.enumerated() where !shown.contains(i) {
                let text = String(decoding: FileManager.default.contents(atPath: client.output) ?? Data(), as: UTF8.self)
                if text.contains("announcement") { shown.insert(i) }
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        #expect(shown.count == count, "\(shown.count) of \(count) sessions drew their first screen")

        // One session's app crashing ends that session only.
        let children = try served.children()
        #expect(children.count == count)
        if let victim = children.first { kill(victim, SIGKILL) }
        let deadline2 = Date().addingTimeInterval(10)
        // The server reaps the child, then logs it from its event loop: wait for both.
        while Date() < deadline2, try served.children().count != count - 1 || !served.log().contains("the app ended on a signal") {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(try served.children().count == count - 1)
        #expect(served.log().contains("the app ended on a signal"))
        let output = served.folder + "/after-crash.out"
        let (pid, input) = try ServedCommunity.spawn(["ssh", "-tt"] + served.sshOptions(key: "ada"), output: output)
        clients.append((pid, output, input))
        let deadline3 = Date().addingTimeInterval(15)
        var after = ""
        while Date() < deadline3, !after.contains("announcement") {
            after = String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self)
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(after.contains("announcement"), "the server still opens sessions after a crash")
    }
}

/// A demo community with `ada` as admin, its server, and keys, in a temporary folder.
final class ServedCommunity {
    let folder: String
    let db: String
    private(set) var port = 0
    private var server: pid_t?

    static var sshAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh") && FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keygen")
    }

    init() throws {
        folder = NSTemporaryDirectory() + "paddock-serve-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        db = folder + "/community.sqlite"
        let made = try Tmux.run(Tmux.binary, ["--db", db, "init", "--demo", "--admin", "ada"])
        try #require(made.status == 0)
    }

    deinit {
        _ = stop()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Runs paddock on the community; its standard output.
    @discardableResult
    func paddock(_ arguments: [String]) throws -> String {
        let result = try Tmux.run(Tmux.binary, ["--db", db] + arguments)
        try #require(result.status == 0, "paddock \(arguments.joined(separator: " ")) failed")
        return result.stdout
    }

    func makeKey(_ name: String) throws {
        let made = try Tmux.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "\(name)@test", "-f", "\(folder)/\(name)"])
        try #require(made.status == 0)
    }

    func addKey(_ name: String, name member: String) throws {
        try makeKey(name)
        try paddock(["--as", "ada", "member", "key", "add", member, "--key-file", "\(folder)/\(name).pub"])
    }

    /// Starts the server on a free port and waits until it listens.
    func start(extra: [String] = []) throws {
        let out = folder + "/serve.out"
        let (pid, input) = try Self.spawn([Tmux.binary, "--db", db, "serve", "--listen", "127.0.0.1:0", "--auth-delay-ms", "50",
                                           "--shutdown-grace", "5", "--log-file", folder + "/serve.log"] + extra, output: out)
        close(input)
        server = pid
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            let text = String(decoding: FileManager.default.contents(atPath: out) ?? Data(), as: UTF8.self)
            if let range = text.range(of: #"on 127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                port = Int(text[range].split(separator: ":").last!)!
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("the server did not start: \(String(decoding: FileManager.default.contents(atPath: out) ?? Data(), as: UTF8.self))")
        throw CancellationError()
    }

    /// SIGTERM, then the server's exit status (nil if it was not running).
    func stop() -> Int32? {
        guard let pid = server else { return nil }
        server = nil
        kill(pid, SIGTERM)
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid { return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        return -1
    }

    func log() -> String {
        String(decoding: FileManager.default.contents(atPath: folder + "/serve.log") ?? Data(), as: UTF8.self)
    }

    /// The server's session children still running.
    func children() throws -> [pid_t] {
        guard let server else { return [] }
        // Each thread lists the children it forked: the event loops fork the sessions.
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(server)/task")) ?? []
        return tasks.flatMap { task in
            ((try? String(contentsOfFile: "/proc/\(server)/task/\(task)/children", encoding: .utf8)) ?? "")
                .split(separator: " ").compactMap { pid_t($0) }
        }
    }

    func childCount() throws -> Int { try children().count }

    func sshOptions(key: String) -> [String] {
        ["-p", "\(port)", "-i", "\(folder)/\(key)", "-F", "/dev/null", "-o", "StrictHostKeyChecking=no",
         "-o", "UserKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR", "127.0.0.1"]
    }

    /// What to type in a tmux shell to connect.
    func sshLine(key: String) -> String {
        (["ssh", "-tt"] + sshOptions(key: key)).joined(separator: " ")
    }

    /// Runs ssh to completion without a terminal: its status and its stdout and stderr together.
    func ssh(key: String, _ options: [String], command: [String] = []) throws -> (status: Int32, output: String) {
        let out = folder + "/ssh-\(UUID().uuidString.prefix(6)).out"
        let (pid, input) = try Self.spawn(["ssh"] + options + sshOptions(key: key) + command, output: out)
        close(input)
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, waitpid(pid, &status, WNOHANG) != pid { Thread.sleep(forTimeInterval: 0.05) }
        if Date() >= deadline {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
        let output = String(decoding: FileManager.default.contents(atPath: out) ?? Data(), as: UTF8.self)
        return ((status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
    }

    /// Starts a program with a pipe as stdin (the write end returned) and stdout and stderr to a file.
    static func spawn(_ argv: [String], output: String) throws -> (pid_t, Int32) {
        var pipeFDs: [Int32] = [0, 0]
        guard pipe(&pipeFDs) == 0 else { throw POSIXError(.EIO) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeFDs[0], 0)
        posix_spawn_file_actions_addclose(&actions, pipeFDs[1])
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let args = (["/usr/bin/env"] + argv).map { strdup($0) } + [nil]
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (args + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, &attributes, args, envp)
        close(pipeFDs[0])
        guard spawned == 0 else {
            close(pipeFDs[1])
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO)
        }
        return (pid, pipeFDs[1])
    }
}
