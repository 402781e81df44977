import Foundation
import GRDB
import PaddockCore

/// What `paddock check` looks at: SQLite's own checks, then the counters and
/// orderings the community keeps in columns so that screens cost what they show.
public enum Integrity {
    /// Every problem found, one line each; empty when the community is sound.
    public static func problems(in database: AppDatabase) throws -> [String] {
        // SQLite's page check outside a transaction: on a damaged page even a
        // read transaction's commit fails. A damaged file's counts and indexes
        // can't be judged; its pages are the problem.
        let damaged = try database.writer.writeWithoutTransaction { db in try pageProblems(db) }
        guard damaged.isEmpty else { return damaged }
        let found = try database.writer.read { db in try problems(db, pages: false) }
        return found + (try searchIndexMismatches(in: database).map(\.description))
    }

    /// The same checks inside a caller's transaction (import runs them before committing).
    static func problems(_ db: Database, pages: Bool = true) throws -> [String] {
        var found = pages ? try pageProblems(db) : []
        // Damaged pages: the queries below would only fail on them.
        guard found.isEmpty else { return found }
        for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
            let table: String = row["table"]
            let rowid: Int64? = row["rowid"]
            let parent: String = row["parent"]
            found.append("foreign key: \(table) row \(rowid.map(String.init) ?? "?") refers to a missing \(parent)")
        }
        found += try String.fetchAll(db, sql: invariantsSQL)
        if try tableExists(db, "helpfulMark") { found += try String.fetchAll(db, sql: helpfulMarksSQL) }
        if try tableExists(db, "suggestion"), try tableExists(db, "supporter") {
            found += try String.fetchAll(db, sql: """
                SELECT 'suggestion ' || s.threadId || ': supporterCount ' || s.supporterCount || ' but '
                       || (SELECT COUNT(*) FROM supporter p WHERE p.threadId = s.threadId) || ' supporters'
                FROM suggestion s
                WHERE s.supporterCount != (SELECT COUNT(*) FROM supporter p WHERE p.threadId = s.threadId)
                ORDER BY s.threadId
                """)
        }
        // Copies kept beside a suggestion's tags (so per-feature lists walk an index), where the schema has them.
        let tagColumns = try tableExists(db, "suggestionFeature") ? Set(try db.columns(in: "suggestionFeature").map(\.name)) : []
        for column in ["status", "supporterCount"] where tagColumns.contains(column) {
            found += try String.fetchAll(db, sql: """
                SELECT 'suggestion ' || f.threadId || ': feature ' || f.featureId || ' tag has \(column) ' || f.\(column)
                       || ' but the suggestion has ' || s.\(column)
                FROM suggestionFeature f JOIN suggestion s ON s.threadId = f.threadId
                WHERE f.\(column) IS NOT s.\(column)
                ORDER BY f.threadId, f.featureId
                """)
        }
        found += try unreadableTimes(db)
        found += try unreadablePayloads(db)
        return found + (try counterProblems(db))
    }

    /// The counters kept beside their rows (the dashboard's, polls', ratings',
    /// reputation's) that disagree with the rows, one line each: what
    /// `recountCounters` puts right.
    public static func counterProblems(in database: AppDatabase) throws -> [String] {
        try database.writer.read { db in try counterProblems(db) }
    }

    static func counterProblems(_ db: Database) throws -> [String] {
        var found: [String] = []
        if try tableExists(db, "activityDay") { found += try String.fetchAll(db, sql: countersSQL) }
        found += try pollProblems(db)
        if try tableExists(db, "featureRatingTotal") { found += try String.fetchAll(db, sql: Schema.ratingCountersSQL) }
        if try tableExists(db, "reputation") { found += try String.fetchAll(db, sql: Schema.reputationTotalsSQL) }
        return found
    }

    /// The manager's view's counters (`Schema.v11ActivityCounts`) against the rows
    /// they count, both ways (a count with no rows behind it is a problem too):
    /// per day, the community's posts, members, suggestions and supports; each
    /// product's and feature's suggestions and supports; each member's posts,
    /// suggestions and supports; and each product's and feature's open
    /// suggestions and support. Reads, and posts hidden and restored, leave no
    /// rows to count them by: those are not checked.
    static let countersSQL = """
        WITH expected(what, n) AS (
          \(Schema.countedFromRows.map { "SELECT \($0.label), n FROM (\($0.rows))" }.joined(separator: "\n  UNION ALL "))
        ),
        counted(what, n) AS (
          \(Schema.countedFromRows.map { "SELECT \($0.label), \($0.column) FROM \($0.table)" }.joined(separator: "\n  UNION ALL "))
        )
        SELECT 'activity counters: ' || what || ': counted ' || SUM(c) || ', the rows say ' || SUM(e)
               || '; `paddock check --repair` recounts them'
        FROM (SELECT what, n AS e, 0 AS c FROM expected UNION ALL SELECT what, 0, n FROM counted)
        GROUP BY what HAVING SUM(e) != SUM(c)
        """

    /// Counts every kept counter again from its rows (`paddock check --repair`):
    /// the dashboard's, polls', ratings' and reputation's. Reads per day are
    /// then known only from each thread's latest read.
    public static func recountCounters(in database: AppDatabase) throws {
        try database.writer.write { db in
            try Schema.rebuildActivityCounts(db)
            if try tableExists(db, "pollOption") { try db.execute(sql: pollRecountSQL) }
            if try tableExists(db, "featureRatingTotal") { try Schema.rebuildRatingCounts(db) }
            if try tableExists(db, "reputation") { try Schema.rebuildReputationTotals(db) }
        }
    }

    /// Every notification payload the inbox could not read, or that belongs to
    /// another kind of notification, one line each (where the schema has payloads).
    static func unreadablePayloads(_ db: Database) throws -> [String] {
        guard try db.columns(in: "notification").contains(where: { $0.name == "payload" }) else { return [] }
        var found: [String] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, kind, payload FROM notification WHERE payload IS NOT NULL ORDER BY id")
        while let row = try rows.next() {
            if let problem = NotificationPayload.problem(stored: row["payload"], kind: row["kind"]) {
                found.append("notification \(row["id"] as Int64): payload \(problem)")
            }
        }
        return found
    }

    /// SQLite's own check of every page, one line per problem.
    static func pageProblems(_ db: Database) throws -> [String] {
        var found: [String] = []
        // SQLite lists what it found, then may stop on a page it cannot read: keep both.
        let lines = try String.fetchCursor(db, sql: "PRAGMA integrity_check")
        do {
            while let line = try lines.next() {
                if line != "ok" { found += line.split(separator: "\n").map { "integrity: \($0)" } }
            }
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            found.append("integrity: \(error.message ?? "the file is damaged") (the check stopped here)")
        }
        return found
    }

    static func tableExists(_ db: Database, _ name: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [name]) ?? false
    }

    /// The project's invariants, each failing row one line.
    /// Helpful marks the app would refuse (an imported file may hold them): a
    /// mark is by the thread's author, on another member's post in that thread.
    static let helpfulMarksSQL = """
        SELECT 'helpful mark on post ' || h.postId || ': ' || CASE
                 WHEN p.threadId != h.threadId THEN 'the post is in thread ' || p.threadId || ', not thread ' || h.threadId
                 WHEN t.authorId != h.markedById THEN 'marked by member ' || h.markedById || ', who did not start thread ' || h.threadId
                 ELSE 'its author marked their own post' END
        FROM helpfulMark h JOIN post p ON p.id = h.postId JOIN thread t ON t.id = h.threadId
        WHERE p.threadId != h.threadId OR t.authorId != h.markedById OR p.authorId = h.markedById
        ORDER BY h.postId
        """

    static let invariantsSQL = """
        SELECT 'thread ' || t.id || ': replyCount ' || t.replyCount || ' but ' || COUNT(p.id) || ' posts'
          FROM thread t LEFT JOIN post p ON p.threadId = t.id
          GROUP BY t.id HAVING t.replyCount != COUNT(p.id) - 1
        UNION ALL
        SELECT 'thread ' || threadId || ': post positions are not 0…' || (COUNT(*) - 1)
               || ' (from ' || MIN(position) || ' to ' || MAX(position) || ')'
          FROM post GROUP BY threadId HAVING MIN(position) != 0 OR MAX(position) != COUNT(*) - 1
        UNION ALL
        SELECT 'board ' || b.slug || ': threadCount ' || b.threadCount || ' but ' || n || ' threads'
          FROM (SELECT b.*, (SELECT COUNT(*) FROM thread t WHERE t.boardId = b.id) AS n FROM board b) b
          WHERE b.threadCount != n
        UNION ALL
        SELECT 'board ' || b.slug || ': postCount ' || b.postCount || ' but ' || n || ' posts'
          FROM (SELECT b.*, (SELECT COUNT(*) FROM post p JOIN thread t ON t.id = p.threadId WHERE t.boardId = b.id) AS n
                FROM board b) b
          WHERE b.postCount != n
        UNION ALL
        SELECT 'member ' || m.handle || ': postCount ' || m.postCount || ' but ' || n || ' posts'
          FROM (SELECT m.*, (SELECT COUNT(*) FROM post p WHERE p.authorId = m.id) AS n FROM member m) m
          WHERE m.postCount != n
        UNION ALL
        SELECT 'post ' || p.id || ': revisionCount ' || p.revisionCount || ' but ' || n || ' revisions'
          FROM (SELECT p.id, p.revisionCount, (SELECT COUNT(*) FROM postRevision r WHERE r.postId = p.id) AS n
                FROM post p WHERE p.revisionCount > 0 OR EXISTS (SELECT 1 FROM postRevision r WHERE r.postId = p.id)) p
          WHERE p.revisionCount != n
        """
}

