import Foundation
import GRDB
import Testing
@testable import PaddockCore
@testable import PaddockStore

/// Mail out to members (issue 20): tokens, preferences, what is due, and
/// that nothing goes out twice.
@Suite struct MailOutTests {
    /// The fixture with a mail host, and marco (member) with an address and a thread of his own.
    private func fixture() throws -> (f: Fixture, thread: Int64) {
        let f = try Fixture()
        try f.community.setSetting(by: f.admin, key: "mail_host", value: "mail.example.org")
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "Tyres for the Furia", body: "Which tyres?").id
        f.clock.advance(by: 60)
        try f.community.setEmail(by: f.member, member: "marco", address: "Marco@Example.org")
        return (f, thread)
    }

    private func text(_ mail: ClaimedMail) -> String { String(decoding: mail.message, as: UTF8.self) }

    /// Claims everything due and records it sent.
    @discardableResult
    private func sendAll(_ f: Fixture) throws -> [ClaimedMail] {
        let (mail, _) = try f.community.claimMail(limit: 1000)
        try f.community.recordSends(mail.map { ($0.id, .sent) })
        return mail
    }

    private func state(_ f: Fixture, _ id: Int64) throws -> MailOutRecord {
        try f.community.database.writer.read { db in try MailOutRecord.fetchOne(db, key: id)! }
    }

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

    @Test func mailOutRefusesWithoutAMailHost() throws {
        let f = try Fixture()
        #expect(throws: CommunityError.self) { try f.community.claimMail(limit: 10) }
    }

    @Test func anAddressIsTheMembersOwnAndOnlyAdminsReadAnothers() throws {
        let (f, _) = try fixture()
        #expect(try f.community.memberMail(of: "marco", viewer: f.member).address == "marco@example.org")
        #expect(try f.community.memberMail(of: "marco", viewer: f.admin).address == "marco@example.org")
        for viewer in [f.other, f.moderator, f.manager] {
            #expect(throws: CommunityError.self) { try f.community.memberMail(of: "marco", viewer: viewer) }
        }
        try f.expectRefusal(.notPermitted("only the member and admins see or change a member's email settings")) {
            try f.community.setEmail(by: f.manager, member: "marco", address: "x@example.org")
        }
        try f.expectRefusal(.invalid("that address belongs to another member; an admin can help")) {
            try f.community.setEmail(by: f.other, member: "giulia", address: "marco@example.org")
        }
        try f.expectRefusal(.invalid("'a b@example.org' is not an email address: it may hold only letters, digits and punctuation, with no spaces or line breaks")) {
            try f.community.setEmail(by: f.other, member: "giulia", address: "a b@example.org")
        }
    }

    @Test func noticesStartFromWhenTheAddressWasGivenAndFollowTheChoices() throws {
        let f = try Fixture()
        try f.community.setSetting(by: f.admin, key: "mail_host", value: "mail.example.org")
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "Tyres", body: "Which?").id
        _ = try f.community.reply(by: f.other, thread: thread, body: "Before the address, @marco")
        try f.community.setEmail(by: f.member, member: "marco", address: "marco@example.org")
        #expect(try sendAll(f).isEmpty, "no backlog when an address is first given")

        _ = try f.community.reply(by: f.other, thread: thread, body: "After it, @marco: Rosso IV")
        let mail = try sendAll(f)
        #expect(mail.count == 1)
        #expect(text(mail[0]).contains("Rosso IV"))
        #expect(text(mail[0]).contains("In-Reply-To: <thread.\(thread)@mail.example.org>"))
        #expect(text(mail[0]).contains("Reply-To: <reply+"))
        #expect(mail[0].envelopeFrom == "bounce+\(mail[0].id)@mail.example.org")

        try f.community.setMailChoices(by: f.member, member: "marco", mentions: false, replies: false)
        _ = try f.community.reply(by: f.other, thread: thread, body: "Off now, @marco")
        #expect(try sendAll(f).isEmpty)
        try f.community.setMailChoices(by: f.member, member: "marco", mentions: true)
        #expect(try sendAll(f).isEmpty, "turning a kind on again sends no backlog of what it skipped")
    }

    @Test func nothingIsSentTwiceEvenByTwoRunsAtOnce() throws {
        let (f, thread) = try fixture()
        _ = try f.community.reply(by: f.other, thread: thread, body: "@marco Pirelli")
        let (first, _) = try f.community.claimMail(limit: 100)
        let (second, _) = try f.community.claimMail(limit: 100)
        #expect(first.count == 1)
        #expect(second.isEmpty, "a second run while the first sends finds nothing")
        try f.community.recordSends(first.map { ($0.id, .sent) })
        #expect(try sendAll(f).isEmpty)
        #expect(try state(f, first[0].id).state == .sent)
        #expect(try state(f, first[0].id).message == nil)
    }

    @Test func aRunThatDiedLeavesItsMailInterruptedNeverResent() throws {
        let (f, thread) = try fixture()
        _ = try f.community.reply(by: f.other, thread: thread, body: "@marco hello")
        let (claimed, _) = try f.community.claimMail(limit: 100)
        #expect(claimed.count == 1)
        // The process dies here: nothing recorded.
        f.clock.advance(by: MailRetry.lease + 1)
        #expect(try sendAll(f).isEmpty)
        #expect(try state(f, claimed[0].id).state == .interrupted)
        #expect(try f.community.mailOutStatus().counts["interrupted"] == 1)
    }

    @Test func aFailedSendIsRetriedWithBackoffThenGivenUp() throws {
        let (f, thread) = try fixture()
        _ = try f.community.reply(by: f.other, thread: thread, body: "@marco retry me")
        var (mail, _) = try f.community.claimMail(limit: 100)
        let id = mail[0].id
        let message = mail[0].message
        for (attempt, delay) in MailRetry.delays.enumerated() {
            try f.community.recordSends([(id, .failed("sendmail: temporary failure (exit 75)"))])
            let row = try state(f, id)
            #expect(row.state == .queued)
            #expect(row.attempts == attempt + 1)
            f.clock.advance(by: delay - 1)
            #expect(try f.community.claimMail(limit: 100).mail.isEmpty, "not before its time")
            f.clock.advance(by: 1)
            (mail, _) = try f.community.claimMail(limit: 100)
            #expect(mail.map(\.id) == [id])
            #expect(mail[0].message == message, "a retry sends the same message, same Message-ID")
        }
        try f.community.recordSends([(id, .failed("sendmail: temporary failure (exit 75)"))])
        let row = try state(f, id)
        #expect(row.state == .failed)
        #expect(row.lastError?.hasPrefix("given up after 6 tries") == true)
        let status = try f.community.mailOutStatus()
        #expect(status.problems.map(\.id) == [id])
        f.clock.advance(by: 86_400)
        #expect(try f.community.claimMail(limit: 100).mail.isEmpty)
    }

    @Test func fiveHardBouncesStopAMembersMail() throws {
        let (f, thread) = try fixture()
        for i in 1...5 {
            _ = try f.community.reply(by: f.other, thread: thread, body: "@marco number \(i)")
            let (mail, _) = try f.community.claimMail(limit: 100)
            #expect(mail.count == 1)
            try f.community.recordSends(mail.map { ($0.id, .hardBounce("sendmail: no such user (exit 67)")) })
        }
        let settings = try f.community.memberMail(of: "marco", viewer: f.member)
        #expect(settings.hardBounces == 5)
        #expect(settings.stopReason == "5 hard bounces")
        _ = try f.community.reply(by: f.other, thread: thread, body: "@marco are you there?")
        #expect(try sendAll(f).isEmpty)
        #expect(try f.community.mailOutStatus().stopped.map(\.handle) == ["marco"])
        // Giving the address again starts mail again, from now.
        try f.community.setEmail(by: f.member, member: "marco", address: "marco@example.org")
        #expect(try f.community.memberMail(of: "marco", viewer: f.member).receivesMail)
        #expect(try sendAll(f).isEmpty)
    }

    /// A retry goes out only as the first try would now: not to an address the
    /// member replaced, not a kind they turned off, not quoting a post since hidden.
    @Test func aQueuedRetryIsDroppedWhenItWouldNoLongerBeSent() throws {
        let (f, thread) = try fixture()
        func queued(_ body: String) throws -> Int64 {
            _ = try f.community.reply(by: f.other, thread: thread, body: body)
            let (mail, _) = try f.community.claimMail(limit: 100)
            try #require(mail.count == 1)
            try f.community.recordSends([(mail[0].id, .failed("sendmail: temporary failure (exit 75)"))])
            return mail[0].id
        }
        let hidden = try queued("@marco soon hidden")
        let hiddenPost = try f.community.thread(thread, limit: 200).posts.last!.id
        try f.community.moderatePost(by: f.admin, post: hiddenPost, action: .hide, reason: "spam")
        let replaced = try queued("@marco to the old address")
        try f.community.setEmail(by: f.member, member: "marco", address: "marco@new.example.org")
        f.clock.advance(by: 3600)
        #expect(try f.community.claimMail(limit: 100).mail.isEmpty, "neither retry goes out")
        #expect(try state(f, hidden).state == .failed && state(f, replaced).state == .failed)
        let turnedOff = try queued("@marco mentions off next")
        _ = try f.community.setMailChoices(by: f.member, member: "marco", mentions: false)
        f.clock.advance(by: 3600)
        #expect(try f.community.claimMail(limit: 100).mail.isEmpty)
        #expect(try state(f, turnedOff).state == .failed)
    }

    /// An address given for mail is private: a board's mbox (for a public
    /// archive) writes the member as handle@paddock.invalid.
    @Test func anMboxExportNeverCarriesAnAddressGivenForMail() throws {
        let (f, _) = try fixture()
        var mbox: [UInt8] = []
        try f.community.exportMbox(board: "furia") { mbox += $0 }
        let text = String(decoding: mbox, as: UTF8.self)
        #expect(!text.lowercased().contains("marco@example.org"))
        #expect(text.contains("marco@paddock.invalid"))
    }

    @Test func hiddenPostsAndThreadsNeverReachMail() throws {
        let (f, thread) = try fixture()
        let post = try f.community.reply(by: f.other, thread: thread, body: "@marco secret spam").id
        try f.community.moderatePost(by: f.admin, post: post, action: .hide, reason: "spam")
        let other = try f.community.startThread(by: f.other, board: "furia", title: "Soon hidden", body: "text")
        _ = try f.community.reply(by: f.manager, thread: other.id, body: "@marco look at this")
        try f.community.moderateThread(by: f.admin, thread: other.id, action: .hide, reason: "r")
        _ = try f.community.reply(by: f.other, thread: thread, body: "@marco visible news")
        let mail = try sendAll(f)
        #expect(mail.count == 1)
        #expect(mail.contains { text($0).contains("visible news") })
        #expect(!mail.contains { text($0).contains("secret spam") || text($0).contains("look at this") })
    }

    @Test func aDigestIsDueOncePerPeriodAndTellsTheUnreadInbox() throws {
        let (f, thread) = try fixture()
        try f.community.setMailChoices(by: f.member, member: "marco", mentions: false, replies: false, digest: .daily)
        _ = try f.community.reply(by: f.other, thread: thread, body: "A reply marco has not read")
        #expect(try sendAll(f).isEmpty, "not due yet")
        f.clock.advance(by: 86_400)
        let mail = try sendAll(f)
        #expect(mail.count == 1)
        #expect(text(mail[0]).contains("Your inbox holds 1 unread"))
        #expect(text(mail[0]).contains("List-Unsubscribe: <mailto:unsubscribe+"))
        #expect(!text(mail[0]).contains("Reply-To:"))
        #expect(try sendAll(f).isEmpty, "one digest per period")
        f.clock.advance(by: 86_400)
        #expect(try sendAll(f).count == 1)
        try f.community.setMailChoices(by: f.member, member: "marco", digest: .never)
        f.clock.advance(by: 8 * 86_400)
        #expect(try sendAll(f).isEmpty)
    }

    @Test func theLimitLeavesTheRestForTheNextClaim() throws {
        let (f, thread) = try fixture()
        try f.community.setEmail(by: f.other, member: "giulia", address: "giulia@example.org")
        _ = try f.community.reply(by: f.manager, thread: thread, body: "@marco @giulia both")
        let (first, next) = try f.community.claimMail(limit: 1)
        #expect(first.count == 1)
        #expect(next != nil)
        let (second, _) = try f.community.claimMail(limit: 10, afterMember: next!)
        #expect(second.count == 1)
        #expect(Set((first + second).map(\.memberId)) == [f.member.id, f.other.id])
    }

    @Test func clearingTheAddressStopsMail() throws {
        let (f, thread) = try fixture()
        try f.community.clearEmail(by: f.member, member: "marco")
        _ = try f.community.reply(by: f.other, thread: thread, body: "@marco gone?")
        #expect(try sendAll(f).isEmpty)
        #expect(try f.community.memberMail(of: "marco", viewer: f.admin).address == nil)
        try f.expectRefusal(.invalid("marco has no email address")) { try f.community.clearEmail(by: f.member, member: "marco") }
    }
}
