import Dispatch
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import PaddockCore

/// How `paddock serve` was started.
public struct ServeConfiguration: Sendable {
    public var databasePath: String
    public var host: String
    public var port: Int
    /// The `paddock` binary each session runs.
    public var executablePath: String
    /// The external editor sessions may start (already restricted), or nil: the built-in editor only.
    public var editorCommand: String?
    public var hostKeyPath: String
    /// How long a failed authentication waits before it is answered.
    public var failedAuthDelay: TimeAmount = .seconds(1)
    /// How long SIGTERM waits for sessions to end before killing them.
    public var shutdownGrace: TimeAmount = .seconds(10)
    /// How long a connection may take to start a session.
    public var loginGrace: TimeAmount = .seconds(60)
    /// How long a hung-up session's child gets before SIGKILL.
    public var hangupGrace: TimeAmount = .seconds(5)
    /// Overrides the `idle_timeout_minutes` setting, in seconds (tests).
    public var idleTimeoutOverride: Int?
    public var threads: Int = System.coreCount

    public init(databasePath: String, host: String, port: Int, executablePath: String, editorCommand: String?, hostKeyPath: String) {
        self.databasePath = databasePath
        self.host = host
        self.port = port
        self.executablePath = executablePath
        self.editorCommand = editorCommand
        self.hostKeyPath = hostKeyPath
    }
}

/// The sessions running now, across every connection: what the caps count and SIGTERM tells.
final class SessionRegistry: Sendable {
    struct Entry {
        let memberID: Int64?
        let hangUp: @Sendable (String) -> Void
        var pid: pid_t?
    }
    private struct State {
        var next = 0
        var entries: [Int: Entry] = [:]
        var accepting = true
    }
    private let state = NIOLockedValueBox(State())

    /// A place for a new session, or why there is none.
    func reserve(member: Int64?, settings: ServeSettings, hangUp: @escaping @Sendable (String) -> Void) -> Result<Int, ServeRefusal> {
        state.withLockedValue { s in
            guard s.accepting else { return .failure(ServeRefusal("the server is going down; try again in a minute")) }
            guard s.entries.count < settings.maxSessions else {
                return .failure(ServeRefusal("the server is full (\(settings.maxSessions) sessions); try again later"))
            }
            if let member, s.entries.values.filter({ $0.memberID == member }).count >= settings.maxSessionsPerMember {
                let n = settings.maxSessionsPerMember
                return .failure(ServeRefusal("you already have \(n) session\(n == 1 ? "" : "s") open, the most allowed; close one first"))
            }
            s.next += 1
            s.entries[s.next] = Entry(memberID: member, hangUp: hangUp, pid: nil)
            return .success(s.next)
        }
    }

    func release(_ id: Int) {
        _ = state.withLockedValue { $0.entries.removeValue(forKey: id) }
    }

    var count: Int { state.withLockedValue { $0.entries.count } }

    /// Records the session's child, for `killAll`.
    func setChild(_ id: Int, pid: pid_t) {
        state.withLockedValue { $0.entries[id]?.pid = pid }
    }

    /// Every session's child (the change notifier tells them).
    var children: [pid_t] { state.withLockedValue { $0.entries.values.compactMap(\.pid) } }

    /// SIGKILL to every session's child still registered.
    func killAll() {
        for pid in state.withLockedValue({ $0.entries.values.compactMap(\.pid) }) { kill(pid, SIGKILL) }
    }

    /// Refuses new sessions from now on and hangs up every open one with `message`.
    func closeAll(_ message: String) {
        let entries = state.withLockedValue { s in
            s.accepting = false
            return Array(s.entries.values)
        }
        for entry in entries { entry.hangUp(message) }
    }
}

struct ServeRefusal: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// New connections per address in the last minute.
final class ConnectionRateLimiter: Sendable {
    private let state = NIOLockedValueBox([String: [NIODeadline]]())

    /// Counts this connection and answers whether it is within `perMinute` (0: no limit).
    func admit(_ address: String, perMinute: Int, now: NIODeadline = .now()) -> Bool {
        guard perMinute > 0 else { return true }
        return state.withLockedValue { table in
            let since = now - .minutes(1)
            var recent = (table[address] ?? []).filter { $0 > since }
            if table.count > 10_000 { table = table.filter { $0.value.contains { $0 > since } } }
            guard recent.count < perMinute else {
                table[address] = recent
                return false
            }
            recent.append(now)
            table[address] = recent
            return true
        }
    }
}

/// Reaps the session children: one SIGCHLD source for the whole server, each
/// exit handed to the callback its pid registered.
final class ChildReaper: @unchecked Sendable {
    private let lock = NIOLock()
    private var waiting: [pid_t: @Sendable (Int32) -> Void] = [:]
    private let queue = DispatchQueue(label: "paddock.reaper")
    private let source: DispatchSourceSignal

    init() {
        source = DispatchSource.makeSignalSource(signal: SIGCHLD, queue: queue)
        source.setEventHandler { [unowned self] in self.reap() }
        source.resume()
    }

    /// Calls `onExit` with the wait status once `pid` ends (at once if it already has).
    func watch(_ pid: pid_t, onExit: @escaping @Sendable (Int32) -> Void) {
        lock.withLock { waiting[pid] = onExit }
        queue.async { self.reap() }
    }

    private func reap() {
        let pids = lock.withLock { Array(waiting.keys) }
        for pid in pids {
            var status: Int32 = 0
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid || (r < 0 && errno == ECHILD) {
                let callback = lock.withLock { waiting.removeValue(forKey: pid) }
                callback?(r == pid ? status : 0)
            }
        }
    }
}

/// What a session's child is: a member opening the app, or a newcomer signing up first.
enum Identity: Sendable {
    case member(id: Int64, handle: String, fingerprint: String)
    case newcomer(key: MemberKeyLine, policy: SignupPolicy)

    var memberID: Int64? {
        if case .member(let id, _, _) = self { return id }
        return nil
    }

    var describe: String {
        switch self {
        case .member(_, let handle, _): handle
        case .newcomer(_, let policy): "newcomer (\(policy.rawValue) signup)"
        }
    }
}

/// Terminal types a session may ask for: a plain name that terminfo knows here.
enum TerminalType {
    static func accept(_ term: String) -> String {
        let allowed = term.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._+-".unicodeScalars.contains($0) }
        guard (1...64).contains(term.count), allowed, !term.hasPrefix("."), let first = term.first else { return "xterm-256color" }
        let dirs = ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"]
        for dir in dirs {
            for sub in [String(first), String(format: "%02x", first.asciiValue ?? 0)]
            where FileManager.default.fileExists(atPath: "\(dir)/\(sub)/\(term)") {
                return term
            }
        }
        return "xterm-256color"
    }
}

/// Log lines as `2026-11-25T10:00:00Z info message key=value`, to stderr or a file.
public struct LineLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let output: FileHandle

    public init(output: FileHandle) { self.output = output }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        let fields = all.keys.sorted().map { "\($0)=\(all[$0]!)" }.joined(separator: " ")
        let stamp = UTCTime(Date()).iso8601  // not ISO8601DateFormatter: that loads ICU into the server
        let line = "\(stamp) \(event.level) \(event.message)\(fields.isEmpty ? "" : " " + fields)\n"
        output.write(Data(line.utf8))
    }
}
