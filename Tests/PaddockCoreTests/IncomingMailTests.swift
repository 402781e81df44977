import Foundation
import Testing
@testable import PaddockCore

/// Replies as common mail clients write them (Tests/MailInFixtures): what
/// `mail-in` takes from each as the member's post, and the mail it must never post.
@Suite struct IncomingMailTests {
    static let token = "k7m2q4x5w3ab5cd6ef7g"
    static let host = "community.example"

    static func fixture(_ name: String) throws -> [UInt8] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("MailInFixtures")
        return Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func parse(_ name: String, recipients: [String] = []) throws -> IncomingMail {
        try IncomingMail.parse(fixture(name), envelopeRecipients: recipients, host: host)
    }

    @Test func thunderbirdPlainLosesTheAttributionAndQuote() throws {
        let mail = try Self.parse("thunderbird-plain.eml")
        #expect(mail.replyText == "Thanks Elena, the lower seat is what I was hoping for.\nI ride with 78 cm inseam.")
        #expect(mail.address == .reply(token: Self.token))
        #expect(mail.from.address == "kurt.weiss@example.com")
        #expect(mail.messageID == "5b2c1f0e-9a3d-4c7e-8f11-2a6b7c9d0e1f@example.com")
        #expect(mail.automatic == nil)
    }

