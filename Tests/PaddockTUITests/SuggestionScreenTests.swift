import Foundation
import GRDB
import Testing
@testable import PaddockCore
@testable import PaddockStore
@testable import PaddockTUI

/// The TUI fixture plus an Ideas Lab: a new suggestion working towards its
/// first milestone, and a planned one with an official response.
struct SuggestionFixture {
    let base: TUIFixture
    let giulia: Actor
    let grips: SuggestionSummary
    let seat: SuggestionSummary

    init() throws {
        base = try TUIFixture()
        let c = base.community
        giulia = try c.actor(handle: "giulia")
        try c.addBoard(by: base.admin, slug: "ideas", title: "Ideas Lab", description: "Suggest, support", threadKind: .suggestion)
        try c.addProduct(by: base.admin, slug: "furia", name: "Furia 950")
        try c.addFeature(by: base.admin, product: "furia", slug: "seat", name: "Seat")
        try c.addFeature(by: base.admin, product: "furia", slug: "tft", name: "TFT display")
        base.clock.advance(by: -86400 * 2)
        seat = try c.suggest(by: giulia, product: "furia", features: ["seat", "tft"], title: "A lower seat option",
                             body: "For riders under 170 cm.")
        try c.support(by: base.admin, suggestion: seat.id)
        base.clock.advance(by: 3600)
        try c.changeStatus(by: base.manager, suggestion: seat.id, to: .planned, response: "Planned for MY2027: a seat 20 mm lower.")
        base.clock.advance(by: 3600)
        grips = try c.suggest(by: giulia, product: "furia", features: ["tft"], title: "Heated grips switch on the TFT",
                              body: "One button, three levels.")
        try c.support(by: base.admin, suggestion: grips.id)
        base.clock.advance(by: 86400 * 2 - 2 * 3600)
    }

    var community: Community { base.community }

    func app(as member: Actor? = nil, width: Int = 80, height: Int = 24) -> PaddockApp {
        let clock = base.clock
        return PaddockApp(community: community, member: member ?? base.reader, width: width, height: height, clock: { clock.now })
    }

    func supporterCount(_ id: Int64) throws -> Int {
        try community.suggestion(id).suggestion.supporterCount
    }
}

extension PaddockApp {
    /// Opens a thread straight away, as the board or next-unread would.
    func open(thread id: Int64) throws {
        let detail = try community.thread(id, viewer: state.member, from: 0, limit: 1)
        dispatch([.answer(NextUnreadFound(summary: detail.thread))])
    }

    var thread: ThreadScreen? {
        if let thread = state.screen as? ThreadScreen { return thread }
        return nil
    }
}

/// Finds the row holding `text` and the role of its first cell.
func role(of text: String, in canvas: Canvas) -> StyleRole? {
    for (y, row) in canvas.rows.enumerated() {
        guard let range = row.range(of: text) else { continue }
        let x = TextWidth.of(String(row[..<range.lowerBound]))
        return canvas[x, y].role
    }
    return nil
}

@Suite struct SuggestionHeaderTests {
    @Test func aPlannedSuggestionShowsItsBadgeFeaturesAndLatestResponse() throws {
        let f = try SuggestionFixture()
        let app = f.app()
        try app.open(thread: f.seat.id)
        #expect(app.thread?.suggestion?.suggestion.status == .planned)
        let canvas = app.resizeAndRender(width: 80, height: 24)
        #expect(role(of: "[PLANNED]", in: canvas) == .statusPlanned)
        #expect(canvas.text.contains("[PLANNED] Furia 950 · Seat, TFT display"))
        #expect(canvas.text.contains(" 2 supporters"))
        #expect(canvas.text.contains("[Official] elena · 1d · planned: Planned for MY2027: a seat 20 mm lower."))
        #expect(role(of: "[Official] elena", in: canvas) == .official)
    }

    @Test func aNewSuggestionShowsMilestoneProgress() throws {
        let f = try SuggestionFixture()
        let app = f.app()
        try app.open(thread: f.grips.id)
        let canvas = app.resizeAndRender(width: 80, height: 24)
        #expect(role(of: "[NEW]", in: canvas) == .statusNew)
        #expect(canvas.text.contains("██░░░░░░░░ 2/10 supporters · 29 days left"))
        #expect(canvas.text.contains("No official response yet."))
    }

    @Test func eachStatusHasItsOwnRole() {
        let roles = SuggestionStatus.allCases.map(SuggestionHeader.role(for:))
        #expect(Set(roles).count == SuggestionStatus.allCases.count)
        #expect(roles.allSatisfy { $0.rawValue.hasPrefix("status.") })
    }

