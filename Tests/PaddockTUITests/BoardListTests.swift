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

@Suite struct LastPageTests {
    /// A board of 61 threads (more than two pages at 80×24), newest "Tip 60".
    private func longBoard() throws -> TUIFixture {
        let f = try TUIFixture()
        for i in 0..<61 {
            f.clock.advance(by: 60)
            let thread = try f.community.startThread(by: f.admin, board: "garage", title: "Tip \(i)", body: "b")
            for _ in 0..<(i % 7) { try f.community.reply(by: f.manager, thread: thread.id, body: "r") }
        }
        return f
    }

    @Test func gGoesToTheLastThreadInOnePressAndTheRowsAboveLoadGoingUp() throws {
        let f = try longBoard()
        let app = f.app(width: 80, height: 24)
        app.press(.down, .down, .enter)
        guard let first = app.state.screen as? BoardScreen else { Issue.record("not on the board"); return }
        #expect(first.threads.next != nil)
        app.press(.character("G"))
        guard let end = app.state.screen as? BoardScreen else { return }
        #expect(end.threads[end.threads.selected].title == "Tip 0")
        #expect(end.threads.count <= BoardScreen.pageSize(Frame.body(width: 80, height: 24)), "only the last page was read")
        #expect(app.screen().contains("Tip 0"))
        // Going up, the pages before load: every thread once, in order.
        for _ in 0..<70 { app.press(.up) }
        guard let top = app.state.screen as? BoardScreen else { return }
        #expect(top.threads.map(\.title) == (0..<61).reversed().map { "Tip \($0)" })
        #expect(top.threads[top.threads.selected].title == "Tip 60")
        // g after G: the first page again, the first row selected.
        app.press(.character("G"), .character("g"))
        guard let again = app.state.screen as? BoardScreen else { return }
        #expect(again.threads.selected == 0 && again.threads.first?.title == "Tip 60")
        #expect(app.screen().contains("Tip 60"))
    }

    @Test(arguments: [ThreadOrder.latest, .mostReplies, .unread])
    func theLastPageReadBackwardsIsTheTailOfTheBoard(order: ThreadOrder) throws {
        let f = try longBoard()
        var all: [ThreadSummary] = []
        var page = try f.community.threads(board: "garage", reader: f.reader, order: order, after: nil, limit: 20)
        all += page.threads
        while page.next != nil {
            page = try f.community.threads(board: "garage", reader: f.reader, order: order, after: all.last, limit: 20)
            all += page.threads
        }
        #expect(all.count == 61)
        let last = try f.community.threads(board: "garage", reader: f.reader, order: order, before: nil, limit: 20)
        #expect(last.threads.map(\.id) == all.suffix(20).map(\.id))
        #expect(last.next != nil)
        let before = try f.community.threads(board: "garage", reader: f.reader, order: order, before: last.threads.first, limit: 50)
        #expect(before.threads.map(\.id) == all.prefix(41).map(\.id))
        #expect(before.next == nil)
    }
}

@Suite struct LastPageOfNewestFirstListsTests {
    @Test func gInTheInboxGoesToTheOldestNotificationInOnePress() throws {
        let f = try ModerationFixture()
        try f.community.setSetting(by: f.base.admin, key: "new_member_days", value: "0")
        let thread = try f.community.startThread(by: f.base.reader, board: "garage", title: "Chain slack", body: "How much?")
        for i in 0..<60 {
            f.base.clock.advance(by: 1)
            try f.community.reply(by: f.giulia, thread: thread.id, body: "More \(i)")
        }
        let all = try f.community.inbox(for: f.base.reader, limit: 500).map(\.id)
        #expect(all.count == 60)
        let app = try f.app(as: f.base.reader)
        app.press(.character("i"), .character("G"))
        guard let end = app.state.screen as? InboxScreen else { Issue.record("not the inbox"); return }
        #expect(end.items[end.items.selected].id == all.last)
        #expect(end.items.count < 30, "only the oldest page was read")
        #expect(end.items.selected >= end.items.selection.offset && end.items.selected < end.items.selection.offset + end.visibleRows(in: Frame.body(width: 80, height: 24)),
                "the oldest notification is on screen")
        for _ in 0..<70 { app.press(.up) }
        guard let top = app.state.screen as? InboxScreen else { return }
        #expect(top.items.map(\.id) == all)
        #expect(top.items.selected == 0)
    }

    @Test func gInTheModerationLogGoesToTheOldestEntryInOnePress() throws {
        let f = try ModerationFixture()
        for i in 0..<60 { try f.community.warn(by: f.lucia, member: "nico", reason: "warning \(i)") }
        let all = try f.community.moderationLog(viewer: f.lucia, limit: 500).map(\.id)
        let app = try f.app(as: f.lucia)
        app.press(.character("L"), .character("G"))
        guard let end = app.state.screen as? ModerationLogScreen else { Issue.record("no log"); return }
        #expect(end.entries[end.entries.selected].id == all.last)
        #expect(end.entries.count < 30, "only the oldest page was read")
        #expect(app.screen().contains("warning 0"))
        for _ in 0..<70 { app.press(.up) }
        guard let top = app.state.screen as? ModerationLogScreen else { return }
        #expect(top.entries.map(\.id) == all)
        app.press(.character("G"), .character("g"))
        guard let again = app.state.screen as? ModerationLogScreen else { return }
        #expect(again.entries.selected == 0 && again.entries.first?.id == all.first)
    }
}

@Suite struct LastPageOfSuggestionListsTests {
    @Test(arguments: [SuggestionOrder.top, .new])
    func gGoesToTheLastSuggestionInOnePress(order: SuggestionOrder) throws {
        let f = try SuggestionFixture()
        try f.community.addProduct(by: f.base.admin, slug: "vento", name: "Vento 660")
        try f.community.addFeature(by: f.base.admin, product: "vento", slug: "screen", name: "Screen")
        for i in 1...35 {
            f.base.clock.advance(by: 60)
            try f.community.suggest(by: f.base.admin, product: "vento", features: ["screen"], title: "Idea \(i)", body: "Body \(i).")
        }
        let all = try f.community.suggestions(product: "vento", order: order, limit: 100).suggestions.map(\.id)
        #expect(all.count == 35)
        let app = f.app(width: 80, height: 12)
        app.press(.character("S"), .tab)
        if order == .new { app.press(.character("o")) }
        #expect(app.suggestionList?.query.order == order)
        app.press(.character("G"))
        guard let end = app.suggestionList else { Issue.record("not on the suggestion list"); return }
        #expect(end.suggestions[end.suggestions.selected].id == all.last)
        #expect(end.suggestions.count == 10, "only the last page was read")
        for _ in 0..<40 { app.press(.up) }
        guard let top = app.suggestionList else { return }
        #expect(top.suggestions.map(\.id) == all)
        #expect(top.suggestions.selected == 0)
        app.press(.character("G"), .character("g"))
        #expect(app.suggestionList?.suggestions.first?.id == all.first)
        #expect(app.suggestionList?.suggestions.selected == 0)
    }
}