// MARK: - Search indexes

/// A full-text index that does not hold what the rows it indexes say.
public struct SearchIndexMismatch: Equatable, Sendable, CustomStringConvertible {
    /// The index's table: `postSearch`, `suggestionSearch`.
    public let index: String
    public let what: String

    public var description: String {
        "search index \(index): \(what); `paddock check --repair` rebuilds it"
    }
}

extension Integrity {
    /// Indexes that keep their own copy of the text, with the rows they copy
    /// (rowid, then the indexed columns in order). The others are external-content
    /// indexes, which FTS5 itself compares with their content.
    static let copiedIndexSources = [
        "suggestionSearch": """
            SELECT t.id, t.title, p.body FROM suggestion s JOIN thread t ON t.id = s.threadId
            JOIN post p ON p.threadId = t.id AND p.position = 0
            """,
    ]

    static func searchIndexes(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%' ORDER BY name
            """)
    }

    /// Every full-text index compared with the rows it indexes: FTS5's own
    /// `integrity-check` (which, for an external-content index, re-reads and
    /// re-tokenizes the content), and for an index with its own copy of the
    /// text, that copy against the rows. The check reads only, but FTS5 runs
    /// it as a write statement: it takes the write lock while it runs (other
    /// sessions keep reading; writers wait), in a transaction rolled back
    /// after. On a read-only file the FTS5 pass is skipped.
    public static func searchIndexMismatches(in database: AppDatabase) throws -> [SearchIndexMismatch] {
        try database.writer.writeWithoutTransaction { db in
            var found: [SearchIndexMismatch] = []
            // FTS5's integrity-check is an INSERT: take the write lock first, so a
            // busy file means waiting for the writer (the busy timeout), not a read
            // transaction refused its upgrade at once. A read-only file is checked
            // in a deferred transaction, where the check itself is skipped below.
            let kind: Database.TransactionKind
            do {
                try db.execute(sql: "BEGIN IMMEDIATE; ROLLBACK")
                kind = .immediate
            } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
                kind = .deferred
            }
            try db.inTransaction(kind) {
                for index in try searchIndexes(db) {
                    let quoted = index.quotedDatabaseIdentifier
                    if let source = copiedIndexSources[index] {
                        let missing = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(source) EXCEPT SELECT rowid, * FROM \(quoted))") ?? 0
                        let extra = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT rowid, * FROM \(quoted) EXCEPT \(source))") ?? 0
                        if missing + extra > 0 {
                            found.append(SearchIndexMismatch(index: index, what: "differs from the rows it indexes (\(missing) missing or changed, \(extra) stale)"))
                            continue
                        }
                    }
                    do {
                        let external = copiedIndexSources[index] == nil
                        try db.execute(sql: "INSERT INTO \(quoted)(\(quoted)\(external ? ", rank" : "")) VALUES ('integrity-check'\(external ? ", 1" : ""))")
                    } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
                        found.append(SearchIndexMismatch(index: index, what: "does not match the rows it indexes"))
                    } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
                        break
                    }
                }
                return .rollback
            }
            return found
        }
    }

    /// Rebuilds the named full-text indexes (all when nil) from the rows they
    /// index, in one transaction: other sessions keep reading the indexes as
    /// they were until it commits. When the method returns, each rebuilt index
    /// holds exactly its rows. Returns the indexes rebuilt.
    @discardableResult
    public static func rebuildSearchIndexes(in database: AppDatabase, only names: Set<String>? = nil) throws -> [String] {
        try database.writer.write { db in
            let indexes = try searchIndexes(db).filter { names?.contains($0) ?? true }
            for index in indexes {
                let quoted = index.quotedDatabaseIdentifier
                if let source = copiedIndexSources[index] {
                    try db.execute(sql: "DELETE FROM \(quoted)")
                    let columns = try db.columns(in: index).map(\.name.quotedDatabaseIdentifier).joined(separator: ", ")
                    try db.execute(sql: "INSERT INTO \(quoted) (rowid, \(columns)) \(source)")
                } else {
                    try db.execute(sql: "INSERT INTO \(quoted)(\(quoted)) VALUES ('rebuild')")
                }
            }
            return indexes
        }
    }
}

// MARK: - Stored times

extension Integrity {
    /// Every stored time that the store could not read back (a year past 9999, a
    /// 30 February, text that is no time), one line each, naming table, row and
    /// column. Every DATETIME column of every table is walked; values in the
    /// store's own form (`2026-05-28 20:26:40.000`, a real day) are passed by
    /// SQLite itself, the rest are read the way the store reads them.
    static func unreadableTimes(_ db: Database) throws -> [String] {
        var found: [String] = []
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
              AND sql NOT LIKE 'CREATE VIRTUAL%' AND sql NOT LIKE '%WITHOUT ROWID%' ORDER BY name
            """)
        for table in tables {
            for column in try db.columns(in: table) where column.type.uppercased() == "DATETIME" {
                let c = column.name.quotedDatabaseIdentifier
                let rows = try Row.fetchAll(db, sql: """
                    SELECT rowid, \(c) FROM \(table.quotedDatabaseIdentifier)
                    WHERE \(c) IS NOT NULL AND NOT (typeof(\(c)) = 'text'
                      AND \(c) GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]'
                      AND substr(\(c), 12, 2) < '24' AND date(substr(\(c), 1, 10)) IS substr(\(c), 1, 10))
                    ORDER BY rowid
                    """)
                for row in rows {
                    let value: DatabaseValue = row[1]
                    guard Date.fromStored(value) == nil else { continue }
                    let rowid: Int64 = row[0]
                    let shown = TextWrap.truncate(value.description, width: 40)
                    found.append("\(table) row \(rowid): \(column.name) \(shown) is not a time Paddock can read back")
                }
            }
        }
        return found
    }
}
