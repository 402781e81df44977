import CPaddockSignals
@testable import CursesTerminal
import Foundation
import PaddockTUI
import Testing

/// The loop sleeps until something happens: no fixed tick.
@Suite(.serialized) struct TerminalWakeTests {
    @Test func withNothingDueTheLoopSleepsForEver() {
        #expect(EventLoop.waitTimeout(now: 1_000, tickDue: nil, keyDeadline: nil, pollDue: nil) == -1)
    }

    @Test func theLoopWakesForTheFirstDeadline() {
        #expect(EventLoop.waitTimeout(now: 1_000, tickDue: 1_500, keyDeadline: nil, pollDue: nil) == 500)
        #expect(EventLoop.waitTimeout(now: 1_000, tickDue: 1_500, keyDeadline: 1_025, pollDue: nil) == 25)
        #expect(EventLoop.waitTimeout(now: 1_000, tickDue: nil, keyDeadline: nil, pollDue: 1_500) == 500)
        #expect(EventLoop.waitTimeout(now: 1_000, tickDue: 900, keyDeadline: nil, pollDue: 1_500) == 0, "overdue: at once")
    }

    /// A program that does not say how often it wants ticks keeps getting ten a second.
    @Test func aProgramThatDoesNotSayGetsTicks() {
        final class Quiet: TerminalProgram {
            func handle(_ event: TerminalEvent) -> [TerminalRequest] { [] }
            func render(width: Int, height: Int) -> Canvas { Canvas(width: width, height: height) }
        }
        #expect(Quiet().millisecondsUntilTick == 100)
    }

    #if os(Linux)
    /// A write to the community's log wakes a watch on it; where there is no log, a slow poll instead.
    @Test func aWriteToTheLogMakesTheWatchReadable() throws {
        let path = NSTemporaryDirectory() + "paddock-watch-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path + "-wal") }
        #expect(ChangeSource.watching(databaseAt: path, fallbackMilliseconds: 700) == .every(milliseconds: 700))
        FileManager.default.createFile(atPath: path + "-wal", contents: Data())
        guard case .descriptor(let fd) = ChangeSource.watching(databaseAt: path) else {
            Issue.record("no watch on an existing log")
            return
        }
        defer { close(fd) }
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        #expect(poll(&entry, 1, 0) == 0, "nothing written yet")
        let handle = try #require(FileHandle(forWritingAtPath: path + "-wal"))
        handle.write(Data("commit".utf8))
        try handle.close()
        #expect(poll(&entry, 1, 5_000) == 1)
        #expect(paddock_drain(fd) > 0)
        #expect(poll(&entry, 1, 0) == 0, "drained, it sleeps again")
    }
    #endif

    /// The server's notice (SIGUSR1) is remembered and wakes the loop's poll
    /// through the signals' pipe, even when it arrives before the poll starts.
    @Test func aChangeNoticeWakesThePoll() throws {
        paddock_install_signal_handlers(nil, nil)
        defer { paddock_restore_signal_handlers() }
        let wake = try #require(TerminalSignals.wakeDescriptor)
        TerminalSignals.drainWakeups()
        _ = TerminalSignals.takeChangeNotice()
        raise(SIGUSR1)
        var entry = pollfd(fd: wake, events: Int16(POLLIN), revents: 0)
        #expect(poll(&entry, 1, 5_000) == 1)
        TerminalSignals.drainWakeups()
        #expect(TerminalSignals.takeChangeNotice())
        #expect(!TerminalSignals.takeChangeNotice(), "taken once")
        #expect(poll(&entry, 1, 0) == 0)
    }
}
