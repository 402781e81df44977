import Foundation
import PaddockCore
import PaddockStore

/// Boards with their thread and unread counts; the Announcements blog stands out
/// and its latest post's title is always in view.
public struct HomeScreen: Equatable, AppScreen {
    public var overview: HomeOverview?
    public var list = ListSelection()

    public init() {}

    public var breadcrumb: String { "Paddock" }

    /// Rows above the list: the latest announcement and the column titles.
    static let listTop = 3

    func visibleRows(in body: Rect) -> Int { max(1, body.height - Self.listTop) }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        let count = overview?.boards.count ?? 0
        let move: (inout Self, Key, ScreenContext) -> [Command] = { home, key, context in
            _ = home.list.handleMovement(key, count: count, visible: home.visibleRows(in: context.body))
            return []
        }
        return [KeyBinding("Enter", "open", footer: true, keys: [.enter, .right, .character("l")]) { home, _, context in home.open(context) },
                KeyBinding("n", "next unread", footer: true, keys: [.character("n")]) { _, _, _ in [.findNextUnread(after: nil)] },
                .inbox(footer: true),
                KeyBinding("a", "announcement", keys: [.character("a")]) { home, _, _ in
                    guard let announcement = home.overview?.latestAnnouncement else { return [] }
                    return ThreadScreen.open(announcement)
                },
                KeyBinding("R", "roadmap", footer: true, keys: [.character("R")]) { _, _, _ in RoadmapScreen.open() }]
            + KeyBinding.moving(move) + [
                KeyBinding("S", "suggestions", keys: [.character("S")]) { _, _, context in SuggestionListScreen.open(body: context.body) },
                KeyBinding("y", "for you", keys: [.character("y")]) { _, _, _ in ForYouScreen.open() },
                KeyBinding("E", "your email settings", keys: [.character("E")]) { _, _, _ in MailSettingsScreen.open() },
                KeyBinding("Q", "review queue (managers)", keys: [.character("Q")]) { _, _, context in
                    ReviewQueueScreen.open(member: context.member, body: context.body)
                },
                KeyBinding("M", "moderation queue (moderators)", keys: [.character("M")]) { _, _, context in
                    ModerationQueueScreen.open(member: context.member, undoable: context.lastQueueStep)
                },
                KeyBinding("L", "moderation log", keys: [.character("L")]) { _, _, context in
                    ModerationLogScreen.open(member: context.member, body: context.body)
                },
                KeyBinding("D", "dashboard: demand, activity, health", keys: [.character("D")],
                           shown: DashboardScreen.mayOpen(context.member)) { _, _, context in
                    DashboardScreen.open(member: context.member, now: context.now)
                },
                .search(footer: true), .help(),
                KeyBinding("q", "quit", footer: true, keys: [.character("q")]) { _, _, _ in [.quit] },
            ]
    }

    mutating func open(_ context: ScreenContext) -> [Command] {
        guard let board = overview?.boards[safe: list.selected]?.board else { return [] }
        return [.push(BoardScreen(board: board)),
                .loadBoard(slug: board.slug, order: .latest, after: nil, limit: BoardScreen.pageSize(context.body), placement: .replace)]
    }

    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] {
        if let loaded = answer as? HomeLoaded {
            overview = loaded.overview
            list.reveal(count: loaded.overview.boards.count, visible: visibleRows(in: context.body))
        }
        return []
    }

    public func reload(_ context: ScreenContext) -> [Command] { [.loadHome] }

    public mutating func relayout(_ context: ScreenContext) {
        list.reveal(count: overview?.boards.count ?? 0, visible: visibleRows(in: context.body))
    }

    public mutating func click(row y: Int, _ context: ScreenContext) -> [Command] {
        let index = list.offset + y - context.body.y - Self.listTop
        guard let count = overview?.boards.count, index >= 0, index < count else { return [] }
        if index == list.selected { return open(context) }
        list.moveTo(index, count: count, visible: visibleRows(in: context.body))
        return []
    }

    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let (body, now) = (context.body, context.now)
        guard let overview else {
            canvas.put(" Loading…", x: 0, y: body.y, role: .muted)
            return
        }
        if let latest = overview.latestAnnouncement {
            let age = " · " + Ago.describe(latest.createdAt, now: now)
            // The title gets the room (all of it, or 24 columns of a long one): the label and the hint shorten first.
            let wordings = [(" Latest announcement: ", "  (a to read)"), (" Announcement: ", " (a to read)"), (" Latest: ", " (a)")]
            let wanted = min(TextWidth.of(latest.title), 24)
            let fits = wordings.first { body.width - TextWidth.of($0.0 + age + $0.1) >= wanted }
            let (label, hint) = fits ?? wordings[wordings.count - 1]
            let x = canvas.put(label, x: 0, y: body.y, role: .muted)
            let room = max(0, body.width - x - TextWidth.of(age + hint))
            let w = canvas.put(TextWrap.truncate(latest.title, width: room), x: x, y: body.y, role: .official)
            canvas.put(age + hint, x: x + w, y: body.y, role: .muted, maxWidth: max(0, body.width - x - w))
        }
        let visible = visibleRows(in: body)
        let shown = overview.boards.dropFirst(list.offset).prefix(visible)
        let columns = Columns(indent: 2, total: body.width, [
            .flexible("BOARD"),
            .fitting("THREADS", shown.map { "\($0.board.threadCount)" }),
            .fitting("UNREAD", shown.map(Self.unread)),
        ], flexible: 0)
        let titleWidth = columns.widths[0]
        canvas.put(columns.header, x: 0, y: body.y + 2, role: .muted, maxWidth: body.width)
        for (row, item) in shown.enumerated() {
            let index = list.offset + row
            let y = body.y + Self.listTop + row
            let selected = index == list.selected
            let isBlog = item.board.threadKind == .announcement
            let base: StyleRole = selected ? .selection : (isBlog ? .official : .normal)
            if selected { canvas.fill(x: 0, y: y, width: body.width, height: 1, role: .selection) }
            canvas.put(item.unreadThreads > 0 ? "+" : " ", x: 0, y: y, role: selected ? .selection : .unread)
            var title = item.board.title
            if body.width >= 70, !item.board.description.isEmpty { title += " — " + item.board.description }
            columns.put(title, column: 0, into: &canvas, y: y, role: base)
            columns.put("\(item.board.threadCount)", column: 1, into: &canvas, y: y, role: selected ? .selection : .muted)
            columns.put(Self.unread(item), column: 2, into: &canvas, y: y, role: selected ? .selection : .unread)
            if isBlog, !selected { canvas.restyle(x: 2, y: y, width: min(titleWidth, TextWidth.of(item.board.title)), role: .official) }
        }
    }

    /// The unread cell: how many threads, with + when there may be more than counted.
    static func unread(_ item: BoardOverview) -> String {
        item.unreadThreads == 0 ? "" : "\(item.unreadThreads)\(item.unreadAtLeast ? "+" : "")"
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
