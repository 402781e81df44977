import Foundation
import Testing
@testable import PaddockCore
@testable import PaddockStore
@testable import PaddockTUI

/// The TUI fixture plus two more members and a moderator; giulia's seat thread is the one flagged.
struct ModerationFixture {
    let base: TUIFixture
    let giulia: Actor
    let nico: Actor
    let sara: Actor
    let lucia: Actor
    let seatThread: Int64
    let seatPost: Int64

    init() throws {
        base = try TUIFixture()
        let c = base.community
        giulia = try c.actor(handle: "giulia")
        nico = try c.actor(handle: try c.addMember(by: base.admin, handle: "nico").handle)
        sara = try c.actor(handle: try c.addMember(by: base.admin, handle: "sara").handle)
        lucia = try c.actor(handle: try c.addMember(by: base.admin, handle: "lucia", role: .moderator).handle)
        let furia = try c.threads(board: "furia", reader: base.admin, order: .latest, after: nil, limit: 10)
        let seat = furia.threads.first { $0.title.hasPrefix("Seat foam") }!
        seatThread = seat.id
        seatPost = try c.thread(seat.id, viewer: base.admin, from: 0, limit: 1).posts[0].id
    }

    var community: Community { base.community }

    func app(as member: Actor, width: Int = 80, height: Int = 24) throws -> PaddockApp {
        let clock = base.clock
        let fresh = try community.actor(handle: member.handle)
        return PaddockApp(community: community, member: fresh, width: width, height: height, clock: { clock.now })
    }

    /// A member opens the seat thread and flags its opening post for `reason`'s row.
    func flagSeat(as member: Actor, downs: Int = 0, note: String? = nil) throws -> PaddockApp {
        let app = try app(as: member)
        try app.open(thread: seatThread)
        app.press(.character("f"))
        for _ in 0..<downs { app.press(.down) }
        if let note { app.type(note) }
        app.press(.enter)
        return app
    }

    func flagCount() throws -> Int {
        try community.flagQueue(by: base.admin).first { $0.postId == seatPost }?.flagCount ?? 0
    }
}

@Suite struct ModerationScreenTests {
    /// A paste longer than a reason field holds is cut at its limit, and the moderator is told.
    @Test func aReasonTooLongForItsFieldSaysSo() throws {
        let f = try ModerationFixture()
        let app = try f.app(as: f.lucia)
        try app.open(thread: f.seatThread)
        app.press(.character("p"), .character("s"))
        app.press(.paste(String(repeating: "r", count: 600)))
        guard let conduct = app.state.screen as? ProfileScreen else { Issue.record("not on the record"); return }
        #expect(conduct.reason.text.count == 500)
        #expect(app.state.status == .error("at most 500 characters fit here: the rest was not taken"))
    }

    /// Another moderator's claim shows on the row, before the flags and notes, at 80 columns.
    @Test func aClaimByAnotherModeratorShowsInTheQueue() throws {
        let f = try ModerationFixture()
        _ = try f.community.flag(by: f.nico, post: f.seatPost, reason: .other,
                                 note: String(repeating: "a long note about this post ", count: 4))
        try f.community.claim(by: f.lucia, post: f.seatPost)
        let app = try f.app(as: f.base.admin)
        app.press(.character("M"))
        let row = app.screen().split(separator: "\n").first { $0.contains("by nico") } ?? ""
        #expect(row.contains("claimed by lucia"), "\(app.screen())")
    }

