import Foundation
import PaddockCore
import PaddockStore
import PaddockTUI
import Testing

/// Every hostile string posted through the real command line, as titles where
/// a title may hold it and as bodies, then read back the ways members read:
/// `thread show` printed to a terminal, and the app drawn headless at several
/// sizes. Nothing may reach the terminal that could take it over, and every
/// screen row must keep its width.
@Suite(.serialized) struct HostileCorpusCLITests {
    /// Scalars that must never be in a cell or in text printed for people.
    static func forbidden(_ v: UInt32, allowNewline: Bool) -> Bool {
        if v == 0x0A { return !allowNewline }
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || [0x200B, 0x200C, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x00AD].contains(v)
    }

    static let sizes = [(80, 24), (40, 12), (120, 40), (300, 100), (20, 6)]

    @Test func postedThroughTheCLIAndReadSafely() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(cli.run(["init", "--admin", "ada"]).status == 0)
        // marco posts the whole corpus in a burst, which a new member's pace would refuse.
        try #require(cli.run(as: "ada", ["setting", "set", "new_member_days", "0"]).status == 0)
        try #require(cli.run(as: "ada", ["member", "add", "marco"]).status == 0)
        try #require(cli.run(as: "ada", ["board", "add", "hostile", "--title", "Hostile"]).status == 0)
        try #require(cli.run(as: "ada", ["thread", "new", "--board", "hostile", "--title", "Gauntlet", "--body", "Every case as a reply."]).status == 0)

        // Each case as a thread: its text as the title when it is one (a title is
        // a command-line argument, so it cannot hold NUL), and as the opening post.
        var titled = 0
        for (index, item) in HostileCorpus.cases.enumerated() {
            let asTitle = !item.text.contains("\u{0}") && (try? Validate.title(item.text)) != nil
            let title = asTitle ? item.text : "case \(index): \(item.name)"
            let new = try cli.run(as: "ada", ["thread", "new", "--board", "hostile", "--title", title, "--body-file", "-"], stdin: item.text)
            let reply = try cli.run(as: "marco", ["reply", "1"], stdin: item.text)
            if (try? Validate.body(item.text)) != nil {
                #expect(new.status == 0, "\(item.name): \(new.stderr)")
                #expect(reply.status == 0, "\(item.name): \(reply.stderr)")
            } else {
                #expect(new.status == 1 && reply.status == 1, "\(item.name) should be refused")
                if item.text.unicodeScalars.contains("\u{0}") {
                    #expect(reply.stderr == "paddock: the post contains a NUL character (U+0000), which cannot be stored; remove it\n")
                }
            }
            for output in [new.stdout, new.stderr, reply.stdout, reply.stderr] {
                let bad = output.unicodeScalars.filter { Self.forbidden($0.value, allowNewline: true) }.map { "U+" + String($0.value, radix: 16) }
                #expect(bad == [], "\(item.name)")
            }
            if asTitle && new.status == 0 { titled += 1 }
        }
        #expect(titled > HostileCorpus.cases.count / 2)

