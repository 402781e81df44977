import Foundation

/// A UTC calendar day, counted from 1970-01-01: the unit every figure of the
/// manager's view is kept and reported in.
public struct StatsDay: Comparable, Hashable, Sendable, Strideable {
    public let number: Int

    public init(number: Int) { self.number = number }

    /// The UTC day that holds `date`.
    public init(_ date: Date) { number = Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) }

    /// `2026-12-03`, from 1970 on (no community predates its clock; a period
    /// reaching before year 1 has no date to print); nil for anything else.
    public init?(parsing text: String) {
        let text = text.trimmingWhitespace
        guard text.count == 10, let time = UTCTime(parsing: text), time.dayText == text, time.year >= 1970 else { return nil }
        self.init(time.date)
    }

    /// Midnight UTC at its start.
    public var start: Date { Date(timeIntervalSince1970: TimeInterval(number) * 86_400) }
    /// `2026-12-03`: the form the store keys its day rows by.
    public var text: String { UTCTime(start).dayText }

    public static func < (a: StatsDay, b: StatsDay) -> Bool { a.number < b.number }
    public func distance(to other: StatsDay) -> Int { other.number - number }
    public func advanced(by n: Int) -> StatsDay { StatsDay(number: number + n) }
}

/// The days a report covers, both ends included.
public struct StatsPeriod: Equatable, Sendable {
    public let first: StatsDay
    public let last: StatsDay

    /// The longest period a report takes: ten years.
    public static let longestDays = 3650

    public init(first: StatsDay, last: StatsDay) throws(CommunityError) {
        guard first <= last else {
            throw .invalid("the period starts (\(first.text)) after it ends (\(last.text))")
        }
        guard first.distance(to: last) < Self.longestDays else {
            throw .invalid("a period covers at most \(Self.longestDays) days; \(first.text) to \(last.text) is \(first.distance(to: last) + 1) days")
        }
        self.first = first
        self.last = last
    }

    /// The `days` days that end with the day holding `now`.
    public static func last(_ days: Int, endingAt now: Date) -> StatsPeriod {
        let today = StatsDay(now)
        return try! StatsPeriod(first: today.advanced(by: -(max(1, min(days, longestDays)) - 1)), last: today)
    }

    public var days: Int { first.distance(to: last) + 1 }
    /// The period of equal length just before this one.
    public var previous: StatsPeriod { try! StatsPeriod(first: first.advanced(by: -days), last: first.advanced(by: -1)) }
    /// From midnight of the first day to midnight after the last: what queries on stored times compare with.
    public var start: Date { first.start }
    public var end: Date { last.advanced(by: 1).start }

    /// "2026-11-04 to 2026-12-03 (30 days)".
    public var description: String {
        days == 1 ? "\(first.text) (1 day)" : "\(first.text) to \(last.text) (\(days) days)"
    }
}

/// Who sees which parts of the community's figures. Demand is public: members
/// see what the community wants. Moderation health is for moderators and up;
/// activity, participation and the company's responsiveness are for staff.
public enum StatsPart: String, CaseIterable, Codable, Sendable {
    case demand, activity, participation, responsiveness, moderation, ratings

    public var title: String {
        switch self {
        case .demand: "Demand per product and feature"
        case .activity: "Activity per day"
        case .participation: "Participation"
        case .responsiveness: "Company responsiveness"
        case .moderation: "Moderation health"
        case .ratings: "Falling feature ratings"
        }
    }

    /// Who may see the part, as a refusal names them.
    public var audience: String {
        switch self {
        case .demand: "everyone"
        case .moderation: "moderators, managers and admins"
        case .activity, .participation, .responsiveness, .ratings: "managers and admins"
        }
    }

    public static func visible(to role: Role) -> [StatsPart] {
        allCases.filter { part in
            switch part {
            case .demand: true
            case .moderation: role >= .moderator
            case .activity, .participation, .responsiveness, .ratings: role.isStaff
            }
        }
    }
}

