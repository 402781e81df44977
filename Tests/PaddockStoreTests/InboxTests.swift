import Foundation
import GRDB
import Testing
@testable import PaddockCore
@testable import PaddockStore

@Suite struct MentionParsingTests {
    @Test func mentionsAreHandlesAfterAnAtNotInsideWordsOrAddresses() {
        #expect(Mentions.handles(in: "Thanks @giulia and @Marco.Rossi!") == ["giulia", "marco.rossi"])
        #expect(Mentions.handles(in: "mail me at marco@example.com") == [])
        #expect(Mentions.handles(in: "@giulia, @giulia again, and @GIULIA") == ["giulia"])
        #expect(Mentions.handles(in: "ask @giulia.") == ["giulia"])
        #expect(Mentions.handles(in: "@a is too short, @@giulia is not one, @_x starts badly") == [])
        #expect(Mentions.handles(in: "(@luca) @sara-b-") == ["luca", "sara-b"])
    }

    @Test func quotedLinesMentionNobodyAgain() {
        #expect(Mentions.handles(in: "> giulia wrote:\n> ask @luca\n\n@sara agrees") == ["sara"])
        #expect(Mentions.added(from: "hi @luca", to: "hi @luca and @sara") == ["sara"])
        #expect(Mentions.added(from: "hi @luca and @sara", to: "hi @sara") == [])
    }

    @Test func spansGiveWhereEachMentionIsInTheLine() {
        #expect(Mentions.spans(in: "così @giulia!") == [Mentions.Span(offset: 5, length: 7, handle: "giulia")])
    }
}

@Suite struct InboxTests {
    func kinds(_ f: Fixture, _ actor: Actor) throws -> [String] {
        try f.community.inbox(for: actor, limit: 100).map(\.kind.rawValue)
    }

    @Test func aReplyAMentionAndAStatusChangeReachTheRightInboxesNewestFirst() throws {
        let f = try Fixture()
        let c = f.community
        let thread = try c.startThread(by: f.member, board: "furia", title: "Chain slack", body: "How much?")
        f.clock.advance(by: 60)
        let reply = try c.reply(by: f.other, thread: thread.id, body: "25 mm, ask @mod to be sure")
        f.clock.advance(by: 60)
        try c.addBoard(by: f.admin, slug: "ideas", title: "Ideas Lab", threadKind: .suggestion)
        try c.addProduct(by: f.manager, slug: "furia-950", name: "Furia 950")
        try c.addFeature(by: f.manager, product: "furia-950", slug: "seat", name: "Seat")
        let idea = try c.suggest(by: f.member, product: "furia-950", features: ["seat"], title: "A lower seat", body: "For short riders")
        try c.support(by: f.other, suggestion: idea.id)
        f.clock.advance(by: 60)
        try c.changeStatus(by: f.manager, suggestion: idea.id, to: .underReview, response: "Looking at it")

        let marco = try c.inbox(for: f.member)
        #expect(marco.map(\.kind.rawValue) == ["status", "reply"])
        #expect(marco[1].actorHandle == "giulia")
        #expect(marco[1].threadTitle == "Chain slack")
        #expect(marco[1].postId == reply.id)
        #expect(marco[1].postPosition == 1)
        #expect(marco[0].threadId == idea.id)
        #expect(try kinds(f, f.moderator) == ["mention"])
        #expect(try c.inbox(for: f.moderator)[0].text == "giulia mentioned you in “Chain slack”")
        #expect(try kinds(f, f.other) == ["status"], "a supporter hears of the status change")
        #expect(try c.unreadNotificationCount(for: f.member) == 2)
    }

    /// A thread a moderator hid is no longer named in a member's inbox: its title may be why.
    @Test func aHiddenThreadsTitleLeavesTheInbox() throws {
        let f = try Fixture()
        let c = f.community
        let thread = try c.startThread(by: f.member, board: "furia", title: "Call 555-0100 now", body: "@giulia look")
        try c.moderateThread(by: f.moderator, thread: thread.id, action: .hide, reason: "personal details")
        let item = try #require(try c.inbox(for: f.other).first)
        #expect(!item.text.contains("555-0100") && item.text.contains("a thread a moderator hid"), "\(item.text)")
        #expect(item.threadId == nil && item.threadTitle == nil)
    }

