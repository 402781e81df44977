import Foundation
import PaddockCore
import PaddockStore

/// The moderation log, newest first, a page at a time: when, who, what, on
/// what, and why. Moderators see every actor and flag; members see the public
/// view: no flags, and the kind of actor ("a moderator", "an admin", "the
/// community's flags") unless the community names its moderators.
public struct ModerationLogScreen: Equatable {
    public var entries: [ModerationLogEntry] = []
    /// The members' view: actors hidden as the community's setting says.
    public var publicView: Bool
    /// Whether older entries are left to load.
    public var more = false
    /// Whether newer entries than the first loaded are left to load (after `G`).
    public var newer = false
    public var loaded = false
    public var list = ListSelection()

    public init(publicView: Bool) {
        self.publicView = publicView
    }

    static func pageSize(_ body: Rect) -> Int { max(10, body.height) }

    func visibleRows(in body: Rect) -> Int { max(1, body.height - 1) }

    /// Moderators open the full log; everyone else the public view.
    static func open(member: Actor, body: Rect) -> [Command] {
        let publicView = member.role < .moderator
        return [.push(.moderationLog(ModerationLogScreen(publicView: publicView))),
                .loadModerationLog(public: publicView, before: nil, limit: pageSize(body) + 1)]
    }

    mutating func handle(_ key: Key, body: Rect) -> [Command] {
        switch key {
        case .end where more, .character("G") where more:
            // The oldest page itself, not every page on the way.
            return [.loadModerationLogNewer(public: publicView, after: 0, limit: Self.pageSize(body) + 1)]
        case .home where newer, .character("g") where newer:
            entries = []
            newer = false
            list = ListSelection()
            return [.loadModerationLog(public: publicView, before: nil, limit: Self.pageSize(body) + 1)]
        default: break
        }
        if list.handleMovement(key, count: entries.count, visible: visibleRows(in: body)) {
            if newer, let first = entries.first, list.selected <= 3 {
                return [.loadModerationLogNewer(public: publicView, after: first.id, limit: Self.pageSize(body) + 1)]
            }
            guard more, let last = entries.last, list.nearsEnd(count: entries.count, margin: 3) else { return [] }
            return [.loadModerationLog(public: publicView, before: last.id, limit: Self.pageSize(body) + 1)]
        }
        return []
    }

    /// A page read with `limit` = page + 1: the extra row only says there is more.
    mutating func loaded(_ rows: [ModerationLogEntry], before: Int64?, limit: Int, body: Rect) {
        let more = rows.count >= limit
        let page = Array(rows.prefix(max(0, limit - 1)))
        if before == nil {
            if let newest = entries.first, page.contains(where: { $0.id == newest.id }) {
                // Read again from the top: newer entries go above, the rest stays loaded.
                let newer = page.filter { $0.id > newest.id }
                entries = newer + entries
                list.selected += newer.count
            } else {
                entries = page
                self.more = more
            }
        } else {
            let known = Set(entries.map(\.id))
            entries += page.filter { !known.contains($0.id) }
            self.more = more
        }
        loaded = true
        list.reveal(count: entries.count, visible: visibleRows(in: body))
    }

    /// A page read backwards with `limit` = page + 1, newest first: the extra (newest) row only says there is more.
    mutating func loadedNewer(_ rows: [ModerationLogEntry], after: Int64, limit: Int, body: Rect) {
        let page = Array(rows.suffix(max(0, limit - 1)))
        if after == 0 {
            entries = page
            more = false
            list.selected = entries.count - 1
        } else {
            let known = Set(entries.map(\.id))
            let fresh = page.filter { !known.contains($0.id) }
            entries = fresh + entries
            list.selected += fresh.count
            list.offset += fresh.count
        }
        newer = rows.count >= limit
        loaded = true
        list.reveal(count: entries.count, visible: visibleRows(in: body))
    }

    /// Reads the newest page again; older loaded entries stay. Without the
    /// newest loaded (after `G`), the page from the first row is read again.
    func refresh(body: Rect) -> Command {
        if newer, let first = entries.first {
            return .loadModerationLog(public: publicView, before: first.id + 1, limit: Self.pageSize(body) + 1)
        }
        return .loadModerationLog(public: publicView, before: nil, limit: Self.pageSize(body) + 1)
    }

    /// "time · actor · action · target · reason"; the actor as the store words it
    /// (a handle, or in the public view the kind of actor).
    static func line(_ entry: ModerationLogEntry, now: Date) -> String {
        var parts = [Ago.describe(entry.createdAt, now: now), entry.actor, entry.action]
        if !entry.target.isEmpty { parts.append(entry.target) }
        if !entry.reason.isEmpty { parts.append(entry.reason) }
        return parts.joined(separator: " · ")
    }

    func render(into canvas: inout Canvas, body: Rect, now: Date) {
        let w = body.width
        let header = "  " + (publicView ? "MODERATION LOG (public view)" : "MODERATION LOG") + " · newest first"
        canvas.put(header, x: 0, y: body.y, role: .muted, maxWidth: w)
        guard loaded else {
            canvas.put(" Loading…", x: 0, y: body.y + 1, role: .muted)
            return
        }
        if entries.isEmpty {
            canvas.put(" Nothing logged yet.", x: 0, y: body.y + 1, role: .muted)
            return
        }
        for row in 0..<visibleRows(in: body) {
            let index = list.offset + row
            guard let entry = entries[safe: index] else { break }
            let y = body.y + 1 + row
            let selected = index == list.selected
            if selected { canvas.fill(x: 0, y: y, width: w, height: 1, role: .selection) }
            canvas.put(Self.line(entry, now: now), x: 2, y: y, role: selected ? .selection : .normal, maxWidth: max(1, w - 2))
        }
    }
}
