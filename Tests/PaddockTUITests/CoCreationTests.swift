import Foundation
import Testing
@testable import PaddockCore
@testable import PaddockStore
@testable import PaddockTUI

extension PaddockApp {
    /// The footer: the screen's last row, without its trailing blanks.
    var footer: String {
        let row = screen().split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        return String(row.reversed().drop { $0 == " " }.reversed())
    }

    /// The `?` overlay's text, closed again afterwards.
    var help: String {
        press(.character("?"))
        defer { press(.character("x")) }
        return screen()
    }
}

/// Every text a member types into a form is kept as a draft: Esc leaves it,
/// reopening the same form offers it back, sending or discarding forgets it.
@Suite struct FormDraftTests {
    /// At 40×12 the response is below the fold: what a manager types on the
    /// statuses goes into the response (and shows), never nowhere; j and k are text too.
    @Test func typingOnTheStatusesWritesTheResponse() throws {
        let f = try SuggestionFixture()
        let app = f.app(as: f.base.manager, width: 40, height: 12)
        try app.open(thread: f.grips.id)
        app.press(.character("S"), .down)
        app.type("just planned for MY2028")
        guard let dialog = app.state.screen as? StatusDialog else { Issue.record("no status dialog"); return }
        #expect(dialog.response.text == "just planned for MY2028")
        #expect(app.screen().contains("planned for MY2028"), "\(app.screen())")
        app.press(.ctrl("s"))
        #expect(try f.community.suggestion(f.grips.id).suggestion.status == .planned)
    }

