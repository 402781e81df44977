import Foundation
import GRDB
import PaddockCore

/// What the Atom feeds publish, read as a logged-out visitor would see it:
/// threads that are not hidden whose opening post is visible, and official
/// status changes of suggestions that are not hidden (a hidden response keeps
/// its entry but not its text). Every list is the newest `limit` rows of an
/// index walk.
extension Community {
    public func feed(_ kind: FeedKind, limit: Int) throws -> FeedSource {
        let limit = try FeedKind.limit(limit)
        return try writer.read { db in
            let since = try Self.communityBegan(db)
            let stored = try Self.storedSettings(db)
            let name = Setting.communityName.value(in: stored), host = Setting.feedHost.value(in: stored)
            switch kind {
            case .announcements:
                return FeedSource(key: "announcements", title: "\(name): Announcements", subtitle: nil, since: since, host: host,
                                  items: try Self.feedThreads(db, kind: .announcement, board: nil, limit: limit))
            case .board(let slug):
                let board = try Self.board(db, slug: slug)
                return FeedSource(key: "board-\(board.id!)", title: "\(name): \(board.title)",
                                  subtitle: board.description.isEmpty ? nil : board.description, since: since, host: host,
                                  items: try Self.feedThreads(db, kind: board.threadKind, board: board.id!, limit: limit))
            case .roadmap:
                return FeedSource(key: "roadmap", title: "\(name): Roadmap", subtitle: "Official status changes of suggestions",
                                  since: since, host: host, items: try Self.feedStatusChanges(db, limit: limit))
            }
        }
    }

    /// When the first member joined: the community's birth, fixed for good.
    static func communityBegan(_ db: Database) throws -> Date {
        try Date.fetchStored(db, sql: "SELECT createdAt FROM member WHERE id = (SELECT MIN(id) FROM member)") ?? Date(timeIntervalSince1970: 0)
    }

    /// Threads of a kind (every board's, or one board's) newest first, each with its opening post.
    /// The kind leads the index; one board's threads are all of its kind.
    static let feedThreadsSQL = """
        SELECT t.id, t.title, t.createdAt, p.body, p.editedAt, m.handle, m.displayName, b.slug
        FROM thread t INDEXED BY thread_on_kind_created
        JOIN post p ON p.threadId = t.id AND p.position = 0
        JOIN member m ON m.id = t.authorId
        JOIN board b ON b.id = t.boardId
        WHERE t.kind = ? AND t.hidden = 0 AND p.state = 'visible' AND (? IS NULL OR t.boardId = ?)
        ORDER BY t.createdAt DESC, t.id DESC
        LIMIT ?
        """

    static func feedThreads(_ db: Database, kind: ThreadKind, board: Int64?, limit: Int) throws -> [FeedItem] {
        try Row.fetchAll(db, sql: feedThreadsSQL, arguments: [kind.rawValue, board, board, limit]).map { row in
            let published = row.date("createdAt") ?? .distantPast
            return FeedItem(key: "thread-\(row["id"] as Int64)", threadID: row["id"], title: row["title"],
                            published: published, updated: row.date("editedAt") ?? published,
                            authorName: row["displayName"], authorHandle: row["handle"], text: row["body"],
                            category: board == nil ? row["slug"] : nil)
        }
    }

    /// Official status changes newest first, with the response when visible: a
    /// walk back along statusChange's primary key from a bound (a keyset cursor,
    /// the end for now). CROSS JOIN keeps statusChange the outer loop; the planner
    /// would otherwise start from the threads that are not hidden and sort them all.
    static let feedStatusChangesSQL = """
        SELECT c.id, c.threadId, c.fromStatus, c.toStatus, c.createdAt, t.title, m.handle, m.displayName,
               p.body, p.state, p.editedAt
        FROM statusChange c
        CROSS JOIN thread t ON t.id = c.threadId
        JOIN member m ON m.id = c.actorId
        LEFT JOIN post p ON p.id = c.postId
        WHERE c.id < ? AND t.hidden = 0
        ORDER BY c.id DESC
        LIMIT ?
        """

    static func feedStatusChanges(_ db: Database, limit: Int) throws -> [FeedItem] {
        try Row.fetchAll(db, sql: feedStatusChangesSQL, arguments: [Int64.max, limit]).map { row in
            let published = row.date("createdAt") ?? .distantPast
            let visible = (row["state"] as String?) == PostState.visible.rawValue
            let toRaw: String = row["toStatus"], fromRaw: String = row["fromStatus"]
            let to = SuggestionStatus(rawValue: toRaw)?.label ?? toRaw
            let from = SuggestionStatus(rawValue: fromRaw)?.label ?? fromRaw
            return FeedItem(key: "status-\(row["id"] as Int64)", threadID: row["threadId"],
                            title: "\(to.prefix(1).uppercased() + to.dropFirst()): \(row["title"] as String)",
                            published: published, updated: visible ? row.date("editedAt") ?? published : published,
                            authorName: row["displayName"], authorHandle: row["handle"],
                            text: "\(from) → \(to)" + (visible ? "\n\n" + (row["body"] as String) : ""),
                            category: toRaw)
        }
    }
}
