import Foundation

// Credit and reputation: who co-created a shipped suggestion, what each step
// that moves an idea forward is worth, and the leaderboard's window. Pure: the
// store writes what these rules decide, in the transaction of the event.

/// What earns (or takes back) reputation. The raw value is what the ledger stores.
public enum ReputationEvent: String, Codable, CaseIterable, Sendable {
    /// The author's suggestion reached a milestone (the last one sends it to review).
    case milestoneReached = "milestone"
    /// A supporter was among those who carried it there.
    case milestoneCarried = "carried"
    /// A manager answered the author's suggestion officially (a status change or a merge); once per suggestion.
    case officialResponse = "response"
    /// The author's suggestion shipped.
    case shipped = "shipped"
    /// A supporter was credited as a co-creator of a shipped suggestion.
    case coCreated = "co-created"
    /// The thread's author marked the member's reply helpful.
    case helpful = "helpful"
    /// The helpful mark was taken back.
    case helpfulTakenBack = "helpful-taken-back"
    /// Settlement: a moderator hid the suggestion or post the points came from…
    case reversed = "reversed"
    /// …and restored it.
    case reinstated = "reinstated"

    /// The ledger's reason, about the suggestion or thread titled `title`;
    /// `detail` is the milestone ("10 supporters") or the new status.
    public func reason(title: String, detail: String = "") -> String {
        switch self {
        case .milestoneReached: "“\(title)” reached \(detail)"
        case .milestoneCarried: "carried “\(title)” to \(detail)"
        case .officialResponse: "official response to “\(title)”: \(detail)"
        case .shipped: "“\(title)” shipped"
        case .coCreated: "co-created “\(title)”"
        case .helpful: "a reply marked helpful in “\(title)”"
        case .helpfulTakenBack: "helpful mark taken back in “\(title)”"
        case .reversed: "taken back: “\(title)” was hidden by a moderator"
        case .reinstated: "given back: “\(title)” was restored"
        }
    }

    /// Entries that settle others (hide, restore) rather than record an event of their own.
    public var isSettlement: Bool { self == .reversed || self == .reinstated }
}

/// One table of events → points. Settlement entries carry whatever they settle.
public enum ReputationRules {
    public static let points: [ReputationEvent: Int] = [
        .milestoneReached: 10,
        .milestoneCarried: 2,
        .officialResponse: 5,
        .shipped: 25,
        .coCreated: 5,
        .helpful: 5,
        .helpfulTakenBack: -5,
    ]

    public static func points(_ event: ReputationEvent) -> Int { points[event] ?? 0 }

    /// A member earns an event.
    public struct Award: Equatable, Sendable {
        public let member: Int64
        public let event: ReputationEvent
        public var points: Int { ReputationRules.points(event) }

        public init(member: Int64, event: ReputationEvent) {
            self.member = member
            self.event = event
        }
    }

    /// A suggestion reached `count` milestones at once: for each, its author
    /// earns `milestoneReached` and every other supporter then (those who
    /// carried it, see ``CoCreators/carriers(supporters:author:)``) earns
    /// `milestoneCarried`. The author's own support earns nothing more.
    public static func milestones(_ count: Int, author: Int64, supporters: [Int64]) -> [Award] {
        guard count > 0 else { return [] }
        let carriers = CoCreators.carriers(supporters: supporters, author: author)
        return (0..<count).flatMap { _ in
            [Award(member: author, event: .milestoneReached)] + carriers.map { Award(member: $0, event: .milestoneCarried) }
        }
    }

    /// An official response earns the author points, unless the author answered
    /// their own suggestion (a manager's own idea): nobody earns from themselves.
    public static func officialResponse(author: Int64, responder: Int64) -> [Award] {
        author == responder ? [] : [Award(member: author, event: .officialResponse)]
    }

    /// A suggestion shipped: its author and its co-creators, except whoever
    /// shipped it: nobody earns from their own status change.
    public static func shipped(_ coCreators: [CoCreator], by actor: Int64) -> [Award] {
        coCreators.filter { $0.member != actor }.map { Award(member: $0.member, event: $0.isAuthor ? .shipped : .coCreated) }
    }
}

