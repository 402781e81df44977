import Foundation
import PaddockCore
import PaddockStore

/// A product's leaderboard: who earned the most reputation there in the last
/// days (90 first; d cycles 30, 7, 365). Enter opens the ▸ member's profile.
public struct LeaderboardScreen: Equatable, AppScreen {
    public var product: String
    public var productName: String
    public var days = Leaderboard.defaultDays
    public var board: LeaderboardView?
    public var selection = ListSelection()

    static let limit = 100
    static let periods = [90, 30, 7, 365]

    public init(product: String, productName: String) {
        self.product = product
        self.productName = productName
    }

    static func open(product: ProductSummary) -> [Command] {
        [.push(LeaderboardScreen(product: product.slug, productName: product.name)),
         .loadLeaderboard(product: product.slug, days: Leaderboard.defaultDays)]
    }

    public var breadcrumb: String { "Leaderboard" }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        let move: (inout Self, Key, ScreenContext) -> [Command] = { screen, key, context in
            _ = screen.selection.handleMovement(key, count: screen.board?.entries.count ?? 0, visible: screen.listHeight(context.body))
            return []
        }
        return [KeyBinding("Enter", "profile", footer: true, keys: [.enter, .right, .character("l")],
                           shown: !(board?.entries.isEmpty ?? true)) { screen, _, _ in
                    guard let entry = screen.board?.entries[safe: screen.selection.selected] else { return [] }
                    return ProfileScreen.open(handle: entry.handle)
                },
                KeyBinding("d", "days: 90, 30, 7, 365", footer: true, keys: [.character("d")]) { screen, _, _ in
                    let next = Self.periods[((Self.periods.firstIndex(of: screen.days) ?? 0) + 1) % Self.periods.count]
                    screen.days = next
                    return [.loadLeaderboard(product: screen.product, days: next)]
                }]
            + KeyBinding.moving(move) + [.nextUnread, .inbox(), .search(), .help(), .back()]
    }

    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] {
        if let loaded = answer as? LeaderboardLoaded, loaded.board.product == product, loaded.board.days == days {
            board = loaded.board
            relayout(context)
        }
        return []
    }

    public func reload(_ context: ScreenContext) -> [Command] { [.loadLeaderboard(product: product, days: days)] }

    public mutating func relayout(_ context: ScreenContext) {
        selection.reveal(count: board?.entries.count ?? 0, visible: listHeight(context.body))
    }

    func listHeight(_ body: Rect) -> Int { max(1, body.height - 2) }

    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let body = context.body
        let w = body.width
        let cut = board.map { $0.days == days ? Plural.shown($0.entries.count, of: $0.total) : "" } ?? ""
        canvas.put(" \(productName) · last \(days) days" + (cut.isEmpty ? "" : " · \(cut)"), x: 0, y: body.y, role: .title, maxWidth: w)
        guard let board, board.days == days else {
            canvas.put(" Loading…", x: 0, y: body.y + 1, role: .muted)
            return
        }
        guard !board.entries.isEmpty else {
            canvas.put(" No points earned here in that time.", x: 0, y: body.y + 1, role: .muted, maxWidth: w)
            return
        }
        let top = board.entries.first?.points ?? 1
        // Rank, points, a bar, the handle: the bar gives what room is left after the handle.
        let barWidth = max(0, min(20, w - 34))
        canvas.put(String(" #    POINTS  " + (barWidth > 0 ? String(repeating: " ", count: barWidth + 1) : "") + "MEMBER"),
                   x: 0, y: body.y + 1, role: .header, maxWidth: w)
        let height = listHeight(body)
        for (row, index) in (selection.offset..<min(board.entries.count, selection.offset + height)).enumerated() {
            let entry = board.entries[index]
            let selected = index == selection.selected
            var line = (selected ? "▸" : " ") + TextWrap.pad("\(entry.rank)", width: 4) + " " + TextWrap.pad("\(entry.points)", width: 7) + " "
            if barWidth > 0 {
                line += Bar.draw(Double(entry.points) / Double(max(1, top)), width: barWidth, style: context.chartStyle) + " "
            }
            line += entry.handle
            canvas.put(line, x: 0, y: body.y + 2 + row, role: selected ? .selection : .normal, maxWidth: w)
        }
    }
}
