import Foundation
import GRDB
import Testing
@testable import PaddockCore
@testable import PaddockStore

/// Replies, unsubscribes and bounces by mail (`Community.receiveMail`, issue
/// 20): a reply posts through the app's own rules, and every refusal writes nothing.
@Suite struct MailInTests {
    struct Scene {
        let f: Fixture
        let thread: Int64
        let token: String

        var c: Community { f.community }

        /// A reply from `from` to `reply+token@`, with its own Message-ID.
        func reply(_ text: String, from: String = "marco@example.com", token: String? = nil, id: String = "r1@example.com",
                   headers: String = "") throws -> IncomingMail {
            try IncomingMail.parse(Array("""
                From: Marco <\(from)>
                To: reply+\(token ?? self.token)@community.example
                Subject: Re: [Paddock] Exhaust note
                Message-ID: <\(id)>
                \(headers)Content-Type: text/plain; charset=utf-8

                \(text)

                On Thu, 3 Dec 2026 at 09:58, Paddock wrote:
                > elena replied in "Exhaust note"
                """.utf8), host: "community.example")
        }

        func posts() throws -> [String] {
            try c.thread(thread, viewer: f.admin).posts.map(\.body)
        }

        /// Expects `receiveMail` refused `mail` as `kind` with `message`, and wrote nothing.
        func expectRefused(_ mail: IncomingMail, _ kind: MailInRefusal.Kind, _ message: String,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
            let before = try f.tableCounts()
            let digest = try f.contentDigest()
            #expect(throws: MailInRefusal(kind, message), sourceLocation: sourceLocation) { try c.receiveMail(mail) }
            #expect(try f.tableCounts() == before, "rows were written", sourceLocation: sourceLocation)
            #expect(try f.contentDigest() == digest, "rows were changed", sourceLocation: sourceLocation)
        }
    }

    /// Elena's thread in the Furia board; marco has an address and a reply token for it.
    static func scene() throws -> Scene {
        let f = try Fixture()
        try f.community.setSetting(by: f.admin, key: "mail_host", value: "community.example")
        let thread = try f.community.startThread(by: f.manager, board: "furia", title: "Exhaust note", body: "Louder or quieter?").id
        try giveAddress(f, f.member, "marco@example.com")
        try giveAddress(f, f.other, "giulia@example.com")
        let token = try f.community.replyToken(member: f.member.id, thread: thread)
        return Scene(f: f, thread: thread, token: token)
    }

    /// A member's address and mail preference, as `member email set` leaves them.
    static func giveAddress(_ f: Fixture, _ member: Actor, _ address: String) throws {
        try f.community.database.writer.write { db in
            try db.execute(sql: "INSERT INTO memberAddress (address, memberId) VALUES (?, ?)", arguments: [address, member.id])
            try db.execute(sql: "INSERT INTO mailPreference (memberId, createdAt, updatedAt) VALUES (?, ?, ?)",
                           arguments: [member.id, f.clock.now.stored, f.clock.now.stored])
        }
    }

    @Test func aReplyPostsAsTheMemberWithoutTheQuote() throws {
        let s = try Self.scene()
        let result = try s.c.receiveMail(s.reply("Quieter, please: I ride at dawn."))
        guard case .posted(let post, let thread, let position, let handle) = result else { Issue.record("\(result)"); return }
        #expect(thread == s.thread && position == 1 && handle == "marco")
        #expect(try s.posts() == ["Louder or quieter?", "Quieter, please: I ride at dawn."])
        // The author hears of it as of any reply, and the message keeps its Message-ID, as import keeps them.
        #expect(try s.c.notifications(for: s.f.manager).first?.postId == post)
        let stored = try s.c.database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT postId FROM mailMessage WHERE messageId = 'r1@example.com'") }
        #expect(stored == post)
    }

