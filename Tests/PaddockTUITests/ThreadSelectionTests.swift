import Foundation
import Testing
@testable import PaddockCore
@testable import PaddockStore
@testable import PaddockTUI

/// A thread in Garage: ada's opening post and `replies` replies, each "Reply number N",
/// by elena and ada in turn (staff: no new-member limits). Read by marco unless said.
private struct SelectionScene {
    let f: TUIFixture
    let thread: Int64
    let moderator: Actor

    init(replies: Int, byReader: Bool = false) throws {
        f = try TUIFixture()
        let c = f.community
        moderator = try c.actor(handle: try c.addMember(by: f.admin, handle: "lucia", role: .moderator).handle)
        f.clock.advance(by: -3600)
        thread = try c.startThread(by: byReader ? f.reader : f.admin, board: "garage", title: "Short or long", body: "Opening words.").id
        for i in 1...replies {
            f.clock.advance(by: 60)
            try c.reply(by: i % 2 == 1 ? f.manager : f.admin, thread: thread, body: "Reply number \(i)")
        }
        f.clock.advance(by: 600)
    }

    func app(as member: Actor? = nil, width: Int = 80, height: Int = 24) throws -> PaddockApp {
        let clock = f.clock
        let actor = try f.community.actor(handle: (member ?? f.reader).handle)
        let app = PaddockApp(community: f.community, member: actor, width: width, height: height, clock: { clock.now })
        return app
    }

    func post(_ position: Int) throws -> PostView {
        try f.community.thread(thread, viewer: f.admin, from: position, limit: 1).posts[0]
    }
}

private extension PaddockApp {
    var threadScreen: ThreadScreen? {
        if let thread = state.screen as? ThreadScreen { return thread }
        return nil
    }

    var selectedPosition: Int? { threadScreen?.focusedPost?.position }

    /// The row the ▸ is drawn on (nil: not on screen).
    func markedRow(_ canvas: Canvas) -> Int? { canvas.rows.firstIndex { $0.hasPrefix("▸") } }

    /// The line the ▸ is drawn on.
    var markedLine: String? { screen().split(separator: "\n").first { $0.hasPrefix("▸") }.map { $0.trimmingCharacters(in: .whitespaces) } }
}

/// ▸ is a selection of its own: `]` and `[` move it post by post in every
/// thread, the view follows it, a click selects a post, and f, m, p, R and X
/// act on it.
@Suite struct ThreadSelectionTests {
    /// At 40 columns the position stays whole: the reply count gives way, and
    /// anything still too long ends in "…", never mid-number.
    @Test func aNarrowHeaderKeepsThePositionWhole() throws {
        let s = try SelectionScene(replies: 1000)
        let app = try s.app()
        app.press(.down, .down, .enter, .enter)
        app.press(.character("G"))
        let header = app.resizeAndRender(width: 40, height: 12).rows[2]
        #expect(header.trimmingCharacters(in: .whitespaces) == "Garage · reply 1000 of 1000")
    }

    @Test func inAShortThreadBracketsMoveTheSelectionPostByPost() throws {
        let s = try SelectionScene(replies: 3)
        let app = try s.app()
        app.press(.down, .down, .enter, .enter)  // Garage › Short or long
        #expect(app.selectedPosition == 0)
        app.press(.character("]"), .character("]"), .character("]"))
        expectScreen(app.screen(), [
            " Paddock › Garage › Short or long                                         marco",
            " Short or long",
            " Garage · 3 replies · reply 3 of 3",
            " ada  [Official] · 13m",
            " Opening words.",
            "",
            " elena  [Official] · 12m · #1",
            " Reply number 1",
            "",
            " ada  [Official] · 11m · #2",
            " Reply number 2",
            "",
            "▸elena  [Official] · 10m · #3",
            " Reply number 3",
            "",
        ] + blank(8) + [
            " r reply  R reply quoting  n next unread  ? help  q Esc back",
        ], width: 80)
        app.press(.character("]"))
        #expect(app.selectedPosition == 3)
        #expect(app.state.status == .info("That is the last post."))
        app.press(.character("["), .character("["))
        #expect(app.selectedPosition == 1)
        #expect(app.screen().contains("▸elena  [Official] · 12m · #1"))
        #expect(app.screen().contains(" Garage · 3 replies · reply 1 of 3"))
    }

