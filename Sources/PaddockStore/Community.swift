import Foundation
import GRDB
import PaddockCore

/// The one door through which the community changes. Every command is
/// (acting member, command) → the rules in PaddockCore → one transaction that
/// writes the change with its notifications. On any error nothing is written.
public final class Community: Sendable {
    public let database: AppDatabase
    let clock: @Sendable () -> Date

    /// - Parameter clock: where "now" comes from; tests inject their own to move time.
    public init(database: AppDatabase, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.clock = clock
    }

    var writer: any DatabaseWriter { database.writer }
    var now: Date { clock() }

    // MARK: - Members

    /// The member with this handle, as the rules see them now.
    public func actor(handle: String) throws -> Actor {
        try writer.read { db in try Self.member(db, handle: handle).actor }
    }

    /// Creates the first admin of an empty community; refuses once anyone exists.
    /// When the method returns, the member is present and is an admin.
    @discardableResult
    public func bootstrapAdmin(handle: String, displayName: String? = nil) throws -> MemberSummary {
        let handle = try Validate.handle(handle)
        let name = try Validate.name(displayName ?? handle, what: "display name", limit: Limits.displayNameCharacters)
        let now = self.now
        return try writer.write { db in
            guard try MemberRecord.fetchCount(db) == 0 else {
                throw CommunityError.notPermitted("the community already has members; an admin adds the rest")
            }
            return try Self.insertMember(db, handle: handle, displayName: name, role: .admin, at: now)
        }
    }

    /// Adds a member (admins only). When the method returns, the handle is taken.
    @discardableResult
    public func addMember(by actor: Actor, handle: String, displayName: String? = nil, role: Role = .member) throws -> MemberSummary {
        let handle = try Validate.handle(handle)
        let name = try Validate.name(displayName ?? handle, what: "display name", limit: Limits.displayNameCharacters)
        let now = self.now
        return try writer.write { db in
            try Rules.addMember(by: try Self.fresh(db, actor))
            return try Self.insertMember(db, handle: handle, displayName: name, role: role, at: now)
        }
    }

    /// Changes a member's role (admins only), logged for moderators to see.
    public func setRole(by actor: Actor, handle: String, role: Role) throws {
        let now = self.now
        try writer.write { db in
            let actor = try Self.fresh(db, actor)
            var target = try Self.member(db, handle: handle)
            try Rules.setRole(by: actor, of: target.id!, to: role)
            guard target.role != role else { return }
            let before = target.role
            target.role = role
            try target.update(db)
            try Self.log(db, actor: actor, action: "role", targetKind: "member", targetID: target.id!,
                         reason: "\(before.rawValue) → \(role.rawValue)", at: now)
        }
    }

    public func members() throws -> [MemberSummary] {
        try writer.read { db in
            try MemberSummary.fetchAll(db, sql: "SELECT * FROM member ORDER BY handle")
        }
    }

    // MARK: - Boards

