import Foundation
import GRDB
import PaddockCore

/// One post found by a search, with what a result row shows.
public struct SearchHit: Codable, Equatable, Sendable {
    public let postId: Int64
    public let threadId: Int64
    public let threadTitle: String
    public let threadKind: ThreadKind
    public let boardSlug: String
    public let boardTitle: String
    /// The post's place in its thread: 0 is the opening post.
    public let position: Int
    public let authorHandle: String
    public let createdAt: Date
    /// Hidden and removed posts are found by moderators only.
    public let state: PostState
    /// bm25: lower is a better match.
    public let score: Double
    /// A few words of the post around the first match, matches marked.
    public let snippet: SearchSnippet
    /// Where the thread's title matches, when it does.
    public let titleMatches: [Range<Int>]
}

/// Where a search's results continue: the rank, time and id of the last hit shown.
public struct SearchCursor: Codable, Equatable, Sendable, CustomStringConvertible {
    public let score: Double
    public let createdAt: Date
    public let postId: Int64

    public init(score: Double, createdAt: Date, postId: Int64) {
        self.score = score
        self.createdAt = createdAt
        self.postId = postId
    }

    /// A compact form for scripts: `--after` takes what `next` printed.
    public var description: String {
        "\(postId)_\(UTCTime.milliseconds(createdAt, rounding: .toNearestOrAwayFromZero))_\(score)"
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "_")
        guard parts.count == 3, let id = Int64(parts[0]), let ms = Int64(parts[1]), UTCTime.storableMilliseconds.contains(ms),
              let score = Double(parts[2]), score.isFinite else { return nil }
        self.init(score: score, createdAt: Date(timeIntervalSince1970: Double(ms) / 1000), postId: id)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let cursor = SearchCursor(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad cursor"))
        }
        self = cursor
    }
}

/// A page of results, best first.
public struct SearchPage: Codable, Equatable, Sendable {
    public let hits: [SearchHit]
    /// Present when more results follow.
    public let next: SearchCursor?
    /// Why nothing was searched, or what was understood differently from how it was typed.
    public let hint: String?
    /// False when the query could not run; `hint` says why.
    public let searched: Bool

    static func refused(_ why: String) -> SearchPage { SearchPage(hits: [], next: nil, hint: why, searched: false) }
}

/// Full-text search (the index is in Schema+Search.swift).
extension Community {
    /// Ranking looks at the newest this-many posts that match the words (all of
    /// them, for any but the commonest words): bm25 over every match of a word
    /// in a fifth of a million posts costs half a second; over this window,
    /// a few milliseconds. Filters apply within the window.
    public static let searchWindow = 4_000

    /// One page of the posts matching `text`, best first: bm25 with a title
    /// word counting `Schema.titleWeight` times a body word, newer first among
    /// equals, over the newest `searchWindow` posts that match the words.
    /// Members find visible posts of visible threads; moderators and up also
    /// hidden and removed ones. Any text is safe: a query that cannot run
    /// returns no hits and a hint, never an error.
    public func search(_ text: String, viewer: Actor? = nil, limit: Int = 20, after cursor: SearchCursor? = nil) throws -> SearchPage {
        let query = SearchQuery.parse(text)
        guard let match = query.match else { return .refused(query.problem ?? "add a word to search for") }
        return try writer.read { db in
            let viewer = try viewer.map { try Self.fresh(db, $0) }
            let role = viewer?.role ?? .member
            let window = try Self.searchWindowBounds(db, match: match)
            let statement: (sql: String, arguments: [DatabaseValue])
            switch try Self.searchStatement(db, query: query, viewer: viewer, limit: limit, after: cursor, oldest: window.oldest) {
            case .failure(let refusal): return refusal.page
            case .success(let built): statement = built
            }
            var notes = query.notes
            var rows = try Row.fetchAll(db, sql: statement.sql, arguments: StatementArguments(statement.arguments))
            let more = rows.count > max(1, limit)
            if more { rows.removeLast() }
            let hits = try Self.searchHits(db, rows: rows, terms: query.terms, role: role)
            let next = more ? rows.last.map { SearchCursor(score: $0["score"], createdAt: $0.date("createdAt") ?? Date(timeIntervalSince1970: 0), postId: $0["postId"]) } : nil
            if cursor == nil, window.isFull {
                notes.insert("many posts match: these are the best of the newest \(Self.searchWindow); add a word to narrow", at: 0)
            }
            if hits.isEmpty, cursor == nil { notes.insert("nothing found", at: 0) }
            return SearchPage(hits: hits, next: next, hint: notes.isEmpty ? nil : notes.joined(separator: "; "), searched: true)
        }
    }

