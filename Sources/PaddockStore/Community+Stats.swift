import Foundation
import GRDB
import PaddockCore

/// The manager's view. Every figure comes from the per-day counters and
/// per-suggestion times of `Schema.v11ActivityCounts` or from covering
/// indexes, over ranges of days: the cost follows the period and the catalog,
/// not the number of posts.
extension Community {
    /// The figures of `query.period`, as much of them as the actor may see
    /// (`StatsPart.visible(to:)`): a part they may not see is nil. "Now" (for
    /// what waits today and the queue) is the community's clock.
    public func stats(by actor: Actor, _ query: StatsQuery) throws -> CommunityStats {
        try applyDueMilestones()
        let now = self.now
        return try writer.read { db in
            let actor = try Self.fresh(db, actor)
            let parts = query.parts.intersection(StatsPart.visible(to: actor.role))
            let scope = try DemandScope(db, product: query.product, feature: query.feature)
            let period = query.period
            let today = StatsDay(now)
            guard period.last <= today else {
                throw CommunityError.invalid("the period ends \(period.last.text), after today (\(today.text)): figures exist up to today")
            }
            var stats = CommunityStats(period: period, asOf: now)
            if parts.contains(.demand) { stats.demand = try Self.demand(db, scope: scope, endingOn: period.last) }
            if parts.contains(.activity) { stats.activity = try Self.activity(db, scope: scope, period: period) }
            if parts.contains(.participation) { stats.funnel = try Self.funnel(db, period: period) }
            if parts.contains(.responsiveness) {
                stats.responsiveness = try Self.responsiveness(db, period: period, now: now, overdueLimit: max(0, query.overdueLimit))
            }
            if parts.contains(.moderation) { stats.moderation = try Self.moderationHealth(db, period: period) }
            if parts.contains(.ratings) { stats.fallingRatings = try Self.fallingRatings(db, endingOn: period.last) }
            return stats
        }
    }
}

/// The products and features a report covers: every product and feature not
/// retired, and retired ones while suggestions about them are open; or the
/// product asked for, with those of its features or the one asked for.
private struct DemandScope {
    var products: [ProductSummary]
    var features: [FeatureSummary]
    /// Set when the report is about one product, or one feature of it.
    var product: ProductSummary?
    var feature: FeatureSummary?

    static let listed = "(retiredAt IS NULL OR EXISTS (SELECT 1 FROM featureDemand d WHERE d.featureId = feature.id AND d.openSuggestions > 0))"

    init(_ db: Database, product productSlug: String?, feature featureSlug: String?) throws {
        if let featureSlug, productSlug == nil {
            throw CommunityError.invalid("a feature belongs to a product: name the product too (--product SLUG --feature \(featureSlug))")
        }
        if let productSlug {
            let product = try Community.product(db, slug: productSlug)
            self.product = product
            products = [product]
            if let featureSlug {
                let feature = try Community.feature(db, product: productSlug, slug: featureSlug)
                self.feature = feature
                features = [feature]
            } else {
                features = try FeatureSummary.fetchAll(db, sql: "SELECT * FROM feature WHERE productId = ? AND \(Self.listed)",
                                                       arguments: [product.id])
            }
        } else {
            products = try ProductSummary.fetchAll(db, sql: """
                SELECT * FROM product WHERE retiredAt IS NULL
                   OR EXISTS (SELECT 1 FROM productDemand d WHERE d.productId = product.id AND d.openSuggestions > 0)
                """)
            features = try FeatureSummary.fetchAll(db, sql: "SELECT * FROM feature WHERE \(Self.listed)")
        }
    }
}

/// One product's or feature's demand figures, before they are named.
private struct DemandFigures {
    let open: Int, support: Int
    let gained7: Gain, gained30: Gain
    let shipped90: Int

