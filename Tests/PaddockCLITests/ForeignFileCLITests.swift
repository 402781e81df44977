import Foundation
import GRDB
import Testing

/// Files that are not communities, backups that replace only files, imports held
/// to the app's rules, storage errors in one line, the search indexes checked.
@Suite(.serialized) struct ForeignFileCLITests {
    private func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test func commandsRefuseAFileThatIsNotACommunityAndLeaveIt() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let other = cli.folder + "/other.sqlite", clash = cli.folder + "/clash.sqlite", empty = cli.folder + "/empty.sqlite"
        for (path, sql) in [(other, "CREATE TABLE foo (x); INSERT INTO foo VALUES (1)"), (clash, "CREATE TABLE board (x)")] {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: sql) }
            try queue.close()
        }
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        for path in [other, clash, empty] {
            let before = bytes(path)
            // Init and generate make a community of an empty file (see below), never of another program's.
            let creating: [[String]] = path == empty ? [] : [["init"], ["generate", "--posts", "10"]]
            for command in [["thread", "list", "--board", "bar"], ["check"], ["member", "list"], [], ["serve", "--listen", "127.0.0.1:0"]] + creating {
                let result = try cli.run(["--db", path] + command, withDB: false)
                #expect(result.status == 1, "\(command)")
                #expect(result.stderr == "paddock: \(path) is not a Paddock community (no paddock schema); the file was left untouched\n", "\(command)")
            }
            #expect(bytes(path) == before)
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }

    /// Output to a full disk or a closed descriptor is one line and exit 1, not a trap with a stack trace.
    @Test func outputThatCannotBeWrittenIsOneLine() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(cli.run(["init", "--demo"]).status == 0)
        for (redirect, reason) in [(">/dev/full", "No space left on device"), (">&-", "Bad file descriptor")] {
            for command in ["export --json", "board list", "member list --json"] {
                let result = try CLI.spawn("/bin/sh", ["-c", "\"$0\" --db \"$1\" \(command) \(redirect)", CLI.binary, cli.db])
                #expect(result.status == 1, "\(command) \(redirect)")
                #expect(result.stderr == "paddock: cannot write the output: \(reason)\n", "\(command) \(redirect)")
            }
        }
    }

    /// The app without a terminal says so once, and writes nothing to its output (no terminal modes into a file).
    @Test func theAppWithoutATerminalSaysSoOnceAndWritesNothing() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(cli.run(["init", "--demo"]).status == 0)
        let result = try cli.run([])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty, "\(result.stdout.debugDescription)")
        #expect(result.stderr == "paddock: the app needs a terminal: standard input and output must be a tty (not a pipe or a file)\n")
    }

    /// An empty path, a null table and a value no vocabulary holds are each named, not met with a system's message.
    @Test func emptyPathsAndForeignValuesAreNamed() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(cli.run(["init", "--demo"]).status == 0)
        let empty = try cli.run(["--db", "", "board", "list"], withDB: false)
        #expect(empty.status != 0 && empty.stderr.contains("--db needs the path of a community file"), "\(empty.stderr)")
        let backup = try cli.run(["backup", ""])
        #expect(backup.status != 0 && backup.stderr.contains("backup needs the path of the file to write"), "\(backup.stderr)")
        let exported = try cli.run(["export", "--json"]).stdout
        var document = try JSONSerialization.jsonObject(with: Data(exported.utf8)) as! [String: Any]
        var tables = document["tables"] as? [String: Any] ?? document
        var members = tables["members"] as! [[String: Any]]
        members[1]["role"] = "god"
        tables["members"] = members
        let posts = tables["posts"]
        tables["posts"] = NSNull()
        if document["tables"] != nil { document["tables"] = tables } else { document = tables }
        let file = cli.folder + "/foreign.json"
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: file))
        let imported = try cli.run(["--db", cli.folder + "/new.sqlite", "import", file], withDB: false)
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("posts: "), "\(imported.stderr)")
        #expect(!imported.stderr.contains("The operation could not be completed"), "\(imported.stderr)")
        tables["posts"] = posts
        if document["tables"] != nil { document["tables"] = tables } else { document = tables }
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: file))
        let role = try cli.run(["--db", cli.folder + "/other.sqlite", "import", file], withDB: false)
        #expect(role.status == 1)
        #expect(role.stderr.contains("members[1].role: 'god' is not a role: member, moderator, manager, admin"), "\(role.stderr)")
        #expect(!role.stderr.contains("CHECK constraint"), "\(role.stderr)")
    }

    @Test func aRefusedInitLeavesNoFileAndAnEmptyFileEmpty() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["init", "--admin", "Bad Handle"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("paddock: 'Bad Handle' is not a valid handle"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder).filter { $0.hasPrefix("community") } == [])

        _ = FileManager.default.createFile(atPath: cli.db, contents: Data())
        #expect(try cli.run(["init", "--admin", "Bad Handle"]).status == 1)
        #expect(bytes(cli.db) == Data())
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder).filter { $0.hasPrefix("community") } == ["community.sqlite"])
        // The same empty file takes a community when init succeeds.
        #expect(try cli.run(["init", "--admin", "ada"]).status == 0)
        #expect(try cli.run(["check"]).status == 0)
    }

    @Test func backupReplacesOnlyARegularFile() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(cli.run(["init", "--admin", "ada"]).status == 0)
        let fifo = cli.folder + "/fifo", folder = cli.folder + "/folder"
        #expect(mkfifo(fifo, 0o600) == 0)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        for path in [fifo, folder] {
            let result = try cli.run(["backup", path, "--force"])
            #expect(result.status == 1)
            #expect(result.stderr == "paddock: \(path) is not a regular file; back up to a new file or replace an earlier backup\n")
        }
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
    }

    /// A full disk, made for real: a 128 KiB tmpfs in a private mount namespace (needs root).
    @Test(.enabled(if: geteuid() == 0)) func aFullDiskDuringBackupIsSaidAndLeavesNoFile() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(cli.run(["init", "--demo", "--admin", "ada"]).status == 0)
        let small = cli.folder + "/small"
        try FileManager.default.createDirectory(atPath: small, withIntermediateDirectories: false)
        let result = try CLI.spawn("/usr/bin/unshare", [
            "-m", "sh", "-c", "mount -t tmpfs -o size=128k tmpfs \"$1\" && \"$2\" --db \"$3\" backup \"$1/b.sqlite\"; echo \"status=$?\"; ls -A \"$1\"",
            "sh", small, CLI.binary, cli.db])
        try #require(!result.stderr.contains("mount:"), "no tmpfs here: \(result.stderr)")
        #expect(result.stdout == "status=1\n")
        #expect(result.stderr == "paddock: cannot back up to \(small)/b.sqlite: no space left on the device; nothing was written\n")
    }

    @Test func importRefusesInvalidRecordsOnePerLineCountedFirst() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(cli.run(["init", "--demo", "--admin", "ada"]).status == 0)
        var document = try JSONSerialization.jsonObject(with: Data(cli.run(["export"]).stdout.utf8)) as! [String: Any]
        var members = document["members"] as! [[String: Any]]
        members[1]["createdAt"] = "not a date"
        members[2]["standingUntil"] = "garbage"
        members[3]["handle"] = "Bad Handle"
        document["members"] = members
        var threads = document["threads"] as! [[String: Any]]
        threads[0]["title"] = String(repeating: "t", count: 500)
        document["threads"] = threads
        var posts = document["posts"] as! [[String: Any]]
        posts[0]["body"] = String(repeating: "b", count: 200_000)
        posts[1]["body"] = ""
        posts[2]["createdAt"] = "2026-02-30 10:00:00.000"
        document["posts"] = posts
        document["settings"] = ((document["settings"] as? [[String: Any]]) ?? []) + [["key": "flag_threshold", "value": "0"]]
        let bad = cli.folder + "/bad.json"
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: bad))
        let target = cli.folder + "/new.sqlite"
        let result = try cli.run(["--db", target, "import", bad], withDB: false)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "paddock: refused \(bad), nothing written: 8 problems")
        #expect(lines.count == 10 && lines.last == "", "\(lines)")
        for field in ["members[1].createdAt:", "members[2].standingUntil:", "members[3].handle:", "threads[0].title:", "posts[0].body:",
                      "posts[1].body:", "posts[2].createdAt:", "].value: flag_threshold"] {
            #expect(lines.contains { $0.contains(field) }, "\(field)")
        }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func aDamagedFileIsSaidInOneLineWithoutSQL() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(cli.run(["init", "--demo", "--admin", "ada"]).status == 0)
        let queue = try DatabaseQueue(path: cli.db)
        let root = try queue.read { db in try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'post'")! }
        let pageSize = try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size")! }
        try queue.writeWithoutTransaction { db in _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        let file = try #require(FileHandle(forWritingAtPath: cli.db))
        try file.seek(toOffset: UInt64((root - 1) * pageSize))
        file.write(Data(repeating: 0xFF, count: pageSize))
        try file.close()

        for command in [["thread", "show", "15"], ["export"]] {
            let result = try cli.run(["--as", "ada"] + command)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr == "paddock: \(cli.db) is damaged: restore a backup; `paddock check` says more\n", "\(command)")
        }
        let check = try cli.run(["check"])
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix("integrity: "))
        #expect(!(check.stdout + check.stderr).contains("while executing") && !(check.stdout + check.stderr).contains("SELECT"))
        // The details are there for whoever asks.
        let verbose = try cli.run(["--verbose", "--as", "ada", "thread", "show", "15"])
        #expect(verbose.stderr.hasPrefix("paddock: \(cli.db) is damaged"))
        #expect(verbose.stderr.contains("SQLite error 11"))
    }

    /// A file its owner made read-only (chmod 444), written by that owner: as
    /// root ignores the mode, the command runs as nobody, who owns folder and file.
    @Test(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func aReadOnlyFileIsSaidInOneLine() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(cli.run(["init", "--demo", "--admin", "ada"]).status == 0)
        #expect(chown(cli.folder, 65534, 65534) == 0 && chown(cli.db, 65534, 65534) == 0 && chmod(cli.db, 0o444) == 0)
        let before = bytes(cli.db)
        let result = try CLI.spawn("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary, "--db", cli.db,
                                                        "--as", "ada", "thread", "new", "--board", "bar", "--title", "T", "--body", "B"])
        #expect(result.status == 1)
        #expect(result.stderr == "paddock: \(cli.db) is read-only: nothing was changed\n")
        #expect(bytes(cli.db) == before)
    }

    @Test func checkFindsAStaleSearchIndexAndRepairRebuildsIt() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(cli.run(["init", "--demo", "--admin", "ada"]).status == 0)
        #expect(try cli.run(["check"]).status == 0)
        let queue = try DatabaseQueue(path: cli.db)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER post_search_update")
            try db.execute(sql: "UPDATE post SET body = 'Zanzibar quokka sighting.' WHERE id = (SELECT MAX(id) FROM post WHERE state = 'visible')")
        }
        try queue.close()

        let stale = try cli.run(["check"])
        #expect(stale.status == 1)
        #expect(stale.stdout == "search index postSearch: does not match the rows it indexes; `paddock check --repair` rebuilds it\n")
        #expect(stale.stderr == "paddock: 1 problem in \(cli.db)\n")

        let repaired = try cli.run(["check", "--repair"])
        #expect(repaired.status == 0, "\(repaired.stderr)")
        #expect(repaired.stdout == "Rebuilt search index postSearch.\nRebuilt search index suggestionSearch.\n"
                + "\(cli.db): no problems (integrity, foreign keys, counts, search indexes).\n")
        #expect(try cli.run(["check"]).status == 0)
        #expect(try cli.run(as: "ada", ["search", "quokka"]).stdout.contains("»quokka«"))
    }

    /// Another program writing (a session posting, a backup) means check waits
    /// for it, as every command does, rather than failing at once on "busy".
    @Test func checkWaitsForAWriterInsteadOfFailing() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(cli.run(["init", "--demo", "--admin", "ada"]).status == 0)
        let writer = try DatabaseQueue(path: cli.db)
        defer { try? writer.close() }
        let locked = DispatchSemaphore(value: 0)
        let holder = Thread {
            try? writer.write { db in
                try db.execute(sql: "UPDATE member SET bio = bio WHERE id = 1")
                locked.signal()
                Thread.sleep(forTimeInterval: 1.5)
            }
        }
        holder.start()
        locked.wait()
        let check = try cli.run(["check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout == "\(cli.db): no problems (integrity, foreign keys, counts, search indexes).\n")
    }

    @Test func repairRecountsEveryKeptCounterThatCheckFindsWrong() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(cli.run(["init", "--demo", "--admin", "ada"]).status == 0)
        let queue = try DatabaseQueue(path: cli.db)
        try queue.write { db in
            try db.execute(sql: "UPDATE featureRatingTotal SET stars = stars + 3 WHERE featureId = (SELECT MIN(featureId) FROM featureRatingTotal)")
            try db.execute(sql: "UPDATE pollOption SET likeCount = likeCount + 2 WHERE id = (SELECT MIN(id) FROM pollOption)")
            try db.execute(sql: "UPDATE poll SET voterCount = voterCount + 1 WHERE threadId = (SELECT MIN(threadId) FROM poll)")
            try db.execute(sql: "UPDATE reputation SET points = points + 7 WHERE rowid = (SELECT MIN(rowid) FROM reputation)")
            try db.execute(sql: "UPDATE activityDay SET posts = posts + 1 WHERE day = (SELECT MAX(day) FROM activityDay)")
        }
        try queue.close()

        let wrong = try cli.run(["check"])
        #expect(wrong.status == 1)
        #expect(wrong.stdout.split(separator: "\n").count == 5, "\(wrong.stdout)")

        let repaired = try cli.run(["check", "--repair"])
        #expect(repaired.status == 0, "\(repaired.stdout)\(repaired.stderr)")
        #expect(repaired.stdout == "Recounted the kept counters (activity, polls, ratings, reputation).\n"
                + "\(cli.db): no problems (integrity, foreign keys, counts, search indexes).\n")
        #expect(try cli.run(["check"]).status == 0)
    }
}