        // `thread show` as a person reads it: no escape, no C0 but newline, no bidi or invisible trick.
        let threads = try Community(database: AppDatabase.open(path: cli.db)).threads(board: "hostile", limit: 500).threads
        let stored = HostileCorpus.cases.filter { (try? Validate.body($0.text)) != nil }.count
        #expect(threads.count == stored + 1)
        // Every body is a reply in the Gauntlet (#1); the titles are all in `thread list`; a sample of the rest.
        for thread in threads where thread.id == 1 || thread.id % 8 == 0 {
            let show = try cli.run(["thread", "show", "\(thread.id)", "--limit", "500"])
            #expect(show.status == 0)
            // Named by code point: the test's own output must not carry them to a terminal either.
            let bad = show.stdout.unicodeScalars.filter { Self.forbidden($0.value, allowNewline: true) }.map { "U+" + String($0.value, radix: 16) }
            #expect(bad == [], "thread \(thread.id)")
        }
        let list = try cli.run(["thread", "list", "--board", "hostile", "--limit", "500"])
        #expect(list.stdout.unicodeScalars.filter { Self.forbidden($0.value, allowNewline: true) }.map { "U+" + String($0.value, radix: 16) } == [])
        // JSON keeps the text exactly as written.
        // (JSONDecoder: Foundation's JSONSerialization drops a leading U+FEFF inside a string.)
        struct Detail: Decodable { struct Post: Decodable { let body: String }; let posts: [Post] }
        let json = try cli.run(["thread", "show", "1", "--limit", "500", "--json"]).stdout
        let bodies = try JSONDecoder().decode(Detail.self, from: Data(json.utf8)).posts.dropFirst().map(\.body)
        let expectedBodies = HostileCorpus.cases.map(\.text).filter { (try? Validate.body($0)) != nil }
        #expect(bodies.count == expectedBodies.count)
        for (got, want) in zip(bodies, expectedBodies) where Array(got.unicodeScalars) != Array(want.unicodeScalars) {
            Issue.record("stored \(got.debugDescription), posted \(want.debugDescription)")
        }


        // The app, headless, at several sizes: the board, then every thread read to its end.
        let community = Community(database: try AppDatabase.open(path: cli.db))
        let reader = try community.actor(handle: "marco")
        for (width, height) in Self.sizes {
            let app = PaddockApp(community: community, member: reader, width: width, height: height)
            var screens = 0
            func look(_ what: @autoclosure () -> String) {
                screens += 1
                let canvas = app.render(width: width, height: height)
                Self.expectSafe(canvas, width: width, height: height, what())
            }
            look("home")
            _ = app.handle(.key(.enter))
            look("board")
            for n in 0..<threads.count {
                _ = app.handle(.key(.enter))
                look("thread \(n) at \(width)x\(height)")
                // Page to the end (the screen stops changing), a few pages for the short threads.
                var previous = app.render(width: width, height: height)
                for step in 0..<(n == 0 ? 400 : 2) {
                    _ = app.handle(.key(.pageDown))
                    let canvas = app.render(width: width, height: height)
                    if canvas == previous { break }
                    previous = canvas
                    look("thread \(n), page \(step + 1), at \(width)x\(height)")
                }
                _ = app.handle(.key(.escape))
                _ = app.handle(.key(.down))
                look("board, row \(n + 1), at \(width)x\(height)")
            }
            #expect(screens > threads.count * 2)
        }
    }

    /// No cell holds a control, escape, bidi or invisible scalar, and every row
    /// is exactly as wide as the canvas.
    static func expectSafe(_ canvas: Canvas, width: Int, height: Int, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var bad: [String] = []
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                guard let grapheme = canvas[x, y].grapheme else { continue }
                let scalars = Array(grapheme.unicodeScalars)
                for s in scalars where forbidden(s.value, allowNewline: false) {
                    bad.append("(\(x),\(y)) U+\(String(s.value, radix: 16, uppercase: true))")
                }
                // A joiner only inside an emoji sequence.
                if scalars.first?.value == 0x200D || (scalars.count == 1 && scalars[0].value == 0x200D) {
                    bad.append("(\(x),\(y)) lone ZWJ")
                }
            }
        }
        #expect(bad.count == 0, "\(what): \(bad.prefix(5))", sourceLocation: sourceLocation)
        #expect(canvas.width == width && canvas.height == height, "\(what)", sourceLocation: sourceLocation)
        let rows = canvas.rows
        let wrong = rows.enumerated().filter { TextWidth.of($0.element) != width }
            .map { "\($0.offset): width \(TextWidth.of($0.element)) |\(SafeText.displayable($0.element))|" }
        #expect(wrong == [], "\(what)", sourceLocation: sourceLocation)
    }
}
