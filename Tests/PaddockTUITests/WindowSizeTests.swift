import Foundation
import Testing
@testable import PaddockCore
@testable import PaddockStore
@testable import PaddockTUI

/// The window sizes every screen and dialog is drawn at: the smallest the app
/// accepts, a short wide one, the classic terminal and a large one.
let windowSizes: [(width: Int, height: Int)] = [(40, 12), (80, 12), (80, 24), (200, 60)]

/// The suggestion fixture plus a moderator, a flagged post and a busy thread
/// last active more than a year ago: something on every screen.
struct EveryScreenFixture {
    let suggestions: SuggestionFixture
    let lucia: Actor
    let seatThread: Int64
    let oldThread: Int64

    init() throws {
        suggestions = try SuggestionFixture()
        let base = suggestions.base
        let c = base.community
        lucia = try c.actor(handle: try c.addMember(by: base.admin, handle: "lucia", role: .moderator).handle)
        let furia = try c.threads(board: "furia", reader: base.admin, order: .latest, after: nil, limit: 10)
        seatThread = furia.threads.first { $0.title.hasPrefix("Seat foam") }!.id
        let seatPost = try c.thread(seatThread, viewer: base.admin, from: 0, limit: 1).posts[0].id
        _ = try c.flag(by: base.reader, post: seatPost, reason: .spam)
        base.clock.advance(by: -86400 * 400)
        let old = try c.startThread(by: base.admin, board: "furia", title: "Winter storage, the long version",
                                    body: "Battery tender, fuel stabiliser, tyres off the floor.")
        for n in 1...12 { try c.reply(by: base.admin, thread: old.id, body: "Tip \(n)") }
        oldThread = old.id
        base.clock.advance(by: 86400 * 400)
    }

    var base: TUIFixture { suggestions.base }

    /// Who takes a journey.
    func actor(_ who: Journey.Who) -> Actor {
        switch who {
        case .member: base.reader
        case .moderator: lucia
        case .manager: base.manager
        }
    }

    func app(as member: Actor, width: Int, height: Int) throws -> PaddockApp {
        let clock = base.clock
        return PaddockApp(community: base.community, member: try base.community.actor(handle: member.handle),
                          width: width, height: height, clock: { clock.now })
    }
}

extension PaddockApp {
    /// From home, opens the board with this slug as a person would: down to it, Enter.
    func openBoard(_ slug: String) {
        guard let home = state.screen as? HomeScreen,
              let index = home.overview?.boards.firstIndex(where: { $0.board.slug == slug }) else { return }
        for _ in 0..<index { press(.down) }
        press(.enter)
    }
}

/// One place a person can be: who, how they get there, and what must show there at any size.
struct Journey: CustomStringConvertible, Sendable {
    enum Who { case member, moderator, manager }
    let name: String
    let who: Who
    let go: @Sendable (PaddockApp, EveryScreenFixture) throws -> Void
    /// Text the screen must show whatever the size (the focused part of a dialog).
    var shows: [String] = []

    var description: String { name }
}

