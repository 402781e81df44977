import Foundation
import GRDB
import PaddockCore

/// A board as the home screen shows it to one member.
public struct BoardOverview: Equatable, Sendable {
    public let board: BoardSummary
    /// Threads with posts this member has not read, among the unread window (`Community.unreadWindow`).
    public let unreadThreads: Int
    /// True when every thread of the unread window is unread: there may be more beyond it ("N+").
    public let unreadAtLeast: Bool
}

public struct HomeOverview: Equatable, Sendable {
    public let boards: [BoardOverview]
    public let latestAnnouncement: ThreadSummary?
}

/// How a board's threads are ordered on screen.
public enum ThreadOrder: String, CaseIterable, Sendable {
    /// Pinned first, then by latest activity.
    case latest
    /// Most replies first.
    case mostReplies = "replies"
    /// Only threads with unread posts, latest first.
    case unread
}

/// Reading: what each member has read, and what they have not.
extension Community {
    /// Unread is tracked over the community's this-many most recently active
    /// threads, whatever their board: the home screen's counts, next unread and
    /// the unread order all look at the same threads, and cost the same with
    /// fifteen boards or a hundred, a thousand posts or a million. A thread
    /// older than that comes back into view with its next post.
    public static let unreadWindow = 400
    /// The company's latest announcements are in the window however busy the
    /// boards are: the blog is what every member should hear.
    public static let announcementsInWindow = 20

    /// The most recently active threads, as `columns` of `thread`.
    static func recentThreads(_ columns: String) -> String {
        """
        SELECT \(columns) FROM thread INDEXED BY thread_on_recent_activity
        WHERE hidden = 0 ORDER BY lastActivityAt DESC LIMIT \(unreadWindow)
        """
    }

    /// The latest announcements, as `columns` of `thread`.
    static func latestAnnouncements(_ columns: String) -> String {
        """
        SELECT \(columns) FROM thread INDEXED BY thread_on_kind_recent_activity
        WHERE kind = 'announcement' AND hidden = 0 ORDER BY lastActivityAt DESC LIMIT \(announcementsInWindow)
        """
    }

    /// When the window's oldest thread was last active; '' while the community
    /// has fewer threads than the window.
    static let windowStart = """
        COALESCE((SELECT lastActivityAt FROM thread INDEXED BY thread_on_recent_activity
          WHERE hidden = 0 ORDER BY lastActivityAt DESC LIMIT 1 OFFSET \(unreadWindow - 1)), '')
        """

    /// Posts in thread `t` past the reader's read position (one argument: the reader).
    static let postsPastReadPosition = """
        COALESCE((SELECT lastReadPosition FROM readState INDEXED BY readState_covering WHERE memberId = ? AND threadId = t.id), -1) < t.replyCount
        """

    /// The same for a thread `t` of the recent window, found another way. A
    /// read is stamped when it is written and a thread's activity moves only
    /// with a new post, so a thread active since the reader's last read of it
    /// has a post they have not seen: only the reads made since the window's
    /// oldest activity can say one of its threads is read. They are a few pages
    /// of `readState_recent`, listed once, where looking the window's threads
    /// up one by one reads a page for every few threads of a long reading
    /// history. The list is matched on `(thread, replyCount)`, as a read
    /// position never passes the thread's last post; `CASE` rather than
    /// `NOT IN`, which would scan the list on every miss to rule out a NULL.
    /// For a reader with at most `recentReadsListed` such reads.
    /// Two arguments: the reader, and the window's start (`ReaderHistory.windowStart`).
    static let postsPastReadPositionInRecentWindow = """
        CASE WHEN (t.id, t.replyCount) IN (SELECT threadId, lastReadPosition FROM readState INDEXED BY readState_recent
          WHERE memberId = ? AND readAt >= ?)
        THEN 0 ELSE 1 END
        """

    /// Past this many reads since the window's oldest activity, listing them
    /// would cost more than looking the window's threads up one by one: a
    /// member who has read thousands of old threads in the window's span, or
    /// reads imported with one date.
    static let recentReadsListed = 1_000

