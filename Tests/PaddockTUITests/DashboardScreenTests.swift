import Foundation
import Testing
@testable import PaddockCore
@testable import PaddockStore
@testable import PaddockTUI

/// Figures built by hand, as the store would answer them on 2026-12-03.
enum DashboardSample {
    static let now = TimeText.parseInstant("2026-12-03 10:00")!
    static let manager = Actor(id: 2, handle: "elena", role: .manager)
    static let member = Actor(id: 3, handle: "marco", role: .member)

    static func period(_ days: Int = 30) -> StatsPeriod { .last(days, endingAt: now) }

    static let demand: [DemandRow] = [
        DemandRow(product: "furia", productName: "Furia 950", openSuggestions: 9, totalSupport: 210,
                  gained7: Gain(now: 45, before: 20), gained30: Gain(now: 80, before: 70), shipped90: 2),
        DemandRow(product: "furia", productName: "Furia 950", feature: "seat", featureName: "Seat", openSuggestions: 4, totalSupport: 120,
                  gained7: Gain(now: 41, before: 12), gained30: Gain(now: 60, before: 30), shipped90: 1),
        DemandRow(product: "furia", productName: "Furia 950", feature: "tft", featureName: "TFT display", openSuggestions: 3,
                  totalSupport: 60, gained7: Gain(now: 2, before: 5), gained30: Gain(now: 10, before: 10), shipped90: 0),
        DemandRow(product: "strada", productName: "Strada 700", openSuggestions: 1, totalSupport: 5,
                  gained7: Gain(now: 0, before: 0), gained30: Gain(now: 1, before: 0), shipped90: 0),
    ].sorted(by: Demand.risingFirst)

    /// 30 days of posts, quiet at first, peaking at 41 on 2026-11-20.
    static let posts: [Int] = [0, 1, 2, 3, 2, 4, 5, 3, 6, 8, 7, 9, 12, 15, 20, 28, 41, 30, 22, 18, 14, 12, 10, 9, 8, 7, 6, 5, 4, 3]

    static func activity(_ period: StatsPeriod) -> [DailySeries] {
        let days = period.days
        func repeated(_ values: [Int]) -> [Int] { (0..<days).map { values[$0 % values.count] } }
        return [DailySeries(name: "Posts", unit: "posts", first: period.first, values: repeated(posts)),
                DailySeries(name: "New suggestions", unit: "suggestions", first: period.first, values: repeated([0, 1, 0, 2, 1])),
                DailySeries(name: "Supports", unit: "supports", first: period.first, values: repeated([3, 5, 8, 2, 0, 1])),
                DailySeries(name: "New members", unit: "members", first: period.first, values: Array(repeating: 0, count: days))]
    }

    static let funnel = Funnel(members: 1200, readers: 640, posters: 210, suggesters: 40, supporters: 300,
                               firstTimeContributors: 90, returningContributors: 160)

    static let responsiveness = Responsiveness(
        reachedReview: 20, answered: 14, medianSeconds: 3 * 86_400 + 5 * 3600, p90Seconds: 12 * 86_400 + 3600,
        overdue: [WaitingSuggestion(id: 412, title: "Lower seat option for short riders", product: "furia",
                                    since: now - 64 * 86_400),
                  WaitingSuggestion(id: 398, title: "Heated grips on the TFT", product: "furia", since: now - 41 * 86_400 - 7200)],
        overdueCount: 3, posted: 30, postedAnswered: 12)

    static let moderation = ModerationHealth(queue: 4, handled: 22, medianHandleSeconds: 5 * 3600 + 600,
                                             flagsByReason: [.spam: 20, .offTopic: 6, .abusive: 3, .other: 2], hidden: 9, restored: 2)

    static func stats(_ days: Int = 30) -> CommunityStats {
        let period = period(days)
        return CommunityStats(period: period, asOf: now, demand: demand, activity: activity(period), funnel: funnel,
                              responsiveness: responsiveness, moderation: moderation)
    }

    /// The app with the dashboard open on these figures, as the runtime would leave it.
    static func state(_ stats: CommunityStats = stats(), width: Int = 80, height: Int = 24, style: ChartStyle = .blocks) -> AppState {
        var state = AppState(member: manager, width: width, height: height, now: now)
        state.chartStyle = style
        _ = App.apply([.push(DashboardScreen(days: stats.period.days))], to: &state)
        _ = App.update(&state, .answer(StatsLoaded(query: DashboardScreen.query(days: stats.period.days, now: now), stats: stats)))
        return state
    }
}

extension AppState {
    /// The body of the drawn screen: the rows between the header and the status row.
    var bodyRows: [String] { Array(App.view(self).rows.dropFirst().dropLast(2)) }
}

