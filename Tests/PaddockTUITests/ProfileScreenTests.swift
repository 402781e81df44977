import Foundation
import Testing
@testable import PaddockCore
@testable import PaddockStore
@testable import PaddockTUI

/// Profiles, the leaderboard and helpful marks in the app, drawn into a Canvas.
@Suite struct ProfileScreenTests {
    /// giulia's seat suggestion shipped with ada's support: both are credited.
    func shipped() throws -> EveryScreenFixture {
        let f = try EveryScreenFixture()
        let c = f.base.community
        try c.changeStatus(by: f.base.manager, suggestion: f.suggestions.seat.id, to: .shipped, response: "At dealers now.")
        return f
    }

    @Test func aMemberSeesTheProfileWithoutConductAt80x24And40x12() throws {
        let f = try shipped()
        for (width, height) in [(80, 24), (40, 12)] {
            let app = try f.app(as: f.base.reader, width: width, height: height)
            try app.open(thread: f.suggestions.seat.id)
            app.press(.character("p"))
            for _ in 0..<30 { app.press(.character("j")) }
            let text = app.screen()
            #expect(text.contains("co-created: A lower seat option"), "\(width)x\(height):\n\(text)")
            #expect(!text.contains("Record of conduct") && !text.contains("Standing"), "\(width)x\(height):\n\(text)")
        }
        let app = try f.app(as: f.base.reader, width: 80, height: 24)
        try app.open(thread: f.suggestions.seat.id)
        app.press(.character("p"))
        let text = app.screen()
        #expect(text.contains("giulia · "))
        #expect(text.contains("Reputation: "))
        #expect(text.contains("A lower seat option · Furia 950 · shipped"))
        #expect(!app.screen().contains(" w warn"))
    }

    @Test func aModeratorSeesConductFirstAndCanAct() throws {
        let f = try shipped()
        for (width, height) in [(80, 24), (40, 12)] {
            let app = try f.app(as: f.lucia, width: width, height: height)
            try app.open(thread: f.suggestions.seat.id)
            app.press(.character("p"))
            let text = app.screen()
            #expect(text.contains("Record of conduct"), "\(width)x\(height):\n\(text)")
            #expect(text.contains("Standing: active"), "\(width)x\(height):\n\(text)")
        }
    }

    @Test func theThreadsAuthorMarksAReplyHelpfulWithHAndTakesItBack() throws {
        let f = try EveryScreenFixture()
        let c = f.base.community
        let giulia = f.suggestions.giulia
        let reply = try c.reply(by: f.base.reader, thread: f.suggestions.grips.id, body: "Yes please, three levels.")
        let earned = try c.memberProfile(of: f.base.reader.handle, viewer: giulia).reputation
        let app = try f.app(as: giulia, width: 80, height: 24)
        try app.open(thread: f.suggestions.grips.id)
        app.press(.character("G"))
        app.press(.character("H"))
        #expect(app.state.status == .info("Marked post \(reply.id) helpful: its author earns the points. H again takes it back."))
        #expect(app.screen().contains("✓ helpful"))
        #expect(try c.memberProfile(of: f.base.reader.handle, viewer: giulia).reputation == earned + ReputationRules.points(.helpful))
        app.press(.character("H"))
        #expect(!app.screen().contains("✓ helpful"))
        #expect(try c.memberProfile(of: f.base.reader.handle, viewer: giulia).reputation == earned)
        // On her own opening post: one line, nothing written.
        app.press(.character("g"), .character("H"))
        #expect(app.state.status == .error("you cannot mark your own post helpful"))
        // Someone else's thread: H is not offered, and pressing it says why.
        let other = try f.app(as: f.base.reader, width: 80, height: 24)
        try other.open(thread: f.suggestions.grips.id)
        other.press(.character("H"))
        #expect(other.state.status?.isError == true)
    }

    @Test func bOnTheSuggestionListOpensTheProductsLeaderboard() throws {
        let f = try shipped()
        for (width, height) in [(80, 24), (40, 12)] {
            let app = try f.app(as: f.base.reader, width: width, height: height)
            app.press(.character("S"), .character("B"))
            guard app.state.screen is LeaderboardScreen else { Issue.record("no leaderboard"); return }
            let text = app.screen()
            #expect(text.contains("Furia 950 · last 90 days"), "\(width)x\(height):\n\(text)")
            #expect(text.contains("giulia"), "\(width)x\(height):\n\(text)")
            app.press(.character("d"))
            #expect(app.screen().contains("last 30 days"))
            app.press(.enter)
            #expect((app.state.screen as? ProfileScreen)?.handle == "giulia")
        }
    }
}
