import Foundation
import Testing
@testable import PaddockCore

/// What a notification says, made from its payload: the stored sentence and the inbox row's news.
@Suite struct NotificationPayloadTests {
    let at = Date(timeIntervalSince1970: 1_780_000_000)

    @Test func newsOfAThreadIsItsTitleAVerbAndTheNews() throws {
        let status = NotificationPayload.status(to: .planned)
        #expect(status.sentence(title: "Lower seat", actor: "elena") == "“Lower seat” is now planned: elena answered officially")
        #expect(try #require(status.headline(actor: "elena")) == ("is", "now planned: elena answered officially"))
        #expect(status.headline(actor: nil) == nil, "no manager to name: the row says the text")
        #expect(NotificationPayload.merged(into: 7, title: "Seat height").sentence(title: "Lower seat", actor: "elena")
                == "“Lower seat” was merged into #7 “Seat height”: your support counts there now")
        #expect(NotificationPayload.review(supporters: 100).sentence(title: "T", actor: nil)
                == "“T” reached 100 supporters and goes to the team for review")
        #expect(NotificationPayload.expired(supporters: 3, needed: 10, at: at).sentence(title: "T", actor: nil)
                == "“T” expired with 3 of the 10 supporters it needed by \(TimeText.describe(at))")
        #expect(NotificationPayload.thread(news: .moved(from: "Furia 950", to: "Garage"), reason: "").sentence(title: "T", actor: "mod")
                == "“T” was moved from Furia 950 to Garage")
        #expect(try #require(NotificationPayload.thread(news: .slowMode(seconds: 600), reason: "calm").headline(actor: nil))
                == ("is", "in slow mode, one post every 10 minutes per member: calm"))
        #expect(NotificationPayload.thread(news: .slowMode(seconds: 0), reason: "").sentence(title: "T", actor: nil) == "“T” is out of slow mode")
    }

    @Test func newsOfAPostOrTheMemberIsAWholeSentence() {
        #expect(NotificationPayload.post(news: .flagged, reason: "").sentence(title: "Parts", actor: nil)
                == "Your post in “Parts” is hidden pending review: members flagged it")
        #expect(NotificationPayload.post(news: .keptHidden, reason: "spam").sentence(title: "T", actor: "mod")
                == "Your post in “T” was kept hidden by a moderator: spam")
        #expect(NotificationPayload.post(news: .restored, reason: "").sentence(title: "T", actor: "mod") == "Your post in “T” is visible again")
        #expect(NotificationPayload.post(news: .hiddenAgain, reason: "").sentence(title: "T", actor: "mod")
                == "Your post in “T” is hidden pending review again: a moderator took back their decision")
        #expect(NotificationPayload.silenced(until: at, reason: "cool off").sentence(title: "", actor: "mod")
                == "You are silenced until \(TimeText.describe(at)): cool off")
        #expect(NotificationPayload.lifted(suspension: false, reason: "").sentence(title: "", actor: "mod") == "Your silence was lifted")
        #expect(NotificationPayload.warned(reason: "tone").headline(actor: "mod") == nil)
    }

    @Test func eachPayloadBelongsToOneKind() {
        #expect(NotificationPayload.merged(into: 1, title: "T").kind == .status)
        #expect(NotificationPayload.expired(supporters: 0, needed: 1, at: at).kind == .milestone)
        #expect(NotificationPayload.lifted(suspension: true, reason: "").kind == .moderation)
        #expect(NotificationKind.allCases.map(\.label) == ["reply", "mention", "watching", "status", "milestone", "moderation"])
    }
}
