import Foundation

// MARK: - Feature ratings

extension Limits {
    /// A review is a line beside the stars, not a post: a thread is for more.
    public static let reviewCharacters = 200
    public static let stars = 1...5
}

extension Validate {
    /// Stars of a rating: 1 to 5.
    public static func stars(_ stars: Int) throws(CommunityError) -> Int {
        guard Limits.stars.contains(stars) else {
            throw .invalid("a rating is 1 to 5 stars; \(stars) is not one")
        }
        return stars
    }

    /// A rating's review: one line of at most 200 characters, possibly empty.
    /// Stored as written (trimmed); drawn through SafeText like any member text.
    public static func review(_ review: String) throws(CommunityError) -> String {
        let trimmed = review.trimmingWhitespace
        guard !review.unicodeScalars.contains("\u{0}") else { throw .invalid(nulRefusal("review")) }
        guard !trimmed.contains(where: { $0.isNewline }) else { throw .invalid("the review must be one line") }
        guard trimmed.count <= Limits.reviewCharacters else {
            throw .invalid("the review is \(trimmed.count) characters; the limit is \(Limits.reviewCharacters)")
        }
        return trimmed
    }
}

extension Rules {
    /// Saying one rides a product (or no longer does) changes only one's own
    /// profile: anyone who may act may.
    public static func ride(by actor: Actor, now: Date) throws(CommunityError) {
        try mayAct(actor, now: now)
    }

    /// Rating a feature is writing (the review is text others read), and only
    /// an owner of the product rates its features.
    public static func rate(by actor: Actor, rides: Bool, product: String, now: Date) throws(CommunityError) {
        try mayWrite(actor, now: now)
        guard rides else {
            throw .notPermitted("only owners rate a product's features: say you ride \(product) first")
        }
    }
}

/// A sum of stars and the number of ratings it adds up: what the store keeps
/// per feature and per feature and day, so an average costs one row.
public struct RatingTally: Equatable, Codable, Sendable {
    public var stars: Int
    public var count: Int

    public init(stars: Int = 0, count: Int = 0) {
        self.stars = stars
        self.count = count
    }

    /// nil when nobody rated.
    public var average: Double? { count == 0 ? nil : Double(stars) / Double(count) }

    public static func + (a: RatingTally, b: RatingTally) -> RatingTally { RatingTally(stars: a.stars + b.stars, count: a.count + b.count) }

    /// "4.2" (one decimal), "—" when nobody rated.
    public var averageText: String { average.map { String(format: "%.1f", $0) } ?? "—" }
}

/// How a feature's rating moves: the last 30 days against the 30 before, and
/// weekly averages over 13 weeks (91 days). An edited rating counts on the day
/// of its latest edit, with its new stars: the trend follows what owners think
/// now, and a rating is never counted twice.
public struct RatingTrend: Equatable, Codable, Sendable {
    /// Days in each of the two windows compared.
    public static let windowDays = 30
    /// Days the weekly line covers: 13 weeks.
    public static let weeks = 13
    public static var trendDays: Int { weeks * 7 }
    /// A drop shows as falling only when each window holds at least this many
    /// ratings (one grumpy owner is not a trend) and the average fell by at least `fallAtLeast` stars.
    public static let fallingMinimumRatings = 2
    public static let fallAtLeast = 0.25
    /// The rule above, said for a manager reading the list.
    public static let fallingRule = "A feature is falling when it has at least \(fallingMinimumRatings) ratings in each "
        + "\(windowDays)-day span and its average fell by at least a quarter star."

    public var recent: RatingTally
    public var before: RatingTally
    /// Oldest first; the last week ends today.
    public var weekly: [RatingTally]

    public init(recent: RatingTally, before: RatingTally, weekly: [RatingTally]) {
        self.recent = recent
        self.before = before
        self.weekly = weekly
    }

