import Foundation
import PaddockCore
import PaddockStore

/// The managers' review queue: suggestions under review, longest waiting
/// first, a page at a time. Enter opens one, where S changes its status.
public struct ReviewQueueScreen: Equatable, AppScreen {
    public var suggestions = PagedList<SuggestionSummary, SuggestionCursor>(id: \.id)

    public init() {}

    public var breadcrumb: String { "Review queue" }

    static func pageSize(_ body: Rect) -> Int { max(10, body.height) }

    func visibleRows(in body: Rect) -> Int { max(1, body.height - 1) }

    static func open(member: Actor, body: Rect) -> [Command] {
        do throws(CommunityError) {
            try Rules.seeReviewQueue(by: member)
        } catch {
            return [.setStatus(.error(error.description))]
        }
        return [.push(ReviewQueueScreen()), .loadReviewQueue(after: nil, limit: pageSize(body))]
    }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        [KeyBinding("Enter", "open, then S to change status", footer: true, keys: [.enter, .right, .character("l")]) { queue, _, _ in queue.open() }]
            + KeyBinding.moving { queue, key, context in
                guard case .after(let next)?? = queue.suggestions.move(key, visible: queue.visibleRows(in: context.body)) else { return [] }
                return [.loadReviewQueue(after: next, limit: Self.pageSize(context.body))]
            } + [.nextUnread, .inbox(), .search(), .help(), .back()]
    }

    func open() -> [Command] { suggestions.selectedRow.map { [.openThread(id: $0.id)] } ?? [] }

    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] {
        if let loaded = answer as? ReviewQueueLoaded {
            suggestions.take(loaded.page.suggestions, more: loaded.page.next, as: loaded.after == nil ? .replace : .append,
                             visible: visibleRows(in: context.body))
        }
        return []
    }

    /// Reads the queue again from the top, as far as it was read.
    public func reload(_ context: ScreenContext) -> [Command] {
        [.loadReviewQueue(after: nil, limit: max(Self.pageSize(context.body), suggestions.rows.count))]
    }

    public mutating func relayout(_ context: ScreenContext) { suggestions.reveal(visible: visibleRows(in: context.body)) }

    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let (body, now) = (context.body, context.now)
        let w = body.width
        let shown = suggestions.shown(visibleRows(in: body))
        var layout: [Columns.Column] = [.flexible("UNDER REVIEW")]
        if w >= 70 { layout.append(Columns.Column(title: "PRODUCT", width: 15, alignment: .left)) }
        layout += [.fitting("SUPPORT", shown.map { "\($0.row.supporterCount)" }), .fitting("WAITING", atLeast: Ago.widest)]
        let columns = Columns(indent: 2, total: w, layout, flexible: 0)
        canvas.put(columns.header, x: 0, y: body.y, role: .muted, maxWidth: w)
        guard suggestions.drawPlaceholder(into: &canvas, y: body.y + 1, width: w, empty: ["Nothing waiting for review."]) else { return }
        for (row, (_, suggestion, selected)) in shown.enumerated() {
            let y = body.y + 1 + row
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
