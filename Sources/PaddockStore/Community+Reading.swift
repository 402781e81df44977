import Foundation
import GRDB
import PaddockCore

/// A board as the home screen shows it to one member.
public struct BoardOverview: Equatable, Sendable {
    public let board: BoardSummary
    /// Threads with posts this member has not read, among the board's most recently active.
    public let unreadThreads: Int
    /// True when the count stopped at the window's size: show it as "N+".
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
    /// Unread counts look at this many of a board's most recently active threads,
    /// so the home screen costs the same in a board of a hundred or a million threads.
    public static let unreadWindow = 500

    public func home(for reader: Actor) throws -> HomeOverview {
        try writer.read { db in
            let boards = try BoardSummary.fetchAll(db, sql: "SELECT * FROM board ORDER BY position, id")
            let overviews = try boards.map { board in
                let unread = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM (
                      SELECT t.id, t.replyCount, t.lastActivityAt FROM thread t
                      WHERE t.boardId = ? AND t.hidden = 0
                      ORDER BY t.pinned DESC, t.lastActivityAt DESC LIMIT ?) recent
                    LEFT JOIN readState r INDEXED BY readState_covering ON r.memberId = ? AND r.threadId = recent.id
                    LEFT JOIN boardRead b ON b.memberId = ? AND b.boardId = ?
                    WHERE COALESCE(r.lastReadPosition, -1) < recent.replyCount
                      AND (b.readUpTo IS NULL OR recent.lastActivityAt > b.readUpTo)
                      AND NOT EXISTS (SELECT 1 FROM threadWatch w WHERE w.memberId = ? AND w.threadId = recent.id AND w.level = 'muted')
                    """, arguments: [board.id, Self.unreadWindow, reader.id, reader.id, board.id, reader.id]) ?? 0
                return BoardOverview(board: board, unreadThreads: unread,
                                     unreadAtLeast: unread >= Self.unreadWindow)
            }
            let announcement = try ThreadSummary.fetchOne(db, sql: Self.threadSummarySelect(reader: reader.id) + """
                 WHERE t.kind = 'announcement' AND t.hidden = 0 ORDER BY t.lastActivityAt DESC LIMIT 1
                """)
            return HomeOverview(boards: overviews, latestAnnouncement: announcement)
        }
    }

    /// One page of a board in the given order, with the reader's read positions,
    /// continuing after `after` (the last thread shown). Every order pages by
    /// keyset over an index, so a deep page costs what the first costs.
    public func threads(board slug: String, reader: Actor, order: ThreadOrder, after: ThreadSummary? = nil, limit: Int) throws -> ThreadPage {
        try writer.read { db in
            let board = try Self.board(db, slug: slug)
            let summary = try Self.boardSummary(db, id: board.id!)
            var sql = Self.threadSummarySelect(reader: reader.id)
            var arguments: StatementArguments
            switch order {
            case .latest, .unread:
                sql += " WHERE t.boardId = ? AND t.hidden = 0"
                arguments = [board.id]
                if order == .unread {
                    sql += """
                         AND t.id IN (SELECT id FROM thread WHERE boardId = ? AND hidden = 0
                                      ORDER BY pinned DESC, lastActivityAt DESC LIMIT ?)
                         AND COALESCE((SELECT lastReadPosition FROM readState INDEXED BY readState_covering WHERE memberId = ? AND threadId = t.id), -1) < t.replyCount
                         AND t.lastActivityAt > COALESCE((SELECT readUpTo FROM boardRead WHERE memberId = ? AND boardId = t.boardId), '')
                         AND NOT EXISTS (SELECT 1 FROM threadWatch w WHERE w.memberId = ? AND w.threadId = t.id AND w.level = 'muted')
                        """
                    arguments += [board.id, Self.unreadWindow, reader.id, reader.id, reader.id]
                }
                if let after {
                    sql += " AND (t.pinned, t.lastActivityAt, t.id) < (?, ?, ?)"
                    arguments += [after.pinned, after.lastActivityAt.stored, after.id]
                }
                sql += " ORDER BY t.pinned DESC, t.lastActivityAt DESC, t.id DESC LIMIT ?"
            case .mostReplies:
                sql += " WHERE t.boardId = ? AND t.hidden = 0"
                arguments = [board.id]
                if let after {
                    sql += " AND (t.replyCount, t.id) < (?, ?)"
                    arguments += [after.replyCount, after.id]
                }
                sql += " ORDER BY t.replyCount DESC, t.id DESC LIMIT ?"
            }
            arguments += [limit + 1]
            var rows = try ThreadSummary.fetchAll(db, sql: sql, arguments: arguments)
            let more = rows.count > limit
            if more { rows.removeLast() }
            let next = more ? rows.last.map { ThreadCursor(pinned: $0.pinned, lastActivityAt: $0.lastActivityAt, id: $0.id) } : nil
            return ThreadPage(board: summary, threads: rows, next: next)
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

    /// The next thread with posts the reader has not read: later in the same board's
    /// order first, then in the boards that follow. Looks at each board's recent window.
    public func nextUnread(for reader: Actor, after current: ThreadSummary?) throws -> ThreadSummary? {
        try writer.read { db in
            let boards = try BoardSummary.fetchAll(db, sql: "SELECT * FROM board ORDER BY position, id")
            let start = current.flatMap { c in boards.firstIndex { $0.id == c.boardId } } ?? 0
            for (offset, board) in (boards[start...] + boards[..<start]).enumerated() {
                var sql = Self.threadSummarySelect(reader: reader.id) + """
                     WHERE t.id IN (SELECT id FROM thread WHERE boardId = ? AND hidden = 0
                                    ORDER BY pinned DESC, lastActivityAt DESC LIMIT ?)
                       AND COALESCE((SELECT lastReadPosition FROM readState INDEXED BY readState_covering WHERE memberId = ? AND threadId = t.id), -1) < t.replyCount
                       AND t.lastActivityAt > COALESCE((SELECT readUpTo FROM boardRead WHERE memberId = ? AND boardId = t.boardId), '')
                       AND NOT EXISTS (SELECT 1 FROM threadWatch w WHERE w.memberId = ? AND w.threadId = t.id AND w.level = 'muted')
                    """
                var arguments: StatementArguments = [board.id, Self.unreadWindow, reader.id, reader.id, reader.id]
                if offset == 0, let current {
                    sql += " AND (t.pinned, t.lastActivityAt, t.id) < (?, ?, ?)"
                    arguments += [current.pinned, current.lastActivityAt.stored, current.id]
                }
                sql += " ORDER BY t.pinned DESC, t.lastActivityAt DESC, t.id DESC LIMIT 1"
                if let found = try ThreadSummary.fetchOne(db, sql: sql, arguments: arguments) { return found }
            }
            return nil
        }
    }

    // MARK: - Drafts

    /// Saves compose text under a key ("reply:12", "thread:garage"); an empty draft is deleted.
    public func saveDraft(by member: Actor, key: String, title: String, body: String) throws {
        let now = self.now
        try writer.write { db in
            if title.isEmpty, body.isEmpty {
                try db.execute(sql: "DELETE FROM draft WHERE memberId = ? AND key = ?", arguments: [member.id, key])
            } else {
                try db.execute(sql: """
                    INSERT INTO draft (memberId, key, title, body, updatedAt) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (memberId, key) DO UPDATE SET title = excluded.title, body = excluded.body, updatedAt = excluded.updatedAt
                    """, arguments: [member.id, key, title, body, now.stored])
            }
        }
    }

    public func draft(for member: Actor, key: String) throws -> (title: String, body: String)? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT title, body FROM draft WHERE memberId = ? AND key = ?",
                             arguments: [member.id, key]).map { ($0["title"], $0["body"]) }
        }
    }

    public func deleteDraft(for member: Actor, key: String) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM draft WHERE memberId = ? AND key = ?", arguments: [member.id, key])
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
