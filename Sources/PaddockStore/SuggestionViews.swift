import Foundation
import GRDB
import PaddockCore

// What suggestion lists, a suggestion's screen, the roadmap and the review
// queue read. Each carries what its row shows, fetched with its page.

/// A feature a suggestion is tagged to.
public struct FeatureTag: Codable, Equatable, Sendable {
    public let slug: String
    public let name: String
    public let retired: Bool
}

/// A suggestion as a list row shows it: title, status badge, supporter count,
/// milestone progress, the latest official response and its features.
public struct SuggestionSummary: Codable, Equatable, Sendable {
    public let id: Int64
    public let title: String
    public let authorHandle: String
    public let createdAt: Date
    public let productSlug: String
    public let productName: String
    public let status: SuggestionStatus
    public let supporterCount: Int
    public let statusChangedAt: Date
    /// The latest official response, as the manager wrote it.
    public let statusNote: String?
    /// For a new suggestion: the milestone it works towards, "37/50 supporters · 41 days left".
    public let milestone: MilestoneProgress?
    public let features: [FeatureTag]
    /// For a duplicate: the suggestion it was merged into (follow `SuggestionDetail.duplicateRoot` for the last of a chain).
    public let duplicateOfId: Int64?
    public let resubmittedFromId: Int64?
    public let replyCount: Int
    /// In a trending list: supporters gained in the trending window.
    public let recentSupport: Int?
}

/// A status change with the post that explains it: shown distinctly in the thread.
public struct OfficialResponse: Codable, Equatable, Sendable {
    public let postId: Int64?
    public let fromStatus: SuggestionStatus
    public let toStatus: SuggestionStatus
    public let actorHandle: String
    public let body: String
    public let createdAt: Date
}

/// Another suggestion named by this one.
public struct SuggestionLink: Codable, Equatable, Sendable, FetchableRecord, StoredDates {
    public let id: Int64
    public let title: String
    public let status: SuggestionStatus
}

/// A suggestion's own screen: the summary, its text, every official response.
public struct SuggestionDetail: Codable, Equatable, Sendable {
    public let suggestion: SuggestionSummary
    /// Its author's member id (for the rules: an author's own support stays).
    public let authorId: Int64
    public let boardSlug: String
    /// The opening post's text, as written.
    public let body: String
    /// Oldest first.
    public let responses: [OfficialResponse]
    /// For a duplicate: the open suggestion at the end of its chain, where its support went.
    public let duplicateRoot: SuggestionLink?
    public let resubmittedFrom: SuggestionLink?
    public let resubmittedAs: SuggestionLink?
    /// Whether the viewing member supports it (nil without a viewer).
    public let viewerSupports: Bool?
    /// Where a manager may move it now.
    public let allowedStatuses: [SuggestionStatus]
}

/// How a suggestion list is ordered.
public enum SuggestionOrder: String, CaseIterable, Codable, Sendable {
    /// Most supporters first.
    case top
    /// Newest first.
    case new
    /// Most support in the last 7 days first (suggestions with none are left out).
    case trending
}

/// Which suggestions a list shows.
public enum SuggestionFilter: Equatable, Sendable {
    /// new, under review, planned, in progress.
    case open
    case all
    case status(SuggestionStatus)
}

/// Where a suggestion list (or a supporter list, or the review queue) continues:
/// the sort value and id of the last row shown.
public struct SuggestionCursor: Equatable, Sendable, Codable, CustomStringConvertible {
    public let value: Int64
    public let id: Int64

    public init(value: Int64, id: Int64) {
        self.value = value
        self.id = id
    }

    public init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let v = Int64(parts[0]), let id = Int64(parts[1]) else { return nil }
        self.init(value: v, id: id)
    }

    public var description: String { "\(value):\(id)" }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let cursor = SuggestionCursor(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad cursor"))
        }
        self = cursor
    }

    static func millis(_ date: Date) -> Int64 { UTCTime.milliseconds(date, rounding: .toNearestOrAwayFromZero) }
    /// The value as a time, for lists ordered by time; a value beyond the times
    /// the store keeps (UTCTime.storable) was never printed by a page: refused.
    func date() throws(CommunityError) -> Date {
        guard UTCTime.storableMilliseconds.contains(value) else {
            throw .invalid("the cursor \(description) was not printed by this list; continue from a page's `next`")
        }
        return Date(timeIntervalSince1970: Double(value) / 1000)
    }
}

public struct SuggestionPage: Codable, Equatable, Sendable {
    public let suggestions: [SuggestionSummary]
    /// Present when more follow.
    public let next: SuggestionCursor?

    public init(suggestions: [SuggestionSummary], next: SuggestionCursor?) {
        self.suggestions = suggestions
        self.next = next
    }
}

public struct SupporterEntry: Codable, Equatable, Sendable, FetchableRecord, StoredDates {
    public let handle: String
    public let displayName: String
    public let supportedAt: Date
}

public struct SupporterPage: Codable, Equatable, Sendable {
    public let suggestionId: Int64
    public let supporterCount: Int
    /// Earliest first: the author, then in the order support arrived.
    public let supporters: [SupporterEntry]
    public let next: SuggestionCursor?
}

/// A product's public roadmap.
public struct Roadmap: Codable, Equatable, Sendable {
    public let product: ProductSummary
    /// Each column most supported first.
    public let underReview: [SuggestionSummary]
    public let planned: [SuggestionSummary]
    public let inProgress: [SuggestionSummary]
    /// Shipped in the last 90 days, latest first.
    public let shipped: [SuggestionSummary]
}

/// Two suggestions after a merge.
public struct MergeResult: Codable, Equatable, Sendable {
    public let duplicate: SuggestionSummary
    public let into: SuggestionSummary
    /// Supporters of the duplicate who did not already support the other.
    public let movedSupporters: Int
}

/// What `maintenance` did.
public struct MaintenanceReport: Codable, Equatable, Sendable {
    /// Suggestions that missed a milestone deadline.
    public let expired: [Int64]
}

/// A suggestion row as stored.
struct SuggestionRecord: Codable, Equatable, Sendable, FetchableRecord, StoredDates {
    var threadId: Int64
    var productId: Int64
    var status: SuggestionStatus
    var supporterCount: Int
    var milestone: Int
    var milestoneDeadline: Date?
    var statusChangedAt: Date
    var statusNote: String?
    var duplicateOfId: Int64?
    var resubmittedFromId: Int64?

    var milestoneState: MilestoneState {
        MilestoneState(status: status, supporters: supporterCount, index: milestone, deadline: milestoneDeadline,
                       changedAt: statusChangedAt)
    }
}

/// The columns a summary is built from.
struct SuggestionRowView: Decodable, FetchableRecord, StoredDates {
    let id: Int64
    let title: String
    let authorHandle: String
    let createdAt: Date
    let productSlug: String
    let productName: String
    let status: SuggestionStatus
    let supporterCount: Int
    let milestone: Int
    let milestoneDeadline: Date?
    let statusChangedAt: Date
    let statusNote: String?
    let duplicateOfId: Int64?
    let resubmittedFromId: Int64?
    let replyCount: Int
}

extension SuggestionStatus: DatabaseValueConvertible {}
