import Foundation
import Testing
@testable import PaddockCore
@testable import PaddockStore
@testable import PaddockTUI

/// The member's own email settings in the app (E on home).
@Suite struct MailSettingsScreenTests {
    @Test func aMemberGivesAnAddressAndChangesTheirMailAtBothSizes() throws {
        let f = try TUIFixture()
        let app = f.app()
        app.press(.character("E"))
        #expect(app.screen().contains("Email address    none"))
        #expect(app.screen().contains("No mail goes out until you give an address (e)."))
        app.press(.down)
        app.press(.enter)
        #expect(app.screen().contains("give an address first"))
        app.press(.character("e"))
        app.type("bad address")
        app.press(.enter)
        #expect(app.screen().contains("is not an email address"))
        #expect(try f.community.memberMail(of: "marco", viewer: f.reader).address == nil, "a refused address writes nothing")
        app.press(.character("e"))
        for _ in 0..<20 { app.press(.backspace) }
        app.type("Marco@Example.org")
        app.press(.enter)
        #expect(app.screen().contains("Email address    marco@example.org"))
        #expect(try f.community.memberMail(of: "marco", viewer: f.reader).address == "marco@example.org")
        app.press(.enter)  // the ▸ is still on Mentions: off
        app.press(.down, .down, .down, .enter)  // digest weekly → never
        let settings = try f.community.memberMail(of: "marco", viewer: f.reader)
        #expect(settings.choices == MailChoices(mentions: false, replies: true, statuses: true, digest: .never))
        #expect(app.screen().contains("Mentions         off"))
        expectDrawn(app.resizeAndRender(width: 40, height: 12), width: 40, height: 12, shows: ["Email"], "40×12")
        expectDrawn(app.resizeAndRender(width: 80, height: 24), width: 80, height: 24, shows: ["marco@example.org"], "80×24")
    }
}
