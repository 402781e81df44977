import Foundation
import PaddockCore
import PaddockStore

/// The managers' view of the community over the last 30, 90 or 365 days:
/// demand per product and feature, rising fastest first; activity per day;
/// participation; the company's responsiveness; moderation health. The first
/// row says the period. The selection moves over the demand rows and Enter
/// opens the selected product's or feature's suggestions, when the selection is
/// in view (when it is not, Enter brings it back into view first); past the last
/// row the keys scroll the rest, and Tab goes to the next panel, after the last
/// back to the first, its title drawn as focused. `[` and `]` change the period,
/// `r` reads again.
public struct DashboardScreen: Equatable, AppScreen {
    /// The periods `[` and `]` step through, in days.
    public static let periods = [30, 90, 365]

    /// The period asked for (the figures shown may still be an earlier period's, until its answer comes).
    public var days: Int
    public var stats: CommunityStats?
    /// Why the figures of `days` could not be read, when they could not.
    public var failure: String?
    /// The selected row of `stats.demand`.
    public var selected = 0
    /// The first line of the body in view, below the period row.
    public var top = 0
    /// Whether the view keeps the selection in sight (on a resize, on new
    /// figures); false once the member has scrolled on past it.
    public var followsSelection = true
    /// The focused panel (its place among the panels): the one Tab went to, or
    /// the one at the top of the view. A resize keeps its title at the top.
    public var panel = 0

    public init(days: Int = 30) {
        self.days = days
    }

    public var breadcrumb: String { "Dashboard" }

    static func query(days: Int, now: Date) -> StatsQuery { StatsQuery(period: .last(days, endingAt: now)) }

    /// Opens it for managers and admins; anyone else is told why not.
    static func open(member: Actor, now: Date) -> [Command] {
        do throws(CommunityError) {
            try Rules.openDashboard(by: member)
        } catch {
            return [.setStatus(.error(error.description))]
        }
        let screen = DashboardScreen()
        return [.push(screen), .loadStats(query(days: screen.days, now: now))]
    }