    @Test func threeFlagsHideAPostAndAModeratorAgreesThroughTheScreens() throws {
        let f = try ModerationFixture()
        let first = try f.flagSeat(as: f.base.reader)
        #expect(first.state.status?.isError == false)
        #expect(first.state.status?.text.contains("Flagged") == true)
        if first.state.screen is ThreadScreen {} else { Issue.record("the dialog should close") }
        _ = try f.flagSeat(as: f.nico, downs: 1)
        let third = try f.flagSeat(as: f.sara, downs: 3, note: "selling seats")
        #expect(third.state.status?.text.contains("hidden") == true)
        #expect(third.screen().contains("[hidden automatically by the community's flags, pending a moderator's review]"))

        // The moderator sees the count in the header, then the queue.
        let mod = try f.app(as: f.lucia)
        #expect(mod.state.flagQueueCount == 1)
        #expect(mod.screen().contains("⚑ 1"))
        mod.press(.character("M"))
        guard let queue = mod.state.screen as? ModerationQueueScreen else { Issue.record("no queue"); return }
        #expect(queue.items.map(\.postId) == [f.seatPost])
        let shown = mod.screen()
        #expect(shown.contains("giulia in “Seat foam after 10k km”"))
        #expect(shown.contains("by marco, nico, sara"))
        mod.press(.character("c"))
        #expect(mod.state.status?.text.contains("Claimed") == true)
        mod.press(.character("a"))
        mod.type("Advertising is not allowed here")
        mod.press(.enter)
        #expect(mod.state.status?.isError == false, "\(String(describing: mod.state.status))")
        #expect(mod.state.flagQueueCount == 0)
        guard let after = mod.state.screen as? ModerationQueueScreen else { Issue.record("queue closed"); return }
        #expect(after.items.isEmpty)
        #expect(!mod.screen().contains("⚑"))

        let notes = try f.community.notifications(for: f.giulia)
        #expect(notes.contains { $0.text.contains("Advertising is not allowed here") })
        let log = try f.community.moderationLog(viewer: f.base.admin).filter { $0.targetId == f.seatPost }
        let actions = log.map(\.action)
        #expect(actions.filter { $0 == "flag" }.count == 3)
        #expect(actions.contains("auto-hide"))
        #expect(actions.contains("claim"))
        #expect(log.contains { $0.action == "agree" && $0.reason == "Advertising is not allowed here" && $0.actorHandle == "lucia" })
    }

    @Test func membersAreToldTheQueueAndActionsAreForModerators() throws {
        let f = try ModerationFixture()
        let app = try f.app(as: f.base.reader)
        app.press(.character("M"))
        if app.state.screen is HomeScreen {} else { Issue.record("a member opened the queue") }
        #expect(app.state.status?.isError == true)
        #expect(app.state.status?.text.contains("moderators") == true)
        try app.open(thread: f.seatThread)
        app.press(.character("m"))
        if app.state.screen is ThreadScreen {} else { Issue.record("a member opened the menu") }
        #expect(app.state.status?.text.contains("moderators") == true)
        #expect(app.state.flagQueueCount == 0)
    }

    @Test func membersNeverSeeTheQueueCount() throws {
        let f = try ModerationFixture()
        _ = try f.flagSeat(as: f.nico)
        let member = try f.app(as: f.base.reader)
        #expect(!member.screen().contains("⚑"))
        #expect(try f.app(as: f.lucia).screen().contains("⚑ 1"))
    }

    @Test func refusedFlagsChangeNothing() throws {
        let f = try ModerationFixture()
        // Her own post: said at once, no dialog.
        let own = try f.app(as: f.giulia)
        try own.open(thread: f.seatThread)
        // It opens at the reply she has not read; [ selects her opening post.
        own.press(.character("["), .character("f"))
        if own.state.screen is ThreadScreen {} else { Issue.record("a dialog opened for one's own post") }
        #expect(own.state.status?.isError == true)
        // Other without a note: refused, the dialog stays.
        let other = try f.flagSeat(as: f.nico, downs: 3)
        if other.state.screen is FlagDialog {} else { Issue.record("the dialog should stay") }
        #expect(other.state.status?.isError == true)
        other.press(.escape)
        // Twice: the second is refused.
        _ = try f.flagSeat(as: f.base.reader)
        let twice = try f.flagSeat(as: f.base.reader)
        #expect(twice.state.status?.text.contains("already flagged") == true)
        // Silenced: refused.
        try f.community.silence(by: f.lucia, member: "sara", until: f.base.clock.now + 86400, reason: "cooling off")
        let silenced = try f.flagSeat(as: f.sara)
        #expect(silenced.state.status?.isError == true)
        #expect(try f.flagCount() == 1)
        #expect(try f.community.thread(f.seatThread, viewer: f.base.admin, from: 0, limit: 1).posts[0].state == .visible)
    }