    /// What the unread conditions need to know of the reader, asked at once.
    struct ReaderHistory {
        var marksBoardsRead: Bool
        var mutesThreads: Bool
        /// The window's oldest activity (`Community.windowStart`), and the
        /// reader's reads since, counted up to `recentReadsListed + 1`.
        var windowStart: String
        var readsSinceWindowStart: Int

        static func fetch(_ db: Database, reader: Actor, countingRecentReads: Bool) throws -> ReaderHistory {
            let since = countingRecentReads ? Community.windowStart : "''"
            let row = try Row.fetchOne(db, sql: """
                WITH since(at) AS MATERIALIZED (SELECT \(since))
                SELECT EXISTS (SELECT 1 FROM boardRead WHERE memberId = ?1),
                       EXISTS (SELECT 1 FROM threadWatch WHERE memberId = ?1 AND level = 'muted'),
                       (SELECT at FROM since),
                       \(countingRecentReads ? """
                        (SELECT COUNT(*) FROM (SELECT 1 FROM readState INDEXED BY readState_recent
                          WHERE memberId = ?1 AND readAt >= (SELECT at FROM since) LIMIT \(recentReadsListed + 1)))
                        """ : "0")
                """, arguments: [reader.id])!
            return ReaderHistory(marksBoardsRead: row[0], mutesThreads: row[1], windowStart: row[2], readsSinceWindowStart: row[3])
        }

        /// What makes a thread `t` unread for the reader besides its posts:
        /// posted to since the board was last marked read; not muted. Each costs
        /// a lookup per thread and is left out for a member who has never marked
        /// a board read or muted a thread, as most have not. Empty, or clauses led by AND.
        func unreadUnlessSetAside(reader: Actor) -> (sql: String, arguments: StatementArguments) {
            var sql = ""
            var arguments: StatementArguments = []
            if marksBoardsRead {
                sql += " AND t.lastActivityAt > COALESCE((SELECT readUpTo FROM boardRead WHERE memberId = ? AND boardId = t.boardId), '')"
                arguments += [reader.id]
            }
            if mutesThreads {
                sql += " AND NOT EXISTS (SELECT 1 FROM threadWatch w WHERE w.memberId = ? AND w.threadId = t.id AND w.level = 'muted')"
                arguments += [reader.id]
            }
            return (sql, arguments)
        }
    }

    /// A thread `t` in the window and unread: posts past the reader's read
    /// position, and not set aside (`ReaderHistory.unreadUnlessSetAside`).
    static func unreadInWindow(_ db: Database, reader: Actor) throws -> (sql: String, arguments: StatementArguments) {
        let setAside = try ReaderHistory.fetch(db, reader: reader, countingRecentReads: false).unreadUnlessSetAside(reader: reader)
        let window = "SELECT id FROM (\(recentThreads("id"))) UNION ALL SELECT id FROM (\(latestAnnouncements("id")))"
        return ("t.id IN (\(window)) AND " + postsPastReadPosition + setAside.sql, [reader.id] + setAside.arguments)
    }

