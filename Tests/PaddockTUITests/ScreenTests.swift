import Foundation
import Testing
@testable import PaddockCore
@testable import PaddockStore
@testable import PaddockTUI

/// Compares a whole screen with the expected rows (each padded to the width);
/// a failure names the rows that differ.
func expectScreen(_ actual: String, _ expected: [String], width: Int, sourceLocation: SourceLocation = #_sourceLocation) {
    let rows = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let padded = expected.map { $0 + String(repeating: " ", count: max(0, width - TextWidth.of($0))) }
    #expect(rows.count == padded.count, "expected \(padded.count) rows, got \(rows.count)", sourceLocation: sourceLocation)
    let differences = zip(rows, padded).enumerated().filter { $0.element.0 != $0.element.1 }
    #expect(differences.isEmpty, """
        rows differ:
        \(differences.map { "row \($0.offset):\n  got      |\($0.element.0)|\n  expected |\($0.element.1)|" }.joined(separator: "\n"))
        """, sourceLocation: sourceLocation)
}

func blank(_ count: Int) -> [String] { Array(repeating: "", count: count) }

/// Whole screens as text, compared row by row with what a member should see.
@Suite struct ScreenTests {
    @Test func homeAt80x24() throws {
        let app = try TUIFixture().app(width: 80, height: 24)
        expectScreen(app.screen(), [
            " Paddock                                                                  marco",
            " Latest announcement: Furia 950 MY2026 is here · 3d  (a to read)",
            "",
            "  BOARD                                                          THREADS  UNREAD",
            "+ Announcements — News from Ardente                                    1       1",
            "+ Furia 950 — The supermotard                                          2       2",
            "  Garage — Spanners and grease                                         0",
        ] + blank(16) + [
            " Enter open  n next unread  i inbox  R roadmap  / search  ? help  q quit",
        ], width: 80)
    }

    @Test func boardAt120x40() throws {
        let app = try TUIFixture().app(width: 120, height: 40)
        app.press(.down, .enter)
        expectScreen(app.screen(), [
            " Paddock › Furia 950                                                                                              marco",
            "  TITLE                                                                               AUTHOR           REPLIES      LAST",
            "+ 日本からこんにちは 🏍                                                                giulia                 0        2d",
            "+ Seat foam after 10k km                                                              giulia                 1        2d",
        ] + blank(35) + [
            " Enter open  c new thread  n next unread  o order: latest  ? help  q Esc back",
        ], width: 120)
    }

    @Test func aNarrowBoardDropsTheAuthorColumn() throws {
        let app = try TUIFixture().app(width: 60, height: 12)
        app.press(.down, .enter)
        expectScreen(app.screen(), [
            " Paddock › Furia 950                                  marco",
            "  TITLE                                    REPLIES      LAST",
            "+ 日本からこんにちは 🏍                           0        2d",
            "+ Seat foam after 10k km                         1        2d",
        ] + blank(7) + [
            " Enter open  c new thread  n next unread  o order: latest",
        ], width: 60)
    }

    @Test func threadAt80x24() throws {
        let app = try TUIFixture().app(width: 80, height: 24)
        app.press(.down, .enter, .down, .enter)
        expectScreen(app.screen(), [
            " Paddock › Furia 950 › Seat foam after 10k km                             marco",
            " Seat foam after 10k km",
            " Furia 950 · 1 reply · opening post",
            "▸giulia · 2d",
            " Mine went flat. Così non va.",
            "",
            " ada  [Official] · 2d · #1",
            " Try the comfort seat: 20 mm more foam.",
        ] + blank(15) + [
            " r reply  R reply quoting  n next unread  ? help  q Esc back",
        ], width: 80)
    }

    @Test func helpOverTheThreadAt80x24() throws {
        let app = try TUIFixture().app(width: 80, height: 24)
        app.press(.down, .enter, .down, .enter, .character("?"))
        expectScreen(app.screen(), [
            " Paddock › Furia 950 › Seat foam after 10k km                             marco",
            " Seat foam after ┌─ Keys on this screen ─────────────────────┐",
            " Furia 950 · 1 re│ r          reply                          │",
            "▸giulia · 2d     │ R          reply quoting                  │",
            " Mine went flat. │ n          next unread                    │",
            "                 │ j k ↑↓     scroll                         │",
            " ada  [Official] │ Space PgDn page down                      │",
            " Try the comfort │ b PgUp     page up                        │",
            "                 │ ] [        next, previous post            │",
            "                 │ g G        first, last post               │",
            "                 │ f          flag the ▸ post                │",
            "                 │ m          moderate (moderators)          │",
            "                 │ p          ▸ author's profile             │",
            "                 │ w x        watch, mute thread (toggles)   │",
            "                 │ X o        mute ▸ author, open folded     │",
            "                 │ i          inbox                          │",
            "                 │ /          search                         │",
            "                 │ ?          help                           │",
            "                 │ q Esc      back                           │",
            "                 │                                           │",
            "                 │ any key closes                            │",
            "                 └───────────────────────────────────────────┘",
        ] + blank(1) + [
            " r reply  R reply quoting  n next unread  ? help  q Esc back",
        ], width: 80)
    }

    @Test func composeAt80x24() throws {
        let app = try TUIFixture().app(width: 80, height: 24)
        app.press(.down, .down, .enter, .character("c"))
        app.type("Valve clearances")
        app.press(.tab)
        app.type("Every 30,000 km.\nShims are cheap.")
        expectScreen(app.screen(), [
            " Paddock › Garage › New thread                                            marco",
            " New thread in Garage",
            " Title: Valve clearances                                                  16/120",
            "────────────────────────────────────────────────────────────── 33 / 65536 bytes ",
            " Every 30,000 km.",
            " Shims are cheap. ",
        ] + blank(17) + [
            " ^S send  ^O $EDITOR  Tab title/body  Esc back, draft kept  ^X discard",
        ], width: 80)
    }

    @Test func postsOfStaffAreOfficialAndQuotesAreSetApart() throws {
        let f = try TUIFixture()
        let thread = try f.community.threads(board: "furia").threads.first { $0.title.hasPrefix("Seat") }!
        let first = try f.community.thread(thread.id).posts[1]
        try f.community.reply(by: f.reader, thread: thread.id, body: "> Try the comfort seat\n\nDone, thanks.", replyTo: first.id)
        let app = f.app(width: 80, height: 24)
        app.press(.down, .enter, .enter)  // the reply bumped the seat thread to the top
        let canvas = app.resizeAndRender(width: 80, height: 24)
        let official = try #require(canvas.rows.firstIndex { $0.contains("[Official]") })
        #expect(canvas[1, official].role == .official)
        let quote = try #require(canvas.rows.firstIndex { $0.hasPrefix(" > Try the comfort seat") })
        #expect(canvas[1, quote].role == .quote)
        let plain = try #require(canvas.rows.firstIndex { $0.hasPrefix(" Done, thanks.") })
        #expect(canvas[1, plain].role == .normal)
    }
}
