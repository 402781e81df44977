import Foundation
import PaddockCore
import PaddockStore

/// Search, opened with `/` from any screen: a query field above the results,
/// best match first, each a title line (board, author, age) and a snippet with
/// the matching words highlighted. Enter in the field runs the query; Enter
/// on a result opens its thread at the matching post. Results page as you
/// move down, like every list.
public struct SearchScreen: Equatable {
    public var field = TextField(maxLength: SearchQuery.maxLength)
    /// Keys go to the field (true) or to the results.
    public var typing = true
    /// The query the results are for.
    public var query = ""
    public var hits: [SearchHit] = []
    public var next: SearchCursor?
    /// Why nothing was searched, or what was read differently; shown above the results.
    public var hint: String?
    public var searched = false
    public var loading = false
    public var list = ListSelection()

    public init(text: String = "") {
        field.setText(text)
    }

    /// Rows of the body above the results: the field and a line for counts and hints.
    static let headerRows = 2
    /// Each result takes a title line and a snippet line.
    static let rowsPerHit = 2

    static func pageSize(_ body: Rect) -> Int { max(10, body.height) }

    func visibleRows(in body: Rect) -> Int { max(1, (body.height - Self.headerRows) / Self.rowsPerHit) }

    static func open() -> [Command] { [.push(.search(SearchScreen()))] }

    mutating func handle(_ key: Key, body: Rect) -> [Command] {
        if typing {
            switch key {
            case .enter:
                let text = field.text.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { return [.setStatus(.info("Type words to search for, then Enter."))] }
                query = text
                loading = true
                return [.search(query: text, after: nil, limit: Self.pageSize(body))]
            case .escape:
                guard !hits.isEmpty else { return [.pop] }
                typing = false
            case .down, .tab:
                if !hits.isEmpty { typing = false }
            default:
                _ = field.handle(key, width: max(1, body.width - 10))
            }
            return []
        }
        switch key {
        case .character("/"), .tab:
            typing = true
            return []
        case .enter:
            guard let hit = hits[safe: list.selected] else { return [] }
            return [.openThreadAt(id: hit.threadId, position: hit.position)]
        default:
            break
        }
        if list.handleMovement(key, count: hits.count, visible: visibleRows(in: body)) {
            guard let next, !loading, list.nearsEnd(count: hits.count, margin: 3) else { return [] }
            loading = true
            return [.search(query: query, after: next, limit: Self.pageSize(body))]
        }
        return []
    }

    /// A page arrived: the first replaces the list, later ones append.
    mutating func loaded(query: String, page: SearchPage, after: SearchCursor?, body: Rect) {
        guard query == self.query else { return }
        loading = false
        searched = page.searched
        hint = page.hint
        if after == nil {
            hits = page.hits
            list = ListSelection()
            if !hits.isEmpty { typing = false }
        } else {
            let known = Set(hits.map(\.postId))
            hits += page.hits.filter { !known.contains($0.postId) }
        }
        next = page.next
        list.reveal(count: hits.count, visible: visibleRows(in: body))
    }

    /// "Riding mode in the rain · Furia 950 · marco · 3h"
    static func meta(_ hit: SearchHit, now: Date) -> String {
        var parts = [hit.boardTitle, hit.authorHandle, Ago.describe(hit.createdAt, now: now)]
        if hit.position > 0 { parts.insert("post \(hit.position)", at: 0) }
        if hit.state != .visible { parts.append(hit.state.rawValue) }
        return parts.joined(separator: " · ")
    }

    func render(into canvas: inout Canvas, body: Rect, now: Date) {
        let w = body.width
        let label = " Search: "
        canvas.put(label, x: 0, y: body.y, role: .title)
        let fieldX = TextWidth.of(label)
        field.render(into: &canvas, x: fieldX, y: body.y, width: max(1, w - fieldX - 1), role: .normal,
                     cursorRole: typing ? .selection : nil, placeholder: "words \"a phrase\" -without pre* board: author: is:unread")
        let status: String
        var statusRole = StyleRole.muted
        if loading && hits.isEmpty {
            status = "Searching…"
        } else if let hint, !searched {
            status = hint
            statusRole = .error
        } else if !searched {
            status = "Enter searches · F1 lists the filters and operators"
        } else {
            let count = hits.isEmpty ? "No results" : "\(hits.count)\(next != nil ? "+" : "") result\(hits.count == 1 && next == nil ? "" : "s") · best first"
            status = hint.map { count + " · " + $0 } ?? count
        }
        canvas.put(" " + status, x: 0, y: body.y + 1, role: statusRole, maxWidth: w)
        for row in 0..<visibleRows(in: body) {
            let index = list.offset + row
            guard let hit = hits[safe: index] else { break }
            let y = body.y + Self.headerRows + row * Self.rowsPerHit
            let selected = index == list.selected && !typing
            let base: StyleRole = selected ? .selection : .normal
            if selected { canvas.fill(x: 0, y: y, width: w, height: Self.rowsPerHit, role: .selection) }
            let meta = " · " + Self.meta(hit, now: now)
            let metaWidth = min(TextWidth.of(meta), max(0, w - 14))
            let titleWidth = max(1, w - 2 - metaWidth)
            let titleRuns = SearchSnippet(text: hit.threadTitle, matches: hit.titleMatches).runs
            let used = Self.put(titleRuns, into: &canvas, x: 2, y: y, width: titleWidth,
                                role: hit.threadKind == .announcement && !selected ? .official : (selected ? .selection : .title))
            canvas.put(meta, x: 2 + used, y: y, role: selected ? .selection : .muted, maxWidth: metaWidth)
            Self.put(hit.snippet.runs, into: &canvas, x: 4, y: y + 1, width: max(1, w - 5), role: base)
        }
    }

    /// Draws runs of text on one row, the matching ones highlighted; returns the columns used.
    /// Each run goes through `Canvas.put`, so through SafeText.
    @discardableResult
    static func put(_ runs: [(text: String, match: Bool)], into canvas: inout Canvas, x: Int, y: Int, width: Int, role: StyleRole) -> Int {
        let total = runs.reduce(0) { $0 + TextWidth.of(SafeText.displayable($1.text)) }
        var col = 0
        for run in runs {
            let room = width - col
            guard room > 0 else { break }
            let shown = SafeText.displayable(run.text)
            // The last visible piece ends in "…" when the rest does not fit.
            let text = total - col > room && TextWidth.of(shown) >= room ? TextWrap.truncate(shown, width: room) : shown
            col += canvas.put(text, x: x + col, y: y, role: run.match ? .highlight : role, maxWidth: room)
        }
        return col
    }
}
