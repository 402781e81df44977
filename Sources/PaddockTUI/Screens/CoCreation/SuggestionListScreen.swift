import Foundation
import PaddockCore
import PaddockStore

/// Which suggestions a suggestion list asks for: a product (nil: the first),
/// one of its features (nil: all), the order and the status filter.
public struct SuggestionQuery: Equatable, Sendable {
    public var product: String?
    public var feature: String?
    public var order: SuggestionOrder
    public var filter: SuggestionFilter

    public init(product: String? = nil, feature: String? = nil, order: SuggestionOrder = .top, filter: SuggestionFilter = .open) {
        self.product = product
        self.feature = feature
        self.order = order
        self.filter = filter
    }
}

/// A product's suggestions, or one feature's, a keyset page at a time: status
/// badge, supporters, title, age. `o` cycles the order, `f` the status filter,
/// `F` the feature; Tab and ] go to the next product, [ to the previous;
/// Enter opens the selected suggestion. `O` says the member rides (owns) the
/// product, or no longer does; `*` opens the chosen feature's ratings, where owners rate it.
public struct SuggestionListScreen: Equatable, AppScreen {
    public var query: SuggestionQuery
    public var products: [ProductSummary] = []
    /// The shown product's features, for `F`.
    public var features: [FeatureSummary] = []
    public var suggestions = PagedList<SuggestionSummary, SuggestionCursor>(id: \.id, readsBackwards: true)

    public init(query: SuggestionQuery = SuggestionQuery()) {
        self.query = query
    }

    public var breadcrumb: String { "Suggestions" }

    /// Rows above the list: the product line and the column titles.
    static let listTop = 2

    static func pageSize(_ body: Rect) -> Int { max(10, body.height) }

    func visibleRows(in body: Rect) -> Int { max(1, body.height - Self.listTop) }

    /// A product's open suggestions (nil: the first product), or one feature's.
    static func open(product: String? = nil, feature: String? = nil, body: Rect) -> [Command] {
        let query = SuggestionQuery(product: product, feature: product == nil ? nil : feature)
        return [.push(SuggestionListScreen(query: query)), .loadSuggestions(query, after: nil, limit: pageSize(body))]
    }

