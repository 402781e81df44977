import Foundation
import Testing
@testable import PaddockCore
@testable import PaddockStore
@testable import PaddockTUI

/// `M` on a board, and `G` on the paged lists.
@Suite struct MarkBoardReadTests {
    @Test func mClearsEveryRowsUnreadMarkAtOnceAndAfterComingBack() throws {
        let f = try TUIFixture()
        let app = f.app(width: 80, height: 24)
        app.press(.down, .enter)  // Furia 950: both threads unread
        #expect(app.screen().contains("+ 日本からこんにちは"))
        #expect(app.screen().contains("+ Seat foam after 10k km"))
        app.press(.character("M"))
        #expect(app.state.status == .info("Every thread of Furia 950 marked read."))
        var rows = app.screen().split(separator: "\n").map(String.init)
        #expect(rows.filter { $0.hasPrefix("+") }.isEmpty, "no row keeps its +")
        #expect(rows.contains { $0.hasPrefix("  Seat foam after 10k km") })
        app.press(.character("q"))
        #expect(app.screen().contains("  Furia 950 — The supermotard"))
        app.press(.enter)
        rows = app.screen().split(separator: "\n").map(String.init)
        #expect(rows.filter { $0.hasPrefix("+") }.isEmpty, "re-entering, no row has its + back")
        // A reply after the mark makes that thread unread again, and only that one.
        let seat = try f.community.threads(board: "furia").threads.first { $0.title.hasPrefix("Seat") }!
        f.clock.advance(by: 60)
        try f.community.reply(by: f.admin, thread: seat.id, body: "One more thing.")
        app.press(.character("q"), .enter)
        rows = app.screen().split(separator: "\n").map(String.init)
        #expect(rows.filter { $0.hasPrefix("+") }.map { $0.contains("Seat foam") } == [true])
    }
}