/// Someone credited on a shipped suggestion.
public struct CoCreator: Equatable, Sendable {
    public let member: Int64
    public let isAuthor: Bool

    public init(member: Int64, isAuthor: Bool) {
        self.member = member
        self.isAuthor = isAuthor
    }
}

/// Who carried a suggestion, precisely.
///
/// - A milestone's **carriers** are the members who supported the suggestion at
///   the moment it reached that milestone (the supporters whose support took the
///   count to the target, review being the last one), the author aside: an
///   author's support is automatic and earns as the author's instead. Someone
///   who withdrew before that moment did not carry it; support given after
///   did not either.
/// - A shipped suggestion's **co-creators** are its author and every member who
///   supported it at or before the moment it was first planned and still
///   supports it when it ships. Every shipped suggestion was planned first (the
///   lifecycle reaches shipped only from planned or in progress), and a
///   suggestion reaches review before it is planned when it goes through the
///   milestones, so this takes in the carriers of every milestone too.
///   Supporters merged in from a duplicate count from when they supported the
///   duplicate.
public enum CoCreators {
    public static func carriers(supporters: [Int64], author: Int64) -> [Int64] {
        var seen: Set<Int64> = [author]
        return supporters.filter { seen.insert($0).inserted }
    }

    /// Author first, then supporters in the order given.
    public static func coCreators(author: Int64, supporters: [(member: Int64, since: Date)], plannedAt: Date) -> [CoCreator] {
        var seen: Set<Int64> = [author]
        return [CoCreator(member: author, isAuthor: true)]
            + supporters.filter { $0.since <= plannedAt && seen.insert($0.member).inserted }.map { CoCreator(member: $0.member, isAuthor: false) }
    }

    /// How a credit reads on a profile: "co-created: Heated grips as standard, Furia MY2027".
    public static func creditLine(title: String, product: String) -> String {
        "co-created: \(title), \(product)"
    }
}

/// The per-product leaderboard's window.
public enum Leaderboard {
    public static let defaultDays = 90
    public static let maxDays = 3650

    public static func days(_ n: Int) throws(CommunityError) -> Int {
        guard (1...maxDays).contains(n) else { throw .invalid("a leaderboard covers 1 to \(maxDays) days; \(n) given") }
        return n
    }

    /// How many members a board lists at most.
    public static let maxLimit = 10_000

    public static func limit(_ n: Int) throws(CommunityError) -> Int {
        guard (1...maxLimit).contains(n) else { throw .invalid("a leaderboard lists 1 to \(maxLimit) members; \(n) given") }
        return n
    }

    /// "The last N days" are whole UTC days: today and the N − 1 before it, so
    /// a board read at any hour of a day shows the same days. The window starts
    /// at midnight UTC N − 1 days before `now`'s day; an entry exactly at that
    /// midnight is in, one a second earlier is out.
    public static func windowStart(now: Date, days: Int) -> Date {
        let day = (now.timeIntervalSince1970 / 86_400).rounded(.down)
        return Date(timeIntervalSince1970: (day - Double(days - 1)) * 86_400)
    }
}

extension Rules {
    /// Marking a reply helpful: the thread's author only, never their own post,
    /// and only someone who may act (a suspension stops it).
    public static func markHelpful(by actor: Actor, threadAuthorID: Int64, postAuthorID: Int64, now: Date) throws(CommunityError) {
        try mayAct(actor, now: now)
        guard actor.id == threadAuthorID else {
            throw .notPermitted("only the thread's author marks replies helpful; \(actor.handle) did not start this thread")
        }
        guard postAuthorID != actor.id else { throw .invalid("you cannot mark your own post helpful") }
    }

    /// Whether a member's profile shows the record of conduct to this viewer.
    public static func seesConduct(_ viewer: Actor) -> Bool { viewer.role >= .moderator }
}