extension Rules {
    /// The dashboard screen: the company's side of the community.
    public static func openDashboard(by actor: Actor) throws(CommunityError) {
        guard actor.role.isStaff else { throw .notPermitted("the dashboard is for managers and admins") }
    }

    /// A report that names its parts (`paddock stats --part …`): the parts
    /// the actor may see, in the order asked; refused when they may see none of
    /// them, rather than answered with nothing.
    public static func readStats(_ parts: [StatsPart], by actor: Actor) throws(CommunityError) -> [StatsPart] {
        let visible = StatsPart.visible(to: actor.role)
        let shown = parts.filter(visible.contains)
        guard shown.isEmpty, let first = parts.first else { return shown }
        throw .notPermitted("the \(first.rawValue) figures are for \(first.audience)")
    }
}

/// Support gained over a span of days, set against the span before it.
public struct Gain: Equatable, Codable, Sendable {
    public var now: Int
    public var before: Int

    public init(now: Int, before: Int) { self.now = now; self.before = before }

    public var change: Int { now - before }

    /// The change as a share of what came before; nil when nothing came before.
    public var ratio: Double? { before == 0 ? nil : Double(change) / Double(before) }

    /// "+12 (+50 %)", "+3 (new)", "−2 (−40 %)", "0".
    public var changeText: String {
        let sign = change > 0 ? "+" : change < 0 ? "−" : ""
        let amount = "\(sign)\(abs(change))"
        guard change != 0 else { return "0" }
        guard let ratio else { return amount + " (new)" }
        let percent = Int((abs(ratio) * 100).rounded())
        return "\(amount) (\(sign)\(percent) %)"
    }
}

/// One row of the demand panel: a product as a whole, or one of its features.
public struct DemandRow: Equatable, Codable, Sendable {
    public var product: String
    public var productName: String
    /// nil for the product's own row (each suggestion counted once, whatever its features).
    public var feature: String?
    public var featureName: String?
    public var openSuggestions: Int
    public var totalSupport: Int
    public var gained7: Gain
    public var gained30: Gain
    public var shipped90: Int
    /// A retired product or feature, listed while suggestions about it are still open.
    public var retired: Bool

    public init(product: String, productName: String, feature: String? = nil, featureName: String? = nil, openSuggestions: Int,
                totalSupport: Int, gained7: Gain, gained30: Gain, shipped90: Int, retired: Bool = false) {
        self.product = product
        self.productName = productName
        self.feature = feature
        self.featureName = featureName
        self.openSuggestions = openSuggestions
        self.totalSupport = totalSupport
        self.gained7 = gained7
        self.gained30 = gained30
        self.shipped90 = shipped90
        self.retired = retired
    }

    /// "Furia 950 · Quickshifter", "Furia 950", with " (retired)" after a retired one.
    public var name: String { (featureName.map { "\(productName) · \($0)" } ?? productName) + (retired ? " (retired)" : "") }

    /// The name, made safe and cut to `width` when too long: the product's part
    /// is shortened first (to no less than `productAtLeast` columns), so the
    /// feature's part and a " (retired)" stay readable: "Ardente Furia 95… · Suspension".
    public func name(fitting width: Int, productAtLeast: Int) -> String {
        let full = SafeText.displayable(name)
        guard TextWidth.of(full) > width else { return full }
        let product = SafeText.displayable(productName)
        // What follows the product's name: " · Seat", " · Seat (retired)", " (retired)".
        guard full.hasPrefix(product), full.count > product.count else { return TextWrap.truncate(full, width: width) }
        let tail = String(full.dropFirst(product.count))
        let room = width - TextWidth.of(tail)
        if room >= productAtLeast { return TextWrap.truncate(product, width: room) + tail }
        // The feature's part alone is too wide: keep a little of the product, cut the feature, keep the suffix whole.
        let suffix = tail.hasSuffix(Self.retiredSuffix) && tail.count > Self.retiredSuffix.count ? Self.retiredSuffix : ""
        let head = TextWrap.truncate(product, width: productAtLeast)
        let featureRoom = width - TextWidth.of(head) - TextWidth.of(suffix)
        guard featureRoom >= 4 else { return TextWrap.truncate(full, width: width) }
        return head + TextWrap.truncate(String(tail.dropLast(suffix.count)), width: featureRoom) + suffix
    }

