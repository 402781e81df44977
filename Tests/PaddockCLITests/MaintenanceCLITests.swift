import Foundation
import GRDB
import Testing

/// `paddock backup`, `check`, `export` and `import`, as an operator runs them.
@Suite(.serialized) struct MaintenanceCLITests {
    @Test func exportImportExportGivesTheSameJSON() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(cli.run(["init", "--demo", "--admin", "ada"]).status == 0)
        let first = try cli.run(["export", "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let document = cli.folder + "/community.json"
        try first.stdout.write(toFile: document, atomically: true, encoding: .utf8)

        let copy = cli.folder + "/copy.sqlite"
        let imported = try cli.run(["--db", copy, "import", document], withDB: false)
        #expect(imported.status == 0, "\(imported.stderr)")
        let exported = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let count = { (key: String) in (exported[key] as? [Any])?.count ?? -1 }
        #expect(imported.stdout == "Imported \(document) into \(copy): \(count("members")) members, \(count("boards")) boards, \(count("threads")) threads, \(count("posts")) posts.\n")
        let second = try cli.run(["--db", copy, "export", "--json"], withDB: false)
        #expect(second.stdout == first.stdout)
        #expect(try cli.run(["--db", copy, "check"], withDB: false).status == 0)
        // The imported community is the same community to its members.
        #expect(try cli.run(["--db", copy, "thread", "show", "12"], withDB: false).stdout == cli.run(["thread", "show", "12"]).stdout)

        // Into a file that holds anything: refused, untouched.
        let again = try cli.run(["--db", copy, "import", document], withDB: false)
        #expect(again.status == 1)
        #expect(again.stderr == "paddock: \(copy) already holds a community; import only into a new or empty file\n")
    }

    @Test func aBadDocumentIsRefusedAndNoFileIsLeft() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(cli.run(["init", "--demo", "--admin", "ada"]).status == 0)
        var document = try JSONSerialization.jsonObject(with: Data(cli.run(["export"]).stdout.utf8)) as! [String: Any]
        var posts = document["posts"] as! [[String: Any]]
        posts[12]["threadId"] = 99_999
        posts[20]["authorId"] = 4242
        document["posts"] = posts
        let bad = cli.folder + "/bad.json"
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: bad))
        let target = cli.folder + "/new.sqlite"
        let result = try cli.run(["--db", target, "import", bad], withDB: false)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            paddock: refused \(bad), nothing written: 2 problems
            posts[12].threadId: no thread 99999
            posts[20].authorId: no member 4242

            """)
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func checkPrintsEachProblemAndExitsOne() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(cli.run(["init", "--admin", "ada"]).status == 0)
        try #require(cli.run(as: "ada", ["board", "add", "furia", "--title", "Furia 950"]).status == 0)
        try #require(cli.run(as: "ada", ["thread", "new", "--board", "furia", "--title", "Seat", "--body", "Flat."]).status == 0)
        let clean = try cli.run(["check"])
        #expect(clean.status == 0)
        #expect(clean.stdout == "\(cli.db): no problems (integrity, foreign keys, counts, search indexes).\n")

        let queue = try DatabaseQueue(path: cli.db)
        try queue.write { db in try db.execute(sql: "UPDATE thread SET replyCount = 3; UPDATE member SET postCount = 2") }
        try queue.close()
        let broken = try cli.run(["check"])
        #expect(broken.status == 1)
        #expect(broken.stdout == "thread 1: replyCount 3 but 1 posts\nmember ada: postCount 2 but 1 posts\n")
        #expect(broken.stderr == "paddock: 2 problems in \(cli.db)\n")
    }

    @Test func backupWhileWritersWriteGivesASoundCopy() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try WriterFixture.setUp(cli, members: 4)
        // Four writers reply in loops while backups are taken.
        let script = """
            i=1
            while [ $i -le 25 ]; do "$0" --db "$1" --as "m$2" reply 1 --body "w$2 $i" >/dev/null || exit 1; i=$((i + 1)); done
            """
        let writers = try (0..<4).map { w in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", script, CLI.binary, cli.db, "\(w)"]
            try p.run()
            return p
        }
        var copies: [String] = []
        var seen = 0
        for n in 0..<4 {
            // Each backup is taken after the writers have added a reply since the last
            // (or have all finished): a condition, so a slow machine spreads them too.
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, writers.contains(where: \.isRunning),
                  ((try? WriterFixture.replyBodies(cli.db, thread: 1).count) ?? seen) <= seen {
                usleep(10_000)
            }
            seen = (try? WriterFixture.replyBodies(cli.db, thread: 1).count) ?? seen
            let path = cli.folder + "/backup-\(n).sqlite"
            let result = try cli.run(["backup", path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("Backed up \(cli.db) to \(path) ("))
            copies.append(path)
        }
        writers.forEach { $0.waitUntilExit() }
        #expect(writers.allSatisfy { $0.terminationStatus == 0 })
        for path in copies {
            let check = try cli.run(["--db", path, "check"], withDB: false)
            #expect(check.status == 0, "\(path): \(check.stdout)")
        }
        // An existing file is kept unless --force.
        let refused = try cli.run(["backup", copies[0]])
        #expect(refused.status == 1)
        #expect(refused.stderr == "paddock: \(copies[0]) already exists; pass --force to replace it\n")
        #expect(try cli.run(["backup", "--force", copies[0]]).status == 0)
        #expect(try WriterFixture.replyBodies(copies[0], thread: 1).count == 100)
    }
}
