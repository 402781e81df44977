import Foundation
import GRDB
import PaddockCore

/// One notification as the inbox shows it: what happened, who did it, to what.
public struct InboxItem: Codable, Equatable, Sendable, FetchableRecord, StoredDates {
    public let id: Int64
    public let kind: NotificationKind
    /// The whole notification in words, as written when it was sent.
    public let text: String
    /// What a status, milestone or moderation notification says, as data; nil
    /// for replies, mentions and watched threads, and for notifications sent
    /// before payloads were kept (their text says it all).
    public let payload: NotificationPayload?
    public let createdAt: Date
    /// Nil while unread; screens mark an item read as they open it.
    public var readAt: Date?
    /// Who acted; nil for the community itself (a milestone, an automatic hide)
    /// and for moderators, who act as "a moderator".
    public let actorHandle: String?
    public let threadId: Int64?
    public let threadTitle: String?
    public let postId: Int64?
    /// The post's position in its thread: where opening the notification scrolls to.
    public let postPosition: Int?

    public var isUnread: Bool { readAt == nil }
}

extension InboxItem {
    /// As synthesized, but a payload this Paddock cannot read (a newer one
    /// wrote it) is left out: the text says it all.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int64.self, forKey: .id)
        kind = try c.decode(NotificationKind.self, forKey: .kind)
        text = try c.decode(String.self, forKey: .text)
        payload = try? c.decodeIfPresent(NotificationPayload.self, forKey: .payload)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        readAt = try c.decodeIfPresent(Date.self, forKey: .readAt)
        actorHandle = try c.decodeIfPresent(String.self, forKey: .actorHandle)
        threadId = try c.decodeIfPresent(Int64.self, forKey: .threadId)
        threadTitle = try c.decodeIfPresent(String.self, forKey: .threadTitle)
        postId = try c.decodeIfPresent(Int64.self, forKey: .postId)
        postPosition = try c.decodeIfPresent(Int.self, forKey: .postPosition)
    }
}

extension NotificationKind: DatabaseValueConvertible {}

/// A payload is stored as JSON text: keys sorted, times as the store writes them.
extension NotificationPayload: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(date.stored)
        }
        // Plain values only: encoding cannot fail.
        guard let data = try? encoder.encode(self) else { return .null }
        return String(decoding: data, as: UTF8.self).databaseValue
    }

    /// The payload stored as this text; nil for text that is not one this Paddock reads.
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> NotificationPayload? {
        guard case .string(let text) = dbValue.storage else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            guard let date = UTCTime(parsing: try c.decode(String.self))?.date else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a stored time")
            }
            return date
        }
        return try? decoder.decode(NotificationPayload.self, from: Data(text.utf8))
    }

    /// Why a stored value cannot be the payload of a notification of this kind;
    /// nil when it can. Import and `paddock check` ask.
    static func problem(stored: DatabaseValue, kind: String) -> String? {
        guard let payload = fromDatabaseValue(stored) else { return "not a notification payload this Paddock reads" }
        guard payload.kind.rawValue == kind else { return "the payload of a \(payload.kind.rawValue) notification, on a \(kind) one" }
        return nil
    }
}

/// What a member has muted: threads that never notify or show unread, and
/// members whose posts fold and whose mentions are not heard.
public struct MuteList: Codable, Equatable, Sendable {
    public let threads: [ThreadSummary]
    public let members: [String]
}

/// The inbox, @mentions, and each member's watches and mutes.
extension Community {
    /// Mentions beyond this many in one post notify nobody more: a post can't page the whole community.
    public static let mentionLimit = 20

    // MARK: - Inbox

    /// One page of a member's notifications, newest first, continuing below
    /// `before` (the id of the last one shown). Keyset paging over
    /// `notification_on_member` (or its unread-only partial index).
    /// With `after`, the page just newer than that id instead (0: the oldest
    /// page, for `G`), read backwards over the same index, still newest first.
    /// A thread hidden from the member since (a moderator hid it) is neither
    /// named nor linked: its title may be why it was hidden. A moderation
    /// notice names it: it tells its author what was hidden.
    public func inbox(for member: Actor, unreadOnly: Bool = false, before: Int64? = nil, after: Int64? = nil, limit: Int = 50) throws -> [InboxItem] {
        try writer.read { db in
            let page = after.map { (condition: "n.id > ?", order: "ASC", key: $0) } ?? (condition: "n.id < ?", order: "DESC", key: before ?? Int64.max)
            let linked = try Rules.seesHiddenText(Self.fresh(db, member).role) ? "1" : "t.hidden = 0"
            let rows = try InboxItem.fetchAll(db, sql: """
                SELECT n.id, n.kind,
                       CASE WHEN t.id IS NULL OR n.kind = 'moderation' OR \(linked) THEN n.text
                            ELSE replace(n.text, '“' || t.title || '”', 'a thread a moderator hid') END AS text,
                       n.payload, n.createdAt, n.readAt,
                       CASE WHEN n.kind = 'moderation' THEN NULL ELSE a.handle END AS actorHandle,
                       CASE WHEN \(linked) THEN n.threadId END AS threadId, CASE WHEN t.id IS NULL OR n.kind = 'moderation' OR \(linked) THEN t.title END AS threadTitle,
                       CASE WHEN \(linked) THEN n.postId END AS postId, p.position AS postPosition
                FROM notification n
                LEFT JOIN member a ON a.id = n.actorId
                LEFT JOIN thread t ON t.id = n.threadId
                LEFT JOIN post p ON p.id = n.postId
                WHERE n.memberId = ?\(unreadOnly ? " AND n.readAt IS NULL" : "") AND \(page.condition)
                ORDER BY n.id \(page.order) LIMIT ?
                """, arguments: [member.id, page.key, limit])
            return after == nil ? rows : rows.reversed()
        }
    }