    @Test func theSameMessageDeliveredTwicePostsOnce() throws {
        let s = try Self.scene()
        let mail = try s.reply("Quieter.")
        guard case .posted(let post, _, _, _) = try s.c.receiveMail(mail) else { Issue.record("not posted"); return }
        #expect(try s.c.receiveMail(mail) == .alreadyPosted(post: post))
        #expect(try s.posts().count == 2)
    }

    @Test func anAddressIsNobodysWhenUnknownExpiredOrSentBySomeoneElse() throws {
        let s = try Self.scene()
        try s.expectRefused(s.reply("Hi", token: "aaaaaaaaaaaaaaaaaaaa"), .unknownAddress,
                            "this reply address is unknown: reply to a newer mail from the community, or post in Paddock")
        // Someone the notice was forwarded to cannot post as the member.
        try s.expectRefused(s.reply("Hi", from: "giulia@example.com"), .unknownAddress,
                            "this reply address belongs to another member: reply from the address the mail was sent to")
        try s.expectRefused(s.reply("Hi", from: "stranger@example.net"), .unknownAddress,
                            "this reply address belongs to another member: reply from the address the mail was sent to")
        // The unsubscribe token is not a reply address.
        let unsubscribe = try s.c.replyToken(member: s.f.member.id, thread: nil)
        try s.expectRefused(s.reply("Hi", token: unsubscribe), .unknownAddress,
                            "this reply address is unknown: reply to a newer mail from the community, or post in Paddock")
        let nowhere = try IncomingMail.parse(Array("From: marco@example.com\nTo: community@community.example\nSubject: hi\n\nHi\n".utf8))
        try s.expectRefused(nowhere, .unknownAddress, "no reply+, unsubscribe+ or bounce+ address of this community among the recipients")
        s.f.clock.advance(by: MailToken.lifetime + 1)
        let expiry = UTCTime(s.f.clock.now.addingTimeInterval(-1)).dayText
        try s.expectRefused(s.reply("Hi"), .unknownAddress,
                            "this reply address expired on \(expiry): reply to a newer mail from the community, or post in Paddock")
    }

    @Test func everyRuleOfTheAppRefusesAReplyByMailAndNothingIsWritten() throws {
        let s = try Self.scene()
        try s.expectRefused(s.reply("> only the quote"), .refused,
                            "nothing was posted: the reply has no text of its own (only quoted text or a signature)")
        try s.expectRefused(s.reply(String(repeating: "long line of text\n", count: 4000)), .refused,
                            "nothing was posted: the post is 71999 bytes; the limit is 65536 bytes (64 KiB)")

        try s.c.moderateThread(by: s.f.moderator, thread: s.thread, action: .lock, reason: "cooling off")
        try s.expectRefused(s.reply("Hi"), .refused, "nothing was posted: the thread is locked: only moderators can reply")
        try s.c.moderateThread(by: s.f.moderator, thread: s.thread, action: .unlock)

        try s.c.moderateThread(by: s.f.admin, thread: s.thread, action: .hide, reason: "spam")
        try s.expectRefused(s.reply("Hi"), .refused, "nothing was posted: no such thread")
        try s.c.moderateThread(by: s.f.admin, thread: s.thread, action: .unhide)

        let until = s.f.clock.now.addingTimeInterval(86_400)
        try s.c.silence(by: s.f.moderator, member: "marco", until: until, reason: "heated")
        try s.expectRefused(s.reply("Hi"), .refused, "nothing was posted: marco is silenced until \(TimeText.describe(until)) and cannot post until then")
        try s.c.lift(by: s.f.moderator, member: "marco")
        try s.c.suspend(by: s.f.moderator, member: "marco", until: until, reason: "spam")
        try s.expectRefused(s.reply("Hi"), .refused, "nothing was posted: marco is suspended until \(TimeText.describe(until))")
        try s.c.lift(by: s.f.moderator, member: "marco")

        try s.c.moderateThread(by: s.f.moderator, thread: s.thread, action: .slowMode(seconds: 600))
        #expect(throws: Never.self) { try s.c.receiveMail(s.reply("First", id: "a@x")) }
        let refusal = try #require(throws: MailInRefusal.self) { try s.c.receiveMail(s.reply("Second", id: "b@x")) }
        #expect(refusal.kind == .refused && refusal.message.contains("slow mode"))

        try s.c.moderateThread(by: s.f.moderator, thread: s.thread, action: .archive)
        try s.expectRefused(s.reply("Hi", id: "c@x"), .refused, "nothing was posted: the thread is archived: it can be read but not replied to")
        #expect(try s.posts().count == 2)
    }

