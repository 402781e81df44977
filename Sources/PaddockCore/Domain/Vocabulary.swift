import Foundation

/// A member's role. Each role includes the powers of the ones before it.
public enum Role: String, CaseIterable, Codable, Comparable, Sendable {
    case member, moderator, manager, admin

    public static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }
    private var rank: Int { Role.allCases.firstIndex(of: self)! }

    /// Staff post officially for the brand.
    public var isStaff: Bool { self >= .manager }

    /// "a member", "a moderator", "a manager", "an admin".
    public var withArticle: String { (self == .admin ? "an " : "a ") + rawValue }
}

/// Whether a member may take part right now. Timed penalties end by themselves.
public enum Standing: Equatable, Sendable {
    case active
    case silenced(until: Date)
    case suspended(until: Date)

    /// The standing in force at `now`: an expired penalty counts as active.
    public func current(at now: Date) -> Standing {
        switch self {
        case .active: return .active
        case .silenced(let until), .suspended(let until): return until > now ? self : .active
        }
    }

    /// Storage form: the kind and its end, if any.
    public var kind: String {
        switch self {
        case .active: "active"
        case .silenced: "silenced"
        case .suspended: "suspended"
        }
    }

    public var until: Date? {
        switch self {
        case .active: nil
        case .silenced(let until), .suspended(let until): until
        }
    }

    public init(kind: String, until: Date?) {
        switch (kind, until) {
        case ("silenced", let until?): self = .silenced(until: until)
        case ("suspended", let until?): self = .suspended(until: until)
        default: self = .active
        }
    }
}

public enum ThreadKind: String, CaseIterable, Codable, Sendable {
    /// `poll`: a concept a manager puts to the community (see Polls.swift); it
    /// lives in any board beside that board's own kind of thread.
    case discussion, announcement, suggestion, poll
}

public enum PostState: String, CaseIterable, Codable, Sendable {
    case visible, hidden, removed
}

/// Where a suggestion stands in its public lifecycle.
public enum SuggestionStatus: String, CaseIterable, Codable, Sendable {
    case new
    case underReview = "under_review"
    case planned
    case inProgress = "in_progress"
    case shipped, declined, duplicate, expired
}

public enum FlagReason: String, CaseIterable, Codable, Sendable {
    case spam
    case offTopic = "off_topic"
    case abusive, other

    /// As people read it: "off topic", not `off_topic`.
    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}
