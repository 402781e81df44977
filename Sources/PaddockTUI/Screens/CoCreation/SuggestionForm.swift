import Foundation
import PaddockCore
import PaddockStore

/// A new suggestion in a suggestion board: the product, 1–5 of its features,
/// a title, with up to 5 similar open suggestions shown as it is typed (so
/// people support instead of duplicating), and the text. ^S posts it. The
/// title and text are kept as a draft: Esc leaves them for the next time,
/// ^X discards them.
public struct SuggestionForm: Equatable, FormScreen {
    public enum Field: Equatable, Sendable { case product, features, title, body }

    public var board: BoardSummary
    public var products: [ProductSummary] = []
    /// Each product's features still taking suggestions, by product slug.
    public var features: [String: [FeatureSummary]] = [:]
    public var loaded = false
    public var productIndex = 0
    /// The feature under the cursor, and the chosen ones (slugs, in the order chosen).
    public var featureCursor = 0
    public var chosen: [String] = []
    public var title = TextField(text: "", maxLength: Limits.titleCharacters)
    public var body = TextEditor()
    public var focus: Field = .product
    public var similar: [SuggestionSummary] = []

    public static let maxFeatures = 5
    static let similarRows = 5

    public init(board: BoardSummary) { self.board = board }

    /// The board has checked that the member may suggest (`BoardScreen.startRefusal`).
    static func open(_ board: BoardSummary) -> [Command] {
        [.push(SuggestionForm(board: board)), .loadCatalog]
    }

    var product: ProductSummary? { products[safe: productIndex] }
    var productFeatures: [FeatureSummary] { product.flatMap { features[$0.slug] } ?? [] }
    var draftKey: String { "suggestion:\(board.slug)" }

    mutating func catalogLoaded(_ products: [ProductSummary], _ features: [String: [FeatureSummary]]) {
        self.products = products
        self.features = features
        productIndex = min(productIndex, max(0, products.count - 1))
        loaded = true
    }

    /// Rows above the body editor: heading, product, features, title, the similar list and its heading, a rule.
    static let fixedRows = 5 + similarRows + 1

    /// The body editor fills the rest of the window, and takes 3 rows at
    /// least: when the window is shorter the form scrolls (see `render`).
    static func editorHeight(_ area: Rect) -> Int { max(3, area.height - fixedRows) }

    /// The rows of the focused field in the whole form: the title with the similar suggestions under it.
    var focusRows: Range<Int> {
        switch focus {
        case .product: 1..<2
        case .features: 2..<3
        case .title: 3..<Self.fixedRows - 1
        case .body: Self.fixedRows - 1..<Self.fixedRows + 3
        }
    }

    /// The title field's width: the row less its label and the count after it.
    static func titleWidth(_ area: Rect) -> Int { max(1, area.width - 11 - TitleCount.width - 1) }

    static let titleFull = "a title is at most \(Limits.titleCharacters) characters"