/// The dashboard drawn from figures built by hand: no store involved.
@Suite struct DashboardScreenTests {
    @Test func wholeScreenAt80x24() {
        expectScreen(App.view(DashboardSample.state()).text, [
            " Paddock › Dashboard                                                      elena",
            " 30 days: 2026-11-04 to 2026-12-03                              as of 10:00 UTC",
            " DEMAND PER PRODUCT AND FEATURE · rising fastest first",
            "  NAME                       OPEN  SUPPORT  7D        CHANGE  30D        CHANGE",
            "  Furia 950 · Seat              4      120  41  +29 (+242 %)   60  +30 (+100 %)",
            "  Furia 950                     9      210  45  +25 (+125 %)   80   +10 (+14 %)",
            "  Strada 700                    1        5   0             0    1      +1 (new)",
            "  Furia 950 · TFT display       3       60   2    −3 (−60 %)   10             0",
            "  OPEN: open suggestions now; SUPPORT: the support they have now; 7D: support",
            "  gained in the last 7 days; 30D: in the last 30 days; CHANGE: against the 7 or",
            "  30 days before. Wider window: more columns (shipped).",
            "",
            " ACTIVITY PER DAY · 30 days",
            "  One mark per UTC day, 2026-11-04 to 2026-12-03.",
            "  Posts: 314 posts in 30 days · peak 41 on 2026-11-20",
            "  ▁▂▂▂▂▂▂▂▂▂▂▃▃▄▄▆█▆▅▄▃▃▃▃▂▂▂▂▂▂",
            "  New suggestions: 24 suggestions in 30 days · peak 2 on 2026-11-07",
            "  ▁▅▁█▅▁▅▁█▅▁▅▁█▅▁▅▁█▅▁▅▁█▅▁▅▁█▅",
            "  Supports: 95 supports in 30 days · peak 8 on 2026-11-06",
            "  ▄▅█▃▁▂▄▅█▃▁▂▄▅█▃▁▂▄▅█▃▁▂▄▅█▃▁▂",
            "  New members: 0 members in 30 days",
            "  ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁                                               ▼",
            "",
            " Enter suggestions  [ ] 30/90/365 days  r refresh  ? help  q Esc back",
        ], width: 80)
    }

