import Foundation
import Testing
@testable import PaddockCore

@Suite struct PollRulesTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)
    let manager = Actor(id: 1, handle: "elena", role: .manager)
    let member = Actor(id: 2, handle: "marco", role: .member)

    @Test func onlyManagersStartAndClosePolls() throws {
        try Rules.startPoll(by: manager, now: now)
        try Rules.closePoll(by: manager, now: now)
        #expect(throws: CommunityError.notPermitted("only managers and admins can start polls; marco is a member")) {
            try Rules.startPoll(by: member, now: now)
        }
        #expect(throws: CommunityError.self) { try Rules.closePoll(by: Actor(id: 3, handle: "mod", role: .moderator), now: now) }
    }

    @Test func aSilencedMemberVotesASuspendedOneDoesNot() throws {
        try Rules.vote(by: Actor(id: 2, handle: "marco", role: .member, standing: .silenced(until: now + 60)), now: now)
        // A silenced member votes (a click) but may not comment: the comment is text others read.
        let silenced = Actor(id: 2, handle: "marco", role: .member, standing: .silenced(until: now + 60))
        try Rules.vote(by: silenced, now: now, ballot: .opinions([1: FeatureAnswer(.like)]))
        #expect(throws: CommunityError.notPermitted("marco is silenced until \(TimeText.describe(now + 60)) and cannot post until then")) {
            try Rules.vote(by: silenced, now: now, ballot: .opinions([1: FeatureAnswer(.like, comment: "too soft")]))
        }
        #expect(throws: CommunityError.self) {
            try Rules.vote(by: Actor(id: 2, handle: "marco", role: .member, standing: .suspended(until: now + 60)), now: now)
        }
    }

    @Test func aChoicePollTakesTwoToTwelveDistinctOptions() throws {
        #expect(try PollRules.options([" Red ", "Black"]) == ["Red", "Black"])
        #expect(throws: CommunityError.invalid("a poll takes 2 to 12 options; 1 given")) { try PollRules.options(["Red"]) }
        #expect(throws: CommunityError.invalid("a poll takes 2 to 12 options; 13 given")) { try PollRules.options((1...13).map { "o\($0)" }) }
        #expect(throws: CommunityError.invalid("the option 'red' is given twice")) { try PollRules.options(["Red", "red"]) }
        #expect(throws: CommunityError.self) { try PollRules.options(["Red", "\u{200B}"]) }
        #expect(throws: CommunityError.invalid("the option 'a' is given twice")) { try PollRules.options(["a\u{200B}", "a"]) }
        #expect(throws: CommunityError.self) { try PollRules.options(["Dark  red", "dark red\u{2060}"]) }
        #expect(throws: CommunityError.self) { try PollRules.options(["Red", String(repeating: "x", count: 81)]) }
    }

    @Test func aClosingTimeMustLieAhead() throws {
        try PollRules.closingTime(nil, now: now)
        try PollRules.closingTime(now + 1, now: now)
        #expect(throws: CommunityError.self) { try PollRules.closingTime(now, now: now) }
        #expect(throws: CommunityError.self) { try PollRules.closingTime(now - 86_400, now: now) }
    }

    @Test func aPollClosesEarlyOrAtItsTimeAndSaysWhenInOneLine() throws {
        #expect(PollRules.closedAt(closesAt: nil, closedAt: nil, now: now) == nil)
        #expect(PollRules.closedAt(closesAt: now + 10, closedAt: nil, now: now) == nil)
        #expect(PollRules.closedAt(closesAt: now - 10, closedAt: nil, now: now) == now - 10)
        #expect(PollRules.closedAt(closesAt: now + 10, closedAt: now - 5, now: now) == now - 5)
        let refusal = #expect(throws: CommunityError.self) { try PollRules.requireOpen(closesAt: now - 60, closedAt: nil, now: now) }
        #expect(refusal?.description == "the poll closed at \(TimeText.describe(now - 60)): it takes no more votes")
        #expect(refusal?.description.contains("\n") == false)
    }

    @Test func aBallotMustFitItsPoll() throws {
        _ = try PollRules.check(.choices([2]), kind: .single, optionCount: 3)
        _ = try PollRules.check(.choices([1, 3]), kind: .multiple, optionCount: 3)
        #expect(throws: CommunityError.invalid("this poll takes one choice; 2 given")) {
            try PollRules.check(.choices([1, 2]), kind: .single, optionCount: 3)
        }
        #expect(throws: CommunityError.invalid("there is no option 4: the poll has 3 (1–3)")) {
            try PollRules.check(.choices([4]), kind: .multiple, optionCount: 3)
        }
        #expect(throws: CommunityError.invalid("choose an option")) { try PollRules.check(.choices([]), kind: .single, optionCount: 3) }
        #expect(throws: CommunityError.self) { try PollRules.check(.opinions([1: FeatureAnswer(.like)]), kind: .single, optionCount: 3) }
        #expect(throws: CommunityError.self) { try PollRules.check(.choices([1]), kind: .features, optionCount: 3) }
        let trimmed = try PollRules.check(.opinions([1: FeatureAnswer(.dislike, comment: "  too tall  ")]), kind: .features, optionCount: 2)
        #expect(trimmed == .opinions([1: FeatureAnswer(.dislike, comment: "too tall")]))
        #expect(throws: CommunityError.self) {
            try PollRules.check(.opinions([1: FeatureAnswer(.like, comment: String(repeating: "x", count: 141))]), kind: .features, optionCount: 2)
        }
        #expect(throws: CommunityError.self) { try PollRules.check(.opinions([1: FeatureAnswer(.like, comment: "a\nb")]), kind: .features, optionCount: 2) }
    }

    @Test func resultsShowAfterTheVoteOrTheCloseAndAlwaysToStaff() {
        #expect(!PollRules.resultsVisible(.afterVote, role: .member, voted: false, closed: false))
        #expect(PollRules.resultsVisible(.afterVote, role: .member, voted: true, closed: false))
        #expect(!PollRules.resultsVisible(.afterClose, role: .member, voted: true, closed: false))
        #expect(PollRules.resultsVisible(.afterClose, role: .member, voted: false, closed: true))
        #expect(!PollRules.resultsVisible(.afterClose, role: .moderator, voted: true, closed: false))
        #expect(PollRules.resultsVisible(.afterClose, role: .manager, voted: false, closed: false))
        #expect(PollRules.resultsVisible(.afterClose, role: .member, voted: false, closed: false, isAuthor: true), "a demoted author")
    }

    @Test func sharesAndPercentages() {
        #expect(PollRules.percentText(1, of: 3) == "33%")
        #expect(PollRules.percentText(0, of: 0) == "0%")
        #expect(PollRules.share(5, of: 0) == 0)
        #expect(FeatureOpinion.like.next == .neutral && FeatureOpinion.dislike.next == nil)
    }
}