    func row(product: ProductSummary, feature: FeatureSummary? = nil, retired: Bool) -> DemandRow {
        DemandRow(product: product.slug, productName: product.name, feature: feature?.slug, featureName: feature?.name,
                  openSuggestions: open, totalSupport: support, gained7: gained7, gained30: gained30, shipped90: shipped90, retired: retired)
    }
}

extension Community {
    /// Per product and per feature: open suggestions and their support now,
    /// support gained in the 7 and 30 days ending `last` against the spans
    /// before, and suggestions shipped in the 90 days ending `last`.
    private static func demand(_ db: Database, scope: DemandScope, endingOn last: StatsDay) throws -> [DemandRow] {
        let products = Dictionary(uniqueKeysWithValues: scope.products.map { ($0.id, $0) })
        let day = { (offset: Int) in last.advanced(by: offset).text }
        // Gains over the 60 days before and including `last`, in one range of each day table.
        let gainColumns = """
            SUM(CASE WHEN day > '\(day(-7))' THEN supports ELSE 0 END) AS now7,
            SUM(CASE WHEN day > '\(day(-14))' AND day <= '\(day(-7))' THEN supports ELSE 0 END) AS before7,
            SUM(CASE WHEN day > '\(day(-30))' THEN supports ELSE 0 END) AS now30,
            SUM(supports) - SUM(CASE WHEN day > '\(day(-30))' THEN supports ELSE 0 END) AS before30
            """
        let shippedIn = "s.status = 'shipped' AND s.statusChangedAt >= ? AND s.statusChangedAt < ?"
        let shippedSpan: StatementArguments = [last.advanced(by: -89).start.stored, last.advanced(by: 1).start.stored]
        // A product's or a feature's figures, by its id: `key` in its day table and its open counter.
        func figures(key: String, days: String, counter: String, shipped: String) throws -> (Int64) -> DemandFigures {
            let gained = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                SELECT \(key) AS id, \(gainColumns) FROM \(days) WHERE day > ? AND day <= ? GROUP BY \(key)
                """, arguments: [day(-60), day(0)]).map {
                    ($0["id"] as Int64, (Gain(now: $0["now7"], before: $0["before7"]), Gain(now: $0["now30"], before: $0["before30"])))
                })
            let open = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT \(key) AS id, openSuggestions, openSupport FROM \(counter)")
                .map { ($0["id"] as Int64, ($0["openSuggestions"] as Int, $0["openSupport"] as Int)) })
            let shipped = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: shipped, arguments: shippedSpan).map { ($0["id"] as Int64, $0["n"] as Int) })
            let none = Gain(now: 0, before: 0)
            return { id in
                DemandFigures(open: open[id]?.0 ?? 0, support: open[id]?.1 ?? 0, gained7: gained[id]?.0 ?? none,
                              gained30: gained[id]?.1 ?? none, shipped90: shipped[id] ?? 0)
            }
        }

        var rows: [DemandRow] = []
        if scope.feature == nil {
            let of = try figures(key: "productId", days: "productDemandDay", counter: "productDemand", shipped: """
                SELECT s.productId AS id, COUNT(*) AS n FROM suggestion s INDEXED BY suggestion_on_status_changed WHERE \(shippedIn) GROUP BY 1
                """)
            for product in scope.products {
                rows.append(of(product.id).row(product: product, retired: product.retiredAt != nil))
            }
        }
        let of = try figures(key: "featureId", days: "featureDemandDay", counter: "featureDemand", shipped: """
            SELECT sf.featureId AS id, COUNT(*) AS n FROM suggestion s INDEXED BY suggestion_on_status_changed
            JOIN suggestionFeature sf ON sf.threadId = s.threadId WHERE \(shippedIn) GROUP BY 1
            """)
        for feature in scope.features {
            guard let product = products[feature.productId] else { continue }
            rows.append(of(feature.id).row(product: product, feature: feature, retired: feature.retiredAt != nil || product.retiredAt != nil))
        }
        return rows.sorted(by: Demand.risingFirst)
    }

    /// Posts, new suggestions, supports and new members per day; for one
    /// product or feature, its new suggestions and supports.
    private static func activity(_ db: Database, scope: DemandScope, period: StatsPeriod) throws -> [DailySeries] {
        func series(_ sql: String, _ arguments: StatementArguments, _ columns: [(column: String, name: String, unit: String)]) throws -> [DailySeries] {
            var values = columns.map { _ in [Int](repeating: 0, count: period.days) }
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                guard let day = StatsDay(parsing: row["day"]) else { continue }
                let index = period.first.distance(to: day)
                guard values[0].indices.contains(index) else { continue }
                for (i, column) in columns.enumerated() { values[i][index] = row[column.column] }
            }
            return zip(columns, values).map { DailySeries(name: $0.name, unit: $0.unit, first: period.first, values: $1) }
        }
        let range: StatementArguments = [period.first.text, period.last.text]
        if let feature = scope.feature {
            return try series("SELECT day, suggestions, supports FROM featureDemandDay WHERE day >= ? AND day <= ? AND featureId = ?",
                              range + [feature.id],
                              [("suggestions", "New suggestions on \(feature.name)", "suggestions"), ("supports", "Support on \(feature.name)", "supports")])
        }
        if let product = scope.product {
            return try series("SELECT day, suggestions, supports FROM productDemandDay WHERE day >= ? AND day <= ? AND productId = ?",
                              range + [product.id],
                              [("suggestions", "New suggestions on \(product.name)", "suggestions"), ("supports", "Support on \(product.name)", "supports")])
        }
        return try series("SELECT day, posts, suggestions, supports, members FROM activityDay WHERE day >= ? AND day <= ?", range, [
            ("posts", "Posts", "posts"), ("suggestions", "New suggestions", "suggestions"),
            ("supports", "Supports", "supports"), ("members", "New members", "members"),
        ])
    }

    /// Distinct members at each step over the period's days; a contributor is
    /// first-time when they had never posted, suggested or supported before it.
    private static func funnel(_ db: Database, period: StatsPeriod) throws -> Funnel {
        let members = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(members), 0) FROM activityDay WHERE day <= ?",
                                       arguments: [period.last.text]) ?? 0
        let row = try Row.fetchOne(db, sql: """
            SELECT COALESCE(SUM(reads > 0), 0) AS readers, COALESCE(SUM(posts > 0), 0) AS posters,
                   COALESCE(SUM(suggestions > 0), 0) AS suggesters, COALESCE(SUM(supports > 0), 0) AS supporters,
                   COALESCE(SUM(contributed AND NOT EXISTS (
                     SELECT 1 FROM memberDay e INDEXED BY memberDay_on_contribution
                     WHERE e.memberId = m.memberId AND e.day < ? AND e.posts + e.suggestions + e.supports > 0)), 0) AS firstTime,
                   COALESCE(SUM(contributed), 0) AS contributors
            FROM (SELECT memberId, SUM(reads) AS reads, SUM(posts) AS posts, SUM(suggestions) AS suggestions, SUM(supports) AS supports,
                         SUM(posts + suggestions + supports) > 0 AS contributed
                  FROM memberDay WHERE day >= ? AND day <= ? GROUP BY memberId) m
            """, arguments: [period.first.text, period.first.text, period.last.text])!
        let firstTime: Int = row["firstTime"]
        return Funnel(members: members, readers: row["readers"], posters: row["posters"], suggesters: row["suggesters"],
                      supporters: row["supporters"], firstTimeContributors: firstTime,
                      returningContributors: (row["contributors"] as Int) - firstTime)
    }

    private static func responsiveness(_ db: Database, period: StatsPeriod, now: Date, overdueLimit: Int) throws -> Responsiveness {
        let reviews = try Row.fetchAll(db, sql: """
            SELECT reviewReachedAt, reviewAnsweredAt FROM suggestion INDEXED BY suggestion_on_review_reached
            WHERE reviewReachedAt >= ? AND reviewReachedAt < ?
            """, arguments: [period.start.stored, period.end.stored])
        let waits = reviews.compactMap { row -> Int? in
            guard let reached = row.date("reviewReachedAt"), let answered = row.date("reviewAnsweredAt") else { return nil }
            return max(0, Int(answered.timeIntervalSince(reached)))
        }
        let cutoff = now.addingTimeInterval(-TimeInterval(Responsiveness.overdueDays) * 86_400).stored
        let overdueRows = try Row.fetchAll(db, sql: """
            SELECT s.threadId, t.title, p.slug, s.statusChangedAt FROM suggestion s INDEXED BY suggestion_on_status_changed
            JOIN thread t ON t.id = s.threadId JOIN product p ON p.id = s.productId
            WHERE s.status = 'under_review' AND s.statusChangedAt < ? AND t.hidden = 0
            ORDER BY s.statusChangedAt, s.threadId LIMIT ?
            """, arguments: [cutoff, overdueLimit])
        let overdueCount = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM suggestion s INDEXED BY suggestion_on_status_changed JOIN thread t ON t.id = s.threadId
            WHERE s.status = 'under_review' AND s.statusChangedAt < ? AND t.hidden = 0
            """, arguments: [cutoff]) ?? 0
        let posted = try Row.fetchOne(db, sql: """
            SELECT COUNT(*) AS n, COUNT(s.firstResponseAt) AS answered FROM thread t INDEXED BY thread_on_kind_created
            JOIN suggestion s ON s.threadId = t.id
            WHERE t.kind = 'suggestion' AND t.hidden IN (0, 1) AND t.createdAt >= ? AND t.createdAt < ?
            """, arguments: [period.start.stored, period.end.stored])!
        return Responsiveness(
            reachedReview: reviews.count, answered: waits.count,
            medianSeconds: Percentile.nearestRank(0.5, of: waits), p90Seconds: Percentile.nearestRank(0.9, of: waits),
            overdue: overdueRows.map { WaitingSuggestion(id: $0["threadId"], title: $0["title"], product: $0["slug"], since: $0.date("statusChangedAt")!) },
            overdueCount: overdueCount, posted: posted["n"], postedAnswered: posted["answered"])
    }