    /// The rest of the body, below the activity panel, in a window tall enough for all of it.
    @Test func thePanelsBelowTheActivity() {
        let rows = DashboardSample.state(width: 80, height: 70).bodyRows.map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
        guard let start = rows.firstIndex(of: " PARTICIPATION · 30 days") else { Issue.record("no funnel:\n\(rows.joined(separator: "\n"))"); return }
        #expect(Array(rows[start...].prefix(25)) == [
            " PARTICIPATION · 30 days",
            "  members     ██████████████████████████████████████████████████  1200  100 %",
            "  readers     ██████████████████████████▋                          640   53 %",
            "  posters     ████████▊                                            210   18 %",
            "  suggesters  █▋                                                    40    3 %",
            "  supporters  ████████████▌                                        300   25 %",
            "  Members: joined by 2026-12-03. Readers, posters, suggesters, supporters:",
            "  members who did so in the 30 days. Shares are of members.",
            "  Contributors in the 30 days: 90 first-time, 160 returning.",
            "",
            " COMPANY RESPONSIVENESS · 30 days",
            "  Review to first official response: median 3 days 5 hours,",
            "  90th percentile 12 days 1 hour.",
            "  Answered: 14 of the 20 suggestions that reached review in the 30 days.",
            "  Any official response: 12 of the 30 suggestions posted in the 30 days (40 %).",
            "  Under review for over 30 days, today: 3, the longest waiting first:",
            "    #412  Lower seat option for short ride…  Furia 950  waiting 64 days",
            "    #398  Heated grips on the TFT            Furia 950  waiting 41 days 2 hours",
            "    … and 1 more",
            "",
            " MODERATION HEALTH · 30 days",
            "  Flag queue now: 4 posts to review.",
            "  Handled in the 30 days: 22 flagged posts, median 5 hours 10 minutes",
            "  from first flag to decision.",
            "  Flags raised in the 30 days: 31 (spam 20, off topic 6, abusive 3, other 2).",
        ])
        #expect(rows.contains("  Posts hidden in the 30 days: 9; hidden posts restored: 2."))
    }

    /// The mono theme and --ascii: the same charts in ASCII, and not one block element on screen.
    @Test func asciiCharts() {
        let rows = DashboardSample.state(width: 80, height: 70, style: .ascii).bodyRows.map {
            $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }
        #expect(rows.contains("  _..........--~~+#+=~----......"))
        #expect(rows.contains("  _=_#=_=_#=_=_#=_=_#=_=_#=_=_#="))
        #expect(rows.contains("  ______________________________"))
        #expect(rows.contains("  members     ##################################################  1200  100 %"))
        #expect(rows.contains("  readers     ###########################                          640   53 %"))
        #expect(rows.contains("  suggesters  ##                                                    40    3 %"))
        let blocks = Set("▁▂▃▄▅▆▇█▏▎▍▌▋▊▉")
        #expect(!rows.joined().contains { blocks.contains($0) }, "\(rows.joined(separator: "\n"))")
    }

    /// The charts as text: eighth-cell bars and sparklines, in both styles; a
    /// quiet day is not an empty one; a long period sums days into the width.
    @Test func chartText() {
        #expect(Bar.draw(640.0 / 1200, width: 10) == "█████▍    ")
        #expect(Bar.draw(1.0 / 1000, width: 10) == "▏         ")
        #expect(Bar.draw(0, width: 4) == "    ")
        #expect(Bar.draw(640.0 / 1200, width: 10, style: .ascii) == "#####     ")
        #expect(Sparkline.draw([0, 1, 100]) == "▁▂█")
        #expect(Sparkline.draw([0, 1, 100], style: .ascii) == "_.#")
        #expect(Sparkline.draw([1, 1, 2, 2, 4, 4], width: 3) == "▃▅█")
        // 7 days in 3 columns of 3: the last holds one day and is drawn at the others' rate.
        #expect(Sparkline.draw([1, 1, 1, 1, 1, 1, 1], width: 3) == "███")
        #expect(Sparkline.daysPerColumn(365, width: 77) == 5)
        #expect(Sparkline.draw(Array(repeating: 3, count: 365), width: 77).count == 73)
    }

    /// At 40 columns the panels that need 60 are left out whole and the body
    /// says so; the demand table keeps its name and two columns; no row is
    /// wider than the window or ends in half a glyph.
    @Test func fortyColumnsShowFewerPanels() {
        let state = DashboardSample.state(width: 40, height: 80)
        let canvas = App.view(state)
        for (y, row) in canvas.rows.enumerated() { #expect(TextWidth.of(row) == 40, "row \(y): \(row)") }
        let text = state.bodyRows.map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }.joined(separator: "\n")
        #expect(text.contains("DEMAND PER PRODUCT AND FEATURE"))
        #expect(text.contains("ACTIVITY PER DAY"))
        #expect(text.contains("PARTICIPATION"))
        #expect(!text.contains("COMPANY RESPONSIVENESS") && !text.contains("MODERATION HEALTH"), "\(text)")
        #expect(text.contains("Company responsiveness and Moderation\n  health need a window 60 columns wide."), "\(text)")
        #expect(state.bodyRows.contains("  NAME                      SUPPORT  7D "))
        #expect(state.bodyRows.contains("  Furia 950 · TFT display        60   2 "))
        // The sparkline is the whole 30 days, one mark a day; the bar fits beside the counts.
        #expect(state.bodyRows.contains("  ▁▂▂▂▂▂▂▂▂▂▂▃▃▄▄▆█▆▅▄▃▃▃▃▂▂▂▂▂▂        "))
        #expect(state.bodyRows.contains("  readers     ██████▍        640   53 % "))
        // A series' line too long for 40 columns breaks before its days, never inside a figure.
        #expect(text.contains("  New suggestions: 24 suggestions\n    in 30 days · peak 2 on 2026-11-07\n"), "\(text)")
        #expect(text.contains("  Posts: 314 posts in 30 days\n    peak 41 on 2026-11-20\n"), "\(text)")
        // At 60 every panel is there.
        let wide = DashboardSample.state(width: 60, height: 80).bodyRows.joined(separator: "\n")
        #expect(wide.contains("COMPANY RESPONSIVENESS") && wide.contains("MODERATION HEALTH") && !wide.contains("need a window"))
        // Every size the app accepts draws whole rows, before and after scrolling to the end.
        for (width, height) in windowSizes + [(41, 13), (59, 20), (61, 20), (99, 30), (101, 30)] {
            var sized = DashboardSample.state(width: width, height: height)
            for key in [Key.character("G"), .character("k"), .pageUp] {
                expectDrawn(App.view(sized), width: width, height: height, shows: ["30 days: 2026-11-04"], "\(width)x\(height) \(key)")
                _ = App.update(&sized, .event(.key(key)))
            }
        }
    }

    /// A window 365 days long at 120 columns sums 4 days into each mark of its sparklines, and says so.
    @Test func aYearInOneRow() {
        let rows = DashboardSample.state(DashboardSample.stats(365), width: 120, height: 60).bodyRows
        #expect(rows[0].hasPrefix(" 365 days: 2025-12-04 to 2026-12-03 "))
        #expect(rows.contains { $0.hasPrefix("  One mark per 4 UTC days, 2025-12-04 to 2026-12-03.") })
        let posts = rows.first { $0.hasPrefix("  Posts: ") }.flatMap { rows.firstIndex(of: $0) }.map { rows[$0 + 1] } ?? ""
        #expect(TextWidth.of(posts.trimmingCharacters(in: .whitespaces)) == 92, "\(posts)")
    }

    /// The first body row says the period of the figures shown; each panel repeats how many days.
    @Test func thePeriodIsOnTheFirstRowAndEachPanel() {
        for (days, first) in [(30, "2026-11-04"), (90, "2026-09-05"), (365, "2025-12-04")] {
            let rows = DashboardSample.state(DashboardSample.stats(days), width: 80, height: 80).bodyRows
            #expect(rows[0].hasPrefix(" \(days) days: \(first) to 2026-12-03  ") && rows[0].hasSuffix("  as of 10:00 UTC "), "\(rows[0])")
            for title in ["ACTIVITY PER DAY", "PARTICIPATION", "COMPANY RESPONSIVENESS", "MODERATION HEALTH"] {
                #expect(rows.contains { $0.hasPrefix(" \(title) · \(days) days") }, "\(title) at \(days) days")
            }
        }
    }

    /// `]` and `[` ask for the longer and shorter period, ending today; the old
    /// figures stay, marked, until the new ones come; a late answer for the old
    /// period is not taken.
    @Test func thePeriodSwitchAsksForTheNewPeriod() throws {
        var state = DashboardSample.state()
        let longer = App.update(&state, .event(.key(.character("]"))))
        let ninety = try StatsPeriod(first: StatsDay(parsing: "2026-09-05")!, last: StatsDay(parsing: "2026-12-03")!)
        #expect(longer == [.loadStats(StatsQuery(period: ninety))])
        #expect(state.bodyRows[0].hasPrefix(" 30 days: 2026-11-04 to 2026-12-03 · reading 90 days…"))
        _ = App.update(&state, .answer(StatsLoaded(query: DashboardScreen.query(days: 30, now: DashboardSample.now), stats: DashboardSample.stats())))
        #expect(state.bodyRows[0].hasPrefix(" 30 days: 2026-11-04 to 2026-12-03 · reading 90 days…"), "the 30-day answer came late")
        _ = App.update(&state, .answer(StatsLoaded(query: StatsQuery(period: ninety), stats: DashboardSample.stats(90))))
        #expect(state.bodyRows[0].hasPrefix(" 90 days: 2026-09-05 to 2026-12-03  "))
        #expect(App.update(&state, .event(.key(.character("]")))) == [.loadStats(DashboardScreen.query(days: 365, now: DashboardSample.now))])
        #expect(App.update(&state, .event(.key(.character("]")))) == [])
        #expect(state.status == .info("365 days is the longest period here."))
        #expect(App.update(&state, .event(.key(.character("[")))) == [.loadStats(DashboardScreen.query(days: 90, now: DashboardSample.now))])
        // r, a change made elsewhere, and coming back to it read the period asked for again.
        #expect(App.update(&state, .event(.key(.character("r")))) == [.loadStats(DashboardScreen.query(days: 90, now: DashboardSample.now))])
        #expect(App.update(&state, .changedElsewhere).contains(.loadStats(DashboardScreen.query(days: 90, now: DashboardSample.now))))
    }

    /// Enter on a feature's row opens that feature's open suggestions; on a product's row, the product's.
    @Test func enterOpensTheSelectedRowsSuggestions() {
        var state = DashboardSample.state()
        #expect(DashboardSample.demand[0].name == "Furia 950 · Seat")
        let seat = SuggestionQuery(product: "furia", feature: "seat")
        let commands = App.update(&state, .event(.key(.enter)))
        #expect(commands == [.loadSuggestions(seat, after: nil, limit: SuggestionListScreen.pageSize(state.body))])
        #expect((state.screen as? SuggestionListScreen)?.query == seat)
        _ = App.update(&state, .event(.key(.character("q"))))
        #expect(state.screen is DashboardScreen)
        _ = App.update(&state, .event(.key(.character("j"))))
        _ = App.update(&state, .event(.key(.enter)))
        #expect((state.screen as? SuggestionListScreen)?.query == SuggestionQuery(product: "furia"))
    }

    /// `D` on home: for managers and admins, listed in help and opening the
    /// dashboard on 30 days; for anyone else, not listed, and pressing it says why.
    @Test func onlyStaffOpenTheDashboard() {
        for (member, opens) in [(DashboardSample.member, false), (Actor(id: 4, handle: "lucia", role: .moderator), false),
                                (DashboardSample.manager, true), (Actor(id: 1, handle: "ada", role: .admin), true)] {
            var state = AppState(member: member, width: 80, height: 24, now: DashboardSample.now)
            let listed = state.screen.help(state.context()).contains { $0.keys == "D" }
            #expect(listed == opens, "\(member.role)")
            let commands = App.update(&state, .event(.key(.character("D"))))
            if opens {
                #expect(state.screen is DashboardScreen)
                #expect(commands == [.loadStats(DashboardScreen.query(days: 30, now: DashboardSample.now))])
            } else {
                #expect(state.screen is HomeScreen, "\(member.role)")
                #expect(commands.isEmpty)
                #expect(state.status == .error("the dashboard is for managers and admins"))
            }
        }
    }

    /// ↓ moves over the demand rows, then scrolls to the panels below; G goes
    /// to the end, k scrolls back, g returns to the first row.
    @Test func theBodyScrollsPastTheDemandRows() {
        var state = DashboardSample.state(width: 80, height: 12)
        func screen() -> DashboardScreen { state.screen as! DashboardScreen }
        func press(_ key: Key, _ times: Int = 1) { for _ in 0..<times { _ = App.update(&state, .event(.key(key))) } }
        press(.down, 3)
        #expect(screen().selected == 3 && screen().top == 0)
        press(.down, 2)
        #expect(screen().selected == 3 && screen().top == 2, "past the last row the view scrolls")
        #expect(state.bodyRows.contains { $0.contains("▲") })
        press(.character("G"))
        let bottom = state.bodyRows.joined(separator: "\n")
        #expect(bottom.contains("Posts hidden in the 30 days: 9") && !bottom.contains("▼"), "\(bottom)")
        #expect(!screen().followsSelection)
        press(.up)
        #expect(screen().selected == 3, "the selection is out of view: ↑ scrolls")
        press(.character("g"))
        #expect(screen().selected == 0 && screen().top == 0)
        // A page down from the top lands the selection on a row in view.
        press(.pageDown)
        #expect(screen().top == 7 && screen().selected == 0)
        press(.pageUp)
        #expect(screen().top == 0 && screen().selected == 0)
    }

    /// New figures (a change elsewhere, `r`) leave a reader at the bottom where they were.
    @Test func newFiguresKeepTheViewScrolledToTheEnd() {
        var state = DashboardSample.state(width: 80, height: 12)
        func screen() -> DashboardScreen { state.screen as! DashboardScreen }
        _ = App.update(&state, .event(.key(.character("G"))))
        let bottom = state.bodyRows
        let top = screen().top
        #expect(bottom.joined(separator: "\n").contains("Posts hidden in the 30 days: 9"))
        _ = App.update(&state, .answer(StatsLoaded(query: DashboardScreen.query(days: 30, now: DashboardSample.now), stats: DashboardSample.stats())))
        #expect(screen().top == top && state.bodyRows == bottom, "the view jumped on new figures: \(state.bodyRows.joined(separator: "\n"))")
    }

    /// Tab puts the next panel's title on the top row, S-Tab the previous one's; a click selects a row, a second opens it.
    @Test func tabGoesFromPanelToPanelAndAClickSelects() {
        var state = DashboardSample.state(width: 80, height: 12)
        func firstRow() -> String { state.bodyRows[1].replacingOccurrences(of: " *▲? *$", with: "", options: .regularExpression) }
        _ = App.update(&state, .event(.key(.tab)))
        #expect(firstRow() == " ACTIVITY PER DAY · 30 days")
        _ = App.update(&state, .event(.key(.tab)))
        #expect(firstRow() == " PARTICIPATION · 30 days")
        _ = App.update(&state, .event(.key(.backTab)))
        #expect(firstRow() == " ACTIVITY PER DAY · 30 days")
        _ = App.update(&state, .event(.key(.backTab)))
        #expect(firstRow() == " DEMAND PER PRODUCT AND FEATURE · rising fastest first")
        // Row 1 of the window is the period, row 2 the demand title, row 3 the column titles: row 5 is the second demand row.
        _ = App.update(&state, .event(.mouse(.click(x: 10, y: 5))))
        #expect((state.screen as! DashboardScreen).selected == 1)
        #expect(App.update(&state, .event(.mouse(.click(x: 10, y: 5)))) == [.loadSuggestions(SuggestionQuery(product: "furia"), after: nil,
                                                                                              limit: SuggestionListScreen.pageSize(state.body))])
    }

    /// Enter opens only a selection in view: with the demand rows scrolled off
    /// (Tab, Tab; or G) it brings the selection back into view and opens nothing;
    /// a second Enter opens it.
    @Test func enterActsOnlyOnASelectionInView() {
        for keys in [[Key.tab, .tab], [.character("G")]] {
            var state = DashboardSample.state(width: 80, height: 12)
            for key in keys { _ = App.update(&state, .event(.key(key))) }
            #expect(!state.bodyRows.contains { $0.hasPrefix("  Furia 950 · Seat ") }, "\(keys): the row is out of view")
            #expect(App.update(&state, .event(.key(.enter))) == [], "\(keys)")
            #expect(state.screen is DashboardScreen)
            #expect(state.bodyRows[1].hasPrefix(" DEMAND PER PRODUCT AND FEATURE"), "\(keys)")
            #expect(state.bodyRows.contains { $0.hasPrefix("  Furia 950 · Seat ") })
            _ = App.update(&state, .event(.key(.enter)))
            #expect((state.screen as? SuggestionListScreen)?.query == SuggestionQuery(product: "furia", feature: "seat"), "\(keys)")
        }
    }

    /// After a resize the panel the member was on keeps its title at the top, or
    /// the view starts at a panel's title: never inside the demand table.
    @Test func aResizeKeepsThePanel() {
        var state = DashboardSample.state(width: 40, height: 12)
        _ = App.update(&state, .event(.key(.tab)))
        #expect(state.bodyRows[1].hasPrefix(" ACTIVITY PER DAY"))
        _ = App.update(&state, .event(.resized(width: 200, height: 60)))
        #expect(state.bodyRows[1].hasPrefix(" DEMAND PER PRODUCT AND FEATURE"), "\(state.bodyRows.prefix(4))")
        var other = DashboardSample.state(width: 40, height: 12)
        _ = App.update(&other, .event(.key(.tab)))
        _ = App.update(&other, .event(.key(.tab)))
        #expect(other.bodyRows[1].hasPrefix(" PARTICIPATION"))
        _ = App.update(&other, .event(.resized(width: 80, height: 24)))
        #expect(other.bodyRows[1].hasPrefix(" PARTICIPATION · 30 days"), "\(other.bodyRows.prefix(4))")
    }

    /// Tab shows which panel it is on (its title drawn selected) and after the last goes back to the first.
    @Test func tabShowsItsPanelAndWraps() {
        var state = DashboardSample.state(width: 80, height: 12)
        func titleRole(_ title: String) -> StyleRole? {
            let canvas = App.view(state)
            guard let y = canvas.rows.firstIndex(where: { $0.hasPrefix(" \(title)") }) else { return nil }
            return canvas[2, y].role
        }
        #expect(titleRole("DEMAND PER PRODUCT") == .selection)
        _ = App.update(&state, .event(.key(.tab)))
        #expect(titleRole("ACTIVITY PER DAY") == .selection)
        for _ in 0..<3 { _ = App.update(&state, .event(.key(.tab))) }
        #expect((state.screen as! DashboardScreen).panel == 4)
        #expect(titleRole("MODERATION HEALTH") == .selection, "the last panel is focused where the end keeps it low")
        #expect(titleRole("COMPANY RESPONSIVENESS") != .selection)
        _ = App.update(&state, .event(.key(.tab)))
        #expect((state.screen as! DashboardScreen).panel == 0)
        #expect(state.bodyRows[1].hasPrefix(" DEMAND PER PRODUCT AND FEATURE"))
        _ = App.update(&state, .event(.key(.backTab)))
        #expect((state.screen as! DashboardScreen).panel == 4)
        #expect(titleRole("MODERATION HEALTH") == .selection)
    }

    /// A narrow window says which demand columns it leaves out, and what orders the rows.
    @Test func aNarrowWindowSaysWhichColumnsItLeavesOut() {
        let narrow = DashboardSample.state(width: 40, height: 80).bodyRows.joined(separator: " ")
            .replacingOccurrences(of: " +", with: " ", options: .regularExpression)
        #expect(narrow.contains("Wider window: more columns (open, change, 30 days, shipped)."), "\(narrow)")
        #expect(narrow.contains("Rows are ordered by the 7-day change in support."))
        let wide = DashboardSample.state(width: 120, height: 80).bodyRows.joined(separator: "\n")
        #expect(wide.contains("SHIPPED 90D") && !wide.contains("Wider window"))
    }

    /// A name too long for its column cuts the product's name first, so that
    /// feature rows stay told apart, and a suffix such as "(retired)" stays in view.
    @Test func longNamesKeepTheirFeature() {
        let product = "Ardente Furia 950 Special Edition MY2027"
        func row(_ feature: String? = nil, _ name: String? = nil) -> DemandRow {
            DemandRow(product: "ardente", productName: product, feature: feature, featureName: name, openSuggestions: 1, totalSupport: 1,
                      gained7: Gain(now: 0, before: 0), gained30: Gain(now: 0, before: 0), shipped90: 0)
        }
        #expect(DashboardPanels.shortName(row("suspension", "Suspension"), width: 30) == "Ardente Furia 95… · Suspension")
        #expect(DashboardPanels.shortName(row(), width: 30) == "Ardente Furia 950 Special Edi…")
        #expect(DashboardPanels.shortName(row("suspension", "Suspension (retired)"), width: 20) == "Ard… · Su… (retired)")
        var stats = DashboardSample.stats()
        stats.demand = [row(), row("seat", "Seat"), row("suspension", "Suspension")]
        let rows = DashboardSample.state(stats, width: 80, height: 24).bodyRows.filter { $0.hasPrefix("  Ardente") }
        #expect(rows.count == 3 && Set(rows).count == 3, "\(rows)")
        #expect(rows.contains { $0.contains("… · Seat ") } && rows.contains { $0.contains("… · Suspension ") }, "\(rows)")
    }

    /// The footer keeps `? help` and back in a narrow window, and offers Enter
    /// only when there is a demand row; the help box's texts fit its 40-column box.
    @Test func theFooterAtFortyColumnsAndWithoutProducts() {
        let state = DashboardSample.state(width: 40, height: 12)
        let footer = App.view(state).rows.last ?? ""
        #expect(footer.contains("Enter suggestions") && footer.contains("? help") && footer.contains("q Esc back"), "\(footer)")
        #expect(App.view(DashboardSample.state()).rows.last!.contains("[ ] 30/90/365 days  r refresh  ? help"))
        var empty = DashboardSample.stats()
        empty.demand = []
        let emptyFooter = App.view(DashboardSample.state(empty)).rows.last ?? ""
        #expect(!emptyFooter.contains("Enter") && emptyFooter.contains("? help"), "\(emptyFooter)")
        let keys = state.screen.help(state.context())
        #expect(keys.map(\.action).prefix(2) == ["suggestions", "if unseen, shows it"], "help says what Enter does on a row out of view")
        let layout = HelpOverlay.layout(keys: keys, body: state.body)
        for key in keys { #expect(TextWidth.of(key.action) <= layout.box.width - layout.keyWidth - 5, "\(key.action)") }
    }

    /// The style given to the app is the one every screen draws its charts in.
    @Test func theAppCarriesItsChartStyleToTheScreens() throws {
        let f = try TUIFixture()
        let app = PaddockApp(community: f.community, member: f.manager, width: 80, height: 24, chartStyle: .ascii)
        #expect(app.state.chartStyle == .ascii && app.state.context().chartStyle == .ascii)
        #expect(PaddockApp(community: f.community, member: f.manager, width: 80, height: 24).state.context().chartStyle == .blocks)
    }

    /// New figures keep the selection on its product or feature, wherever it now sorts.
    @Test func theSelectionStaysOnItsRowAcrossAReload() {
        var state = DashboardSample.state()
        _ = App.update(&state, .event(.key(.character("j"))))
        #expect((state.screen as! DashboardScreen).selected == 1)
        var stats = DashboardSample.stats()
        stats.demand = stats.demand!.reversed()
        _ = App.update(&state, .answer(StatsLoaded(query: DashboardScreen.query(days: 30, now: DashboardSample.now), stats: stats)))
        let screen = state.screen as! DashboardScreen
        #expect(stats.demand![screen.selected].name == "Furia 950")
    }

    /// A part the viewer may not see is nil, and is simply not drawn.
    @Test func aMissingPartIsNotDrawn() {
        var stats = DashboardSample.stats()
        stats.activity = nil
        stats.responsiveness = nil
        stats.moderation = nil
        let text = DashboardSample.state(stats, width: 80, height: 60).bodyRows.joined(separator: "\n")
        #expect(text.contains("DEMAND PER PRODUCT") && text.contains("PARTICIPATION"))
        #expect(!text.contains("ACTIVITY") && !text.contains("RESPONSIVENESS") && !text.contains("MODERATION") && !text.contains("need a window"))
    }

    /// A quiet month: one of a unit is singular, and what did not happen is said in words, not as "0 of the 0".
    @Test func aQuietMonthInWords() {
        var stats = DashboardSample.stats()
        stats.activity = [DailySeries(name: "New members", unit: "members", first: stats.period.first,
                                      values: Array(repeating: 0, count: 29) + [1])]
        stats.responsiveness = Responsiveness(reachedReview: 0, answered: 0, medianSeconds: nil, p90Seconds: nil, overdue: [],
                                              overdueCount: 0, posted: 1, postedAnswered: 0)
        let rows = DashboardSample.state(stats, width: 100, height: 80).bodyRows.map {
            $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }
        #expect(rows.contains("  New members: 1 member in 30 days · peak 1 on 2026-12-03"))
        #expect(rows.contains("  ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁█"))
        #expect(rows.contains("  Review to first official response: none answered yet."))
        #expect(rows.contains("  No suggestion reached review in the 30 days."))
        #expect(rows.contains("  Any official response: 0 of the 1 suggestion posted in the 30 days (0 %)."))
        #expect(rows.contains("  Under review for over 30 days, today: 0."))
    }

    /// No figures yet: the period being read; the figures refused: why, in the body and the status.
    @Test func beforeAndInsteadOfTheFigures() {
        var state = AppState(member: DashboardSample.manager, width: 80, height: 24, now: DashboardSample.now)
        _ = App.apply(DashboardScreen.open(member: DashboardSample.manager, now: DashboardSample.now), to: &state)
        #expect(state.bodyRows[0].hasPrefix(" 30 days: 2026-11-04 to 2026-12-03 · reading…"))
        #expect(state.bodyRows[1].hasPrefix("  Reading the figures…"))
        _ = App.update(&state, .answer(StatsNotRead(query: DashboardScreen.query(days: 30, now: DashboardSample.now), reason: "the disk is on fire")))
        #expect(state.bodyRows[0].hasPrefix(" 30 days: 2026-11-04 to 2026-12-03  "))
        #expect(state.bodyRows[1].hasPrefix("  The figures could not be read: the disk is on fire"))
        #expect(state.status == .error("the disk is on fire"))
    }
}