    @Test func aNewMembersPaceAppliesToMailToo() throws {
        let s = try Self.scene()
        try s.c.setSetting(by: s.f.admin, key: "new_member_days", value: "7")
        #expect(throws: Never.self) { try s.c.receiveMail(s.reply("First", id: "a@x")) }
        let refusal = try #require(throws: MailInRefusal.self) { try s.c.receiveMail(s.reply("Second", id: "b@x")) }
        #expect(refusal.kind == .refused)
        #expect(try s.posts().count == 2)
    }

    @Test func automaticMailNeverPosts() throws {
        let s = try Self.scene()
        let before = try s.f.tableCounts()
        let auto = try s.reply("I am away until Monday.", headers: "Auto-Submitted: auto-replied\n")
        #expect(try s.c.receiveMail(auto) == .ignoredAutomatic(reason: "it is marked Auto-Submitted: auto-replied"))
        // Even to an unknown token: answering an auto-reply starts a loop.
        let unknown = try s.reply("Away", token: "bbbbbbbbbbbbbbbbbbbb", headers: "Precedence: bulk\n")
        #expect(try s.c.receiveMail(unknown) == .ignoredAutomatic(reason: "it is marked Precedence: bulk"))
        #expect(try s.f.tableCounts() == before)
    }

    @Test func unsubscribingStopsTheMembersMailOnce() throws {
        let s = try Self.scene()
        let token = try s.c.replyToken(member: s.f.member.id, thread: nil)
        // From any address: the token is the secret, and stopping mail harms nobody.
        let mail = try IncomingMail.parse(Array("From: marco@other.example\nTo: unsubscribe+\(token)@community.example\nSubject: unsubscribe\n\n".utf8),
                                          host: "community.example")
        #expect(try s.c.receiveMail(mail) == .unsubscribed(handle: "marco", already: false))
        #expect(try s.c.receiveMail(mail) == .unsubscribed(handle: "marco", already: true))
        let row = try s.c.database.writer.read { db in try Row.fetchOne(db, sql: "SELECT stoppedAt, stopReason FROM mailPreference WHERE memberId = ?", arguments: [s.f.member.id])! }
        #expect(row.date("stoppedAt") == s.f.clock.now)
        #expect(row["stopReason"] as String? == "unsubscribed by mail")
        let other = try s.c.database.writer.read { db in try Row.fetchOne(db, sql: "SELECT stoppedAt FROM mailPreference WHERE memberId = ?", arguments: [s.f.other.id])! }
        #expect(other.date("stoppedAt") == nil)
        let unknown = try IncomingMail.parse(Array("From: m@x\nTo: unsubscribe+cccccccccccccccccccc@community.example\n\n".utf8), host: "community.example")
        try s.expectRefused(unknown, .unknownAddress, "this unsubscribe address is unknown: stop the mail in Paddock (paddock member mail)")
    }