    @Test func anOfficialResponseSurvivesEscAndComesBackWhenTheDialogReopens() throws {
        let f = try SuggestionFixture()
        let app = f.app(as: f.base.manager)
        try app.open(thread: f.grips.id)
        app.press(.character("S"), .tab)
        app.type("We are testing three levels on the MY2027 bars.")
        app.press(.escape)
        #expect(app.thread != nil)
        #expect(app.state.status == .info("Status unchanged; your response is kept as a draft for the next time."))
        #expect(try f.community.draft(for: f.base.manager, key: "status:\(f.grips.id)")?.body
                == "We are testing three levels on the MY2027 bars.")
        app.press(.character("S"))
        guard let dialog = app.state.screen as? StatusDialog else { Issue.record("no status dialog"); return }
        #expect(dialog.response.text == "We are testing three levels on the MY2027 bars.")
        #expect(app.state.status == .info("Your unsent draft is back."))
        #expect(app.screen().contains("We are testing three levels on the MY2027 bars."))
        // Sent: the draft goes, and the next dialog starts empty.
        app.press(.ctrl("s"))
        #expect(try f.community.suggestion(f.grips.id).suggestion.status == .underReview)
        #expect(try f.community.draft(for: f.base.manager, key: "status:\(f.grips.id)") == nil)
        app.press(.character("S"))
        guard let next = app.state.screen as? StatusDialog else { Issue.record("no status dialog"); return }
        #expect(next.response.text.isEmpty)
    }

    @Test func aResponseIsSavedWhileTypingPausesAndOnHangup() throws {
        let f = try SuggestionFixture()
        let app = f.app(as: f.base.manager)
        try app.open(thread: f.grips.id)
        app.press(.character("S"), .tab)
        app.type("Half a")
        #expect(try f.community.draft(for: f.base.manager, key: "status:\(f.grips.id)") == nil)
        f.base.clock.advance(by: 1)
        _ = app.handle(.tick)
        #expect(try f.community.draft(for: f.base.manager, key: "status:\(f.grips.id)")?.body == "Half a")
        app.type(" response")
        _ = app.handle(.hangup)
        #expect(try f.community.draft(for: f.base.manager, key: "status:\(f.grips.id)")?.body == "Half a response")
    }

    @Test func discardingAResponseAsksThenForgetsIt() throws {
        let f = try SuggestionFixture()
        let app = f.app(as: f.base.manager)
        try app.open(thread: f.grips.id)
        app.press(.character("S"), .tab)
        app.type("Not this")
        app.press(.ctrl("x"))
        #expect(app.screen().contains("Discard this response?"))
        app.press(.character("y"))
        #expect(app.thread != nil)
        #expect(try f.community.draft(for: f.base.manager, key: "status:\(f.grips.id)") == nil)
        app.press(.character("S"))
        guard let dialog = app.state.screen as? StatusDialog else { Issue.record("no status dialog"); return }
        #expect(dialog.response.text.isEmpty)
    }

    @Test func aNewSuggestionsTitleAndTextSurviveEscAndComeBack() throws {
        let f = try SuggestionFixture()
        let app = f.app()
        app.press(.end, .enter, .character("c"), .tab, .tab)
        app.type("A quieter fan")
        app.press(.tab)
        app.type("It howls at idle in traffic.")
        app.press(.escape)
        guard app.state.screen is BoardScreen else { Issue.record("Esc did not leave the form"); return }
        let kept = try f.community.draft(for: f.base.reader, key: "suggestion:ideas")
        #expect(kept?.title == "A quieter fan")
        #expect(kept?.body == "It howls at idle in traffic.")
        app.press(.character("c"))
        guard let form = app.state.screen as? SuggestionForm else { Issue.record("no suggestion form"); return }
        #expect(form.title.text == "A quieter fan")
        #expect(form.body.text == "It howls at idle in traffic.")
        #expect(app.state.status == .info("Your unsent draft is back."))
        // Posted: the draft goes.
        app.press(.tab, .character(" "), .ctrl("s"))
        guard app.state.screen is BoardScreen else { Issue.record("not posted: \(String(describing: app.state.status))"); return }
        #expect(try f.community.draft(for: f.base.reader, key: "suggestion:ideas") == nil)
    }

    @Test func discardingANewSuggestionAsksThenForgetsIt() throws {
        let f = try SuggestionFixture()
        let app = f.app()
        app.press(.end, .enter, .character("c"), .tab, .tab)
        app.type("Never mind")
        app.press(.ctrl("x"))
        #expect(app.screen().contains("Discard this suggestion?"))
        app.press(.character("y"))
        guard app.state.screen is BoardScreen else { Issue.record("not back on the board"); return }
        #expect(try f.community.draft(for: f.base.reader, key: "suggestion:ideas") == nil)
        app.press(.character("c"))
        guard let form = app.state.screen as? SuggestionForm else { Issue.record("no suggestion form"); return }
        #expect(form.title.text.isEmpty)
    }

    @Test func aFlagNoteSurvivesEscAndIsForgottenOnceSent() throws {
        let f = try TUIFixture()
        let app = f.app()
        app.press(.down, .enter, .down, .enter, .character("f"))  // Furia 950 → "Seat foam", giulia's post
        app.press(.down, .down, .down)  // other
        app.type("Posted twice, see the other thread")
        app.press(.escape, .character("f"))
        guard let dialog = app.state.screen as? FlagDialog else { Issue.record("no flag dialog"); return }
        #expect(dialog.note.text == "Posted twice, see the other thread")
        #expect(dialog.reason == .other, "the reason chosen comes back with its note")
        app.press(.ctrl("s"))
        #expect(app.thread != nil)
        #expect(try f.community.draft(for: f.reader, key: "flag:\(dialog.post.id)") == nil)
    }

    @Test func aModerationReasonSurvivesEsc() throws {
        let f = try TUIFixture()
        let app = PaddockApp(community: f.community, member: f.manager, width: 80, height: 24, clock: { f.clock.now })
        app.press(.down, .enter, .down, .enter, .character("m"))
        app.type("Off topic, see the rules")
        app.press(.escape)
        #expect(app.thread != nil)
        app.press(.character("m"))
        guard let menu = app.state.screen as? ModerationMenu else { Issue.record("no moderation menu"); return }
        #expect(menu.reason.text == "Off topic, see the rules")
    }

    @Test func aConductReasonSurvivesEsc() throws {
        let f = try TUIFixture()
        let app = PaddockApp(community: f.community, member: f.manager, width: 80, height: 24, clock: { f.clock.now })
        app.press(.down, .enter, .down, .enter, .character("p"), .character("w"))
        app.type("Three rude replies today")
        app.press(.escape)
        guard let closed = app.state.screen as? ProfileScreen else { Issue.record("not on the record"); return }
        #expect(closed.pending == nil)
        app.press(.character("w"))
        guard let conduct = app.state.screen as? ProfileScreen else { Issue.record("not on the record"); return }
        #expect(conduct.reason.text == "Three rude replies today")
        app.press(.enter)
        #expect(try f.community.draft(for: f.manager, key: "conduct:giulia:warn") == nil)
    }
}