/// The dashboard on a real community, through the store's `Community.stats(by:_:)`.
@Suite struct DashboardStoreTests {
    /// The manager presses D on home: the figures of the last 30 days, demand
    /// per feature among them; Enter on the TFT display's row opens its suggestions.
    @Test func aManagerOpensTheDashboardAndAFeaturesSuggestions() throws {
        let f = try SuggestionFixture()
        let app = f.app(as: f.base.manager, width: 100, height: 40)
        app.press(.character("D"))
        guard let dashboard = app.state.screen as? DashboardScreen else { Issue.record("no dashboard"); return }
        #expect(dashboard.failure == nil, "\(dashboard.failure ?? "")")
        let period = StatsPeriod.last(30, endingAt: f.base.clock.now)
        #expect(dashboard.stats?.period == period)
        let text = app.screen()
        #expect(text.contains(" 30 days: \(period.first.text) to \(period.last.text)"), "\(text)")
        #expect(text.contains("Furia 950 · Seat") && text.contains("Furia 950 · TFT display"), "\(text)")
        #expect(text.contains("ACTIVITY PER DAY") && text.contains("PARTICIPATION"), "\(text)")
        guard let tft = dashboard.stats?.demand?.firstIndex(where: { $0.feature == "tft" }) else { Issue.record("no TFT row"); return }
        for _ in 0..<tft { app.press(.down) }
        app.press(.enter)
        guard let list = app.state.screen as? SuggestionListScreen else { Issue.record("Enter opened no list"); return }
        #expect(list.query.product == "furia" && list.query.feature == "tft")
        #expect(app.screen().contains("Heated grips switch on the TFT"))
    }