    @Test func aModeratorLocksAThreadAndHidesAPostFromTheMenu() throws {
        let f = try ModerationFixture()
        let mod = try f.app(as: f.lucia)
        try mod.open(thread: f.seatThread)
        mod.press(.character("m"))
        guard let menu = mod.state.screen as? ModerationMenu else { Issue.record("no menu"); return }
        #expect(menu.options.map(\.label) == ["hide the opening post", "remove the opening post", "lock the thread",
                                              "pin the thread", "archive the thread", "move the thread to…",
                                              "slow mode…", "hide the thread"])
        mod.press(.down, .down)
        mod.type("Settled")
        mod.press(.enter, .character("y"))
        #expect(mod.state.status?.isError == false, "\(String(describing: mod.state.status))")
        #expect(mod.thread?.summary.locked == true)
        mod.press(.character("m"))
        mod.type("Spam")
        mod.press(.enter, .character("y"))
        #expect(mod.thread?.posts.first?.state == .hidden)
        let actions = try f.community.moderationLog(viewer: f.base.admin).map(\.action)
        #expect(actions.contains("lock"))
        #expect(actions.contains("hide"))
    }

    @Test func aModeratorMovesAThreadAndSlowsItDownThroughTheMenusChoices() throws {
        let f = try ModerationFixture()
        let mod = try f.app(as: f.lucia)
        try mod.open(thread: f.seatThread)
        mod.press(.character("m"))
        mod.press(.down, .down, .down, .down, .down, .enter)
        guard let boards = mod.state.screen as? ModerationMenu else { Issue.record("no menu"); return }
        // Only boards of the same kind, not the one it is in.
        #expect(!boards.options.isEmpty)
        #expect(!boards.options.map(\.label).contains { $0.contains("(furia)") || $0.contains("(announcements)") })
        #expect(mod.screen().contains("move the thread to:"))
        // Esc goes back to the actions, not out.
        mod.press(.escape)
        guard let back = mod.state.screen as? ModerationMenu else { Issue.record("Esc left the menu"); return }
        #expect(back.options.count == 8 && back.choice == 5)
        mod.press(.enter)
        let target = boards.options[0].label
        mod.type("Belongs with the other seat threads")
        mod.press(.enter)
        #expect(mod.state.status?.isError == false, "\(String(describing: mod.state.status))")
        let slug = String(target.split(separator: "(").last!.dropLast())
        #expect(try f.community.threads(board: slug, reader: f.lucia, order: .latest, after: nil, limit: 50).threads
            .contains { $0.id == f.seatThread })

        mod.press(.character("m"))
        mod.press(.down, .down, .down, .down, .down, .down, .enter)
        #expect(mod.screen().contains("one post every 2 minutes"))
        mod.press(.down, .enter)
        #expect(mod.thread?.summary.slowModeSeconds == 120)
        let log = try f.community.moderationLog(viewer: f.base.admin)
        #expect(log.contains { $0.action == "move" && $0.reason.contains("furia →") })
        #expect(log.contains { $0.action == "slowmode" && $0.reason.contains("2 minutes") })
    }

    @Test func theQueueAt80x24() throws {
        let f = try ModerationFixture()
        _ = try f.flagSeat(as: f.base.reader)
        f.base.clock.advance(by: 49 * 3600)
        _ = try f.flagSeat(as: f.nico, downs: 1)
        let mod = try f.app(as: f.lucia)
        mod.press(.character("M"))
        expectScreen(mod.screen(), [
            " Paddock › Moderation queue                                          ⚑ 1  lucia",
            "  FLAGGED POST                                              WEIGHT       WAITING",
            "  giulia in “Seat foam after 10k km”: Mine went flat. Cos…       2    overdue 2d",
            "    spam ×1, off topic ×1 · by marco, nico · visible",
        ] + blank(19) + [
            " Enter open  c claim  a agree  d disagree  x ignore  ? help  q Esc back",
        ], width: 80)
    }

    @Test func aLongQueueSaysItShowsTheHeaviestPart() throws {
        let f = try ModerationFixture()
        let c = f.community
        try c.setSetting(by: f.base.admin, key: "new_member_days", value: "0")
        let thread = try c.startThread(by: f.giulia, board: "garage", title: "Tyre pressures", body: "What do you run?")
        for n in 1...ModerationQueueScreen.limit {
            let reply = try c.reply(by: f.giulia, thread: thread.id, body: "Also \(n)")
            _ = try c.flag(by: f.nico, post: reply.id, reason: .spam)
        }
        _ = try c.flag(by: f.nico, post: try c.thread(thread.id, viewer: f.nico, from: 0, limit: 1).posts[0].id, reason: .spam)
        let mod = try f.app(as: f.lucia)
        mod.press(.character("M"))
        #expect(mod.screen().contains("FLAGGED POST (the 100 heaviest of 101)"))
    }

    @Test func aModeratorSilencesAnAuthorFromTheirRecord() throws {
        let f = try ModerationFixture()
        let member = try f.app(as: f.base.reader)
        try member.open(thread: f.seatThread)
        member.press(.character("p"))
        // A member opens the author's profile, without the record of conduct or its keys.
        guard let profile = member.state.screen as? ProfileScreen else { Issue.record("no profile"); return }
        #expect(profile.handle == "giulia")
        #expect(member.screen().contains("Reputation"))
        #expect(!member.screen().contains("Standing"))
        member.press(.character("s"))
        #expect((member.state.screen as? ProfileScreen)?.pending == nil)

        let mod = try f.app(as: f.lucia)
        try mod.open(thread: f.seatThread)
        mod.press(.character("p"))
        guard let conduct = mod.state.screen as? ProfileScreen else { Issue.record("no record"); return }
        #expect(conduct.profile?.handle == "giulia")
        #expect(mod.screen().contains("Standing: active"))
        mod.press(.character("s"))
        #expect(mod.screen().contains("Silence giulia for 1 day"))
        mod.press(.tab)
        #expect(mod.screen().contains("Silence giulia for 3 days"))
        mod.type("Cool off for a while")
        mod.press(.enter, .character("y"))
        #expect(mod.state.status?.isError == false, "\(String(describing: mod.state.status))")
        #expect(mod.screen().contains("Standing: silenced"))
        #expect(mod.screen().contains("silence by lucia"))
        #expect(try f.community.notifications(for: f.giulia).contains { $0.text.contains("Cool off for a while") })
        #expect(try f.community.conduct(of: "giulia", by: f.base.admin).standingUntil == f.base.clock.now + 3 * 86_400)
        // A moderator cannot act on a manager: refused, nothing changed.
        mod.press(.escape, .escape)
        let launch = try f.community.threads(board: "announcements", reader: f.lucia, order: .latest, after: nil, limit: 5).threads[0]
        try mod.open(thread: launch.id)
        mod.press(.character("p"))
        #expect(!mod.screen().contains("w warn"), "\(mod.screen())")
        mod.press(.character("w"))
        #expect(mod.state.status == .error("elena is a manager; only a role above theirs can act on them"))
        #expect((mod.state.screen as? ProfileScreen)?.pending == nil)
        #expect(try f.community.conduct(of: "elena", by: f.base.admin).penalties.isEmpty)
    }

    /// A moderator in the queue as an app session: a flagged seat post, lucia's queue open.
    func queue(_ f: ModerationFixture) throws -> PaddockApp {
        _ = try f.flagSeat(as: f.base.reader)
        let mod = try f.app(as: f.lucia)
        mod.press(.character("M"))
        return mod
    }

    func openItems(_ f: ModerationFixture) throws -> [Int64] { try f.community.flagQueue(by: f.lucia).map(\.postId) }

    /// `i` opens the inbox in the queue as everywhere; `x` ignores, and `u`
    /// takes it back in the store, logged.
    @Test func iOpensTheInboxXIgnoresAndUUndoes() throws {
        let f = try ModerationFixture()
        let mod = try queue(f)
        mod.press(.character("i"))
        if mod.state.screen is InboxScreen {} else { Issue.record("i should open the inbox") }
        #expect(try openItems(f) == [f.seatPost])
        mod.press(.escape)
        #expect(!mod.screen().contains("u undo"), "nothing to undo yet")
        mod.press(.character("u"))
        #expect(mod.state.status?.text == "Nothing to undo.")
        mod.press(.character("x"))
        #expect(try openItems(f).isEmpty)
        #expect(mod.state.status?.text.contains("u undoes") == true)
        #expect(mod.screen().contains("u undo"))
        // The undo lasts the session: leaving the queue and coming back keeps it.
        mod.press(.escape, .character("M"), .character("u"))
        #expect(mod.state.status?.isError == false, "\(String(describing: mod.state.status))")
        #expect(try openItems(f) == [f.seatPost])
        guard let queue = mod.state.screen as? ModerationQueueScreen else { Issue.record("no queue"); return }
        #expect(queue.items.map(\.postId) == [f.seatPost])
        #expect(!mod.screen().contains("u undo"))
        let log = try f.community.moderationLog(viewer: f.lucia).map(\.action)
        #expect(Array(log.prefix(2)) == ["undo-ignore", "ignore"])
    }

    /// An agreement undone puts the post back as the flags left it; `d` asks an
    /// optional reason like `a`, and its footer offers no Tab.
    @Test func disagreeTakesAReasonAndAnAgreementCanBeUndone() throws {
        let f = try ModerationFixture()
        let mod = try queue(f)
        mod.press(.character("a"))
        mod.type("Selling")
        mod.press(.tab, .enter)
        #expect(try f.community.thread(f.seatThread, viewer: f.lucia, from: 0, limit: 1).posts[0].state == .removed)
        mod.press(.character("u"))
        #expect(try f.community.thread(f.seatThread, viewer: f.lucia, from: 0, limit: 1).posts[0].state == .visible)
        #expect(try openItems(f) == [f.seatPost])

        mod.press(.character("d"))
        #expect(mod.screen().contains("Disagree"))
        #expect(mod.screen().contains(" Enter disagree  Esc cancel"))
        #expect(!mod.screen().contains("Tab"))
        mod.type("A fair question about seats")
        mod.press(.enter)
        #expect(mod.state.status?.isError == false, "\(String(describing: mod.state.status))")
        #expect(try openItems(f).isEmpty)
        #expect(try f.community.moderationLog(viewer: f.lucia).first.map { "\($0.action): \($0.reason)" }
                == "disagree: A fair question about seats")
    }

    /// Hide, remove, lock, archive ask first: any key but y changes nothing and
    /// keeps the dialog and its reason; a missing reason is said before asking.
    @Test func destructiveMenuActionsAskFirst() throws {
        let f = try ModerationFixture()
        let mod = try f.app(as: f.lucia)
        try mod.open(thread: f.seatThread)
        mod.press(.character("m"), .enter)
        #expect(mod.state.status?.text == "give a reason: the author and the moderation log receive it")
        #expect(mod.state.confirmation == nil)
        // j and k type into the reason, as the footer says; arrows choose.
        mod.type("junk")
        guard let menu = mod.state.screen as? ModerationMenu else { Issue.record("no menu"); return }
        #expect(menu.choice == 0 && menu.reason.text == "junk")
        #expect(mod.screen().contains("↑↓ action  letters reason"))
        mod.press(.enter)
        #expect(mod.screen().contains("Hide the opening post? y does it"))
        mod.press(.character("n"))
        #expect(try f.community.thread(f.seatThread, viewer: f.lucia, from: 0, limit: 1).posts[0].state == .visible)
        guard let kept = mod.state.screen as? ModerationMenu else { Issue.record("the menu closed"); return }
        #expect(kept.reason.text == "junk")
        mod.press(.enter, .character("y"))
        #expect(try f.community.thread(f.seatThread, viewer: f.lucia, from: 0, limit: 1).posts[0].state == .hidden)
        // Members read whose decision it was.
        let member = try f.app(as: f.nico)
        try member.open(thread: f.seatThread)
        #expect(member.screen().contains("[hidden by a moderator: junk]"))
        // Pinning is not destructive: done at once.
        mod.press(.character("m"), .down, .down, .down, .enter)
        #expect(mod.state.confirmation == nil)
        #expect(mod.thread?.summary.pinned == true)
    }

    /// A poll goes in any board but a suggestion board: the move menu lists
    /// those, and the move is done.
    @Test func aPollMovesToAnyBoardButASuggestionBoard() throws {
        let f = try EveryScreenFixture()
        let c = f.base.community
        let poll = try c.startPoll(by: f.base.manager, board: "furia", title: "Which colour?", intro: "Pick one.",
                                   question: .choice(options: ["Red", "Black"], multiple: false))
        for (width, height) in [(80, 24), (40, 12)] {
            let app = try f.app(as: f.lucia, width: width, height: height)
            try app.open(thread: poll.id)
            app.press(.character("m"))
            for _ in 0..<12 where !app.screen().contains("▸ move the thread") { app.press(.down) }
            app.press(.enter)
            let menu = app.screen()
            #expect(menu.contains("Garage (garage)") && menu.contains("Announcements"), "\(width)x\(height):\n\(menu)")
            #expect(!menu.contains("Ideas Lab"), "\(width)x\(height):\n\(menu)")
        }
        let app = try f.app(as: f.lucia, width: 80, height: 24)
        try app.open(thread: poll.id)
        app.press(.character("m"))
        for _ in 0..<12 where !app.screen().contains("▸ move the thread") { app.press(.down) }
        app.press(.enter)
        for _ in 0..<4 where !app.screen().contains("▸ Garage") { app.press(.down) }
        app.press(.enter)
        #expect(app.state.status?.isError == false, "\(String(describing: app.state.status))")
        #expect(try c.threads(board: "garage", reader: f.lucia, order: .latest, after: nil, limit: 10).threads.contains { $0.id == poll.id })
    }

    /// Warn and lift have no length: no Tab in their footer; silence asks first.
    @Test func theRecordsFooterOffersLengthOnlyForTimedPenalties() throws {
        let f = try ModerationFixture()
        let mod = try f.app(as: f.lucia)
        try mod.open(thread: f.seatThread)
        mod.press(.character("p"), .character("w"))
        #expect(!mod.screen().contains("Tab length"))
        // Nothing to lift on an active member: l is not offered, and says why instead of opening a form.
        mod.press(.escape, .character("l"))
        #expect(mod.state.status == .error("giulia is neither silenced nor suspended"))
        #expect((mod.state.screen as? ProfileScreen)?.pending == nil)
        mod.press(.character("u"))
        #expect(mod.screen().contains("Tab length"))
        mod.type("Threats")
        mod.press(.enter)
        #expect(mod.screen().contains("Suspend giulia for 1 day? y does it"))
        mod.press(.escape)
        #expect(try f.community.conduct(of: "giulia", by: f.lucia).standing == "active")
        mod.press(.enter, .character("y"))
        #expect(try f.community.conduct(of: "giulia", by: f.lucia).standing == "suspended")
    }

    /// The inbox shows a thread's moderation news first, then its title.
    @Test func theAuthorReadsThreadModerationInTheInbox() throws {
        let f = try ModerationFixture()
        try f.community.moderateThread(by: f.lucia, thread: f.seatThread, action: .lock, reason: "Heated")
        let author = try f.app(as: f.giulia)
        author.press(.character("i"))
        #expect(author.screen().contains("moderation —              locked by a moderator: Heated · “Seat fo…"))
        author.press(.enter)
        #expect(author.thread?.summary.id == f.seatThread)
    }

    /// The member's public log: no flags, and each actor named by kind.
    @Test func theAppsPublicLogNamesTheKindOfActor() throws {
        let f = try ModerationFixture()
        try f.community.setSetting(by: f.base.admin, key: "flag_threshold", value: "1")
        _ = try f.flagSeat(as: f.nico)
        try f.community.setRole(by: f.base.admin, handle: "sara", role: .moderator)
        try f.community.moderateThread(by: f.lucia, thread: f.seatThread, action: .lock, reason: "Heated")
        let member = try f.app(as: f.base.reader)
        member.press(.character("L"))
        let shown = member.screen()
        #expect(shown.contains("now · a moderator · lock · “Seat foam after 10k km” · Heated"))
        #expect(shown.contains("now · an admin · role · sara · member → moderator"))
        #expect(shown.contains("now · the community's flags · auto-hide · post"))
        #expect(!shown.contains("· flag ·"))
        #expect(!shown.contains("nico") && !shown.contains("lucia"))
    }
}
