import ArgumentParser
import Foundation
import PaddockCore
import PaddockStore

// MARK: - member rides

extension MemberCommand {
    /// `paddock member rides PRODUCT [--remove]`: say you own a product, so you may rate its features.
    struct Rides: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say you ride (own) a product, so you may rate its features; --remove says you no longer do.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The product's slug.") var product: String
        @Flag(help: "You no longer ride it (your ratings stay).") var remove = false

        func run() throws {
            let (community, actor) = try global.acting()
            let product = try community.setRides(by: actor, product: product, rides: !remove)
            let name = SafeText.displayable(product.name)
            Output.line(remove ? "\(actor.handle) no longer rides \(name)." : "\(actor.handle) rides \(name).")
        }
    }
}

// MARK: - rate, ratings

/// `paddock rate PRODUCT FEATURE STARS [--review TEXT]`.
struct RateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate",
        abstract: "Rate a feature of a product you ride, 1–5 stars with a short review; rating it again changes your rating.",
        discussion: """
            Only owners rate: say you ride the product first (`paddock member rides PRODUCT`).

            Example:
              paddock rate furia-950 quickshifter 4 --review "Smooth above 5,000 rpm"
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The product's slug.") var product: String
    @Argument(help: "The feature's slug.") var feature: String
    @Argument(help: "1 to 5.") var stars: Int
    @Option(help: ArgumentHelp("One line, at most \(Limits.reviewCharacters) characters. Without it, rating again keeps your review; --review \"\" removes it.",
                               valueName: "text")) var review: String?

    func run() throws {
        let (community, actor) = try global.acting()
        let ratings = try community.rate(by: actor, product: product, feature: feature, stars: stars, review: review)
        Output.line("\(actor.handle) rated \(SafeText.displayable(ratings.productName)) · \(SafeText.displayable(ratings.featureName)) "
                    + "\(FeatureRating.starsText(stars)) (\(stars)/5). Average \(ratings.total.averageText) of \(Plural.count(ratings.total.count, "rating")).")
    }
}

/// `paddock ratings PRODUCT [FEATURE] [--json]`.
struct RatingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ratings",
        abstract: "A product's features with their average rating and trend, or one feature's with its latest reviews.",
        discussion: """
            The trend sets the last \(RatingTrend.windowDays) days against the \(RatingTrend.windowDays) before; the line shows \
            weekly averages over \(RatingTrend.weeks) weeks, from ▁ for 1 star to █ for 5 (· a week without ratings). \
            An edited rating counts on the day of its latest edit. \(RatingTrend.fallingRule)
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The product's slug.") var product: String
    @Argument(help: "Only this feature, with its latest reviews.") var feature: String?
    @OptionGroup var output: OutputOptions
    @OptionGroup var charts: ChartOptions

    func run() throws {
        let community = try global.community()
        let style = charts.style
        if let feature {
            let viewer = try? global.acting().actor
            let ratings = try community.featureRatings(product: product, feature: feature, viewer: viewer)
            try output.emit(ratings) {
                for line in Self.lines(ratings, style: style) { Output.line(line) }
            }
        } else {
            let all = try community.productRatings(product: product)
            try output.emit(all) {
                Output.table(["FEATURE", "AVERAGE", "RATINGS", "30 DAYS", "CHANGE", "WEEKLY, \(RatingTrend.weeks) WEEKS"], all.map { r in
                    [r.featureName, r.total.averageText, "\(r.total.count)", r.trend.recent.averageText, r.trend.changeText,
                     r.trend.sparkline(style: style)]
                })
            }
        }
    }

    static func lines(_ r: FeatureRatings, style: ChartStyle) -> [String] {
        let trend = r.trend
        var lines = [SafeText.displayable("\(r.productName) · \(r.featureName)"),
                     "  average \(r.total.averageText) of \(Plural.count(r.total.count, "rating"))",
                     "  last \(RatingTrend.windowDays) days \(trend.recent.averageText) (\(trend.recent.count)), "
                        + "the \(RatingTrend.windowDays) before \(trend.before.averageText) (\(trend.before.count)), change \(trend.changeText)"
                        + (trend.isFalling ? ", falling" : ""),
                     "  weekly, \(RatingTrend.weeks) weeks: \(trend.sparkline(style: style))"]
        if let mine = r.mine { lines.append("  yours: \(FeatureRating.starsText(mine.stars))" + (mine.review.isEmpty ? "" : " " + SafeText.displayable(mine.review))) }
        if !r.reviews.isEmpty {
            lines.append("Latest reviews:")
            for review in r.reviews {
                lines.append("  \(FeatureRating.starsText(review.stars))  \(SafeText.displayable(review.handle))  \(Output.date(review.updatedAt))  "
                             + SafeText.displayable(review.review))
            }
        }
        return lines
    }
}

// MARK: - for-you

/// `paddock for-you [--limit N] [--json]`.
struct ForYouCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "for-you",
        abstract: "Open suggestions on the features you engaged with, each with its reason.",
        discussion: """
            Engagement: suggestions you wrote, replied to or supported, features you rated, and features you gave \
            your opinion of in a poll. Left out: what \
            you already support, your own suggestions, threads and authors you muted. Recent engagement and \
            support coming in fast weigh more.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("How many entries, 1–200.", valueName: "n")) var limit = 20
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...200).contains(limit) else { throw ValidationError("--limit must be between 1 and 200") }
    }

    func run() throws {
        let (community, actor) = try global.acting()
        let items = try community.forYou(viewer: actor, limit: limit)
        try output.emit(items) {
            guard !items.isEmpty else {
                Output.line("Nothing for you yet: support, reply to or rate something, and suggestions about it show here.")
                return
            }
            for item in items {
                let s = item.suggestion
                Output.line(SafeText.displayable("#\(s.id)  \(s.status.label)  \(Plural.count(s.supporterCount, "supporter"))  \(s.title)"))
                Output.line("      " + SafeText.displayable(item.reason))
            }
        }
    }
}