    /// A support given elsewhere shows on the dashboard at the next look for changes.
    @Test func theDashboardFollowsChangesMadeElsewhere() throws {
        let f = try SuggestionFixture()
        let app = f.app(as: f.base.manager, width: 100, height: 40)
        app.press(.character("D"))
        func tftRow() -> DemandRow? { (app.state.screen as? DashboardScreen)?.stats?.demand?.first { $0.feature == "tft" } }
        guard let before = tftRow() else { Issue.record("no TFT row"); return }
        try f.community.support(by: f.base.reader, suggestion: f.grips.id)
        app.dispatch([.changedElsewhere])
        guard let after = tftRow() else { Issue.record("no TFT row after"); return }
        #expect(after.totalSupport == before.totalSupport + 1)
        #expect(after.gained7.now == before.gained7.now + 1)
    }

    /// ] reads 90 days through the store; the first row says so.
    @Test func thePeriodSwitchReadsTheStore() throws {
        let f = try SuggestionFixture()
        let app = f.app(as: f.base.manager, width: 80, height: 24)
        app.press(.character("D"), .character("]"))
        let period = StatsPeriod.last(90, endingAt: f.base.clock.now)
        #expect((app.state.screen as? DashboardScreen)?.stats?.period == period)
        #expect(app.screen().contains(" 90 days: \(period.first.text) to \(period.last.text)"))
    }
}