    public func home(for reader: Actor) throws -> HomeOverview {
        try writer.read { db in
            let boards = try BoardSummary.fetchAll(db, sql: Self.boardSummarySelect + " ORDER BY b.position, b.id")
            let history = try ReaderHistory.fetch(db, reader: reader, countingRecentReads: true)
            let setAside = history.unreadUnlessSetAside(reader: reader)
            func unreadByBoard(among threads: String, postsPast: String, arguments: StatementArguments) throws -> [Int64: Int] {
                try Dictionary(Row.fetchAll(db, sql: """
                    SELECT t.boardId, COUNT(*) AS unread FROM (\(threads)) t WHERE \(postsPast)\(setAside.sql) GROUP BY t.boardId
                    """, arguments: arguments + setAside.arguments).map { ($0["boardId"] as Int64, $0["unread"] as Int) },
                    uniquingKeysWith: { first, _ in first })
            }
            // Within a board both are its newest threads by activity, so one holds
            // the other and the larger count is the count of both together.
            let columns = "id, boardId, replyCount, lastActivityAt"
            let (postsPast, arguments): (String, StatementArguments) = history.readsSinceWindowStart <= Self.recentReadsListed
                ? (Self.postsPastReadPositionInRecentWindow, [reader.id, history.windowStart])
                : (Self.postsPastReadPosition, [reader.id])
            let unread = try unreadByBoard(among: Self.recentThreads(columns), postsPast: postsPast, arguments: arguments)
                .merging(unreadByBoard(among: Self.latestAnnouncements(columns), postsPast: Self.postsPastReadPosition, arguments: [reader.id]),
                         uniquingKeysWith: max)
            // Every thread of a full window unread: there may be more beyond it.
            let beyond = unread.values.reduce(0, +) >= Self.unreadWindow
            let overviews = boards.map { board in
                BoardOverview(board: board, unreadThreads: unread[board.id] ?? 0, unreadAtLeast: beyond && unread[board.id] != nil)
            }
            // The newest published, whatever was replied to since; named, as the
            // planner would rather walk an index in activity order.
            let announcement = try ThreadSummary.fetchOne(db, sql: Self.threadSummarySelect(reader: reader.id, index: "thread_on_kind_created") + """
                 WHERE t.kind = 'announcement' AND t.hidden = 0 ORDER BY t.createdAt DESC LIMIT 1
                """)
            return HomeOverview(boards: overviews, latestAnnouncement: announcement)
        }
    }

    /// One page of a board in the given order, with the reader's read positions,
    /// continuing after `after` (the last thread shown). Every order pages by
    /// keyset over an index, so a deep page costs what the first costs.
    public func threads(board slug: String, reader: Actor, order: ThreadOrder, after: ThreadSummary? = nil, limit: Int) throws -> ThreadPage {
        if order == .latest {
            return try threads(board: slug, reader: reader, after: after.map(ThreadCursor.init), limit: limit)
        }
        return try writer.read { db in
            let board = try Self.board(db, slug: slug)
            let summary = try Self.boardSummary(db, id: board.id!)
            var rows: [ThreadSummary]
            if order == .mostReplies {
                var sql = Self.threadSummarySelect(reader: reader.id) + " WHERE t.boardId = ? AND t.hidden = 0"
                var arguments: StatementArguments = [board.id]
                if let after {
                    sql += " AND (t.replyCount, t.id) < (?, ?)"
                    arguments += [after.replyCount, after.id]
                }
                sql += " ORDER BY t.replyCount DESC, t.id DESC LIMIT ?"
                rows = try ThreadSummary.fetchAll(db, sql: sql, arguments: arguments + [limit + 1])
            } else {
                // The page's ids first, sorted on nothing but the keys; then their rows.
                let unread = try Self.unreadInWindow(db, reader: reader)
                var sql = "SELECT t.id FROM thread t WHERE \(unread.sql) AND +t.boardId = ?"
                var arguments = unread.arguments + [board.id]
                if let after {
                    sql += " AND (t.pinned, t.lastActivityAt, t.id) < (?, ?, ?)"
                    arguments += [after.pinned, after.lastActivityAt.stored, after.id]
                }
                sql += " ORDER BY t.pinned DESC, t.lastActivityAt DESC, t.id DESC LIMIT ?"
                rows = try Self.threadSummaries(db, ids: Int64.fetchAll(db, sql: sql, arguments: arguments + [limit + 1]), reader: reader.id)
            }
            let more = rows.count > limit
            if more { rows.removeLast() }
            return ThreadPage(board: summary, threads: rows, next: more ? rows.last.map(ThreadCursor.init) : nil)
        }
    }

