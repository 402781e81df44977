import CPaddockSignals
import Foundation
import Logging
import NIOConcurrencyHelpers
import PaddockStore

/// Tells every session's app that the community changed, so that none of them
/// has to look on a timer: one watch on the file for the whole server (inotify
/// on its write-ahead log, which every commit writes), SIGUSR1 to each
/// session's child when it fires. Where the file cannot be watched (no inotify,
/// or the per-user limit of instances reached), the server alone asks SQLite's
/// `data_version` every `pollInterval` and tells the sessions when it moved.
///
/// Notices are at most one per `minimumGap`: the first change after a quiet
/// spell goes out at once, a burst of commits costs each session one wake at
/// the end of the gap, so a busy community wakes an idle session at most once
/// a second and a change still shows within about a second. Each notice is
/// spread over `spread` in `slices`: a thousand sessions looking again at the
/// same instant would queue every typist's next key behind them. (Measured
/// with 1,000 open and 100 typing: echo p99 490 ms all at once, 363–396 ms
/// spread; the total work is what limits there, see BENCHMARKS.md "One host".)
final class ChangeNotifier: @unchecked Sendable {
    static let minimumGap: TimeInterval = 1.0
    static let pollInterval: TimeInterval = 0.25
    static let spread: TimeInterval = 0.25
    static let slices = 10

    private let community: Community
    private let databasePath: String
    private let registry: SessionRegistry
    private let logger: Logger
    private var thread: Thread?
    /// Written to by `stop`, so the thread's poll returns.
    private var stopPipe: [Int32] = [-1, -1]
    private let stopped = NIOLockedValueBox(false)

    init(community: Community, databasePath: String, registry: SessionRegistry, logger: Logger) {
        self.community = community
        self.databasePath = databasePath
        self.registry = registry
        self.logger = logger
    }

    /// Starts the watching thread; it runs for the life of the server.
    func start() {
        let watch = paddock_watch_writes(databasePath + "-wal")
        if watch >= 0 {
            logger.info("watching the community file for changes", metadata: ["how": "inotify"])
        } else {
            logger.notice("cannot watch the community file (no inotify here, or the per-user limit reached); looking every \(Int(Self.pollInterval * 1000)) ms")
        }
        guard pipe(&stopPipe) == 0 else { return }
        let thread = Thread { [self] in
            if watch >= 0 { watching(watch) } else { polling() }
            close(stopPipe[0])
        }
        thread.name = "paddock.changes"
        thread.stackSize = 256 << 10
        self.thread = thread
        thread.start()
    }

    /// Ends the thread (the server is stopping).
    func stop() {
        guard stopPipe[1] >= 0 else { return }
        stopped.withLockedValue { $0 = true }
        close(stopPipe[1])
        stopPipe[1] = -1
    }

    /// Sleeps in poll(2) until the log is written, then tells the sessions.
    private func watching(_ fd: Int32) {
        defer { close(fd) }
        while !stopped.withLockedValue({ $0 }) {
            var entries = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: stopPipe[0], events: Int16(POLLIN), revents: 0)]
            let ready = poll(&entries, 2, -1)
            if entries[1].revents != 0 { return }
            if ready < 0 {
                if errno == EINTR { continue }
                logger.error("the watch on the community file failed; looking on a timer instead", metadata: ["errno": "\(errno)"])
                return polling()
            }
            _ = paddock_drain(fd)
            let started = Date()
            notify()
            // Commits during the gap are drained at the next turn and told as one.
            Thread.sleep(forTimeInterval: max(0, Self.minimumGap - Date().timeIntervalSince(started)))
        }
    }

    /// Where nothing can be watched: the server's own connection asks for the file's version.
    private func polling() {
        var last = try? community.changeToken()
        while !stopped.withLockedValue({ $0 }) {
            Thread.sleep(forTimeInterval: Self.pollInterval)
            guard let token = try? community.changeToken(), token != last else { continue }
            last = token
            let started = Date()
            notify()
            Thread.sleep(forTimeInterval: max(0, Self.minimumGap - Self.pollInterval - Date().timeIntervalSince(started)))
        }
    }

    /// SIGUSR1 to every session's app, a slice at a time over `spread`.
    private func notify() {
        let pids = registry.children
        let slices = min(Self.slices, max(1, pids.count / 20))
        for slice in 0..<slices {
            if slice > 0 { Thread.sleep(forTimeInterval: Self.spread / Double(slices)) }
            for pid in pids[pidIndices(slice, of: slices, count: pids.count)] { kill(pid, SIGUSR1) }
        }
    }

    private func pidIndices(_ slice: Int, of slices: Int, count: Int) -> Range<Int> {
        (count * slice / slices)..<(count * (slice + 1) / slices)
    }
}