    static let retiredSuffix = " (retired)"
}

public enum Demand {
    /// Rising fastest first: the 7-day change in support, then the 30-day
    /// change, then support gained in 30 days, then the name, so the order is stable.
    public static func risingFirst(_ a: DemandRow, _ b: DemandRow) -> Bool {
        if a.gained7.change != b.gained7.change { return a.gained7.change > b.gained7.change }
        if a.gained30.change != b.gained30.change { return a.gained30.change > b.gained30.change }
        if a.gained30.now != b.gained30.now { return a.gained30.now > b.gained30.now }
        return (a.product, a.feature ?? "") < (b.product, b.feature ?? "")
    }
}

/// One figure per day over the period, oldest first.
public struct DailySeries: Equatable, Codable, Sendable {
    public var name: String
    public var unit: String
    public var first: StatsDay
    public var values: [Int]

    public init(name: String, unit: String, first: StatsDay, values: [Int]) {
        self.name = name
        self.unit = unit
        self.first = first
        self.values = values
    }

    public var total: Int { values.reduce(0, +) }
    /// The busiest day (the earliest of equals), nil when every day is zero.
    public var peak: (day: StatsDay, value: Int)? {
        guard let top = values.max(), top > 0, let index = values.firstIndex(of: top) else { return nil }
        return (first.advanced(by: index), top)
    }

    enum CodingKeys: String, CodingKey { case name, unit, first, values }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(unit, forKey: .unit)
        try c.encode(first.text, forKey: .first)
        try c.encode(values, forKey: .values)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        unit = try c.decode(String.self, forKey: .unit)
        let text = try c.decode(String.self, forKey: .first)
        guard let day = StatsDay(parsing: text) else {
            throw DecodingError.dataCorruptedError(forKey: .first, in: c, debugDescription: "not a day: \(text)")
        }
        first = day
        values = try c.decode([Int].self, forKey: .values)
    }
}

/// Members → readers → posters → suggesters → supporters over the period.
public struct Funnel: Equatable, Codable, Sendable {
    /// Members who had joined by the period's end.
    public var members: Int
    public var readers: Int
    public var posters: Int
    public var suggesters: Int
    public var supporters: Int
    /// Contributors (posted, suggested or supported) whose first contribution ever was in the period.
    public var firstTimeContributors: Int
    /// Contributors who had contributed before the period too.
    public var returningContributors: Int

    public init(members: Int, readers: Int, posters: Int, suggesters: Int, supporters: Int,
                firstTimeContributors: Int, returningContributors: Int) {
        self.members = members
        self.readers = readers
        self.posters = posters
        self.suggesters = suggesters
        self.supporters = supporters
        self.firstTimeContributors = firstTimeContributors
        self.returningContributors = returningContributors
    }

    public var steps: [(name: String, count: Int)] {
        [("members", members), ("readers", readers), ("posters", posters), ("suggesters", suggesters), ("supporters", supporters)]
    }
}

/// A suggestion that reached review and still waits for the company's answer.
public struct WaitingSuggestion: Equatable, Codable, Sendable {
    public var id: Int64
    public var title: String
    public var product: String
    public var since: Date

    public init(id: Int64, title: String, product: String, since: Date) {
        self.id = id
        self.title = title
        self.product = product
        self.since = since
    }
}

public struct Responsiveness: Equatable, Codable, Sendable {
    /// Suggestions that reached review in the period, and how many of them have an official response.
    public var reachedReview: Int
    public var answered: Int
    /// From reaching review to the first official response, over those answered (seconds).
    public var medianSeconds: Int?
    public var p90Seconds: Int?
    /// Under review for more than ``Responsiveness/overdueDays`` days today, oldest first (the first few).
    public var overdue: [WaitingSuggestion]
    public var overdueCount: Int
    /// Suggestions posted in the period, and how many of them have had any official response.
    public var posted: Int
    public var postedAnswered: Int

