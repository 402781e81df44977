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
/// Enter opens the selected suggestion.
public struct SuggestionListScreen: Equatable {
    public var query: SuggestionQuery
    public var products: [ProductSummary] = []
    /// The features of the product shown, for `F`.
    public var features: [FeatureSummary] = []
    public var suggestions: [SuggestionSummary] = []
    public var next: SuggestionCursor?
    /// The first row's key when rows come before it (after `G` read the last page).
    public var earlier: SuggestionCursor?
    public var loaded = false
    public var list = ListSelection()

    public init(query: SuggestionQuery = SuggestionQuery()) {
        self.query = query
    }

    /// Rows above the list: the title and the column titles.
    static let listTop = 2

    static func pageSize(_ body: Rect) -> Int { max(10, body.height) }

    func visibleRows(in body: Rect) -> Int { max(1, body.height - Self.listTop) }

    static func open(product: String? = nil, body: Rect) -> [Command] {
        let query = SuggestionQuery(product: product)
        return [.push(.suggestionList(SuggestionListScreen(query: query))), .loadSuggestions(query, after: nil, limit: pageSize(body))]
    }

    /// The status filters `f` goes through: all open, then each status.
    static let filters: [SuggestionFilter] = [.open] + SuggestionStatus.allCases.map { .status($0) }

    mutating func handle(_ key: Key, body: Rect) -> [Command] {
        switch key {
        case .end where next != nil, .character("G") where next != nil:
            // The last page itself, not every page on the way.
            suggestions = []
            next = nil
            list = ListSelection()
            return [.loadSuggestionsBackwards(query, before: nil, limit: Self.pageSize(body))]
        case .home where earlier != nil, .character("g") where earlier != nil:
            return reload(body: body)
        default: break
        }
        if list.handleMovement(key, count: suggestions.count, visible: visibleRows(in: body)) {
            if let earlier, list.selected <= 3 {
                return [.loadSuggestionsBackwards(query, before: earlier, limit: Self.pageSize(body))]
            }
            guard let next, list.nearsEnd(count: suggestions.count, margin: 3) else { return [] }
            return [.loadSuggestions(query, after: next, limit: Self.pageSize(body))]
        }
        switch key {
        case .enter, .right, .character("l"):
            guard let suggestion = suggestions[safe: list.selected] else { return [] }
            return [.openThread(id: suggestion.id)]
        case .character("o"):
            let all = SuggestionOrder.allCases
            query.order = all[(all.firstIndex(of: query.order)! + 1) % all.count]
            return reload(body: body) + [.setStatus(.info("Order: \(query.order.label)"))]
        case .character("f"):
            let index = Self.filters.firstIndex(of: query.filter) ?? -1
            query.filter = Self.filters[(index + 1) % Self.filters.count]
            return reload(body: body) + [.setStatus(.info("Showing: \(query.filter.label)"))]
        case .character("F"):
            guard !features.isEmpty else { return [.setStatus(.info("This product has no features."))] }
            let index = features.firstIndex { $0.slug == query.feature }
            query.feature = index.map { $0 + 1 < features.count ? features[$0 + 1].slug : nil } ?? features[0].slug
            return reload(body: body) + [.setStatus(.info("Feature: \(featureName)"))]
        case .tab, .character("]"):
            return switchProduct(by: 1, body: body)
        case .backTab, .character("["):
            return switchProduct(by: -1, body: body)
        default:
            return []
        }
    }

    var featureName: String {
        guard let feature = query.feature else { return "all features" }
        return features.first { $0.slug == feature }?.name ?? feature
    }

    mutating func switchProduct(by delta: Int, body: Rect) -> [Command] {
        guard products.count > 1, let current = query.product,
              let index = products.firstIndex(where: { $0.slug == current }) else { return [] }
        query.product = products[(index + delta + products.count) % products.count].slug
        query.feature = nil
        features = []
        return reload(body: body)
    }

    /// The first page for the query as it now stands, the selection back at the top.
    mutating func reload(body: Rect) -> [Command] {
        list = ListSelection()
        next = nil
        earlier = nil
        return [.loadSuggestions(query, after: nil, limit: Self.pageSize(body))]
    }

    /// The last page (the list was emptied for it: the last row is selected), a
    /// page before the first row, or the tail loaded so far read again.
    mutating func loadedBackwards(query answered: SuggestionQuery, page: SuggestionPage, before: SuggestionCursor?, body: Rect) {
        guard query == answered else { return }
        let selectedID = suggestions[safe: list.selected]?.id
        if before == nil {
            suggestions = page.suggestions
            list.selected = selectedID.flatMap { id in suggestions.firstIndex { $0.id == id } } ?? suggestions.count - 1
        } else {
            let known = Set(suggestions.map(\.id))
            let fresh = page.suggestions.filter { !known.contains($0.id) }
            suggestions = fresh + suggestions
            list.selected += fresh.count
            list.offset += fresh.count
        }
        earlier = page.next
        loaded = true
        list.reveal(count: suggestions.count, visible: visibleRows(in: body))
    }

    /// An answer for another query (the member moved on meanwhile) is dropped.
    mutating func loaded(products: [ProductSummary], features: [FeatureSummary], query answered: SuggestionQuery,
                         page: SuggestionPage, after: SuggestionCursor?, body: Rect) {
        guard query.product == nil || query == answered else { return }
        query = answered
        self.products = products
        self.features = features
        if after == nil {
            suggestions = page.suggestions
        } else {
            let known = Set(suggestions.map(\.id))
            suggestions += page.suggestions.filter { !known.contains($0.id) }
        }
        next = page.next
        loaded = true
        list.reveal(count: suggestions.count, visible: visibleRows(in: body))
    }

    /// Reads the list again from the start, as far as was loaded.
    /// After `G` the rows loaded are the list's tail: read again from the end.
    func refresh(body: Rect) -> Command {
        if earlier != nil { return .loadSuggestionsBackwards(query, before: nil, limit: max(Self.pageSize(body), suggestions.count)) }
        return .loadSuggestions(query, after: nil, limit: max(Self.pageSize(body), suggestions.count))
    }

    func render(into canvas: inout Canvas, body: Rect, now: Date) {
        let w = body.width
        guard loaded else {
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
        let shown = suggestions.dropFirst(list.offset).prefix(visibleRows(in: body))
        let support: (SuggestionSummary) -> String = { [query] suggestion in
            query.order == .trending ? "+\(suggestion.recentSupport ?? 0)" : "\(suggestion.supporterCount)"
        }
        // Narrow windows cut the longest badges ("[UNDER RE…") to leave the title some room.
        let badges = SuggestionStatus.allCases.map(SuggestionHeader.badge)
        let columns = Columns(indent: 1, total: w, [
            w >= 60 ? .fitting("STATUS", badges, .left) : Columns.Column(title: "STATUS", width: 9, alignment: .left),
            .fitting(query.order == .trending ? "7 DAYS" : "SUPPORT", shown.map(support)),
            .flexible("TITLE"),
            .fitting("AGE", atLeast: Ago.widest),
        ], flexible: 2)
        canvas.put(columns.header, x: 0, y: body.y + 1, role: .muted, maxWidth: w)
        if suggestions.isEmpty {
            canvas.put(" No suggestions here: f shows other statuses, F other features.", x: 0, y: body.y + Self.listTop,
                       role: .muted, maxWidth: w)
            return
        }
        for (row, suggestion) in shown.enumerated() {
            let index = list.offset + row
            let y = body.y + Self.listTop + row
            let selected = index == list.selected
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
