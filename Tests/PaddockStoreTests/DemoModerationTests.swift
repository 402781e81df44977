import Foundation
import PaddockCore
import PaddockStore
import Testing

@Suite struct DemoModerationTests {
    @Test func theDemoHasAQueueASilencedMemberAPinAndALockAndTheirLog() throws {
        let demo = try DemoCommunityTests.shared.get()
        let community = demo.community
        let moderator = try community.actor(handle: "kurt.weiss")
        let queue = try community.flagQueue(by: moderator)
        #expect(queue.count == 2)
        #expect(queue[0].authorHandle == "ricambi.top" && queue[0].weight == 3 && queue[0].postState == .hidden)
        #expect(queue[1].flagCount == 1)
        let gianni = try community.conduct(of: "gianni.bo", by: moderator)
        // Silenced for two days after the demo's end (this test's clock is the real one).
        #expect(gianni.penalties.first?.until == DemoCommunityTests.endingAt + 2 * 86_400)
        #expect(gianni.penalties.map(\.kind) == [.silence, .warn])
        #expect(demo.threads.contains { $0.pinned } && demo.threads.contains { $0.locked })
        let actions = Set(try community.moderationLog(viewer: moderator, limit: 100).map(\.action))
        #expect(actions.isSuperset(of: ["pin", "lock", "flag", "auto-hide", "claim", "disagree", "warn", "silence"]))
    }
}
