import Foundation
import PaddockCore
import PaddockStore

/// A new concept poll in a board (managers): title; kind (single or multiple
/// choice, or features); the options, separated by `;`, or a product and its
/// features; when it closes (`7d`, `2026-12-10 18:00`, or empty for never);
/// when members see results; the intro. ^S starts it. The whole form is
/// kept as a draft (options and features too): Esc leaves it, ^X discards it.
public struct PollForm: Equatable, FormScreen {
    public enum Field: Equatable, Sendable, CaseIterable { case title, kind, options, closes, visibility, intro }

    public var board: BoardSummary
    public var title = TextField(text: "", maxLength: Limits.titleCharacters)
    public var kind: PollKind = .single
    /// For a choice poll: "Red; Black; White".
    public var options = TextField(text: "", maxLength: 12 * (PollLimits.optionCharacters + 2))
    public var products: [ProductSummary] = []
    public var features: [String: [FeatureSummary]] = [:]
    public var productIndex = 0
    public var featureCursor = 0
    public var chosen: [String] = []
    public var closes = TextField(text: "7d", maxLength: 40)
    public var visibility: PollVisibility = .afterVote
    public var intro = TextEditor()
    public var focus: Field = .title
    /// The product of a restored draft, chosen once the catalog is loaded.
    var draftProduct: String?

    public init(board: BoardSummary) { self.board = board }

    /// The board has checked that the member may start polls (`BoardScreen.pollRefusal`).
    static func open(_ board: BoardSummary) -> [Command] { [.push(PollForm(board: board)), .loadCatalog] }

    var draftKey: String { "poll:\(board.slug)" }
    public var breadcrumb: String { "New poll" }
    var product: ProductSummary? { products[safe: productIndex] }
    var productFeatures: [FeatureSummary] { product.flatMap { features[$0.slug] } ?? [] }

    /// The option labels typed, split at `;`.
    var optionLabels: [String] {
        options.text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Rows above the intro editor: heading, title, kind, options (and features), closes, results, a rule.
    static let fixedRows = 8
    static func editorHeight(_ area: Rect) -> Int { max(3, area.height - fixedRows) }
    static let labelWidth = 11
    /// The title field's width: the row less its label and the n/120 count after it.
    static func titleWidth(_ area: Rect) -> Int { max(1, area.width - labelWidth - TitleCount.width - 1) }

    var focusRows: Range<Int> {
        switch focus {
        case .title: 1..<2
        case .kind: 2..<3
        case .options: 3..<5
        case .closes: 5..<6
        case .visibility: 6..<7
        case .intro: Self.fixedRows..<Self.fixedRows + 3
        }
    }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        Self.formKeys(send: "start poll", tab: "next field", arrows: ("← →", "choose"), more: [.typing("Space", "pick a feature", footer: false)])
    }

    /// Between the settings kept in a draft's title: a control character, which no typed title holds.
    static let draftSeparator = "\u{1F}"

    /// The intro as the draft's body; the title and the other fields, joined by
    /// `draftSeparator`, as its title. Nothing typed or picked: an empty draft.
    public var draft: DraftText? {
        guard !title.text.isEmpty || !intro.text.isEmpty || !options.text.isEmpty || !chosen.isEmpty else { return DraftText(key: draftKey, body: "") }
        let settings = [title.text, kind.rawValue, options.text, closes.text, visibility.rawValue, product?.slug ?? draftProduct ?? "",
                        chosen.joined(separator: ",")]
        return DraftText(key: draftKey, title: settings.joined(separator: Self.draftSeparator), body: intro.text)
    }

    public mutating func restore(_ draft: DraftText) -> [Command]? {
        guard takes(draft) else { return nil }
        let parts = draft.title.components(separatedBy: Self.draftSeparator)
        title.setText(parts[0])
        // A draft kept before the form kept its settings has the title alone.
        if parts.count == 7 {
            kind = PollKind(rawValue: parts[1]) ?? kind
            options.setText(parts[2])
            closes.setText(parts[3])
            visibility = PollVisibility(rawValue: parts[4]) ?? visibility
            draftProduct = parts[5].isEmpty ? nil : parts[5]
            chooseDraftProduct()
            chosen = parts[6].split(separator: ",").map(String.init)
        }
        intro = TextEditor(text: draft.body)
        return []
    }

    /// Selects the draft's product once the catalog has it.
    mutating func chooseDraftProduct() {
        guard let slug = draftProduct, let index = products.firstIndex(where: { $0.slug == slug }) else { return }
        productIndex = index
        draftProduct = nil
    }

