import Foundation
import PaddockCore
import PaddockStore

/// Search, opened with `/` from any screen: a query field above the results,
/// best match first, each a title line (board, author, age) and a snippet with
/// the matching words highlighted. Enter in the field runs the query; Enter
/// on a result opens its thread at the matching post. Results page as you
/// move down, like every list.
public struct SearchScreen: Equatable, AppScreen {
    public var field = TextField(maxLength: SearchQuery.maxLength)
    /// Whether keys go to the query (else to the results).
    public var typing = true
    /// The query the results are for.
    public var query = ""
    public var hits = PagedList<SearchHit, SearchCursor>(id: \.postId)
    /// Why the query could not run, or what was left out of it.
    public var hint: String?
    /// Whether the last query ran (false: nothing searched yet, or refused).
    public var searched = false
    /// A page is being read: a second is not asked for meanwhile.
    public var loading = false

    public init(text: String = "") {
        field.setText(text)
    }

    public var breadcrumb: String { "Search" }

    /// Rows above the results: the query, and what it found.
    static let headerRows = 2
    /// Each hit: its thread and where, then the snippet.
    static let rowsPerHit = 2

    static func pageSize(_ body: Rect) -> Int { max(10, body.height) }

    func visibleRows(in body: Rect) -> Int { max(1, (body.height - Self.headerRows) / Self.rowsPerHit) }

    static func open() -> [Command] { [.push(SearchScreen())] }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        if typing {
            return [KeyBinding("Enter", "search", footer: true, keys: [.enter]) { search, _, context in
                        let text = search.field.text.trimmingCharacters(in: .whitespaces)
                        guard !text.isEmpty else { return [.setStatus(.info("Type words to search for, then Enter."))] }
                        search.query = text
                        search.loading = true
                        return [.search(query: text, after: nil, limit: Self.pageSize(context.body))]
                    },
                    KeyBinding("↓ Tab", "results", footer: true, keys: [.down, .tab]) { search, _, _ in
                        if !search.hits.isEmpty { search.typing = false }
                        return []
                    },
                    KeyBinding("Esc", hits.isEmpty ? "back" : "results", footer: true, keys: [.escape]) { search, _, _ in
                        guard !search.hits.isEmpty else { return [.pop] }
                        search.typing = false
                        return []
                    },
                    .typing("\"…\"", "exact phrase"), .typing("-word", "leave out"), .typing("word*", "starts with"),
                    .typing("board: author:", "filters; also product:"), .typing("feature: status:", "kind: is:unread"),
                    .typing("before: after:", "YYYY-MM-DD; is:supported"), .helpWhileTyping]
        }
        return [KeyBinding("Enter", "open at the post", footer: true, keys: [.enter]) { search, _, _ in search.open() },
                KeyBinding("/ Tab", "edit query", footer: true, keys: [.character("/"), .tab]) { search, _, _ in
                    search.typing = true
                    return []
                }]
            + KeyBinding.moving { search, key, context in
                guard case .after(let next)?? = search.hits.move(key, visible: search.visibleRows(in: context.body)), !search.loading else { return [] }
                search.loading = true
                return [.search(query: search.query, after: next, limit: Self.pageSize(context.body))]
            } + [.nextUnread, .inbox(), .help(), .back()]
    }

    func open() -> [Command] {
        guard let hit = hits.selectedRow else { return [] }
        return [.openThreadAt(id: hit.threadId, position: hit.position)]
    }

    public var capturesText: Bool { typing }

    public mutating func type(_ key: Key, _ context: ScreenContext) -> [Command] {
        _ = field.handle(key, width: max(1, context.body.width - 10))
        return []
    }

    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] {
        guard let page = answer as? SearchLoaded, page.query == query else { return [] }
        loading = false
        searched = page.page.searched
        hint = page.page.hint
        if page.after == nil {
            hits.clear()
            if !page.page.hits.isEmpty { typing = false }
        }
        hits.take(page.page.hits, more: page.page.next, as: page.after == nil ? .replace : .append, visible: visibleRows(in: context.body))
        return []
    }

    public mutating func relayout(_ context: ScreenContext) { hits.reveal(visible: visibleRows(in: context.body)) }

    public mutating func click(row y: Int, _ context: ScreenContext) -> [Command] {
        let body = context.body
        guard y >= body.y + Self.headerRows else { return [] }
        let index = hits.selection.offset + (y - body.y - Self.headerRows) / Self.rowsPerHit
        let wasTyping = typing
        guard let again = hits.click(index, visible: visibleRows(in: body)) else { return [] }
        typing = false
        return again && !wasTyping ? open() : []
    }

    /// "Riding mode in the rain · Furia 950 · marco · 3h"
    static func meta(_ hit: SearchHit, now: Date) -> String {
        var parts = [hit.boardTitle, hit.authorHandle, Ago.describe(hit.createdAt, now: now)]
        if hit.position > 0 { parts.insert("post \(hit.position)", at: 0) }
        if hit.state != .visible { parts.append(hit.state.rawValue) }
        return parts.joined(separator: " · ")
    }

    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let (body, now) = (context.body, context.now)
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
            let (count, more) = (hits.rows.count, hits.next != nil)
            let found = count == 0 ? "No results" : "\(count)\(more ? "+" : "") result\(count == 1 && !more ? "" : "s") · best first"
            status = hint.map { found + " · " + $0 } ?? found
        }
        canvas.put(" " + status, x: 0, y: body.y + 1, role: statusRole, maxWidth: w)
        for (row, shown) in hits.shown(visibleRows(in: body)).enumerated() {
            let hit = shown.row
            let y = body.y + Self.headerRows + row * Self.rowsPerHit
            let selected = shown.selected && !typing
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

struct SearchLoaded: Answer {
    var query: String
    var page: SearchPage
    var after: SearchCursor?
}

/// Search's effect.
struct SearchEffect: Effect {
    var query: String
    var after: SearchCursor?
    var limit: Int

    func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
        .answer(SearchLoaded(query: query, page: try env.community.search(query, viewer: env.member, limit: limit, after: after), after: after))
    }
}

extension Command {
    /// A page of search results for the viewer, after `after` (nil: the first page).
    static func search(query: String, after: SearchCursor?, limit: Int) -> Command {
        .effect(SearchEffect(query: query, after: after, limit: limit))
    }
}
