import Foundation
import PaddockCore
import PaddockStore

/// The member's notifications, newest first, a page at a time: unread marked
/// `●`, then age, kind, who acted and what on. Enter opens the target (the
/// thread at the post) and marks the item read; `m` marks one read, `M` all.
public struct InboxScreen: Equatable {
    public var items: [InboxItem] = []
    /// Whether older items are left to load.
    public var more = false
    /// Whether newer items than the first loaded are left to load (after `G`).
    public var newer = false
    public var loaded = false
    public var list = ListSelection()

    public init() {}

    static func pageSize(_ body: Rect) -> Int { max(10, body.height) }

    func visibleRows(in body: Rect) -> Int { max(1, body.height - 1) }

    static func open(body: Rect) -> [Command] {
        [.push(.inbox(InboxScreen())), .loadInbox(before: nil, limit: pageSize(body) + 1)]
    }

    var selectedItem: InboxItem? { items[safe: list.selected] }

    mutating func handle(_ key: Key, body: Rect, now: Date) -> [Command] {
        switch key {
        case .end where more, .character("G") where more:
            // The oldest page itself, not every page on the way.
            return [.loadInboxNewer(after: 0, limit: Self.pageSize(body) + 1)]
        case .home where newer, .character("g") where newer:
            items = []
            newer = false
            list = ListSelection()
            return [.loadInbox(before: nil, limit: Self.pageSize(body) + 1)]
        default: break
        }
        if list.handleMovement(key, count: items.count, visible: visibleRows(in: body)) {
            if newer, let first = items.first, list.selected <= 3 {
                return [.loadInboxNewer(after: first.id, limit: Self.pageSize(body) + 1)]
            }
            guard more, let last = items.last, list.nearsEnd(count: items.count, margin: 3) else { return [] }
            return [.loadInbox(before: last.id, limit: Self.pageSize(body) + 1)]
        }
        switch key {
        case .enter:
            guard let item = selectedItem else { return [] }
            let read = markRead(at: list.selected, now: now)
            guard let thread = item.threadId else { return read + [.setStatus(.info(item.text))] }
            return read + [.openThreadAt(id: thread, position: item.postPosition)]
        case .character("m"):
            guard selectedItem != nil else { return [] }
            let read = markRead(at: list.selected, now: now)
            list.move(by: 1, count: items.count, visible: visibleRows(in: body))
            return read
        case .character("M"):
            guard items.contains(where: \.isUnread) else { return [.setStatus(.info("Nothing unread."))] }
            for i in items.indices where items[i].isUnread { items[i].readAt = now }
            return [.markAllNotificationsRead, .setStatus(.info("Every notification marked read."))]
        default:
            return []
        }
    }

    /// Marks an item read on screen at once and asks the store to record it.
    mutating func markRead(at index: Int, now: Date) -> [Command] {
        guard let item = items[safe: index], item.isUnread else { return [] }
        items[index].readAt = now
        return [.markNotificationRead(id: item.id)]
    }

