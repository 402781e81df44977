import Foundation
import Testing

/// ▸ in the real binary: a member moves it to a later post of a short thread and flags that post.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct ThreadSelectionEndToEndTests {
    private func json(_ arguments: [String]) throws -> Any {
        let out = try Tmux.run(Tmux.binary, arguments + ["--json"]).stdout
        return try JSONSerialization.jsonObject(with: Data(out.utf8))
    }

    /// The issue's thread: Bar Paddock › "Il miglior piatto dopo un giro in Appennino?",
    /// which fits on a 100×30 screen. `]` to its last reply, `f`, off topic, Enter.
    @Test func aMemberFlagsTheLastReplyOfAShortThread() throws {
        let tmux = try Tmux()
        let db = tmux.folder + "/community.sqlite"
        try #require(try Tmux.run(Tmux.binary, ["--db", db, "init", "--demo", "--admin", "ada"]).status == 0)
        let page = try json(["--db", db, "--as", "ada", "thread", "list", "--board", "bar", "--limit", "1"]) as! [String: Any]
        let thread = (page["threads"] as! [[String: Any]])[0]
        try #require(thread["title"] as? String == "Il miglior piatto dopo un giro in Appennino?")
        let detail = try json(["--db", db, "--as", "ada", "thread", "show", "\(thread["id"] as! Int)", "--limit", "50"]) as! [String: Any]
        let last = try #require((detail["posts"] as! [[String: Any]]).last)
        let lastID = last["id"] as! Int
        let lastAuthor = last["authorHandle"] as! String

        try tmux.start(width: 100, height: 30)
        try tmux.typeLine("\(Tmux.binary) --db \(db) --as jonas.becker; echo EXITED=$?")
        try tmux.waitFor("Latest announcement")
        try tmux.keys("G", "Enter")  // the last board: Bar Paddock
        try tmux.waitFor("Il miglior piatto")
        try tmux.keys("Enter")
        let opened = try tmux.waitFor("replies · locked")  // the thread's header; locked, it offers no r
        // The demo's history ends today, so the last reply's date moves with the calendar.
        #expect(opened.range(of: #"sato\.ken · \d{1,2} [A-Z][a-z]{2} · #5"#, options: .regularExpression) != nil,
                "the whole thread on one screen:\n\(opened)")
        for _ in 0..<5 { try tmux.keys("]") }
        try tmux.waitFor("reply 5 of 5")
        try tmux.waitFor("▸\(lastAuthor)")
        try tmux.keys("f")
        try tmux.waitFor("Flag a post by \(lastAuthor)")
        try tmux.keys("Down", "Enter")  // off topic
        try tmux.waitFor("Flagged")
        try tmux.keys("q", "q", "q")
        try tmux.waitFor("EXITED=0")

        let queue = try json(["--db", db, "--as", "ada", "mod", "queue", "--limit", "500"]) as! [[String: Any]]
        let item = try #require(queue.first { $0["postId"] as? Int == lastID }, "no review item for the last reply")
        let flags = item["flags"] as! [[String: Any]]
        #expect(flags.contains { $0["flaggerHandle"] as? String == "jonas.becker" && $0["reason"] as? String == "off_topic" })
    }
}
