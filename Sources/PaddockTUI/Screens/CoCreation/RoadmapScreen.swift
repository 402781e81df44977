import Foundation
import PaddockCore
import PaddockStore

/// A product's roadmap: under review, planned, in progress (most supported
/// first) and what shipped in the last 90 days. Tab and ] go to the next
/// product, [ to the previous; Enter opens the selected suggestion; l lists
/// all of the product's suggestions.
public struct RoadmapScreen: Equatable, AppScreen {
    public var products: [ProductSummary] = []
    public var roadmap: Roadmap?
    public var loaded = false
    public var list = ListSelection()

    public init() {}

    enum Row: Equatable {
        case heading(String)
        case empty
        case item(Int)
    }

    /// The selectable suggestions in the order drawn.
    var entries: [SuggestionSummary] {
        guard let roadmap else { return [] }
        return roadmap.underReview + roadmap.planned + roadmap.inProgress + roadmap.shipped
    }

    /// The lines drawn: each column's heading, then its suggestions.
    var rows: [Row] {
        guard let roadmap else { return [] }
        var rows: [Row] = []
        var index = 0
        for (title, column) in [("UNDER REVIEW", roadmap.underReview), ("PLANNED", roadmap.planned),
                                ("IN PROGRESS", roadmap.inProgress),
                                ("SHIPPED IN THE LAST \(Community.roadmapShippedDays) DAYS", roadmap.shipped)] {
            rows.append(.heading("\(title) (\(column.count))"))
            if column.isEmpty { rows.append(.empty) }
            for _ in column {
                rows.append(.item(index))
                index += 1
            }
        }
        return rows
    }

    func visibleRows(in body: Rect) -> Int { max(1, body.height - 1) }

    static func open() -> [Command] { [.push(RoadmapScreen()), .loadRoadmap(product: nil)] }

    public var breadcrumb: String { "Roadmap" }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        [KeyBinding("Enter", "open", footer: true, keys: [.enter, .right]) { roadmap, _, _ in
             guard let suggestion = roadmap.entries[safe: roadmap.list.selected] else { return [] }
             return [.openThread(id: suggestion.id)]
         },
         KeyBinding("Tab ] [", "next, previous product", footer: true, keys: [.tab, .character("]"), .backTab, .character("[")]) { roadmap, key, _ in
             roadmap.switchProduct(by: key == .tab || key == .character("]") ? 1 : -1)
         },
         KeyBinding("l", "this product's suggestions", keys: [.character("l")]) { roadmap, _, context in
             SuggestionListScreen.open(product: roadmap.roadmap?.product.slug, body: context.body)
         }]
            + KeyBinding.moving { roadmap, key, _ in
                let count = roadmap.entries.count
                _ = roadmap.list.handleMovement(key, count: count, visible: count)
                return []
            } + [.nextUnread, .inbox(), .search(), .help(), .back()]
    }

    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] {
        if let loaded = answer as? RoadmapLoaded { self.loaded(products: loaded.products, roadmap: loaded.roadmap) }
        return []
    }

    public func reload(_ context: ScreenContext) -> [Command] { [.loadRoadmap(product: roadmap?.product.slug)] }

    func switchProduct(by delta: Int) -> [Command] {
        guard products.count > 1, let current = roadmap?.product,
              let index = products.firstIndex(where: { $0.slug == current.slug }) else { return [] }
        let next = products[(index + delta + products.count) % products.count]
        return [.loadRoadmap(product: next.slug)]
    }

    /// Read again, the selection stays on its suggestion (its place in the columns may have moved).
    mutating func loaded(products: [ProductSummary], roadmap: Roadmap?) {
        let selectedID = roadmap?.product.slug == self.roadmap?.product.slug ? entries[safe: list.selected]?.id : nil
        if selectedID == nil { list = ListSelection() }
        self.products = products
        self.roadmap = roadmap
        loaded = true
        if let selectedID, let index = entries.firstIndex(where: { $0.id == selectedID }) { list.selected = index }
        list.reveal(count: entries.count, visible: entries.count)
    }

    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let body = context.body
        let w = body.width
        guard loaded else {
            canvas.put(" Loading…", x: 0, y: body.y, role: .muted)
            return
        }
        guard let roadmap else {
            canvas.put(" No products yet: managers add them with `paddock product add`.", x: 0, y: body.y, role: .muted, maxWidth: w)
            return
        }
        var title = " Roadmap · " + roadmap.product.name
        if products.count > 1, let index = products.firstIndex(where: { $0.slug == roadmap.product.slug }) {
            title += "  (\(index + 1) of \(products.count), Tab next product)"
        }
        canvas.put(title, x: 0, y: body.y, role: .title, maxWidth: w)
        let rows = self.rows
        let visible = visibleRows(in: body)
        let selectedRow = rows.firstIndex(of: .item(list.selected)) ?? 0
        // The selection stays in view, with its column's heading when it fits.
        let first = max(0, min(selectedRow - visible + 1, rows.count - visible))
        let entries = self.entries
        let supportWidth = 6
        let statusWidth = 15
        let titleWidth = max(8, w - 4 - statusWidth - supportWidth)
        for (line, row) in rows.dropFirst(first).prefix(visible).enumerated() {
            let y = body.y + 1 + line
            switch row {
            case .heading(let text):
                canvas.put(" " + text, x: 0, y: y, role: .header, maxWidth: w)
            case .empty:
                canvas.put("   nothing here yet", x: 0, y: y, role: .muted, maxWidth: w)
            case .item(let index):
                let suggestion = entries[index]
                let selected = index == list.selected
                if selected { canvas.fill(x: 0, y: y, width: w, height: 1, role: .selection) }
                canvas.put(TextWrap.pad(suggestion.title, width: titleWidth), x: 3, y: y, role: selected ? .selection : .normal)
                canvas.put(" " + SuggestionHeader.badge(suggestion.status), x: 3 + titleWidth, y: y,
                           role: selected ? .selection : SuggestionHeader.role(for: suggestion.status), maxWidth: statusWidth)
                canvas.put("\(suggestion.supporterCount)".leftPadded(to: supportWidth), x: 3 + titleWidth + statusWidth, y: y,
                           role: selected ? .selection : .muted)
            }
        }
    }
}