    public static let overdueDays = 30

    public init(reachedReview: Int, answered: Int, medianSeconds: Int?, p90Seconds: Int?, overdue: [WaitingSuggestion],
                overdueCount: Int, posted: Int, postedAnswered: Int) {
        self.reachedReview = reachedReview
        self.answered = answered
        self.medianSeconds = medianSeconds
        self.p90Seconds = p90Seconds
        self.overdue = overdue
        self.overdueCount = overdueCount
        self.posted = posted
        self.postedAnswered = postedAnswered
    }

    /// The share of suggestions posted in the period that got any official response; nil when none was posted.
    public var answeredShare: Double? { posted == 0 ? nil : Double(postedAnswered) / Double(posted) }
}

public struct ModerationHealth: Equatable, Codable, Sendable {
    /// Open review items now.
    public var queue: Int
    /// Review items resolved in the period, and the time from first flag to decision.
    public var handled: Int
    public var medianHandleSeconds: Int?
    /// Flags raised in the period, by reason (every reason present, zero included).
    public var flagsByReason: [FlagReason: Int]
    /// Posts hidden in the period (by flags or by a moderator), and hidden posts made visible again.
    public var hidden: Int
    public var restored: Int

    public init(queue: Int, handled: Int, medianHandleSeconds: Int?, flagsByReason: [FlagReason: Int], hidden: Int, restored: Int) {
        self.queue = queue
        self.handled = handled
        self.medianHandleSeconds = medianHandleSeconds
        self.flagsByReason = Dictionary(uniqueKeysWithValues: FlagReason.allCases.map { ($0, flagsByReason[$0] ?? 0) })
        self.hidden = hidden
        self.restored = restored
    }

    public var flags: Int { flagsByReason.values.reduce(0, +) }
}

/// Every figure of the manager's view for one period, as much of it as the
/// viewer may see (``StatsPart/visible(to:)``): a part they may not see is nil.
public struct CommunityStats: Equatable, Sendable {
    public var period: StatsPeriod
    /// When the figures were read: "today" is the day holding it.
    public var asOf: Date
    public var demand: [DemandRow]?
    public var activity: [DailySeries]?
    public var funnel: Funnel?
    public var responsiveness: Responsiveness?
    public var moderation: ModerationHealth?
    /// Features whose 30-day average rating (ending with the period's last day) fell against the 30 days before.
    public var fallingRatings: [FallingRating]?

    public init(period: StatsPeriod, asOf: Date, demand: [DemandRow]? = nil, activity: [DailySeries]? = nil, funnel: Funnel? = nil,
                responsiveness: Responsiveness? = nil, moderation: ModerationHealth? = nil, fallingRatings: [FallingRating]? = nil) {
        self.fallingRatings = fallingRatings
        self.period = period
        self.asOf = asOf
        self.demand = demand
        self.activity = activity
        self.funnel = funnel
        self.responsiveness = responsiveness
        self.moderation = moderation
    }
}

/// What a stats request asks for.
public struct StatsQuery: Equatable, Sendable {
    public var period: StatsPeriod
    /// Only this product's demand (its own row and its features'), by slug.
    public var product: String?
    /// Only this feature of ``product``.
    public var feature: String?
    public var parts: Set<StatsPart>
    /// How many of the suggestions waiting too long for an answer to name (all are counted).
    public var overdueLimit: Int

    public init(period: StatsPeriod, product: String? = nil, feature: String? = nil, parts: Set<StatsPart> = Set(StatsPart.allCases),
                overdueLimit: Int = 5) {
        self.period = period
        self.product = product
        self.feature = feature
        self.parts = parts
        self.overdueLimit = overdueLimit
    }
}

public enum Percentile {
    /// The nearest-rank percentile (`p` in 0…1) of `values`: the smallest value
    /// with at least p of them at or below it. The median of 1, 2, 3, 4 is 2. nil when empty.
    public static func nearestRank(_ p: Double, of values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = max(1, Int((p * Double(sorted.count)).rounded(.up)))
        return sorted[min(rank, sorted.count) - 1]
    }
}
