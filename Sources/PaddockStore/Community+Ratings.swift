import Foundation
import GRDB
import PaddockCore

/// Feature ratings: owners ("I ride this") rate a product's features 1–5 with
/// a short review, one rating per member per feature, editable. Averages and
/// trends read the totals `Schema.v15Ratings` keeps, never the ratings.
extension Community {
    /// Says the actor rides (owns) `product`, or with `rides: false` that they
    /// no longer do. When the method returns, the product is among
    /// `products(riddenBy:)` exactly when `rides`. Their ratings stay either way.
    @discardableResult
    public func setRides(by actor: Actor, product productSlug: String, rides: Bool) throws -> ProductSummary {
        let now = self.now
        return try writer.write { db in
            let actor = try Self.fresh(db, actor)
            try Rules.ride(by: actor, now: now)
            let product = try Self.product(db, slug: productSlug)
            if rides {
                try db.execute(sql: "INSERT OR IGNORE INTO productRider (memberId, productId, createdAt) VALUES (?, ?, ?)",
                               arguments: [actor.id, product.id, now.stored])
            } else {
                try db.execute(sql: "DELETE FROM productRider WHERE memberId = ? AND productId = ?", arguments: [actor.id, product.id])
            }
            return product
        }
    }

    /// The products a member rides, by name: what a profile shows ("rides: Furia 950").
    public func products(riddenBy handle: String) throws -> [ProductSummary] {
        try writer.read { db in
            let member = try Self.member(db, handle: handle)
            return try Self.productsRidden(db, member: member.id!)
        }
    }

    static func productsRidden(_ db: Database, member: Int64) throws -> [ProductSummary] {
        try ProductSummary.fetchAll(db, sql: """
            SELECT p.* FROM productRider r JOIN product p ON p.id = r.productId WHERE r.memberId = ? ORDER BY p.name
            """, arguments: [member])
    }

    /// Rates a feature of a product the actor rides, or changes their rating.
    /// When the method returns, the actor's rating of the feature is `stars`
    /// with `review`, dated now; the feature's totals count it once, and its
    /// day sums count it on today (an edit moves it from the day it counted on).
    @discardableResult
    public func rate(by actor: Actor, product productSlug: String, feature featureSlug: String, stars: Int,
                     review: String? = "") throws -> FeatureRatings {
        let stars = try Validate.stars(stars)
        // nil keeps the stored review as it is (a new rating gets none): the app sends one only when the member typed it.
        let review = try review.map { (text: String) throws(CommunityError) -> String in try Validate.review(text) }
        let now = self.now
        return try writer.write { db in
            let actor = try Self.fresh(db, actor)
            let feature = try Self.feature(db, product: productSlug, slug: featureSlug)
            let product = try Self.product(db, slug: productSlug)
            let rides = try Self.rides(db, member: actor.id, product: product.id)
            try Rules.rate(by: actor, rides: rides, product: product.slug, now: now)
            guard feature.retiredAt == nil, product.retiredAt == nil else {
                throw CommunityError.invalid("\(product.name) · \(feature.name) is retired: it takes no new ratings")
            }
            try db.execute(sql: """
                INSERT INTO featureRating (featureId, memberId, stars, review, createdAt, updatedAt)
                VALUES (:feature, :member, :stars, COALESCE(:review, ''), :now, :now)
                ON CONFLICT (featureId, memberId) DO UPDATE SET stars = excluded.stars, review = COALESCE(:review, featureRating.review),
                  updatedAt = excluded.updatedAt
                """, arguments: ["feature": feature.id, "member": actor.id, "stars": stars, "review": review, "now": now.stored])
            return try Self.featureRatings(db, product: product, feature: feature, viewer: actor, now: now, reviews: 5)
        }
    }

    /// A feature's ratings: its average and count, the last 30 days against
    /// the 30 before, weekly averages over 13 weeks, the latest reviews, and
    /// the viewer's own rating and whether they ride the product.
    public func featureRatings(product productSlug: String, feature featureSlug: String, viewer: Actor?,
                               reviews: Int = 10) throws -> FeatureRatings {
        let now = self.now
        return try writer.read { db in
            let feature = try Self.feature(db, product: productSlug, slug: featureSlug)
            let product = try Self.product(db, slug: productSlug)
            return try Self.featureRatings(db, product: product, feature: feature, viewer: viewer, now: now, reviews: max(0, min(reviews, 100)))
        }
    }

    /// Every feature of a product with its ratings (no reviews): what `paddock ratings PRODUCT` lists.
    public func productRatings(product productSlug: String) throws -> [FeatureRatings] {
        let now = self.now
        return try writer.read { db in
            let product = try Self.product(db, slug: productSlug)
            let features = try FeatureSummary.fetchAll(db, sql: "SELECT * FROM feature WHERE productId = ? ORDER BY name", arguments: [product.id])
            return try features.map { try Self.featureRatings(db, product: product, feature: $0, viewer: nil, now: now, reviews: 0) }
        }
    }

