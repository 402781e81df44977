import Foundation
import GRDB
import Testing
@testable import PaddockCore
@testable import PaddockStore

@Suite struct ModerationTests {
    @Test func flagsReachTheThresholdHideThePostAndTheQueueOrdersByWeight() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "Parts", body: "spam link")
        let post = try f.community.thread(thread.id).posts[0].id
        let third = try f.community.actor(handle: try f.community.addMember(by: f.admin, handle: "luca").handle)
        let fourth = try f.community.actor(handle: try f.community.addMember(by: f.admin, handle: "sara").handle)
        #expect(try f.community.flag(by: f.other, post: post, reason: .spam).hidden == false)
        try f.expectRefusal(.invalid("you have already flagged post #\(post)")) {
            try f.community.flag(by: f.other, post: post, reason: .abusive)
        }
        try f.community.flag(by: third, post: post, reason: .offTopic)
        #expect(try f.community.flag(by: fourth, post: post, reason: .other, note: "link farm").hidden)
        #expect(try f.community.thread(thread.id, viewer: f.other).posts[0].body == "")
        #expect(try f.community.thread(thread.id, viewer: f.moderator).posts[0].body == "spam link")
        #expect(try f.community.notifications(for: f.member).first?.text == "Your post in “Parts” is hidden pending review: members flagged it")
        // A lighter item waits behind it; one older than 48 hours is marked.
        let other = try f.community.startThread(by: f.other, board: "furia", title: "Other", body: "meh")
        let otherPost = try f.community.thread(other.id).posts[0].id
        try f.community.flag(by: f.member, post: otherPost, reason: .offTopic)
        f.clock.advance(by: 49 * 3600)
        let queue = try f.community.flagQueue(by: f.moderator)
        #expect(queue.map(\.postId) == [post, otherPost])
        #expect(queue[0].flags.map(\.flaggerHandle) == ["giulia", "luca", "sara"])
        #expect(queue[0].flags.last?.note == "link farm")
        #expect(queue.allSatisfy { $0.overdue })
        // A moderator's flag hides at once.
        #expect(try f.community.flag(by: f.moderator, post: otherPost, reason: .spam).hidden)
    }

    @Test func claimsKeepTwoModeratorsApartAndLapseAfterAnHour() throws {
        let f = try Fixture()
        let mod2 = try f.community.actor(handle: try f.community.addMember(by: f.admin, handle: "mod2", role: .moderator).handle)
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "T", body: "b")
        let post = try f.community.thread(thread.id).posts[0].id
        try f.community.flag(by: f.other, post: post, reason: .spam)
        try f.community.claim(by: f.moderator, post: post)
        #expect(try f.community.flagQueue(by: mod2)[0].claimedByHandle == "mod")
        try f.expectRefusal(.notPermitted("post #\(post) is claimed by mod since \(TimeText.describe(f.clock.now))")) {
            try f.community.claim(by: mod2, post: post)
        }
        try f.expectRefusal(.notPermitted("post #\(post) is claimed by mod since \(TimeText.describe(f.clock.now))")) {
            try f.community.disagree(by: mod2, post: post)
        }
        f.clock.advance(by: 3601)
        try f.community.disagree(by: mod2, post: post, reason: "fine")
        #expect(try f.community.flagQueue(by: mod2).isEmpty)
        try f.expectRefusal(.notFound("post #\(post) has no open review item")) { try f.community.ignore(by: mod2, post: post) }
    }

    @Test func disagreeRestoresAndANewFlagReopensTheItem() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "T", body: "b")
        let post = try f.community.thread(thread.id).posts[0].id
        try f.community.flag(by: f.moderator, post: post, reason: .spam)
        try f.community.disagree(by: f.admin, post: post)
        #expect(try f.community.thread(thread.id, viewer: f.other).posts[0].state == .visible)
        try f.community.flag(by: f.other, post: post, reason: .abusive)
        let item = try #require(try f.community.flagQueue(by: f.moderator).first)
        #expect(item.weight == 1 && item.flags.map(\.flaggerHandle) == ["giulia"])
        // Removing keeps the text for moderators and tells the author why.
        try f.community.agree(by: f.moderator, post: post, reason: "insults", remove: true)
        #expect(try f.community.thread(thread.id, viewer: f.moderator).posts[0].body == "b")
        #expect(try f.community.thread(thread.id, viewer: f.other).posts[0].state == .removed)
        #expect(try f.community.notifications(for: f.member).first?.text == "Your post in “T” was removed by a moderator: insults")
    }

    @Test func silenceAndSuspensionEndWithTheClockAndHistoryIsKept() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "T", body: "b")
        let post = try f.community.thread(thread.id).posts[0].id
        let until = f.clock.now + 86_400
        try f.community.silence(by: f.moderator, member: "giulia", until: until, reason: "heated")
        let other = try f.community.actor(handle: "giulia")
        try f.expectRefusal(.notPermitted("giulia is silenced until \(TimeText.describe(until)) and cannot post until then")) {
            try f.community.reply(by: other, thread: thread.id, body: "x")
        }
        try f.expectRefusal(.notPermitted("giulia is silenced until \(TimeText.describe(until)) and cannot post until then")) {
            try f.community.flag(by: other, post: post, reason: .spam)
        }
        f.clock.set(until)
        try f.community.reply(by: other, thread: thread.id, body: "back")
        try f.community.warn(by: f.moderator, member: "giulia", reason: "tone")
        try f.community.suspend(by: f.manager, member: "giulia", until: f.clock.now + 60, reason: "again")
        try f.community.lift(by: f.admin, member: "giulia", reason: "appeal")
        try f.expectRefusal(.invalid("giulia is neither silenced nor suspended")) { try f.community.lift(by: f.admin, member: "giulia") }
        let conduct = try f.community.conduct(of: "giulia", by: f.moderator)
        #expect(conduct.standing == "active")
        #expect(conduct.penalties.map(\.kind) == [.lift, .suspend, .warn, .silence])
        #expect(try f.community.notifications(for: other).map(\.text).contains("A moderator warned you: tone"))
    }

    @Test func newMembersAreRateLimitedAndToldWhenTheyMayPostAgain() throws {
        let f = try Fixture()
        try f.community.setSetting(by: f.admin, key: "new_member_days", value: "3")
        var threads: [Int64] = []
        for i in 0..<3 {
            threads.append(try f.community.startThread(by: f.member, board: "furia", title: "T\(i)", body: "b").id)
            if i == 0 {
                let next = f.clock.now + 30
                try f.expectRefusal(.notPermitted("new members post at most once every 30 seconds; marco may post again at \(TimeText.describePrecisely(next))")) {
                    try f.community.reply(by: f.member, thread: threads[0], body: "too soon")
                }
            }
            f.clock.advance(by: 60)
        }
        let again = f.clock.now - 180 + 86_400
        try f.expectRefusal(.notPermitted("new members open at most 3 threads a day; marco may open another at \(TimeText.describePrecisely(again))")) {
            try f.community.startThread(by: f.member, board: "furia", title: "T4", body: "b")
        }
        try f.community.reply(by: f.member, thread: threads[0], body: "a reply is fine")
        try f.community.startThread(by: f.moderator, board: "furia", title: "Staff are exempt", body: "b")
        f.clock.advance(by: 3 * 86_400)
        try f.community.startThread(by: f.member, board: "furia", title: "No longer new", body: "b")
        // Slow mode counts per member and thread; moderators are exempt.
        try f.community.moderateThread(by: f.moderator, thread: threads[1], action: .slowMode(seconds: 600))
        try f.community.reply(by: f.member, thread: threads[1], body: "one")
        try f.expectRefusal(.notPermitted("this thread is in slow mode (one post every 10 minutes per member); marco may post again at \(TimeText.describePrecisely(f.clock.now + 600))")) {
            try f.community.reply(by: f.member, thread: threads[1], body: "two")
        }
        try f.community.reply(by: f.other, thread: threads[1], body: "someone else")
        try f.community.reply(by: f.moderator, thread: threads[1], body: "m1")
        try f.community.reply(by: f.moderator, thread: threads[1], body: "m2")
    }

    @Test func editsCloseAfterTheWindowAndQuickEditsShareOneRevision() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "T", body: "v1")
        let post = try f.community.thread(thread.id).posts[0].id
        f.clock.advance(by: 60)
        try f.community.edit(by: f.member, post: post, body: "v2")
        f.clock.advance(by: 60)
        try f.community.edit(by: f.member, post: post, body: "v3")  // within 5 minutes: replaces v2
        #expect(try f.community.revisionHistory(of: post, viewer: f.other).map(\.body) == ["v1"])
        f.clock.advance(by: 600)
        let edited = try f.community.edit(by: f.member, post: post, body: "v4")
        #expect(edited.revisionCount == 2)
        #expect(try f.community.revisionHistory(of: post, viewer: f.other).map(\.body) == ["v1", "v3"])
        f.clock.advance(by: 24 * 3600)
        let closed = try #require(try f.community.thread(thread.id).posts.first).createdAt + 24 * 3600
        try f.expectRefusal(.notPermitted("posts can be edited for 24 hours; this one closed at \(TimeText.describe(closed))")) {
            try f.community.edit(by: f.member, post: post, body: "v5")
        }
        try f.community.edit(by: f.moderator, post: post, body: "v5 (moderator)")
    }

    @Test func thePublicLogHidesNamesUnlessTheCommunitySaysSoAndNeverNamesFlaggers() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "T", body: "b")
        let post = try f.community.thread(thread.id).posts[0].id
        try f.community.flag(by: f.other, post: post, reason: .spam)
        try f.community.moderateThread(by: f.moderator, thread: thread.id, action: .lock, reason: "cooling down")
        // The flag is a member's report: not in the public log at all.
        #expect(try f.community.moderationLog(viewer: f.member, public: true).map(\.actorHandle) == [nil])
        #expect(try f.community.moderationLog(viewer: f.member, public: true).map(\.actor) == ["a moderator"])
        try f.community.setSetting(by: f.admin, key: "modlog_public_names", value: "true")
        let log = try f.community.moderationLog(viewer: f.member, public: true)
        #expect(log.map(\.actorHandle) == ["mod"])
        #expect(log[0].target == "“T”" && log[0].reason == "cooling down")
        #expect(try f.community.moderationLog(viewer: f.moderator).map(\.actorHandle) == ["mod", "giulia"])
    }

    @Test func movingAThreadKeepsBothBoardsCountersRight() throws {
        let f = try Fixture()
        try f.community.addBoard(by: f.admin, slug: "garage", title: "Garage")
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "T", body: "b")
        try f.community.reply(by: f.other, thread: thread.id, body: "r")
        try f.community.moderateThread(by: f.moderator, thread: thread.id, action: .move(toBoard: "garage"))
        let boards = Dictionary(uniqueKeysWithValues: try f.community.boards().map { ($0.slug, $0) })
        #expect(boards["furia"]?.threadCount == 0 && boards["furia"]?.postCount == 0)
        #expect(boards["garage"]?.threadCount == 1 && boards["garage"]?.postCount == 2)
        try f.expectRefusal(.invalid("announcements holds announcement threads; thread #\(thread.id) is a discussion")) {
            try f.community.moderateThread(by: f.admin, thread: thread.id, action: .move(toBoard: "announcements"))
        }
    }

    /// A poll lives in any board but a suggestion board (as when it is started):
    /// a move takes it into a discussion board or the announcements, keeping the
    /// counters right, and refuses a suggestion board in one line, writing nothing.
    @Test func aPollMovesToAnyBoardThatCanHoldPollsButNotIntoSuggestions() throws {
        let f = try Fixture()
        try f.community.addBoard(by: f.admin, slug: "garage", title: "Garage")
        try f.community.addBoard(by: f.admin, slug: "ideas", title: "Ideas Lab", threadKind: .suggestion)
        let poll = try f.community.startPoll(by: f.manager, board: "furia", title: "Which colour?", intro: "Pick one.",
                                             question: .choice(options: ["Red", "Black"], multiple: false))
        let id = poll.id
        try f.community.reply(by: f.member, thread: id, body: "Red, obviously")
        try f.community.moderateThread(by: f.moderator, thread: id, action: .move(toBoard: "garage"))
        var boards = Dictionary(uniqueKeysWithValues: try f.community.boards().map { ($0.slug, $0) })
        #expect(boards["furia"]?.threadCount == 0 && boards["furia"]?.postCount == 0)
        #expect(boards["garage"]?.threadCount == 1 && boards["garage"]?.postCount == 2)
        try f.community.moderateThread(by: f.moderator, thread: id, action: .move(toBoard: "announcements"))
        boards = Dictionary(uniqueKeysWithValues: try f.community.boards().map { ($0.slug, $0) })
        #expect(boards["announcements"]?.threadCount == 1 && boards["garage"]?.threadCount == 0)
        try f.expectRefusal(.invalid("ideas takes suggestions only; thread #\(id) is a poll, which can go in any other board")) {
            try f.community.moderateThread(by: f.moderator, thread: id, action: .move(toBoard: "ideas"))
        }
        #expect(try Integrity.problems(in: f.community.database).isEmpty)
    }

    /// The log is append-only twice over: triggers refuse UPDATE and DELETE, and
    /// no source file holds a statement that would try.
    @Test func noCodePathUpdatesOrDeletesTheModerationLog() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8).lowercased().replacingOccurrences(of: "\"", with: "")
            for forbidden in ["update moderationlog", "delete from moderationlog", "replace into moderationlog", "drop table moderationlog"] {
                #expect(!text.contains(forbidden), "\(file.lastPathComponent) contains \(forbidden)")
            }
        }
        let f = try Fixture()
        try f.community.warn(by: f.moderator, member: "marco", reason: "r")
        try f.community.database.writer.write { db in
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE moderationLog SET reason = 'x'") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "DELETE FROM moderationLog") }
        }
        #expect(try f.community.moderationLog(viewer: f.moderator).map(\.reason) == ["r"])
    }

    /// The public log names the kind of actor truthfully, and leaves flags out;
    /// moderators still see every flag and every name.
    @Test func thePublicLogNamesTheKindOfActorAndLeavesFlagsOut() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "T", body: "b")
        let post = try f.community.thread(thread.id).posts[0].id
        try f.community.setSetting(by: f.admin, key: "flag_threshold", value: "1")
        try f.community.flag(by: f.other, post: post, reason: .spam)
        try f.community.setRole(by: f.admin, handle: "giulia", role: .moderator)
        try f.community.moderateThread(by: f.moderator, thread: thread.id, action: .lock, reason: "heated")
        let shown = try f.community.moderationLog(viewer: f.member, public: true).map { "\($0.actor) · \($0.action)" }
        #expect(shown == ["a moderator · lock", "an admin · role", "the community's flags · auto-hide"])
        // Named moderators: staff by their handle; an automatic hide stays the flags'.
        try f.community.setSetting(by: f.admin, key: "modlog_public_names", value: "true")
        #expect(try f.community.moderationLog(viewer: f.member, public: true).map(\.actor) == ["mod", "ada", "the community's flags"])
        let full = try f.community.moderationLog(viewer: f.moderator)
        #expect(full.map(\.action) == ["lock", "role", "auto-hide", "flag"])
        #expect(full.map(\.actor) == ["mod", "ada", "giulia", "giulia"])
    }

    /// A claim or flags ignored (and their undoing) would tell the public which
    /// posts were flagged: the public log leaves them out, moderators see them.
    @Test func thePublicLogLeavesOutTheQueuesBookkeeping() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "T", body: "b")
        let post = try f.community.thread(thread.id).posts[0].id
        try f.community.flag(by: f.other, post: post, reason: .offTopic)
        try f.community.claim(by: f.moderator, post: post)
        try f.community.ignore(by: f.moderator, post: post)
        _ = try f.community.undoReview(by: f.moderator, post: post)
        #expect(try f.community.moderationLog(viewer: f.member, public: true).isEmpty)
        #expect(try f.community.moderationLog(viewer: f.moderator).map(\.action) == ["undo-ignore", "ignore", "claim", "flag"])
    }

    /// Every thread action reaches the thread's author with the reason, worded
    /// for the inbox; a moderator acting on their own thread hears nothing.
    @Test func threadModerationTellsTheAuthor() throws {
        let f = try Fixture()
        try f.community.addBoard(by: f.admin, slug: "garage", title: "Garage")
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "Parts", body: "b")
        let steps: [(ThreadAction, String, String)] = [
            (.lock, "heated", "“Parts” was locked by a moderator: heated"),
            (.unlock, "", "“Parts” was unlocked"),
            (.pin, "useful", "“Parts” was pinned to the top of its board: useful"),
            (.move(toBoard: "garage"), "belongs there", "“Parts” was moved from Furia 950 to Garage: belongs there"),
            (.slowMode(seconds: 120), "cool down", "“Parts” is in slow mode, one post every 2 minutes per member: cool down"),
            (.slowMode(seconds: 0), "", "“Parts” is out of slow mode"),
            (.archive, "settled", "“Parts” was archived by a moderator: settled"),
            (.hide, "doxxing", "“Parts” was hidden from members by a moderator: doxxing"),
        ]
        for (action, reason, text) in steps {
            try f.community.moderateThread(by: f.moderator, thread: thread.id, action: action, reason: reason)
            let note = try #require(try f.community.notifications(for: f.member).first)
            #expect(note.text == text)
            #expect(note.kind == "moderation" && note.threadId == thread.id)
        }
        // The inbox names the hidden thread but doesn't link a member to it; moderators still open it.
        let item = try #require(try f.community.inbox(for: f.member).first)
        #expect(item.threadTitle == "Parts" && item.threadId == nil && item.actorHandle == nil)
        try f.community.moderateThread(by: f.moderator, thread: thread.id, action: .unhide)
        #expect(try f.community.inbox(for: f.member).first?.threadId == thread.id)
        // One's own thread: no notification.
        let own = try f.community.startThread(by: f.moderator, board: "furia", title: "Mine", body: "b")
        let before = try f.community.notifications(for: f.moderator).count
        try f.community.moderateThread(by: f.moderator, thread: own.id, action: .lock, reason: "done")
        #expect(try f.community.notifications(for: f.moderator).count == before)
    }

    /// A hidden or removed post says whose decision it was: the community's
    /// flags pending review, or a moderator's, with the public reason.
    @Test func aHiddenPostSaysWhoHidItAndWhy() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "T", body: "b")
        let first = try f.community.thread(thread.id).posts[0].id
        let second = try f.community.reply(by: f.member, thread: thread.id, body: "r").id
        let third = try f.community.reply(by: f.member, thread: thread.id, body: "r2").id
        try f.community.setSetting(by: f.admin, key: "flag_threshold", value: "1")
        try f.community.flag(by: f.other, post: first, reason: .spam)
        try f.community.moderatePost(by: f.moderator, post: second, action: .hide, reason: "personal details")
        try f.community.moderatePost(by: f.moderator, post: third, action: .remove, reason: "spam link")
        func labels() throws -> [String] { try f.community.thread(thread.id, viewer: f.other).posts.map(\.placeholder) }
        #expect(try labels() == ["[hidden automatically by the community's flags, pending a moderator's review]",
                                 "[hidden by a moderator: personal details]", "[removed by a moderator: spam link]"])
        try f.community.agree(by: f.moderator, post: first, reason: "advertising")
        #expect(try labels()[0] == "[hidden by a moderator after reviewing the flags: advertising]")
        // Undone, the post is back to what the flags did.
        try f.community.undoReview(by: f.moderator, post: first)
        #expect(try labels()[0] == "[hidden automatically by the community's flags, pending a moderator's review]")
    }

    /// `undoReview` takes back the actor's last queue step and logs it: the item
    /// is open again with its flags and the post as it was; the author hears of it.
    @Test func undoTakesBackTheLastQueueStep() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "T", body: "b")
        let post = try f.community.thread(thread.id).posts[0].id
        let mod2 = try f.community.actor(handle: try f.community.addMember(by: f.admin, handle: "mod2", role: .moderator).handle)
        func state() throws -> PostState { try f.community.thread(thread.id, viewer: f.moderator).posts[0].state }
        func open() throws -> [Int] { try f.community.flagQueue(by: f.moderator).filter { $0.postId == post }.map(\.flagCount) }

        // Ignore, then undo: the one flag is open again, the post still visible.
        try f.community.flag(by: f.other, post: post, reason: .spam)
        try f.community.ignore(by: f.moderator, post: post)
        #expect(try open().isEmpty)
        // Someone else's step is theirs to undo.
        try f.expectRefusal(.notPermitted("the last step on post #\(post) is mod's; only they can undo it")) {
            try f.community.undoReview(by: mod2, post: post)
        }
        #expect(try f.community.undoReview(by: f.moderator, post: post) == "ignore")
        #expect(try open() == [1])
        #expect(try state() == .visible)

        // Agree with removal on a visible post, then undo: visible again, the author told both times.
        try f.community.agree(by: f.moderator, post: post, reason: "spam", remove: true)
        #expect(try state() == .removed)
        try f.community.undoReview(by: f.moderator, post: post)
        #expect(try state() == .visible)
        #expect(try open() == [1])
        #expect(try f.community.notifications(for: f.member).first?.text
                == "Your post in “T” is visible again: a moderator took back their decision")

        // A disagree on a hidden post, undone: hidden again pending review.
        try f.community.moderatePost(by: mod2, post: post, action: .hide, reason: "checking")
        try f.community.disagree(by: f.moderator, post: post, reason: "it is fine")
        #expect(try state() == .visible)
        try f.community.undoReview(by: f.moderator, post: post)
        #expect(try state() == .hidden)
        #expect(try f.community.notifications(for: f.member).first?.text
                == "Your post in “T” is hidden pending review again: a moderator took back their decision")

        // A claim, undone: released.
        try f.community.claim(by: f.moderator, post: post)
        try f.community.undoReview(by: f.moderator, post: post)
        #expect(try f.community.flagQueue(by: mod2).first { $0.postId == post }?.claimedByHandle == nil)

        // Only the last step: after it, nothing is left to undo.
        try f.expectRefusal(.invalid("post #\(post) has no review step to undo: something else happened to it last")) {
            try f.community.undoReview(by: f.moderator, post: post)
        }
        // A new flag after a decision: the decision can no longer be undone.
        try f.community.ignore(by: f.moderator, post: post)
        try f.community.flag(by: mod2, post: post, reason: .spam)
        #expect(throws: CommunityError.self) { try f.community.undoReview(by: f.moderator, post: post) }

        let undos = try f.community.moderationLog(viewer: f.moderator).filter { $0.action.hasPrefix("undo-") }.map(\.action)
        #expect(undos == ["undo-claim", "undo-disagree", "undo-agree-remove", "undo-ignore"])
    }
}