    /// From per-day tallies (by day) ending with `today`.
    public init(days: [StatsDay: RatingTally], today: StatsDay) {
        func sum(_ range: ClosedRange<Int>) -> RatingTally {
            range.reduce(RatingTally()) { $0 + (days[today.advanced(by: -$1)] ?? RatingTally()) }
        }
        recent = sum(0...(Self.windowDays - 1))
        before = sum(Self.windowDays...(2 * Self.windowDays - 1))
        weekly = (0..<Self.weeks).reversed().map { week in sum((week * 7)...(week * 7 + 6)) }
    }

    /// The change of the average, recent against before; nil when either window is empty.
    public var change: Double? {
        guard let now = recent.average, let then = before.average else { return nil }
        return now - then
    }

    public var isFalling: Bool { Self.isFalling(recent: recent, before: before) }

    public static func isFalling(recent: RatingTally, before: RatingTally) -> Bool {
        guard recent.count >= fallingMinimumRatings, before.count >= fallingMinimumRatings,
              let now = recent.average, let then = before.average else { return false }
        return then - now >= fallAtLeast - 1e-9
    }

    /// "−0.8", "+0.3", "0.0"; "—" when there is nothing to compare.
    public var changeText: String {
        guard let change else { return "—" }
        let rounded = (change * 10).rounded() / 10
        if rounded == 0 { return "0.0" }
        return (rounded > 0 ? "+" : "−") + String(format: "%.1f", abs(rounded))
    }

    /// The weekly averages as a sparkline on the stars' own scale, one glyph a
    /// week: 1 star the lowest glyph, 5 the highest, whatever the feature's
    /// best week was; a week without ratings is ``Sparkline/none``.
    public func sparkline(style: ChartStyle) -> String {
        Sparkline.draw(scaled: weekly.map { $0.average.map { ($0 - 1) / 4 } }, style: style)
    }
}

/// One feature's ratings as a page shows them.
public struct FeatureRatings: Equatable, Codable, Sendable {
    public var product: String
    public var productName: String
    public var feature: String
    public var featureName: String
    public var total: RatingTally
    public var trend: RatingTrend
    /// The viewer's own rating, when they rated it.
    public var mine: FeatureRating?
    /// Whether the viewer rides the product (may rate).
    public var viewerRides: Bool
    /// The latest reviews, newest first.
    public var reviews: [FeatureRating]

    public init(product: String, productName: String, feature: String, featureName: String, total: RatingTally, trend: RatingTrend,
                mine: FeatureRating?, viewerRides: Bool, reviews: [FeatureRating]) {
        self.product = product
        self.productName = productName
        self.feature = feature
        self.featureName = featureName
        self.total = total
        self.trend = trend
        self.mine = mine
        self.viewerRides = viewerRides
        self.reviews = reviews
    }
}

/// A member's rating of a feature.
public struct FeatureRating: Equatable, Codable, Sendable {
    public var handle: String
    public var stars: Int
    public var review: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(handle: String, stars: Int, review: String, createdAt: Date, updatedAt: Date) {
        self.handle = handle
        self.stars = stars
        self.review = review
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// "★★★★☆".
    public static func starsText(_ stars: Int) -> String {
        String(repeating: "★", count: max(0, min(5, stars))) + String(repeating: "☆", count: max(0, 5 - max(0, stars)))
    }
}

/// A feature whose 30-day average fell against the 30 days before: a line of
/// the managers' "falling ratings" part.
public struct FallingRating: Equatable, Codable, Sendable {
    public var product: String
    public var productName: String
    public var feature: String
    public var featureName: String
    public var recent: RatingTally
    public var before: RatingTally

    public init(product: String, productName: String, feature: String, featureName: String, recent: RatingTally, before: RatingTally) {
        self.product = product
        self.productName = productName
        self.feature = feature
        self.featureName = featureName
        self.recent = recent
        self.before = before
    }

    public var name: String { "\(productName) · \(featureName)" }
    public var trend: RatingTrend { RatingTrend(recent: recent, before: before, weekly: []) }

    /// Steepest fall first, then the name, so the order is stable.
    public static func steepestFirst(_ a: FallingRating, _ b: FallingRating) -> Bool {
        let da = a.trend.change ?? 0, db = b.trend.change ?? 0
        if da != db { return da < db }
        return (a.product, a.feature) < (b.product, b.feature)
    }
}

// MARK: - For you

/// How a member engaged with a feature: each is one source the store reads
/// (indexed by member), so a new kind (a poll vote) is one more case and one
/// more source.
public enum EngagementKind: String, Codable, CaseIterable, Sendable {
    case wrote, rated, voted, replied, supported

