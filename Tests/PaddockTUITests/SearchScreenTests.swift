import Foundation
import Testing
@testable import PaddockCore
@testable import PaddockStore
@testable import PaddockTUI

/// `/` opens search from any screen; Enter runs the query; a result opens its
/// thread at the matching post.
@Suite struct SearchScreenTests {
    @Test func wholeScreenWhileTyping() throws {
        let app = try TUIFixture().app(width: 80, height: 24)
        app.press(.character("/"))
        expectScreen(app.screen(), [
            " Paddock › Search                                                         marco",
            " Search: words \"a phrase\" -without pre* board: author: is:unread",
            " Enter searches · F1 lists the filters and operators",
        ] + blank(20) + [
            " Enter search  ↓ Tab results  Esc back",
        ], width: 80)
    }

    @Test func wholeScreenOfResults() throws {
        let app = try TUIFixture().app(width: 80, height: 24)
        app.press(.character("/"))
        app.type("seat\n")
        expectScreen(app.screen(), [
            " Paddock › Search                                                         marco",
            " Search: seat",
            " 3 results · best first",
            "  Seat foam after 10k km · Furia 950 · giulia · 2d",
            "    Mine went flat. Così non va.",
            "  Seat foam after 10k km · post 1 · Furia 950 · ada · 2d",
            "    Try the comfort seat: 20 mm more foam.",
            "  Furia 950 MY2026 is here · Announcements · elena · 3d",
            "    More torque, a new TFT, and the seat you asked for.",
        ] + blank(14) + [
            " Enter open at the post  / Tab edit query  ? help  q Esc back",
        ], width: 80)
        // The matching words take the theme's highlight; the rest of the selected row the selection.
        let canvas = app.resizeAndRender(width: 80, height: 24)
        #expect((2..<6).allSatisfy { canvas[$0, 3].role == .highlight }, "Seat in the selected title")
        #expect(canvas[7, 3].role == .selection)
        #expect(canvas[20, 6].role == .highlight, "seat in the second snippet")
        #expect(canvas[19, 6].role == .normal)
        #expect(canvas[4, 6].role == .normal)
    }

    @Test func slashOpensSearchFromEveryBrowsingScreenButNotWhileTyping() throws {
        let app = try TUIFixture().app(width: 80, height: 24)
        app.press(.down, .enter)  // Furia 950 board
        app.press(.character("/"))
        guard app.state.screen is SearchScreen else { Issue.record("no search from a board"); return }
        app.press(.escape)
        app.press(.enter)  // a thread
        guard app.state.screen is ThreadScreen else { Issue.record("no thread"); return }
        app.press(.character("/"))
        guard app.state.screen is SearchScreen else { Issue.record("no search from a thread"); return }
        app.press(.escape, .character("r"))  // compose a reply: "/" is text there
        guard app.state.screen is ComposeScreen else { Issue.record("not composing"); return }
        app.type("a/b")
        guard let compose = app.state.screen as? ComposeScreen else { Issue.record("/ left compose"); return }
        #expect(compose.body.text == "a/b")
    }

    @Test func enterOpensTheThreadAtTheMatchingPost() throws {
        let f = try TUIFixture()
        let giulia = try f.community.actor(handle: "giulia")
        try f.community.setSetting(by: f.admin, key: "new_member_days", value: "0")
        let thread = try f.community.startThread(by: giulia, board: "garage", title: "Long one", body: "Start")
        for i in 1...60 {
            try f.community.reply(by: i % 2 == 0 ? giulia : f.admin, thread: thread.id, body: i == 45 ? "The torque wrench is here" : "Reply \(i)")
        }
        let app = f.app()
        app.press(.character("/"))
        app.type("wrench\n")
        guard let search = app.state.screen as? SearchScreen else { Issue.record("no search"); return }
        #expect(search.hits.map(\.position) == [45])
        app.press(.enter)
        guard let screen = app.state.screen as? ThreadScreen else { Issue.record("no thread"); return }
        #expect(screen.summary.id == thread.id)
        #expect(screen.focusedPost?.position == 45)
        #expect(app.screen().contains("The torque wrench is here"))
        // Back to the results, then back to where search was opened.
        app.press(.escape)
        guard app.state.screen is SearchScreen else { Issue.record("q goes back to the results"); return }
        app.press(.escape)
        guard app.state.screen is HomeScreen else { Issue.record("q goes back home"); return }
    }

