import Foundation

// The co-creation rules: a suggestion's lifecycle, its supporter milestones,
// who may move it, and how member text becomes a safe search query. Pure.

extension SuggestionStatus {
    /// Open suggestions can be supported, withdrawn from and take duplicates.
    /// Closed ones (shipped, declined, duplicate, expired) are settled.
    public var isOpen: Bool {
        switch self {
        case .new, .underReview, .planned, .inProgress: true
        case .shipped, .declined, .duplicate, .expired: false
        }
    }

    /// How people read it: "under review", "in progress".
    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }

    /// The statuses a suggestion list shows by default.
    public static let open: [SuggestionStatus] = allCases.filter(\.isOpen)
}

/// The public lifecycle: new → under_review → planned → in_progress → shipped,
/// with declined, duplicate and expired beside it.
///
/// Three kinds of change move a suggestion. A manager's hand, with an official
/// response, along `manualTargets`. The milestones, by themselves: new →
/// under_review when the last is reached, new → expired when one is missed.
/// A merge: an open suggestion → duplicate. Nothing leaves shipped, duplicate
/// or expired (an expired one is resubmitted as a new suggestion instead).
public enum SuggestionLifecycle {
    /// Where a manager may move a suggestion from `status`.
    public static func manualTargets(from status: SuggestionStatus) -> [SuggestionStatus] {
        switch status {
        case .new: [.underReview, .planned, .declined]
        case .underReview: [.planned, .declined]
        case .planned: [.inProgress, .shipped, .declined]
        case .inProgress: [.planned, .shipped, .declined]
        case .declined: [.underReview]
        case .shipped, .duplicate, .expired: []
        }
    }

    /// Refuses a manual change the lifecycle forbids, naming the allowed ones.
    public static func checkManual(from: SuggestionStatus, to: SuggestionStatus) throws(CommunityError) {
        if from == to { throw .invalid("the suggestion is already \(to.label)") }
        let allowed = manualTargets(from: from)
        guard allowed.contains(to) else {
            let options = allowed.isEmpty
                ? "a \(from.label) suggestion is closed and its status can no longer change"
                : "from \(from.label) it can move to " + allowed.map(\.label).joined(separator: ", ")
            var why = "a suggestion cannot move from \(from.label) to \(to.label): \(options)"
            if to == .duplicate { why += " (mark duplicates with a merge)" }
            if to == .expired || (to == .new && from != .new) { why += " (only the milestones set new and expired)" }
            throw .invalid(why)
        }
    }

    /// Refuses supporting (or withdrawing from) a settled suggestion, saying where to go instead.
    public static func requireOpen(_ id: Int64, _ status: SuggestionStatus, duplicateOf: Int64?, doing what: String) throws(CommunityError) {
        switch status {
        case .duplicate:
            throw .invalid("suggestion #\(id) was merged into #\(duplicateOf ?? 0): support that one instead")
        case .expired:
            throw .invalid("suggestion #\(id) expired and is read-only; its author can resubmit it")
        case let status where !status.isOpen:
            throw .invalid("suggestion #\(id) is \(status.label) and can no longer be \(what)")
        default: return
        }
    }

    /// Whether a suggestion in `status` may be merged into another as its duplicate.
    public static func mayBecomeDuplicate(_ status: SuggestionStatus) -> Bool { status.isOpen }
}

// MARK: - Milestones

/// A supporter count to reach within a number of days.
public struct Milestone: Equatable, Codable, Sendable {
    public let supporters: Int
    public let days: Int

    public init(supporters: Int, days: Int) {
        self.supporters = supporters
        self.days = days
    }
}

/// The community's milestones, in order. A new suggestion must reach the first
/// within its days of being posted; each one reached adds the next one's days
/// to the deadline; reaching the last sends it to review; missing a deadline
/// expires it.
public struct MilestonePlan: Equatable, Codable, Sendable {
    public let milestones: [Milestone]

