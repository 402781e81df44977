import Foundation
import PaddockCore
import PaddockStore
import Testing

/// The terminal layer in a real terminal (tmux): hang-ups, pastes and the keys
/// terminals send, as a member meets them.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct TerminalEndToEndTests {
    /// The binary built with the Makefile's release flags (`make release`;
    /// `make test` builds it first): `PADDOCK_RELEASE_BIN`, else
    /// `.build/release/paddock` found from the test bundle's folder up.
    static var releaseBinary: String? {
        if let path = ProcessInfo.processInfo.environment["PADDOCK_RELEASE_BIN"] { return path }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            for candidate in [url.appendingPathComponent("release/paddock").path,
                              url.appendingPathComponent(".build/release/paddock").path]
                where FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    /// A demo community in the session's folder, with 'ada' as its admin.
    private func demo(_ tmux: Tmux, binary: String = Tmux.binary) throws -> String {
        let db = tmux.folder + "/community.sqlite"
        let result = try Tmux.run(binary, ["--db", db, "init", "--demo", "--admin", "ada"])
        try #require(result.status == 0)
        return db
    }

    /// The latest thread of the Furia 950 board (the one Down Enter Enter opens).
    private func firstFuriaThread(_ db: String) throws -> Int {
        let out = try Tmux.run(Tmux.binary, ["--db", db, "thread", "list", "--board", "furia-950", "--limit", "1", "--json"]).stdout
        let page = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [String: Any]
        return (page["threads"] as! [[String: Any]])[0]["id"] as! Int
    }

    /// Ada's draft of a reply to `thread`, as stored.
    private func replyDraft(_ db: String, thread: Int) throws -> String? {
        let community = Community(database: try AppDatabase.open(path: db))
        return try community.draft(for: try community.actor(handle: "ada"), key: "reply:\(thread)")?.body
    }

    /// Opens the app in the shell, then a reply to the latest Furia 950 thread.
    private func openReply(_ tmux: Tmux, _ db: String, binary: String = Tmux.binary) throws {
        try tmux.typeLine("\(binary) --db \(db) --as ada; echo EXITED=$?")
        try tmux.waitFor("Latest announcement")
        try tmux.keys("Down", "Enter", "Enter")
        try tmux.waitFor("r reply")
        try tmux.keys("r")
        try tmux.waitFor("Reply to:")
    }

    private func appPID(_ tmux: Tmux) throws -> Int32 {
        let shell = try tmux.tmux("display-message", "-p", "-t", tmux.session, "#{pane_pid}")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let app = try Tmux.run("pgrep", ["-P", shell]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return try #require(Int32(app), "no app process under the shell \(shell)")
    }

    // MARK: - Hang-up (issue 14, point 1)

    /// The release build once ignored SIGHUP and SIGTERM (its loop read a copy
    /// of the flag the handler never set): it must end at once, draft saved.
    @Test(arguments: [SIGHUP, SIGTERM])
    func aHangupEndsTheReleaseBuildAndKeepsTheDraft(signal: Int32) throws {
        guard let release = Self.releaseBinary else {
            Issue.record("""
                no release binary: run `make release` first (`make test` does), or set PADDOCK_RELEASE_BIN; \
                this test checks the binary built with the release flags
                """)
            return
        }
        let tmux = try Tmux()
        let db = try demo(tmux, binary: release)
        let thread = try firstFuriaThread(db)
        try tmux.start(width: 80, height: 24)
        try openReply(tmux, db, binary: release)
        let text = "Typed just before signal \(signal)"
        try tmux.literal(text)
        try tmux.waitFor(text)
        let app = try appPID(tmux)
        let sent = Date()
        #expect(kill(app, signal) == 0)
        // The shell prints EXITED once the app has gone; a release build that
        // ignores the signal never gets there.
        try tmux.waitFor("EXITED=0", seconds: 3)
        print("signal \(signal): the app ended within \(String(format: "%.3f", Date().timeIntervalSince(sent))) s (to the shell's prompt)")
        #expect(kill(app, 0) == -1 && errno == ESRCH, "the app is still running after signal \(signal)")
        #expect(try replyDraft(db, thread: thread) == text)
    }

    /// A hang-up while ^O's editor is open ends the editor too, not after it:
    /// the editor here would take a minute; the app is gone long before, the
    /// text typed before ^O kept as the draft.
    @Test func aHangupWhileTheEditorIsOpenEndsBoth() throws {
        let tmux = try Tmux()
        let db = try demo(tmux)
        let thread = try firstFuriaThread(db)
        let editor = tmux.folder + "/slow-editor"
        try "#!/bin/sh\necho opened > \"$1.seen\"\nexec sleep 60\n".write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        try tmux.start(width: 80, height: 24, environment: ["VISUAL": editor, "EDITOR": editor])
        try openReply(tmux, db)
        let text = "Typed before the editor"
        try tmux.literal(text)
        try tmux.waitFor(text)
        let app = try appPID(tmux)
        try tmux.keys("C-o")
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, (try? Tmux.run("pgrep", ["-P", "\(app)"]).stdout.isEmpty) ?? true {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(kill(app, SIGHUP) == 0)
        try tmux.waitFor("EXITED=0", seconds: 10)
        #expect(kill(app, 0) == -1 && errno == ESRCH, "the app is still waiting for its editor")
        #expect(try replyDraft(db, thread: thread) == text)
    }

    // MARK: - Pasting (issue 22, point 2)

    /// Text of about `bytes` bytes (seeded): words, accents, CJK, emoji and
    /// line breaks, no tabs or carriage returns, no space at either end.
    private func pasteText(bytes: Int, seed: UInt64) -> String {
        var rng = SplitMix(seed: seed)
        let words = ["moto", "così", "perché", "日本語", "🏍️", "👍", "Hypermotard", "sella", "çà", "ñ", "ok,", "end."]
        var text = "Start"
        while text.utf8.count < bytes - 20 {
            text += Int.random(in: 0..<12, using: &rng) == 0 ? "\n" : " "
            text += words.randomElement(using: &rng)!
        }
        return text + " the end"
    }

    private func paste(_ tmux: Tmux, _ text: String, bracketed: Bool) throws {
        let file = tmux.folder + "/paste.txt"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        try tmux.tmux("load-buffer", "-b", "p", file)
        if bracketed {
            try tmux.tmux("paste-buffer", "-p", "-b", "p", "-t", tmux.session)
        } else {
            try tmux.tmux("paste-buffer", "-b", "p", "-t", tmux.session)
        }
    }

    /// Pastes seeded text into a reply, keeps it as a draft with Esc, and
    /// compares the stored draft with what was pasted.
    private func pasteIntoAReply(bytes: Int, seed: UInt64, bracketed: Bool) throws {
        let text = pasteText(bytes: bytes, seed: seed)
        let tmux = try Tmux()
        let db = try demo(tmux)
        let thread = try firstFuriaThread(db)
        try tmux.start(width: 80, height: 24)
        try openReply(tmux, db)
        try paste(tmux, text, bracketed: bracketed)
        try tmux.waitFor("\(text.utf8.count) / 65536 bytes", seconds: 60)
        try tmux.keys("Escape")
        try tmux.waitFor("Draft kept")
        let stored = try replyDraft(db, thread: thread)
        #expect(stored == text, "seed \(seed): stored \(stored?.utf8.count ?? 0) of \(text.utf8.count) bytes")
        try tmux.keys("q", "q", "q")
        try tmux.waitFor("EXITED=0")
    }

    /// A 64 KB bracketed paste arrives byte for byte, as one insert (before,
    /// a byte went missing at offset 4096 and 8193, and 64 KB took minutes).
    @Test func aBracketedPasteOf64KBArrivesByteForByte() throws {
        try pasteIntoAReply(bytes: 65_000, seed: 2204, bracketed: true)
    }

    /// Without bracketed paste the text arrives as keys: none may be lost,
    /// across the reads of 4096 bytes it comes in.
    @Test func aPasteAsKeysLosesNoByte() throws {
        try pasteIntoAReply(bytes: 10_200, seed: 10_200, bracketed: false)
    }

    // MARK: - Keys (issue 22, point 10)

    /// Home and End move in a list under every common TERM, whether they come
    /// as tmux sends them or as the other usual sequences (SS3 H/F, CSI H/F,
    /// CSI 1~/4~, with a modifier), and never act as Esc.
    @Test(arguments: ["xterm-256color", "tmux-256color", "screen-256color", "linux"])
    func homeAndEndMoveInAListWhateverTheTerminal(term: String) throws {
        let tmux = try Tmux()
        let db = try demo(tmux)
        try tmux.start(width: 80, height: 24, environment: ["TERM": term])
        try tmux.typeLine("\(Tmux.binary) --db \(db) --as ada; echo EXITED=$?")
        try tmux.waitFor("Latest announcement")
        let ends: [(String, [String])] = [("End", []), ("SS3 F", ["1b", "4f", "46"]), ("CSI F", ["1b", "5b", "46"]),
                                         ("CSI 4~", ["1b", "5b", "34", "7e"]), ("CSI 1;5F", ["1b", "5b", "31", "3b", "35", "46"])]
        let homes: [(String, [String])] = [("Home", []), ("SS3 H", ["1b", "4f", "48"]), ("CSI H", ["1b", "5b", "48"]),
                                          ("CSI 1~", ["1b", "5b", "31", "7e"]), ("CSI 7~", ["1b", "5b", "37", "7e"])]
        for ((endName, end), (homeName, home)) in zip(ends, homes) {
            // End, then Enter: the last board opens (had End been Esc, the first would).
            try send(tmux, endName, end)
            try tmux.keys("Enter")
            try tmux.waitUntil("\(endName) then Enter to open Bar Paddock under \(term)") { $0.hasPrefix(" Paddock › Bar Paddock") }
            // In the board, End moves to the last thread and stays in the board.
            try send(tmux, endName, end)
            try tmux.keys("Enter")
            try tmux.waitUntil("\(endName) in the board to stay there under \(term)") { $0.hasPrefix(" Paddock › Bar Paddock › ") }
            try tmux.keys("q", "q")
            try tmux.waitUntil("home again") { $0.hasPrefix(" Paddock ") && $0.contains("Latest announcement") }
            try send(tmux, homeName, home)
            try tmux.keys("Enter")
            try tmux.waitUntil("\(homeName) then Enter to open Announcements under \(term)") { $0.hasPrefix(" Paddock › Announcements") }
            try tmux.keys("q")
            try tmux.waitUntil("home again") { $0.hasPrefix(" Paddock ") && $0.contains("Latest announcement") }
        }
        // Alt-x is dropped whole, not read as Esc then x: the app stays open.
        try tmux.keys("M-x", "Down", "Enter")
        try tmux.waitUntil("Alt-x ignored, Down Enter opening Furia 950") { $0.hasPrefix(" Paddock › Furia 950") }
        try tmux.keys("q", "q")
        try tmux.waitFor("EXITED=0")
    }

    // MARK: - Widths (issue 22, point 14)

    /// TextWidth says what tmux draws, for emoji with and without U+FE0F; and
    /// in the app `🏍️` is followed by the next character, not a blank cell.
    @Test func emojiWidthsAreWhatTmuxDraws() throws {
        let tmux = try Tmux()
        try tmux.start(width: 80, height: 24)
        for (i, cluster) in ["🏍", "🏍\u{FE0F}", "✈\u{FE0F}", "❤\u{FE0F}", "1\u{FE0F}\u{20E3}", "🚀\u{FE0F}", "⌚\u{FE0E}",
                        "👩\u{200D}👩\u{200D}👧", "🏳\u{FE0F}\u{200D}🌈", "🇮🇹", "日", "e\u{301}"].enumerated() {
            // "<i>X", the cluster, then "Y": the cursor then stands at the
            // cluster's width past the marks (numbered, so an earlier print can't pass for this one).
            let before = "\(i)X"
            try tmux.typeLine("clear; printf '\(before)%sY' '\(cluster)'; read")
            try tmux.waitUntil("\(cluster.debugDescription) printed") {
                $0.hasPrefix(before) && $0.split(separator: "\n").first?.hasSuffix("Y") == true
            }
            let x = Int(try tmux.tmux("display-message", "-p", "-t", tmux.session, "#{cursor_x}")
                .trimmingCharacters(in: .whitespacesAndNewlines)).map { $0 - before.count - 1 }
            #expect(x == TextWidth.of(Character(cluster)), "\(cluster.debugDescription): tmux draws \(x ?? -1), TextWidth says \(TextWidth.of(Character(cluster)))")
            try tmux.keys("Enter")
        }
        let db = tmux.folder + "/community.sqlite"
        let cli = { (args: [String]) throws -> Tmux.Output in try Tmux.run(Tmux.binary, ["--db", db] + args) }
        try #require(try cli(["init", "--admin", "ada"]).status == 0)
        try #require(try cli(["--as", "ada", "board", "add", "bar", "--title", "Bar Paddock"]).status == 0)
        try #require(try cli(["--as", "ada", "thread", "new", "--board", "bar", "--title", "Moto", "--body", "a🏍\u{FE0F}b ✈\u{FE0F}c 1\u{FE0F}\u{20E3}d end"]).status == 0)
        try tmux.typeLine("clear; \(Tmux.binary) --db \(db) --as ada; echo EXITED=$?")
        try tmux.waitFor("BOARD")
        try tmux.keys("Enter", "Enter")
        try tmux.waitFor("a🏍\u{FE0F}b ✈\u{FE0F}c 1\u{FE0F}\u{20E3}d end")
        try tmux.keys("q", "q", "q")
        try tmux.waitFor("EXITED=0")
    }

    /// A key by tmux's name, or raw bytes (hex) as a terminal would send them.
    private func send(_ tmux: Tmux, _ name: String, _ hex: [String]) throws {
        if hex.isEmpty {
            try tmux.keys(name)
        } else {
            try Tmux.run("tmux", ["-L", tmux.socket, "send-keys", "-t", tmux.session, "-H"] + hex)
        }
    }
}

/// A seeded generator (SplitMix64), so a failing text can be made again.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
