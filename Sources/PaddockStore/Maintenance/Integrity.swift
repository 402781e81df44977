import Foundation
import GRDB
import PaddockCore

/// What `paddock check` looks at: SQLite's own checks, then the counters and
/// orderings the community keeps in columns so that screens cost what they show.
public enum Integrity {
    /// Every problem found, one line each; empty when the community is sound.
    public static func problems(in database: AppDatabase) throws -> [String] {
        try database.writer.read { db in try problems(db) }
    }

    /// The same checks inside a caller's transaction (import runs them before committing).
    static func problems(_ db: Database) throws -> [String] {
        var found: [String] = []
        for line in try String.fetchAll(db, sql: "PRAGMA integrity_check") where line != "ok" {
            found.append("integrity: \(line)")
        }
        for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
            let table: String = row["table"]
            let rowid: Int64? = row["rowid"]
            let parent: String = row["parent"]
            found.append("foreign key: \(table) row \(rowid.map(String.init) ?? "?") refers to a missing \(parent)")
        }
        found += try String.fetchAll(db, sql: invariantsSQL)
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
        return found
    }

    static func tableExists(_ db: Database, _ name: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [name]) ?? false
    }

    /// The project's invariants, each failing row one line.
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
