import Foundation
import GRDB
import Testing
@testable import PaddockCore
@testable import PaddockStore

/// A fixture with a catalog, a suggestion board and a crowd of members.
struct CoCreation {
    let f: Fixture
    var community: Community { f.community }
    let day: TimeInterval = 86_400

    init(milestones: String? = nil) throws {
        f = try Fixture()
        try f.community.addBoard(by: f.admin, slug: "ideas", title: "Ideas Lab", threadKind: .suggestion)
        try f.community.addProduct(by: f.manager, slug: "furia", name: "Furia 950")
        for feature in ["seat", "dash", "exhaust", "modes", "lights", "brakes"] {
            try f.community.addFeature(by: f.manager, product: "furia", slug: feature, name: feature.capitalized)
        }
        try f.community.addProduct(by: f.manager, slug: "vento", name: "Vento 660")
        try f.community.addFeature(by: f.manager, product: "vento", slug: "seat", name: "Seat")
        if let milestones {
            try f.community.setMilestones(by: f.admin, try MilestonePlan(setting: milestones))
        }
    }

    /// Members rider1…riderN.
    func crowd(_ n: Int, from start: Int = 1) throws -> [Actor] {
        try (start..<(start + n)).map { i in
            let handle = "rider\(i)"
            if let existing = try? community.actor(handle: handle) { return existing }
            return try community.actor(handle: community.addMember(by: f.admin, handle: handle).handle)
        }
    }

    @discardableResult
    func suggest(_ title: String, by actor: Actor? = nil, body: String = "Details follow.", features: [String] = ["seat"],
                 product: String = "furia") throws -> SuggestionSummary {
        try community.suggest(by: actor ?? f.member, product: product, features: features, title: title, body: body)
    }

    func notifications(_ actor: Actor) throws -> [(kind: String, thread: Int64?, text: String)] {
        try community.database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, threadId, text FROM notification WHERE memberId = ? ORDER BY id", arguments: [actor.id])
                .map { ($0[0], $0[1], $0[2]) }
        }
    }

    func status(_ id: Int64) throws -> SuggestionStatus { try community.suggestion(id).suggestion.status }
}

@Suite struct SuggestTests {
    @Test func theAuthorIsTheFirstSupporter() throws {
        let c = try CoCreation()
        let s = try c.suggest("A lower seat", features: ["seat", "dash", "SEAT"])
        #expect(s.status == .new)
        #expect(s.supporterCount == 1)
        #expect(s.features.map(\.slug) == ["dash", "seat"])
        #expect(s.milestone?.description == "1/10 supporters · 30 days left")
        let supporters = try c.community.supporters(of: s.id)
        #expect(supporters.supporters.map(\.handle) == ["marco"])
        let detail = try c.community.suggestion(s.id, viewer: c.f.member)
        #expect(detail.viewerSupports == true)
        #expect(detail.boardSlug == "ideas")
        #expect(detail.body == "Details follow.")
        // It is a thread of kind suggestion, readable as any thread.
        #expect(try c.community.thread(s.id).thread.kind == .suggestion)
    }

    /// A suggestion's page shows its opening post as the thread does: once a
    /// moderator hides it, members read why, not the text; moderators read both.
    @Test func aHiddenOpeningPostIsNotShownToMembers() throws {
        let c = try CoCreation()
        let s = try c.suggest("Heated grips", body: "Secret rant with a phone number.")
        let opening = try c.community.thread(s.id).posts[0].id
        try c.community.moderatePost(by: c.f.moderator, post: opening, action: .hide, reason: "personal details")
        let member = try c.community.suggestion(s.id, viewer: c.f.member)
        #expect(member.body == "[hidden by a moderator: personal details]")
        #expect(try c.community.suggestion(s.id).body == "[hidden by a moderator: personal details]")
        let moderator = try c.community.suggestion(s.id, viewer: c.f.moderator)
        #expect(moderator.body == "[hidden by a moderator: personal details]\nSecret rant with a phone number.")
    }

