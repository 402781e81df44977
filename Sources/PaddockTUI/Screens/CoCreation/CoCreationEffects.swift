import Foundation
import PaddockCore
import PaddockStore

/// Co-creation: suggestions, support, the roadmap, the review queue and the company's answers.
enum CoCreationEffects {
    /// A suggestion's status, supporters and official responses, for its thread's header.
    struct LoadSuggestion: Effect {
        var id: Int64
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            .answer(SuggestionLoaded(detail: try env.community.suggestion(id, viewer: env.member)))
        }
    }

    /// Supports (true) or withdraws support from (false) a suggestion.
    struct SetSupport: Effect {
        var id: Int64
        var supporting: Bool
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            if supporting {
                try env.community.support(by: env.member, suggestion: id)
            } else {
                try env.community.withdrawSupport(by: env.member, suggestion: id)
            }
            return .answer(SupportChanged(detail: try env.community.suggestion(id, viewer: env.member), supporting: supporting))
        }
    }

    /// Status and supporters for the rows of a suggestion board's page.
    struct LoadSuggestionRows: Effect {
        var slug: String
        var ids: [Int64]
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            .answer(SuggestionRowsLoaded(slug: slug, rows: try env.community.suggestionSummaries(ids: ids)))
        }
    }

    /// A product's roadmap (nil: the first product).
    struct LoadRoadmap: Effect {
        var product: String?
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            let products = try env.community.products().filter { $0.retiredAt == nil }
            guard let product = product ?? products.first?.slug else { return .answer(RoadmapLoaded(products: products, roadmap: nil)) }
            return .answer(RoadmapLoaded(products: products, roadmap: try env.community.roadmap(product: product)))
        }
    }

    struct LoadReviewQueue: Effect {
        var after: SuggestionCursor?
        var limit: Int
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            .answer(ReviewQueueLoaded(page: try env.community.reviewQueue(by: env.member, after: after, limit: limit), after: after))
        }
    }

    /// A manager's status change with its official response.
    struct ChangeStatus: Sending {
        var id: Int64
        var status: SuggestionStatus
        var response: String
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            try env.community.changeStatus(by: env.member, suggestion: id, to: status, response: response)
            return .answer(StatusChanged(detail: try env.community.suggestion(id, viewer: env.member)))
        }
    }

    /// A manager closes a suggestion as a duplicate of another, with an official
    /// response: the same Community method as `paddock suggestion merge`.
    struct Merge: Sending {
        var duplicate: Int64
        var into: Int64
        var response: String
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            let result = try env.community.merge(by: env.member, duplicate: duplicate, into: into, response: response)
            return .answer(Merged(detail: try env.community.suggestion(duplicate, viewer: env.member), result: result))
        }
    }

    /// Products and their features still taking suggestions, for the suggestion form.
    struct LoadCatalog: Effect {
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            let products = try env.community.products().filter { $0.retiredAt == nil }
            var features: [String: [FeatureSummary]] = [:]
            for product in products {
                features[product.slug] = try env.community.features(product: product.slug).filter { $0.retiredAt == nil }
            }
            return .answer(CatalogLoaded(products: products, features: features))
        }
    }

    /// Up to 5 open suggestions like the title being typed.
    struct FindSimilar: Effect {
        var text: String
        var product: String?
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            let found = text.isEmpty ? [] : try env.community.similarSuggestions(to: text, product: product, limit: SuggestionForm.similarRows)
            return .answer(SimilarFound(text: text, product: product, suggestions: found))
        }
    }

    struct SubmitSuggestion: Sending {
        var board: String
        var product: String
        var features: [String]
        var title: String
        var body: String
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            let posted = try env.community.suggest(by: env.member, product: product, features: features, title: title, body: body, board: board)
            return .answer(SuggestionPosted(summary: posted, board: board))
        }
    }

    /// A page of a product's (or a feature's) suggestions; a nil product is the first.
    struct LoadSuggestions: Effect {
        var query: SuggestionQuery
        var after: SuggestionCursor?
        var limit: Int
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            let community = env.community
            var query = query
            let products = try community.products().filter { $0.retiredAt == nil }
            guard let product = query.product ?? products.first?.slug else {
                return .answer(SuggestionsLoaded(products: products, features: [], query: query,
                                                 page: SuggestionPage(suggestions: [], next: nil), after: after))
            }
            query.product = product
            let features = try community.features(product: product)
            let page = try community.suggestions(product: product, feature: query.feature, order: query.order, filter: query.filter,
                                                 after: after, limit: limit)
            return .answer(SuggestionsLoaded(products: products, features: features, query: query, page: page, after: after))
        }
    }

    /// The page of a suggestion list just before `before` (its first row), or its last page when nil (`G`).
    struct LoadSuggestionsBackwards: Effect {
        var query: SuggestionQuery
        var before: SuggestionCursor?
        var limit: Int
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            guard let product = query.product else { return .nothing }
            let page = try env.community.suggestions(product: product, feature: query.feature, order: query.order, filter: query.filter,
                                                     after: before, backwards: true, limit: limit)
            return .answer(SuggestionsLoadedBackwards(query: query, page: page, before: before))
        }
    }
}