    /// The statuses `f` steps through.
    static let filters: [SuggestionFilter] = [.open] + SuggestionStatus.allCases.map { .status($0) }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        [KeyBinding("Enter", "open", footer: true, keys: [.enter, .right, .character("l")]) { list, _, _ in list.open() },
         KeyBinding("o", query.order.label, footer: true, keys: [.character("o")]) { list, _, context in
             let all = SuggestionOrder.allCases
             list.query.order = all[(all.firstIndex(of: list.query.order)! + 1) % all.count]
             return list.readFromTop(context) + [.setStatus(.info("Order: \(list.query.order.label)"))]
         },
         KeyBinding("f", query.filter.label, footer: true, keys: [.character("f")]) { list, _, context in
             let index = Self.filters.firstIndex(of: list.query.filter) ?? -1
             list.query.filter = Self.filters[(index + 1) % Self.filters.count]
             return list.readFromTop(context) + [.setStatus(.info("Showing: \(list.query.filter.label)"))]
         },
         KeyBinding("F", "feature", footer: true, keys: [.character("F")]) { list, _, context in
             let features = list.features
             guard !features.isEmpty else { return [.setStatus(.info("This product has no features."))] }
             let index = features.firstIndex { $0.slug == list.query.feature }
             list.query.feature = index.map { $0 + 1 < features.count ? features[$0 + 1].slug : nil } ?? features[0].slug
             return list.readFromTop(context) + [.setStatus(.info("Feature: \(list.featureName)"))]
         },
         KeyBinding("B", "leaderboard", keys: [.character("B")]) { list, _, _ in
             guard let product = list.products.first(where: { $0.slug == list.query.product }) else { return [] }
             return LeaderboardScreen.open(product: product)
         },
         KeyBinding("O", "I ride this (toggle)", keys: [.character("O")]) { list, _, _ in
             list.query.product.map { [.toggleRides(product: $0)] } ?? []
         },
         KeyBinding("*", "rate this feature", keys: [.character("*")]) { list, _, _ in
             guard let product = list.query.product, let feature = list.query.feature else {
                 return [.setStatus(.info(list.features.isEmpty ? "This product has no features to rate."
                                          : "Choose a feature with F first: ratings are per feature."))]
             }
             return FeatureRatingScreen.open(product: product, feature: feature)
         },
         KeyBinding("Tab ] [", "next, previous product", keys: [.tab, .character("]"), .backTab, .character("[")]) { list, key, context in
             list.switchProduct(by: key == .tab || key == .character("]") ? 1 : -1, context)
         }]
            + KeyBinding.moving { list, key, context in
                let limit = Self.pageSize(context.body)
                switch list.suggestions.move(key, visible: list.visibleRows(in: context.body)) {
                case .first??: return list.readFromTop(context)
                // The last page itself, not every page on the way.
                case .last??:
                    list.suggestions.clear()
                    return [.loadSuggestionsBackwards(list.query, before: nil, limit: limit)]
                case .after(let next)??: return [.loadSuggestions(list.query, after: next, limit: limit)]
                case .before(let earlier)??: return [.loadSuggestionsBackwards(list.query, before: earlier, limit: limit)]
                case .some(nil), nil: return []
                }
            } + [.nextUnread, .inbox(), .search(), .help(), .back()]
    }

    func open() -> [Command] { suggestions.selectedRow.map { [.openThread(id: $0.id)] } ?? [] }

    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] {
        let visible = visibleRows(in: context.body)
        switch answer {
        case let page as SuggestionsLoaded where query.product == nil || query == page.query:
            query = page.query
            products = page.products
            features = page.features
            suggestions.take(page.page.suggestions, more: page.page.next, as: page.after == nil ? .replace : .append, visible: visible)
        case let page as SuggestionsLoadedBackwards where query == page.query:
            // The last page read again keeps the selection on its row; `G` cleared it first.
            suggestions.take(page.page.suggestions, more: page.page.next, as: page.before == nil ? .lastAgain : .prepend, visible: visible)
        default: break
        }
        return []
    }

    /// Reads the list again as far as it was read, from the top (or from the end, after `G`).
    public func reload(_ context: ScreenContext) -> [Command] {
        let limit = max(Self.pageSize(context.body), suggestions.rows.count)
        if suggestions.earlier != nil { return [.loadSuggestionsBackwards(query, before: nil, limit: limit)] }
        return [.loadSuggestions(query, after: nil, limit: limit)]
    }

    public mutating func relayout(_ context: ScreenContext) { suggestions.reveal(visible: visibleRows(in: context.body)) }

    var featureName: String {
        guard let feature = query.feature else { return "all features" }
        return features.first { $0.slug == feature }?.name ?? feature
    }

    mutating func switchProduct(by delta: Int, _ context: ScreenContext) -> [Command] {
        guard products.count > 1, let current = query.product,
              let index = products.firstIndex(where: { $0.slug == current }) else { return [] }
        query.product = products[(index + delta + products.count) % products.count].slug
        query.feature = nil
        features = []
        return readFromTop(context)
    }

    /// The first page for the query as it now stands, the selection back at the top.
    mutating func readFromTop(_ context: ScreenContext) -> [Command] {
        suggestions.clear()
        return [.loadSuggestions(query, after: nil, limit: Self.pageSize(context.body))]
    }

    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let (body, now) = (context.body, context.now)
        let w = body.width
        guard suggestions.loaded else {
            canvas.put(" Loading…", x: 0, y: body.y, role: .muted)
            return
        }
        guard let slug = query.product, let index = products.firstIndex(where: { $0.slug == slug }) else {
            canvas.put(" No products yet: managers add them with `paddock product add`.", x: 0, y: body.y, role: .muted, maxWidth: w)
            return
        }
        var title = " " + products[index].name + " · " + featureName + " · " + query.order.label + " · " + query.filter.label
        if products.count > 1 { title += "  (\(index + 1) of \(products.count))" }
        canvas.put(title, x: 0, y: body.y, role: .title, maxWidth: w)
        let shown = suggestions.shown(visibleRows(in: body))
        let support: (SuggestionSummary) -> String = { [query] suggestion in
            query.order == .trending ? "+\(suggestion.recentSupport ?? 0)" : "\(suggestion.supporterCount)"
        }
        // Narrow windows cut the longest badges ("[UNDER RE…") to leave the title some room.
        let badges = SuggestionStatus.allCases.map(SuggestionHeader.badge)
        let columns = Columns(indent: 1, total: w, [
            w >= 60 ? .fitting("STATUS", badges, .left) : Columns.Column(title: "STATUS", width: 9, alignment: .left),
            .fitting(query.order == .trending ? "7 DAYS" : "SUPPORT", shown.map { support($0.row) }),
            .flexible("TITLE"),
            .fitting("AGE", atLeast: Ago.widest),
        ], flexible: 2)
        canvas.put(columns.header, x: 0, y: body.y + 1, role: .muted, maxWidth: w)
        let empty = ["No suggestions here: f shows other statuses, F other features."]
        guard suggestions.drawPlaceholder(into: &canvas, y: body.y + Self.listTop, width: w, empty: empty) else { return }
        for (row, (_, suggestion, selected)) in shown.enumerated() {
            let y = body.y + Self.listTop + row
            if selected { canvas.fill(x: 0, y: y, width: w, height: 1, role: .selection) }
            columns.put(SuggestionHeader.badge(suggestion.status), column: 0, into: &canvas, y: y,
                        role: selected ? .selection : SuggestionHeader.role(for: suggestion.status))
            columns.put(support(suggestion), column: 1, into: &canvas, y: y, role: selected ? .selection : .muted)
            columns.put(suggestion.title, column: 2, into: &canvas, y: y, role: selected ? .selection : .normal)
            columns.put(Ago.describe(suggestion.createdAt, now: now), column: 3, into: &canvas, y: y, role: selected ? .selection : .muted)
        }
    }
}

extension SuggestionOrder {
    var label: String {
        switch self {
        case .top: "most supported"
        case .new: "newest"
        case .trending: "trending"
        }
    }
}

extension SuggestionFilter {
    var label: String {
        switch self {
        case .open: "all open"
        case .all: "every status"
        case .status(let status): status.label
        }
    }
}