@Suite struct HiddenThreadCountTests {
    /// A thread a moderator hides leaves its board's list, and its counts with it; unhidden, it counts again.
    @Test func aHiddenThreadIsNotCountedInItsBoard() throws {
        let f = try Fixture()
        func furia() throws -> (threads: Int, posts: Int) {
            let board = try #require(try f.community.boards().first { $0.slug == "furia" })
            let home = try #require(try f.community.home(for: f.member).boards.first { $0.board.slug == "furia" })
            #expect(home.board.threadCount == board.threadCount && home.board.postCount == board.postCount)
            return (board.threadCount, board.postCount)
        }
        let before = try furia()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "Off the rails", body: "b")
        try f.community.reply(by: f.other, thread: thread.id, body: "r")
        #expect(try furia() == (before.threads + 1, before.posts + 2))
        try f.community.moderateThread(by: f.moderator, thread: thread.id, action: .hide, reason: "heated")
        #expect(try furia() == before)
        let listed = try f.community.threads(board: "furia", reader: f.member, order: .latest, after: nil, limit: 100)
        #expect(listed.threads.count == before.threads)
        try f.community.moderateThread(by: f.moderator, thread: thread.id, action: .unhide, reason: "")
        #expect(try furia() == (before.threads + 1, before.posts + 2))
    }
}
