import Foundation
import GRDB
import Testing
@testable import PaddockCore
@testable import PaddockStore

/// Mail out to members (issue 20): tokens, preferences, what is due.
@Suite struct MailOutTests {
    @Test func aReplyTokenIsReusedUntilNearExpiryThenRenewed() throws {
        let f = try Fixture()
        let now = f.clock.now
        let first = try f.community.replyToken(member: f.member.id, thread: nil, now: now)
        #expect(MailToken.isWellFormed(first))
        #expect(try f.community.replyToken(member: f.member.id, thread: nil, now: now.addingTimeInterval(30 * 86_400)) == first)
        #expect(try f.community.replyToken(member: f.other.id, thread: nil, now: now) != first)
        let renewed = try f.community.replyToken(member: f.member.id, thread: nil, now: now.addingTimeInterval(61 * 86_400))
        #expect(renewed != first)
        #expect(MailToken.isWellFormed(renewed))
    }
}