    /// The page of a board that ends just before `before` (the first row shown),
    /// or the board's last page when nil, in the board's order: for `G`, and for
    /// scrolling up from there. Read backwards over the same keys and index as
    /// the pages after a row, so the last page costs what the first costs. The
    /// page's `next` is its first row when rows come before it.
    public func threads(board slug: String, reader: Actor, order: ThreadOrder, before: ThreadSummary?, limit: Int) throws -> ThreadPage {
        try writer.read { db in
            let board = try Self.board(db, slug: slug)
            let summary = try Self.boardSummary(db, id: board.id!)
            let keys: [String]
            let values: (ThreadSummary) -> StatementArguments
            var sql: String
            var arguments: StatementArguments
            switch order {
            case .latest, .unread:
                keys = ["t.pinned", "t.lastActivityAt", "t.id"]
                values = { [$0.pinned, $0.lastActivityAt.stored, $0.id] }
                if order == .unread {
                    let unread = try Self.unreadInWindow(db, reader: reader)
                    sql = "SELECT t.id FROM thread t WHERE \(unread.sql) AND +t.boardId = ?"
                    arguments = unread.arguments + [board.id]
                } else {
                    sql = "SELECT t.id FROM thread t WHERE t.boardId = ? AND t.hidden = 0"
                    arguments = [board.id]
                }
            case .mostReplies:
                keys = ["t.replyCount", "t.id"]
                values = { [$0.replyCount, $0.id] }
                sql = "SELECT t.id FROM thread t WHERE t.boardId = ? AND t.hidden = 0"
                arguments = [board.id]
            }
            if let before {
                sql += " AND (\(keys.joined(separator: ", "))) > (\(keys.map { _ in "?" }.joined(separator: ", ")))"
                arguments += values(before)
            }
            sql += " ORDER BY " + keys.map { $0 + " ASC" }.joined(separator: ", ") + " LIMIT ?"
            var ids = try Int64.fetchAll(db, sql: sql, arguments: arguments + [limit + 1])
            let more = ids.count > limit
            if more { ids.removeLast() }
            let rows = try Self.threadSummaries(db, ids: ids.reversed(), reader: reader.id)
            return ThreadPage(board: summary, threads: rows, next: more ? rows.first.map(ThreadCursor.init) : nil)
        }
    }

    /// Records that the reader has seen a thread up to a post position; never moves back.
    public func markRead(by reader: Actor, thread threadID: Int64, upTo position: Int) throws {
        try markRead(by: reader, positions: [threadID: position])
    }

    /// Records several threads' read positions in one transaction.
    public func markRead(by reader: Actor, positions: [Int64: Int]) throws {
        guard !positions.isEmpty else { return }
        let now = self.now
        try writer.write { db in
            for (threadID, position) in positions {
                try Self.markRead(db, member: reader.id, thread: threadID, position: position, at: now)
            }
        }
    }

    /// Marks every thread of a board read as of now.
    public func markBoardRead(by reader: Actor, board slug: String) throws {
        let now = self.now
        try writer.write { db in
            let board = try Self.board(db, slug: slug)
            try db.execute(sql: """
                INSERT INTO boardRead (memberId, boardId, readUpTo) VALUES (?, ?, ?)
                ON CONFLICT (memberId, boardId) DO UPDATE SET readUpTo = excluded.readUpTo
                """, arguments: [reader.id, board.id, now.stored])
        }
    }

    /// The next thread with posts the reader has not read, among the unread
    /// window's: later in the same board's order first, then in the boards that
    /// follow, coming round to those before.
    public func nextUnread(for reader: Actor, after current: ThreadSummary?) throws -> ThreadSummary? {
        try writer.read { db in
            // Ids first, sorted on nothing but the keys; then the one row.
            let condition = try Self.unreadInWindow(db, reader: reader)
            let unread = "SELECT t.id FROM thread t JOIN board b ON b.id = t.boardId WHERE \(condition.sql)"
            let arguments = condition.arguments
            let boardOrder = " t.pinned DESC, t.lastActivityAt DESC, t.id DESC LIMIT 1"
            var found: Int64?
            if let current {
                found = try Int64.fetchOne(db, sql: unread + " AND +t.boardId = ? AND (t.pinned, t.lastActivityAt, t.id) < (?, ?, ?) ORDER BY" + boardOrder,
                                           arguments: arguments + [current.boardId, current.pinned, current.lastActivityAt.stored, current.id])
                    ?? Int64.fetchOne(db, sql: unread + """
                         AND +t.boardId <> ?
                        ORDER BY (b.position, b.id) < (SELECT position, id FROM board WHERE id = ?), b.position, b.id,
                        """ + boardOrder, arguments: arguments + [current.boardId, current.boardId])
            } else {
                found = try Int64.fetchOne(db, sql: unread + " ORDER BY b.position, b.id," + boardOrder, arguments: arguments)
            }
            return try found.map { try Self.threadSummary(db, id: $0, reader: reader.id) }
        }
    }

