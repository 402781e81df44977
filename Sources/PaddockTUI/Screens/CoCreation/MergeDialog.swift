import Foundation
import PaddockCore
import PaddockStore

/// A manager closes a suggestion as a duplicate of another, as `paddock
/// suggestion merge` does: type the other's number or pick one of the similar
/// open suggestions with ↑↓, write the official response, ^S asks to confirm.
/// Esc keeps the response as a draft.
public struct MergeDialog: Equatable, ResponseForm {
    public enum Field: Equatable, Sendable { case target, response }

    public var suggestion: SuggestionSummary
    /// The number of the suggestion it duplicates, as typed or picked.
    public var target = TextField(maxLength: 12)
    /// Open suggestions like this one (itself left out), to pick from.
    public var similar: [SuggestionSummary] = []
    public var response = TextEditor()
    public var focus: Field = .target

    public init(suggestion: SuggestionSummary) { self.suggestion = suggestion }

    var draftKey: String { "merge:\(suggestion.id)" }

    /// Why the member may not merge this suggestion, from the domain's rules; nil when they may.
    static func refusal(_ detail: SuggestionDetail, member: Actor) -> String? {
        do throws(CommunityError) {
            try Rules.mergeSuggestions(by: member)
        } catch {
            return error.description
        }
        guard SuggestionLifecycle.mayBecomeDuplicate(detail.suggestion.status) else {
            return "suggestion #\(detail.suggestion.id) is \(detail.suggestion.status.label): only an open suggestion can be merged into another"
        }
        return nil
    }

    static func open(_ detail: SuggestionDetail, member: Actor) -> [Command] {
        if let refusal = refusal(detail, member: member) { return [.setStatus(.error(refusal))] }
        let suggestion = detail.suggestion
        return [.push(MergeDialog(suggestion: suggestion)),
                .findSimilar(text: suggestion.title, product: suggestion.productSlug)]
    }