    @Test func badTagsAndBoardsAreRefusedAndWriteNothing() throws {
        let c = try CoCreation()
        try c.f.expectRefusal(.notFound("furia has no feature 'wheels'")) { try c.suggest("x", features: ["wheels"]) }
        try c.f.expectRefusal(.notFound("no product 'nope'")) { try c.suggest("x", product: "nope") }
        try c.f.expectRefusal(.invalid("tag a suggestion with 1 to 5 features of its product; 6 given")) {
            try c.suggest("x", features: ["seat", "dash", "exhaust", "modes", "lights", "brakes"])
        }
        try c.f.expectRefusal(.invalid("the board 'furia' is not for suggestions")) {
            try c.community.suggest(by: c.f.member, product: "furia", features: ["seat"], title: "x", body: "y", board: "furia")
        }
        try c.f.expectRefusal(.invalid("the board 'ideas' takes suggestions: post one tagged to a product's features")) {
            try c.community.startThread(by: c.f.member, board: "ideas", title: "x", body: "y")
        }
        try c.f.expectRefusal(.invalid("the title is empty")) { try c.suggest("  ") }
    }

    @Test func aRetiredFeatureKeepsItsSuggestionsButTakesNoNewOnes() throws {
        let c = try CoCreation()
        let old = try c.suggest("Gel seat", features: ["seat", "dash"])
        try c.f.expectRefusal(.notPermitted("only managers and admins can change the product catalog")) {
            try c.community.retireFeature(by: c.f.member, product: "furia", feature: "seat")
        }
        let retired = try c.community.retireFeature(by: c.f.manager, product: "furia", feature: "seat")
        #expect(retired.retiredAt != nil)
        try c.f.expectRefusal(.invalid("the feature 'seat' of furia is retired and takes no new suggestions")) { try c.suggest("Another seat") }
        let kept = try c.community.suggestion(old.id).suggestion
        #expect(kept.features.map(\.slug) == ["dash", "seat"])
        #expect(kept.features.first { $0.slug == "seat" }?.retired == true)
        #expect(try c.community.suggestions(product: "furia", feature: "seat").suggestions.map(\.id) == [old.id])
        let edited = try c.community.editFeature(by: c.f.manager, product: "furia", feature: "dash", name: "TFT dash")
        #expect(edited.name == "TFT dash")
        #expect(try c.community.editProduct(by: c.f.manager, product: "furia", description: "The supermoto.").description == "The supermoto.")
        try c.community.retireProduct(by: c.f.manager, product: "vento")
        try c.f.expectRefusal(.invalid("the product 'vento' is retired and takes no new suggestions")) { try c.suggest("x", product: "vento") }
    }
}

@Suite struct SupportTests {
    @Test func oneSupportPerMemberKeptInTheRow() throws {
        let c = try CoCreation()
        let s = try c.suggest("Bar-style rev counter")
        #expect(try c.community.support(by: c.f.other, suggestion: s.id).supporterCount == 2)
        try c.f.expectRefusal(.invalid("giulia already supports suggestion #\(s.id)")) { try c.community.support(by: c.f.other, suggestion: s.id) }
        #expect(try c.community.withdrawSupport(by: c.f.other, suggestion: s.id).supporterCount == 1)
        try c.f.expectRefusal(.invalid("giulia does not support suggestion #\(s.id)")) { try c.community.withdrawSupport(by: c.f.other, suggestion: s.id) }
        try c.f.expectRefusal(.invalid("an author always supports their own suggestion")) { try c.community.withdrawSupport(by: c.f.member, suggestion: s.id) }
        try c.f.expectRefusal(.notFound("no suggestion #999")) { try c.community.support(by: c.f.other, suggestion: 999) }
    }

    @Test func supportersPageByKeyset() throws {
        let c = try CoCreation()
        let s = try c.suggest("Heated grips as standard")
        for rider in try c.crowd(7) {
            c.f.clock.advance(by: 60)
            try c.community.support(by: rider, suggestion: s.id)
        }
        var handles: [String] = []
        var cursor: SuggestionCursor?
        repeat {
            let page = try c.community.supporters(of: s.id, after: cursor, limit: 3)
            #expect(page.supporterCount == 8)
            handles += page.supporters.map(\.handle)
            cursor = page.next
        } while cursor != nil
        #expect(handles == ["marco"] + (1...7).map { "rider\($0)" })
    }
}