    /// The ranked statement `search` runs for `text`, its arguments written in:
    /// for comparing with the sqlite3 shell (`paddock bench`). Nil when the query cannot run.
    public func searchSQL(_ text: String, viewer: Actor? = nil, limit: Int = 20) throws -> String? {
        let query = SearchQuery.parse(text)
        guard query.match != nil else { return nil }
        return try writer.read { db in
            let viewer = try viewer.map { try Self.fresh(db, $0) }
            guard case .success(let built) = try Self.searchStatement(db, query: query, viewer: viewer, limit: limit, after: nil, oldest: nil) else {
                return nil
            }
            var sql = ""
            var values = built.arguments.makeIterator()
            for c in built.sql {
                guard c == "?", let value = values.next() else { sql.append(c); continue }
                switch value.storage {
                case .null: sql += "NULL"
                case .int64(let n): sql += "\(n)"
                case .double(let d): sql += "\(d)"
                case .string(let t): sql += "'" + t.replacingOccurrences(of: "'", with: "''") + "'"
                case .blob: sql += "NULL"
                }
            }
            return sql
        }
    }

    /// The ranking window's oldest post (0 when fewer posts match than it holds),
    /// and whether more posts match than it holds: one walk of the words' doclist.
    static func searchWindowBounds(_ db: Database, match: String) throws -> (oldest: Int64, isFull: Bool) {
        let edge = try Int64.fetchAll(db, sql: "SELECT rowid FROM postSearch WHERE postSearch MATCH ? ORDER BY rowid DESC LIMIT 2 OFFSET ?",
                                      arguments: [match, searchWindow - 1])
        return (edge.first ?? 0, edge.count == 2)
    }

    struct SearchRefusal: Error {
        let page: SearchPage
    }