    /// Adds a board at the end of the list (admins only).
    @discardableResult
    public func addBoard(by actor: Actor, slug: String, title: String, description: String = "", threadKind: ThreadKind = .discussion) throws -> BoardSummary {
        let slug = try Validate.slug(slug)
        let title = try Validate.name(title, what: "board title", limit: Limits.boardTitleCharacters)
        guard threadKind != .poll else { throw CommunityError.invalid("a poll goes in any board: no board is of kind poll") }
        guard description.count <= Limits.descriptionCharacters else {
            throw CommunityError.invalid("the description is \(description.count) characters; the limit is \(Limits.descriptionCharacters)")
        }
        let now = self.now
        return try writer.write { db in
            try Rules.addBoard(by: try Self.fresh(db, actor))
            guard try BoardRecord.filter(BoardRecord.Columns.slug == slug).fetchCount(db) == 0 else {
                throw CommunityError.invalid("a board '\(slug)' already exists")
            }
            let position = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), -1) + 1 FROM board") ?? 0
            var board = BoardRecord(id: nil, slug: slug, title: title, description: description, position: position,
                                    threadKind: threadKind, threadCount: 0, postCount: 0, lastActivityAt: nil, createdAt: now)
            try board.insert(db)
            return try Self.boardSummary(db, id: board.id!)
        }
    }

    public func boards() throws -> [BoardSummary] {
        try writer.read { db in
            try BoardSummary.fetchAll(db, sql: Self.boardSummarySelect + " ORDER BY b.position, b.id")
        }
    }

    // MARK: - Threads and posts

    /// Starts a thread in a board; its kind is the board's (the Announcements
    /// board is the blog, so only managers post there). The author watches it.
    @discardableResult
    public func startThread(by actor: Actor, board slug: String, title: String, body: String) throws -> ThreadSummary {
        let title = try Validate.title(title)
        let body = try Validate.body(body)
        let now = self.now
        return try writer.write { db in
            let actor = try Self.fresh(db, actor)
            let board = try Self.board(db, slug: slug)
            try Rules.startThread(by: actor, kind: board.threadKind, now: now)
            // Every thread of a suggestion board is a suggestion, with features and supporters: see `suggest`.
            guard board.threadKind != .suggestion else {
                throw CommunityError.invalid("the board '\(board.slug)' takes suggestions: post one tagged to a product's features")
            }
            try Self.checkPace(db, actor: actor, thread: nil, now: now)
            let thread = try Self.insertThread(db, board: board, kind: board.threadKind, title: title, body: body, author: actor, at: now)
            return try Self.threadSummary(db, id: thread.id!)
        }
    }

    /// Replies in a thread, optionally to one of its posts. Notifies the author
    /// of what was replied to and everyone watching the thread.
    @discardableResult
    public func reply(by actor: Actor, thread threadID: Int64, body: String, replyTo: Int64? = nil) throws -> PostView {
        let body = try Validate.body(body)
        let now = self.now
        return try writer.write { db in try Self.writeReply(db, by: actor, thread: threadID, body: body, replyTo: replyTo, at: now) }
    }

    /// `reply`'s rules and writes inside a transaction the caller holds (mail-in
    /// records the message's Message-ID in the same one). `body` is validated.
    static func writeReply(_ db: Database, by actor: Actor, thread threadID: Int64, body: String, replyTo: Int64?, at now: Date) throws -> PostView {
            let actor = try Self.fresh(db, actor)
            guard var thread = try ThreadRecord.fetchOne(db, key: threadID) else {
                throw CommunityError.notFound("no thread #\(threadID)")
            }
            try Rules.reply(by: actor, in: thread.facts, now: now)
            try Self.checkPace(db, actor: actor, thread: thread, now: now)
            var repliedTo: PostRecord?
            if let replyTo {
                repliedTo = try PostRecord.fetchOne(db, key: replyTo)
                guard repliedTo?.threadId == threadID else {
                    throw CommunityError.notFound("no post #\(replyTo) in thread #\(threadID)")
                }
            }
            thread.replyCount += 1
            thread.lastActivityAt = now
            thread.lastPosterId = actor.id
            try thread.update(db)
            var post = PostRecord(id: nil, threadId: threadID, position: thread.replyCount, authorId: actor.id, body: body,
                                  createdAt: now, editedAt: nil, state: .visible, replyToId: replyTo, revisionCount: 0)
            try post.insert(db)
            try db.execute(sql: "UPDATE board SET postCount = postCount + 1, lastActivityAt = ? WHERE id = ?", arguments: [now.stored, thread.boardId])
            try db.execute(sql: "UPDATE member SET postCount = postCount + 1 WHERE id = ?", arguments: [actor.id])
            try Self.markRead(db, member: actor.id, thread: threadID, position: post.position, at: now)
            try Self.notifyReply(db, post: post, thread: thread, repliedTo: repliedTo, actor: actor, at: now)
            return try Self.postView(db, id: post.id!, viewer: actor.role)
    }

    /// Replaces a post's text, keeping the text it had as a revision (see
    /// `recordRevision`). Authors edit within the community's edit window;
    /// moderators and up at any time.
    @discardableResult
    public func edit(by actor: Actor, post postID: Int64, body: String) throws -> PostView {
        let body = try Validate.body(body)
        let now = self.now
        return try writer.write { db in
            let actor = try Self.fresh(db, actor)
            guard var post = try PostRecord.fetchOne(db, key: postID), post.state != .removed || actor.role >= .moderator else {
                throw CommunityError.notFound("no post #\(postID)")
            }
            let thread = try ThreadRecord.fetchOne(db, key: post.threadId)!
            try Rules.edit(by: actor, postAuthorID: post.authorId, thread: thread.facts, now: now)
            try Rules.editWindow(by: actor, postCreatedAt: post.createdAt, settings: try Self.settings(db), now: now)
            guard post.body != body else { return try Self.postView(db, id: postID, viewer: actor.role) }
            let added = Mentions.added(from: post.body, to: body)
            try Self.recordRevision(db, post: &post, body: body, editor: actor, at: now)
            // Only those the edit newly mentions hear of it, as the post's author mentioning them.
            if post.state == .visible, !added.isEmpty {
                let author = try MemberRecord.fetchOne(db, key: post.authorId)!.actor
                var told: Set<Int64> = [author.id]
                try Self.notifyMentions(db, post: post, thread: thread, handles: added, actor: author, told: &told, at: now)
            }
            return try Self.postView(db, id: postID, viewer: actor.role)
        }
    }

    /// Earlier texts of a post, oldest first.
    public func revisions(of postID: Int64) throws -> [(body: String, replacedAt: Date, editor: String)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.body, r.createdAt, m.handle FROM postRevision r JOIN member m ON m.id = r.editorId
                WHERE r.postId = ? ORDER BY r.id
                """, arguments: [postID]).map { ($0[0], $0[1], $0[2]) }
        }
    }

    /// One page of a board's threads: pinned first, then latest activity. Keyset
    /// paging: the page after any cursor costs what the first page costs.
    public func threads(board slug: String, reader: Actor? = nil, after cursor: ThreadCursor? = nil, limit: Int = 50) throws -> ThreadPage {
        try writer.read { db in
            let board = try Self.board(db, slug: slug)
            let boardSummary = try Self.boardSummary(db, id: board.id!)
            var sql = Self.threadSummarySelect(reader: reader?.id) + " WHERE t.boardId = ? AND t.hidden = 0"
            var arguments: StatementArguments = [board.id!]
            if let cursor {
                sql += " AND (t.pinned, t.lastActivityAt, t.id) < (?, ?, ?)"
                arguments += [cursor.pinned, cursor.lastActivityAt.stored, cursor.id]
            }
            sql += " ORDER BY t.pinned DESC, t.lastActivityAt DESC, t.id DESC LIMIT ?"
            arguments += [limit + 1]
            var rows = try ThreadSummary.fetchAll(db, sql: sql, arguments: arguments)
            let more = rows.count > limit
            if more { rows.removeLast() }
            return ThreadPage(board: boardSummary, threads: rows, next: more ? rows.last.map(ThreadCursor.init) : nil)
        }
    }

    /// The cursor before page `page` (1-based) of a board, found by walking the
    /// board's index only: for scripts that number pages. Screens keep cursors.
    public func cursor(board slug: String, page: Int, pageSize: Int) throws -> ThreadCursor? {
        guard page > 1 else { return nil }
        return try writer.read { db in
            let board = try Self.board(db, slug: slug)
            guard let before = Paging.rowsBefore(page: page, pageSize: pageSize), let row = try Row.fetchOne(db, sql: """
                SELECT pinned, lastActivityAt, id FROM thread WHERE boardId = ? AND hidden = 0
                ORDER BY pinned DESC, lastActivityAt DESC, id DESC LIMIT 1 OFFSET ?
                """, arguments: [board.id!, before - 1]) else {
                throw CommunityError.notFound("board '\(slug)' has no page \(page)")
            }
            return ThreadCursor(pinned: row[0], lastActivityAt: row[1], id: row[2])
        }
    }

    /// A thread with one page of its posts, starting at a position (0 is the opening post).
    public func thread(_ threadID: Int64, viewer: Actor? = nil, from position: Int = 0, limit: Int = 50) throws -> ThreadDetail {
        try writer.read { db in
            let role = try viewer.map { try Self.fresh(db, $0).role } ?? .member
            guard let thread = try ThreadRecord.fetchOne(db, key: threadID), !thread.hidden || Rules.seesHiddenText(role) else {
                throw CommunityError.notFound("no thread #\(threadID)")
            }
            let posts = try Self.withModerationSteps(db, PostView.fetchAll(db, sql: Self.postViewSelect(viewer: role) + """
                 WHERE p.threadId = ? AND p.position >= ? ORDER BY p.position LIMIT ?
                """, arguments: [threadID, max(0, position), limit]))
            let facts = try Self.viewerFacts(db, thread: threadID, posts: posts, viewer: viewer?.id)
            var detail = ThreadDetail(thread: try Self.threadSummary(db, id: threadID, reader: viewer?.id),
                                      board: try Self.boardSummary(db, id: thread.boardId),
                                      posts: posts, firstPosition: max(0, position), postCount: thread.replyCount + 1,
                                      watch: facts.watch, mutedAuthors: facts.mutedAuthors, mentionedMembers: facts.mentioned)
            detail.helpfulPosts = try Self.helpfulPosts(db, thread: threadID)
            return detail
        }
    }
}

// MARK: - Shared steps, each run inside the caller's transaction

extension Community {
    static func member(_ db: Database, handle: String) throws -> MemberRecord {
        guard let member = try MemberRecord.filter(MemberRecord.Columns.handle == handle).fetchOne(db) else {
            throw CommunityError.notFound("no member '\(handle)'")
        }
        return member
    }

    /// The actor as stored now: a role or standing changed since the session began counts.
    static func fresh(_ db: Database, _ actor: Actor) throws -> Actor {
        guard let member = try MemberRecord.fetchOne(db, key: actor.id) else {
            throw CommunityError.notFound("no member '\(actor.handle)'")
        }
        return member.actor
    }

    static func board(_ db: Database, slug: String) throws -> BoardRecord {
        guard let board = try BoardRecord.filter(BoardRecord.Columns.slug == slug.lowercased()).fetchOne(db) else {
            throw CommunityError.notFound("no board '\(slug)'")
        }
        return board
    }

    static func insertMember(_ db: Database, handle: String, displayName: String, role: Role, at now: Date) throws -> MemberSummary {
        guard try MemberRecord.filter(MemberRecord.Columns.handle == handle).fetchCount(db) == 0 else {
            throw CommunityError.invalid("the handle '\(handle)' is taken")
        }
        var member = MemberRecord(id: nil, handle: handle, displayName: displayName, role: role, createdAt: now,
                                  standing: "active", standingUntil: nil, bio: "", postCount: 0)
        try member.insert(db)
        return try MemberSummary.fetchOne(db, sql: "SELECT * FROM member WHERE id = ?", arguments: [member.id])!
    }

    static func insertThread(_ db: Database, board: BoardRecord, kind: ThreadKind, title: String, body: String, author: Actor, at now: Date) throws -> ThreadRecord {
        var thread = ThreadRecord(id: nil, boardId: board.id!, kind: kind, title: title, authorId: author.id, createdAt: now,
                                  lastActivityAt: now, replyCount: 0, lastPosterId: author.id, pinned: false, locked: false,
                                  archived: false, hidden: false, slowModeSeconds: 0)
        try thread.insert(db)
        var post = PostRecord(id: nil, threadId: thread.id!, position: 0, authorId: author.id, body: body, createdAt: now,
                              editedAt: nil, state: .visible, replyToId: nil, revisionCount: 0)
        try post.insert(db)
        try db.execute(sql: """
            UPDATE board SET threadCount = threadCount + 1, postCount = postCount + 1, lastActivityAt = ? WHERE id = ?
            """, arguments: [now.stored, board.id])
        try db.execute(sql: "UPDATE member SET postCount = postCount + 1 WHERE id = ?", arguments: [author.id])
        try db.execute(sql: "INSERT INTO threadWatch (memberId, threadId, level) VALUES (?, ?, 'watching')", arguments: [author.id, thread.id])
        try markRead(db, member: author.id, thread: thread.id!, position: 0, at: now)
        var told: Set<Int64> = [author.id]
        try notifyMentions(db, post: post, thread: thread, handles: Mentions.handles(in: body), actor: author, told: &told, at: now)
        return thread
    }

    /// Records that a member has read a thread up to a position; never moves backwards.
    static func markRead(_ db: Database, member: Int64, thread: Int64, position: Int, at now: Date) throws {
        try db.execute(sql: """
            INSERT INTO readState (memberId, threadId, lastReadPosition, readAt) VALUES (?, ?, ?, ?)
            ON CONFLICT (memberId, threadId) DO UPDATE SET
              lastReadPosition = MAX(lastReadPosition, excluded.lastReadPosition), readAt = excluded.readAt
            """, arguments: [member, thread, position, now.stored])
    }

    /// Who hears of a reply, each once and never of their own post: the members
    /// it mentions (see `notifyMentions`), the author replied to (or the thread's
    /// author), then everyone watching the thread. Nobody who muted the thread or
    /// the replier hears of it.
    static func notifyReply(_ db: Database, post: PostRecord, thread: ThreadRecord, repliedTo: PostRecord?, actor: Actor, at now: Date) throws {
        var told: Set<Int64> = [actor.id]
        try notifyMentions(db, post: post, thread: thread, handles: Mentions.handles(in: post.body), actor: actor, told: &told, at: now)
        let direct = repliedTo?.authorId ?? thread.authorId
        if !told.contains(direct), try !isQuiet(db, member: direct, thread: thread.id!, author: actor.id) {
            try notify(db, member: direct, kind: .reply, thread: thread.id!, post: post.id, actor: actor.id,
                       text: "\(actor.handle) replied to you in “\(thread.title)”", at: now)
        }
        told.insert(direct)
        let watchers = try Int64.fetchAll(db, sql: """
            SELECT w.memberId FROM threadWatch w WHERE w.threadId = ? AND w.level = 'watching'
              AND NOT EXISTS (SELECT 1 FROM memberMute m WHERE m.memberId = w.memberId AND m.mutedId = ?)
            """, arguments: [thread.id, actor.id])
        for watcher in watchers where !told.contains(watcher) {
            try notify(db, member: watcher, kind: .watched, thread: thread.id!, post: post.id, actor: actor.id,
                       text: "\(actor.handle) replied in “\(thread.title)”", at: now)
            told.insert(watcher)
        }
    }

    static func notify(_ db: Database, member: Int64, kind: NotificationKind, thread: Int64?, post: Int64?, actor: Int64?, text: String,
                       payload: NotificationPayload? = nil, at now: Date) throws {
        var row = NotificationRecord(id: nil, memberId: member, kind: kind, threadId: thread, postId: post, actorId: actor,
                                     text: text, createdAt: now, readAt: nil, payload: payload)
        try row.insert(db)
    }

    /// Tells a member news that has a payload: its kind and sentence come from
    /// it (the thread's title as it is now, the actor's handle).
    static func notify(_ db: Database, member: Int64, _ news: NotificationPayload, title: String = "", thread: Int64?, post: Int64?,
                       actor: Actor?, at now: Date) throws {
        try notify(db, member: member, kind: news.kind, thread: thread, post: post, actor: actor?.id,
                   text: news.sentence(title: title, actor: actor?.handle), payload: news, at: now)
    }

    /// Appends to the moderation log. Nothing in the code updates or deletes it.
    static func log(_ db: Database, actor: Actor, action: String, targetKind: String, targetID: Int64, reason: String, at now: Date) throws {
        try db.execute(sql: """
            INSERT INTO moderationLog (actorId, action, targetKind, targetId, reason, createdAt) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [actor.id, action, targetKind, targetID, reason, now.stored])
    }

    static let threadSummarySelect = threadSummarySelect(reader: nil)

    /// Thread rows with their author; with a reader, how far that member has read
    /// each. A thread the reader muted, or that has had no post since they marked
    /// its board read, reads as read to its end: it is not unread.
    /// `index` names the thread index to walk, where the planner would choose worse.
    static func threadSummarySelect(reader: Int64?, index: String? = nil) -> String {
        let read = reader.map { """
            CASE WHEN EXISTS (SELECT 1 FROM threadWatch w WHERE w.memberId = \($0) AND w.threadId = t.id AND w.level = 'muted')
                   OR EXISTS (SELECT 1 FROM boardRead br WHERE br.memberId = \($0) AND br.boardId = t.boardId
                              AND br.readUpTo >= t.lastActivityAt)
                 THEN t.replyCount
                 ELSE (SELECT r.lastReadPosition FROM readState r INDEXED BY readState_covering
                       WHERE r.memberId = \($0) AND r.threadId = t.id) END
            """ } ?? "NULL"
        return """
        SELECT t.id, t.boardId, t.kind, t.title, a.handle AS authorHandle, a.role AS authorRole, t.createdAt,
               t.lastActivityAt, t.replyCount, lp.handle AS lastPosterHandle, t.pinned, t.locked, t.archived, t.hidden,
               t.slowModeSeconds,
               \(read) AS readPosition
        FROM thread t\(index.map { " INDEXED BY \($0)" } ?? "") JOIN member a ON a.id = t.authorId LEFT JOIN member lp ON lp.id = t.lastPosterId
        """
    }

    /// The summaries of these threads, in the order given.
    static func threadSummaries(_ db: Database, ids: [Int64], reader: Int64?) throws -> [ThreadSummary] {
        let rows = try ThreadSummary.fetchAll(db, sql: threadSummarySelect(reader: reader) + " WHERE t.id IN (\(databaseQuestionMarks(count: ids.count)))",
                                              arguments: StatementArguments(ids))
        let byID = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    static func threadSummary(_ db: Database, id: Int64, reader: Int64? = nil) throws -> ThreadSummary {
        guard let summary = try ThreadSummary.fetchOne(db, sql: threadSummarySelect(reader: reader) + " WHERE t.id = ?", arguments: [id]) else {
            throw CommunityError.notFound("no thread #\(id)")
        }
        return summary
    }

    static func boardSummary(_ db: Database, id: Int64) throws -> BoardSummary {
        try BoardSummary.fetchOne(db, sql: boardSummarySelect + " WHERE b.id = ?", arguments: [id])!
    }

    /// Boards as their lists show them: a thread hidden by a moderator is in
    /// no board's list, so neither it nor its posts count. The board keeps its
    /// full counters; the few hidden threads are found through an index whose
    /// first column is `hidden`, and taken off.
    static let boardSummarySelect = """
        SELECT b.id, b.slug, b.title, b.description, b.position, b.threadKind,
               b.threadCount - COALESCE(h.threads, 0) AS threadCount, b.postCount - COALESCE(h.posts, 0) AS postCount, b.lastActivityAt
        FROM board b LEFT JOIN (
            SELECT boardId, COUNT(*) AS threads, SUM(replyCount + 1) AS posts FROM thread INDEXED BY thread_on_recent_activity
            WHERE hidden = 1 GROUP BY boardId
        ) h ON h.boardId = b.id
        """

    /// Posts as a viewer of this role may see them: hidden and removed text only for moderators.
    static func postViewSelect(viewer: Role) -> String {
        let body = Rules.seesHiddenText(viewer) ? "p.body" : "CASE WHEN p.state = 'visible' THEN p.body ELSE '' END"
        return """
            SELECT p.id, p.threadId, p.position, a.handle AS authorHandle, a.displayName AS authorDisplayName,
                   a.role AS authorRole, \(body) AS body, p.createdAt, p.editedAt, p.state, p.replyToId, p.revisionCount
            FROM post p JOIN member a ON a.id = p.authorId
            """
    }

    static func postView(_ db: Database, id: Int64, viewer: Role) throws -> PostView {
        try withModerationSteps(db, [PostView.fetchOne(db, sql: postViewSelect(viewer: viewer) + " WHERE p.id = ?", arguments: [id])!])[0]
    }

    /// The posts, each hidden or removed one with the step that set its state.
    static func withModerationSteps(_ db: Database, _ posts: [PostView]) throws -> [PostView] {
        let moderated = posts.filter { $0.state != .visible }.map(\.id)
        guard !moderated.isEmpty else { return posts }
        let steps = try stateSteps(db, posts: moderated)
        return posts.map { post in
            var post = post
            if let step = steps[post.id]?.last {
                post.moderationStep = step.action
                post.moderationReason = step.reason
            }
            return post
        }
    }
}