    @Test func aMentionNotifiesOncePerPostNeverTheAuthorAndEditsTellOnlyTheNewlyMentioned() throws {
        let f = try Fixture()
        let c = f.community
        let thread = try c.startThread(by: f.member, board: "furia", title: "Ride", body: "Who's in? @giulia @marco @nobody-here")
        #expect(try kinds(f, f.other) == ["mention"])
        #expect(try kinds(f, f.member).isEmpty, "mentioning yourself tells nobody")
        let post = try c.reply(by: f.member, thread: thread.id, body: "@giulia twice @giulia")
        #expect(try kinds(f, f.other) == ["mention", "mention"], "one per post")
        try c.edit(by: f.member, post: post.id, body: "@giulia twice @giulia and @mod")
        #expect(try kinds(f, f.moderator) == ["mention"])
        #expect(try kinds(f, f.other) == ["mention", "mention"], "an edit tells only the newly mentioned")
        // Mentioned, removed, mentioned again: still once for this post.
        f.clock.advance(by: 600)
        try c.edit(by: f.member, post: post.id, body: "nobody now")
        f.clock.advance(by: 600)
        try c.edit(by: f.member, post: post.id, body: "@mod again")
        #expect(try kinds(f, f.moderator) == ["mention"])
    }

    @Test func aMentionedMemberWhoWasRepliedToHearsOnce() throws {
        let f = try Fixture()
        let c = f.community
        let thread = try c.startThread(by: f.member, board: "furia", title: "Ride", body: "Sunday?")
        try c.reply(by: f.other, thread: thread.id, body: "@marco yes")
        #expect(try kinds(f, f.member) == ["mention"])
    }

    @Test func mutingTheAuthorSilencesTheirMentionsAndReplies() throws {
        let f = try Fixture()
        let c = f.community
        try c.muteMember(by: f.other, handle: "marco")
        let thread = try c.startThread(by: f.other, board: "furia", title: "Mine", body: "Opening")
        try c.reply(by: f.member, thread: thread.id, body: "@giulia look")
        #expect(try kinds(f, f.other).isEmpty, "neither the mention nor the reply in a watched thread")
        try c.unmuteMember(by: f.other, handle: "marco")
        try c.reply(by: f.member, thread: thread.id, body: "@giulia look again")
        #expect(try kinds(f, f.other) == ["mention"])
        try f.expectRefusal(.invalid("you cannot mute yourself")) { try c.muteMember(by: f.member, handle: "marco") }
        try f.expectRefusal(.notFound("no member 'ghost'")) { try c.muteMember(by: f.member, handle: "ghost") }
    }

    @Test func authorsWatchTheirThreadsAndWatchersHearOfEveryReplyByOthers() throws {
        let f = try Fixture()
        let c = f.community
        let thread = try c.startThread(by: f.member, board: "furia", title: "Tyres", body: "Which?")
        try c.watch(by: f.other, thread: thread.id)
        try c.reply(by: f.moderator, thread: thread.id, body: "Pilot Road 6")
        #expect(try kinds(f, f.member) == ["reply"])
        #expect(try kinds(f, f.other) == ["watched"])
        try c.reply(by: f.other, thread: thread.id, body: "Agreed")
        #expect(try kinds(f, f.other) == ["watched"], "nobody hears of their own reply")
        try c.unwatch(by: f.member, thread: thread.id)
        try c.unwatch(by: f.other, thread: thread.id)
        try c.reply(by: f.admin, thread: thread.id, body: "Or Angel GT")
        #expect(try kinds(f, f.other) == ["watched"])
        #expect(try kinds(f, f.member) == ["reply", "reply", "reply"], "the thread's author still hears of replies to them")
        #expect(try c.thread(thread.id, viewer: f.member).watch == nil)
        try c.watch(by: f.member, thread: thread.id)
        #expect(try c.thread(thread.id, viewer: f.member).watch == .watching)
    }

