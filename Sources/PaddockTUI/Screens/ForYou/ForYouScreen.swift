import Foundation
import PaddockCore
import PaddockStore

/// For you: open suggestions on the features the member engaged with, best
/// first, each with its reason on the line under it ("because you supported
/// …"). Enter opens the selected suggestion's thread.
public struct ForYouScreen: Equatable, AppScreen {
    public var items: [ForYouItem]?
    public var list = ListSelection()

    public init() {}

    public var breadcrumb: String { "For you" }

    /// How many entries are read: a list to browse, not to page through.
    static let limit = 50
    /// Rows each entry takes: its title line and its reason.
    static let rowsPerEntry = 2
    /// Rows above the list: its title line.
    static let listTop = 1

    static func open() -> [Command] { [.push(ForYouScreen()), .loadForYou] }

    func visibleEntries(in body: Rect) -> Int { max(1, (body.height - Self.listTop) / Self.rowsPerEntry) }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        let count = items?.count ?? 0
        return [KeyBinding("Enter", "open", footer: true, keys: [.enter, .right, .character("l")]) { screen, _, _ in
                    guard let item = screen.items?[safe: screen.list.selected] else { return [] }
                    return [.openThread(id: item.suggestion.id)]
                },
                KeyBinding("r", "refresh", keys: [.character("r")]) { screen, _, context in screen.reload(context) }]
            + KeyBinding.moving { screen, key, context in
                _ = screen.list.handleMovement(key, count: count, visible: screen.visibleEntries(in: context.body))
                return []
            } + [.nextUnread, .inbox(), .search(), .help(), .back()]
    }

    public func reload(_ context: ScreenContext) -> [Command] { [.loadForYou] }

    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] {
        guard let loaded = answer as? ForYouLoaded else { return [] }
        // The selection stays on its suggestion when the list is read again.
        let was = items?[safe: list.selected]?.suggestion.id
        items = loaded.items
        if let was, let index = loaded.items.firstIndex(where: { $0.suggestion.id == was }) { list.selected = index }
        list.reveal(count: loaded.items.count, visible: visibleEntries(in: context.body))
        return []
    }

    public mutating func relayout(_ context: ScreenContext) {
        list.reveal(count: items?.count ?? 0, visible: visibleEntries(in: context.body))
    }

    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let body = context.body
        let w = body.width
        guard let items else {
            canvas.put(" Loading…", x: 0, y: body.y, role: .muted)
            return
        }
        canvas.put(TextWrap.truncate(" For you: open suggestions on features you took part in", width: w), x: 0, y: body.y, role: .title, maxWidth: w)
        guard !items.isEmpty else {
            let lines = TextWrap.lines("Nothing yet: support, reply to or rate something, and suggestions about its features show here.",
                                       width: max(1, w - 2))
            for (i, text) in lines.prefix(max(0, body.height - 1)).enumerated() {
                canvas.put(text, x: 1, y: body.y + 1 + i, role: .muted, maxWidth: max(0, w - 1))
            }
            return
        }
        let visible = visibleEntries(in: body)
        let first = min(list.offset, max(0, items.count - visible))
        for (row, index) in (first..<min(items.count, first + visible)).enumerated() {
            let item = items[index]
            let selected = index == list.selected
            let y = body.y + Self.listTop + row * Self.rowsPerEntry
            if selected { canvas.fill(x: 0, y: y, width: w, height: Self.rowsPerEntry, role: .selection) }
            let s = item.suggestion
            let badge = SuggestionHeader.badge(s.status)
            let x = 1 + canvas.put(badge + " ", x: 1, y: y, role: selected ? .selection : SuggestionHeader.role(for: s.status), maxWidth: max(0, w - 2))
            canvas.put(TextWrap.truncate(s.title, width: max(0, w - x - 1)), x: x, y: y, role: selected ? .selection : .normal, maxWidth: max(0, w - x - 1))
            let support = "\(s.supporterCount) supporter\(s.supporterCount == 1 ? "" : "s")"
                + (item.recentSupport > 0 ? " (+\(item.recentSupport) in \(ForYou.paceDays) days)" : "")
            canvas.put(TextWrap.truncate("   " + item.reason + " · " + support, width: max(0, w - 1)), x: 0, y: y + 1,
                       role: selected ? .selection : .muted, maxWidth: max(0, w - 1))
        }
    }
}

/// For you, read.
struct ForYouLoaded: Answer {
    var items: [ForYouItem]
}

enum ForYouEffects {
    struct Load: Effect {
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            .answer(ForYouLoaded(items: try env.community.forYou(viewer: env.member, limit: ForYouScreen.limit)))
        }
    }
}

extension Command {
    static var loadForYou: Command { .effect(ForYouEffects.Load()) }
}
