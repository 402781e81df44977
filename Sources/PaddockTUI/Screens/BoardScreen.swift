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
    public var loaded = false
    public var list = ListSelection()
    /// On a suggestion board: each row's status and supporters, by thread id.
    public var suggestions: [Int64: SuggestionSummary] = [:]

    public init(board: BoardSummary) { self.board = board }

    /// A page is a screenful: each query returns what is shown, plus one to know there is more.
    static func pageSize(_ body: Rect) -> Int { max(10, body.height) }

    func visibleRows(in body: Rect) -> Int { max(1, body.height - 1) }

    mutating func handle(_ key: Key, body: Rect, member: Actor, now: Date) -> [Command] {
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
            return [.markBoardRead(slug: board.slug)]
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
    func loadMoreIfNeeded(body: Rect) -> [Command] {
        guard hasMore, list.nearsEnd(count: threads.count, margin: 3) else { return [] }
        return [.loadBoard(slug: board.slug, order: order, after: threads.last, limit: Self.pageSize(body), placement: .append)]
    }

    /// Reads again what is on screen (after others posted, or on coming back):
    /// a page from the first row shown, never the rows scrolled past.
    func refresh(body: Rect) -> Command {
        let from = list.offset
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
        case .replace:
            threads = page.threads
        case .select(let id):
            threads = page.threads
            selectedID = id
        case .refresh(let from):
            threads = Array(threads.prefix(from)) + page.threads
        }
        if placement != .append, let selectedID, let index = threads.firstIndex(where: { $0.id == selectedID }) {
            list.selected = index
        }
        hasMore = page.next != nil
        loaded = true
        list.reveal(count: threads.count, visible: visibleRows(in: body))
    }

    func render(into canvas: inout Canvas, body: Rect, now: Date) {
        let w = body.width
        let showAuthor = w >= 70
        let authorWidth = showAuthor ? 16 : 0
        let isSuggestions = board.threadKind == .suggestion
        let statusWidth = isSuggestions ? 15 : 0
        let repliesWidth = isSuggestions ? 8 : 7
        let ageWidth = 7
        let titleWidth = max(8, w - 2 - authorWidth - statusWidth - repliesWidth - ageWidth)
        var header = "  " + TextWrap.pad("TITLE", width: titleWidth)
        if showAuthor { header += TextWrap.pad(" AUTHOR", width: authorWidth) }
        if isSuggestions { header += TextWrap.pad(" STATUS", width: statusWidth) }
        header += (isSuggestions ? "SUPPORT" : "REPLIES").leftPadded(to: repliesWidth) + "LAST".leftPadded(to: ageWidth)
        canvas.put(header, x: 0, y: body.y, role: .muted, maxWidth: w)
        guard loaded else {
            canvas.put(" Loading…", x: 0, y: body.y + 1, role: .muted)
            return
        }
        if threads.isEmpty {
            let empty = order == .unread ? "Nothing unread here." : "No threads yet. Press c to start one."
            canvas.put(" " + empty, x: 0, y: body.y + 1, role: .muted)
            return
        }
        for row in 0..<visibleRows(in: body) {
            let index = list.offset + row
            guard let thread = threads[safe: index] else { break }
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
            canvas.put(TextWrap.pad(thread.title, width: max(0, titleWidth - (x - 2))), x: x, y: y, role: titleRole)
            x = 2 + titleWidth
            if showAuthor {
                canvas.put(" " + TextWrap.pad(thread.authorHandle, width: authorWidth - 1), x: x, y: y, role: selected ? .selection : .muted)
                x += authorWidth
            }
            if isSuggestions {
                if let suggestion = suggestions[thread.id] {
                    canvas.put(" " + SuggestionHeader.badge(suggestion.status), x: x, y: y,
                               role: selected ? .selection : SuggestionHeader.role(for: suggestion.status), maxWidth: statusWidth)
                    canvas.put("\(suggestion.supporterCount)".leftPadded(to: repliesWidth), x: x + statusWidth, y: y, role: role)
                }
                x += statusWidth
            } else {
                let replies = unread && thread.readPosition != nil ? "\(thread.unreadCount)/\(thread.replyCount)" : "\(thread.replyCount)"
                canvas.put(replies.leftPadded(to: repliesWidth), x: x, y: y, role: role)
            }
            canvas.put(Ago.describe(thread.lastActivityAt, now: now).leftPadded(to: ageWidth), x: x + repliesWidth, y: y,
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
