import Foundation
import PaddockCore
import PaddockStore

/// A board's threads: pinned first then latest activity (or most replies, or
/// unread only), with an unread marker. Pages load as the selection nears the end.
public struct BoardScreen: Equatable {
    public var board: BoardSummary
    public var order: ThreadOrder = .latest
    public var threads: [ThreadSummary] = []
    /// More threads follow the last one loaded.
    public var hasMore = false
    /// Threads come before the first one loaded (after `G` loaded the last page).
    public var hasEarlier = false
    public var loaded = false
    public var list = ListSelection()
    /// On a suggestion board: each row's status and supporters, by thread id.
    public var suggestions: [Int64: SuggestionSummary] = [:]

    public init(board: BoardSummary) { self.board = board }

    /// A page is a screenful: each query returns what is shown, plus one to know there is more.
    static func pageSize(_ body: Rect) -> Int { max(10, body.height) }

    func visibleRows(in body: Rect) -> Int { max(1, body.height - 1) }

    mutating func handle(_ key: Key, body: Rect, member: Actor, now: Date) -> [Command] {
        switch key {
        case .end where hasMore, .character("G") where hasMore:
            // The last page itself, not every page on the way.
            return [.loadBoard(slug: board.slug, order: order, after: nil, limit: Self.pageSize(body), placement: .last)]
        case .home where hasEarlier, .character("g") where hasEarlier:
            threads = []
            list = ListSelection()
            return [.loadBoard(slug: board.slug, order: order, after: nil, limit: Self.pageSize(body), placement: .replace)]
        default: break
        }
        if list.handleMovement(key, count: threads.count, visible: visibleRows(in: body)) {
            return loadMoreIfNeeded(body: body)
        }
        switch key {
        case .enter, .right, .character("l"):
            guard let thread = threads[safe: list.selected] else { return [] }
            return ThreadScreen.open(thread)
        case .character("o"):
            order = order.next
            threads = []
            hasMore = false
            loaded = false
            list = ListSelection()
            return [.loadBoard(slug: board.slug, order: order, after: nil, limit: Self.pageSize(body), placement: .replace),
                    .setStatus(.info("Order: \(order.label)"))]
        case .character("c"):
            // Said at once, not after the member has written the whole thing.
            if let refusal = startRefusal(member: member, now: now) { return [.setStatus(.error(refusal))] }
            if board.threadKind == .suggestion { return SuggestionForm.open(board) }
            return [.openCompose(.newThread(boardSlug: board.slug, boardTitle: board.title), quoting: nil)]
        case .character("n"):
            return [.findNextUnread(after: threads[safe: list.selected])]
        case .character("M"):
            return [.markBoardRead(slug: board.slug), .setStatus(.info("Every thread of \(board.title) marked read."))]
        default:
            return []
        }
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

    /// Asks for the next page when the selection comes near the last loaded row.
    /// After `G`, asks for the page before when it comes near the first.
    func loadMoreIfNeeded(body: Rect) -> [Command] {
        if hasEarlier, list.selected <= 3 {
            return [.loadBoard(slug: board.slug, order: order, after: threads.first, limit: Self.pageSize(body), placement: .prepend)]
        }
        guard hasMore, list.nearsEnd(count: threads.count, margin: 3) else { return [] }
        return [.loadBoard(slug: board.slug, order: order, after: threads.last, limit: Self.pageSize(body), placement: .append)]
    }

    /// Reads again what is on screen (after others posted, or on coming back):
    /// a page from the first row shown, never the rows scrolled past.
    func refresh(body: Rect) -> Command {
        // With rows not loaded above, the first row stays: the page is read after it.
        let from = hasEarlier && !threads.isEmpty ? max(1, list.offset) : list.offset
        return .loadBoard(slug: board.slug, order: order, after: from > 0 ? threads[safe: from - 1] : nil,
                          limit: Self.pageSize(body), placement: from > 0 ? .refresh(from: from) : .replace)
    }

    mutating func loaded(_ page: ThreadPage, placement: BoardPlacement, body: Rect) {
        board = page.board
        var selectedID = threads[safe: list.selected]?.id
        switch placement {
        case .append:
            let known = Set(threads.map(\.id))
            threads += page.threads.filter { !known.contains($0.id) }
            hasMore = page.next != nil
        case .replace:
            threads = page.threads
            hasMore = page.next != nil
            hasEarlier = false
        case .select(let id):
            threads = page.threads
            selectedID = id
            hasMore = page.next != nil
            hasEarlier = false
        case .refresh(let from):
            threads = Array(threads.prefix(from)) + page.threads
            hasMore = page.next != nil
        case .last:
            threads = page.threads
            hasMore = false
            hasEarlier = page.next != nil
            list.selected = threads.count - 1
        case .prepend:
            let known = Set(threads.map(\.id))
            let fresh = page.threads.filter { !known.contains($0.id) }
            threads = fresh + threads
            list.selected += fresh.count
            list.offset += fresh.count
            hasEarlier = page.next != nil
        }
        if placement != .append, placement != .last, placement != .prepend, let selectedID,
           let index = threads.firstIndex(where: { $0.id == selectedID }) {
            list.selected = index
        }
        loaded = true
        list.reveal(count: threads.count, visible: visibleRows(in: body))
    }

    /// The replies cell: unread of all when some are unread, else all.
    static func replies(_ thread: ThreadSummary) -> String {
        thread.unreadCount > 0 && thread.readPosition != nil ? "\(thread.unreadCount)/\(thread.replyCount)" : "\(thread.replyCount)"
    }

    /// The list's columns at this width, each as wide as the widest value it can show.
    func layout(width w: Int, rows: ArraySlice<ThreadSummary>) -> Columns {
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

    func render(into canvas: inout Canvas, body: Rect, now: Date) {
        let w = body.width
        let shown = threads.dropFirst(list.offset).prefix(visibleRows(in: body))
        let columns = layout(width: w, rows: shown)
        let showAuthor = w >= 70
        let isSuggestions = board.threadKind == .suggestion
        let titleWidth = columns.widths[0]
        canvas.put(columns.header, x: 0, y: body.y, role: .muted, maxWidth: w)
        guard loaded else {
            canvas.put(" Loading…", x: 0, y: body.y + 1, role: .muted)
            return
        }
        if threads.isEmpty {
            let empty = order == .unread ? "Nothing unread here." : "No threads yet. Press c to start one."
            canvas.put(" " + empty, x: 0, y: body.y + 1, role: .muted)
            return
        }
        for (row, thread) in shown.enumerated() {
            let index = list.offset + row
            let y = body.y + 1 + row
            let selected = index == list.selected
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