    public var breadcrumb: String { "New suggestion" }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        Self.formKeys(send: "post", tab: "next field", arrows: ("← →", "choose"), more: [.typing("Space", "pick", footer: true)])
    }

    public var draft: DraftText? { DraftText(key: draftKey, title: title.text, body: body.text) }

    /// A suggestion's title comes back with the open suggestions like it.
    public mutating func restore(_ draft: DraftText) -> [Command]? {
        guard takes(draft) else { return nil }
        title.setText(draft.title)
        body = TextEditor(text: draft.body)
        return similarQuery()
    }

    func isSent(by answer: any Answer) -> Bool { answer is SuggestionPosted }

    mutating func take(_ answer: any Answer, _ context: ScreenContext) {
        if let catalog = answer as? CatalogLoaded { catalogLoaded(catalog.products, catalog.features) }
        if let found = answer as? SimilarFound, context.isTop { similarFound(text: found.text, product: found.product, found.suggestions) }
    }

    func leaving(kept: Bool) -> String? { kept ? "Not posted; your suggestion is kept as a draft: c in this board continues it." : nil }

    var discarding: (what: String, done: String) { ("this suggestion", "Suggestion discarded; nothing was posted.") }

    mutating func handle(_ key: Key, area: Rect) -> [Command] {
        switch key {
        case .ctrl("s"):
            guard let product else { return [.setStatus(.error("there is no product to suggest for yet"))] }
            return [.submitSuggestion(board: board.slug, product: product.slug, features: chosen, title: title.text, body: body.text)]
        case .tab,
             .enter where focus != .body:
            focus = [.product: .features, .features: .title, .title: .body, .body: .product][focus]!
            return []
        case .backTab:
            focus = [.product: .body, .features: .product, .title: .features, .body: .title][focus]!
            return []
        default:
            break
        }
        switch focus {
        case .product:
            let delta = key == .left || key == .up ? -1 : (key == .right || key == .down || key == .character(" ") ? 1 : 0)
            guard delta != 0, !products.isEmpty else { return [] }
            productIndex = (productIndex + delta + products.count) % products.count
            chosen = []
            featureCursor = 0
            return similarQuery()
        case .features:
            let count = productFeatures.count
            guard count > 0 else { return [] }
            switch key {
            case .left, .up: featureCursor = max(0, featureCursor - 1)
            case .right, .down: featureCursor = min(count - 1, featureCursor + 1)
            case .character(" "), .character("x"):
                let slug = productFeatures[featureCursor].slug
                if let index = chosen.firstIndex(of: slug) {
                    chosen.remove(at: index)
                } else if chosen.count >= Self.maxFeatures {
                    return [.setStatus(.error("a suggestion is tagged to at most \(Self.maxFeatures) features"))]
                } else {
                    chosen.append(slug)
                }
            default: break
            }
            return []
        case .title:
            let before = title.text
            _ = title.handle(key, width: Self.titleWidth(area))
            if title.refusedInput { return [.setStatus(.error(Self.titleFull))] }
            return title.text == before ? [] : similarQuery()
        case .body:
            _ = body.handle(key, width: max(1, area.width - 2), height: Self.editorHeight(area))
            return []
        }
    }

    func similarQuery() -> [Command] {
        let text = title.text.trimmingCharacters(in: .whitespaces)
        return [.findSimilar(text: text, product: product?.slug)]
    }

    /// Only the answer for the title as it now stands is shown.
    mutating func similarFound(text: String, product: String?, _ found: [SuggestionSummary]) {
        guard text == title.text.trimmingCharacters(in: .whitespaces), product == self.product?.slug else { return }
        similar = text.isEmpty ? [] : Array(found.prefix(Self.similarRows))
    }

    /// Draws the form, scrolled when the window is too short for all of it so
    /// that the focused field stays in view.
    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let area = context.body
        let editorHeight = Self.editorHeight(area)
        Viewport.draw(into: &canvas, area: area, contentHeight: Self.fixedRows + editorHeight, focus: focusRows) { canvas, area in
            draw(into: &canvas, area: area, editorHeight: editorHeight)
        }
    }

    private func draw(into canvas: inout Canvas, area: Rect, editorHeight: Int) {
        let w = area.width
        var y = area.y
        canvas.put(" New suggestion in " + board.title, x: 0, y: y, role: .title, maxWidth: w)
        y += 1
        guard loaded else {
            canvas.put(" Loading the catalog…", x: 0, y: y, role: .muted)
            return
        }
        func label(_ text: String, _ field: Field) {
            canvas.put(text, x: 0, y: y, role: focus == field ? .accent : .muted)
        }
        label(" Product:  ", .product)
        canvas.put(product.map { "‹ \($0.name) ›" } ?? "no products yet", x: 11, y: y,
                   role: focus == .product ? .selection : .normal, maxWidth: max(0, w - 12))
        y += 1
        label(" Features: ", .features)
        var x = 11
        if productFeatures.isEmpty { canvas.put("none", x: x, y: y, role: .muted) }
        // A window of the features that keeps the cursor in view.
        func cell(_ feature: FeatureSummary) -> String { (chosen.contains(feature.slug) ? "[x] " : "[ ] ") + feature.name }
        var start = 0
        while start < featureCursor,
              productFeatures[start...featureCursor].map({ TextWidth.of(cell($0)) + 2 }).reduce(0, +) > w - x - 2 {
            start += 1
        }
        if start > 0 { x += canvas.put("… ", x: x, y: y, role: .muted) }
        for (index, feature) in productFeatures.enumerated().dropFirst(start) {
            let text = cell(feature)
            let width = TextWidth.of(text)
            if x + width > w {
                canvas.put("…", x: w - 1, y: y, role: .muted)
                break
            }
            let role: StyleRole = focus == .features && index == featureCursor ? .selection : (chosen.contains(feature.slug) ? .accent : .normal)
            canvas.put(text, x: x, y: y, role: role)
            x += width + 2
        }
        y += 1
        label(" Title:    ", .title)
        title.render(into: &canvas, x: 11, y: y, width: Self.titleWidth(area), role: .normal,
                     cursorRole: focus == .title ? .selection : nil, placeholder: "what should change?")
        TitleCount.render(title, into: &canvas, right: w, y: y)
        y += 1
        if similar.isEmpty {
            canvas.put(" Similar open suggestions appear here as you type the title.", x: 0, y: y, role: .muted, maxWidth: w)
        } else {
            canvas.put(" Similar open suggestions: support one instead of posting a duplicate?", x: 0, y: y, role: .accent, maxWidth: w)
        }
        y += 1
        for row in 0..<Self.similarRows {
            if let suggestion = similar[safe: row] {
                let right = " \(SuggestionHeader.badge(suggestion.status)) \(suggestion.supporterCount)"
                let x = canvas.put("   #\(suggestion.id) ", x: 0, y: y + row, role: .muted)
                let titleWidth = max(4, w - x - TextWidth.of(right) - 1)
                canvas.put(TextWrap.pad(suggestion.title, width: titleWidth), x: x, y: y + row, role: .normal, maxWidth: titleWidth)
                canvas.put(right, x: x + titleWidth, y: y + row, role: SuggestionHeader.role(for: suggestion.status))
            }
        }
        y += Self.similarRows
        let rule = String(repeating: "─", count: max(0, w))
        canvas.put(rule, x: 0, y: y, role: .border)
        y += 1
        body.render(into: &canvas, x: 1, y: y, width: max(1, w - 2), height: editorHeight,
                    role: .normal, cursorRole: focus == .body ? .selection : nil,
                    placeholder: "What and why. Tab moves between fields, ^S posts, Esc leaves.")
    }
}
