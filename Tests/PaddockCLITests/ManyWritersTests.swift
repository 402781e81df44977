import Foundation
import GRDB
import PaddockStore
import Testing

/// Many SSH sessions write one file at once. Each writer here is a real
/// `paddock` process, run in a loop by its own shell so that all of them are
/// in flight together: nothing acknowledged may be lost, the counters must
/// agree with the rows, and nobody may be told "database is locked".
@Suite(.serialized) struct ManyWritersTests {
    static let writers = 16
    static let repliesEach = 50

    @Test func sixteenWritersFiftyRepliesEachLoseNothing() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try WriterFixture.setUp(cli, members: Self.writers)

        // One shell per writer, all started before any is waited for. Each shell
        // runs `paddock reply` in a loop and records status and body per reply.
        let script = """
            w=$1; n=$2; out=$3
            i=1
            while [ $i -le $n ]; do
              body="w$w reply $i"
              "$PADDOCK_BIN" --db "$PADDOCK_DB_FILE" --as "m$w" reply 1 --body "$body" >"$out/out.$w.$i" 2>>"$out/err.$w"
              echo "$? $body" >>"$out/status.$w"
              i=$((i + 1))
            done
            """
        var shells: [Process] = []
        for w in 0..<Self.writers {
            let shell = Process()
            shell.executableURL = URL(fileURLWithPath: "/bin/sh")
            shell.arguments = ["-c", script, "sh", "\(w)", "\(Self.repliesEach)", cli.folder]
            var env = ProcessInfo.processInfo.environment
            env["PADDOCK_BIN"] = CLI.binary
            env["PADDOCK_DB_FILE"] = cli.db
            shell.environment = env
            try shell.run()
            shells.append(shell)
        }
        shells.forEach { $0.waitUntilExit() }
        #expect(shells.allSatisfy { $0.terminationStatus == 0 })

        var acknowledged: Set<String> = []
        var failures: [String] = []
        for w in 0..<Self.writers {
            let status = (try? String(contentsOfFile: cli.folder + "/status.\(w)", encoding: .utf8)) ?? ""
            for line in status.split(separator: "\n") {
                let code = line.prefix { $0 != " " }
                let body = String(line.dropFirst(code.count + 1))
                let i = body.split(separator: " ").last!
                let out = (try? String(contentsOfFile: cli.folder + "/out.\(w).\(i)", encoding: .utf8)) ?? ""
                if code == "0" && out.hasPrefix("Posted reply ") {
                    acknowledged.insert(body)
                } else {
                    failures.append("\(body): exit \(code)")
                }
            }
            let stderr = (try? String(contentsOfFile: cli.folder + "/err.\(w)", encoding: .utf8)) ?? ""
            #expect(!stderr.lowercased().contains("locked"), "writer \(w) saw: \(stderr)")
            #expect(!stderr.lowercased().contains("busy"), "writer \(w) saw: \(stderr)")
        }
        // Every writer was acknowledged every time: concurrency is no reason to refuse.
        #expect(failures.isEmpty, "refused: \(failures.prefix(10))")
        #expect(acknowledged.count == Self.writers * Self.repliesEach)

        let stored = try WriterFixture.replyBodies(cli.db, thread: 1)
        #expect(acknowledged.subtracting(stored).isEmpty, "acknowledged but missing: \(acknowledged.subtracting(stored).sorted().prefix(10))")
        #expect(stored.count == acknowledged.count, "stored replies nobody was told about")
        #expect(try WriterFixture.counterProblems(cli.db) == [])
    }
}

/// The community every writer test starts from, and the checks they end with.
enum WriterFixture {
    /// An admin, members m0…m(n-1), a board and thread #1 to reply to.
    static func setUp(_ cli: CLI, members: Int) throws {
        try #require(cli.run(["init", "--admin", "ada"]).status == 0)
        // These writers are new members posting as fast as they can: the test is
        // about many processes on one file, not the pace the community asks of newcomers.
        try #require(cli.run(as: "ada", ["setting", "set", "new_member_days", "0"]).status == 0)
        try #require(cli.run(as: "ada", ["board", "add", "furia", "--title", "Furia 950"]).status == 0)
        try #require(cli.run(as: "ada", ["thread", "new", "--board", "furia", "--title", "Roll call", "--body", "Say hi."]).status == 0)
        // Members straight into the file: 16 more process launches would only slow the test.
        let queue = try DatabaseQueue(path: cli.db)
        try queue.write { db in
            for n in 0..<members {
                try db.execute(sql: "INSERT INTO member (handle, displayName, role, createdAt) VALUES (?, ?, 'member', CURRENT_TIMESTAMP)",
                               arguments: ["m\(n)", "Member \(n)"])
            }
        }
        try queue.close()
    }

    /// The bodies of a thread's replies (position > 0), as stored.
    static func replyBodies(_ path: String, thread: Int64) throws -> Set<String> {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            Set(try String.fetchAll(db, sql: "SELECT body FROM post WHERE threadId = ? AND position > 0", arguments: [thread]))
        }
    }

    static func integrity(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// Every problem `paddock check` would print: integrity, foreign keys and counters.
    static func counterProblems(_ path: String) throws -> [String] {
        try Integrity.problems(in: AppDatabase.open(path: path))
    }
}
