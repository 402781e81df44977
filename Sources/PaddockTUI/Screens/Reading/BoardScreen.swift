import Foundation
import PaddockCore
import PaddockStore

/// A board's threads: pinned first then latest activity (or most replies, or
/// unread only), with an unread marker. Pages load as the selection nears the end.
public struct BoardScreen: Equatable, AppScreen {
    public var board: BoardSummary
    public var order: ThreadOrder = .latest
    /// The threads loaded; a page's cursor is a thread (the store reads after or before it).
    public var threads = PagedList<ThreadSummary, ThreadSummary>(id: \.id, readsBackwards: true)
    /// On a suggestion board: each row's status and supporters, by thread id.
    public var suggestions: [Int64: SuggestionSummary] = [:]

    public init(board: BoardSummary) { self.board = board }

    public var breadcrumb: String { board.title }

    /// A page is a screenful: each query returns what is shown, plus one to know there is more.
    static func pageSize(_ body: Rect) -> Int { max(10, body.height) }

    func visibleRows(in body: Rect) -> Int { max(1, body.height - 1) }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        let canStart = startRefusal(member: context.member, now: context.now) == nil
        return [KeyBinding("Enter", "open", footer: true, keys: [.enter, .right, .character("l")]) { board, _, _ in board.open() },
                KeyBinding("c", board.threadKind == .suggestion ? "new suggestion" : "new thread", footer: true, keys: [.character("c")],
                           shown: canStart) { board, _, context in board.start(context) },
                KeyBinding("n", "next unread", footer: true, keys: [.character("n")]) { board, _, _ in
                    [.findNextUnread(after: board.threads.selectedRow)]
                },
                KeyBinding("o", "order: \(order.label)", footer: true, keys: [.character("o")]) { board, _, context in
                    board.order = board.order.next
                    board.threads.clear()
                    board.threads.loaded = false
                    return [board.load(.first, context), .setStatus(.info("Order: \(board.order.label)"))]
                }]
            + KeyBinding.moving { board, key, context in
                board.threads.move(key, visible: board.visibleRows(in: context.body)).map { need in need.map { [board.load($0, context)] } ?? [] } ?? []
            } + [
                KeyBinding("M", "mark board read", keys: [.character("M")]) { board, _, _ in
                    [.markBoardRead(slug: board.board.slug), .setStatus(.info("Every thread of \(board.board.title) marked read."))]
                },
                pollKey(context),
                .inbox(), .search(), .help(), .back(),
            ]
    }

    /// The command that reads the page a move needs.
    func load(_ need: PagedList<ThreadSummary, ThreadSummary>.PageNeed, _ context: ScreenContext) -> Command {
        let (after, placement): (ThreadSummary?, BoardPlacement) = switch need {
        case .first: (nil, .replace)
        // The last page itself, not every page on the way.
        case .last: (nil, .last)
        case .after(let last): (last, .append)
        case .before(let first): (first, .prepend)
        }
        return .loadBoard(slug: board.slug, order: order, after: after, limit: Self.pageSize(context.body), placement: placement)
    }

    func open() -> [Command] {
        guard let thread = threads.selectedRow else { return [] }
        return ThreadScreen.open(thread)
    }

    func start(_ context: ScreenContext) -> [Command] {
        // Said at once, not after the member has written the whole thing.
        if let refusal = startRefusal(member: context.member, now: context.now) { return [.setStatus(.error(refusal))] }
        if board.threadKind == .suggestion { return SuggestionForm.open(board) }
        return [.openCompose(.newThread(boardSlug: board.slug, boardTitle: board.title), quoting: nil)]
    }

    /// Why `c` would be refused in this board (the domain's rules); nil when the member may start a thread.
    func startRefusal(member: Actor, now: Date) -> String? {
        do throws(CommunityError) {
            if board.threadKind == .suggestion {
                try Rules.suggest(by: member, now: now)
            } else {
                try Rules.startThread(by: member, kind: board.threadKind, now: now)
            }
        } catch {
            return error.description
        }
        return nil
    }

    /// Reads again what is on screen (after others posted, or on coming back):
    /// a page from the first row shown, never the rows scrolled past.
    public func reload(_ context: ScreenContext) -> [Command] {
        // With rows not loaded above, the first row stays: the page is read after it.
        let offset = threads.selection.offset
        let from = threads.earlier != nil && !threads.isEmpty ? max(1, offset) : offset
        return [.loadBoard(slug: board.slug, order: order, after: from > 0 ? threads.rows[safe: from - 1] : nil,
                           limit: Self.pageSize(context.body), placement: from > 0 ? .refresh(from: from) : .replace)]
    }

    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] {
        switch answer {
        case let loaded as BoardLoaded where loaded.slug == board.slug && loaded.order == order:
            board = loaded.page.board
            let page = loaded.page.threads
            // Read forwards, the next page starts after the last row; read backwards, before the first.
            let backwards = loaded.placement == .last || loaded.placement == .prepend
            let more = loaded.page.next == nil ? nil : (backwards ? page.first : page.last)
            threads.take(page, more: more, as: loaded.placement, visible: visibleRows(in: context.body))
            if board.threadKind == .suggestion, !page.isEmpty { return [.loadSuggestionRows(slug: board.slug, ids: page.map(\.id))] }
        case let rows as SuggestionRowsLoaded where rows.slug == board.slug:
            for row in rows.rows { suggestions[row.id] = row }
        case let changed as any SuggestionNews where suggestions[changed.detail.suggestion.id] != nil:
            suggestions[changed.detail.suggestion.id] = changed.detail.suggestion
        case let posted as SuggestionPosted where posted.board == board.slug:
            return [.loadBoard(slug: board.slug, order: order, after: nil, limit: Self.pageSize(context.body), placement: .select(posted.summary.id))]
        case let sent as Submitted:
            // The board comes back with the new thread selected.
            guard case .newThread(let slug, _) = sent.target, slug == board.slug else { break }
            return [.loadBoard(slug: slug, order: order, after: nil, limit: Self.pageSize(context.body), placement: .select(sent.threadID))]
        default: break
        }
        return []
    }

    public mutating func relayout(_ context: ScreenContext) { threads.reveal(visible: visibleRows(in: context.body)) }

    public mutating func click(row y: Int, _ context: ScreenContext) -> [Command] {
        let index = threads.selection.offset + y - context.body.y - 1
        guard let again = threads.click(index, visible: visibleRows(in: context.body)) else { return [] }
        return again ? open() : []
    }

    /// The replies cell: unread of all when some are unread, else all.
    static func replies(_ thread: ThreadSummary) -> String {
        thread.unreadCount > 0 && thread.readPosition != nil ? "\(thread.unreadCount)/\(thread.replyCount)" : "\(thread.replyCount)"
    }

    /// The list's columns at this width, each as wide as the widest value it can show.
    func layout(width w: Int, rows: [ThreadSummary]) -> Columns {
        let isSuggestions = board.threadKind == .suggestion
        var columns: [Columns.Column] = [.flexible("TITLE")]
        if w >= 70 { columns.append(Columns.Column(title: "AUTHOR", width: 15, alignment: .left)) }
        if isSuggestions {
            // Narrow windows cut the longest badges ("[UNDER RE…") to leave the title some room.
            let badges = SuggestionStatus.allCases.map(SuggestionHeader.badge)
            columns.append(w >= 60 ? .fitting("STATUS", badges, .left) : Columns.Column(title: "STATUS", width: 9, alignment: .left))
            columns.append(.fitting("SUPPORT", rows.compactMap { thread in suggestions[thread.id].map { "\($0.supporterCount)" } }))
        } else {
            columns.append(.fitting("REPLIES", rows.map(Self.replies)))
        }
        columns.append(.fitting("LAST", atLeast: Ago.widest))
        return Columns(indent: 2, total: w, columns, flexible: 0)
    }

    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let (body, now) = (context.body, context.now)
        let w = body.width
        let shown = threads.shown(visibleRows(in: body))
        let columns = layout(width: w, rows: shown.map(\.row))
        let showAuthor = w >= 70
        let isSuggestions = board.threadKind == .suggestion
        let titleWidth = columns.widths[0]
        canvas.put(columns.header, x: 0, y: body.y, role: .muted, maxWidth: w)
        let empty = order == .unread ? "Nothing unread here." : "No threads yet. Press c to start one."
        guard threads.drawPlaceholder(into: &canvas, y: body.y + 1, width: w, empty: [empty]) else { return }
        for (row, (_, thread, selected)) in shown.enumerated() {
            let y = body.y + 1 + row
            if selected { canvas.fill(x: 0, y: y, width: w, height: 1, role: .selection) }
            let unread = thread.unreadCount > 0
            let role: StyleRole = selected ? .selection : (unread ? .unread : .normal)
            canvas.put(unread ? "+" : " ", x: 0, y: y, role: selected ? .selection : .unread)
            var marks = ""
            if thread.pinned { marks += "[pinned] " }
            if thread.locked { marks += "[locked] " }
            if thread.archived { marks += "[archived] " }
            var x = 2
            if !marks.isEmpty { x += canvas.put(marks, x: x, y: y, role: selected ? .selection : .muted, maxWidth: titleWidth) }
            let titleRole: StyleRole = thread.kind == .announcement && !selected ? .official : role
            canvas.put(TextWrap.pad(thread.title, width: max(0, titleWidth - (x - 2))), x: x, y: y, role: titleRole,
                       maxWidth: max(0, titleWidth - (x - 2)))
            var column = 1
            if showAuthor {
                columns.put(thread.authorHandle, column: column, into: &canvas, y: y, role: selected ? .selection : .muted)
                column += 1
            }
            if isSuggestions {
                if let suggestion = suggestions[thread.id] {
                    columns.put(SuggestionHeader.badge(suggestion.status), column: column, into: &canvas, y: y,
                                role: selected ? .selection : SuggestionHeader.role(for: suggestion.status))
                    columns.put("\(suggestion.supporterCount)", column: column + 1, into: &canvas, y: y, role: role)
                }
                column += 2
            } else {
                columns.put(Self.replies(thread), column: column, into: &canvas, y: y, role: role)
                column += 1
            }
            columns.put(Ago.describe(thread.lastActivityAt, now: now), column: column, into: &canvas, y: y,
                        role: selected ? .selection : .muted)
        }
    }
}

extension String {
    /// Right-aligns in `width` columns (for numbers and short labels).
    func leftPadded(to width: Int) -> String {
        let w = TextWidth.of(self)
        return w >= width ? TextWrap.truncate(self, width: width) : String(repeating: " ", count: width - w) + self
    }
}

/// Where a loaded page of a board's threads goes in the list.
public typealias BoardPlacement = PagedList<ThreadSummary, ThreadSummary>.Placement

extension ThreadOrder {
    var label: String {
        switch self {
        case .latest: "latest"
        case .mostReplies: "most replies"
        case .unread: "unread"
        }
    }

    var next: ThreadOrder {
        let all = ThreadOrder.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
