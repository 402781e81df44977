import Foundation
import Testing

/// The real binary in a real terminal (tmux): what a member sees and does.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct AppEndToEndTests {
    /// A demo community in the session's folder, with 'ada' as its admin.
    private func demo(_ tmux: Tmux) throws -> String {
        let db = tmux.folder + "/community.sqlite"
        let result = try Tmux.run(Tmux.binary, ["--db", db, "init", "--demo", "--admin", "ada"])
        try #require(result.status == 0)
        return db
    }

    private func json(_ arguments: [String]) throws -> Any {
        let out = try Tmux.run(Tmux.binary, arguments + ["--json"]).stdout
        return try JSONSerialization.jsonObject(with: Data(out.utf8))
    }

    private func firstThread(_ db: String, board: String) throws -> (id: Int, title: String) {
        let page = try json(["--db", db, "thread", "list", "--board", board, "--limit", "1"]) as! [String: Any]
        let thread = (page["threads"] as! [[String: Any]])[0]
        return (thread["id"] as! Int, thread["title"] as! String)
    }

    private func posts(_ db: String, thread: Int) throws -> [[String: Any]] {
        let detail = try json(["--db", db, "thread", "show", "\(thread)", "--limit", "500"]) as! [String: Any]
        return detail["posts"] as! [[String: Any]]
    }

    private func open(_ tmux: Tmux, _ db: String, extra: String = "") throws {
        try tmux.typeLine("\(Tmux.binary) --db \(db) --as ada \(extra); echo EXITED=$?")
        try tmux.waitFor("Latest announcement")
    }

    /// Home → the Furia 950 board → its latest thread.
    private func openFirstFuriaThread(_ tmux: Tmux) throws {
        try tmux.keys("Down", "Enter", "Enter")
        try tmux.waitFor("r reply")
    }

    /// The example, in the app: `/`, the query, Enter, then the result opens at its post.
    @Test func slashSearchesAndOpensTheMatchingPost() throws {
        let tmux = try Tmux()
        let db = try demo(tmux)
        try tmux.start(width: 80, height: 24)
        try open(tmux, db)
        try tmux.keys("/")
        try tmux.waitFor("Search:")
        try tmux.literal("\"riding mode\" feature:electronics -rain")
        try tmux.keys("Enter")
        try tmux.waitFor("3 results")
        try tmux.keys("Down", "Enter")
        try tmux.waitFor("Keeping the last riding mode is planned")
        try tmux.keys("q", "q", "q")
        try tmux.waitFor("EXITED=0")
    }

    @Test func replyingWithTheBuiltInEditorStoresTheReply() throws {
        let tmux = try Tmux()
        let db = try demo(tmux)
        let thread = try firstThread(db, board: "furia-950")
        try tmux.start(width: 80, height: 24)
        try open(tmux, db)
        try tmux.keys("Down", "Enter")
        try tmux.waitFor("TITLE")
        try tmux.keys("Enter")
        try tmux.waitFor("r reply")
        try tmux.keys("r")
        try tmux.waitFor("Reply to:")
        try tmux.literal("Grazie! Così è perfetto. 日本語も大丈夫 🏍")
        try tmux.keys("Enter")
        try tmux.literal("Second line.")
        try tmux.keys("C-s")
        try tmux.waitFor("Reply posted.")
        try tmux.keys("q", "q", "q")
        try tmux.waitFor("EXITED=0")
        let last = try posts(db, thread: thread.id).last!
        #expect(last["body"] as? String == "Grazie! Così è perfetto. 日本語も大丈夫 🏍\nSecond line.")
        #expect(last["authorHandle"] as? String == "ada")
    }

    @Test func theWindowCanBeResizedMidScreen() throws {
        let tmux = try Tmux()
        let db = try demo(tmux)
        let thread = try firstThread(db, board: "furia-950")
        try tmux.start(width: 80, height: 24)
        try open(tmux, db)
        try openFirstFuriaThread(tmux)
        for (width, height) in [(120, 40), (50, 14), (30, 8), (200, 50), (41, 12), (80, 24)] {
            try tmux.resize(width: width, height: height)
            if width < 40 || height < 12 {
                try tmux.waitFor("Window too small")
                continue
            }
            // Redrawn for the new size: header on the first row, keys on the last, the thread between.
            try tmux.waitUntil("the thread redrawn at \(width)×\(height)") { screen in
                let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(height)
                return rows.count == height && rows.first!.hasPrefix(" Paddock › Furia 950")
                    && rows.last!.hasPrefix(" r reply") && screen.contains(String(thread.title.prefix(10)))
            }
        }
        try tmux.keys("q", "q", "q")
        try tmux.waitFor("EXITED=0")
    }

    @Test func aHangupWhileComposingLeavesASaneTerminalAndKeepsTheDraft() throws {
        let tmux = try Tmux()
        let db = try demo(tmux)
        try tmux.start(width: 80, height: 24)
        try open(tmux, db)
        try openFirstFuriaThread(tmux)
        try tmux.keys("r")
        try tmux.waitFor("Reply to:")
        try tmux.literal("Words I must not lose")
        try tmux.waitFor("Words I must not lose")
        let shell = try tmux.tmux("display-message", "-p", "-t", tmux.session, "#{pane_pid}").trimmingCharacters(in: .whitespacesAndNewlines)
        let app = try Tmux.run("pgrep", ["-P", shell]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(!app.isEmpty)
        try Tmux.run("kill", ["-HUP", app])
        try tmux.waitFor("EXITED=0")
        try tmux.typeLine("stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo -e -icanon -e -echo | tr '\\n' ' '; echo")
        try tmux.waitFor("icanon echo")
        try open(tmux, db)
        try openFirstFuriaThread(tmux)
        try tmux.keys("r")
        try tmux.waitFor("Your unsent draft is back.")
        try tmux.waitFor("Words I must not lose")
        try tmux.keys("Escape", "q", "q", "q")
        try tmux.waitFor("EXITED=0")
    }

    @Test func anExternalEditorsTextComesBackIntoTheReply() throws {
        let tmux = try Tmux()
        let db = try demo(tmux)
        let thread = try firstThread(db, board: "furia-950")
        let editor = tmux.folder + "/editor.sh"
        try "#!/bin/sh\necho 'written in the editor' >> \"$1\"\n".write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        try tmux.start(width: 80, height: 24, environment: ["EDITOR": editor])
        try open(tmux, db)
        try openFirstFuriaThread(tmux)
        try tmux.keys("r")
        try tmux.waitFor("Reply to:")
        try tmux.literal("typed first")
        try tmux.keys("Enter", "C-o")
        try tmux.waitFor("Text taken back from the editor.")
        try tmux.keys("C-s")
        try tmux.waitFor("Reply posted.")
        try tmux.keys("q", "q", "q")
        try tmux.waitFor("EXITED=0")
        #expect(try posts(db, thread: thread.id).last?["body"] as? String == "typed first\nwritten in the editor\n")
    }

    /// Live updates need no key press. How soon they come is the benchmark's
    /// to measure, not a deadline here: a loaded CI machine may take longer.
    @Test func aReplyFromAnotherSessionShowsWithoutAKeyPress() throws {
        let tmux = try Tmux()
        let db = try demo(tmux)
        let thread = try firstThread(db, board: "furia-950")
        try tmux.start(width: 100, height: 30)
        try open(tmux, db)
        try openFirstFuriaThread(tmux)
        // Another member, in another process, on the same file.
        let members = try json(["--db", db, "member", "list"]) as! [[String: Any]]
        let other = try #require(members.first { $0["role"] as? String == "member" }?["handle"] as? String)
        let posted = try Tmux.run(Tmux.binary, ["--db", db, "--as", other, "reply", "\(thread.id)", "--body", "Live from the other session"])
        try #require(posted.status == 0)
        try tmux.waitFor("Live from the other session")
        try tmux.keys("q", "q", "q")
        try tmux.waitFor("EXITED=0")
    }

    /// An idle app sleeps: it does not wake on a tick while nothing happens
    /// (the kernel's count of its wake-ups stays put), and another process's
    /// reply still wakes it and shows, with no key pressed.
    @Test func anIdleAppSleepsUntilAnotherProcessRepliesAndThenShowsIt() throws {
        let tmux = try Tmux()
        let db = try demo(tmux)
        let thread = try firstThread(db, board: "furia-950")
        try tmux.start(width: 100, height: 30)
        try open(tmux, db)
        try openFirstFuriaThread(tmux)
        let shell = try #require(pid_t(try tmux.tmux("display-message", "-p", "-t", tmux.session, "#{pane_pid}").trimmingCharacters(in: .whitespacesAndNewlines)))
        let app = try #require(Wakeups.children(of: shell).first, "the app runs in the pane's shell")
        let woke = try Wakeups.whileIdle(app)
        #expect(woke <= 1, "an idle app woke \(woke) times in 2 s (a 100 ms tick would be 20)")
        let members = try json(["--db", db, "member", "list"]) as! [[String: Any]]
        let other = try #require(members.first { $0["role"] as? String == "member" }?["handle"] as? String)
        let before = try #require(Wakeups.count(app))
        let posted = try Tmux.run(Tmux.binary, ["--db", db, "--as", other, "reply", "\(thread.id)", "--body", "Heard while asleep"])
        try #require(posted.status == 0)
        try tmux.waitFor("Heard while asleep")
        #expect(Wakeups.grows(app, beyond: before), "the reply woke the app")
        try tmux.keys("q", "q", "q")
        try tmux.waitFor("EXITED=0")
    }

    @Test func aLongPasteArrivesWhole() throws {
        let tmux = try Tmux()
        let db = try demo(tmux)
        let thread = try firstThread(db, board: "furia-950")
        try tmux.start(width: 80, height: 24)
        try open(tmux, db)
        try openFirstFuriaThread(tmux)
        try tmux.keys("r")
        try tmux.waitFor("Reply to:")
        let words = (0..<600).map { "w\($0)" }.joined(separator: " ")  // about 3,500 characters
        try tmux.literal(words)
        try tmux.waitFor("\(words.utf8.count) / 65536 bytes")
        try tmux.keys("C-s")
        try tmux.waitFor("Reply posted.")
        try tmux.keys("q", "q", "q")
        try tmux.waitFor("EXITED=0")
        #expect(try posts(db, thread: thread.id).last?["body"] as? String == words)
    }

    @Test func aHostilePostCannotRetitleTheWindowOrTouchTheClipboard() throws {
        let tmux = try Tmux()
        let db = tmux.folder + "/community.sqlite"
        let cli = { (args: [String]) throws -> Tmux.Output in try Tmux.run(Tmux.binary, ["--db", db] + args) }
        try #require(try cli(["init", "--admin", "ada"]).status == 0)
        try #require(try cli(["--as", "ada", "board", "add", "bar", "--title", "Bar Paddock"]).status == 0)
        let hostile = "Nice bike\u{1B}]0;PWNED-TITLE\u{07} and \u{1B}]52;c;cGF5bG9hZA==\u{07} and \u{1B}[2J\u{1B}[H\u{1B}]2;PWNED-2\u{1B}\\ end"
        try #require(try cli(["--as", "ada", "thread", "new", "--board", "bar", "--title", "Look", "--body", hostile]).status == 0)
        try tmux.start(width: 80, height: 24)
        // Let the terminal take clipboard writes and titles, so a leak would show.
        try tmux.tmux("set-option", "-g", "set-clipboard", "on")
        let titleBefore = try tmux.tmux("display-message", "-p", "-t", tmux.session, "#{pane_title}")
        try tmux.typeLine("\(Tmux.binary) --db \(db) --as ada; echo EXITED=$?")
        try tmux.waitFor("BOARD")
        try tmux.keys("Enter", "Enter")
        let screen = try tmux.waitFor("Nice bike")
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.first?.hasPrefix(" Paddock › Bar Paddock › Look") == true, "the header moved:\n\(screen)")
        #expect(screen.contains("end"))
        #expect(!screen.contains("PWNED"))
        #expect(try tmux.tmux("display-message", "-p", "-t", tmux.session, "#{pane_title}") == titleBefore)
        #expect(try tmux.tmux("list-buffers").isEmpty, "the clipboard was written")
        try tmux.keys("q", "q", "q")
        try tmux.waitFor("EXITED=0")
    }
}
