import Foundation
import PaddockCore
import PaddockStore

/// A manager moves a suggestion along its lifecycle: choose among the statuses
/// allowed from where it stands, write the official response, ^S submits.
/// A refusal keeps the dialog and every word of the response; Esc keeps the
/// response as a draft, offered back when the dialog is opened again.
public struct StatusDialog: Equatable, ResponseForm {
    public enum Field: Equatable, Sendable { case status, response }

    public var suggestion: SuggestionSummary
    public var options: [SuggestionStatus]
    public var choice = 0
    public var response = TextEditor()
    public var focus: Field = .status

    public init(suggestion: SuggestionSummary, options: [SuggestionStatus]) {
        self.suggestion = suggestion
        self.options = options
    }

    /// Why the member may not move this suggestion, from the domain's rules; nil when they may.
    static func refusal(_ detail: SuggestionDetail, member: Actor) -> String? {
        do throws(CommunityError) {
            try Rules.changeSuggestionStatus(by: member)
        } catch {
            return error.description
        }
        guard !detail.allowedStatuses.isEmpty else {
            return "a \(detail.suggestion.status.label) suggestion is closed and its status can no longer change"
        }
        return nil
    }

    /// Said at once when the member may not, or the suggestion cannot move.
    static func open(_ detail: SuggestionDetail, member: Actor) -> [Command] {
        if let refusal = refusal(detail, member: member) { return [.setStatus(.error(refusal))] }
        return [.push(StatusDialog(suggestion: detail.suggestion, options: detail.allowedStatuses))]
    }

    var draftKey: String { "status:\(suggestion.id)" }

    /// The response editor fills the rest of the window, and takes 3 rows at
    /// least: when the window is shorter the dialog scrolls (see `render`).
    static func editorHeight(_ area: Rect, options: Int) -> Int { max(3, area.height - options - 4) }

    public var breadcrumb: String { "Status" }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        Self.formKeys(send: "submit", tab: "status/response", arrows: ("↑↓", "choose status"))
    }

    func isSent(by answer: any Answer) -> Bool { (answer as? StatusChanged)?.detail.suggestion.id == suggestion.id }

    func leaving(kept: Bool) -> String? {
        kept ? "Status unchanged; your response is kept as a draft for the next time." : "Status unchanged."
    }

    var discarding: (what: String, done: String) { ("this response", "Response discarded; the status is unchanged.") }

    mutating func handle(_ key: Key, area: Rect) -> [Command] {
        switch key {
        case .ctrl("s"):
            guard let status = options[safe: choice] else { return [] }
            return [.changeStatus(id: suggestion.id, to: status, response: response.text)]
        case .tab, .backTab:
            focus = focus == .status ? .response : .status
            return []
        case .enter where focus == .status:
            focus = .response
            return []
        case .up where focus == .status:
            choice = max(0, choice - 1)
            return []
        case .down where focus == .status:
            choice = min(options.count - 1, choice + 1)
            return []
        default:
            // Text typed or pasted on the statuses is the response's: it goes there, never nowhere.
            if focus == .status, key.isText { focus = .response }
            if focus == .response {
                _ = response.handle(key, width: max(1, area.width - 2), height: Self.editorHeight(area, options: options.count))
            }
            return []
        }
    }

    /// Draws the dialog, scrolled when the window is too short for all of it so
    /// that the focused status, or the response being typed, stays in view.
    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let area = context.body
        let editorHeight = Self.editorHeight(area, options: options.count)
        let focusRows = focus == .status ? 2 + choice..<3 + choice : 2 + options.count..<4 + options.count + editorHeight
        Viewport.draw(into: &canvas, area: area, contentHeight: 4 + options.count + editorHeight, focus: focusRows) { canvas, area in
            draw(into: &canvas, area: area, editorHeight: editorHeight)
        }
    }

    private func draw(into canvas: inout Canvas, area: Rect, editorHeight: Int) {
        var y = area.y
        var x = canvas.put(" Change the status of ", x: 0, y: y, role: .muted)
        canvas.put(suggestion.title, x: x, y: y, role: .title, maxWidth: max(0, area.width - x - 1))
        y += 1
        x = canvas.put(" Now ", x: 0, y: y, role: .muted)
        x += canvas.put(SuggestionHeader.badge(suggestion.status), x: x, y: y, role: SuggestionHeader.role(for: suggestion.status))
        canvas.put(" · \(Plural.count(suggestion.supporterCount, "supporter")) · move it to:", x: x, y: y, role: .muted, maxWidth: max(0, area.width - x))
        y += 1
        for (index, status) in options.enumerated() {
            let chosen = index == choice
            canvas.put(chosen ? (focus == .status ? " ▸ " : " • ") : "   ", x: 0, y: y, role: .accent)
            canvas.put(SuggestionHeader.badge(status), x: 3, y: y,
                       role: chosen && focus == .status ? .selection : SuggestionHeader.role(for: status))
            y += 1
        }
        canvas.put(" Official response (sent to the author and every supporter):", x: 0, y: y,
                   role: focus == .response ? .accent : .muted, maxWidth: area.width)
        y += 1
        canvas.put(String(repeating: "─", count: max(0, area.width)), x: 0, y: y, role: .border)
        y += 1
        response.render(into: &canvas, x: 1, y: y, width: max(1, area.width - 2), height: editorHeight,
                        role: .normal, cursorRole: focus == .response ? .selection : nil,
                        placeholder: "Why, and what happens next. ^S submits, Esc keeps it as a draft.")
    }
}