    // MARK: - Drafts

    // Drafts are kept per session (`key@session`): two sessions of one member
    // writing the same reply each keep their own text, and a session that sends
    // forgets only its own. Opening a form takes over the newest draft for it,
    // whichever session (a closed one, a crashed one) wrote it.

    /// The stored key of a form's draft written by `session` ("" for none).
    static func draftKey(_ key: String, session: String) -> String { session.isEmpty ? key : key + "@" + session }

    /// The form's drafts of every session: the key itself or `key@…` (the
    /// range between "key@" and "keyA", '@' and 'A' being neighbours in ASCII).
    static let draftsOfForm = "memberId = ? AND (key = ? OR (key > ? AND key < ?))"

    static func draftArguments(_ member: Actor, _ key: String) -> StatementArguments {
        [member.id, key, key + "@", key + "A"]
    }

    /// Saves a form's text under its key ("reply:12", "thread:garage") for this
    /// session; an empty draft is deleted.
    public func saveDraft(by member: Actor, key: String, session: String = "", title: String, body: String) throws {
        let now = self.now
        let stored = Self.draftKey(key, session: session)
        try writer.write { db in
            if title.isEmpty, body.isEmpty {
                try db.execute(sql: "DELETE FROM draft WHERE memberId = ? AND key = ?", arguments: [member.id, stored])
            } else {
                try db.execute(sql: """
                    INSERT INTO draft (memberId, key, title, body, updatedAt) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (memberId, key) DO UPDATE SET title = excluded.title, body = excluded.body, updatedAt = excluded.updatedAt
                    """, arguments: [member.id, stored, title, body, now.stored])
            }
        }
    }

    /// The newest draft of the form, whichever session wrote it.
    public func draft(for member: Actor, key: String) throws -> (title: String, body: String)? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT title, body FROM draft WHERE \(Self.draftsOfForm) ORDER BY updatedAt DESC, key LIMIT 1",
                             arguments: Self.draftArguments(member, key)).map { ($0["title"], $0["body"]) }
        }
    }

    /// The newest draft of the form, taken over by `session`: from now on it is
    /// that session's to save, send or discard. Another session's other drafts
    /// of the form stay for later.
    public func takeDraft(for member: Actor, key: String, session: String) throws -> (title: String, body: String)? {
        try writer.write { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT key, title, body FROM draft WHERE \(Self.draftsOfForm) ORDER BY updatedAt DESC, key LIMIT 1
                """, arguments: Self.draftArguments(member, key)) else { return nil }
            let own = Self.draftKey(key, session: session)
            let found: String = row["key"]
            if found != own {
                try db.execute(sql: "DELETE FROM draft WHERE memberId = ? AND key = ?", arguments: [member.id, own])
                try db.execute(sql: "UPDATE draft SET key = ? WHERE memberId = ? AND key = ?", arguments: [own, member.id, found])
            }
            return (row["title"], row["body"])
        }
    }

    /// Forgets the session's own draft of the form (every session's when `session` is nil).
    public func deleteDraft(for member: Actor, key: String, session: String? = nil) throws {
        try writer.write { db in
            if let session {
                try db.execute(sql: "DELETE FROM draft WHERE memberId = ? AND key = ?", arguments: [member.id, Self.draftKey(key, session: session)])
            } else {
                try db.execute(sql: "DELETE FROM draft WHERE \(Self.draftsOfForm)", arguments: Self.draftArguments(member, key))
            }
        }
    }

    // MARK: - Changes from other sessions

    /// A number that changes when another connection (another session's process)
    /// commits to the file. Cheap enough to ask on every tick of the UI loop.
    public func changeToken() throws -> Int {
        try writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }

    public func unreadNotificationCount(for member: Actor) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notification WHERE memberId = ? AND readAt IS NULL",
                             arguments: [member.id]) ?? 0
        }
    }
}
