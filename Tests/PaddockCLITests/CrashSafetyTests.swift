import Foundation
import Glibc
import PaddockCore
import Testing

/// A session can die at any moment (a dropped SSH connection, the OOM killer).
/// Writers here are real `paddock` processes killed with SIGKILL at random
/// moments: afterwards the file is intact and every reply whose command said
/// "Posted reply" and exited 0 is there.
@Suite(.serialized) struct CrashSafetyTests {
    static let rounds = 12
    static let writersPerRound = 8

    @Test func killedWritersLeaveAnIntactFileAndLoseNothingAcknowledged() throws {
        // Seeded, so a failing run can be repeated: PADDOCK_SEED=N.
        let seed = ProcessInfo.processInfo.environment["PADDOCK_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 0...UInt64(UInt32.max))
        var random = SplitMix64(seed: seed)
        let cli = try CLI()
        defer { cli.cleanUp() }
        try WriterFixture.setUp(cli, members: Self.writersPerRound)
        // Kill moments are scaled to how long one writer takes here, so a loaded
        // CI machine spreads them over start-up, transaction and exit just as a
        // fast laptop does.
        let started = Date()
        #expect(try cli.run(as: "m0", ["reply", "1", "--body", "baseline"]).status == 0, "seed \(seed)")
        let writerLife = max(Date().timeIntervalSince(started), 0.01)
        var acknowledged: Set<String> = ["baseline"]
        var killed = 0, refused = 0, storedUnacknowledged = 0

        for round in 1...Self.rounds {
            var writers: [(process: Process, body: String, out: String, err: String)] = []
            for w in 0..<Self.writersPerRound {
                let body = "round \(round) writer \(w)"
                let out = cli.folder + "/out.\(round).\(w)", err = cli.folder + "/err.\(round).\(w)"
                _ = FileManager.default.createFile(atPath: out, contents: nil)
                _ = FileManager.default.createFile(atPath: err, contents: nil)
                let process = Process()
                process.executableURL = URL(fileURLWithPath: CLI.binary)
                process.arguments = ["--db", cli.db, "--as", "m\(w)", "reply", "1", "--body", body]
                process.standardOutput = FileHandle(forWritingAtPath: out)
                process.standardError = FileHandle(forWritingAtPath: err)
                process.standardInput = FileHandle.nullDevice
                try process.run()
                writers.append((process, body, out, err))
            }
            // Kill each at its own random moment (start-up, open, transaction,
            // commit, exit), in random order, spread over the time the round's
            // writers would take one after another: by its end all have finished.
            let roundStart = Date()
            let span = writerLife * Double(Self.writersPerRound)
            let deadlines = writers.map { _ in Double.random(in: 0...span, using: &random) }.sorted()
            for (writer, deadline) in zip(writers.shuffled(using: &random), deadlines) {
                let wait = deadline - Date().timeIntervalSince(roundStart)
                if wait > 0 { usleep(UInt32(wait * 1_000_000)) }
                if writer.process.isRunning { kill(writer.process.processIdentifier, SIGKILL) }
            }
            for writer in writers {
                writer.process.waitUntilExit()
                let out = (try? String(contentsOfFile: writer.out, encoding: .utf8)) ?? ""
                if writer.process.terminationReason == .exit, writer.process.terminationStatus == 0, out.hasPrefix("Posted reply ") {
                    acknowledged.insert(writer.body)
                } else if writer.process.terminationReason == .uncaughtSignal {
                    killed += 1
                } else {
                    refused += 1
                    let stderr = (try? String(contentsOfFile: writer.err, encoding: .utf8)) ?? ""
                    Issue.record("seed \(seed): \(writer.body) exited \(writer.process.terminationStatus) without being killed: \(stderr)")
                }
            }

            #expect(try WriterFixture.integrity(cli.db) == ["ok"], "seed \(seed), round \(round)")
            let stored = try WriterFixture.replyBodies(cli.db, thread: 1)
            let lost = acknowledged.subtracting(stored)
            #expect(lost.isEmpty, "seed \(seed), round \(round): acknowledged but missing: \(lost.sorted())")
            #expect(try WriterFixture.counterProblems(cli.db) == [], "seed \(seed), round \(round)")
            storedUnacknowledged = stored.subtracting(acknowledged).count
        }
        print("crash safety (seed \(seed)): \(Self.rounds) rounds × \(Self.writersPerRound) writers: \(acknowledged.count) acknowledged, \(killed) killed (\(storedUnacknowledged) of them after their commit), \(refused) refused")
        // The moments must be spread: some writers finished, some were cut off.
        #expect(killed > 0, "seed \(seed)")
        #expect(acknowledged.count > 1, "seed \(seed)")
    }
}
