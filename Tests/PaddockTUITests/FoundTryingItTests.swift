import Foundation
import Testing
@testable import PaddockCore
@testable import PaddockStore
@testable import PaddockTUI

/// What a break-it session found in the restructured app, each kept fixed.
@Suite struct FoundTryingItTests {
    /// `n` works from every screen, the inbox too.
    @Test func nFromTheInboxOpensTheNextUnreadThread() throws {
        let app = try TUIFixture().app()
        app.press(.character("i"))
        #expect(app.state.screen is InboxScreen)
        app.press(.character("n"))
        #expect(app.state.screen is ThreadScreen, "\(String(describing: app.state.status))")
    }

    /// ^X in the flag dialog asks, then forgets the note and closes the dialog.
    @Test func ctrlXDiscardsAFlagsNote() throws {
        let f = try TUIFixture()
        let app = f.app()
        app.press(.down, .enter, .down, .enter)  // Furia 950, "Seat foam after 10k km" by giulia
        app.press(.character("f"))
        guard let dialog = app.state.screen as? FlagDialog else { Issue.record("no flag dialog"); return }
        app.type("looks like spam")
        _ = app.handle(.tick)
        app.press(.ctrl("x"))
        #expect(app.screen().contains("Discard this note?"))
        app.press(.character("y"))
        #expect(app.state.screen is ThreadScreen)
        #expect(app.state.status?.text == "Not flagged; the note is discarded.")
        #expect(try f.community.draft(for: f.reader, key: "flag:\(dialog.post.id)") == nil)
    }

    /// Leaving a new thread says how to come back to it, not a reply's words.
    @Test func escFromANewThreadSaysHowToContinue() throws {
        let app = try TUIFixture().app()
        app.press(.down, .down, .enter, .character("c"))
        app.type("A title")
        app.press(.escape)
        #expect(app.state.status?.text == "Draft kept: c in this board continues it.")
    }
}
