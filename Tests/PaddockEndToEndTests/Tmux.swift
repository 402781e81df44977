import Foundation
import Testing

/// A private tmux server running the real `paddock` binary, driven as a person
/// would: keys in, the screen's text out.
final class Tmux {
    let socket = "paddock-e2e-\(UUID().uuidString.prefix(8))"
    let session = "app"
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "paddock-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit {
        _ = try? Self.run("tmux", ["-L", socket, "kill-server"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["PADDOCK_BIN"] { return path }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("paddock").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return ".build/debug/paddock"
    }

    static var available: Bool { (try? run("tmux", ["-V"]))?.status == 0 }

    struct Output { let status: Int32; let stdout: String }

    /// Runs a command to completion: output to a file, then `waitpid`. Foundation's
    /// Process is not used here: the tmux server forks off holding the descriptor
    /// Process watches, so Process never learns that the tmux client exited.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let capture = NSTemporaryDirectory() + "paddock-e2e-out-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: capture) }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["/usr/bin/env", tool] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // The test runner's threads block signals; the app in the pane must not inherit that.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let data = FileManager.default.contents(atPath: capture) ?? Data()
        return Output(status: exited, stdout: String(decoding: data, as: UTF8.self))
    }

    @discardableResult
    func tmux(_ arguments: String...) throws -> String {
        try Self.run("tmux", ["-L", socket] + arguments).stdout
    }

    /// Starts a shell in a window of the given size; commands are typed into it.
    func start(width: Int, height: Int, environment: [String: String] = [:]) throws {
        var exports = "export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 PS1='$ '"
        for (k, v) in environment { exports += " \(k)='\(v)'" }
        try tmux("-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
                 "env -i PATH=/usr/bin:/bin HOME=\(folder) bash --norc --noprofile")
        try tmux("set-option", "-t", session, "status", "off")
        try typeLine(exports)
    }

    func typeLine(_ line: String) throws {
        try tmux("send-keys", "-t", session, "-l", line)
        try tmux("send-keys", "-t", session, "Enter")
    }

    /// Sends tmux key names: "Enter", "Down", "C-s", "Escape", or literal text with `literal`.
    func keys(_ names: String...) throws {
        for name in names { try tmux("send-keys", "-t", session, name) }
    }

    func literal(_ text: String) throws {
        try tmux("send-keys", "-t", session, "-l", text)
    }

    func screen() throws -> String { try tmux("capture-pane", "-p", "-t", session) }

    func resize(width: Int, height: Int) throws {
        try tmux("resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)")
    }

    /// Waits until the screen contains `text` (up to `seconds`), returning the screen.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 30, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(text.debugDescription); the screen was:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// Waits until the screen satisfies `condition`, returning the screen.
    @discardableResult
    func waitUntil(_ what: String, seconds: Double = 30, sourceLocation: SourceLocation = #_sourceLocation,
                   _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(what); the screen was:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    func waitUntilGone(_ text: String, seconds: Double = 30, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try !screen().contains(text) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("\(text.debugDescription) stayed on screen:\n\(try screen())", sourceLocation: sourceLocation)
    }
}

/// How often a process's main thread woke, as the kernel counts it: every
/// return from a sleep (poll, read) is one voluntary context switch. An idle
/// app that sleeps until something happens does not add to it; one that polls
/// on a tick adds ten a second.
enum Wakeups {
    static func count(_ pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        return status.split(separator: "\n").first { $0.hasPrefix("voluntary_ctxt_switches:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }
    }

    /// Waits (up to 15 s) until `pid` has slept through `quiet` seconds, then
    /// returns how many times it woke in the next `window` seconds. Not a
    /// timing assertion: a loaded machine delays a wake-up, it does not add one.
    static func whileIdle(_ pid: pid_t, quiet: Double = 1, window: Double = 2) throws -> Int {
        let deadline = Date().addingTimeInterval(15)
        var last = try #require(count(pid))
        var since = Date()
        while Date().timeIntervalSince(since) < quiet, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            let now = try #require(count(pid))
            if now != last { last = now; since = Date() }
        }
        Thread.sleep(forTimeInterval: window)
        return try #require(count(pid)) - last
    }

    /// Whether `pid` has woken more than `count` times, waiting up to 5 s: the
    /// kernel counts a wake-up when the process goes back to sleep, which on a
    /// loaded machine can come a moment after what it drew is on the screen.
    static func grows(_ pid: pid_t, beyond count: Int) -> Bool {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if let now = Self.count(pid), now > count { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// The children of `pid` (its main thread's: a shell's commands).
    static func children(of pid: pid_t) -> [pid_t] {
        ((try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? "").split(separator: " ").compactMap { pid_t($0) }
    }
}