    @Test func aMutedThreadNeverNotifiesAndIsNeverUnread() throws {
        let f = try Fixture()
        let c = f.community
        let thread = try c.startThread(by: f.member, board: "furia", title: "Noise", body: "Loud pipes?")
        try c.reply(by: f.other, thread: thread.id, body: "Yes")
        #expect(try c.unreadNotificationCount(for: f.member) == 1)
        try c.muteThread(by: f.member, thread: thread.id)
        #expect(try c.unreadNotificationCount(for: f.member) == 0, "muting reads what the thread already sent")
        try c.reply(by: f.other, thread: thread.id, body: "@marco really loud", replyTo: nil)
        #expect(try c.unreadNotificationCount(for: f.member) == 0)
        #expect(try c.thread(thread.id, viewer: f.member).watch == .muted)
        // Unread for someone who never read it, but never for the member who muted it.
        let board = try c.threads(board: "furia", reader: f.member, order: .latest, limit: 10).threads[0]
        #expect(board.unreadCount == 0)
        #expect(try c.threads(board: "furia", reader: f.member, order: .unread, limit: 10).threads.isEmpty)
        #expect(try c.home(for: f.member).boards.first { $0.board.slug == "furia" }?.unreadThreads == 0)
        #expect(try c.nextUnread(for: f.member, after: nil) == nil)
        #expect(try c.home(for: f.moderator).boards.first { $0.board.slug == "furia" }?.unreadThreads == 1)
        try c.unmuteThread(by: f.member, thread: thread.id)
        #expect(try c.home(for: f.member).boards.first { $0.board.slug == "furia" }?.unreadThreads == 1)
        #expect(try c.mutes(of: f.member).threads.isEmpty)
    }

    @Test func aMutedSuggestionSendsNoStatusNews() throws {
        let f = try Fixture()
        let c = f.community
        try c.addBoard(by: f.admin, slug: "ideas", title: "Ideas Lab", threadKind: .suggestion)
        try c.addProduct(by: f.manager, slug: "furia-950", name: "Furia 950")
        try c.addFeature(by: f.manager, product: "furia-950", slug: "seat", name: "Seat")
        let idea = try c.suggest(by: f.member, product: "furia-950", features: ["seat"], title: "A lower seat", body: "Please")
        try c.support(by: f.other, suggestion: idea.id)
        try c.muteThread(by: f.other, thread: idea.id)
        try c.changeStatus(by: f.manager, suggestion: idea.id, to: .underReview, response: "Looking")
        #expect(try kinds(f, f.member) == ["status"])
        #expect(try kinds(f, f.other).isEmpty)
    }

    @Test func moderationOutcomesAndWarningsArriveWithoutNamingTheModerator() throws {
        let f = try Fixture()
        let c = f.community
        let thread = try c.startThread(by: f.member, board: "furia", title: "Parts", body: "cheap parts here")
        let post = try c.thread(thread.id).posts[0].id
        try c.moderatePost(by: f.moderator, post: post, action: .hide, reason: "advertising")
        try c.warn(by: f.moderator, member: "marco", reason: "no adverts")
        let inbox = try c.inbox(for: f.member)
        #expect(inbox.map(\.kind.rawValue) == ["moderation", "moderation"])
        #expect(inbox.allSatisfy { $0.actorHandle == nil })
        #expect(inbox[0].threadId == nil, "a warning is about the member, not a thread")
        #expect(inbox[1].postId == post)
    }

