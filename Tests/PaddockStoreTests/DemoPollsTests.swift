import Foundation
import GRDB
import PaddockCore
@testable import PaddockStore
import Testing

/// The demo's concept polls about the next Furia, read back through the service.
@Suite struct DemoPollsTests {
    @Test func theDemoAsksAboutTheNextFuriaWithRealisticVotes() throws {
        let demo = try DemoCommunityTests.shared.get()
        let community = Community(database: demo.community.database, clock: { DemoCommunityTests.endingAt })
        let polls = demo.threads.filter { $0.kind == .poll }
        #expect(polls.count == 2)
        let admin = try community.actor(handle: "owner")
        let details = try polls.map { try community.poll($0.id, viewer: admin) }
        let features = try #require(details.first { $0.kind == .features })
        #expect(features.product == "furia-950" && !features.isClosed && features.visibility == .afterVote)
        #expect((20...40).contains(features.voterCount))
        // Every feature has answers, and riders do not like them all the same.
        #expect(features.options.allSatisfy { ($0.answered ?? 0) > 0 })
        #expect(Set(features.options.map { $0.like ?? 0 }).count > 2)
        let engine = try #require(details.first { $0.kind == .single })
        #expect(engine.isClosed && engine.visibility == .afterClose && (20...40).contains(engine.voterCount))
        #expect(engine.options.compactMap(\.chosen).reduce(0, +) == engine.voterCount)
        // A member who did not vote on the open poll sees no results; everyone sees the closed one's.
        let members = try community.members().filter { $0.role == .member }
        for member in members {
            let rider = try community.actor(handle: member.handle)
            let poll = try community.poll(features.id, viewer: rider)
            #expect(poll.resultsVisible == poll.voted)
            #expect(try community.poll(engine.id, viewer: rider).resultsVisible)
        }
        #expect(try Integrity.problems(in: demo.community.database).isEmpty)
    }
}
