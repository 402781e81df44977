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

    /// g G Home End go to the top and the bottom, as on the other scrolling screens.
    @Test func gGHomeAndEndGoToTheTopAndTheBottom() throws {
        let f = try shipped()
        let app = try f.app(as: f.base.reader, width: 40, height: 12)
        try app.open(thread: f.suggestions.seat.id)
        app.press(.character("p"))
        #expect(app.screen().contains("Joined"))
        for (bottom, top) in [(Key.character("G"), Key.character("g")), (.end, .home)] {
            app.press(bottom)
            let end = app.screen()
            #expect(end.contains("co-created: A lower seat"), "\(end)")
            #expect(!end.contains("Joined"), "\(end)")
            app.press(top)
            #expect(app.screen().contains("Joined"), "\(app.screen())")
        }
    }

    /// At 40 columns a list row too long is cut with "…"; a reason in the record
    /// of conduct wraps, so all of it can be read.
    @Test func at40ColumnsRowsAreCutWithAnEllipsisAndSentencesWrap() throws {
        let f = try shipped()
        let why = "Repeated personal attacks in the seat thread after two warnings"
        try f.base.community.warn(by: f.lucia, member: "giulia", reason: why)
        try f.base.community.warn(by: f.lucia, member: "giulia", reason: String(repeating: "r", count: 120))
        let app = try f.app(as: f.lucia, width: 40, height: 12)
        try app.open(thread: f.suggestions.seat.id)
        app.press(.character("p"))
        var seen = [app.screen()]
        for _ in 0..<30 {
            app.press(.character("j"))
            seen.append(app.screen())
        }
        let rows = Set(seen.flatMap { $0.split(separator: "\n").map(String.init) })
        #expect(rows.contains { $0.contains("#\(f.suggestions.seat.id) A lower seat") && $0.trimmingCharacters(in: .whitespaces).hasSuffix("…") },
                "\(rows.sorted().joined(separator: "\n"))")
        #expect(rows.contains { $0.contains("after two warnings") }, "\(rows.sorted().joined(separator: "\n"))")
        #expect(!rows.contains { $0.contains("r r") }, "a word broken over lines gains no space: \(rows.sorted().joined(separator: "\n"))")
    }

    /// A moderator is offered only the penalties that can succeed: nothing on a
    /// fellow moderator or a manager, no lift on a member in good standing;
    /// pressing a key not offered says why in one line and opens no form.
    @Test func aModeratorIsOfferedOnlyThePenaltiesThatCanSucceed() throws {
        let f = try EveryScreenFixture()
        let c = f.base.community
        let marta = try c.actor(handle: try c.addMember(by: f.base.admin, handle: "marta", role: .moderator).handle)
        try c.reply(by: marta, thread: f.seatThread, body: "Keep it civil, please.")
        try c.reply(by: f.base.manager, thread: f.seatThread, body: "The comfort seat helps.")
        func profile(_ focus: (PaddockApp) -> Void) throws -> PaddockApp {
            let app = try f.app(as: f.lucia, width: 80, height: 24)
            try app.open(thread: f.seatThread)
            focus(app)
            app.press(.character("p"))
            return app
        }
        func footer(_ app: PaddockApp) -> String { String(app.screen().split(separator: "\n").last ?? "") }
        // giulia, a member in good standing: warn, silence, suspend; no lift.
        let giulia = try profile { _ in }
        #expect((giulia.state.screen as? ProfileScreen)?.handle == "giulia")
        #expect(footer(giulia).contains("w warn") && footer(giulia).contains("s silence") && footer(giulia).contains("u suspend"), "\(footer(giulia))")
        #expect(!footer(giulia).contains("l lift"), "\(footer(giulia))")
        giulia.press(.character("l"))
        #expect(giulia.state.status == .error("giulia is neither silenced nor suspended"))
        #expect((giulia.state.screen as? ProfileScreen)?.pending == nil)
        // Silenced, she can be lifted.
        giulia.press(.character("s"))
        giulia.type("Cool off")
        giulia.press(.enter, .character("y"))
        #expect(footer(giulia).contains("l lift"), "\(footer(giulia))")
        // A fellow moderator and a manager: nothing to offer, and a key says why.
        for (handle, role) in [("marta", "a moderator"), ("elena", "a manager")] {
            let app = try profile { app in
                app.press(.character("G"))
                for _ in 0..<6 where app.thread?.focusedPost?.authorHandle != handle { app.press(.character("[")) }
            }
            #expect((app.state.screen as? ProfileScreen)?.handle == handle)
            for key in ["w warn", "s silence", "u suspend", "l lift"] { #expect(!footer(app).contains(key), "\(handle): \(footer(app))") }
            app.press(.character("w"))
            #expect(app.state.status == .error("\(handle) is \(role); only a role above theirs can act on them"))
            #expect((app.state.screen as? ProfileScreen)?.pending == nil)
        }
    }

    /// A penalty refused after its form opened (another moderator lifted the
    /// silence meanwhile) closes the form and says why in one line.
    @Test func aPenaltyRefusedAfterTheFormOpenedClosesItSayingWhy() throws {
        let f = try EveryScreenFixture()
        let c = f.base.community
        try c.silence(by: f.base.admin, member: "giulia", until: f.base.clock.now + 86_400, reason: "Cool off")
        let app = try f.app(as: f.lucia, width: 40, height: 12)
        try app.open(thread: f.seatThread)
        app.press(.character("p"), .character("l"))
        #expect((app.state.screen as? ProfileScreen)?.pending == .lift)
        try c.lift(by: f.base.admin, member: "giulia")
        app.type("Served")
        app.press(.enter)
        guard let profile = app.state.screen as? ProfileScreen else { Issue.record("the profile closed"); return }
        #expect(profile.pending == nil)
        #expect(app.state.status == .error("Not done: giulia is neither silenced nor suspended."))
        #expect(!app.screen().contains("Reason (sent"), "\(app.screen())")
    }
}