    /// A page read with `limit` = page + 1: the extra row only says there is more.
    /// The newest page read again (a notification arrived, or one was marked
    /// read elsewhere) puts newer items on top and updates those still loaded.
    mutating func loaded(_ rows: [InboxItem], before: Int64?, limit: Int, body: Rect) {
        let more = rows.count >= limit
        let page = Array(rows.prefix(max(0, limit - 1)))
        if before == nil {
            if let newest = items.first, let oldest = page.last, oldest.id <= newest.id {
                let fresh = Dictionary(page.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                let newer = page.filter { $0.id > newest.id }
                items = newer + items.map { fresh[$0.id] ?? $0 }
                list.selected += newer.count
            } else {
                items = page
                self.more = more
            }
        } else {
            let fresh = Dictionary(page.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let known = Set(items.map(\.id))
            items = items.map { fresh[$0.id] ?? $0 } + page.filter { !known.contains($0.id) }
            self.more = more
        }
        loaded = true
        list.reveal(count: items.count, visible: visibleRows(in: body))
    }

    /// A page read backwards with `limit` = page + 1, newest first: the extra (newest) row only says there is more.
    mutating func loadedNewer(_ rows: [InboxItem], after: Int64, limit: Int, body: Rect) {
        let page = Array(rows.suffix(max(0, limit - 1)))
        let known = Set(items.map(\.id))
        let fresh = after == 0 ? page : page.filter { !known.contains($0.id) }
        if after == 0 {
            items = page
            more = false
            list.selected = items.count - 1
        } else {
            items = fresh + items
            list.selected += fresh.count
            list.offset += fresh.count
        }
        newer = rows.count >= limit
        loaded = true
        list.reveal(count: items.count, visible: visibleRows(in: body))
    }

    /// Reads the newest page again; older loaded items stay. Without the newest
    /// loaded (after `G`), the page from the first row shown is read again.
    func refresh(body: Rect) -> Command {
        if newer, let first = items.first { return .loadInbox(before: first.id + 1, limit: Self.pageSize(body) + 1) }
        return .loadInbox(before: nil, limit: Self.pageSize(body) + 1)
    }

    /// What a row says after its kind and actor: a conversation's title, or
    /// the news where the notification carries it (a status, a warning).
    static func target(_ item: InboxItem) -> String {
        switch item.kind {
        case .reply, .mention, .watched:
            if let title = item.threadTitle { return "“\(title)”" }
            return item.text
        case .status, .milestone, .moderation:
            // “Title” is now shipped: … → "now shipped: … · “Title”": the news first,
            // where a narrow row keeps it, without a verb that would read as the actor's.
            if let title = item.threadTitle, let headline = item.payload?.headline(actor: item.actorHandle) {
                return headline.news + " · “\(title)”"
            }
            return item.text
        }
    }

    static let ageWidth = 8
    static let kindWidth = 10
    static let actorWidth = 14

    /// - Parameter unread: the member's unread count, as the header's `✉` shows it.
    func render(into canvas: inout Canvas, body: Rect, now: Date, unread: Int) {
        let w = body.width
        let header = "  INBOX · newest first" + (loaded && !items.isEmpty ? " · \(unread) unread" : "")
        canvas.put(header, x: 0, y: body.y, role: .muted, maxWidth: w)
        guard loaded else {
            canvas.put(" Loading…", x: 0, y: body.y + 1, role: .muted)
            return
        }
        if items.isEmpty {
            canvas.put(" Nothing here yet: replies to you, mentions, news of your suggestions and", x: 0, y: body.y + 1, role: .muted, maxWidth: w)
            canvas.put(" threads you watch arrive here.", x: 0, y: body.y + 2, role: .muted, maxWidth: w)
            return
        }
        for row in 0..<visibleRows(in: body) {
            let index = list.offset + row
            guard let item = items[safe: index] else { break }
            let y = body.y + 1 + row
            let selected = index == list.selected
            let role: StyleRole = selected ? .selection : (item.isUnread ? .unread : .normal)
            if selected { canvas.fill(x: 0, y: y, width: w, height: 1, role: .selection) }
            if item.isUnread { canvas.put("●", x: 1, y: y, role: selected ? .selection : .accent) }
            var x = 3
            x += canvas.put(TextWrap.pad(Ago.describe(item.createdAt, now: now), width: Self.ageWidth), x: x, y: y,
                            role: selected ? .selection : .muted, maxWidth: max(0, w - x)) + 1
            x += canvas.put(TextWrap.pad(item.kind.label, width: Self.kindWidth), x: x, y: y, role: role,
                            maxWidth: max(0, w - x)) + 1
            if w >= 60 {
                let actor = TextWrap.truncate(SafeText.displayable(item.actorHandle ?? "—"), width: Self.actorWidth)
                x += canvas.put(TextWrap.pad(actor, width: Self.actorWidth), x: x, y: y, role: role, maxWidth: max(0, w - x)) + 1
            }
            let room = max(0, w - x - 1)
            canvas.put(TextWrap.truncate(SafeText.displayable(Self.target(item)), width: room), x: x, y: y, role: role, maxWidth: room)
        }
    }
}