    @Test func aClickSelectsAResultAndASecondOpensIt() throws {
        let app = try TUIFixture().app(width: 80, height: 24)
        app.press(.character("/"))
        app.type("seat\n")
        _ = app.handle(.mouse(.click(x: 10, y: 8)))  // the third result's snippet row
        guard let search = app.state.screen as? SearchScreen else { Issue.record("no search"); return }
        #expect(search.hits.selected == 2)
        _ = app.handle(.mouse(.click(x: 10, y: 7)))
        guard let thread = app.state.screen as? ThreadScreen else { Issue.record("a second click opens"); return }
        #expect(thread.summary.title == "Furia 950 MY2026 is here")
    }

    @Test func aQueryThatCannotRunSaysWhy() throws {
        let app = try TUIFixture().app(width: 80, height: 24)
        app.press(.character("/"))
        app.type("-seat\n")
        let shown = app.screen().split(separator: "\n").map(String.init)
        #expect(shown[2].hasPrefix(" add a word to search for"))
        let canvas = app.resizeAndRender(width: 80, height: 24)
        #expect(canvas[1, 2].role == .error)
        guard let search = app.state.screen as? SearchScreen else { Issue.record("no search"); return }
        #expect(search.typing, "the field keeps the keys, to fix the query")
        // Esc with no results leaves search.
        app.press(.escape)
        guard app.state.screen is HomeScreen else { Issue.record("Esc leaves an empty search"); return }
    }

    @Test func resultsPageAsYouMoveDown() throws {
        let f = try TUIFixture()
        let giulia = try f.community.actor(handle: "giulia")
        try f.community.setSetting(by: f.admin, key: "new_member_days", value: "0")
        let thread = try f.community.startThread(by: giulia, board: "garage", title: "Sprockets", body: "sprocket talk")
        for i in 1...40 {
            f.clock.advance(by: 1)
            try f.community.reply(by: i % 2 == 0 ? giulia : f.admin, thread: thread.id, body: "sprocket \(i)")
        }
        let app = f.app()
        app.press(.character("/"))
        app.type("sprocket\n")
        guard let first = app.state.screen as? SearchScreen else { Issue.record("no search"); return }
        let page = SearchScreen.pageSize(Frame.body(width: 80, height: 24))
        #expect(first.hits.count == page)
        #expect(first.hits.next != nil)
        var state = app.state
        let commands = App.update(&state, .event(.key(.character("G"))))
        #expect(commands == [.search(query: "sprocket", after: first.hits.next, limit: page)])
        app.press(.character("G"))
        guard let more = app.state.screen as? SearchScreen else { Issue.record("no search"); return }
        #expect(more.hits.count == 41)
        #expect(Set(more.hits.map(\.postId)).count == 41)
    }

    @Test func hostileTextInResultsIsDrawnSafely() throws {
        let f = try TUIFixture()
        let giulia = try f.community.actor(handle: "giulia")
        try f.community.setSetting(by: f.admin, key: "new_member_days", value: "0")
        for (i, text) in HostileCorpus.strings.enumerated() {
            // Some are refused as titles or bodies (NUL, over-long): those never reach a screen.
            _ = try? f.community.startThread(by: giulia, board: "garage", title: "carburettor \(i) " + String(text.prefix(60)),
                                        body: "carburettor " + text)
        }
        let app = f.app(width: 60, height: 20)
        app.press(.character("/"))
        app.type("carburettor\n")
        for _ in 0..<HostileCorpus.strings.count {
            let canvas = app.resizeAndRender(width: 60, height: 20)
            for cell in canvas.cells {
                guard let g = cell.grapheme else { continue }
                #expect(!g.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
            }
            app.press(.down)
        }
    }
}