    @Test func suggestionAt80x24() throws {
        let f = try SuggestionFixture()
        let app = f.app()
        try app.open(thread: f.seat.id)
        expectScreen(app.screen(), [
            " Paddock › A lower seat option                                            marco",
            " A lower seat option",
            " Ideas Lab · 1 reply · opening post",
            " [PLANNED] Furia 950 · Seat, TFT display",
            " 2 supporters",
            " [Official] elena · 1d · planned: Planned for MY2027: a seat 20 mm lower.",
            "────────────────────────────────────────────────────────────────────────────────",
            "▸giulia · 2d",
            " For riders under 170 cm.",
            "",
            " elena  [Official] · 1d · #1",
            " Planned for MY2027: a seat 20 mm lower.",
        ] + blank(11) + [
            " s support  r reply  R reply quoting  n next unread  ? help  q Esc back",
        ], width: 80)
    }
}

@Suite struct SupportKeyTests {
    @Test func sSupportsThenWithdrawsAndTheCountChangesInTheDatabase() throws {
        let f = try SuggestionFixture()
        let app = f.app()
        try app.open(thread: f.grips.id)
        #expect(app.thread?.suggestion?.viewerSupports == false)
        app.press(.character("s"))
        #expect(try f.supporterCount(f.grips.id) == 3)
        #expect(app.state.status == .info("You support this suggestion: 3 supporters."))
        #expect(app.thread?.suggestion?.viewerSupports == true)
        #expect(app.screen().contains("3/10 supporters · 29 days left · you support this"))
        app.press(.character("s"))
        #expect(try f.supporterCount(f.grips.id) == 2)
        #expect(app.state.status == .info("Support withdrawn: 2 supporters."))
        #expect(app.screen().contains("2/10 supporters · 29 days left"))
    }

    @Test func theAuthorCannotWithdrawAndNothingChanges() throws {
        let f = try SuggestionFixture()
        let app = f.app(as: f.giulia)
        try app.open(thread: f.grips.id)
        #expect(app.thread?.suggestion?.viewerSupports == true)
        app.press(.character("s"))
        #expect(app.state.status?.isError == true)
        #expect(app.state.status?.text.contains("an author always supports their own suggestion") == true)
        #expect(try f.supporterCount(f.grips.id) == 2)
        #expect(app.thread?.suggestion?.viewerSupports == true)
    }

    @Test func aClosedSuggestionRefusesSupport() throws {
        let f = try SuggestionFixture()
        try f.community.changeStatus(by: f.base.manager, suggestion: f.seat.id, to: .shipped, response: "Shipped in MY2027.")
        try f.community.changeStatus(by: f.base.manager, suggestion: f.grips.id, to: .declined, response: "Not this year.")
        let app = f.app()
        try app.open(thread: f.grips.id)
        app.press(.character("s"))
        #expect(app.state.status?.isError == true)
        #expect(try f.supporterCount(f.grips.id) == 2)
        #expect(role(of: "[DECLINED]", in: app.resizeAndRender(width: 80, height: 24)) == .statusDeclined)
    }

    @Test func aSuspendedMemberIsRefused() throws {
        let f = try SuggestionFixture()
        let app = f.app()
        try app.open(thread: f.grips.id)
        try f.community.suspend(by: f.base.admin, member: "marco", until: f.base.clock.now.addingTimeInterval(86400), reason: "Cooling off")
        app.press(.character("s"))
        #expect(app.state.status?.isError == true)
        #expect(try f.supporterCount(f.grips.id) == 2)
        #expect(app.thread?.suggestion?.viewerSupports == false)
    }

    @Test func sOutsideASuggestionDoesNothing() throws {
        let app = try TUIFixture().app()
        app.press(.down, .enter, .down, .enter)
        #expect(app.press(.character("s")).isEmpty)
        #expect(app.state.status == nil)
    }
}

@Suite struct SuggestionBoardTests {
    @Test func aSuggestionBoardShowsStatusAndSupportersPerRow() throws {
        let f = try SuggestionFixture()
        let app = f.app()
        app.press(.end, .enter)
        guard let board = app.state.screen as? BoardScreen else { Issue.record("not on a board"); return }
        #expect(board.board.slug == "ideas")
        #expect(board.suggestions.count == 2)
        let canvas = app.resizeAndRender(width: 80, height: 24)
        expectScreen(canvas.text, [
            " Paddock › Ideas Lab                                                      marco",
            "  TITLE                       AUTHOR           STATUS          SUPPORT      LAST",
            "+ Heated grips switch on th…  giulia           [NEW]                 2        1d",
            "+ A lower seat option         giulia           [PLANNED]             2        1d",
        ] + blank(19) + [
            " Enter open  c new suggestion  n next unread  o order: latest  ? help",
        ], width: 80)
        #expect(role(of: "[NEW]", in: canvas) == .selection)
        #expect(role(of: "[PLANNED]", in: canvas) == .statusPlanned)
    }