    @Test func inALongThreadTheViewFollowsTheSelection() throws {
        let s = try SelectionScene(replies: 40)
        let app = try s.app(width: 80, height: 24)
        app.press(.down, .down, .enter, .enter)
        for expected in 1...40 {
            app.press(.character("]"))
            let canvas = app.resizeAndRender(width: 80, height: 24)
            let row = try #require(app.markedRow(canvas), "▸ on screen at reply \(expected)")
            #expect(canvas.rows[row].contains("· #\(expected)"), "▸ on #\(expected)")
            #expect(canvas.rows[row + 1].contains("Reply number \(expected)"), "its text shown too")
            #expect(canvas.rows[2].contains("reply \(expected) of 40"))
        }
        for expected in stride(from: 39, through: 0, by: -1) {
            app.press(.character("["))
            let canvas = app.resizeAndRender(width: 80, height: 24)
            let row = try #require(app.markedRow(canvas), "▸ on screen going back to \(expected)")
            #expect(canvas.rows[row].contains("· #\(expected)") || (expected == 0 && canvas.rows[row].hasPrefix("▸ada")))
        }
        // Scrolling by lines keeps the selection on a post that is on screen.
        for _ in 0..<50 {
            app.press(.character("j"))
            #expect(app.markedRow(app.resizeAndRender(width: 80, height: 24)) != nil)
        }
        for _ in 0..<10 {
            app.press(.pageDown)
            #expect(app.markedRow(app.resizeAndRender(width: 80, height: 24)) != nil)
        }
        for _ in 0..<10 {
            app.press(.pageUp)
            #expect(app.markedRow(app.resizeAndRender(width: 80, height: 24)) != nil)
        }
    }

    @Test func aClickSelectsThePostUnderIt() throws {
        let s = try SelectionScene(replies: 3)
        let app = try s.app()
        app.press(.down, .down, .enter, .enter)
        let canvas = app.resizeAndRender(width: 80, height: 24)
        let row = try #require(canvas.rows.firstIndex { $0.contains("Reply number 2") })
        _ = app.handle(.mouse(.click(x: 5, y: row)))
        #expect(app.selectedPosition == 2)
        #expect(app.screen().contains("▸ada  [Official] · 11m · #2"))
        // A click below the last post changes nothing.
        _ = app.handle(.mouse(.click(x: 5, y: 21)))
        #expect(app.selectedPosition == 2)
    }

    @Test func fMPRAndXActOnTheSelectedPost() throws {
        let s = try SelectionScene(replies: 3)
        let app = try s.app(as: s.moderator)
        app.press(.down, .down, .enter, .enter, .character("]"), .character("]"), .character("]"))
        let third = try s.post(3)
        app.press(.character("f"))
        guard let dialog = app.state.screen as? FlagDialog else { Issue.record("no flag dialog"); return }
        #expect(dialog.post.id == third.id)
        app.press(.escape)
        app.press(.character("m"))
        guard let menu = app.state.screen as? ModerationMenu else { Issue.record("no moderation menu"); return }
        let posts = menu.options.compactMap { option -> Int64? in
            if case .post(let id, _, _, _) = option.request { return id }
            return nil
        }
        #expect(!posts.isEmpty && posts.allSatisfy { $0 == third.id }, "the post actions are for #3")
        app.press(.escape)
        app.press(.character("p"))
        guard let conduct = app.state.screen as? ProfileScreen else { Issue.record("no record of conduct"); return }
        #expect(conduct.handle == "elena")
        app.press(.escape, .character("["))  // #2, ada's
        app.press(.character("R"))
        guard let compose = app.state.screen as? ComposeScreen else { Issue.record("not composing"); return }
        #expect(compose.target == .reply(threadID: s.thread, threadTitle: "Short or long", replyTo: try s.post(2).id))
        #expect(compose.body.text.hasPrefix("> ada wrote:\n> Reply number 2\n"))
        app.press(.escape)
        app.press(.character("X"))
        #expect(app.state.status == .info("ada muted: their posts fold and their mentions don't reach you."))
    }
}

