import Foundation
import Testing
@testable import PaddockCore
@testable import PaddockStore
@testable import PaddockTUI

extension PaddockApp {
    var suggestionList: SuggestionListScreen? {
        if let list = state.screen as? SuggestionListScreen { return list }
        return nil
    }
}

@Suite struct SuggestionListScreenTests {
    /// The fixture plus a suggestion of marco's, the newest and least supported.
    func fixture() throws -> (SuggestionFixture, SuggestionSummary) {
        let f = try SuggestionFixture()
        f.base.clock.advance(by: -3 * 3600)
        let mirrors = try f.community.suggest(by: f.base.reader, product: "furia", features: ["seat"], title: "Folding mirrors",
                                              body: "For the garage.")
        f.base.clock.advance(by: 3 * 3600)
        return (f, mirrors)
    }

    func titles(_ f: SuggestionFixture, feature: String? = nil, order: SuggestionOrder = .top, filter: SuggestionFilter = .open) throws -> [String] {
        try f.community.suggestions(product: "furia", feature: feature, order: order, filter: filter).suggestions.map(\.title)
    }

    @Test func sFromHomeListsTheProductsSuggestions() throws {
        let (f, _) = try fixture()
        let app = f.app()
        app.press(.character("S"))
        guard let list = app.suggestionList else { Issue.record("not on the suggestion list"); return }
        #expect(list.query == SuggestionQuery(product: "furia"))
        let canvas = app.resizeAndRender(width: 80, height: 24)
        expectScreen(canvas.text, [
            " Paddock › Suggestions                                                    marco",
            " Furia 950 · all features · most supported · all open",
            " STATUS          SUPPORT  TITLE                                              AGE",
            " [NEW]                 2  Heated grips switch on the TFT                      1d",
            " [PLANNED]             2  A lower seat option                                 2d",
            " [NEW]                 1  Folding mirrors                                     3h",
        ] + blank(17) + [
            " Enter open  o most supported  f all open  F feature  ? help  q Esc back",
        ], width: 80)
        #expect(role(of: "[PLANNED]", in: canvas) == .statusPlanned)
        #expect(role(of: "[NEW]                 1", in: canvas) == .statusNew)
        #expect(role(of: "Heated grips", in: canvas) == .selection)
    }

    @Test func orderAndFilterChangeTheRows() throws {
        let (f, _) = try fixture()
        let app = f.app()
        app.press(.character("S"))
        #expect(app.suggestionList?.suggestions.map(\.title) == (try titles(f)))
        app.press(.character("o"))
        #expect(app.suggestionList?.query.order == .new)
        #expect(app.suggestionList?.suggestions.map(\.title) == (try titles(f, order: .new)))
        #expect(app.suggestionList?.suggestions.map(\.title) == ["Folding mirrors", "Heated grips switch on the TFT", "A lower seat option"])
        #expect(app.state.status == .info("Order: newest"))
        app.press(.character("o"))
        #expect(app.suggestionList?.query.order == .trending)
        #expect(app.suggestionList?.suggestions.map(\.title) == (try titles(f, order: .trending)))
        #expect(app.screen().contains("7 DAYS"))
        app.press(.character("o"))
        #expect(app.suggestionList?.query.order == .top)
        app.press(.character("f"))
        #expect(app.suggestionList?.query.filter == .status(.new))
        #expect(app.suggestionList?.suggestions.map(\.title) == (try titles(f, filter: .status(.new))))
        #expect(app.suggestionList?.suggestions.map(\.title) == ["Heated grips switch on the TFT", "Folding mirrors"])
        app.press(.character("f"))
        #expect(app.suggestionList?.query.filter == .status(.underReview))
        #expect(app.suggestionList?.suggestions.isEmpty == true)
        #expect(app.screen().contains("No suggestions here"))
        app.press(.character("f"), .character("F"))
        #expect(app.suggestionList?.query.filter == .status(.planned))
        #expect(app.suggestionList?.query.feature == "seat")
        #expect(app.suggestionList?.suggestions.map(\.title) == (try titles(f, feature: "seat", filter: .status(.planned))))
        #expect(app.suggestionList?.suggestions.map(\.title) == ["A lower seat option"])
        // Features cycle by name: Seat, TFT display, then all features again.
        app.press(.character("F"))
        #expect(app.suggestionList?.query.feature == "tft")
        app.press(.character("F"))
        #expect(app.suggestionList?.query.feature == nil)
    }

