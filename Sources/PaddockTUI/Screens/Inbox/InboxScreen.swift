import Foundation
import PaddockCore
import PaddockStore

/// The member's notifications, newest first, a page at a time: unread marked
/// `●`, then age, kind, who acted and what on. Enter opens the target (the
/// thread at the post) and marks the item read; `m` marks one read, `M` all.
public struct InboxScreen: Equatable, AppScreen {
    /// Newest first; the cursors are item ids.
    public var items = PagedList<InboxItem, Int64>(id: \.id, readsBackwards: true)

    public init() {}

    public var breadcrumb: String { "Inbox" }

    static func pageSize(_ body: Rect) -> Int { max(10, body.height) }

    func visibleRows(in body: Rect) -> Int { max(1, body.height - 1) }

    static func open(body: Rect) -> [Command] {
        [.push(InboxScreen()), .loadInbox(.older(before: nil), limit: pageSize(body) + 1)]
    }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        [KeyBinding("Enter", "open", footer: true, keys: [.enter]) { $0.open($2) },
         KeyBinding("m", "mark read", footer: true, keys: [.character("m")]) { inbox, _, context in
             guard inbox.items.selectedRow != nil else { return [] }
             let read = inbox.markRead(at: inbox.items.selected, now: context.now)
             inbox.items.selection.move(by: 1, count: inbox.items.rows.count, visible: inbox.visibleRows(in: context.body))
             return read
         },
         KeyBinding("M", "mark all read", footer: true, keys: [.character("M")]) { inbox, _, context in
             guard inbox.items.rows.contains(where: \.isUnread) else { return [.setStatus(.info("Nothing unread."))] }
             for i in inbox.items.rows.indices where inbox.items.rows[i].isUnread { inbox.items.rows[i].readAt = context.now }
             return [.markAllNotificationsRead, .setStatus(.info("Every notification marked read."))]
         }]
            + KeyBinding.moving { inbox, key, context in
                guard let need = inbox.items.move(key, visible: inbox.visibleRows(in: context.body)) ?? nil else { return [] }
                return [.loadInbox(PagedList.read(need), limit: Self.pageSize(context.body) + 1)]
            } + [.nextUnread, .search(), .help(), .back()]
    }

    /// Opens the selected item's target (the thread at the post) and marks it read.
    mutating func open(_ context: ScreenContext) -> [Command] {
        guard let item = items.selectedRow else { return [] }
        let read = markRead(at: items.selected, now: context.now)
        guard let thread = item.threadId else { return read + [.setStatus(.info(item.text))] }
        return read + [.openThreadAt(id: thread, position: item.postPosition)]
    }

    /// Marks an item read on screen at once and asks the store to record it.
    mutating func markRead(at index: Int, now: Date) -> [Command] {
        guard let item = items.rows[safe: index], item.isUnread else { return [] }
        items.rows[index].readAt = now
        return [.markNotificationRead(id: item.id)]
    }

    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] {
        if let page = answer as? NewestFirstPage<InboxItem> { items.take(page, visible: visibleRows(in: context.body)) }
        return []
    }

    /// Reads the newest page again; older loaded items stay.
    public func reload(_ context: ScreenContext) -> [Command] { [.loadInbox(items.readAgain, limit: Self.pageSize(context.body) + 1)] }

    public mutating func relayout(_ context: ScreenContext) { items.reveal(visible: visibleRows(in: context.body)) }

    public mutating func click(row y: Int, _ context: ScreenContext) -> [Command] {
        guard let again = items.click(items.selection.offset + y - context.body.y - 1, visible: visibleRows(in: context.body)) else { return [] }
        return again ? open(context) : []
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

    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let (body, now) = (context.body, context.now)
        let w = body.width
        let header = "  INBOX · newest first" + (items.loaded && !items.isEmpty ? " · \(context.unread) unread" : "")
        canvas.put(header, x: 0, y: body.y, role: .muted, maxWidth: w)
        let empty = ["Nothing here yet: replies to you, mentions, news of your suggestions and", "threads you watch arrive here."]
        guard items.drawPlaceholder(into: &canvas, y: body.y + 1, width: w, empty: empty) else { return }
        for (row, shown) in items.shown(visibleRows(in: body)).enumerated() {
            let (item, selected) = (shown.row, shown.selected)
            let y = body.y + 1 + row
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

/// Notifications were marked read: the header's count is read again.
struct NotificationsMarked: Answer {
    func follow(_ state: inout AppState) -> [Command] { [.checkNotifications] }
}

/// The inbox's effects.
enum InboxEffects {
    /// A page of the member's notifications.
    struct Load: Effect {
        var read: NewestFirstPage<InboxItem>.Read
        var limit: Int
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            let rows = switch read {
            case .older(let before): try env.community.inbox(for: env.member, before: before, limit: limit)
            case .newer(let after): try env.community.inbox(for: env.member, after: after, limit: limit)
            }
            return .answer(NewestFirstPage(rows: rows, read: read, limit: limit))
        }
    }

    struct MarkRead: Effect {
        var id: Int64
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            try env.community.markNotificationRead(by: env.member, notification: id)
            return .answer(NotificationsMarked())
        }
    }

    struct MarkAllRead: Effect {
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            try env.community.markAllNotificationsRead(by: env.member)
            return .answer(NotificationsMarked())
        }
    }
}

extension Command {
    /// A page of the member's notifications.
    static func loadInbox(_ read: NewestFirstPage<InboxItem>.Read, limit: Int) -> Command { .effect(InboxEffects.Load(read: read, limit: limit)) }
    static func markNotificationRead(id: Int64) -> Command { .effect(InboxEffects.MarkRead(id: id)) }
    static var markAllNotificationsRead: Command { .effect(InboxEffects.MarkAllRead()) }
}