    /// 10 supporters within 30 days, then 50 within 90 more, then 100 within 180 more.
    public static let standard = MilestonePlan(unchecked: [
        Milestone(supporters: 10, days: 30), Milestone(supporters: 50, days: 90), Milestone(supporters: 100, days: 180),
    ])

    private init(unchecked milestones: [Milestone]) { self.milestones = milestones }

    /// At least one milestone; supporters strictly increase; days at least 1.
    public init(_ milestones: [Milestone]) throws(CommunityError) {
        guard !milestones.isEmpty else { throw .invalid("give at least one milestone") }
        var previous = 0
        for m in milestones {
            guard m.supporters > previous else { throw .invalid("each milestone needs more supporters than the one before") }
            guard m.days >= 1 else { throw .invalid("a milestone needs at least one day") }
            previous = m.supporters
        }
        self.milestones = milestones
    }

    /// The plan from its setting form (``Setting/milestones``): "10/30,50/90,100/180", supporters/days.
    public init(setting: String) throws(CommunityError) {
        var list: [Milestone] = []
        for part in setting.split(separator: ",") {
            let pair = part.split(separator: "/")
            guard pair.count == 2, let s = Int(String(pair[0]).trimmingWhitespace), let d = Int(String(pair[1]).trimmingWhitespace) else {
                throw .invalid("'\(setting)' is not a milestone list: write supporters/days pairs, e.g. 10/30,50/90,100/180")
            }
            list.append(Milestone(supporters: s, days: d))
        }
        try self.init(list)
    }

    public var setting: String { milestones.map { "\($0.supporters)/\($0.days)" }.joined(separator: ",") }

    /// The deadline of a suggestion posted at `date`.
    public func firstDeadline(postedAt date: Date) -> Date { date + Self.days(milestones[0].days) }

    static func days(_ n: Int) -> TimeInterval { TimeInterval(n) * 86_400 }

    /// What the milestones make of a suggestion now. Only new suggestions move:
    /// each milestone reached (count ≥ target, by its deadline) extends the
    /// deadline by the next one's days; the last one reached sends it to
    /// review; a deadline passed without reaching the milestone expires it.
    /// A deadline is an instant: reaching it exactly on time counts.
    public func apply(_ state: MilestoneState, now: Date) -> MilestoneState {
        var s = state
        guard s.status == .new else { return s }
        while true {
            guard s.index < milestones.count else {
                s.status = .underReview
                s.deadline = nil
                s.changedAt = now
                return s
            }
            let target = milestones[s.index]
            guard let deadline = s.deadline else {
                // A suggestion without a deadline (never set): give it the current milestone's days from now.
                s.deadline = now + Self.days(target.days)
                continue
            }
            if s.supporters >= target.supporters, now <= deadline {
                s.index += 1
                s.deadline = s.index < milestones.count ? deadline + Self.days(milestones[s.index].days) : nil
                continue
            }
            if now > deadline {
                s.status = .expired
                s.changedAt = deadline
                return s
            }
            return s
        }
    }

    /// Where a suggestion stands on its way to review, for lists and screens.
    public func progress(_ state: MilestoneState, now: Date) -> MilestoneProgress? {
        guard state.status == .new, state.index < milestones.count, let deadline = state.deadline else { return nil }
        return MilestoneProgress(index: state.index, of: milestones.count, supporters: state.supporters,
                                 target: milestones[state.index].supporters, deadline: deadline, now: now)
    }
}

/// The part of a suggestion the milestones read and write.
public struct MilestoneState: Equatable, Sendable {
    public var status: SuggestionStatus
    public var supporters: Int
    /// The next milestone to reach.
    public var index: Int
    public var deadline: Date?
    /// When the status last changed (moved when the milestones change it).
    public var changedAt: Date