    func isSent(by answer: any Answer) -> Bool { (answer as? PollStarted)?.board == board.slug }

    mutating func take(_ answer: any Answer, _ context: ScreenContext) {
        guard let catalog = answer as? CatalogLoaded else { return }
        products = catalog.products
        features = catalog.features
        productIndex = min(productIndex, max(0, products.count - 1))
        chooseDraftProduct()
    }

    func leaving(kept: Bool) -> String? { kept ? "No poll started; it is kept as a draft: P in this board continues it." : nil }

    var discarding: (what: String, done: String) { ("this poll", "Poll discarded; nothing was started.") }

    /// The question as the fields give it; nil with why not.
    func question() -> Result<PollQuestion, CommunityError> {
        if kind == .features {
            guard let product else { return .failure(.invalid("there is no product to ask about yet")) }
            return .success(.features(product: product.slug, features: chosen))
        }
        return .success(.choice(options: optionLabels, multiple: kind == .multiple))
    }

    /// The closing time typed: empty for none, a duration from now, or a UTC time.
    static func closingTime(_ text: String, now: Date, checkTime: Bool = true) -> Result<Date?, CommunityError> {
        Result { () throws(CommunityError) in try PollRules.closingTime(parsing: text, now: now, checkTime: checkTime) }
    }

    mutating func handle(_ key: Key, area: Rect) -> [Command] {
        let fields = Field.allCases
        switch key {
        case .ctrl("s"):
            // The time is read when the poll is started (a duration counts from then); here only its form.
            switch (question(), Self.closingTime(closes.text, now: Date(timeIntervalSince1970: 0), checkTime: false)) {
            case (.failure(let error), _), (_, .failure(let error)): return [.setStatus(.error(error.description))]
            case (.success(let question), .success):
                return [.startPoll(board: board.slug, title: title.text, intro: intro.text, question: question,
                                   closes: closes.text, visibility: visibility)]
            }
        case .tab, .enter where focus != .intro:
            focus = fields[(fields.firstIndex(of: focus)! + 1) % fields.count]
            return []
        case .backTab:
            focus = fields[(fields.firstIndex(of: focus)! + fields.count - 1) % fields.count]
            return []
        default: break
        }
        let delta = key == .left || key == .up ? -1 : (key == .right || key == .down ? 1 : 0)
        switch focus {
        case .title:
            _ = title.handle(key, width: Self.titleWidth(area))
            if title.refusedInput { return [.setStatus(.error(SuggestionForm.titleFull))] }
        case .kind:
            let kinds: [PollKind] = [.single, .multiple, .features]
            if delta != 0 || key == .character(" ") {
                kind = kinds[(kinds.firstIndex(of: kind)! + (delta == 0 ? 1 : delta) + kinds.count) % kinds.count]
            }
        case .options where kind != .features: _ = options.handle(key, width: max(1, area.width - Self.labelWidth - 1))
        case .options:
            switch key {
            case .up:
                guard !products.isEmpty else { break }
                productIndex = (productIndex + products.count - 1) % products.count
                chosen = []; featureCursor = 0
            case .down:
                guard !products.isEmpty else { break }
                productIndex = (productIndex + 1) % products.count
                chosen = []; featureCursor = 0
            case .left: featureCursor = max(0, featureCursor - 1)
            case .right: featureCursor = min(max(0, productFeatures.count - 1), featureCursor + 1)
            case .character(" "):
                guard let slug = productFeatures[safe: featureCursor]?.slug else { break }
                if let index = chosen.firstIndex(of: slug) { chosen.remove(at: index) } else { chosen.append(slug) }
            default: break
            }
        case .closes: _ = closes.handle(key, width: max(1, area.width - Self.labelWidth - 1))
        case .visibility:
            if delta != 0 || key == .character(" ") { visibility = visibility == .afterVote ? .afterClose : .afterVote }
        case .intro: _ = intro.handle(key, width: max(1, area.width - 2), height: Self.editorHeight(area))
        }
        return []
    }

    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let area = context.body
        let editorHeight = Self.editorHeight(area)
        Viewport.draw(into: &canvas, area: area, contentHeight: Self.fixedRows + editorHeight, focus: focusRows) { canvas, area in
            draw(into: &canvas, area: area, editorHeight: editorHeight)
        }
    }

    private func draw(into canvas: inout Canvas, area: Rect, editorHeight: Int) {
        let w = area.width, x = Self.labelWidth, fieldWidth = max(1, w - Self.labelWidth - 1)
        var y = area.y
        canvas.put(" New poll in " + board.title, x: 0, y: y, role: .title, maxWidth: w)
        y += 1
        func label(_ text: String, _ field: Field) { canvas.put(text, x: 0, y: y, role: focus == field ? .accent : .muted) }
        func choice(_ text: String, _ field: Field) {
            canvas.put("‹ \(text) ›", x: x, y: y, role: focus == field ? .selection : .normal, maxWidth: fieldWidth)
        }
        label(" Title:    ", .title)
        title.render(into: &canvas, x: x, y: y, width: Self.titleWidth(area), cursorRole: focus == .title ? .selection : nil,
                     placeholder: "the concept, as a question")
        TitleCount.render(title, into: &canvas, right: w, y: y)
        y += 1
        label(" Kind:     ", .kind)
        choice(kind.label, .kind)
        y += 1
        if kind == .features {
            label(" Product:  ", .options)
            choice(product?.name ?? "no products yet", .options)
            y += 1
            // The focused feature carries a mark and stays in view: the row scrolls to it.
            let texts = productFeatures.enumerated().map { index, feature in
                (index == featureCursor && focus == .options ? "▸" : "") + (chosen.contains(feature.slug) ? "[x] " : "[ ] ")
                    + SafeText.displayable(feature.name)
            }
            var first = min(featureCursor, max(0, texts.count - 1)), used = texts.isEmpty ? 0 : TextWidth.of(texts[first]) + 1
            while first > 0, used + TextWidth.of(texts[first - 1]) + 1 <= fieldWidth - 1 { first -= 1; used += TextWidth.of(texts[first]) + 1 }
            var column = x
            if first > 0 { column += canvas.put("…", x: column, y: y, role: .muted) }
            for (index, feature) in productFeatures.enumerated().dropFirst(first) {
                let text = texts[index]
                guard column + TextWidth.of(text) <= w else { canvas.put("…", x: w - 1, y: y, role: .muted); break }
                let role: StyleRole = focus == .options && index == featureCursor ? .selection : (chosen.contains(feature.slug) ? .accent : .normal)
                column += canvas.put(text, x: column, y: y, role: role, maxWidth: max(0, w - column)) + 1
            }
            canvas.put(focus == .options ? " ↑↓ ← →" : "", x: 0, y: y, role: .muted, maxWidth: x)
        } else {
            label(" Options:  ", .options)
            options.render(into: &canvas, x: x, y: y, width: fieldWidth, cursorRole: focus == .options ? .selection : nil,
                           placeholder: "2 to 12, separated by ;")
            y += 1
            canvas.put("\(optionLabels.count) option\(optionLabels.count == 1 ? "" : "s")", x: x, y: y, role: .muted, maxWidth: fieldWidth)
        }
        y += 1
        label(" Closes:   ", .closes)
        closes.render(into: &canvas, x: x, y: y, width: fieldWidth, cursorRole: focus == .closes ? .selection : nil, placeholder: "never")
        y += 1
        label(" Results:  ", .visibility)
        choice(visibility.hiddenText, .visibility)
        y += 1
        canvas.put(String(repeating: "─", count: max(0, w)), x: 0, y: y, role: .border)
        y += 1
        intro.render(into: &canvas, x: 1, y: y, width: max(1, w - 2), height: editorHeight, role: .normal,
                     cursorRole: focus == .intro ? .selection : nil, placeholder: "The concept in a few lines. Tab moves, ^S starts the poll.")
    }
}

