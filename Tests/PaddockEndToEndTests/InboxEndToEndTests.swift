import Foundation
import Testing

/// The inbox across two processes: the app open as ada, other members acting
/// through the command line on the same file.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct InboxEndToEndTests {
    private func paddock(_ db: String, _ arguments: [String]) throws -> Tmux.Output {
        let result = try Tmux.run(Tmux.binary, ["--db", db] + arguments)
        #expect(result.status == 0, "paddock \(arguments.joined(separator: " ")) failed")
        return result
    }

    private func json(_ db: String, _ arguments: [String]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try paddock(db, arguments + ["--json"]).stdout.utf8))
    }

    private func unread(_ db: String) throws -> Int {
        (try json(db, ["--as", "ada", "inbox", "--limit", "500"]) as! [[String: Any]]).count
    }

    @Test func aReplyAMentionAndAStatusChangeFromAnotherProcessReachTheOpenInbox() throws {
        let tmux = try Tmux()
        let db = tmux.folder + "/community.sqlite"
        try #require(Tmux.run(Tmux.binary, ["--db", db, "init", "--demo", "--admin", "ada"]).status == 0)
        let thread = (try json(db, ["--as", "ada", "thread", "new", "--board", "garage", "--title", "Chain slack on the Furia",
                                    "--body", "How much is right?"]) as! [String: Any])["id"] as! Int
        let idea = ((try json(db, ["suggestion", "list", "--product", "furia-950", "--status", "new", "--limit", "1"])
            as! [String: Any])["suggestions"] as! [[String: Any]])[0]["id"] as! Int
        _ = try paddock(db, ["--as", "ada", "suggestion", "support", "\(idea)"])
        let before = try unread(db)

        try tmux.start(width: 80, height: 24)
        try tmux.typeLine("\(Tmux.binary) --db \(db) --as ada; echo EXITED=$?")
        try tmux.waitFor("Latest announcement")
        if before > 0 { try tmux.waitFor("✉ \(before)  ada") }

        // A mention, a reply and a status change, each from another process: the header counts them with no key press.
        _ = try paddock(db, ["--as", "luca.gentile", "reply", "\(thread)", "--body", "About 25 mm, @ada: check the manual."])
        try tmux.waitFor("✉ \(before + 1)  ada")
        _ = try paddock(db, ["--as", "kelsey.m", "reply", "\(thread)", "--body", "Mine is at 30 mm."])
        try tmux.waitFor("✉ \(before + 2)  ada")
        _ = try paddock(db, ["--as", "elena.ardente", "suggestion", "status", "\(idea)", "under_review", "--response", "We are looking at it."])
        try tmux.waitFor("✉ \(before + 3)  ada")

        // The inbox lists them newest first, unread.
        try tmux.keys("i")
        let inbox = try tmux.waitFor("INBOX · newest first")
        let rows = inbox.split(separator: "\n").map(String.init)
        #expect(rows[2].hasPrefix(" ● ") && rows[2].contains("status") && rows[2].contains("elena.ardente"), "\(inbox)")
        #expect(rows[3].hasPrefix(" ● ") && rows[3].contains("reply") && rows[3].contains("kelsey.m")
                && rows[3].contains("“Chain slack on the Furia”"), "\(inbox)")
        #expect(rows[4].hasPrefix(" ● ") && rows[4].contains("mention") && rows[4].contains("luca.gentile"), "\(inbox)")

        // Enter on the mention opens the thread at that post and marks it read.
        try tmux.keys("Down", "Down", "Enter")
        let opened = try tmux.waitFor("About 25 mm, @ada: check the manual.")
        #expect(opened.contains(" Chain slack on the Furia"))
        try tmux.waitFor("✉ \(before + 2)  ada")
        // Back in the inbox, M marks the rest read and the count leaves the header.
        try tmux.keys("q")
        try tmux.waitFor("m mark read")
        try tmux.keys("M")
        try tmux.waitFor("Every notification marked read.")
        try tmux.waitUntilGone("✉")
        #expect(try unread(db) == 0)
        try tmux.keys("q", "q")
        try tmux.waitFor("EXITED=0")
    }
}