/// A suggestion as it now stands: every screen showing it (a board's row, its thread's header) takes it.
protocol SuggestionNews: Answer {
    var detail: SuggestionDetail { get }
    /// Answered officially (a status change, a merge): its thread shows the response, its newest post.
    var isOfficialResponse: Bool { get }
}

extension SuggestionNews {
    var isOfficialResponse: Bool { false }
}

struct SuggestionLoaded: SuggestionNews {
    var detail: SuggestionDetail
}

/// Support given or withdrawn: the suggestion as it now stands.
struct SupportChanged: SuggestionNews {
    var detail: SuggestionDetail
    var supporting: Bool

    func follow(_ state: inout AppState) -> [Command] {
        let supporters = Plural.count(detail.suggestion.supporterCount, "supporter")
        return [.setStatus(.info(supporting ? "You support this suggestion: \(supporters)." : "Support withdrawn: \(supporters)."))]
    }
}

struct StatusChanged: SuggestionNews {
    var detail: SuggestionDetail
    var isOfficialResponse: Bool { true }

    func follow(_ state: inout AppState) -> [Command] {
        [.setStatus(.info("Now \(detail.suggestion.status.label): the author and every supporter are notified."))]
    }
}

/// A suggestion merged into another: the duplicate as it now stands, and the result.
struct Merged: SuggestionNews {
    var detail: SuggestionDetail
    var result: MergeResult
    var isOfficialResponse: Bool { true }

    func follow(_ state: inout AppState) -> [Command] {
        let moved = result.movedSupporters
        return [.setStatus(.info("Merged #\(result.duplicate.id) into #\(result.into.id): \(moved) supporter"
            + "\(moved == 1 ? "" : "s") moved, \(result.into.supporterCount) in all; everyone is notified."))]
    }
}

struct SuggestionRowsLoaded: Answer {
    var slug: String
    var rows: [SuggestionSummary]
}

struct RoadmapLoaded: Answer {
    var products: [ProductSummary]
    var roadmap: Roadmap?
}

struct ReviewQueueLoaded: Answer {
    var page: SuggestionPage
    var after: SuggestionCursor?
}

struct CatalogLoaded: Answer {
    var products: [ProductSummary]
    var features: [String: [FeatureSummary]]
}

struct SimilarFound: Answer {
    var text: String
    var product: String?
    var suggestions: [SuggestionSummary]
}

struct SuggestionPosted: Answer {
    var summary: SuggestionSummary
    var board: String

    func follow(_ state: inout AppState) -> [Command] {
        [.setStatus(.info("Suggestion #\(summary.id) posted: you are its first supporter."))]
    }
}

/// A page of a suggestion list, with the products and the shown product's features; the query has its product filled in.
struct SuggestionsLoaded: Answer {
    var products: [ProductSummary]
    var features: [FeatureSummary]
    var query: SuggestionQuery
    var page: SuggestionPage
    var after: SuggestionCursor?
}

/// A page read backwards: its `next` is its first row when rows come before it.
struct SuggestionsLoadedBackwards: Answer {
    var query: SuggestionQuery
    var page: SuggestionPage
    var before: SuggestionCursor?
}

extension Command {
    static func loadSuggestion(id: Int64) -> Command { .effect(CoCreationEffects.LoadSuggestion(id: id)) }
    static func setSupport(id: Int64, supporting: Bool) -> Command { .effect(CoCreationEffects.SetSupport(id: id, supporting: supporting)) }
    static func loadSuggestionRows(slug: String, ids: [Int64]) -> Command { .effect(CoCreationEffects.LoadSuggestionRows(slug: slug, ids: ids)) }
    static func loadRoadmap(product: String?) -> Command { .effect(CoCreationEffects.LoadRoadmap(product: product)) }
    static func loadReviewQueue(after: SuggestionCursor?, limit: Int) -> Command { .effect(CoCreationEffects.LoadReviewQueue(after: after, limit: limit)) }
    static func changeStatus(id: Int64, to status: SuggestionStatus, response: String) -> Command {
        .effect(CoCreationEffects.ChangeStatus(id: id, status: status, response: response))
    }
    static func merge(duplicate: Int64, into: Int64, response: String) -> Command {
        .effect(CoCreationEffects.Merge(duplicate: duplicate, into: into, response: response))
    }
    static var loadCatalog: Command { .effect(CoCreationEffects.LoadCatalog()) }
    static func findSimilar(text: String, product: String?) -> Command { .effect(CoCreationEffects.FindSimilar(text: text, product: product)) }
    static func submitSuggestion(board: String, product: String, features: [String], title: String, body: String) -> Command {
        .effect(CoCreationEffects.SubmitSuggestion(board: board, product: product, features: features, title: title, body: body))
    }
    static func loadSuggestions(_ query: SuggestionQuery, after: SuggestionCursor?, limit: Int) -> Command {
        .effect(CoCreationEffects.LoadSuggestions(query: query, after: after, limit: limit))
    }
    static func loadSuggestionsBackwards(_ query: SuggestionQuery, before: SuggestionCursor?, limit: Int) -> Command {
        .effect(CoCreationEffects.LoadSuggestionsBackwards(query: query, before: before, limit: limit))
    }
}
