import Foundation
import GRDB
import PaddockCore

// What lists and screens read: each summary carries just what its row shows,
// fetched with the rows it belongs to.

public struct MemberSummary: Codable, Equatable, Sendable, FetchableRecord, StoredDates {
    public let id: Int64
    public let handle: String
    public let displayName: String
    public let role: Role
    public let createdAt: Date
    public let standing: String
    public let standingUntil: Date?
    public let postCount: Int
}

public struct BoardSummary: Codable, Equatable, Sendable, FetchableRecord, StoredDates {
    public let id: Int64
    public let slug: String
    public let title: String
    public let description: String
    public let position: Int
    public let threadKind: ThreadKind
    public let threadCount: Int
    public let postCount: Int
    public let lastActivityAt: Date?
}

public struct ThreadSummary: Codable, Equatable, Sendable, FetchableRecord, StoredDates {
    public let id: Int64
    public let boardId: Int64
    public let kind: ThreadKind
    public let title: String
    public let authorHandle: String
    public let authorRole: Role
    public let createdAt: Date
    public let lastActivityAt: Date
    public let replyCount: Int
    public let lastPosterHandle: String?
    public let pinned: Bool
    public let locked: Bool
    public let archived: Bool
    public let hidden: Bool
    /// Minimum seconds between two posts by one member; 0 when slow mode is off.
    public let slowModeSeconds: Int
    /// How far the viewing member has read (a post position), when a viewer was given.
    public let readPosition: Int?

    /// Posts the viewer has not read: all of them for a thread never opened.
    public var unreadCount: Int { replyCount - (readPosition ?? -1) }
}

public struct PostView: Codable, Equatable, Sendable, FetchableRecord, StoredDates {
    public let id: Int64
    public let threadId: Int64
    public let position: Int
    public let authorHandle: String
    public let authorDisplayName: String
    public let authorRole: Role
    /// The text as written, or empty when the viewer may not see it (hidden or removed).
    public let body: String
    public let createdAt: Date
    public let editedAt: Date?
    public let state: PostState
    public let replyToId: Int64?
    public let revisionCount: Int
    /// For a hidden or removed post: the logged step that set its state
    /// (`auto-hide`, `hide`, `agree`, `remove`, `agree-remove`) and its reason.
    public var moderationStep: String? = nil
    public var moderationReason: String? = nil

    /// What a hidden or removed post shows in its place: who decided, and why.
    public var placeholder: String {
        ModerationWording.placeholder(state: state, action: moderationStep, reason: moderationReason)
    }
}

/// Where a board list continues: the sort key of the last row shown.
public struct ThreadCursor: Equatable, Sendable, Codable, CustomStringConvertible {
    public let pinned: Bool
    public let lastActivityAt: Date
    public let id: Int64

    /// A compact form for scripts: `--after` takes what `next` printed.
    public var description: String {
        "\(pinned ? 1 : 0)-\(UTCTime.milliseconds(lastActivityAt, rounding: .toNearestOrAwayFromZero))-\(id)"
    }

    public init(pinned: Bool, lastActivityAt: Date, id: Int64) {
        self.pinned = pinned
        self.lastActivityAt = lastActivityAt
        self.id = id
    }

    /// The cursor just after `thread` in its board's latest-first order.
    public init(_ thread: ThreadSummary) {
        self.init(pinned: thread.pinned, lastActivityAt: thread.lastActivityAt, id: thread.id)
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let p = Int(parts[0]), p == 0 || p == 1,
              let ms = Int64(parts[1]), UTCTime.storableMilliseconds.contains(ms), let id = Int64(parts[2]) else { return nil }
        self.init(pinned: p == 1, lastActivityAt: Date(timeIntervalSince1970: Double(ms) / 1000), id: id)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let cursor = ThreadCursor(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad cursor"))
        }
        self = cursor
    }
}

public struct ThreadPage: Codable, Equatable, Sendable {
    public let board: BoardSummary
    public let threads: [ThreadSummary]
    /// Present when more threads follow.
    public let next: ThreadCursor?
}

public struct ThreadDetail: Codable, Equatable, Sendable {
    public let thread: ThreadSummary
    public let board: BoardSummary
    public let posts: [PostView]
    /// The position the page started at, and how many posts the thread has in all.
    public let firstPosition: Int
    public let postCount: Int
    /// How the viewer follows the thread: watching, muted, or neither (nil).
    public var watch: WatchLevel? = nil
    /// Members the viewer has muted: their posts fold to a stub.
    public var mutedAuthors: [String] = []
    /// Handles `@`-mentioned in this page's posts that are members: drawn highlighted.
    public var mentionedMembers: [String] = []
    /// Posts of the thread its author marked helpful.
    public var helpfulPosts: [Int64] = []
}
