import Foundation
import Testing
@testable import PaddockCore
@testable import PaddockStore
@testable import PaddockTUI

@Suite struct ModerationLogScreenTests {
    /// lucia warns nico, then sara; the log shows sara's warning first.
    func warned() throws -> ModerationFixture {
        let f = try ModerationFixture()
        try f.community.warn(by: f.lucia, member: "nico", reason: "Spam links")
        f.base.clock.advance(by: 3600)
        try f.community.warn(by: f.lucia, member: "sara", reason: "Rude reply")
        return f
    }

    @Test func aModeratorSeesWhoActed() throws {
        let f = try warned()
        let mod = try f.app(as: f.lucia)
        mod.press(.character("L"))
        guard let log = mod.state.screen as? ModerationLogScreen else { Issue.record("no log"); return }
        #expect(!log.publicView)
        #expect(Array(log.entries.prefix(2).map(\.reason)) == ["Rude reply", "Spam links"])
        let shown = mod.screen()
        #expect(shown.contains("Paddock › Moderation log"))
        #expect(shown.contains("lucia · warn · sara · Rude reply"))
        #expect(shown.contains("lucia · warn · nico · Spam links"))
        mod.press(.character("q"))
        if mod.state.screen is HomeScreen {} else { Issue.record("q goes back home") }
    }

    @Test func aMemberSeesThePublicViewWithNamesHidden() throws {
        let f = try warned()
        let member = try f.app(as: f.base.reader)
        member.press(.character("L"))
        guard let log = member.state.screen as? ModerationLogScreen else { Issue.record("no log"); return }
        #expect(log.publicView)
        #expect(log.entries.allSatisfy { $0.actorHandle == nil })
        let shown = member.screen()
        #expect(shown.contains("MODERATION LOG (public view)"))
        #expect(shown.contains("a moderator · warn · sara · Rude reply"))
        #expect(!shown.contains("lucia"))
    }

    @Test func pagingAsksForEntriesBeforeTheLastRow() throws {
        let f = try ModerationFixture()
        for i in 0..<60 {
            try f.community.warn(by: f.lucia, member: "nico", reason: "warning \(i)")
        }
        let mod = try f.app(as: f.lucia)
        mod.press(.character("L"))
        guard let first = mod.state.screen as? ModerationLogScreen else { Issue.record("no log"); return }
        let body = Frame.body(width: 80, height: 24)
        let page = ModerationLogScreen.pageSize(body)
        #expect(first.entries.count == page)
        #expect(first.entries.next != nil)

        // Near the end, the screen asks for one page (plus one) older than its last row.
        var state = mod.state
        let commands = App.update(&state, .event(.key(.pageDown)))
        #expect(commands == [.loadModerationLog(public: false, .older(before: first.entries.last!.id), limit: page + 1)])

        // Through the runtime, the older page is appended, newest first and without repeats.
        mod.press(.pageDown)
        guard let log = mod.state.screen as? ModerationLogScreen else { Issue.record("no log"); return }
        #expect(log.entries.count == 2 * page)
        let ids = log.entries.map(\.id)
        #expect(ids == ids.sorted(by: >))
        #expect(Set(ids).count == ids.count)
    }

    @Test func wholeScreen() throws {
        let f = try warned()
        let mod = try f.app(as: f.lucia)
        mod.press(.character("L"))
        expectScreen(mod.screen(), [
            " Paddock › Moderation log                                                 lucia",
            "  MODERATION LOG · newest first",
            "  now · lucia · warn · sara · Rude reply",
            "  1h · lucia · warn · nico · Spam links",
            ] + blank(19) + [
            " ? help  q Esc back",
        ], width: 80)
    }
}