    /// News keeps its payload beside its sentence; a row without one (written
    /// before payloads were kept) or with one this Paddock cannot read keeps its text.
    @Test func newsKeepsItsPayloadAndRowsWithoutOneStillRead() throws {
        let f = try Fixture()
        let c = f.community
        let thread = try c.startThread(by: f.member, board: "furia", title: "Parts", body: "cheap parts here")
        try c.moderateThread(by: f.moderator, thread: thread.id, action: .lock, reason: "heated")
        try c.silence(by: f.moderator, member: "marco", until: f.clock.now + 3600, reason: "cool off")
        let inbox = try c.inbox(for: f.member)
        #expect(inbox.map(\.payload) == [.silenced(until: f.clock.now + 3600, reason: "cool off"), .thread(news: .locked, reason: "heated")])
        #expect(inbox[1].text == "“Parts” was locked by a moderator: heated")
        try c.database.writer.write { db in
            try db.execute(sql: "UPDATE notification SET payload = NULL WHERE id = ?", arguments: [inbox[1].id])
            try db.execute(sql: "UPDATE notification SET payload = '{\"reopened\":{}}' WHERE id = ?", arguments: [inbox[0].id])
        }
        let read = try c.inbox(for: f.member)
        #expect(read.map(\.payload) == [nil, nil])
        #expect(read.map(\.text) == inbox.map(\.text))
        #expect(try Integrity.problems(in: c.database) == ["notification \(inbox[0].id): payload not a notification payload this Paddock reads"])
    }

    @Test func theInboxPagesByKeysetAndMarksReadOneOrAll() throws {
        let f = try Fixture()
        let c = f.community
        let thread = try c.startThread(by: f.member, board: "furia", title: "Long", body: "Go")
        for i in 0..<7 {
            f.clock.advance(by: 1)
            try c.reply(by: f.other, thread: thread.id, body: "Reply \(i)")
        }
        let first = try c.inbox(for: f.member, limit: 3)
        let second = try c.inbox(for: f.member, before: first.last?.id, limit: 3)
        let third = try c.inbox(for: f.member, before: second.last?.id, limit: 3)
        #expect((first + second + third).compactMap(\.postPosition) == [7, 6, 5, 4, 3, 2, 1])
        try c.markNotificationRead(by: f.member, notification: first[0].id)
        #expect(try c.unreadNotificationCount(for: f.member) == 6)
        #expect(try c.inbox(for: f.member, unreadOnly: true, limit: 10).count == 6)
        #expect(try c.inbox(for: f.member, limit: 10)[0].readAt == f.clock.now)
        try f.expectRefusal(.notFound("no notification #\(first[1].id) in your inbox")) {
            try c.markNotificationRead(by: f.other, notification: first[1].id)
        }
        #expect(try c.markAllNotificationsRead(by: f.member) == 6)
        #expect(try c.unreadNotificationCount(for: f.member) == 0)
        #expect(try c.inbox(for: f.member, unreadOnly: true).isEmpty)
    }

    @Test func aThreadPageTellsItsViewerWhomTheyMutedAndWhichMentionsAreMembers() throws {
        let f = try Fixture()
        let c = f.community
        let thread = try c.startThread(by: f.member, board: "furia", title: "Mentions", body: "Hi @giulia and @ghost, mail x@mod.it")
        try c.muteMember(by: f.moderator, handle: "marco")
        let page = try c.thread(thread.id, viewer: f.moderator)
        #expect(page.mentionedMembers == ["giulia"])
        #expect(page.mutedAuthors == ["marco"])
        #expect(try c.thread(thread.id, viewer: f.other).mutedAuthors.isEmpty)
        #expect(try c.mutes(of: f.moderator).members == ["marco"])
    }

    @Test func aPostMentioningTheWholeCommunityTellsAtMostTheLimit() throws {
        let f = try Fixture()
        let c = f.community
        var handles: [String] = []
        for i in 0..<(Community.mentionLimit + 5) {
            handles.append(try c.addMember(by: f.admin, handle: "rider\(i)").handle)
        }
        try c.startThread(by: f.member, board: "furia", title: "Everyone", body: handles.map { "@" + $0 }.joined(separator: " "))
        let told = try c.database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notification WHERE kind = 'mention'")
        }
        #expect(told == Community.mentionLimit)
    }
}
