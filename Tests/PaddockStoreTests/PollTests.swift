import Foundation
import GRDB
import Testing
@testable import PaddockCore
@testable import PaddockStore

/// Concept polls through the service: counts kept with the votes, refusals that write nothing.
@Suite struct PollTests {
    /// The fixture with the Furia's catalog and a few more members.
    func fixture() throws -> (Fixture, [Actor]) {
        let f = try Fixture()
        try f.community.addProduct(by: f.manager, slug: "furia", name: "Furia 950")
        for slug in ["seat", "exhaust", "dash"] {
            try f.community.addFeature(by: f.manager, product: "furia", slug: slug, name: slug.capitalized)
        }
        let riders = try (1...6).map { try f.community.actor(handle: try f.community.addMember(by: f.admin, handle: "rider\($0)").handle) }
        return (f, riders)
    }

    func choicePoll(_ f: Fixture, multiple: Bool = false, visibility: PollVisibility = .afterVote, closesAt: Date? = nil) throws -> PollDetail {
        try f.community.startPoll(by: f.manager, board: "furia", title: "Which colour?", intro: "Pick one.",
                                  question: .choice(options: ["Red", "Black", "White"], multiple: multiple),
                                  closesAt: closesAt, visibility: visibility)
    }

    /// The counts as stored, against the answers as stored: they must agree.
    func countsMatchAnswers(_ f: Fixture, poll: Int64, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try f.community.database.writer.read { db in
            let mismatched = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM pollOption o WHERE o.threadId = ? AND (
                  o.chosenCount != (SELECT COUNT(*) FROM pollAnswer a WHERE a.optionId = o.id AND a.opinion IS NULL)
                  OR o.likeCount != (SELECT COUNT(*) FROM pollAnswer a WHERE a.optionId = o.id AND a.opinion = 'like')
                  OR o.neutralCount != (SELECT COUNT(*) FROM pollAnswer a WHERE a.optionId = o.id AND a.opinion = 'neutral')
                  OR o.dislikeCount != (SELECT COUNT(*) FROM pollAnswer a WHERE a.optionId = o.id AND a.opinion = 'dislike'))
                """, arguments: [poll])
            #expect(mismatched == 0, "option counts differ from the answers", sourceLocation: sourceLocation)
            let voters = try Int.fetchOne(db, sql: "SELECT voterCount FROM poll WHERE threadId = ?", arguments: [poll])
            let votes = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pollVote WHERE threadId = ?", arguments: [poll])
            #expect(voters == votes, "voter count differs from the votes", sourceLocation: sourceLocation)
        }
    }

    @Test func aPollIsAThreadOfKindPollInItsBoard() throws {
        let (f, _) = try fixture()
        let poll = try choicePoll(f)
        let thread = try f.community.thread(poll.id).thread
        #expect(thread.kind == .poll)
        #expect(try f.community.threads(board: "furia").threads.map(\.id).contains(poll.id))
        #expect(poll.options.map(\.label) == ["Red", "Black", "White"])
        #expect(poll.intro == "Pick one." && poll.voterCount == 0 && !poll.isClosed)
    }

    @Test func countsFollowVotesAsTheyChange() throws {
        let (f, riders) = try fixture()
        let poll = try choicePoll(f, multiple: true)
        try f.community.vote(by: riders[0], poll: poll.id, ballot: .choices([1, 2]))
        try f.community.vote(by: riders[1], poll: poll.id, ballot: .choices([2]))
        try f.community.vote(by: riders[2], poll: poll.id, ballot: .choices([3]))
        // A change of vote moves the counts: rider 0 leaves Red and Black for White.
        let after = try f.community.vote(by: riders[0], poll: poll.id, ballot: .choices([3]))
        #expect(after.voterCount == 3)
        #expect(after.options.map(\.chosen) == [0, 1, 2])
        #expect(after.mine.map(\.number) == [3])
        try countsMatchAnswers(f, poll: poll.id)
    }

    @Test func featureOpinionsAreCountedPerFeatureAndReadByMember() throws {
        let (f, riders) = try fixture()
        let poll = try f.community.startPoll(by: f.manager, board: "furia", title: "Next Furia", intro: "Tell us.",
                                             question: .features(product: "furia", features: ["seat", "exhaust"]))
        #expect(poll.kind == .features && poll.options.map(\.feature) == ["seat", "exhaust"])
        try f.community.vote(by: riders[0], poll: poll.id, ballot: .opinions([1: FeatureAnswer(.dislike, comment: "too tall"), 2: FeatureAnswer(.like)]))
        try f.community.vote(by: riders[1], poll: poll.id, ballot: .opinions([1: FeatureAnswer(.like)]))
        let changed = try f.community.vote(by: riders[0], poll: poll.id, ballot: .opinions([1: FeatureAnswer(.neutral)]))
        #expect(changed.options[0].like == 1 && changed.options[0].neutral == 1 && changed.options[0].dislike == 0)
        #expect(changed.options[1].answered == 0)
        try countsMatchAnswers(f, poll: poll.id)
        // A vote is engagement: For you offers riders[0] open suggestions on the seat, and says why.
        try f.community.addBoard(by: f.admin, slug: "ideas", title: "Ideas Lab", threadKind: .suggestion)
        let idea = try f.community.suggest(by: riders[2], product: "furia", features: ["seat"], title: "A lower seat option", body: "b")
        let offered = try f.community.forYou(viewer: riders[0])
        #expect(offered.map(\.suggestion.id) == [idea.id])
        #expect(offered.first?.reason == "because you gave your opinion of Seat in a poll")
    }

    @Test func aThousandVotesLeaveTheCountsEqualToTheVotes() throws {
        let (f, _) = try fixture()
        let poll = try choicePoll(f)
        var random = SplitMix64(seed: 42)
        let voters = try (1...40).map { try f.community.actor(handle: try f.community.addMember(by: f.admin, handle: "voter\($0)").handle) }
        for _ in 0..<1000 {
            let voter = voters[Int(random.next() % UInt64(voters.count))]
            try f.community.vote(by: voter, poll: poll.id, ballot: .choices([Int(random.next() % 3) + 1]))
        }
        try countsMatchAnswers(f, poll: poll.id)
        let result = try f.community.poll(poll.id, viewer: f.manager)
        #expect(result.voterCount <= 40 && result.options.compactMap(\.chosen).reduce(0, +) == result.voterCount)
    }

    @Test func aLockedOrArchivedPollTakesNoVotesAndItsCountsStay() throws {
        let (f, riders) = try fixture()
        let poll = try choicePoll(f)
        try f.community.vote(by: riders[0], poll: poll.id, ballot: .choices([1]))
        try f.community.moderateThread(by: f.moderator, thread: poll.id, action: .lock, reason: "heated")
        #expect(try f.community.poll(poll.id, viewer: riders[1]).stateText == "locked by a moderator: takes no votes", "not 'open'")
        for voter in [riders[0], riders[1], f.moderator] {
            try f.expectRefusal(.notPermitted("the poll is locked: it takes no votes until a moderator unlocks it")) {
                try f.community.vote(by: voter, poll: poll.id, ballot: .choices([2]))
            }
        }
        try f.community.moderateThread(by: f.moderator, thread: poll.id, action: .unlock, reason: "calmer")
        try f.community.vote(by: riders[1], poll: poll.id, ballot: .choices([2]))
        try f.community.moderateThread(by: f.moderator, thread: poll.id, action: .archive, reason: "old")
        try f.expectRefusal(.notPermitted("the poll is archived: it can be read but takes no votes")) {
            try f.community.vote(by: riders[2], poll: poll.id, ballot: .choices([3]))
        }
        let result = try f.community.poll(poll.id, viewer: f.manager)
        #expect(result.stateText == "archived by a moderator: takes no votes")
        #expect(result.voterCount == 2 && result.options.map(\.chosen) == [1, 1, 0])
        try countsMatchAnswers(f, poll: poll.id)
    }

    @Test func aClosedPollRefusesVotesAndSaysWhen() throws {
        let (f, riders) = try fixture()
        let poll = try choicePoll(f, closesAt: f.clock.now + 3600)
        try f.community.vote(by: riders[0], poll: poll.id, ballot: .choices([1]))
        let closesAt = f.clock.now + 3600
        f.clock.advance(by: 7200)
        try f.expectRefusal(.invalid(PollRules.closedLine(closesAt))) {
            try f.community.vote(by: riders[0], poll: poll.id, ballot: .choices([2]))
        }
        // Closed early by a manager: the same one line, with the time it closed.
        let early = try choicePoll(f)
        let closed = try f.community.closePoll(by: f.manager, poll: early.id)
        #expect(closed.isClosed && closed.closedAt == f.clock.now)
        try f.expectRefusal(.invalid(PollRules.closedLine(f.clock.now))) {
            try f.community.vote(by: riders[1], poll: early.id, ballot: .choices([1]))
        }
        try f.expectRefusal(.invalid("poll #\(early.id) already closed at \(TimeText.describe(f.clock.now))")) {
            try f.community.closePoll(by: f.admin, poll: early.id)
        }
    }

    @Test func resultsHideUntilTheVoteOrTheClose() throws {
        let (f, riders) = try fixture()
        let afterVote = try choicePoll(f)
        try f.community.vote(by: riders[0], poll: afterVote.id, ballot: .choices([1]))
        let before = try f.community.poll(afterVote.id, viewer: riders[1])
        #expect(!before.resultsVisible && before.options.allSatisfy { $0.chosen == nil } && before.resultLines.isEmpty)
        let mine = try f.community.vote(by: riders[1], poll: afterVote.id, ballot: .choices([2]))
        #expect(mine.resultsVisible && mine.options.map(\.chosen) == [1, 1, 0])

        let afterClose = try choicePoll(f, visibility: .afterClose)
        let voted = try f.community.vote(by: riders[0], poll: afterClose.id, ballot: .choices([1]))
        #expect(!voted.resultsVisible && voted.options.allSatisfy { $0.chosen == nil })
        #expect(try f.community.poll(afterClose.id, viewer: f.manager).resultsVisible, "managers read the reception as it comes")
        try f.community.closePoll(by: f.manager, poll: afterClose.id)
        #expect(try f.community.poll(afterClose.id, viewer: riders[2]).options.map(\.chosen) == [1, 0, 0])
    }

    @Test func badPollsAndBallotsWriteNothing() throws {
        let (f, riders) = try fixture()
        let poll = try choicePoll(f)
        let c = f.community
        try f.expectRefusal(.invalid("a poll takes 2 to 12 options; 1 given")) {
            try c.startPoll(by: f.manager, board: "furia", title: "T", intro: "i", question: .choice(options: ["only"], multiple: false))
        }
        try f.expectRefusal(.invalid("a poll takes 2 to 12 options; 13 given")) {
            try c.startPoll(by: f.manager, board: "furia", title: "T", intro: "i", question: .choice(options: (1...13).map { "o\($0)" }, multiple: false))
        }
        try f.expectRefusal(.invalid("the closing time \(TimeText.describe(f.clock.now - 60)) has passed: give a time ahead")) {
            try c.startPoll(by: f.manager, board: "furia", title: "T", intro: "i", question: .choice(options: ["a", "b"], multiple: false),
                            closesAt: f.clock.now - 60)
        }
        try f.expectRefusal(.notFound("furia has no feature 'wheels'")) {
            try c.startPoll(by: f.manager, board: "furia", title: "T", intro: "i", question: .features(product: "furia", features: ["seat", "wheels"]))
        }
        try f.expectRefusal(.notPermitted("only managers and admins can start polls; marco is a member")) {
            try c.startPoll(by: f.member, board: "furia", title: "T", intro: "i", question: .choice(options: ["a", "b"], multiple: false))
        }
        try f.expectRefusal(.invalid("this poll takes one choice; 2 given")) { try c.vote(by: riders[0], poll: poll.id, ballot: .choices([1, 2])) }
        try f.expectRefusal(.invalid("there is no option 9: the poll has 3 (1–3)")) { try c.vote(by: riders[0], poll: poll.id, ballot: .choices([9])) }
        try f.expectRefusal(.notFound("no poll #\(poll.id + 100)")) { try c.vote(by: riders[0], poll: poll.id + 100, ballot: .choices([1])) }
        // A poll a moderator hid is no poll to members.
        try c.moderateThread(by: f.admin, thread: poll.id, action: .hide, reason: "r")
        try f.expectRefusal(.notFound("no poll #\(poll.id)")) { try c.vote(by: riders[0], poll: poll.id, ballot: .choices([1])) }
        #expect(throws: CommunityError.notFound("no poll #\(poll.id)")) { try c.poll(poll.id, viewer: riders[0]) }
    }

    @Test func checkFindsACountThatDriftedFromTheVotes() throws {
        let (f, riders) = try fixture()
        let poll = try choicePoll(f)
        try f.community.vote(by: riders[0], poll: poll.id, ballot: .choices([2]))
        #expect(try Integrity.problems(in: f.community.database).isEmpty)
        try f.community.database.writer.write { db in
            try db.execute(sql: "UPDATE pollOption SET chosenCount = 5 WHERE threadId = ? AND number = 2", arguments: [poll.id])
        }
        #expect(try Integrity.problems(in: f.community.database) == ["poll \(poll.id): option 2 counts 5/0/0/0 but the answers say 1/0/0/0"])
    }

    @Test func aSuggestionBoardTakesNoPolls() throws {
        let (f, _) = try fixture()
        try f.community.addBoard(by: f.admin, slug: "ideas", title: "Ideas", threadKind: .suggestion)
        try f.expectRefusal(.invalid("the board 'ideas' takes suggestions only: start the poll in another board")) {
            try f.community.startPoll(by: f.manager, board: "ideas", title: "T", intro: "i", question: .choice(options: ["a", "b"], multiple: false))
        }
    }

    @Test func theThreadTableTakesPollsAndStillRefusesOtherKinds() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "T", body: "b")
        #expect(throws: (any Error).self) {
            try f.community.database.writer.write { db in
                try db.execute(sql: "UPDATE thread SET kind = 'survey' WHERE id = ?", arguments: [thread.id])
            }
        }
        let check = try f.community.database.writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        #expect(check == ["ok"])
    }
}

/// Comments on a feature poll: who reads them, in what order, how many.
@Suite struct PollCommentTests {
    @Test func managersAndTheAuthorReadTheLatestCommentsMembersNone() throws {
        let f = try Fixture()
        let c = f.community
        try c.addProduct(by: f.admin, slug: "furia", name: "Furia 950")
        try c.addFeature(by: f.admin, product: "furia", slug: "seat", name: "Seat")
        let poll = try c.startPoll(by: f.manager, board: "furia", title: "Next Furia", intro: "i",
                                   question: .features(product: "furia", features: ["seat"]))
        let giulia = f.other
        try c.vote(by: f.member, poll: poll.id, ballot: .opinions([1: FeatureAnswer(.dislike, comment: "too tall")]))
        f.clock.advance(by: 60)
        try c.vote(by: giulia, poll: poll.id, ballot: .opinions([1: FeatureAnswer(.like, comment: "just right")]))
        f.clock.advance(by: 60)
        // Changing the opinion with the same comment keeps its time: it does not become the latest.
        try c.vote(by: f.member, poll: poll.id, ballot: .opinions([1: FeatureAnswer(.neutral, comment: "too tall")]))

        let read = try #require(try c.poll(poll.id, viewer: f.manager, comments: 5).comments)
        #expect(read.map(\.comment) == ["just right", "too tall"] && read.map(\.opinion) == [.like, .neutral])
        #expect(try c.poll(poll.id, viewer: f.manager, comments: 1).comments?.map(\.handle) == ["giulia"], "the limit holds per feature")
        #expect(try c.poll(poll.id, viewer: f.manager).comments == nil, "none unless asked for")
        #expect(try c.poll(poll.id, viewer: f.member, comments: 5).comments == nil, "a member reads only their own, in mine")
        #expect(try c.poll(poll.id, viewer: f.member, comments: 5).mine.map(\.comment) == ["too tall"])
        // The author reads them even after being made a member.
        try c.setRole(by: f.admin, handle: f.manager.handle, role: .member)
        #expect(try c.poll(poll.id, viewer: try c.actor(handle: f.manager.handle), comments: 5).comments?.count == 2)
    }
}