    static func rides(_ db: Database, member: Int64, product: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM productRider WHERE memberId = ? AND productId = ?)",
                          arguments: [member, product]) ?? false
    }

    static func featureRatings(_ db: Database, product: ProductSummary, feature: FeatureSummary, viewer: Actor?, now: Date,
                               reviews: Int) throws -> FeatureRatings {
        let total = try Row.fetchOne(db, sql: "SELECT stars, ratings FROM featureRatingTotal WHERE featureId = ?", arguments: [feature.id])
            .map { RatingTally(stars: $0["stars"], count: $0["ratings"]) } ?? RatingTally()
        let today = StatsDay(now)
        let span = max(RatingTrend.trendDays, 2 * RatingTrend.windowDays)
        var days: [StatsDay: RatingTally] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT day, stars, ratings FROM featureRatingDay WHERE featureId = ? AND day > ? AND day <= ?
            """, arguments: [feature.id, today.advanced(by: -span).text, today.text]) {
            if let day = StatsDay(parsing: row["day"]) { days[day] = RatingTally(stars: row["stars"], count: row["ratings"]) }
        }
        let select = """
            SELECT m.handle, r.stars, r.review, r.createdAt, r.updatedAt FROM featureRating r JOIN member m ON m.id = r.memberId
            """
        func rating(_ row: Row) -> FeatureRating {
            FeatureRating(handle: row["handle"], stars: row["stars"], review: row["review"],
                          createdAt: row.date("createdAt") ?? now, updatedAt: row.date("updatedAt") ?? now)
        }
        var mine: FeatureRating?
        var rides = false
        if let viewer {
            mine = try Row.fetchOne(db, sql: select + " WHERE r.featureId = ? AND r.memberId = ?", arguments: [feature.id, viewer.id]).map(rating)
            rides = try Self.rides(db, member: viewer.id, product: product.id)
        }
        // The latest first: a walk of featureRating_on_feature_time, as long as the page.
        let latest = reviews == 0 ? [] : try Row.fetchAll(db, sql: """
            SELECT m.handle, r.stars, r.review, r.createdAt, r.updatedAt FROM featureRating r INDEXED BY featureRating_on_feature_time
            JOIN member m ON m.id = r.memberId WHERE r.featureId = ? AND r.review <> '' ORDER BY r.updatedAt DESC LIMIT ?
            """, arguments: [feature.id, reviews]).map(rating)
        return FeatureRatings(product: product.slug, productName: product.name, feature: feature.slug, featureName: feature.name,
                              total: total, trend: RatingTrend(days: days, today: today), mine: mine, viewerRides: rides, reviews: latest)
    }

    /// Features whose average over the 30 days ending `last` fell against the
    /// 30 days before (`RatingTrend.isFalling`), steepest first: one range of
    /// the day sums, whatever the number of ratings.
    static func fallingRatings(_ db: Database, endingOn last: StatsDay) throws -> [FallingRating] {
        let window = RatingTrend.windowDays
        let split = last.advanced(by: -window).text
        let rows = try Row.fetchAll(db, sql: """
            SELECT d.featureId, f.slug AS feature, f.name AS featureName, p.slug AS product, p.name AS productName,
                   SUM(CASE WHEN d.day > ? THEN d.stars ELSE 0 END) AS recentStars,
                   SUM(CASE WHEN d.day > ? THEN d.ratings ELSE 0 END) AS recentRatings,
                   SUM(CASE WHEN d.day <= ? THEN d.stars ELSE 0 END) AS beforeStars,
                   SUM(CASE WHEN d.day <= ? THEN d.ratings ELSE 0 END) AS beforeRatings
            FROM featureRatingDay d INDEXED BY featureRatingDay_on_day
            JOIN feature f ON f.id = d.featureId JOIN product p ON p.id = f.productId
            WHERE d.day > ? AND d.day <= ?
            GROUP BY d.featureId
            """, arguments: [split, split, split, split, last.advanced(by: -2 * window).text, last.text])
        return rows.compactMap { row -> FallingRating? in
            let recent = RatingTally(stars: row["recentStars"], count: row["recentRatings"])
            let before = RatingTally(stars: row["beforeStars"], count: row["beforeRatings"])
            guard RatingTrend.isFalling(recent: recent, before: before) else { return nil }
            return FallingRating(product: row["product"], productName: row["productName"], feature: row["feature"],
                                 featureName: row["featureName"], recent: recent, before: before)
        }.sorted(by: FallingRating.steepestFirst)
    }
}