@Suite struct MilestoneStoreTests {
    @Test func eachMilestonePassedThenReview() throws {
        let c = try CoCreation(milestones: "3/30,5/90,6/180")
        let s = try c.suggest("Quickshifter on the base model")
        let riders = try c.crowd(5)
        try c.community.support(by: riders[0], suggestion: s.id)
        c.f.clock.advance(by: 29 * c.day)   // the day before the first deadline
        var now = try c.community.support(by: riders[1], suggestion: s.id)
        #expect(now.milestone?.description == "3/5 supporters · 91 days left")
        try c.community.support(by: riders[2], suggestion: s.id)
        now = try c.community.support(by: riders[3], suggestion: s.id)
        #expect(now.milestone?.description == "5/6 supporters · 271 days left")
        #expect(try c.community.reviewQueue(by: c.f.manager).suggestions.isEmpty)
        now = try c.community.support(by: riders[4], suggestion: s.id)
        #expect(now.status == .underReview)
        #expect(now.milestone == nil)
        #expect(try c.community.reviewQueue(by: c.f.manager).suggestions.map(\.id) == [s.id])
        #expect(try c.notifications(c.f.member).contains { $0.kind == "milestone" && $0.text.contains("reached 6 supporters") })
        try c.f.expectRefusal(.notPermitted("the review queue is for managers")) { _ = try c.community.reviewQueue(by: c.f.member) }
    }

    @Test func onTheDeadlineReachingCountsAndAfterItExpires() throws {
        let c = try CoCreation(milestones: "3/30,5/90")
        let onTime = try c.suggest("On time")
        let late = try c.suggest("Too late")
        let riders = try c.crowd(2)
        try c.community.support(by: riders[0], suggestion: onTime.id)
        try c.community.support(by: riders[0], suggestion: late.id)
        c.f.clock.advance(by: 30 * c.day)   // the deadline instant
        #expect(try c.status(late.id) == .new)
        #expect(try c.community.support(by: riders[1], suggestion: onTime.id).milestone?.target == 5)
        c.f.clock.advance(by: c.day)        // the day after
        #expect(try c.status(late.id) == .expired, "a read applies the deadline")
        #expect(try c.status(onTime.id) == .new)
        try c.f.expectRefusal(.invalid("suggestion #\(late.id) expired and is read-only; its author can resubmit it")) {
            try c.community.support(by: riders[1], suggestion: late.id)
        }
        #expect(throws: CommunityError.self) { try c.community.reply(by: c.f.other, thread: late.id, body: "Still want it") }
        #expect(try c.notifications(riders[0]).contains { $0.thread == late.id && $0.text.contains("expired with 2 of the 3") })
    }

    @Test func maintenanceExpiresWhatIsDueAndTheAuthorMayResubmit() throws {
        let c = try CoCreation()
        let s = try c.suggest("Tyre pressure sensors", body: "TPMS please.", features: ["dash", "brakes"])
        c.f.clock.advance(by: 31 * c.day)
        #expect(try c.community.maintenance().expired == [s.id])
        #expect(try c.community.maintenance().expired == [])
        try c.f.expectRefusal(.notPermitted("only its author can resubmit suggestion #\(s.id)")) {
            try c.community.resubmit(by: c.f.other, suggestion: s.id)
        }
        try c.f.expectRefusal(.invalid("a suggestion cannot move from expired to planned: a expired suggestion is closed and its status can no longer change")) {
            try c.community.changeStatus(by: c.f.manager, suggestion: s.id, to: .planned, response: "Let's do it")
        }
        let again = try c.community.resubmit(by: c.f.member, suggestion: s.id)
        #expect(again.resubmittedFromId == s.id)
        #expect(again.title == "Tyre pressure sensors")
        #expect(again.features.map(\.slug) == ["brakes", "dash"])
        #expect(again.milestone?.description == "1/10 supporters · 30 days left")
        #expect(try c.community.suggestion(s.id).resubmittedAs?.id == again.id)
        try c.f.expectRefusal(.invalid("suggestion #\(s.id) was already resubmitted as #\(again.id)")) {
            try c.community.resubmit(by: c.f.member, suggestion: s.id)
        }
    }
}