    public init(status: SuggestionStatus, supporters: Int, index: Int, deadline: Date?, changedAt: Date) {
        self.status = status
        self.supporters = supporters
        self.index = index
        self.deadline = deadline
        self.changedAt = changedAt
    }
}

/// "37/50 supporters · 41 days left".
public struct MilestoneProgress: Equatable, Codable, Sendable, CustomStringConvertible {
    /// The milestone being worked on (0-based) and how many there are.
    public let index: Int
    public let count: Int
    public let supporters: Int
    public let target: Int
    public let deadline: Date
    /// Whole days left, rounded up: 0 only once the deadline has passed.
    public let daysLeft: Int

    public init(index: Int, of count: Int, supporters: Int, target: Int, deadline: Date, now: Date) {
        self.index = index
        self.count = count
        self.supporters = supporters
        self.target = target
        self.deadline = deadline
        daysLeft = max(0, Int((deadline.timeIntervalSince(now) / 86_400).rounded(.up)))
    }

    /// Reached fraction of the current milestone, 0…1, for a progress bar.
    public var fraction: Double { min(1, Double(supporters) / Double(max(1, target))) }

    public var description: String {
        "\(supporters)/\(target) supporters · " + (daysLeft == 1 ? "1 day left" : "\(daysLeft) days left")
    }
}

// MARK: - Who may do what

extension Rules {
    /// Posting a suggestion is starting a thread: silenced and suspended members cannot.
    public static func suggest(by actor: Actor, now: Date) throws(CommunityError) {
        try mayWrite(actor, now: now)
    }

    /// Supporting writes no text: only a suspension stops it.
    public static func support(by actor: Actor, now: Date) throws(CommunityError) {
        try mayAct(actor, now: now)
    }

    /// Withdrawing support is supporting undone, except that an author's own support stays.
    public static func withdrawSupport(by actor: Actor, authorID: Int64, now: Date) throws(CommunityError) {
        try support(by: actor, now: now)
        guard authorID != actor.id else { throw .invalid("an author always supports their own suggestion") }
    }

    /// Only managers (and admins) answer officially and move a suggestion.
    public static func changeSuggestionStatus(by actor: Actor) throws(CommunityError) {
        guard actor.role >= .manager else {
            throw .notPermitted("only managers can change a suggestion's status; \(actor.handle) is a \(actor.role.rawValue)")
        }
    }

    public static func mergeSuggestions(by actor: Actor) throws(CommunityError) {
        guard actor.role >= .manager else {
            throw .notPermitted("only managers can merge duplicate suggestions; \(actor.handle) is a \(actor.role.rawValue)")
        }
    }

    public static func seeReviewQueue(by actor: Actor) throws(CommunityError) {
        guard actor.role >= .manager else { throw .notPermitted("the review queue is for managers") }
    }

    public static func setMilestones(by actor: Actor) throws(CommunityError) {
        guard actor.role >= .admin else { throw .notPermitted("only admins can change the milestones") }
    }
}

extension Validate {
    /// An official response: what the status change says to everyone who supported it.
    public static func response(_ text: String) throws(CommunityError) -> String {
        guard !text.trimmingWhitespace.isEmpty else {
            throw .invalid("a status change needs an official response: say why, for everyone who supported it")
        }
        // Invisible characters only (zero-width spaces) would show as no response at all.
        guard TextWidth.of(SafeText.displayable(text.trimmingWhitespace)) > 0 else {
            throw .invalid("the official response shows nothing: it holds only invisible characters")
        }
        return try body(text)
    }

    /// 1–5 distinct feature slugs.
    public static func featureSlugs(_ slugs: [String]) throws(CommunityError) -> [String] {
        var seen: [String] = []
        for slug in slugs {
            let s = try Validate.slug(slug)
            if !seen.contains(s) { seen.append(s) }
        }
        guard (1...5).contains(seen.count) else {
            throw .invalid("tag a suggestion with 1 to 5 features of its product; \(seen.count) given")
        }
        return seen
    }
}
