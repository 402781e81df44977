import Foundation
import GRDB
import PaddockCore

// Rows as stored. Plain structs with a `Columns` enum, one per table (GRDB's
// record style). Screens and the CLI read the summaries in Views.swift.

public struct MemberRecord: Codable, Equatable, Sendable, FetchableRecord, StoredDates, MutablePersistableRecord {
    public static let databaseTableName = "member"
    public var id: Int64?
    public var handle: String
    public var displayName: String
    public var role: Role
    public var createdAt: Date
    public var standing: String
    public var standingUntil: Date?
    public var bio: String
    public var postCount: Int

    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let handle = Column(CodingKeys.handle)
        static let role = Column(CodingKeys.role)
        static let postCount = Column(CodingKeys.postCount)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public var actor: Actor {
        Actor(id: id!, handle: handle, role: role, standing: Standing(kind: standing, until: standingUntil))
    }
}

struct BoardRecord: Codable, Equatable, Sendable, FetchableRecord, StoredDates, MutablePersistableRecord {
    static let databaseTableName = "board"
    var id: Int64?
    var slug: String
    var title: String
    var description: String
    var position: Int
    var threadKind: ThreadKind
    var threadCount: Int
    var postCount: Int
    var lastActivityAt: Date?
    var createdAt: Date

    enum Columns {
        static let slug = Column(CodingKeys.slug)
        static let position = Column(CodingKeys.position)
        static let threadCount = Column(CodingKeys.threadCount)
        static let postCount = Column(CodingKeys.postCount)
        static let lastActivityAt = Column(CodingKeys.lastActivityAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct ThreadRecord: Codable, Equatable, Sendable, FetchableRecord, StoredDates, MutablePersistableRecord {
    static let databaseTableName = "thread"
    var id: Int64?
    var boardId: Int64
    var kind: ThreadKind
    var title: String
    var authorId: Int64
    var createdAt: Date
    var lastActivityAt: Date
    var replyCount: Int
    var lastPosterId: Int64?
    var pinned: Bool
    var locked: Bool
    var archived: Bool
    var hidden: Bool
    var slowModeSeconds: Int

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let boardId = Column(CodingKeys.boardId)
        static let lastActivityAt = Column(CodingKeys.lastActivityAt)
        static let replyCount = Column(CodingKeys.replyCount)
        static let pinned = Column(CodingKeys.pinned)
        static let hidden = Column(CodingKeys.hidden)
        static let lastPosterId = Column(CodingKeys.lastPosterId)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var facts: ThreadFacts { ThreadFacts(kind: kind, locked: locked, archived: archived, hidden: hidden) }
}

struct PostRecord: Codable, Equatable, Sendable, FetchableRecord, StoredDates, MutablePersistableRecord {
    static let databaseTableName = "post"
    var id: Int64?
    var threadId: Int64
    var position: Int
    var authorId: Int64
    var body: String
    var createdAt: Date
    var editedAt: Date?
    var state: PostState
    var replyToId: Int64?
    var revisionCount: Int

    enum Columns {
        static let threadId = Column(CodingKeys.threadId)
        static let position = Column(CodingKeys.position)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct PostRevisionRecord: Codable, Sendable, FetchableRecord, StoredDates, MutablePersistableRecord {
    static let databaseTableName = "postRevision"
    var id: Int64?
    var postId: Int64
    var body: String
    var editorId: Int64
    var createdAt: Date
}

struct NotificationRecord: Codable, Sendable, FetchableRecord, StoredDates, MutablePersistableRecord {
    static let databaseTableName = "notification"
    var id: Int64?
    var memberId: Int64
    var kind: NotificationKind
    var threadId: Int64?
    var postId: Int64?
    var actorId: Int64?
    var text: String
    var createdAt: Date
    var readAt: Date?
    var payload: NotificationPayload?
}