    @Test func flowedLinesAreJoinedAndTheSignatureGoes() throws {
        let mail = try Self.parse("thunderbird-flowed.eml")
        #expect(mail.replyText == """
            A lower seat would help a lot of us: with the stock one I can only touch the ground with my toes at a stop, which is no fun in the city. Could it be offered as an accessory too?

            From the owners' meeting: everybody agreed.
            """)
    }

    @Test func flowedWithDelSpJoinsWithoutTheSpace() {
        let text = Flowed.join("Hyper\nmotard, lo\nwer seat.", delSp: true)
        #expect(text == "Hyper\nmotard, lo\nwer seat.")
        #expect(Flowed.join("Hyper \nmotard, lo \nwer seat.", delSp: true) == "Hypermotard, lower seat.")
        #expect(Flowed.join("Hyper \nmotard", delSp: false) == "Hyper motard")
    }

    @Test func gmailPrefersThePlainPartAndItsWrappedAttributionGoes() throws {
        let mail = try Self.parse("gmail-alternative.eml")
        #expect(mail.replyText == "Count me in for the test ride. I can come to Bologna any weekend in January.")
        #expect(mail.messageID == "CAF3u9x=Kp2c0ZqJwq3eN8a@mail.gmail.com")
    }

    @Test func gmailsHTMLQuoteGoesWhenHTMLIsAllThereIs() throws {
        // The same Gmail reply with only its HTML part: the gmail_quote blockquote is the quote.
        var raw = String(decoding: try Self.fixture("gmail-alternative.eml"), as: UTF8.self)
        let html = raw.range(of: "Content-Type: text/html")!.lowerBound
        let plainStart = raw.range(of: "Content-Type: text/plain")!.lowerBound
        raw.removeSubrange(plainStart..<html)
        let mail = try IncomingMail.parse(Array(raw.utf8), host: Self.host)
        #expect(mail.replyText == "Count me in for the test ride. I can come to Bologna any weekend in January.")
    }

    @Test func outlookOriginalMessageInWindows1252() throws {
        let mail = try Self.parse("outlook-original.eml")
        #expect(mail.replyText == "Hi Elena,\n\nThat’s great news – the café ride in March would be the perfect place to try it.\n\nKurt")
        #expect(mail.from.address == "kurt.weiss@example.com", "addresses compare lowercased")
    }

    @Test func outlookHTMLOnlyIsCutAtItsHeaderBlock() throws {
        let mail = try Self.parse("outlook-html-only.eml")
        #expect(mail.replyText == "Would the lower seat fit the 2025 model as well?")
    }

    @Test func appleMailAndIPhone() throws {
        #expect(try Self.parse("apple-mail.eml").replyText == "Will the seat come in the black Alcantara too?")
        #expect(try Self.parse("iphone.eml").replyText == "Yes please 👍")
    }

    @Test func anInlineReplyKeepsEveryAnswerInOrder() throws {
        #expect(try Self.parse("inline-reply.eml").replyText == "2023, the SP.\n\n1.72 m.")
    }

    @Test func autoRepliesAndBouncesAreAutomatic() throws {
        #expect(try Self.parse("auto-reply.eml").automatic != nil)
        let bounce = try Self.parse("dsn-bounce.eml")
        #expect(bounce.automatic != nil)
        #expect(bounce.address == .bounce(mail: 42))
        #expect(bounce.deliveryStatuses == [DeliveryStatus(recipients: ["kurt.weiss@example.com", "kurt.weiss@example.com"], status: "5.1.1")])
        #expect(bounce.deliveryStatuses.allSatisfy { $0.isHardBounce })
        let delay = try Self.parse("dsn-delay.eml")
        #expect(delay.deliveryStatuses.map(\.status) == ["4.4.1"])
        #expect(!delay.deliveryStatuses.contains { $0.isHardBounce })
    }

    @Test func eachSignOfAnAutomaticMessage() throws {
        func reason(_ headers: String, from: String = "kurt@example.com") throws -> String? {
            try IncomingMail.parse(Array("From: \(from)\nTo: reply+abc@x\n\(headers)\nSubject: hi\n\nbody\n".utf8)).automatic
        }
        #expect(try reason("Auto-Submitted: no") == nil)
        #expect(try reason("Auto-Submitted: auto-generated") != nil)
        #expect(try reason("Auto-Submitted: auto-replied; owner-email=\"k@x\"") != nil)
        #expect(try reason("Precedence: bulk") != nil)
        #expect(try reason("Precedence: junk") != nil)
        #expect(try reason("Precedence: list") != nil)
        #expect(try reason("Precedence: first-class") == nil)
        #expect(try reason("X-Autoreply: yes") != nil)
        #expect(try reason("X-Autorespond: vacation") != nil)
        #expect(try reason("Return-Path: <>") != nil)
        #expect(try reason("Return-Path: <kurt@example.com>") == nil)
        #expect(try reason("Content-Type: multipart/report; report-type=disposition-notification; boundary=x") != nil)
        #expect(try reason("X-Mailer: x", from: "MAILER-DAEMON@mx.example.com") != nil)
        #expect(try IncomingMail.parse(Array("From: k@x\nSubject: Out of Office: away\n\nb".utf8)).automatic != nil)
        #expect(try IncomingMail.parse(Array("From: k@x\nSubject: Re: Out of Office days\n\nb".utf8)).automatic == nil)
        // An mbox envelope line with a null sender, as a local delivery agent may add.
        #expect(try IncomingMail.parse(Array("From MAILER-DAEMON Thu Dec  3 09:00:00 2026\nFrom: k@x\nSubject: s\n\nb".utf8)).automatic != nil)
    }

    @Test func theRecipientIsFoundInOrderEnvelopeThenDeliveryThenTo() throws {
        let raw = Array("""
            Delivered-To: reply+deliveredtoken@community.example
            To: "Paddock, community" <reply+totoken@community.example>, other@example.com
            Cc: reply+cctoken@community.example
            From: k@x
            Subject: s

            b
            """.utf8)
        #expect(try IncomingMail.parse(raw, envelopeRecipients: ["reply+envtoken@alias.example"], host: Self.host).address == .reply(token: "envtoken"))
        #expect(try IncomingMail.parse(raw, envelopeRecipients: ["paddock@community.example"], host: Self.host).address == .reply(token: "deliveredtoken"))
        let noDelivered = Array(String(decoding: raw, as: UTF8.self).split(separator: "\n").dropFirst().joined(separator: "\n").utf8)
        #expect(try IncomingMail.parse(noDelivered, host: Self.host).address == .reply(token: "totoken"))
        // At another host, header addresses are somebody else's tokens.
        #expect(try IncomingMail.parse(noDelivered, host: "elsewhere.example").address == nil)
    }

    @Test func communityAddresses() {
        #expect(MailInAddress.parse("Reply+ABC234@Community.Example") == .reply(token: "abc234"))
        #expect(MailInAddress.parse("<unsubscribe+abc@x>") == .unsubscribe(token: "abc"))
        #expect(MailInAddress.parse("bounce+17@x") == .bounce(mail: 17))
        #expect(MailInAddress.parse("bounce+-1@x") == nil)
        #expect(MailInAddress.parse("bounce+x@x") == nil)
        #expect(MailInAddress.parse("reply+@x") == nil)
        #expect(MailInAddress.parse("reply+a.b@x") == nil)
        #expect(MailInAddress.parse("replies+abc@x") == nil)
        #expect(MailInAddress.parse("reply+abc@x", host: "y") == nil)
    }

    @Test func hostileTextIsKeptForTheStoreToJudgeAndTheSubjectIsNotUsed() throws {
        let mail = try Self.parse("hostile.eml")
        #expect(mail.replyText.contains("\u{1B}[2J"), "stored as written, like text typed in the app; drawn safely")
        #expect(mail.replyText.contains("\u{202E}"))
        #expect(!mail.replyText.contains("Bcc"))
    }

    @Test func signaturesAndSeparators() {
        #expect(ReplyText.extract("Yes.\n-- \nKurt\n+41 79 000 00 00") == "Yes.")
        #expect(ReplyText.extract("Yes.\n\nGet Outlook for Android") == "Yes.")
        #expect(ReplyText.extract("Sì.\n\nInviato da iPhone") == "Sì.")
        #expect(ReplyText.extract("Yes.\n\n________________________________\nFrom: Paddock <r@x>\nSent: Thursday\nSubject: s\n\nold") == "Yes.")
        #expect(ReplyText.extract("Ja.\n\nAm 03.12.2026 um 09:58 schrieb Paddock <r@x>:\n> alt") == "Ja.")
        #expect(ReplyText.extract("Sì.\n\nIl giorno gio 3 dic 2026 alle ore 09:58 Paddock <r@x> ha scritto:\n\n> vecchio") == "Sì.")
        // A member's own colon before a quote is not an attribution.
        #expect(ReplyText.extract("Here is my answer:\n> q\nYes") == "Here is my answer:\n\nYes")
        // "From:" in a member's sentence is not a header block.
        #expect(ReplyText.extract("From: my side, yes.\nThanks") == "From: my side, yes.\nThanks")
        #expect(ReplyText.extract("> only a quote\n") == "")
    }
}