let journeys: [Journey] = [
    Journey(name: "home", who: .member, go: { _, _ in }, shows: ["Furia 950"]),
    Journey(name: "home help", who: .member, go: { app, _ in app.press(.character("?")) }, shows: ["Keys on this screen"]),
    Journey(name: "board", who: .member, go: { app, _ in app.openBoard("furia") }, shows: ["Winter storage"]),
    Journey(name: "board help", who: .member, go: { app, _ in app.openBoard("furia"); app.press(.character("?")) },
            shows: ["Keys on this screen"]),
    Journey(name: "suggestion board", who: .member, go: { app, _ in app.openBoard("ideas") }, shows: ["SUPPORT"]),
    Journey(name: "thread", who: .member, go: { app, f in try app.open(thread: f.seatThread) }, shows: ["giulia"]),
    Journey(name: "thread help", who: .moderator, go: { app, f in try app.open(thread: f.seatThread); app.press(.character("?")) },
            shows: ["Keys on this screen"]),
    Journey(name: "suggestion thread", who: .member, go: { app, f in try app.open(thread: f.suggestions.grips.id) }, shows: ["NEW"]),
    Journey(name: "compose a reply", who: .member, go: { app, f in try app.open(thread: f.seatThread); app.press(.character("r")); app.type("Ciao") },
            shows: ["Ciao"]),
    Journey(name: "compose a thread", who: .member, go: { app, _ in app.openBoard("garage"); app.press(.character("c")); app.type("Chains") },
            shows: ["Chains"]),
    Journey(name: "discard a draft", who: .member, go: { app, f in
        try app.open(thread: f.seatThread); app.press(.character("r")); app.type("Ciao"); app.press(.ctrl("x"))
    }),
    Journey(name: "flag", who: .member, go: { app, f in try app.open(thread: f.seatThread); app.press(.character("f"), .down, .down, .down) },
            shows: ["▸ other", "Note"]),
    Journey(name: "flag with a note", who: .member, go: { app, f in
        try app.open(thread: f.seatThread); app.press(.character("f")); app.type("Looks like an advert")
    }, shows: ["Looks like an advert"]),
    Journey(name: "moderate", who: .moderator, go: { app, f in try app.open(thread: f.seatThread); app.press(.character("m")) },
            shows: ["▸ hide the opening post", "Reason"]),
    Journey(name: "moderate, last action", who: .moderator, go: { app, f in
        try app.open(thread: f.seatThread); app.press(.character("m"), .end); for _ in 0..<10 { app.press(.down) }; app.type("Off topic")
    }, shows: ["▸ hide the thread", "Off topic"]),
    Journey(name: "moderate, move", who: .moderator, go: { app, f in
        try app.open(thread: f.seatThread); app.press(.character("m"), .down, .down, .down, .down, .down, .enter)
    }, shows: ["▸ Garage"]),
    Journey(name: "moderate, slow mode", who: .moderator, go: { app, f in
        try app.open(thread: f.seatThread); app.press(.character("m"), .down, .down, .down, .down, .down, .down, .enter)
        for _ in 0..<4 { app.press(.down) }
    }, shows: ["▸ one post every 1 day"]),
    Journey(name: "profile, as a moderator", who: .moderator, go: { app, f in try app.open(thread: f.seatThread); app.press(.character("p")) },
            shows: ["Standing"]),
    Journey(name: "profile, as a member", who: .member, go: { app, f in try app.open(thread: f.seatThread); app.press(.character("p")) },
            shows: ["giulia · "]),
    // Scrolled at a small size and then drawn larger, it shows from the top again: nothing to require.
    Journey(name: "profile, scrolled to the end", who: .member, go: { app, f in
        try app.open(thread: f.suggestions.grips.id); app.press(.character("p")); for _ in 0..<20 { app.press(.character("j")) }
    }),
    Journey(name: "leaderboard", who: .member, go: { app, _ in app.press(.character("S"), .character("B")) }, shows: ["Furia 950 · last 90"]),
    Journey(name: "conduct, silence", who: .moderator, go: { app, f in
        try app.open(thread: f.seatThread); app.press(.character("p"), .character("s")); app.type("Calm down")
    }, shows: ["Calm down"]),
    Journey(name: "moderation queue", who: .moderator, go: { app, _ in app.press(.character("M")) }, shows: ["giulia in “Seat"]),
    Journey(name: "moderation queue, agree", who: .moderator, go: { app, _ in app.press(.character("M"), .character("a")); app.type("Spam") },
            shows: ["Spam"]),
    Journey(name: "moderation log", who: .moderator, go: { app, _ in app.press(.character("L")) }),
    Journey(name: "inbox", who: .member, go: { app, _ in app.press(.character("i")) }),
    Journey(name: "search", who: .member, go: { app, _ in app.press(.character("/")); app.type("seat") }, shows: ["seat"]),
    Journey(name: "search results", who: .member, go: { app, _ in app.press(.character("/")); app.type("seat"); app.press(.enter) }),
    Journey(name: "search help", who: .member, go: { app, _ in app.press(.character("/"), .function(1)) }, shows: ["Keys on this screen"]),
    Journey(name: "roadmap", who: .member, go: { app, _ in app.press(.character("R")) }),
    Journey(name: "suggestions", who: .member, go: { app, _ in app.press(.character("S")) }),
    Journey(name: "review queue", who: .manager, go: { app, _ in app.press(.character("Q")) }),
    Journey(name: "dashboard", who: .manager, go: { app, _ in app.press(.character("D")) }, shows: ["30 days: "]),
    Journey(name: "dashboard, a year, scrolled to the end", who: .manager, go: { app, _ in
        app.press(.character("D"), .character("]"), .character("]"), .character("G"))
    }, shows: ["365 days: "]),
    Journey(name: "status", who: .manager, go: { app, f in try app.open(thread: f.suggestions.grips.id); app.press(.character("S"), .down) },
            shows: ["▸"]),
    Journey(name: "status, response", who: .manager, go: { app, f in
        try app.open(thread: f.suggestions.grips.id); app.press(.character("S"), .tab); app.type("We are on it")
    }, shows: ["We are on it"]),
    Journey(name: "merge", who: .manager, go: { app, f in
        try app.open(thread: f.suggestions.grips.id); app.press(.character("D")); app.type("\(f.suggestions.seat.id)")
    }, shows: ["Into #"]),
    Journey(name: "merge, response", who: .manager, go: { app, f in
        try app.open(thread: f.suggestions.grips.id); app.press(.character("D"), .tab); app.type("Same as the seat one")
    }, shows: ["Same as the seat one"]),
    Journey(name: "feature ratings", who: .member, go: { app, _ in app.press(.character("S"), .character("F"), .character("*")) },
            shows: ["Your rating"]),
    Journey(name: "feature ratings, review", who: .member, go: { app, f in
        // Only owners rate: the form takes a review once the member rides the Furia.
        try f.suggestions.community.setRides(by: f.actor(.member), product: "furia", rides: true)
        app.press(.character("S"), .character("F"), .character("*"), .character("4"), .tab); app.type("Firm")
    }, shows: ["Firm"]),
    Journey(name: "for you", who: .member, go: { app, _ in app.press(.character("y")) }, shows: ["For you"]),
    Journey(name: "new suggestion", who: .member, go: { app, _ in app.openBoard("ideas"); app.press(.character("c")) },
            shows: ["Product"]),
    Journey(name: "new suggestion, title", who: .member, go: { app, _ in
        app.openBoard("ideas"); app.press(.character("c"), .tab, .tab); app.type("Lower")
    }, shows: ["Lower"]),
    Journey(name: "new suggestion, body", who: .member, go: { app, _ in
        app.openBoard("ideas"); app.press(.character("c"), .tab, .tab, .tab); app.type("Twenty millimetres lower")
    }, shows: ["Twenty millimetres lower"]),
    Journey(name: "new suggestion, discard?", who: .member, go: { app, _ in
        app.openBoard("ideas"); app.press(.character("c"), .tab, .tab); app.type("Lower"); app.press(.ctrl("x"))
    }, shows: ["Discard"]),
    Journey(name: "poll thread", who: .member, go: { app, f in try app.open(thread: try f.colourPoll()) }, shows: ["[POLL]"]),
    Journey(name: "poll vote", who: .member, go: { app, f in try app.open(thread: try f.colourPoll()); app.press(.character("v"), .down, .character(" ")) },
            shows: ["(•) Nero opaco"]),
    Journey(name: "feature poll results", who: .manager, go: { app, f in try app.open(thread: try f.featurePoll()); app.press(.character("v"), .end) },
            shows: ["▸ [       ] Exhaust"]),
    Journey(name: "poll comment", who: .member, go: { app, f in
        try app.open(thread: try f.featurePoll()); app.press(.character("v"), .character(" "), .character("c")); app.type("Too tall")
    }, shows: ["Seat: Too tall", "8/140"]),
    Journey(name: "new poll", who: .manager, go: { app, _ in app.openBoard("garage"); app.press(.character("P")); app.type("Colours") },
            shows: ["Colours"]),
    Journey(name: "new feature poll, intro", who: .manager, go: { app, _ in
        app.openBoard("garage"); app.press(.character("P"), .tab, .left, .tab, .down, .character(" "), .tab, .tab, .tab); app.type("Tell us")
    }, shows: ["Tell us"]),
]

