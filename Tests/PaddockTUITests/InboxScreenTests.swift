import Foundation
import Testing
@testable import PaddockCore
@testable import PaddockStore
@testable import PaddockTUI

/// The inbox, mentions drawn in the thread, watch and mute keys, folded posts.
@Suite struct InboxScreenTests {
    /// marco's thread in the Garage with a mention, a reply, and a warning for him.
    struct Scene {
        let f: TUIFixture
        let giulia: Actor
        let thread: Int64

        init() throws {
            f = try TUIFixture()
            let c = f.community
            giulia = try c.actor(handle: "giulia")
            thread = try c.startThread(by: f.reader, board: "garage", title: "Chain slack", body: "How much is right?").id
            f.clock.advance(by: 3600)
            try c.reply(by: f.admin, thread: thread, body: "Check the manual.")
            f.clock.advance(by: 3600)
            try c.reply(by: giulia, thread: thread, body: "25 mm, @marco: ask @ada or @nobody.")
            f.clock.advance(by: 600)
            try c.warn(by: f.manager, member: "marco", reason: "Keep it civil")
            f.clock.advance(by: 60)
        }
    }

    @Test func theInboxListsNewestFirstWithUnreadMarked() throws {
        let s = try Scene()
        let app = s.f.app(width: 80, height: 24)
        app.press(.character("i"))
        expectScreen(app.screen(), [
            " Paddock › Inbox                                                     ✉ 3  marco",
            "  INBOX · newest first · 3 unread",
            " ● 1m       moderation —              A moderator warned you: Keep it civil",
            " ● 11m      mention    giulia         “Chain slack”",
            " ● 1h       reply      ada            “Chain slack”",
        ] + blank(18) + [
            " Enter open  m mark read  M mark all read  ? help  q Esc back",
        ], width: 80)
    }

    @Test func enterOpensTheThreadAtThePostAndMarksItRead() throws {
        let s = try Scene()
        let app = s.f.app(width: 80, height: 24)
        app.press(.character("i"), .down, .enter)
        #expect(app.state.unreadNotifications == 2)
        expectScreen(app.screen(), [
            " Paddock › Inbox › Chain slack                                       ✉ 2  marco",
            " Chain slack",
            " Garage · 2 replies · watching · reply 2 of 2",
            " marco · 2h",
            " How much is right?",
            "",
            " ada  [Official] · 1h · #1",
            " Check the manual.",
            "",
            "▸giulia · 11m · #2",
            " 25 mm, @marco: ask @ada or @nobody.",
        ] + blank(12) + [
            " r reply  R reply quoting  n next unread  ? help  q Esc back",
        ], width: 80)
        // Members' handles are drawn in the mention style; an unknown handle is not.
        let canvas = app.resizeAndRender(width: 80, height: 24)
        let row = 10
        #expect((8..<14).allSatisfy { canvas[$0, row].role == .mention }, "@marco")
        #expect((20..<24).allSatisfy { canvas[$0, row].role == .mention }, "@ada")
        #expect(canvas[28, row].role == .normal, "@nobody is no member")
        // Back in the inbox the item is read; m marks the next, M the rest.
        app.press(.escape)
        #expect(app.screen().contains("  INBOX · newest first · 2 unread "))
        app.press(.character("M"))
        #expect(app.state.unreadNotifications == 0)
        #expect(app.screen().contains("  INBOX · newest first · 0 unread "))
        #expect(try s.f.community.unreadNotificationCount(for: s.f.reader) == 0)
    }

    @Test func aNotificationWithoutAThreadSaysItsTextAndMarksItRead() throws {
        let s = try Scene()
        let app = s.f.app(width: 80, height: 24)
        app.press(.character("i"), .enter)
        #expect(app.state.status == .info("A moderator warned you: Keep it civil"))
        #expect(app.state.unreadNotifications == 2)
        // m on a read item only moves on: three presses read the other two.
        app.press(.character("m"), .character("m"), .character("m"))
        #expect(app.state.unreadNotifications == 0)
    }

    @Test func mentionsAreStyledAtTheirColumnsAfterWideCharactersAndNeverPastTheEdge() {
        var canvas = Canvas(width: 20, height: 2)
        let line = "日本 @ada e @ghost"
        canvas.put(line, x: 1, y: 0)
        ThreadScreen.highlightMentions(line, members: ["ada"], into: &canvas, x: 1, y: 0, maxWidth: 19)
        #expect((0..<20).filter { canvas[$0, 0].role == .mention } == [6, 7, 8, 9])
        // Clipped at the edge: a handle that runs past the width styles only what is drawn.
        let long = "xxxxxxxxxxxxxxx @ada"
        canvas.put(long, x: 1, y: 1, maxWidth: 17)
        ThreadScreen.highlightMentions(long, members: ["ada"], into: &canvas, x: 1, y: 1, maxWidth: 17)
        #expect((0..<20).filter { canvas[$0, 1].role == .mention } == [17])
        // Hostile text around a mention never breaks the grid.
        for hostile in HostileCorpus.strings {
            var c = Canvas(width: 30, height: 1)
            let text = "@ada " + hostile + " @ada"
            c.put(text, x: 1, y: 0, maxWidth: 29)
            ThreadScreen.highlightMentions(text, members: ["ada"], into: &c, x: 1, y: 0, maxWidth: 29)
            #expect(TextWidth.of(c.rows[0]) == 30)
        }
    }