    /// How much the kind says about interest: writing or rating more than a click of support.
    public var weight: Double {
        switch self {
        case .wrote: 1.0
        case .rated: 0.9
        // An opinion asked for by the company, liked or not: interest, though less than a rating of one's own.
        case .voted: 0.85
        case .replied: 0.8
        case .supported: 0.7
        }
    }

    /// "supported Quickshifter smoother", "rated Quickshifter".
    public func reason(_ subject: String) -> String {
        switch self {
        case .wrote: "because you wrote \(subject)"
        case .rated: "because you rated \(subject)"
        case .voted: "because you gave your opinion of \(subject) in a poll"
        case .replied: "because you replied to \(subject)"
        case .supported: "because you supported \(subject)"
        }
    }
}

/// One engagement of a member with a feature: what they did, about what
/// (a suggestion's title, or the feature's name for a rating), and when.
public struct Engagement: Equatable, Sendable {
    public var kind: EngagementKind
    public var featureId: Int64
    public var subject: String
    /// The suggestion engaged with, if any: it is not recommended back.
    public var suggestionId: Int64?
    public var at: Date

    public init(kind: EngagementKind, featureId: Int64, subject: String, suggestionId: Int64? = nil, at: Date) {
        self.kind = kind
        self.featureId = featureId
        self.subject = subject
        self.suggestionId = suggestionId
        self.at = at
    }
}

/// The For-you weighting. An entry's score is its feature's engagement weight
/// times the suggestion's momentum:
///
/// - engagement: the kind's weight × 0.5^(age / 30 days) — an engagement a
///   month old counts half; of several with one feature, the strongest counts
///   (and is the reason given);
/// - momentum: 1 + log2(1 + supporters gained in the last 14 days) — how fast
///   support comes in now, with diminishing returns, so a quiet suggestion
///   still shows for a fresh engagement, and a busy one rises; and
///   × (1 + 0.25 · log2(1 + the feature's support per open suggestion over
///   14 days)) — a lively feature lifts its suggestions a little.
public enum ForYou {
    public static let halfLifeDays = 30.0
    public static let paceDays = 14
    /// Features read per member (their strongest engagements), and candidates per feature: the read is bounded.
    public static let featuresRead = 12
    public static let candidatesPerFeature = 8
    /// Engagements read per source (the most recent).
    public static let engagementsPerSource = 60

    public static func engagementWeight(_ kind: EngagementKind, at: Date, now: Date) -> Double {
        let ageDays = max(0, now.timeIntervalSince(at) / 86_400)
        return kind.weight * pow(0.5, ageDays / halfLifeDays)
    }

    public static func momentum(recentSupport: Int, featureRecentSupport: Int, featureOpenSuggestions: Int) -> Double {
        let own = 1 + log2(1 + Double(max(0, recentSupport)))
        let featurePace = Double(max(0, featureRecentSupport)) / Double(max(1, featureOpenSuggestions))
        return own * (1 + 0.25 * log2(1 + featurePace))
    }

    /// The strongest engagement per feature (the one whose reason is given).
    public static func strongest(_ engagements: [Engagement], now: Date) -> [Int64: (engagement: Engagement, weight: Double)] {
        var best: [Int64: (engagement: Engagement, weight: Double)] = [:]
        for e in engagements {
            let w = engagementWeight(e.kind, at: e.at, now: now)
            if let current = best[e.featureId], current.weight >= w { continue }
            best[e.featureId] = (e, w)
        }
        return best
    }

    /// An entry's score: its feature's engagement weight times its momentum.
    public static func score(engagement weight: Double, recentSupport: Int, featureRecentSupport: Int, featureOpenSuggestions: Int) -> Double {
        weight * momentum(recentSupport: recentSupport, featureRecentSupport: featureRecentSupport, featureOpenSuggestions: featureOpenSuggestions)
    }
}