    /// The chosen suggestion's number, when one is typed.
    var targetID: Int64? { Int64(target.text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "#", with: "")) }

    /// Only the answer for this suggestion's title is shown.
    mutating func similarFound(text: String, product: String?, _ found: [SuggestionSummary]) {
        guard text == suggestion.title, product == suggestion.productSlug else { return }
        similar = found.filter { $0.id != suggestion.id }
    }

    /// Rows above and below the similar suggestions, without the response editor.
    static let fixedRows = 5

    /// The response editor fills the rest of the window, and takes 3 rows at
    /// least: when the window is shorter the dialog scrolls (see `render`).
    func editorHeight(_ area: Rect) -> Int { max(3, area.height - Self.fixedRows - similar.count - 1) }

    public var breadcrumb: String { "Merge" }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        Self.formKeys(send: "merge", tab: "number/response", arrows: ("↑↓", "pick similar"))
    }

    func isSent(by answer: any Answer) -> Bool { (answer as? Merged)?.detail.suggestion.id == suggestion.id }

    mutating func take(_ answer: any Answer, _ context: ScreenContext) {
        if let found = answer as? SimilarFound, context.isTop { similarFound(text: found.text, product: found.product, found.suggestions) }
    }

    func leaving(kept: Bool) -> String? { kept ? "Not merged; your response is kept as a draft for the next time." : "Not merged." }

    var discarding: (what: String, done: String) { ("this response", "Response discarded; nothing was merged.") }

    mutating func handle(_ key: Key, area: Rect) -> [Command] {
        switch key {
        case .ctrl("s"):
            guard let into = targetID else {
                return [.setStatus(.error("type the number of the suggestion it duplicates, or pick one with ↑↓"))]
            }
            guard into != suggestion.id else { return [.setStatus(.error("a suggestion cannot be a duplicate of itself"))] }
            do throws(CommunityError) {
                _ = try Validate.response(response.text)
            } catch {
                focus = .response
                return [.setStatus(.error(error.description))]
            }
            return [.confirm(Confirmation(
                question: "Merge #\(suggestion.id) into #\(into)? #\(suggestion.id) closes as a duplicate; its supporters move. (y/n)",
                onYes: [.merge(duplicate: suggestion.id, into: into, response: response.text)]))]
        case .tab, .backTab:
            focus = focus == .target ? .response : .target
            return []
        case .enter where focus == .target:
            focus = .response
            return []
        case .up where focus == .target, .down where focus == .target:
            guard !similar.isEmpty else { return [] }
            let current = similar.firstIndex { $0.id == targetID }
            let next = switch (key, current) {
            case (.up, let i?): max(0, i - 1)
            case (.up, nil): similar.count - 1
            case (_, let i?): min(similar.count - 1, i + 1)
            case (_, nil): 0
            }
            target.setText("\(similar[next].id)")
            return []
        default:
            switch focus {
            case .target:
                if case .character(let c) = key, !(c.isASCII && c.isNumber) && c != "#" { return [] }
                _ = target.handle(key, width: 12)
            case .response:
                _ = response.handle(key, width: max(1, area.width - 2), height: editorHeight(area))
            }
            return []
        }
    }

    /// Draws the dialog, scrolled when the window is too short for all of it so
    /// that the number being picked, or the response being typed, stays in view.
    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let area = context.body
        let editorRows = editorHeight(area)
        let picked = similar.firstIndex { $0.id == targetID }.map { $0 + 1 } ?? 0
        let focusRows = focus == .target ? 2..<3 + picked : 3 + similar.count..<5 + similar.count + editorRows
        Viewport.draw(into: &canvas, area: area, contentHeight: Self.fixedRows + similar.count + editorRows, focus: focusRows) {
            canvas, area in draw(into: &canvas, area: area, editorHeight: editorRows)
        }
    }

    private func draw(into canvas: inout Canvas, area: Rect, editorHeight: Int) {
        let w = area.width
        var y = area.y
        var x = canvas.put(" Merge ", x: 0, y: y, role: .muted)
        canvas.put("#\(suggestion.id) \(suggestion.title)", x: x, y: y, role: .title, maxWidth: max(0, w - x - 1))
        y += 1
        canvas.put(" It closes as a duplicate; its \(Plural.count(suggestion.supporterCount, "supporter")) \(suggestion.supporterCount == 1 ? "supports" : "support") the other.", x: 0, y: y,
                   role: .muted, maxWidth: w)
        y += 1
        x = canvas.put(" Into #", x: 0, y: y, role: focus == .target ? .accent : .muted)
        target.render(into: &canvas, x: x, y: y, width: 12, role: .normal, cursorRole: focus == .target ? .selection : nil,
                      placeholder: "number")
        canvas.put(similar.isEmpty ? "type its number" : "type its number, or ↑↓ picks a similar one", x: x + 13, y: y,
                   role: .muted, maxWidth: max(0, w - x - 13))
        y += 1
        for row in similar {
            let picked = row.id == targetID
            let right = " \(SuggestionHeader.badge(row.status)) \(row.supporterCount)"
            canvas.put(picked ? " ▸ " : "   ", x: 0, y: y, role: .accent)
            let x = canvas.put("#\(row.id) ", x: 3, y: y, role: .muted) + 3
            let titleWidth = max(4, w - x - TextWidth.of(right) - 1)
            canvas.put(TextWrap.pad(row.title, width: titleWidth), x: x, y: y, role: picked ? .selection : .normal, maxWidth: titleWidth)
            canvas.put(right, x: x + titleWidth, y: y, role: SuggestionHeader.role(for: row.status))
            y += 1
        }
        canvas.put(" Official response (posted in #\(suggestion.id), sent to its author and supporters):", x: 0, y: y,
                   role: focus == .response ? .accent : .muted, maxWidth: w)
        y += 1
        canvas.put(String(repeating: "─", count: max(0, w)), x: 0, y: y, role: .border)
        y += 1
        response.render(into: &canvas, x: 1, y: y, width: max(1, w - 2), height: editorHeight,
                        role: .normal, cursorRole: focus == .response ? .selection : nil,
                        placeholder: "Why it is a duplicate. ^S merges (asks first), Esc keeps it as a draft.")
    }
}
