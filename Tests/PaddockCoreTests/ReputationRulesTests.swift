import Foundation
import Testing
@testable import PaddockCore

@Suite struct ReputationRulesTests {
    let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    @Test func aMilestoneEarnsTheAuthorAndEveryOtherSupporterOnce() {
        let awards = ReputationRules.milestones(1, author: 1, supporters: [1, 2, 3, 2])
        #expect(awards == [.init(member: 1, event: .milestoneReached), .init(member: 2, event: .milestoneCarried),
                           .init(member: 3, event: .milestoneCarried)])
        #expect(ReputationRules.milestones(0, author: 1, supporters: [2]).isEmpty)
        #expect(ReputationRules.milestones(2, author: 1, supporters: [1]).map(\.points) == [10, 10])
    }

    @Test func nobodyEarnsFromAnsweringTheirOwnSuggestion() {
        #expect(ReputationRules.officialResponse(author: 4, responder: 4).isEmpty)
        #expect(ReputationRules.officialResponse(author: 4, responder: 5) == [.init(member: 4, event: .officialResponse)])
    }

    @Test func coCreatorsAreTheAuthorAndWhoeverSupportedAtOrBeforeItWasPlanned() {
        let planned = t0 + 100
        let creators = CoCreators.coCreators(author: 1, supporters: [(1, t0), (2, t0 + 10), (3, planned), (4, planned + 1)], plannedAt: planned)
        #expect(creators == [CoCreator(member: 1, isAuthor: true), CoCreator(member: 2, isAuthor: false), CoCreator(member: 3, isAuthor: false)])
        #expect(ReputationRules.shipped(creators, by: 9).map(\.event) == [.shipped, .coCreated, .coCreated])
        // Whoever ships it earns nothing from that change.
        #expect(ReputationRules.shipped(creators, by: 2).map(\.member) == [1, 3])
        #expect(CoCreators.creditLine(title: "Heated grips as standard", product: "Furia MY2027")
                == "co-created: Heated grips as standard, Furia MY2027")
    }

    @Test func theWindowIsWholeUTCDays() throws {
        let noon = Date(timeIntervalSince1970: 20_000 * 86_400 + 43_200)
        #expect(Leaderboard.windowStart(now: noon, days: 1) == Date(timeIntervalSince1970: 20_000 * 86_400))
        #expect(Leaderboard.windowStart(now: noon, days: 90) == Date(timeIntervalSince1970: 19_911 * 86_400))
        #expect(throws: CommunityError.self) { try Leaderboard.days(0) }
        #expect(try Leaderboard.days(90) == 90)
    }

    @Test func helpfulIsTheThreadAuthorsToGiveAndNeverToThemselves() {
        let author = Actor(id: 1, handle: "marco", role: .member)
        #expect(throws: Never.self) { try Rules.markHelpful(by: author, threadAuthorID: 1, postAuthorID: 2, now: t0) }
        #expect(throws: CommunityError.invalid("you cannot mark your own post helpful")) {
            try Rules.markHelpful(by: author, threadAuthorID: 1, postAuthorID: 1, now: t0)
        }
        let admin = Actor(id: 9, handle: "ada", role: .admin)
        #expect(throws: CommunityError.self) { try Rules.markHelpful(by: admin, threadAuthorID: 1, postAuthorID: 2, now: t0) }
        #expect(ReputationRules.points(.helpful) + ReputationRules.points(.helpfulTakenBack) == 0)
    }
}