    /// Marks one of the member's own notifications read. When the method returns,
    /// it no longer counts as unread; another member's notification is not found.
    public func markNotificationRead(by actor: Actor, notification id: Int64) throws {
        let now = self.now
        try writer.write { db in
            let actor = try Self.fresh(db, actor)
            try Rules.mayAct(actor, now: now)
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM notification WHERE id = ? AND memberId = ?)",
                                    arguments: [id, actor.id]) == true else {
                throw CommunityError.notFound("no notification #\(id) in your inbox")
            }
            try db.execute(sql: "UPDATE notification SET readAt = ? WHERE id = ? AND readAt IS NULL", arguments: [now.stored, id])
        }
    }

    /// Marks every unread notification of the member read; returns how many there were.
    @discardableResult
    public func markAllNotificationsRead(by actor: Actor) throws -> Int {
        let now = self.now
        return try writer.write { db in
            let actor = try Self.fresh(db, actor)
            try Rules.mayAct(actor, now: now)
            try db.execute(sql: "UPDATE notification SET readAt = ? WHERE memberId = ? AND readAt IS NULL", arguments: [now.stored, actor.id])
            return db.changesCount
        }
    }

    // MARK: - Watch and mute

    /// Watches a thread: a notification for every reply by others. Replaces a mute.
    public func watch(by actor: Actor, thread threadID: Int64) throws {
        try setWatch(by: actor, thread: threadID, level: .watching)
    }

    /// Stops watching a thread (a mute stays a mute). Authors watch their threads
    /// until they unwatch them.
    public func unwatch(by actor: Actor, thread threadID: Int64) throws {
        try clearWatch(by: actor, thread: threadID, level: .watching)
    }

    /// Mutes a thread: it never shows as unread, never notifies, and the
    /// notifications it already sent are marked read. Replaces a watch.
    public func muteThread(by actor: Actor, thread threadID: Int64) throws {
        try setWatch(by: actor, thread: threadID, level: .muted)
    }

    public func unmuteThread(by actor: Actor, thread threadID: Int64) throws {
        try clearWatch(by: actor, thread: threadID, level: .muted)
    }

    /// Mutes a member: their posts fold to a stub for the actor, and their
    /// replies and mentions no longer notify the actor.
    public func muteMember(by actor: Actor, handle: String) throws {
        let now = self.now
        try writer.write { db in
            let actor = try Self.fresh(db, actor)
            let target = try Self.member(db, handle: handle)
            try Rules.mute(member: target.id!, by: actor, now: now)
            try db.execute(sql: "INSERT OR IGNORE INTO memberMute (memberId, mutedId) VALUES (?, ?)", arguments: [actor.id, target.id])
        }
    }

    public func unmuteMember(by actor: Actor, handle: String) throws {
        let now = self.now
        try writer.write { db in
            let actor = try Self.fresh(db, actor)
            try Rules.mayAct(actor, now: now)
            let target = try Self.member(db, handle: handle)
            try db.execute(sql: "DELETE FROM memberMute WHERE memberId = ? AND mutedId = ?", arguments: [actor.id, target.id])
        }
    }

    /// The threads and members the member has muted.
    public func mutes(of member: Actor) throws -> MuteList {
        try writer.read { db in
            let threads = try ThreadSummary.fetchAll(db, sql: Self.threadSummarySelect(reader: member.id) + """
                 WHERE t.id IN (SELECT threadId FROM threadWatch WHERE memberId = ? AND level = 'muted') ORDER BY t.id
                """, arguments: [member.id])
            let members = try String.fetchAll(db, sql: """
                SELECT m.handle FROM memberMute mm JOIN member m ON m.id = mm.mutedId WHERE mm.memberId = ? ORDER BY m.handle
                """, arguments: [member.id])
            return MuteList(threads: threads, members: members)
        }
    }

    private func setWatch(by actor: Actor, thread threadID: Int64, level: WatchLevel) throws {
        let now = self.now
        try writer.write { db in
            let actor = try Self.fresh(db, actor)
            let thread = try Self.followable(db, threadID, by: actor, now: now)
            try db.execute(sql: """
                INSERT INTO threadWatch (memberId, threadId, level) VALUES (?, ?, ?)
                ON CONFLICT (memberId, threadId) DO UPDATE SET level = excluded.level
                """, arguments: [actor.id, thread.id, level.rawValue])
            if level == .muted {
                try db.execute(sql: "UPDATE notification SET readAt = ? WHERE memberId = ? AND readAt IS NULL AND threadId = ?",
                               arguments: [now.stored, actor.id, thread.id])
            }
        }
    }

    private func clearWatch(by actor: Actor, thread threadID: Int64, level: WatchLevel) throws {
        let now = self.now
        try writer.write { db in
            let actor = try Self.fresh(db, actor)
            let thread = try Self.followable(db, threadID, by: actor, now: now)
            try db.execute(sql: "DELETE FROM threadWatch WHERE memberId = ? AND threadId = ? AND level = ?",
                           arguments: [actor.id, thread.id, level.rawValue])
        }
    }
}

