import Foundation
import PaddockCore
import PaddockStore

/// Feature ratings: owning a product ("I ride this"), a feature's ratings, rating it.
enum RatingEffects {
    /// A feature's average, trend, latest reviews and the member's own rating.
    struct LoadFeatureRatings: Effect {
        var product: String
        var feature: String
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            .answer(FeatureRatingsLoaded(ratings: try env.community.featureRatings(product: product, feature: feature, viewer: env.member)))
        }
    }

    /// Rates the feature, or changes the member's rating of it; a nil review keeps the stored one.
    /// A refusal answers with the stored rating, so the page stops showing the unsaved one.
    struct Rate: Sending {
        var product: String
        var feature: String
        var stars: Int
        var review: String?
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            let ratings: FeatureRatings
            do {
                ratings = try env.community.rate(by: env.member, product: product, feature: feature, stars: stars, review: review)
            } catch let refusal as CommunityError {
                guard let stored = try? env.community.featureRatings(product: product, feature: feature, viewer: env.member) else { throw refusal }
                return .answer(RatingRefused(ratings: stored, refusal: refusal.description))
            }
            // The page shows the latest reviews as it does when opened.
            return .answer(FeatureRated(ratings: try env.community.featureRatings(product: ratings.product, feature: ratings.feature,
                                                                                  viewer: env.member)))
        }
    }

    /// "I ride this": says the member rides the product, or no longer does when they did.
    struct ToggleRides: Effect {
        var product: String
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            let rides = try env.community.products(riddenBy: env.member.handle).contains { $0.slug == product }
            let changed = try env.community.setRides(by: env.member, product: product, rides: !rides)
            return .answer(RidesChanged(product: changed, rides: !rides))
        }
    }
}

struct FeatureRatingsLoaded: Answer {
    var ratings: FeatureRatings
}

struct FeatureRated: Answer {
    var ratings: FeatureRatings

    func follow(_ state: inout AppState) -> [Command] {
        let stars = ratings.mine.map { FeatureRating.starsText($0.stars) } ?? ""
        return [.setStatus(.info("Rated \(ratings.featureName) \(stars): average \(ratings.total.averageText) of "
                                 + "\(Plural.count(ratings.total.count, "rating"))."))]
    }
}

struct RatingRefused: Answer {
    var ratings: FeatureRatings
    var refusal: String

    func follow(_ state: inout AppState) -> [Command] { [.setStatus(.error(refusal))] }
}

struct RidesChanged: Answer {
    var product: ProductSummary
    var rides: Bool

    func follow(_ state: inout AppState) -> [Command] {
        [.setStatus(.info(rides ? "You ride \(product.name): * on a feature rates it." : "You no longer ride \(product.name)."))]
    }
}

extension Command {
    static func loadFeatureRatings(product: String, feature: String) -> Command {
        .effect(RatingEffects.LoadFeatureRatings(product: product, feature: feature))
    }

    static func toggleRides(product: String) -> Command { .effect(RatingEffects.ToggleRides(product: product)) }
}