@Suite struct StatusChangeTests {
    @Test func onlyManagersWithAResponseAlongTheLifecycle() throws {
        let c = try CoCreation()
        let s = try c.suggest("Cornering lights")
        try c.f.expectRefusal(.notPermitted("only managers can change a suggestion's status; marco is a member")) {
            try c.community.changeStatus(by: c.f.member, suggestion: s.id, to: .planned, response: "yes")
        }
        try c.f.expectRefusal(.notPermitted("only managers can change a suggestion's status; mod is a moderator")) {
            try c.community.changeStatus(by: c.f.moderator, suggestion: s.id, to: .planned, response: "yes")
        }
        try c.f.expectRefusal(.invalid("a status change needs an official response: say why, for everyone who supported it")) {
            try c.community.changeStatus(by: c.f.manager, suggestion: s.id, to: .planned, response: " ")
        }
        try c.f.expectRefusal(.invalid("a suggestion cannot move from new to shipped: from new it can move to under review, planned, declined")) {
            try c.community.changeStatus(by: c.f.manager, suggestion: s.id, to: .shipped, response: "Done")
        }
    }

    @Test func aChangeAnswersInTheThreadAndTellsEveryone() throws {
        let c = try CoCreation()
        let s = try c.suggest("Cornering lights")
        let riders = try c.crowd(4)
        for r in riders { try c.community.support(by: r, suggestion: s.id) }
        let planned = try c.community.changeStatus(by: c.f.manager, suggestion: s.id, to: .planned, response: "Coming with MY2027.")
        #expect(planned.status == .planned)
        #expect(planned.statusNote == "Coming with MY2027.")
        #expect(planned.milestone == nil)
        try c.community.changeStatus(by: c.f.manager, suggestion: s.id, to: .shipped, response: "In dealers now.")
        let detail = try c.community.suggestion(s.id)
        #expect(detail.responses.map(\.toStatus) == [.planned, .shipped])
        #expect(detail.responses.map(\.body) == ["Coming with MY2027.", "In dealers now."])
        #expect(detail.responses.allSatisfy { $0.actorHandle == "elena" })
        #expect(detail.allowedStatuses.isEmpty)
        // The responses are posts in the thread.
        let thread = try c.community.thread(s.id)
        #expect(thread.posts.map(\.body).suffix(2) == ["Coming with MY2027.", "In dealers now."])
        #expect(Set(detail.responses.compactMap(\.postId)) == Set(thread.posts.suffix(2).map(\.id)))
        for member in [c.f.member] + riders {
            #expect(try c.notifications(member).filter { $0.kind == "status" }.count == 2, "\(member.handle)")
        }
        #expect(try c.notifications(c.f.manager).isEmpty)
        let log = try c.community.database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT reason FROM moderationLog WHERE targetKind = 'suggestion' AND targetId = ? ORDER BY id", arguments: [s.id])
        }
        #expect(log == ["new → planned", "planned → shipped"])
        try c.f.expectRefusal(.invalid("suggestion #\(s.id) is shipped and can no longer be supported")) {
            try c.community.support(by: c.f.other, suggestion: s.id)
        }
    }
}

