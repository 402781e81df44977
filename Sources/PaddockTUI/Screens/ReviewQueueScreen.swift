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
        let shown = suggestions.dropFirst(list.offset).prefix(visibleRows(in: body))
        var layout: [Columns.Column] = [.flexible("UNDER REVIEW")]
        if w >= 70 { layout.append(Columns.Column(title: "PRODUCT", width: 15, alignment: .left)) }
        layout += [.fitting("SUPPORT", shown.map { "\($0.supporterCount)" }), .fitting("WAITING", atLeast: Ago.widest)]
        let columns = Columns(indent: 2, total: w, layout, flexible: 0)
        canvas.put(columns.header, x: 0, y: body.y, role: .muted, maxWidth: w)
        guard loaded else {
            canvas.put(" Loading…", x: 0, y: body.y + 1, role: .muted)
            return
        }
        if suggestions.isEmpty {
            canvas.put(" Nothing waiting for review.", x: 0, y: body.y + 1, role: .muted)
            return
        }
        for (row, suggestion) in shown.enumerated() {
            let index = list.offset + row
            let y = body.y + 1 + row
            let selected = index == list.selected
            if selected { canvas.fill(x: 0, y: y, width: w, height: 1, role: .selection) }
            let role: StyleRole = selected ? .selection : .normal
            columns.put(suggestion.title, column: 0, into: &canvas, y: y, role: role)
            var column = 1
            if w >= 70 {
                columns.put(suggestion.productName, column: 1, into: &canvas, y: y, role: selected ? .selection : .muted)
                column += 1
            }
            columns.put("\(suggestion.supporterCount)", column: column, into: &canvas, y: y, role: role)
            columns.put(Ago.describe(suggestion.statusChangedAt, now: now), column: column + 1, into: &canvas, y: y,
                        role: selected ? .selection : .muted)
        }
    }
}