/// A key is offered only where the domain's rules let its action succeed.
@Suite struct HonestFooterTests {
    @Test func anAuthorIsNotOfferedToWithdrawTheirOwnSupport() throws {
        let f = try SuggestionFixture()
        let author = f.app(as: f.giulia)
        try author.open(thread: f.grips.id)
        #expect(!author.footer.contains("withdraw support"))
        #expect(!author.footer.contains("s support"))
        author.press(.character("s"))
        #expect(author.state.status == .error("an author always supports their own suggestion"))

        let member = f.app()
        try member.open(thread: f.grips.id)
        #expect(member.footer.hasPrefix(" s support  r reply"))
        member.press(.character("s"))
        #expect(member.footer.hasPrefix(" s withdraw support  r reply"))
    }

    @Test func statusAndMergeKeysAreOfferedToManagersOnly() throws {
        let f = try SuggestionFixture()
        let member = f.app()
        try member.open(thread: f.grips.id)
        #expect(!member.help.contains("change status"))
        #expect(!member.help.contains("merge"))
        let manager = f.app(as: f.base.manager)
        try manager.open(thread: f.grips.id)
        let help = manager.help
        #expect(help.contains("change status"))
        #expect(help.contains("merge into another"))
    }

    @Test func membersAreNotOfferedANewThreadInAnnouncements() throws {
        let f = try TUIFixture()
        let member = f.app()
        member.press(.enter)  // Announcements
        #expect(member.footer == " Enter open  n next unread  o order: latest  ? help  q Esc back")
        #expect(!member.help.contains("new thread"))
        let manager = PaddockApp(community: f.community, member: f.manager, width: 80, height: 24, clock: { f.clock.now })
        manager.press(.enter)
        #expect(manager.footer.hasPrefix(" Enter open  c new thread"))
    }
}

@Suite struct TitleLimitTests {
    @Test func aTitleShowsItsCountAndStopsAtTheLimitSayingWhy() throws {
        let f = try TUIFixture()
        let app = f.app()
        app.press(.down, .down, .enter, .character("c"))  // Garage
        app.type(String(repeating: "a", count: 87))
        #expect(app.screen().contains(" 87/120"))
        app.type(String(repeating: "b", count: 40))
        guard let compose = app.state.screen as? ComposeScreen else { Issue.record("not composing"); return }
        #expect(compose.title.text.count == 120)
        #expect(app.screen().contains("120/120"))
        #expect(app.state.status == .error("a title is at most 120 characters"))
    }

    @Test func aSuggestionTitleShowsItsCountToo() throws {
        let f = try SuggestionFixture()
        let app = f.app()
        app.press(.end, .enter, .character("c"), .tab, .tab)
        app.type("A quieter fan")
        #expect(app.screen().contains("13/120"))
    }
}

@Suite struct NewThreadSelectionTests {
    @Test func afterStartingAThreadTheBoardSelectsIt() throws {
        let f = try TUIFixture()
        let app = f.app()
        app.press(.down, .enter, .down)  // Furia 950, the second row selected
        app.press(.character("c"))
        app.type("Chain slack at 20k km")
        app.press(.tab)
        app.type("How much is too much?")
        app.press(.ctrl("s"))
        guard let board = app.state.screen as? BoardScreen else { Issue.record("not back on the board"); return }
        #expect(board.threads.selectedRow?.title == "Chain slack at 20k km")
    }

    @Test func afterPostingASuggestionTheBoardSelectsIt() throws {
        let f = try SuggestionFixture()
        let app = f.app()
        app.press(.end, .enter, .down, .character("c"), .tab, .character(" "), .tab)
        app.type("A quieter fan")
        app.press(.tab)
        app.type("It howls at idle.")
        app.press(.ctrl("s"))
        guard let board = app.state.screen as? BoardScreen else { Issue.record("not back on the board"); return }
        #expect(board.threads.selectedRow?.title == "A quieter fan")
    }
}