@Suite struct MergeTests {
    @Test func supportersMoveOnceAndTheDuplicateLinksToItsRoot() throws {
        let c = try CoCreation()
        let riders = try c.crowd(4)
        let b = try c.suggest("Heated seat", by: riders[0])           // rider1
        let a = try c.suggest("Seat heating please", by: c.f.member)  // marco
        try c.community.support(by: riders[1], suggestion: b.id)
        try c.community.support(by: riders[1], suggestion: a.id)      // supports both
        try c.community.support(by: riders[2], suggestion: a.id)
        try c.community.support(by: riders[0], suggestion: a.id)      // B's author supports A too
        // A: marco, rider2, rider3, rider1 (4); B: rider1, rider2 (2). New to B: marco, rider3.
        let result = try c.community.merge(by: c.f.manager, duplicate: a.id, into: b.id, response: "Same idea: support it there.")
        #expect(result.movedSupporters == 2)
        #expect(result.into.supporterCount == 4)
        #expect(try c.community.supporters(of: b.id).supporters.count == 4)
        #expect(result.duplicate.status == .duplicate)
        #expect(result.duplicate.duplicateOfId == b.id)
        #expect(try c.notifications(riders[2]).contains { $0.thread == a.id && $0.text.contains("merged into #\(b.id)") })

        // Refusals: itself, a cycle, a closed target, a duplicate merged again.
        try c.f.expectRefusal(.invalid("a suggestion cannot be a duplicate of itself")) {
            try c.community.merge(by: c.f.manager, duplicate: b.id, into: b.id, response: "x")
        }
        try c.f.expectRefusal(.invalid("merging #\(b.id) into #\(a.id) would make a cycle: #\(a.id) is already a duplicate of #\(b.id)")) {
            try c.community.merge(by: c.f.manager, duplicate: b.id, into: a.id, response: "x")
        }
        try c.f.expectRefusal(.notPermitted("only managers can merge duplicate suggestions; marco is a member")) {
            try c.community.merge(by: c.f.member, duplicate: b.id, into: a.id, response: "x")
        }
        let c3 = try c.suggest("Warm seat for winter", by: riders[3])
        try c.f.expectRefusal(.invalid("suggestion #\(a.id) is duplicate: only an open suggestion can be merged into another")) {
            try c.community.merge(by: c.f.manager, duplicate: a.id, into: c3.id, response: "x")
        }
        // A duplicate of a duplicate resolves to its root.
        let merged = try c.community.merge(by: c.f.manager, duplicate: c3.id, into: a.id, response: "Also the same.")
        #expect(merged.into.id == b.id)
        #expect(merged.into.supporterCount == 5)
        let d = try c.suggest("Heated saddle", by: riders[2])
        try c.community.changeStatus(by: c.f.manager, suggestion: b.id, to: .declined, response: "Not this generation.")
        try c.f.expectRefusal(.invalid("suggestion #\(b.id) is declined: only an open suggestion can take duplicates")) {
            try c.community.merge(by: c.f.manager, duplicate: d.id, into: a.id, response: "x")
        }
        #expect(try c.community.suggestion(c3.id).duplicateRoot?.id == b.id)
    }

    @Test func aMergeCanCarryTheTargetToReview() throws {
        let c = try CoCreation(milestones: "3/30")
        let riders = try c.crowd(3)
        let b = try c.suggest("USB-C by the dash", by: riders[0])
        let a = try c.suggest("Phone charging at the bars", by: riders[1])
        try c.community.support(by: riders[2], suggestion: a.id)
        let result = try c.community.merge(by: c.f.manager, duplicate: a.id, into: b.id, response: "Merged.")
        #expect(result.into.supporterCount == 3)
        #expect(result.into.status == .underReview)
    }
}

@Suite struct SuggestionListTests {
    @Test func topNewestTrendingAndStatusPageByKeyset() throws {
        let c = try CoCreation()
        let riders = try c.crowd(6)
        var ids: [Int64] = []
        for i in 0..<6 {
            c.f.clock.advance(by: 3600)
            ids.append(try c.suggest("Idea \(i)", features: i % 2 == 0 ? ["seat"] : ["dash"]).id)
        }
        // Idea i gets i extra supporters, long ago; idea 0 gets 3 fresh ones.
        for i in 0..<6 { for r in riders.prefix(i) { try c.community.support(by: r, suggestion: ids[i]) } }
        c.f.clock.advance(by: 10 * c.day)
        for r in riders.suffix(3) { try c.community.support(by: r, suggestion: ids[0]) }
        func walk(_ order: SuggestionOrder, feature: String? = nil, filter: SuggestionFilter = .open) throws -> [Int64] {
            var out: [Int64] = []
            var cursor: SuggestionCursor?
            repeat {
                let page = try c.community.suggestions(product: "furia", feature: feature, order: order, filter: filter, after: cursor, limit: 2)
                out += page.suggestions.map(\.id)
                cursor = page.next
            } while cursor != nil
            return out
        }
        #expect(try walk(.top) == [ids[5], ids[4], ids[3], ids[0], ids[2], ids[1]], "ties: newest first")
        #expect(try walk(.new) == ids.reversed())
        #expect(try walk(.trending) == [ids[0]])
        #expect(try walk(.top, feature: "seat") == [ids[4], ids[0], ids[2]])
        #expect(try walk(.new, feature: "dash") == [ids[5], ids[3], ids[1]])
        try c.community.changeStatus(by: c.f.manager, suggestion: ids[4], to: .planned, response: "Yes.")
        try c.community.changeStatus(by: c.f.manager, suggestion: ids[2], to: .declined, response: "No.")
        #expect(try walk(.top, filter: .status(.planned)) == [ids[4]])
        #expect(try walk(.top, feature: "seat", filter: .open) == [ids[4], ids[0]])
        #expect(try walk(.top, feature: "seat", filter: .status(.declined)) == [ids[2]])
        #expect(try walk(.new, filter: .all).count == 6)
        let trending = try c.community.suggestions(product: "furia", order: .trending)
        #expect(trending.suggestions.first?.recentSupport == 3)
    }