    /// The ranked statement for a parsed query, or the page to show when a name in it is unknown.
    /// `oldest` is the ranking window's oldest post (`searchWindowBounds`); without it
    /// the statement finds it itself, as the sqlite3 shell must (`searchSQL`).
    static func searchStatement(_ db: Database, query: SearchQuery, viewer: Actor?, limit: Int, after cursor: SearchCursor?, oldest: Int64?)
        throws -> Result<(sql: String, arguments: [DatabaseValue]), SearchRefusal> {
        guard let match = query.match else { return .failure(SearchRefusal(page: .refused(query.problem ?? "add a word to search for"))) }
        let role = viewer?.role ?? .member
        func refused(_ why: String) -> Result<(sql: String, arguments: [DatabaseValue]), SearchRefusal> {
            .failure(SearchRefusal(page: .refused(why)))
        }
        do {
            let f = query.filters
            // FTS first, then each match's post and thread by primary key: the
            // filters are checks on rows already found, never scans.
            var sql = """
                SELECT postSearch.rowid AS postId, postSearch.rank AS score, p.createdAt AS createdAt
                FROM postSearch CROSS JOIN post p ON p.id = postSearch.rowid CROSS JOIN thread t ON t.id = p.threadId
                WHERE postSearch MATCH ?
                """
            var arguments: [DatabaseValue] = [match.databaseValue]
            if let oldest {
                sql += " AND postSearch.rowid >= ?"
                arguments += [oldest.databaseValue]
            } else {
                sql += """
                     AND postSearch.rowid >= COALESCE((SELECT rowid FROM postSearch WHERE postSearch MATCH ?
                                                       ORDER BY rowid DESC LIMIT 1 OFFSET ?), 0)
                    """
                arguments += [match.databaseValue, (searchWindow - 1).databaseValue]
            }
            if !Rules.seesHiddenText(role) { sql += " AND p.state = 'visible' AND t.hidden = 0" }
            if let slug = f.board {
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM board WHERE slug = ?", arguments: [slug]) else {
                    return refused("no board '\(slug)'")
                }
                sql += " AND t.boardId = ?"
                arguments += [id.databaseValue]
            }
            if let kind = f.kind {
                sql += " AND t.kind = ?"
                arguments += [kind.rawValue.databaseValue]
            }
            if let handle = f.author {
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM member WHERE handle = ?", arguments: [handle]) else {
                    return refused("no member '\(handle)'")
                }
                sql += " AND p.authorId = ?"
                arguments += [id.databaseValue]
            }
            if let before = f.before {
                sql += " AND p.createdAt < ?"
                arguments += [before.stored.databaseValue]
            }
            if let after = f.after {
                sql += " AND p.createdAt >= ?"
                arguments += [after.stored.databaseValue]
            }
            var productID: Int64?
            if let slug = f.product {
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM product WHERE slug = ?", arguments: [slug]) else {
                    return refused("no product '\(slug)'")
                }
                productID = id
                sql += " AND EXISTS (SELECT 1 FROM suggestion s WHERE s.threadId = t.id AND s.productId = ?)"
                arguments += [id.databaseValue]
            }
            if let status = f.status {
                sql += " AND EXISTS (SELECT 1 FROM suggestion s WHERE s.threadId = t.id AND s.status = ?)"
                arguments += [status.rawValue.databaseValue]
            }
            if let slug = f.feature {
                var ids = try Int64.fetchAll(db, sql: "SELECT id FROM feature WHERE slug = ?", arguments: [slug])
                if let productID {
                    ids = try Int64.fetchAll(db, sql: "SELECT id FROM feature WHERE slug = ? AND productId = ?", arguments: [slug, productID])
                }
                guard !ids.isEmpty else {
                    return refused(f.product.map { "product '\($0)' has no feature '\(slug)'" } ?? "no feature '\(slug)'")
                }
                sql += " AND EXISTS (SELECT 1 FROM suggestionFeature sf WHERE sf.threadId = t.id AND sf.featureId IN ("
                    + ids.map { _ in "?" }.joined(separator: ",") + "))"
                arguments += ids.map(\.databaseValue)
            }
            if f.unread || f.supported {
                guard let viewer else { return refused("is:unread and is:supported need a member to search as") }
                if f.unread {
                    sql += """
                         AND p.position > COALESCE((SELECT r.lastReadPosition FROM readState r WHERE r.memberId = ? AND r.threadId = t.id), -1)
                         AND p.createdAt > COALESCE((SELECT b.readUpTo FROM boardRead b WHERE b.memberId = ? AND b.boardId = t.boardId), '')
                        """
                    arguments += [viewer.id.databaseValue, viewer.id.databaseValue]
                }
                if f.supported {
                    sql += " AND EXISTS (SELECT 1 FROM supporter sp WHERE sp.threadId = t.id AND sp.memberId = ?)"
                    arguments += [viewer.id.databaseValue]
                }
            }
            if let cursor {
                sql += """
                     AND (postSearch.rank > ? OR (postSearch.rank = ? AND (p.createdAt < ? OR (p.createdAt = ? AND p.id < ?))))
                    """
                arguments += [cursor.score.databaseValue, cursor.score.databaseValue, cursor.createdAt.stored.databaseValue, cursor.createdAt.stored.databaseValue, cursor.postId.databaseValue]
            }
            sql += " ORDER BY postSearch.rank, p.createdAt DESC, p.id DESC LIMIT ?"
            arguments += [(max(1, limit) + 1).databaseValue]
            return .success((sql, arguments))
        }
    }

    /// The rows of a page of results, in the order found, with their snippets.
    static func searchHits(_ db: Database, rows: [Row], terms: [SearchTerm], role: Role) throws -> [SearchHit] {
        guard !rows.isEmpty else { return [] }
        let ids: [Int64] = rows.map { $0["postId"] }
        let body = Rules.seesHiddenText(role) ? "p.body" : "CASE WHEN p.state = 'visible' THEN p.body ELSE '' END"
        let details = try Row.fetchAll(db, sql: """
            SELECT p.id, p.threadId, p.position, p.state, p.createdAt, \(body) AS body, t.title, t.kind,
                   b.slug AS boardSlug, b.title AS boardTitle, a.handle AS authorHandle
            FROM post p JOIN thread t ON t.id = p.threadId JOIN board b ON b.id = t.boardId JOIN member a ON a.id = p.authorId
            WHERE p.id IN (\(ids.map { _ in "?" }.joined(separator: ",")))
            """, arguments: StatementArguments(ids))
        var byID: [Int64: Row] = [:]
        for row in details { byID[row["id"]] = row }
        return rows.compactMap { found in
            guard let row = byID[found["postId"]] else { return nil }
            let position: Int = row["position"]
            let title: String = row["title"]
            return SearchHit(postId: row["id"], threadId: row["threadId"], threadTitle: title,
                             threadKind: ThreadKind(rawValue: row["kind"]) ?? .discussion,
                             boardSlug: row["boardSlug"], boardTitle: row["boardTitle"], position: position,
                             authorHandle: row["authorHandle"], createdAt: row.date("createdAt") ?? Date(timeIntervalSince1970: 0),
                             state: PostState(rawValue: row["state"]) ?? .visible, score: found["score"],
                             snippet: SearchSnippet.make(row["body"], terms: terms),
                             titleMatches: SearchSnippet.matches(in: title, terms: terms))
        }
    }
}