    @Test func supportingFromTheThreadUpdatesTheBoardRow() throws {
        let f = try SuggestionFixture()
        let app = f.app()
        app.press(.end, .enter, .enter)
        #expect(app.thread?.summary.id == f.grips.id)
        app.press(.character("s"), .character("q"))
        guard let board = app.state.screen as? BoardScreen else { Issue.record("not on a board"); return }
        #expect(board.suggestions[f.grips.id]?.supporterCount == 3)
    }
}

@Suite struct RoadmapScreenTests {
    @Test func rFromHomeShowsTheRoadmapAndEnterOpensASuggestion() throws {
        let f = try SuggestionFixture()
        try f.community.addProduct(by: f.base.admin, slug: "vento", name: "Vento 660")
        let app = f.app()
        app.press(.character("R"))
        guard let roadmap = app.state.screen as? RoadmapScreen else { Issue.record("not on the roadmap"); return }
        #expect(roadmap.roadmap?.product.slug == "furia")
        let canvas = app.resizeAndRender(width: 80, height: 24)
        expectScreen(canvas.text, [
            " Paddock › Roadmap                                                        marco",
            " Roadmap · Furia 950  (1 of 2, Tab next product)",
            " UNDER REVIEW (0)",
            "   nothing here yet",
            " PLANNED (1)",
            "   A lower seat option                                     [PLANNED]          2",
            " IN PROGRESS (0)",
            "   nothing here yet",
            " SHIPPED IN THE LAST 90 DAYS (0)",
            "   nothing here yet",
        ] + blank(13) + [
            " Enter open  Tab ] [ next, previous product  ? help  q Esc back",
        ], width: 80)
        #expect(role(of: "UNDER REVIEW", in: canvas) == .header)
        app.press(.tab)
        guard let vento = app.state.screen as? RoadmapScreen else { Issue.record("not on the roadmap"); return }
        #expect(vento.roadmap?.product.slug == "vento")
        app.press(.tab, .enter)
        #expect(app.thread?.summary.id == f.seat.id)
        #expect(app.thread?.suggestion?.suggestion.status == .planned)
        app.press(.character("q"))
        guard app.state.screen is RoadmapScreen else { Issue.record("q did not lead back to the roadmap"); return }
    }
}

@Suite struct ReviewQueueAndStatusTests {
    @Test func aMemberIsToldTheQueueIsForManagers() throws {
        let f = try SuggestionFixture()
        let app = f.app()
        app.press(.character("Q"))
        guard app.state.screen is HomeScreen else { Issue.record("a member reached the queue"); return }
        #expect(app.state.status?.isError == true)
        #expect(app.state.status?.text.contains("the review queue is for managers") == true)
    }

    @Test func aManagerReviewsPlansWithAResponseAndEveryoneSeesIt() throws {
        let f = try SuggestionFixture()
        try f.community.changeStatus(by: f.base.manager, suggestion: f.grips.id, to: .underReview, response: "Looking at it.")
        let app = f.app(as: f.base.manager)
        app.press(.character("Q"))
        guard let queue = app.state.screen as? ReviewQueueScreen else { Issue.record("not on the queue"); return }
        #expect(queue.suggestions.map(\.id) == [f.grips.id])
        #expect(app.screen().contains("Heated grips switch on the TFT"))
        app.press(.enter)
        #expect(app.thread?.summary.id == f.grips.id)
        app.press(.character("S"))
        guard let dialog = app.state.screen as? StatusDialog else { Issue.record("no status dialog"); return }
        #expect(dialog.options == [.planned, .declined])
        let canvas = app.resizeAndRender(width: 80, height: 24)
        #expect(role(of: "[UNDER REVIEW]", in: canvas) == .statusUnderReview)
        #expect(role(of: "[DECLINED]", in: canvas) == .statusDeclined)
        // q types, it does not leave the dialog.
        app.press(.tab)
        app.type("quick: planned for MY2027")
        guard app.state.screen is StatusDialog else { Issue.record("typing left the dialog"); return }
        app.press(.tab, .down, .up, .ctrl("s"))
        #expect(try f.community.suggestion(f.grips.id).suggestion.status == .planned)
        #expect(try f.community.suggestion(f.grips.id).suggestion.statusNote == "quick: planned for MY2027")
        #expect(app.thread?.suggestion?.suggestion.status == .planned)
        #expect(app.state.status == .info("Now planned: the author and every supporter are notified."))
        let screen = app.screen()
        #expect(screen.contains("[PLANNED] Furia 950 · TFT display"))
        #expect(screen.contains("[Official] elena · now · planned: quick: planned for MY2027"))
        app.press(.character("q"))
        guard let after = app.state.screen as? ReviewQueueScreen else { Issue.record("not back on the queue"); return }
        #expect(after.suggestions.isEmpty)
    }

