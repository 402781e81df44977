import Foundation
import GRDB
@testable import PaddockCore
@testable import PaddockStore
import Testing

/// Backup, check, export and import: the operator's tools for the file.
@Suite struct MaintenanceTests {
    static let endingAt = Date(timeIntervalSince1970: 1_767_225_600)

    static func demo() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        try DemoCommunity.build(into: Community(database: database), operator: "owner", endingAt: endingAt)
        return database
    }

    static func json(_ database: AppDatabase) throws -> String {
        String(decoding: try Transfer.export(database).json(), as: UTF8.self)
    }

    /// Rows in every table: what "nothing was written" compares.
    static func rowCount(_ database: AppDatabase) throws -> Int {
        try database.writer.read { db in
            try Transfer.tables(db).reduce(0) { $0 + (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($1.name)") ?? 0) }
        }
    }

    // MARK: - Export and import

    @Test func theDemoRoundTripsToTheSameJSON() throws {
        let source = try Self.demo()
        #expect(try Integrity.problems(in: source) == [])
        let first = try Self.json(source)
        let copy = try AppDatabase.inMemory()
        try Transfer.importDocument(try CommunityExport.decode(Data(first.utf8)), into: copy)
        #expect(try Integrity.problems(in: copy) == [])
        let second = try Self.json(copy)
        #expect(first == second)
        // The document holds what the brief names, and the demo fills most of it.
        let document = try JSONSerialization.jsonObject(with: Data(first.utf8)) as! [String: Any]
        for key in ["members", "boards", "threads", "posts", "postRevisions", "products", "features", "settings"] {
            #expect(document[key] is [Any], "no \(key)")
        }
        for key in ["members", "boards", "threads", "posts", "postRevisions", "products", "features"] {
            #expect(!(document[key] as! [Any]).isEmpty, "\(key) empty in the demo")
        }
        // The copy works through the service: the same threads, readable and writable.
        let community = Community(database: copy)
        let owner = try community.actor(handle: "owner")
        let thread = try community.threads(board: "garage").threads[0]
        let reply = try community.reply(by: owner, thread: thread.id, body: "After the move.")
        #expect(reply.position == thread.replyCount + 1)
        #expect(try Integrity.problems(in: copy) == [])
    }

    @Test func textComesBackExactlyAsWritten() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "Plain", body: "start")
        // Hostile text, and the same word composed and decomposed: stored bytes, not equal-looking strings.
        let bodies = HostileCorpus.cases.map(\.text).filter { (try? Validate.body($0)) != nil } + ["cos\u{00EC}", "cosi\u{0300}", "tab\there\r\nCRLF"]
        for body in bodies { try f.community.reply(by: f.member, thread: thread.id, body: body) }
        let before = try f.community.database.writer.read { db in try String.fetchAll(db, sql: "SELECT hex(body) FROM post ORDER BY id") }
        let copy = try AppDatabase.inMemory()
        try Transfer.importDocument(try CommunityExport.decode(try Transfer.export(f.community.database).json()), into: copy)
        let after = try copy.writer.read { db in try String.fetchAll(db, sql: "SELECT hex(body) FROM post ORDER BY id") }
        #expect(before == after)
        #expect(before.count == bodies.count + 1)
    }

    @Test func aBadDocumentIsRefusedNamingRecordAndFieldAndWritesNothing() throws {
        let source = try Self.demo()
        let good = try JSONSerialization.jsonObject(with: try Transfer.export(source).json()) as! [String: Any]
        func refusal(_ change: (inout [String: Any]) -> Void) throws -> [String] {
            var document = good
            change(&document)
            let copy = try AppDatabase.inMemory()
            let data = try JSONSerialization.data(withJSONObject: document)
            defer { #expect(try! Self.rowCount(copy) == 0, "rows were written") }
            do {
                try Transfer.importDocument(try CommunityExport.decode(data), into: copy)
            } catch let TransferError.invalid(problems) {
                return problems
            }
            Issue.record("imported")
            return []
        }
        func edit(_ key: String, _ index: Int, _ change: @escaping (inout [String: Any]) -> Void) -> (inout [String: Any]) -> Void {
            { document in
                var records = document[key] as! [[String: Any]]
                change(&records[index])
                document[key] = records
            }
        }
        #expect(try refusal(edit("posts", 12) { $0["threadId"] = 99_999 }) == ["posts[12].threadId: no thread 99999"])
        #expect(try refusal(edit("posts", 3) { $0["body"] = nil }) == ["posts[3].body: missing"])
        #expect(try refusal(edit("posts", 3) { $0["body"] = NSNull() }) == ["posts[3].body: must not be null"])
        #expect(try refusal(edit("posts", 3) { $0["position"] = "three" }) == ["posts[3].position: expected an integer, got text"])
        #expect(try refusal(edit("members", 2) { $0["colour"] = "red" }) == ["members[2].colour: no such field in members"])
        #expect(try refusal(edit("postRevisions", 0) { $0["postId"] = 123_456 }) == ["postRevisions[0].postId: no post 123456"])
        #expect(try refusal(edit("members", 1) { $0["id"] = 1 }).first == "members[1].id: 1 is also members[0]")
        #expect(try refusal(edit("posts", 5) { $0["state"] = "vanished" })
                == ["posts[5]: CHECK constraint failed: state IN ('visible','hidden','removed')"])
        #expect(try refusal(edit("threads", 0) { $0["replyCount"] = ($0["replyCount"] as! Int) + 1 }).first?
                    .hasPrefix("the records disagree: thread 1: replyCount") == true)
        #expect(try refusal(edit("posts", 7) { $0["body"] = "cut\u{0}short" }) == ["posts[7].body: contains a NUL character (U+0000), which cannot be stored"])
        // Ratings: what the app's `rate` refuses, import refuses, naming the record and field.
        #expect(try refusal(edit("featureRatings", 0) { $0["review"] = "a\nb" }) == ["featureRatings[0].review: the review must be one line"])
        #expect(try refusal(edit("featureRatings", 0) { $0["review"] = String(repeating: "x", count: 201) })
                == ["featureRatings[0].review: the review is 201 characters; the limit is 200"])
        #expect(try refusal(edit("featureRatings", 0) { $0["stars"] = 6 }) == ["featureRatings[0].stars: a rating is 1 to 5 stars; 6 is not one"])
        // A helpful mark the app would refuse: by a member who did not start the thread, on their own post.
        let reply = (good["posts"] as! [[String: Any]]).first { ($0["position"] as! Int) > 0 && ($0["state"] as! String) == "visible" }!
        let marked = (good["helpfulMarks"] as? [[String: Any]] ?? []).map { $0["postId"] as! Int }
        #expect(!marked.contains(reply["id"] as! Int))
        let ownMark: [String: Any] = ["postId": reply["id"]!, "threadId": reply["threadId"]!, "markedById": reply["authorId"]!,
                                      "createdAt": reply["createdAt"]!]
        #expect(try refusal { $0["helpfulMarks"] = ($0["helpfulMarks"] as? [[String: Any]] ?? []) + [ownMark] }.first?
                    .hasPrefix("the records disagree: helpful mark on post \(reply["id"]!): marked by member \(reply["authorId"]!), who did not start thread") == true)
        #expect(try refusal { $0["widgets"] = [] } == ["widgets: not a kind of record this Paddock knows"])
        #expect(try refusal { $0["schema"] = ["v1", "v99-teleport"] }
                == ["schema: written by a newer Paddock (schema v99-teleport); upgrade paddock to import it"])
        #expect(throws: TransferError.invalid(["format: not a Paddock export (expected \"format\": \"paddock-community\")"])) {
            try CommunityExport.decode(Data(#"{"members": []}"#.utf8))
        }
    }

    @Test func importRefusesACommunityThatHoldsAnything() throws {
        let f = try Fixture()
        let document = try Transfer.export(try Self.demo())
        #expect(throws: TransferError.notEmpty(path: "here.sqlite")) {
            try Transfer.importDocument(document, into: f.community.database, path: "here.sqlite")
        }
    }

    // MARK: - Check

    @Test func checkNamesEachBrokenCountOnOneLine() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "Seat", body: "Flat.")
        try f.community.reply(by: f.other, thread: thread.id, body: "Same here.")
        #expect(try Integrity.problems(in: f.community.database) == [])
        // What a bug or a hand edit could leave behind.
        try f.community.database.writer.write { db in
            try db.execute(sql: "UPDATE thread SET replyCount = 5 WHERE id = ?", arguments: [thread.id])
            try db.execute(sql: "UPDATE board SET postCount = 0, threadCount = 3 WHERE slug = 'furia'")
            try db.execute(sql: "UPDATE member SET postCount = 9 WHERE handle = 'giulia'")
            try db.execute(sql: "UPDATE post SET position = 7 WHERE threadId = ? AND position = 1", arguments: [thread.id])
        }
        #expect(try Integrity.problems(in: f.community.database) == [
            "thread 1: replyCount 5 but 2 posts",
            "thread 1: post positions are not 0…1 (from 0 to 7)",
            "board furia: threadCount 3 but 1 threads",
            "board furia: postCount 0 but 2 posts",
            "member giulia: postCount 9 but 1 posts",
        ])
    }

    // MARK: - Backup

    @Test func backupWhileAnotherSessionWritesGivesASoundCopy() throws {
        let folder = NSTemporaryDirectory() + "paddock-backup-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = try AppDatabase.open(path: folder + "/community.sqlite", create: true)
        let community = Community(database: database)
        let admin = try community.actor(handle: community.bootstrapAdmin(handle: "ada").handle)
        try community.addBoard(by: admin, slug: "furia", title: "Furia 950")
        let thread = try community.startThread(by: admin, board: "furia", title: "Log", body: "start")

        // Another session (its own connection pool) replies while the backups run.
        let writerDone = DispatchSemaphore(value: 0)
        Thread {
            let other = try! Community(database: AppDatabase.open(path: folder + "/community.sqlite"))
            for i in 0..<300 { _ = try! other.reply(by: admin, thread: thread.id, body: "reply \(i)") }
            writerDone.signal()
        }.start()
        var copies: [String] = []
        for n in 0..<5 {
            let path = folder + "/backup-\(n).sqlite"
            try database.backup(to: path)
            copies.append(path)
        }
        writerDone.wait()
        for path in copies {
            let copy = try AppDatabase.open(path: path)
            #expect(try Integrity.problems(in: copy) == [], "\(path)")
            // A snapshot: the replies it holds are a prefix of what was written.
            let bodies = try copy.writer.read { db in try String.fetchAll(db, sql: "SELECT body FROM post WHERE position > 0 ORDER BY position") }
            #expect(bodies == (0..<bodies.count).map { "reply \($0)" })
        }
        // Never over an existing file unless asked; never over the community itself.
        #expect(throws: BackupError.exists(path: copies[0])) { try database.backup(to: copies[0]) }
        try database.backup(to: copies[0], replace: true)
        let full = try AppDatabase.open(path: copies[0])
        #expect(try full.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM post") } == 301)
        #expect(throws: BackupError.sameFile(path: folder + "/community.sqlite")) {
            try database.backup(to: folder + "/community.sqlite", replace: true)
        }
        // No temporary files left beside the copies.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("partial") }
        #expect(leftovers.isEmpty)
    }
}