extension PollEffects {
    /// A manager's new poll: the same Community method as `paddock poll new`.
    struct StartPoll: Sending {
        var board: String
        var title: String
        var intro: String
        var question: PollQuestion
        var closes: String
        var visibility: PollVisibility
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            let closesAt = try PollForm.closingTime(closes, now: env.now).get()
            let poll = try env.community.startPoll(by: env.member, board: board, title: title, intro: intro, question: question,
                                                   closesAt: closesAt, visibility: visibility)
            return .answer(PollStarted(detail: poll, board: board, thread: try env.community.thread(poll.id, viewer: env.member, limit: 1).thread))
        }
    }
}

extension Command {
    static func startPoll(board: String, title: String, intro: String, question: PollQuestion, closes: String,
                          visibility: PollVisibility) -> Command {
        .effect(PollEffects.StartPoll(board: board, title: title, intro: intro, question: question, closes: closes, visibility: visibility))
    }
}

/// A poll started: the form closes and its thread opens.
struct PollStarted: PollNews {
    var detail: PollDetail
    var board: String
    var thread: ThreadSummary

    func follow(_ state: inout AppState) -> [Command] {
        [.setStatus(.info("Poll #\(detail.id) started: \(detail.stateText)."))] + ThreadScreen.open(thread)
    }
}