/// Every line of the canvas is exactly as wide as the window, and what must show does.
func expectDrawn(_ canvas: Canvas, width: Int, height: Int, shows: [String], _ context: String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(canvas.width == width && canvas.height == height, "\(context)", sourceLocation: sourceLocation)
    let rows = canvas.rows
    #expect(rows.count == height, "\(context)", sourceLocation: sourceLocation)
    for (y, row) in rows.enumerated() {
        #expect(TextWidth.of(row) == width, "\(context): row \(y) is \(TextWidth.of(row)) wide", sourceLocation: sourceLocation)
    }
    // Status and footer rows aside, the body must show it.
    let text = canvas.text
    for needle in shows {
        #expect(text.contains(needle), "\(context): \(needle.debugDescription) is not on screen:\n\(text)", sourceLocation: sourceLocation)
    }
}

@Suite struct WindowSizeTests {
    /// Every screen and dialog, opened at each size and then resized to every
    /// other size while open, draws without a trap and keeps its focus in view;
    /// a key pressed after the resize still works.
    @Test(arguments: journeys)
    func everyScreenAtEverySizeAndResizedWhileOpen(_ journey: Journey) throws {
        let f = try EveryScreenFixture()
        for start in windowSizes {
            let app = try f.app(as: f.actor(journey.who), width: start.width, height: start.height)
            try journey.go(app, f)
            let opened = app.state.screen
            expectDrawn(app.resizeAndRender(width: start.width, height: start.height), width: start.width, height: start.height,
                        shows: journey.shows, "\(journey) at \(start.width)x\(start.height)")
            for size in windowSizes + [start] {
                let context = "\(journey) opened at \(start.width)x\(start.height), resized to \(size.width)x\(size.height)"
                expectDrawn(app.resizeAndRender(width: size.width, height: size.height), width: size.width, height: size.height,
                            shows: journey.shows, context)
                #expect(sameKind(app.state.screen, opened), "\(context): the screen changed on resize")
            }
            // Keys after a resize to the smallest size, then drawn again at each size.
            _ = app.resizeAndRender(width: 40, height: 12)
            app.press(.down, .down, .up)
            for size in windowSizes {
                let canvas = app.resizeAndRender(width: size.width, height: size.height)
                expectDrawn(canvas, width: size.width, height: size.height, shows: [], "\(journey) after keys at \(size.width)x\(size.height)")
            }
        }
    }

