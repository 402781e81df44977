import Foundation
import PaddockCore
import PaddockStore

/// The managers' review queue: suggestions under review, longest waiting
/// first, a page at a time. Enter opens one, where S changes its status.
public struct ReviewQueueScreen: Equatable {
    public var suggestions: [SuggestionSummary] = []
    public var next: SuggestionCursor?
    public var loaded = false
    public var list = ListSelection()

    public init() {}

    static func pageSize(_ body: Rect) -> Int { max(10, body.height) }

    func visibleRows(in body: Rect) -> Int { max(1, body.height - 1) }

    /// Said at once to a member who may not see it.
    static func open(member: Actor, body: Rect) -> [Command] {
        do throws(CommunityError) {
            try Rules.seeReviewQueue(by: member)
        } catch {
            return [.setStatus(.error(error.description))]
        }
        return [.push(.reviewQueue(ReviewQueueScreen())), .loadReviewQueue(after: nil, limit: pageSize(body))]
    }

    mutating func handle(_ key: Key, body: Rect) -> [Command] {
        if list.handleMovement(key, count: suggestions.count, visible: visibleRows(in: body)) {
            guard let next, list.nearsEnd(count: suggestions.count, margin: 3) else { return [] }
            return [.loadReviewQueue(after: next, limit: Self.pageSize(body))]
        }
        switch key {
        case .enter, .right, .character("l"):
            guard let suggestion = suggestions[safe: list.selected] else { return [] }
            return [.openThread(id: suggestion.id)]
        default:
            return []
        }
    }

    mutating func loaded(_ page: SuggestionPage, after: SuggestionCursor?, body: Rect) {
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

    /// Reads the queue again from the start, as far as was loaded.
    func refresh(body: Rect) -> Command { .loadReviewQueue(after: nil, limit: max(Self.pageSize(body), suggestions.count)) }

    func render(into canvas: inout Canvas, body: Rect, now: Date) {
        let w = body.width
        let productWidth = w >= 70 ? 16 : 0
        let supportWidth = 8
        let waitingWidth = 9
        let titleWidth = max(8, w - 2 - productWidth - supportWidth - waitingWidth)
        var header = "  " + TextWrap.pad("UNDER REVIEW", width: titleWidth)
        if productWidth > 0 { header += TextWrap.pad(" PRODUCT", width: productWidth) }
        header += "SUPPORT".leftPadded(to: supportWidth) + "WAITING".leftPadded(to: waitingWidth)
        canvas.put(header, x: 0, y: body.y, role: .muted, maxWidth: w)
        guard loaded else {
            canvas.put(" Loading…", x: 0, y: body.y + 1, role: .muted)
            return
        }
        if suggestions.isEmpty {
            canvas.put(" Nothing waiting for review.", x: 0, y: body.y + 1, role: .muted)
            return
        }
        for row in 0..<visibleRows(in: body) {
            let index = list.offset + row
            guard let suggestion = suggestions[safe: index] else { break }
            let y = body.y + 1 + row
            let selected = index == list.selected
            if selected { canvas.fill(x: 0, y: y, width: w, height: 1, role: .selection) }
            let role: StyleRole = selected ? .selection : .normal
            var x = 2
            canvas.put(TextWrap.pad(suggestion.title, width: titleWidth), x: x, y: y, role: role)
            x += titleWidth
            if productWidth > 0 {
                canvas.put(" " + TextWrap.pad(suggestion.productName, width: productWidth - 1), x: x, y: y, role: selected ? .selection : .muted)
                x += productWidth
            }
            canvas.put("\(suggestion.supporterCount)".leftPadded(to: supportWidth), x: x, y: y, role: role)
            canvas.put(Ago.describe(suggestion.statusChangedAt, now: now).leftPadded(to: waitingWidth), x: x + supportWidth, y: y,
                       role: selected ? .selection : .muted)
        }
    }
}