/// Wherever a member lands in a thread, ▸ is on the post they went to.
@Suite struct ThreadLandingTests {
    @Test func gInALongThreadSelectsTheLastPost() throws {
        let s = try SelectionScene(replies: 26)
        let app = try s.app(width: 100, height: 30)
        app.press(.down, .down, .enter, .enter, .character("G"))
        #expect(app.selectedPosition == 26)
        let canvas = app.resizeAndRender(width: 100, height: 30)
        let row = try #require(app.markedRow(canvas))
        #expect(canvas.rows[row].contains("· #26"))
        #expect(canvas.rows[2].contains("reply 26 of 26"))
        app.press(.character("R"))
        guard let compose = app.state.screen as? ComposeScreen else { Issue.record("not composing"); return }
        #expect(compose.body.text.contains("> Reply number 26"))
    }

    @Test func gLoadingTheLastPageSelectsTheLastPost() throws {
        let s = try SelectionScene(replies: 120)
        let app = try s.app(width: 80, height: 24)
        app.press(.down, .down, .enter, .enter, .character("G"))
        #expect(app.selectedPosition == 120)
        #expect(app.screen().contains("▸ada  [Official] · 10m · #120"))
        app.press(.character("g"))
        #expect(app.selectedPosition == 0)
        #expect(app.screen().contains("▸ada  [Official]"))
    }

    @Test func theBoardOpensAThreadWithItsFirstUnreadPostSelected() throws {
        let s = try SelectionScene(replies: 6)
        try s.f.community.markRead(by: s.f.reader, thread: s.thread, upTo: 3)
        let app = try s.app()
        app.press(.down, .down, .enter, .enter)
        #expect(app.selectedPosition == 4)
        #expect(app.markedLine?.hasSuffix("· #4") == true)
    }

    @Test func searchOpensAtTheResultWithItSelected() throws {
        let s = try SelectionScene(replies: 6)
        let app = try s.app()
        app.press(.character("/"))
        app.type("\"number 5\"\n")
        app.press(.enter)
        #expect(app.selectedPosition == 5)
        #expect(app.markedLine?.hasPrefix("▸elena  [Official]") == true)
        #expect(app.markedLine?.hasSuffix("· #5") == true)
    }

    @Test func theInboxOpensAtTheReplyAndRQuotesIt() throws {
        let s = try SelectionScene(replies: 6, byReader: true)
        let app = try s.app()
        app.press(.character("i"))
        guard let inbox = app.state.screen as? InboxScreen else { Issue.record("not the inbox"); return }
        let index = try #require(inbox.items.firstIndex { $0.postPosition == 5 })
        for _ in 0..<index { app.press(.down) }
        app.press(.enter)
        #expect(app.selectedPosition == 5)
        app.press(.character("R"))
        guard let compose = app.state.screen as? ComposeScreen else { Issue.record("not composing"); return }
        #expect(compose.body.text.hasPrefix("> elena wrote:\n> Reply number 5\n"))
    }

    @Test func theModerationQueueOpensAtTheFlaggedPost() throws {
        let s = try SelectionScene(replies: 6)
        let flagged = try s.post(3)
        try s.f.community.flag(by: s.f.reader, post: flagged.id, reason: .spam, note: nil)
        let app = try s.app(as: s.moderator)
        app.press(.character("M"))
        guard let queue = app.state.screen as? ModerationQueueScreen else { Issue.record("not the queue"); return }
        #expect(queue.items.first?.postId == flagged.id)
        app.press(.enter)
        #expect(app.selectedPosition == 3)
        #expect(app.markedLine?.hasSuffix("· #3") == true)
        app.press(.character("m"))
        guard let menu = app.state.screen as? ModerationMenu else { Issue.record("no moderation menu"); return }
        let first = menu.options.compactMap { option -> Int64? in
            if case .post(let id, _, _, _) = option.request { return id }
            return nil
        }.first
        #expect(first == flagged.id)
    }
}