    @Test func aStatusRowPutsTheNewsBeforeTheTitle() {
        let item = InboxItem(id: 1, kind: .status, text: "“Lower seat” is now planned: elena answered officially",
                             payload: .status(to: .planned), createdAt: Date(), readAt: nil, actorHandle: "elena", threadId: 4,
                             threadTitle: "Lower seat", postId: 9, postPosition: 3)
        #expect(InboxScreen.target(item) == "now planned: elena answered officially · “Lower seat”")
        let reply = InboxItem(id: 2, kind: .reply, text: "giulia replied to you in “Lower seat”", payload: nil, createdAt: Date(), readAt: nil,
                              actorHandle: "giulia", threadId: 4, threadTitle: "Lower seat", postId: 10, postPosition: 4)
        #expect(InboxScreen.target(reply) == "“Lower seat”")
        // A notification sent before payloads were kept says its text as it was written.
        let old = InboxItem(id: 3, kind: .status, text: "“Lower seat” is now planned: elena answered officially", payload: nil,
                            createdAt: Date(), readAt: nil, actorHandle: "elena", threadId: 4, threadTitle: "Lower seat", postId: 9, postPosition: 3)
        #expect(InboxScreen.target(old) == "“Lower seat” is now planned: elena answered officially")
    }

    @Test func theInboxPagesAsTheSelectionNearsTheEnd() throws {
        let s = try Scene()
        try s.f.community.setSetting(by: s.f.admin, key: "new_member_days", value: "0")
        for i in 0..<40 {
            s.f.clock.advance(by: 1)
            try s.f.community.reply(by: s.giulia, thread: s.thread, body: "More \(i)")
        }
        let app = s.f.app(width: 80, height: 24)
        app.press(.character("i"))
        guard let first = app.state.screen as? InboxScreen else { Issue.record("not the inbox"); return }
        #expect(first.items.count == 21 && first.items.next != nil)
        app.press(.pageDown, .pageDown, .pageDown)
        guard let inbox = app.state.screen as? InboxScreen else { Issue.record("not the inbox"); return }
        #expect(inbox.items.count == 43 && inbox.items.next == nil)
        #expect(inbox.items.map(\.id) == inbox.items.map(\.id).sorted(by: >))
    }

    @Test func aMutedMembersPostsFoldAndOOpensOne() throws {
        let s = try Scene()
        try s.f.community.muteMember(by: s.f.reader, handle: "giulia")
        let app = s.f.app(width: 80, height: 24)
        app.press(.character("i"), .down, .enter)
        expectScreen(app.screen(), [
            " Paddock › Inbox › Chain slack                                       ✉ 2  marco",
            " Chain slack",
            " Garage · 2 replies · watching · reply 2 of 2",
            " marco · 2h",
            " How much is right?",
            "",
            " ada  [Official] · 1h · #1",
            " Check the manual.",
            "",
            "▸giulia (muted) · 11m · #2 · o opens",
        ] + blank(13) + [
            " r reply  R reply quoting  n next unread  ? help  q Esc back",
        ], width: 80)
        // o opens the folded posts on screen, and folds them again.
        app.press(.character("o"))
        #expect(app.screen().contains("▸giulia (muted) · 11m · #2 "))
        #expect(app.screen().contains(" 25 mm, @marco: ask @ada or @nobody."))
        app.press(.character("o"))
        #expect(!app.screen().contains("25 mm"))
    }

    @Test func xMutesTheAuthorOfTheMarkedPostAndXAgainUnmutes() throws {
        let s = try Scene()
        let app = s.f.app(width: 80, height: 24)
        app.press(.down, .enter, .down, .enter)  // giulia's "Seat foam" thread in the Furia board
        app.press(.character("X"))
        #expect(app.state.status == .info("giulia muted: their posts fold and their mentions don't reach you."))
        #expect(app.screen().contains("▸giulia (muted) · 3d · o opens"))
        #expect(try s.f.community.mutes(of: s.f.reader).members == ["giulia"])
        app.press(.character("X"))
        #expect(app.state.status == .info("giulia unmuted."))
        #expect(app.screen().contains(" Mine went flat. Così non va."))
        #expect(try s.f.community.mutes(of: s.f.reader).members.isEmpty)
    }

    @Test func watchAndMuteKeysFollowTheThread() throws {
        let s = try Scene()
        let app = s.f.app(width: 80, height: 24)
        app.press(.end, .enter)  // the Garage board
        app.press(.enter)             // marco's own thread: he watches it
        #expect(app.screen().contains(" Garage · 2 replies · watching"))
        app.press(.character("w"))
        #expect(app.state.status == .info("No longer watching: replies to you and mentions still notify you."))
        #expect(app.screen().contains(" Garage · 2 replies ·"))
        #expect(!app.screen().contains("replies · watching"))
        app.press(.character("x"))
        #expect(app.state.status == .info("Thread muted: it never shows as unread and never notifies you."))
        #expect(app.screen().contains(" Garage · 2 replies · muted"))
        #expect(app.state.unreadNotifications == 1, "muting reads the thread's notifications; the warning stays")
        try s.f.community.reply(by: s.giulia, thread: s.thread, body: "@marco one more")
        #expect(try s.f.community.unreadNotificationCount(for: s.f.reader) == 1)
        app.press(.escape, .escape)
        #expect(app.screen().contains("  Garage — Spanners and grease                                         1"),
                "a muted thread is never unread")
        app.press(.enter, .enter, .character("w"))
        #expect(app.state.status == .info("Watching: you hear of every reply here."))
        #expect(app.screen().contains(" Garage · 3 replies · watching"))
        app.press(.character("X"))
        #expect(app.state.status == .error("That is your own post: you cannot mute yourself."))
    }
}