    /// A mail row for marco, as mail-out leaves one it sent.
    static func sentMail(_ s: Scene, n: Int) throws -> Int64 {
        try s.c.database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO mailOut (memberId, kind, messageId, address, subject, state, createdAt, sentAt)
                VALUES (?, 'reply', ?, 'marco@example.com', 's', 'sent', ?, ?)
                """, arguments: [s.f.member.id, "paddock.reply.\(n).x@community.example", s.f.clock.now.stored, s.f.clock.now.stored])
            return db.lastInsertedRowID
        }
    }

    /// A delivery status report for mail row `mail`, returning its headers (as
    /// MTAs do) unless `returning` is false: then only the guessable bounce+N@ names it.
    static func report(_ s: Scene, to mail: Int64, status: String, recipient: String = "marco@example.com",
                       returning: Bool = true) throws -> IncomingMail {
        let messageID = try s.c.database.writer.read { db in try String.fetchOne(db, sql: "SELECT messageId FROM mailOut WHERE id = ?", arguments: [mail]) }
        let returned = returning ? "--b\nContent-Type: text/rfc822-headers\n\nMessage-ID: <\(messageID ?? "none@x")>\nSubject: s\n" : ""
        return try IncomingMail.parse(Array("""
            Return-Path: <>
            From: MAILER-DAEMON@mx.example.com
            To: bounce+\(mail)@community.example
            Subject: Undelivered Mail Returned to Sender
            Content-Type: multipart/report; report-type=delivery-status; boundary="b"

            --b
            Content-Type: text/plain

            Could not deliver.
            --b
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.com

            Final-Recipient: rfc822; \(recipient)
            Action: failed
            Status: \(status)
            \(returned)--b--
            """.utf8), host: "community.example")
    }

    @Test func fiveHardBouncesStopTheMail() throws {
        let s = try Self.scene()
        let first = try Self.sentMail(s, n: 1)
        #expect(try s.c.receiveMail(Self.report(s, to: first, status: "5.1.1")) == .bounceCounted(handle: "marco", hardBounces: 1, stopped: false))
        // The same report again, a delay, a report about another address: nothing more is counted.
        #expect(try s.c.receiveMail(Self.report(s, to: first, status: "5.1.1")) == .bounceIgnored(reason: "this mail's bounce was counted before"))
        let second = try Self.sentMail(s, n: 2)
        #expect(try s.c.receiveMail(Self.report(s, to: second, status: "4.4.1")) == .bounceIgnored(reason: "a delay (4.4.1), not a failure"))
        #expect(try s.c.receiveMail(Self.report(s, to: second, status: "5.1.1", recipient: "giulia@example.com"))
                == .bounceIgnored(reason: "the report is about another address"))
        for n in 2...4 {
            let id = try Self.sentMail(s, n: n + 10)
            #expect(try s.c.receiveMail(Self.report(s, to: id, status: "5.2.1")) == .bounceCounted(handle: "marco", hardBounces: n, stopped: false))
        }
        let last = try Self.sentMail(s, n: 20)
        #expect(try s.c.receiveMail(Self.report(s, to: last, status: "5.0.0")) == .bounceCounted(handle: "marco", hardBounces: 5, stopped: true))
        let reason = try s.c.database.writer.read { db in try String.fetchOne(db, sql: "SELECT stopReason FROM mailPreference WHERE memberId = ?", arguments: [s.f.member.id]) }
        #expect(reason == "5 hard bounces")
        try s.expectRefused(Self.report(s, to: 999, status: "5.1.1"), .unknownAddress, "this bounce address names no mail the community sent")
    }

    /// bounce+N@ can be guessed: a report that does not return the mail's own
    /// Message-ID counts nothing; nor does a bounce of mail to an address the member replaced.
    @Test func aForgedOrStaleBounceCountsNothing() throws {
        let s = try Self.scene()
        let sent = try Self.sentMail(s, n: 1)
        #expect(try s.c.receiveMail(Self.report(s, to: sent, status: "5.1.1", returning: false))
                == .bounceIgnored(reason: "the report does not return the mail it names"))
        try s.c.database.writer.write { db in
            try db.execute(sql: "UPDATE memberAddress SET address = 'marco@new.example' WHERE memberId = ?", arguments: [s.f.member.id])
        }
        #expect(try s.c.receiveMail(Self.report(s, to: sent, status: "5.1.1"))
                == .bounceIgnored(reason: "the mail went to an address the member no longer uses"))
        let bounces = try s.c.database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT hardBounces FROM mailPreference WHERE memberId = ?", arguments: [s.f.member.id])
        }
        #expect(bounces == 0)
    }
}