@Suite struct MergeInTheAppTests {
    @Test func aManagerMergesASuggestionIntoAnotherByNumberAfterConfirming() throws {
        let f = try SuggestionFixture()
        let app = f.app(as: f.base.manager)
        try app.open(thread: f.grips.id)
        app.press(.character("D"))
        guard app.state.screen is MergeDialog else { Issue.record("no merge dialog"); return }
        app.type("#\(f.seat.id)")
        app.press(.tab)
        app.type("Same request as the seat one: follow it there.")
        app.press(.ctrl("s"))
        #expect(app.screen().contains("Merge #\(f.grips.id) into #\(f.seat.id)?"))
        app.press(.character("y"))
        #expect(app.thread?.summary.id == f.grips.id)
        let merged = try f.community.suggestion(f.grips.id).suggestion
        #expect(merged.status == .duplicate)
        #expect(merged.duplicateOfId == f.seat.id)
        #expect(app.state.status?.text.hasPrefix("Merged #\(f.grips.id) into #\(f.seat.id):") == true)
        #expect(app.screen().contains("Same request as the seat one"))
        #expect(try f.community.draft(for: f.base.manager, key: "merge:\(f.grips.id)") == nil)
        // Closed now: no more merging or supporting offered.
        #expect(!app.help.contains("merge into another"))
    }

    @Test func aNoAnswerMergesNothingAndEscKeepsTheResponse() throws {
        let f = try SuggestionFixture()
        let app = f.app(as: f.base.manager)
        try app.open(thread: f.grips.id)
        app.press(.character("D"))
        app.type("\(f.seat.id)")
        app.press(.tab)
        app.type("Duplicate of the seat one.")
        app.press(.ctrl("s"), .character("n"))
        #expect(try f.community.suggestion(f.grips.id).suggestion.status == .new)
        app.press(.escape)
        #expect(app.thread != nil)
        app.press(.character("D"))
        guard let dialog = app.state.screen as? MergeDialog else { Issue.record("no merge dialog"); return }
        #expect(dialog.response.text == "Duplicate of the seat one.")
    }

    @Test func aMemberIsToldMergingIsForManagers() throws {
        let f = try SuggestionFixture()
        let app = f.app()
        try app.open(thread: f.grips.id)
        app.press(.character("D"))
        #expect(app.thread != nil)
        #expect(app.state.status == .error("only managers can merge duplicate suggestions; marco is a member"))
    }
}

/// Two sessions of one member writing the same reply: each keeps its own
/// text, and sending from one never forgets the draft the other was told it kept.
@Suite struct DraftsOfTwoSessionsTests {
    @Test func aReplySentInOneSessionLeavesTheOthersKeptDraft() throws {
        let f = try TUIFixture()
        let one = f.app(), two = f.app()
        let thread = try f.community.threads(board: "furia", reader: f.reader, order: .latest, after: nil, limit: 10)
            .threads.first { $0.title.hasPrefix("Seat foam") }!.id
        try one.open(thread: thread)
        try two.open(thread: thread)
        one.press(.character("r"))
        two.press(.character("r"))
        one.type("Typed in the first session")
        one.press(.escape)
        #expect(one.state.status?.text.hasPrefix("Draft kept") == true)
        two.type("Typed in the second session")
        two.press(.ctrl("s"))
        #expect(two.state.status == .info("Reply posted."))
        one.press(.character("r"))
        guard let compose = one.state.screen as? ComposeScreen else { Issue.record("no compose screen"); return }
        #expect(compose.body.text == "Typed in the first session")
        #expect(one.state.status == .info("Your unsent draft is back."))
        // Sent from the first too, past the pace between one member's posts: nothing is left to come back.
        f.clock.advance(by: 3600)
        one.press(.ctrl("s"))
        #expect(one.state.status == .info("Reply posted."), "\(String(describing: one.state.status))")
        #expect(try f.community.draft(for: f.reader, key: "reply:\(thread)") == nil)
    }

    /// A draft a closed session kept is taken over by the next one, and forgotten once that one sends it.
    @Test func aDraftOfAClosedSessionIsTakenOverAndForgottenOnceSent() throws {
        let f = try TUIFixture()
        let thread = try f.community.threads(board: "furia", reader: f.reader, order: .latest, after: nil, limit: 10)
            .threads.first { $0.title.hasPrefix("Seat foam") }!.id
        try f.community.saveDraft(by: f.reader, key: "reply:\(thread)", session: "gone", title: "", body: "Left from yesterday")
        let app = f.app()
        try app.open(thread: thread)
        app.press(.character("r"))
        guard let compose = app.state.screen as? ComposeScreen else { Issue.record("no compose screen"); return }
        #expect(compose.body.text == "Left from yesterday")
        app.press(.ctrl("s"))
        #expect(try f.community.draft(for: f.reader, key: "reply:\(thread)") == nil)
    }
}