    @Test func enterOpensTheSuggestionAndQComesBack() throws {
        let (f, mirrors) = try fixture()
        let app = f.app()
        app.press(.character("S"), .end, .enter)
        #expect(app.thread?.summary.id == mirrors.id)
        #expect(app.thread?.suggestion?.suggestion.status == .new)
        app.press(.character("q"))
        #expect(app.suggestionList?.suggestions.selected == 2)
    }

    @Test func lOnTheRoadmapListsThatProductsSuggestions() throws {
        let (f, _) = try fixture()
        try f.community.addProduct(by: f.base.admin, slug: "vento", name: "Vento 660")
        try f.community.addFeature(by: f.base.admin, product: "vento", slug: "screen", name: "Screen")
        let vento = try f.community.suggest(by: f.base.reader, product: "vento", features: ["screen"], title: "A taller screen", body: "Wind.")
        let app = f.app()
        app.press(.character("R"), .tab, .character("l"))
        guard let list = app.suggestionList else { Issue.record("not on the suggestion list"); return }
        #expect(list.query.product == "vento")
        #expect(list.suggestions.map(\.id) == [vento.id])
        #expect(app.screen().contains(" Vento 660 · all features · most supported · all open  (2 of 2)"))
        app.press(.tab)
        #expect(app.suggestionList?.query.product == "furia")
        #expect(app.suggestionList?.suggestions.map(\.title) == (try titles(f)))
        app.press(.character("["))
        #expect(app.suggestionList?.query.product == "vento")
        app.press(.character("q"))
        guard app.state.screen is RoadmapScreen else { Issue.record("q did not lead back to the roadmap"); return }
    }

    @Test func movingNearTheEndLoadsTheNextPageAfterTheLastRow() throws {
        let f = try SuggestionFixture()
        try f.community.addProduct(by: f.base.admin, slug: "vento", name: "Vento 660")
        try f.community.addFeature(by: f.base.admin, product: "vento", slug: "screen", name: "Screen")
        for i in 1...14 {
            f.base.clock.advance(by: 60)
            try f.community.suggest(by: f.base.admin, product: "vento", features: ["screen"], title: "Idea \(i)", body: "Body \(i).")
        }
        let app = f.app(width: 80, height: 12)
        let pageSize = SuggestionListScreen.pageSize(Frame.body(width: 80, height: 12))
        #expect(pageSize == 10)
        var state = app.state
        #expect(App.update(&state, .event(.key(.character("S")))) == [.loadSuggestions(SuggestionQuery(), after: nil, limit: 10)])
        app.press(.character("S"), .tab)
        let first = try f.community.suggestions(product: "vento", order: .top, limit: 10)
        guard let list = app.suggestionList else { Issue.record("not on the suggestion list"); return }
        #expect(list.query.product == "vento")
        #expect(list.suggestions.rows == first.suggestions)
        #expect(list.suggestions.next != nil)
        // Moving within the page asks for nothing; nearing its end asks for the rows after the last.
        state = app.state
        #expect(App.update(&state, .event(.key(.down))) == [])
        state = app.state
        let commands = App.update(&state, .event(.key(.pageDown)))
        #expect(commands == [.loadSuggestions(list.query, after: first.next, limit: 10)])
        #expect(first.next?.id == list.suggestions.last?.id)
        app.press(.pageDown)
        let all = try f.community.suggestions(product: "vento", order: .top, limit: 100).suggestions
        #expect(all.count == 14)
        #expect(app.suggestionList?.suggestions.map(\.id) == all.map(\.id))
        #expect(app.suggestionList?.suggestions.next == nil)
        #expect(app.suggestionList?.suggestions.selected == 7, "still on the row PageDown reached")
    }
}
