import Foundation
import PaddockCore
import PaddockStore

/// The moderation log, newest first, a page at a time: when, who, what, on
/// what, and why. Moderators see every actor and flag; members see the public
/// view: no flags, and the kind of actor ("a moderator", "an admin", "the
/// community's flags") unless the community names its moderators.
public struct ModerationLogScreen: Equatable, AppScreen {
    /// Newest first; the cursors are entry ids.
    public var entries = PagedList<ModerationLogEntry, Int64>(id: \.id, readsBackwards: true)
    public var publicView: Bool

    public init(publicView: Bool) {
        self.publicView = publicView
    }

    public var breadcrumb: String { "Moderation log" }

    static func pageSize(_ body: Rect) -> Int { max(10, body.height) }

    func visibleRows(in body: Rect) -> Int { max(1, body.height - 1) }

    static func open(member: Actor, body: Rect) -> [Command] {
        let publicView = member.role < .moderator
        return [.push(ModerationLogScreen(publicView: publicView)),
                .loadModerationLog(public: publicView, .older(before: nil), limit: pageSize(body) + 1)]
    }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        KeyBinding.moving { log, key, context in
            guard let need = log.entries.move(key, visible: log.visibleRows(in: context.body)) ?? nil else { return [] }
            return [.loadModerationLog(public: log.publicView, PagedList.read(need), limit: Self.pageSize(context.body) + 1)]
        } + [.nextUnread, .inbox(), .search(), .help(), .back()]
    }

    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] {
        if let page = answer as? NewestFirstPage<ModerationLogEntry> { entries.take(page, visible: visibleRows(in: context.body)) }
        return []
    }

    /// Reads the newest page again; older loaded entries stay.
    public func reload(_ context: ScreenContext) -> [Command] {
        [.loadModerationLog(public: publicView, entries.readAgain, limit: Self.pageSize(context.body) + 1)]
    }

    public mutating func relayout(_ context: ScreenContext) { entries.reveal(visible: visibleRows(in: context.body)) }

    /// "time · actor · action · target · reason"; the actor as the store words it
    /// (a handle, or in the public view the kind of actor).
    static func line(_ entry: ModerationLogEntry, now: Date) -> String {
        var parts = [Ago.describe(entry.createdAt, now: now), entry.actor, entry.action]
        if !entry.target.isEmpty { parts.append(entry.target) }
        if !entry.reason.isEmpty { parts.append(entry.reason) }
        return parts.joined(separator: " · ")
    }

    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let (body, now) = (context.body, context.now)
        let w = body.width
        let header = "  " + (publicView ? "MODERATION LOG (public view)" : "MODERATION LOG") + " · newest first"
        canvas.put(header, x: 0, y: body.y, role: .muted, maxWidth: w)
        guard entries.drawPlaceholder(into: &canvas, y: body.y + 1, width: w, empty: ["Nothing logged yet."]) else { return }
        for (row, (_, entry, selected)) in entries.shown(visibleRows(in: body)).enumerated() {
            let y = body.y + 1 + row
            if selected { canvas.fill(x: 0, y: y, width: w, height: 1, role: .selection) }
            canvas.put(Self.line(entry, now: now), x: 2, y: y, role: selected ? .selection : .normal, maxWidth: max(1, w - 2))
        }
    }
}