    private static func moderationHealth(_ db: Database, period: StatsPeriod) throws -> ModerationHealth {
        let queue = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reviewItem WHERE state = 'open'") ?? 0
        let handled = try Row.fetchAll(db, sql: """
            SELECT firstFlaggedAt, resolvedAt FROM reviewItem INDEXED BY reviewItem_on_resolved WHERE resolvedAt >= ? AND resolvedAt < ?
            """, arguments: [period.start.stored, period.end.stored])
        let handleTimes = handled.compactMap { row -> Int? in
            guard let flagged = row.date("firstFlaggedAt"), let resolved = row.date("resolvedAt") else { return nil }
            return max(0, Int(resolved.timeIntervalSince(flagged)))
        }
        var byReason: [FlagReason: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT reason, COUNT(*) AS n FROM flag INDEXED BY flag_on_created WHERE createdAt >= ? AND createdAt < ? GROUP BY reason
            """, arguments: [period.start.stored, period.end.stored]) {
            if let reason = FlagReason(rawValue: row["reason"]) { byReason[reason] = row["n"] }
        }
        let states = try Row.fetchOne(db, sql: """
            SELECT COALESCE(SUM(hidden), 0) AS hidden, COALESCE(SUM(restored), 0) AS restored FROM activityDay WHERE day >= ? AND day <= ?
            """, arguments: [period.first.text, period.last.text])!
        return ModerationHealth(queue: queue, handled: handled.count, medianHandleSeconds: Percentile.nearestRank(0.5, of: handleTimes),
                                flagsByReason: byReason, hidden: states["hidden"], restored: states["restored"])
    }
}