    @Test func anEmptyResponseIsRefusedAndTheDialogStays() throws {
        let f = try SuggestionFixture()
        let app = f.app(as: f.base.manager)
        try app.open(thread: f.grips.id)
        app.press(.character("S"), .ctrl("s"))
        guard app.state.screen is StatusDialog else { Issue.record("the dialog closed"); return }
        #expect(app.state.status?.isError == true)
        #expect(try f.community.suggestion(f.grips.id).suggestion.status == .new)
    }

    @Test func aMemberCannotOpenTheStatusDialog() throws {
        let f = try SuggestionFixture()
        let app = f.app()
        try app.open(thread: f.grips.id)
        app.press(.character("S"))
        #expect(app.thread != nil)
        #expect(app.state.status?.text.contains("only managers can change a suggestion's status") == true)
    }
}

@Suite struct SuggestionFormTests {
    @Test func cOnASuggestionBoardPostsASuggestionAfterShowingSimilarOnes() throws {
        let f = try SuggestionFixture()
        let app = f.app()
        app.press(.end, .enter, .character("c"))
        guard let form = app.state.screen as? SuggestionForm else { Issue.record("no suggestion form"); return }
        #expect(form.products.map(\.slug) == ["furia"])
        #expect(form.productFeatures.map(\.slug) == ["seat", "tft"])
        app.press(.tab, .right, .character(" "), .tab)  // features: TFT display
        app.type("heated grips")
        guard let typed = app.state.screen as? SuggestionForm else { Issue.record("typing left the form"); return }
        #expect(typed.chosen == ["tft"])
        #expect(typed.similar.map(\.id) == [f.grips.id])
        let canvas = app.resizeAndRender(width: 80, height: 24)
        #expect(canvas.text.contains("Similar open suggestions: support one instead of posting a duplicate?"))
        #expect(canvas.text.contains("#\(f.grips.id) Heated grips switch on the TFT"))
        #expect(role(of: "[NEW] 2", in: canvas) == .statusNew)
        app.press(.tab)
        app.type("Heated grips with five levels, please.")
        app.press(.ctrl("s"))
        guard let board = app.state.screen as? BoardScreen else { Issue.record("not back on the board"); return }
        #expect(app.state.status?.text.hasSuffix("posted: you are its first supporter.") == true)
        let posted = try #require(board.threads.first { $0.title == "heated grips" })
        let detail = try f.community.suggestion(posted.id)
        #expect(detail.suggestion.features.map(\.slug) == ["tft"])
        #expect(detail.suggestion.supporterCount == 1)
        #expect(board.suggestions[posted.id]?.status == .new)
    }

    @Test func aSuggestionWithoutFeaturesIsRefusedAndTheFormKeepsItsText() throws {
        let f = try SuggestionFixture()
        let app = f.app()
        app.press(.end, .enter, .character("c"), .tab, .tab)
        app.type("A quieter fan")
        app.press(.ctrl("s"))
        guard let form = app.state.screen as? SuggestionForm else { Issue.record("the form closed"); return }
        #expect(form.title.text == "A quieter fan")
        #expect(app.state.status?.isError == true)
        app.press(.escape)
        guard app.state.screen is BoardScreen else { Issue.record("not back on the board"); return }
        #expect(app.state.status == .info("Not posted; your suggestion is kept as a draft: c in this board continues it."))
    }
}

@Suite struct SuggestionFormLayoutTests {
    @Test func theFeatureUnderTheCursorStaysInViewOnANarrowScreen() throws {
        let f = try SuggestionFixture()
        for n in 1...8 { try f.community.addFeature(by: f.base.admin, product: "furia", slug: "extra\(n)", name: "Extra feature \(n)") }
        let app = f.app(width: 60, height: 20)
        app.press(.end, .enter, .character("c"), .tab)
        for _ in 0..<9 { app.press(.right) }
        guard let form = app.state.screen as? SuggestionForm else { Issue.record("no suggestion form"); return }
        let name = form.productFeatures[form.featureCursor].name
        #expect(name == "TFT display")
        #expect(role(of: "[ ] TFT display", in: app.resizeAndRender(width: 60, height: 20)) == .selection)
    }
}