    /// Below the minimum every screen says so instead of drawing, and comes back when the window grows.
    @Test func belowTheMinimumEveryScreenSaysTheWindowIsTooSmall() throws {
        let f = try EveryScreenFixture()
        let app = try f.app(as: f.lucia, width: 100, height: 30)
        try app.open(thread: f.seatThread)
        app.press(.character("m"))
        for (w, h) in [(39, 12), (40, 11), (10, 3), (1, 1), (0, 0)] {
            let canvas = app.resizeAndRender(width: w, height: h)
            #expect(canvas.width == w && canvas.height == h)
            if w >= 16 && h >= 3 { #expect(canvas.text.contains("Window too small")) }
        }
        #expect(app.screen(width: 40, height: 12).contains("Reason"))
    }
}

func sameKind(_ a: any AppScreen, _ b: any AppScreen) -> Bool { type(of: a) == type(of: b) }

/// The labels of a list's header row, as column spans: runs of text separated by two or more blanks.
func headerColumns(_ canvas: Canvas, row: Int) -> [Range<Int>] {
    var spans: [Range<Int>] = []
    var start: Int?
    var lastText = -1
    for x in 0..<canvas.width {
        if canvas[x, row].grapheme == " " {
            if let s = start, x - lastText >= 2 {
                spans.append(s..<lastText + 1)
                start = nil
            }
        } else {
            if start == nil { start = x }
            lastText = x
        }
    }
    if let start { spans.append(start..<lastText + 1) }
    return spans
}

/// No column's text runs into the next: between every two labels of the
/// header there is a column blank in every row of the list below it.
func expectColumnsKeepApart(_ canvas: Canvas, headerRow: Int, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let labels = headerColumns(canvas, row: headerRow)
    let rows = (headerRow + 1)..<(canvas.height - 2)
    for (left, right) in zip(labels, labels.dropFirst()) {
        let gutter = (left.upperBound..<right.lowerBound).first { x in rows.allSatisfy { canvas[x, $0].grapheme == " " } }
        #expect(gutter != nil, """
            \(context): the column under \(canvas.rows[headerRow].dropFirst(left.lowerBound).prefix(left.count)) \
            runs into the next one:
            \(canvas.rows[headerRow...].prefix(rows.count + 1).joined(separator: "\n"))
            """, sourceLocation: sourceLocation)
    }
}

@Suite struct ColumnTests {
    /// Every list with columns, at every size: each column fits its widest
    /// value (a date in an earlier year, a reply count) and leaves a gap.
    @Test func theColumnsOfEveryListKeepApart() throws {
        let f = try EveryScreenFixture()
        let lists: [(String, label: String, go: (PaddockApp) throws -> Void, Actor)] = [
            ("home", "BOARD", { _ in }, f.base.reader),
            ("board", "TITLE", { $0.openBoard("furia") }, f.base.reader),
            ("board, most replies", "TITLE", { $0.openBoard("furia"); $0.press(.character("o")) }, f.base.reader),
            ("suggestion board", "TITLE", { $0.openBoard("ideas") }, f.base.reader),
            ("suggestions", "STATUS", { $0.press(.character("S")) }, f.base.reader),
            ("review queue", "UNDER REVIEW", { $0.press(.character("Q")) }, f.base.manager),
        ]
        for (name, label, go, who) in lists {
            for size in windowSizes {
                let app = try f.app(as: who, width: size.width, height: size.height)
                try go(app)
                let canvas = app.resizeAndRender(width: size.width, height: size.height)
                let context = "\(name) at \(size.width)x\(size.height)"
                guard let header = canvas.rows.firstIndex(where: { $0.contains(label) }) else {
                    Issue.record("\(context): no header \(label):\n\(canvas.text)")
                    continue
                }
                #expect(headerColumns(canvas, row: header).count >= 3, "\(context): \(canvas.rows[header])")
                expectColumnsKeepApart(canvas, headerRow: header, context)
            }
        }
    }

    /// A thread last active in an earlier year shows its year in LAST, apart from its replies.
    @Test func aBoardAt80ShowsAnOldThreadsDateApartFromItsReplies() throws {
        let f = try EveryScreenFixture()
        let app = try f.app(as: f.base.reader, width: 80, height: 24)
        app.openBoard("furia")
        let row = app.screen().split(separator: "\n").first { $0.contains("Winter storage") }.map(String.init) ?? ""
        #expect(row.hasSuffix("12  Apr 2025"), "\(row)")
    }

    /// At 40x12 the latest announcement's title is on the home screen, with a short hint.
    @Test func homeAt40x12ShowsTheLatestAnnouncementsTitle() throws {
        let app = try TUIFixture().app(width: 40, height: 12)
        let line = app.screen().split(separator: "\n", omittingEmptySubsequences: false)[1]
        #expect(line.contains("Furia 950 MY2026"), "\(line)")
        #expect(line.hasSuffix("· 3d (a)"), "\(line)")
    }
}

@Suite struct SmallWindowTests {
    /// At 40x12 the help overlay shows what fits, says there is more, and j,
    /// PgDn and G scroll through every key; another key closes it.
    @Test func helpScrollsThroughEveryKeyAt40x12() throws {
        let app = try TUIFixture().app(width: 40, height: 12)
        app.press(.character("?"))
        let keys = app.state.screen.help(app.state.context())
        #expect(keys.count == 17)
        var seen = Set<String>()
        func look() -> String {
            let text = app.screen()
            // Long actions are cut at 40 columns: their first words stand for them.
            for key in keys where text.contains(key.keys + " ") && text.contains(key.action.prefix(12)) { seen.insert(key.action) }
            return text
        }
        let first = look()
        #expect(first.contains("1–6 of 17, j k scroll, q closes"), "\(first)")
        #expect(first.contains("▼"))
        #expect(seen.count == 6)
        app.press(.character("j"))
        #expect(look().contains("2–7 of 17"))
        app.press(.pageDown)
        #expect(look().contains("8–13 of 17"))
        app.press(.character("G"))
        let last = look()
        #expect(last.contains("12–17 of 17") && last.contains("▲") && !last.contains("▼"), "\(last)")
        #expect(seen.count == keys.count, "never shown: \(keys.map(\.action).filter { !seen.contains($0) })")
        #expect(app.state.showingHelp)
        app.press(.character("q"))
        #expect(!app.state.showingHelp)
        if app.state.screen is HomeScreen {} else { Issue.record("q closed help and left home") }
        // Where every key fits, any key closes it, as before.
        app.press(.character("?"))
        #expect(app.screen(width: 80, height: 24).contains("any key closes"))
        app.press(.character("j"))
        #expect(!app.state.showingHelp)
    }

    /// At 40x12 the new-suggestion form scrolls to the field being typed in:
    /// the title with its similar suggestions, then the body.
    @Test func theSuggestionFormKeepsTheFocusedFieldInViewAt40x12() throws {
        let f = try SuggestionFixture()
        let app = f.app(width: 40, height: 12)
        app.openBoard("ideas")
        app.press(.character("c"), .tab, .tab)
        app.type("Heated")
        let title = app.screen()
        #expect(title.contains("Title:    Heated"), "\(title)")
        #expect(title.contains("#\(f.grips.id)"), "the similar suggestion is in view:\n\(title)")
        app.press(.tab)
        app.type("Three levels, one button.\nAnd a light.")
        let body = app.screen()
        #expect(body.contains("Three levels, one button."), "\(body)")
        #expect(body.contains("And a light."), "\(body)")
        #expect(body.contains("▲"), "says more is above:\n\(body)")
        app.press(.backTab)
        #expect(app.screen().contains("Title:    Heated"))
    }

    /// At 40x12 and 80x12 the moderation menu shows the chosen action and the reason field, scrolling its actions.
    @Test func theModerationMenuScrollsItsActionsIn12Rows() throws {
        let f = try EveryScreenFixture()
        for width in [40, 80] {
            let app = try f.app(as: f.lucia, width: width, height: 12)
            try app.open(thread: f.seatThread)
            app.press(.character("m"))
            var text = app.screen()
            #expect(text.contains("▸ hide the opening post") && text.contains("Reason") && text.contains("▼"), "\(text)")
            for _ in 0..<7 { app.press(.down) }
            app.type("Wrong board")
            text = app.screen()
            #expect(text.contains("▸ hide the thread") && text.contains("Wrong board") && text.contains("▲"), "\(text)")
        }
    }
}

@Suite struct StatusRowTests {
    /// At 40 columns a question too long for the status row wraps over the rows above it, "(y/n)" included.
    @Test func aLongQuestionIsReadWholeAt40x12() throws {
        let f = try SuggestionFixture()
        let app = f.app(width: 40, height: 12)
        app.openBoard("ideas")
        app.press(.character("c"), .tab, .tab)
        app.type("Lower")
        app.press(.ctrl("x"))
        let rows = app.screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(rows[9].hasPrefix(" Discard this suggestion? It cannot be"), "\(rows[9])")
        #expect(rows[10].hasPrefix(" recovered. (y/n)"), "\(rows[10])")
        #expect(rows[11].contains("^S post"), "the footer stays")
    }
}

extension ColumnTests {
    /// A long announcement title keeps the full label where there is room for a good part of it.
    @Test func aLongAnnouncementTitleKeepsTheLabelAt80() throws {
        let f = try TUIFixture()
        f.clock.advance(by: 60)
        try f.community.startThread(by: f.manager, board: "announcements",
                                    title: "Winter service campaign: 20% off labour and a free check of every Furia until March",
                                    body: "Book at your dealer.")
        let app = f.app(width: 80, height: 24)
        let line = app.screen().split(separator: "\n", omittingEmptySubsequences: false)[1]
        #expect(line.hasPrefix(" Latest announcement: Winter service campaign"), "\(line)")
        #expect(line.hasSuffix("· now  (a to read)"), "\(line)")
        let narrow = app.screen(width: 40, height: 12).split(separator: "\n", omittingEmptySubsequences: false)[1]
        #expect(narrow.hasPrefix(" Latest: Winter service campa") && narrow.hasSuffix("· now (a)"), "\(narrow)")
    }
}
