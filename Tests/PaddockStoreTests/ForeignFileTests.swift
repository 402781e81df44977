import Foundation
import GRDB
@testable import PaddockCore
@testable import PaddockStore
import Testing

/// Files that are not communities, storage errors said for a person, import
/// held to the app's rules, and the search indexes checked (issues 21 and 14).
@Suite struct ForeignFileTests {
    static func temporaryPath(_ name: String) -> String {
        NSTemporaryDirectory() + "paddock-\(name)-\(UUID().uuidString).sqlite"
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    // MARK: - Only a community is opened for writing

    @Test(arguments: ["CREATE TABLE foo (x)", "CREATE TABLE member (id INTEGER PRIMARY KEY)", ""])
    func aFileThatIsNotACommunityIsRefusedAndLeftAsItWas(schema: String) throws {
        let path = Self.temporaryPath("foreign")
        defer { Self.remove(path) }
        if schema.isEmpty {
            _ = FileManager.default.createFile(atPath: path, contents: Data())
        } else {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: schema) }
            try queue.close()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: OpenError.notCommunity(path: path)) { try AppDatabase.open(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(OpenError.notCommunity(path: "c.sqlite").description
                == "c.sqlite is not a Paddock community (no paddock schema); the file was left untouched")
    }

    @Test func anEmptyFileBecomesACommunityOnlyWhenCreating() throws {
        let path = Self.temporaryPath("empty")
        defer { Self.remove(path) }
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let database = try AppDatabase.open(path: path, create: true)
        try Community(database: database).bootstrapAdmin(handle: "ada")
        try database.close()
        #expect(try Community(database: AppDatabase.open(path: path)).members().map(\.handle) == ["ada"])
    }

    @Test func aCommunityOfAnOlderSchemaIsStillBroughtUpToDate() throws {
        let path = Self.temporaryPath("older")
        defer { Self.remove(path) }
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v1")
        try queue.close()
        let database = try AppDatabase.open(path: path)
        let applied = try database.writer.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(Set(applied) == Set(Schema.migrator.migrations))
    }

    // MARK: - Storage errors in one line

    @Test func storageErrorsAreOneLineWithoutSQL() throws {
        let sql = #"UPDATE "thread" SET "title" = ? WHERE "id" = ?"#
        let cases: [(ResultCode, String)] = [
            (.SQLITE_READONLY, "c.sqlite is read-only: nothing was changed"),
            (.SQLITE_CORRUPT, "c.sqlite is damaged: restore a backup; `paddock check` says more"),
            (.SQLITE_NOTADB, "c.sqlite is damaged: restore a backup; `paddock check` says more"),
            (.SQLITE_BUSY, "c.sqlite is busy: another program holds it locked; try again"),
            (.SQLITE_LOCKED, "c.sqlite is busy: another program holds it locked; try again"),
            (.SQLITE_FULL, "no space left on the disk of c.sqlite: nothing was changed"),
            (.SQLITE_CANTOPEN, "cannot open c.sqlite (or its -wal and -shm files beside it): check the folder's permissions"),
            (.SQLITE_IOERR, "cannot read or write c.sqlite: the disk reported an error"),
        ]
        for (code, line) in cases {
            let error = DatabaseError(resultCode: code, message: "some message", sql: sql)
            let failure = try #require(StorageFailure(error, path: "c.sqlite"))
            #expect(failure.description == line)
            #expect(!failure.description.contains("\n") && !failure.description.contains("UPDATE"))
            // The details keep SQLite's account, for --verbose.
            #expect(failure.details.contains(sql))
        }
        let page = DatabaseError(resultCode: .SQLITE_CORRUPT, message: "database corruption on page 12", sql: sql)
        #expect(StorageFailure(page, path: "c.sqlite")?.description == "c.sqlite is damaged at page 12: restore a backup; `paddock check` says more")
        #expect(StorageFailure(CommunityError.invalid("no"), path: "c.sqlite") == nil)
    }

    @Test func aFullDiskDuringABackupIsNamed() {
        #expect(AppDatabase.reason(DatabaseError(resultCode: .SQLITE_FULL, message: "not an error"))
                == "no space left on the device; nothing was written")
        #expect(BackupError.failed(path: "b.sqlite", reason: "no space left on the device; nothing was written").description
                == "cannot back up to b.sqlite: no space left on the device; nothing was written")
    }

    @Test func aBackupNeverReplacesWhatIsNotAFile() throws {
        let database = try MaintenanceTests.demo()
        let folder = NSTemporaryDirectory() + "paddock-backup-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/fifo", link = folder + "/link", other = folder + "/other"
        #expect(mkfifo(fifo, 0o600) == 0)
        _ = FileManager.default.createFile(atPath: other, contents: Data("keep".utf8))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: other)
        for path in [fifo, link, folder] {
            #expect(throws: BackupError.notAFile(path: path)) { try database.backup(to: path, replace: true) }
        }
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        #expect(lstat(link, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
        #expect(try String(contentsOfFile: other, encoding: .utf8) == "keep")
        // A regular file is replaced, whole.
        try database.backup(to: other, replace: true)
        #expect(try Integrity.problems(in: AppDatabase.open(path: other)).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["fifo", "link", "other"])
    }

    // MARK: - Import applies the app's rules

    @Test func importRefusesRecordsTheAppWouldRefuse() throws {
        let exported = try Transfer.export(MaintenanceTests.demo())
        var tables = exported.tables
        func set(_ table: String, _ index: Int, _ field: String, _ value: StoredValue) { tables[table]![index][field] = value }
        set("member", 1, "createdAt", .text("not a date"))
        set("member", 2, "standingUntil", .text("garbage"))
        set("member", 3, "handle", .text("Bad Handle"))
        set("thread", 0, "title", .text(String(repeating: "t", count: 500)))
        set("post", 0, "body", .text(String(repeating: "b", count: 200_000)))
        set("post", 1, "body", .text(""))
        set("post", 2, "createdAt", .text("2026-02-30 10:00:00.000"))
        tables["setting", default: []].append(["key": .text("flag_threshold"), "value": .text("0")])
        let news = try #require(tables["notification"]!.firstIndex { $0["payload"] != .null })
        let reply = try #require(tables["notification"]!.firstIndex { $0["payload"] == .null })
        set("notification", news, "kind", .text("reply"))
        set("notification", reply, "kind", .text("gossip"))
        let document = CommunityExport(schema: exported.schema, tables: Dictionary(uniqueKeysWithValues: tables.map { (CommunityExport.key(forTable: $0.key), $0.value) }))
        let target = try AppDatabase.inMemory()
        var problems: [String] = []
        do { try Transfer.importDocument(document, into: target) } catch TransferError.invalid(let found) { problems = found }
        let settingIndex = tables["setting"]!.count - 1
        let expected = [
            "members[1].createdAt: 'not a date' is not a time",
            "members[2].standingUntil: 'garbage' is not a time",
            "members[3].handle: 'Bad Handle' is not a valid handle",
            "threads[0].title: the title is 500 characters; the limit is 120",
            "posts[0].body: the post is 200000 bytes",
            "posts[1].body: the post is empty",
            "posts[2].createdAt: '2026-02-30 10:00:00.000' is not a time",
            "settings[\(settingIndex)].value: flag_threshold is flag weight",
            "notifications[\(news)].payload: the payload of a ",
            "notifications[\(reply)].kind: 'gossip' is not a kind of notification",
        ]
        for prefix in expected {
            #expect(problems.contains { $0.hasPrefix(prefix) }, "no problem starting \(prefix) in \(problems)")
        }
        #expect(problems.count == expected.count, "\(problems)")
        #expect(try MaintenanceTests.rowCount(target) == 0)
    }

    // MARK: - The search indexes are checked

    @Test func aStaleSearchIndexIsFoundNamedAndRebuilt() throws {
        let path = Self.temporaryPath("search")
        defer { Self.remove(path) }
        let database = try AppDatabase.open(path: path, create: true)
        try DemoCommunity.build(into: Community(database: database), operator: "owner", endingAt: MaintenanceTests.endingAt)
        #expect(try Integrity.problems(in: database) == [])
        try database.writer.write { db in
            try db.execute(sql: "DROP TRIGGER post_search_update")
            try db.execute(sql: "UPDATE post SET body = 'zanzibar quokka' WHERE id = 1")
            try db.execute(sql: "UPDATE suggestionSearch SET title = 'not the title' WHERE rowid = (SELECT MIN(rowid) FROM suggestionSearch)")
        }
        let problems = try Integrity.problems(in: database)
        #expect(problems == [
            "search index postSearch: does not match the rows it indexes; `paddock check --repair` rebuilds it",
            "search index suggestionSearch: differs from the rows it indexes (1 missing or changed, 1 stale); `paddock check --repair` rebuilds it",
        ])
        #expect(try Integrity.rebuildSearchIndexes(in: database) == ["postSearch", "suggestionSearch"])
        #expect(try Integrity.problems(in: database) == [])
        let hits = try database.writer.read { db in
            try Int.fetchAll(db, sql: "SELECT rowid FROM postSearch WHERE postSearch MATCH 'quokka'")
        }
        #expect(hits == [1])
    }

    // MARK: - GRDB stays in the store

    @Test func onlyTheStoreImportsGRDB() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources").standardizedFileURL
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 20)
        var outside: [String] = []
        for file in files where !file.path.contains("/Sources/PaddockStore/") {
            let text = try String(contentsOf: file, encoding: .utf8)
            if text.split(separator: "\n").contains(where: { $0.hasPrefix("import GRDB") }) { outside.append(file.lastPathComponent) }
        }
        #expect(outside == [])
    }
}