// MARK: - Steps inside a transaction

extension Community {
    static func followable(_ db: Database, _ threadID: Int64, by actor: Actor, now: Date) throws -> ThreadRecord {
        guard let thread = try ThreadRecord.fetchOne(db, key: threadID) else { throw CommunityError.notFound("no thread #\(threadID)") }
        do { try Rules.follow(thread: thread.facts, by: actor, now: now) } catch .notFound(_) { throw CommunityError.notFound("no thread #\(threadID)") }
        return thread
    }

    /// True when a member would rather not hear of this: they muted the thread or its author.
    static func isQuiet(_ db: Database, member: Int64, thread: Int64, author: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM threadWatch WHERE memberId = ? AND threadId = ? AND level = 'muted')
                OR EXISTS (SELECT 1 FROM memberMute WHERE memberId = ? AND mutedId = ?)
            """, arguments: [member, thread, member, author]) ?? false
    }

    /// Each member a post `@`-mentions hears of it once: not the author, not
    /// anyone already told of this post (an earlier version of it mentioned
    /// them, or `told` has them), not anyone who muted the author or the
    /// thread, and nobody at all in a hidden thread. At most `mentionLimit`.
    static func notifyMentions(_ db: Database, post: PostRecord, thread: ThreadRecord, handles: [String], actor: Actor,
                               told: inout Set<Int64>, at now: Date) throws {
        guard !handles.isEmpty, !thread.hidden, post.state == .visible else { return }
        let wanted = Array(handles.prefix(mentionLimit))
        let members = try Row.fetchAll(db, sql: """
            SELECT id, handle FROM member WHERE handle IN (\(databaseQuestionMarks(count: wanted.count)))
            """, arguments: StatementArguments(wanted))
        let ids = Dictionary(members.map { (($0["handle"] as String).lowercased(), $0["id"] as Int64) }, uniquingKeysWith: { a, _ in a })
        for handle in wanted {
            guard let member = ids[handle], !told.contains(member) else { continue }
            told.insert(member)
            let mutesAuthor = try isQuiet(db, member: member, thread: thread.id!, author: actor.id)
            guard Rules.mentionNotifies(author: actor.id, mentioned: member, mentionedMutesAuthor: mutesAuthor) else { continue }
            let already = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM notification WHERE postId = ? AND memberId = ? AND kind = 'mention')
                """, arguments: [post.id, member]) ?? false
            guard !already else { continue }
            try notify(db, member: member, kind: .mention, thread: thread.id!, post: post.id, actor: actor.id,
                       text: "\(actor.handle) mentioned you in “\(thread.title)”", at: now)
        }
    }

    /// What a thread page needs to know about its viewer: how they follow it,
    /// whom they muted (a member's own list: a handful), which mentions are members.
    static func viewerFacts(_ db: Database, thread: Int64, posts: [PostView], viewer: Int64?)
        throws -> (watch: WatchLevel?, mutedAuthors: [String], mentioned: [String]) {
        var watch: WatchLevel?
        var muted: [String] = []
        if let viewer {
            watch = try String.fetchOne(db, sql: "SELECT level FROM threadWatch WHERE memberId = ? AND threadId = ?",
                                        arguments: [viewer, thread]).flatMap(WatchLevel.init(rawValue:))
            muted = try String.fetchAll(db, sql: """
                SELECT m.handle FROM memberMute mm JOIN member m ON m.id = mm.mutedId WHERE mm.memberId = ? ORDER BY m.handle
                """, arguments: [viewer])
        }
        var candidates: [String] = []
        var seen: Set<String> = []
        for post in posts {
            for line in post.body.split(separator: "\n") {
                for span in Mentions.spans(in: String(line)) where seen.insert(span.handle).inserted { candidates.append(span.handle) }
            }
        }
        candidates = Array(candidates.prefix(500))
        let mentioned = candidates.isEmpty ? [] : try String.fetchAll(db, sql: """
            SELECT handle FROM member WHERE handle IN (\(databaseQuestionMarks(count: candidates.count)))
            """, arguments: StatementArguments(candidates)).map { $0.lowercased() }.sorted()
        return (watch, muted, mentioned)
    }
}
