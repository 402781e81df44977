import Foundation
import Testing
@testable import PaddockCore

@Suite struct LifecycleTests {
    typealias S = SuggestionStatus

    /// The whole table: every (from, to) pair a manager might ask for.
    static let allowed: [S: Set<S>] = [
        .new: [.underReview, .planned, .declined],
        .underReview: [.planned, .declined],
        .planned: [.inProgress, .shipped, .declined],
        .inProgress: [.planned, .shipped, .declined],
        .declined: [.underReview],
        .shipped: [], .duplicate: [], .expired: [],
    ]

    @Test(arguments: S.allCases) func everyManualTransitionFrom(_ from: S) throws {
        for to in S.allCases {
            let ok = Self.allowed[from]!.contains(to)
            if ok {
                #expect(throws: Never.self, "\(from) → \(to)") { try SuggestionLifecycle.checkManual(from: from, to: to) }
            } else {
                #expect(throws: CommunityError.self, "\(from) → \(to)") { try SuggestionLifecycle.checkManual(from: from, to: to) }
            }
        }
        #expect(Set(SuggestionLifecycle.manualTargets(from: from)) == Self.allowed[from]!)
    }

    @Test func aRefusalNamesTheAllowedOnes() {
        #expect(throws: CommunityError.invalid("a suggestion cannot move from planned to new: from planned it can move to in progress, shipped, declined (only the milestones set new and expired)")) {
            try SuggestionLifecycle.checkManual(from: .planned, to: .new)
        }
        #expect(throws: CommunityError.invalid("a suggestion cannot move from expired to planned: a expired suggestion is closed and its status can no longer change")) {
            try SuggestionLifecycle.checkManual(from: .expired, to: .planned)
        }
        #expect(throws: CommunityError.invalid("the suggestion is already planned")) {
            try SuggestionLifecycle.checkManual(from: .planned, to: .planned)
        }
    }

    @Test func openAndClosed() {
        #expect(S.open == [.new, .underReview, .planned, .inProgress])
        #expect(S.allCases.filter { !$0.isOpen } == [.shipped, .declined, .duplicate, .expired])
        #expect(S.underReview.label == "under review")
    }

    @Test func onlyManagersMoveOrMerge() throws {
        for role in Role.allCases {
            let actor = Actor(id: 1, handle: "x", role: role)
            if role >= .manager {
                try Rules.changeSuggestionStatus(by: actor)
                try Rules.mergeSuggestions(by: actor)
            } else {
                #expect(throws: CommunityError.self) { try Rules.changeSuggestionStatus(by: actor) }
                #expect(throws: CommunityError.self) { try Rules.mergeSuggestions(by: actor) }
            }
        }
    }

    @Test func aResponseMustSaySomething() throws {
        #expect(throws: CommunityError.self) { try Validate.response("  \n ") }
        #expect(try Validate.response("Planned for MY2027.") == "Planned for MY2027.")
    }

    @Test func featuresAreOneToFive() throws {
        #expect(try Validate.featureSlugs(["seat", "SEAT", "dash"]) == ["seat", "dash"])
        #expect(throws: CommunityError.self) { try Validate.featureSlugs([]) }
        #expect(throws: CommunityError.self) { try Validate.featureSlugs(["a", "b", "c", "d", "e", "f"]) }
    }
}

@Suite struct MilestoneTests {
    let posted = Date(timeIntervalSince1970: 1_780_000_000)
    let plan = MilestonePlan.standard
    let day: TimeInterval = 86_400

    func state(_ supporters: Int, index: Int = 0, deadline: Date? = nil) -> MilestoneState {
        MilestoneState(status: .new, supporters: supporters, index: index,
                       deadline: deadline ?? plan.firstDeadline(postedAt: posted), changedAt: posted)
    }

    @Test func defaultsAndSettingForm() throws {
        #expect(plan.setting == "10/30,50/90,100/180")
        #expect(try MilestonePlan(setting: "10/30, 50/90,100/180") == plan)
        #expect(throws: CommunityError.self) { try MilestonePlan(setting: "10/30,5/90") }
        #expect(throws: CommunityError.self) { try MilestonePlan(setting: "ten/30") }
        #expect(throws: CommunityError.self) { try MilestonePlan(setting: "") }
        #expect(plan.firstDeadline(postedAt: posted) == posted + 30 * day)
    }

    @Test func theDayBeforeTheDeadlineNothingHappens() {
        let s = plan.apply(state(9), now: posted + 29 * day)
        #expect(s.status == .new)
        #expect(s.index == 0)
    }

