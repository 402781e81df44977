import Foundation
import PaddockCore
import PaddockStore

/// Boards with their thread and unread counts; the Announcements blog stands out
/// and its latest post's title is always in view.
public struct HomeScreen: Equatable {
    public var overview: HomeOverview?
    public var list = ListSelection()

    public init() {}

    /// Rows above the list: the latest announcement and the column titles.
    static let listTop = 3

    func visibleRows(in body: Rect) -> Int { max(1, body.height - Self.listTop) }

    mutating func handle(_ key: Key, body: Rect) -> [Command] {
        if list.handleMovement(key, count: overview?.boards.count ?? 0, visible: visibleRows(in: body)) { return [] }
        switch key {
        case .enter, .right, .character("l"):
            guard let board = overview?.boards[safe: list.selected]?.board else { return [] }
            return [.push(.board(BoardScreen(board: board))), .loadBoard(slug: board.slug, order: .latest, after: nil, limit: BoardScreen.pageSize(body), placement: .replace)]
        case .character("n"): return [.findNextUnread(after: nil)]
        case .character("R"): return RoadmapScreen.open()
        case .character("a"):
            guard let announcement = overview?.latestAnnouncement else { return [] }
            return ThreadScreen.open(announcement)
        default: break
        }
        return []
    }

    func render(into canvas: inout Canvas, body: Rect, now: Date) {
        guard let overview else {
            canvas.put(" Loading…", x: 0, y: body.y, role: .muted)
            return
        }
        if let latest = overview.latestAnnouncement {
            let x = canvas.put(" Latest announcement: ", x: 0, y: body.y, role: .muted)
            let age = " · " + Ago.describe(latest.createdAt, now: now) + "  (a to read)"
            let room = max(0, body.width - x - TextWidth.of(age))
            let w = canvas.put(TextWrap.truncate(latest.title, width: room), x: x, y: body.y, role: .official)
            canvas.put(age, x: x + w, y: body.y, role: .muted)
        }
        let counts = 18
        let titleWidth = max(10, body.width - counts - 4)
        canvas.put("  " + TextWrap.pad("BOARD", width: titleWidth) + "   THREADS  UNREAD", x: 0, y: body.y + 2, role: .muted, maxWidth: body.width)
        let visible = visibleRows(in: body)
        for row in 0..<visible {
            let index = list.offset + row
            guard let item = overview.boards[safe: index] else { break }
            let y = body.y + Self.listTop + row
            let selected = index == list.selected
            let isBlog = item.board.threadKind == .announcement
            let base: StyleRole = selected ? .selection : (isBlog ? .official : .normal)
            if selected { canvas.fill(x: 0, y: y, width: body.width, height: 1, role: .selection) }
            let unread = item.unreadThreads == 0 ? "" : "\(item.unreadThreads)\(item.unreadAtLeast ? "+" : "")"
            canvas.put(item.unreadThreads > 0 ? "+" : " ", x: 0, y: y, role: selected ? .selection : .unread)
            var title = item.board.title
            if body.width >= 70, !item.board.description.isEmpty { title += " — " + item.board.description }
            canvas.put(TextWrap.pad(title, width: titleWidth), x: 2, y: y, role: base)
            let threads = String(repeating: " ", count: max(0, 9 - "\(item.board.threadCount)".count)) + "\(item.board.threadCount)"
            canvas.put(threads, x: 2 + titleWidth + 1, y: y, role: selected ? .selection : .muted)
            let unreadCell = String(repeating: " ", count: max(0, 8 - unread.count)) + unread
            canvas.put(unreadCell, x: 2 + titleWidth + 10, y: y, role: selected ? .selection : .unread)
            if isBlog, !selected { canvas.restyle(x: 2, y: y, width: TextWidth.of(item.board.title), role: .official) }
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