    static func mayOpen(_ member: Actor) -> Bool { (try? Rules.openDashboard(by: member)) != nil }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        let move: (inout Self, Key, ScreenContext) -> [Command] = { screen, key, context in
            screen.move(key, context)
            return []
        }
        // The footer keeps Enter (when there is a row to open), help and back;
        // the period and refresh keys stand there only where they fit.
        let hasRows = !(stats?.demand ?? []).isEmpty
        var room = context.body.width - 1 - (hasRows ? Self.footerWidth("Enter", "suggestions") : 0)
            - Self.footerWidth("?", "help") - Self.footerWidth("q Esc", "back")
        func fits(_ keys: String, _ action: String) -> Bool {
            guard Self.footerWidth(keys, action) <= room else { return false }
            room -= Self.footerWidth(keys, action)
            return true
        }
        return [KeyBinding("Enter", "suggestions", footer: hasRows, keys: [.enter, .right, .character("l")]) { screen, _, context in
                    screen.openSelected(context)
                },
                // Enter never opens a row that cannot be seen: help says what it does instead.
                .typing("", "if unseen, shows it"),
                KeyBinding("[ ]", "30/90/365 days", footer: fits("[ ]", "30/90/365 days"),
                           keys: [.character("["), .character("]")]) { screen, key, context in
                    screen.switchPeriod(by: key == .character("]") ? 1 : -1, context)
                },
                KeyBinding("r", "refresh", footer: fits("r", "refresh"), keys: [.character("r")]) { screen, _, context in
                    screen.reload(context)
                },
                KeyBinding("↑↓ j k", "move, then scroll", keys: [.up, .down, .character("j"), .character("k")], move),
                KeyBinding("PgUp PgDn", "a page", keys: [.pageUp, .pageDown, .character(" "), .character("b")], move),
                KeyBinding("g G Home End", "top, bottom", keys: [.home, .end, .character("g"), .character("G")], move),
                KeyBinding("Tab S-Tab", "next/previous panel", keys: [.tab, .backTab], move),
                .nextUnread, .inbox(), .search(), .help(), .back()]
    }

    /// The room an item takes in the footer, with the gap after it.
    static func footerWidth(_ keys: String, _ action: String) -> Int { TextWidth.of("\(keys) \(action)") + 2 }

    /// The selected row's suggestions: a feature's, or its product's. Only a
    /// selection in view is opened; one scrolled out of view is brought back
    /// into view instead, so Enter never acts on a row that cannot be seen.
    mutating func openSelected(_ context: ScreenContext) -> [Command] {
        guard let row = stats?.demand?[safe: selected] else { return [] }
        let lines = self.lines(context)
        guard let line = lines.firstIndex(where: { $0.demandRow == selected }) else { return [] }
        if !shownLines(lines.count, context).contains(line) {
            let visible = Self.visible(context.body)
            top = min(max(0, top), max(0, lines.count - visible))
            reveal(line, row: selected, visible: visible)
            followsSelection = true
            panel = Self.panel(at: top, of: lines)
            return []
        }
        return SuggestionListScreen.open(product: row.product, feature: row.feature, body: context.body)
    }

    /// The lines drawn now, as `render` places them.
    func shownLines(_ count: Int, _ context: ScreenContext) -> Range<Int> {
        let visible = Self.visible(context.body)
        let first = Viewport.firstRow(showing: top..<top + visible, of: count, visible: visible)
        return first..<min(count, first + visible)
    }

    /// The lines where panels start (their titles), in order.
    static func panelStarts(_ lines: [DashboardLine]) -> [Int] { lines.indices.filter { lines[$0].startsPanel } }

    /// The panel whose title is at or above `line`.
    static func panel(at line: Int, of lines: [DashboardLine]) -> Int {
        max(0, (panelStarts(lines).lastIndex { $0 <= line }) ?? 0)
    }

    mutating func switchPeriod(by delta: Int, _ context: ScreenContext) -> [Command] {
        let index = (Self.periods.firstIndex(of: days) ?? 0) + delta
        guard Self.periods.indices.contains(index) else {
            let end = delta > 0 ? "longest" : "shortest"
            return [.setStatus(.info("\(DashboardPanels.daysText(days)) is the \(end) period here."))]
        }
        days = Self.periods[index]
        failure = nil
        return [.loadStats(Self.query(days: days, now: context.now))]
    }

    /// Reads the figures of the period again, ending today.
    public func reload(_ context: ScreenContext) -> [Command] { [.loadStats(Self.query(days: days, now: context.now))] }

    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] {
        switch answer {
        case let loaded as StatsLoaded where loaded.query.period.days == days:
            // The selection stays on its product or feature, wherever the new order puts it.
            let was = stats?.demand?[safe: selected]
            stats = loaded.stats
            failure = nil
            let rows = loaded.stats.demand ?? []
            selected = was.flatMap { was in rows.firstIndex { $0.product == was.product && $0.feature == was.feature } }
                ?? min(selected, max(0, rows.count - 1))
            relayout(context, sameWidth: true)
        case let failed as StatsNotRead where failed.query.period.days == days:
            failure = failed.reason
        default:
            break
        }
        return []
    }

    /// After a resize or new figures: the selection stays in view when the view
    /// followed it; else the focused panel's title goes back to the top (the
    /// old line number means another line at another width). Where the end of
    /// the body keeps it lower, the view starts at a panel's title, not inside a table.
    /// With `sameWidth` (new figures, the window as it was), a view scrolled
    /// away from the selection stays where it is: a change elsewhere or `r`
    /// must not pull the reader off the panel they are reading.
    public mutating func relayout(_ context: ScreenContext) { relayout(context, sameWidth: false) }

    mutating func relayout(_ context: ScreenContext, sameWidth: Bool) {
        let lines = self.lines(context)
        let visible = Self.visible(context.body)
        let most = max(0, lines.count - visible)
        let starts = Self.panelStarts(lines)
        if followsSelection, let line = lines.firstIndex(where: { $0.demandRow == selected }) {
            reveal(line, row: selected, visible: visible)
        } else if sameWidth {
            top = min(top, most)
        } else if !starts.isEmpty {
            panel = min(max(0, panel), starts.count - 1)
            let title = starts[panel]
            top = min(title, most)
            if top < title, let above = starts.last(where: { $0 <= top }), title < above + visible { top = above }
        }
        top = min(max(0, top), most)
        if !starts.isEmpty { panel = min(max(0, panel), starts.count - 1) }
    }

    public mutating func click(row y: Int, _ context: ScreenContext) -> [Command] {
        let lines = self.lines(context)
        let visible = Self.visible(context.body)
        let first = Viewport.firstRow(showing: top..<top + visible, of: lines.count, visible: visible)
        guard y > context.body.y, let row = lines[safe: first + y - context.body.y - 1]?.demandRow else { return [] }
        if row == selected { return openSelected(context) }
        selected = row
        followsSelection = true
        panel = 0
        return []
    }

    // MARK: - Moving

    /// Lines of the body in view, below the period row.
    static func visible(_ body: Rect) -> Int { max(1, body.height - 1) }

    /// ↑↓ move the selection while it is in view and has a row to go to, else
    /// scroll a line; a page, a panel, the top or the bottom scroll, and the
    /// selection follows to a row in view so Enter acts on what is seen.
    mutating func move(_ key: Key, _ context: ScreenContext) {
        let lines = self.lines(context)
        let visible = Self.visible(context.body)
        let most = max(0, lines.count - visible)
        let rowLines = lines.indices.filter { lines[$0].demandRow != nil }
        let starts = Self.panelStarts(lines)
        top = min(max(0, top), most)
        panel = starts.isEmpty ? 0 : min(max(0, panel), starts.count - 1)
        var focusMoved = false
        let wasTop = top
        func inView(_ line: Int) -> Bool { line >= top && line < top + visible }
        let selectionInView = rowLines[safe: selected].map(inView) ?? false
        func scroll(_ by: Int) { top = min(max(0, top + by), most) }
        /// After a scroll: a row in view to select when the selected one went out of it.
        func follow(lastInView: Bool) {
            guard !(rowLines[safe: selected].map(inView) ?? false) else { return }
            let shown = rowLines.indices.filter { inView(rowLines[$0]) }
            if let row = lastInView ? shown.last : shown.first { selected = row }
        }
        switch key {
        case .down, .character("j"):
            if selectionInView, selected + 1 < rowLines.count {
                selected += 1
                reveal(rowLines[selected], row: selected, visible: visible)
            } else {
                scroll(1)
            }
        case .up, .character("k"):
            if selectionInView, selected > 0 {
                selected -= 1
                reveal(rowLines[selected], row: selected, visible: visible)
            } else {
                scroll(-1)
            }
        case .pageDown, .character(" "):
            scroll(max(1, visible - 1))
            follow(lastInView: false)
        case .pageUp, .character("b"):
            scroll(-max(1, visible - 1))
            follow(lastInView: true)
        case .home, .character("g"):
            top = 0
            selected = 0
            panel = 0
            focusMoved = true
        case .end, .character("G"):
            top = most
            follow(lastInView: true)
        case .tab:
            // The next panel, after the last the first; its title at the top, or as near it as the end allows.
            guard !starts.isEmpty else { break }
            panel = (panel + 1) % starts.count
            top = min(starts[panel], most)
            focusMoved = true
            follow(lastInView: false)
        case .backTab:
            // Inside a panel, back to its title; at its title, the previous panel, before the first the last.
            guard !starts.isEmpty else { break }
            if starts[panel] >= top {
                panel = (panel + starts.count - 1) % starts.count
            }
            top = min(starts[panel], most)
            focusMoved = true
            follow(lastInView: false)
        default:
            break
        }
        followsSelection = rowLines[safe: selected].map(inView) ?? true
        if !focusMoved, top != wasTop, !starts.isEmpty {
            panel = Self.panel(at: top, of: lines)
        }
    }

    /// Scrolls no further than needed to bring `line` in view; the first row
    /// brings its panel's title and column titles with it.
    mutating func reveal(_ line: Int, row: Int, visible: Int) {
        top = min(top, row == 0 ? 0 : line)
        if line >= top + visible { top = line - visible + 1 }
    }

    // MARK: - Drawing

    /// The body's lines below the period row.
    func lines(_ context: ScreenContext) -> [DashboardLine] {
        let w = max(1, context.body.width - 1)
        guard let stats else {
            if let failure { return DashboardPanels.wrapped("The figures could not be read: \(failure)", width: w, role: .error) }
            return [.text("Reading the figures…", role: .muted)]
        }
        return DashboardPanels.lines(stats, width: context.body.width, style: context.chartStyle)
    }

    /// The period of the figures shown, and the one being read when it differs.
    func periodRow(now: Date) -> String {
        let shown = stats?.period ?? StatsPeriod.last(days, endingAt: now)
        var text = " \(DashboardPanels.daysText(shown.days)): " + (shown.days == 1 ? shown.first.text : "\(shown.first.text) to \(shown.last.text)")
        if stats == nil {
            if failure == nil { text += " · reading…" }
        } else if stats?.period.days != days {
            text += failure == nil ? " · reading \(DashboardPanels.daysText(days))…" : " · \(DashboardPanels.daysText(days)) could not be read"
        }
        return text
    }

    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let body = context.body
        let period = TextWrap.truncate(periodRow(now: context.now), width: body.width)
        canvas.put(period, x: 0, y: body.y, role: .title)
        // When the figures were read, at the right where there is room: they follow the community live.
        if let asOf = stats?.asOf {
            let time = UTCTime(asOf).minuteText
            let read = "as of \(time.suffix(5)) UTC "
            if TextWidth.of(period) + 2 + TextWidth.of(read) <= body.width {
                canvas.put(read, x: body.width - TextWidth.of(read), y: body.y, role: .muted)
            }
        }
        let area = Rect(x: body.x, y: body.y + 1, width: body.width, height: body.height - 1)
        let lines = self.lines(context)
        // The focused panel's title is drawn as selected, so that Tab is seen to move.
        let starts = Self.panelStarts(lines)
        let focusedTitle = starts.isEmpty ? nil : starts[min(max(0, panel), starts.count - 1)]
        Viewport.draw(into: &canvas, area: area, contentHeight: lines.count, focus: top..<top + area.height) { canvas, rect in
            for (index, line) in lines.enumerated() {
                let y = rect.y + index
                let isSelected = line.demandRow != nil && line.demandRow == selected
                    || line.startsPanel && focusedTitle == index
                if isSelected { canvas.fill(x: rect.x, y: y, width: rect.width - 1, height: 1, role: .selection) }
                for span in line.spans {
                    canvas.put(span.text, x: rect.x + span.x, y: y, role: isSelected ? .selection : span.role,
                               maxWidth: max(0, rect.width - 1 - span.x))
                }
            }
        }
    }
}