    @Test func onTheDeadlineItselfReachingStillCounts() {
        let deadline = posted + 30 * day
        let missed = plan.apply(state(9), now: deadline)
        #expect(missed.status == .new, "the deadline instant is still in time")
        let reached = plan.apply(state(10), now: deadline)
        #expect(reached.index == 1)
        #expect(reached.deadline == deadline + 90 * day, "the next milestone's days add to the deadline")
    }

    @Test func theDayAfterTheDeadlineItExpires() {
        let deadline = posted + 30 * day
        let s = plan.apply(state(9), now: deadline + day)
        #expect(s.status == .expired)
        #expect(s.changedAt == deadline, "it expired at its deadline, whenever that is noticed")
        // A second later is already too late.
        #expect(plan.apply(state(9), now: deadline + 1).status == .expired)
    }

    @Test func laterMilestonesHaveTheirOwnBoundaries() {
        let second = posted + 120 * day
        let at = state(49, index: 1, deadline: second)
        #expect(plan.apply(at, now: second - day).status == .new)
        #expect(plan.apply(at, now: second).status == .new)
        #expect(plan.apply(at, now: second + day).status == .expired)
        #expect(plan.apply(state(50, index: 1, deadline: second), now: second).deadline == second + 180 * day)
    }

    @Test func reachingTheLastGoesToReview() {
        let third = posted + 300 * day
        let s = plan.apply(state(100, index: 2, deadline: third), now: third)
        #expect(s.status == .underReview)
        #expect(s.deadline == nil)
        // Many milestones at once: 100 supporters on day one passes them all.
        #expect(plan.apply(state(100), now: posted + day).status == .underReview)
    }

    @Test func onlyNewSuggestionsMove() {
        var s = state(0)
        s.status = .planned
        #expect(plan.apply(s, now: posted + 1000 * day) == s)
    }

    @Test func progressReadsLikeTheScreen() {
        let p = plan.progress(state(37, index: 1, deadline: posted + 41 * day), now: posted)!
        #expect(p.description == "37/50 supporters · 41 days left")
        #expect(p.fraction == 0.74)
        let almost = plan.progress(state(3), now: posted + 29.5 * day)!
        #expect(almost.description == "3/10 supporters · 1 day left")
    }
}

@Suite struct SearchQueryTests {
    @Test func wordsAreQuotedAndJoined() {
        #expect(SearchQuery.fts("Bigger font on the TFT") == "\"bigger\" OR \"font\" OR \"tft\"*")
        #expect(SearchQuery.fts("seat, please!") == "\"seat\" OR \"please\"")
    }

    @Test func hostileTextNeverBecomesSyntax() {
        for text in ["\"", "a AND", "NEAR(x y)", "col:value", "*", "-x ^y", "(((", "OR OR OR", "\u{0}\u{1b}[31m", "😀🏍"] {
            if let q = SearchQuery.fts(text) {
                // Every term is a quoted string, optionally a prefix: no operator survives.
                for term in q.components(separatedBy: " OR ") {
                    #expect(term.hasPrefix("\"") && (term.hasSuffix("\"") || term.hasSuffix("\"*")), "\(text) → \(q)")
                }
            }
        }
        #expect(SearchQuery.fts("the and of") == nil)
        #expect(SearchQuery.fts("   ") == nil)
    }

    @Test func accentsAndScriptsStayWords() {
        #expect(SearchQuery.words("Così perché 大きい文字") == ["così", "perché", "大きい文字"])
    }
}

@Suite struct SupportRulesTests {
    @Test func anAuthorMaySupportButNeverWithdrawTheirOwnSupport() throws {
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        let author = Actor(id: 3, handle: "giulia", role: .member)
        let other = Actor(id: 4, handle: "marco", role: .member)
        #expect(throws: CommunityError.invalid("an author always supports their own suggestion")) {
            try Rules.withdrawSupport(by: author, authorID: 3, now: now)
        }
        try Rules.withdrawSupport(by: other, authorID: 3, now: now)
        let suspended = Actor(id: 4, handle: "marco", role: .member, standing: .suspended(until: now + 60))
        #expect(throws: CommunityError.self) { try Rules.withdrawSupport(by: suspended, authorID: 3, now: now) }
    }

    @Test func aSettledSuggestionTakesNoSupportAndSaysWhereToGo() {
        #expect(throws: CommunityError.invalid("suggestion #5 was merged into #2: support that one instead")) {
            try SuggestionLifecycle.requireOpen(5, .duplicate, duplicateOf: 2, doing: "supported")
        }
        #expect(throws: CommunityError.invalid("suggestion #5 is shipped and can no longer be withdrawn from")) {
            try SuggestionLifecycle.requireOpen(5, .shipped, duplicateOf: nil, doing: "withdrawn from")
        }
        #expect(throws: Never.self) { try SuggestionLifecycle.requireOpen(5, .planned, duplicateOf: nil, doing: "supported") }
    }
}