    @Test func roadmapShowsWhatIsComingAndRecentlyShipped() throws {
        let c = try CoCreation()
        let review = try c.suggest("Review me")
        let plan = try c.suggest("Plan me")
        let build = try c.suggest("Build me")
        let old = try c.suggest("Shipped long ago")
        let recent = try c.suggest("Shipped lately")
        try c.community.changeStatus(by: c.f.manager, suggestion: review.id, to: .underReview, response: "Looking.")
        try c.community.changeStatus(by: c.f.manager, suggestion: plan.id, to: .planned, response: "Planned.")
        try c.community.changeStatus(by: c.f.manager, suggestion: build.id, to: .planned, response: "Planned.")
        try c.community.changeStatus(by: c.f.manager, suggestion: build.id, to: .inProgress, response: "Building.")
        try c.community.changeStatus(by: c.f.manager, suggestion: old.id, to: .planned, response: "Planned.")
        try c.community.changeStatus(by: c.f.manager, suggestion: old.id, to: .shipped, response: "Shipped.")
        try c.community.changeStatus(by: c.f.manager, suggestion: recent.id, to: .planned, response: "Planned.")
        c.f.clock.advance(by: 100 * c.day)
        try c.community.changeStatus(by: c.f.manager, suggestion: recent.id, to: .shipped, response: "Shipped.")
        let roadmap = try c.community.roadmap(product: "furia")
        #expect(roadmap.underReview.map(\.id) == [review.id])
        #expect(roadmap.planned.map(\.id) == [plan.id])
        #expect(roadmap.inProgress.map(\.id) == [build.id])
        #expect(roadmap.shipped.map(\.id) == [recent.id])
        #expect(roadmap.planned.first?.statusNote == "Planned.")
    }
}

@Suite struct SimilarTests {
    @Test func openMatchesRankedTitleFirst() throws {
        let c = try CoCreation()
        let heated = try c.suggest("Heated seat for winter", body: "Scandinavian riders want a longer season.")
        let lower = try c.suggest("Lower seat option", body: "For shorter riders; heated would be nice too.")
        _ = try c.suggest("Bigger font on the dash", body: "Glasses.")
        let closed = try c.suggest("Heated seat, again")
        try c.community.changeStatus(by: c.f.manager, suggestion: closed.id, to: .declined, response: "Covered elsewhere.")
        let found = try c.community.similarSuggestions(to: "heated seat")
        #expect(found.map(\.id) == [heated.id, lower.id])
        #expect(try c.community.similarSuggestions(to: "Perche cosi", product: "furia").isEmpty)
        let accented = try c.suggest("Perché così rumoroso lo scarico?", features: ["exhaust"])
        #expect(try c.community.similarSuggestions(to: "perche cosi").map(\.id) == [accented.id])
        // The prefix of the word being typed already matches.
        #expect(try c.community.similarSuggestions(to: "bi").isEmpty)
        #expect(try c.community.similarSuggestions(to: "big").count == 1)
        #expect(try c.community.similarSuggestions(to: "big ").isEmpty, "a finished word matches whole")
    }

    @Test func atMostFiveAndAnyTextIsSafe() throws {
        let c = try CoCreation()
        for i in 0..<8 { try c.suggest("Seat idea \(i)") }
        #expect(try c.community.similarSuggestions(to: "seat").count == 5)
        for text in HostileCorpus.strings + ["\"", "seat\" OR x:y", "NEAR(seat", "*", "-seat", "seat AND NOT"] {
            _ = try c.community.similarSuggestions(to: text)
        }
    }

    @Test func editsStayInSync() throws {
        let c = try CoCreation()
        let s = try c.suggest("Quickshifter", body: "Up and down.")
        let opening = try c.community.thread(s.id).posts[0]
        try c.community.edit(by: c.f.member, post: opening.id, body: "Blipper for downshifts too.")
        #expect(try c.community.similarSuggestions(to: "blipper").map(\.id) == [s.id])
        #expect(try c.community.similarSuggestions(to: "Up and down.").isEmpty)
    }
}
