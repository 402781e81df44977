import Foundation
import Testing

/// The inbox, watch and mute through the command line, on a temporary file.
@Suite(.serialized) struct InboxCLITests {
    private func community() throws -> CLI {
        let cli = try CLI()
        try #require(cli.run(["init", "--admin", "ada"]).status == 0)
        for handle in ["marco", "giulia", "luca"] {
            try #require(cli.run(as: "ada", ["member", "add", handle]).status == 0)
        }
        try #require(cli.run(as: "ada", ["setting", "set", "new_member_days", "0"]).status == 0)
        try #require(cli.run(as: "ada", ["board", "add", "garage", "--title", "Garage"]).status == 0)
        try #require(cli.run(as: "marco", ["thread", "new", "--board", "garage", "--title", "Chain slack", "--body", "How much?"]).status == 0)
        return cli
    }

    @Test func aReplyAndAMentionReachTheInboxAndMarkReadEmptiesIt() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        #expect(try cli.run(as: "giulia", ["reply", "1", "--body", "25 mm, ask @luca"]).status == 0)
        let marco = try cli.json(["--as", "marco", "inbox"]) as! [[String: Any]]
        #expect(marco.map { $0["kind"] as! String } == ["reply"])
        #expect(marco[0]["actorHandle"] as? String == "giulia")
        #expect(marco[0]["threadTitle"] as? String == "Chain slack")
        #expect(marco[0]["postPosition"] as? Int == 1)
        #expect(marco[0]["text"] as? String == "giulia replied to you in “Chain slack”")
        let luca = try cli.run(as: "luca", ["inbox"])
        let lines = luca.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("ID  WHEN              KIND     FROM    TEXT"))
        #expect(lines[1].hasPrefix("*1  "), "unread, with its id")
        #expect(lines[1].hasSuffix("  mention  giulia  giulia mentioned you in “Chain slack”"))
        // `notifications` is the same command.
        #expect(try cli.run(as: "luca", ["notifications"]).stdout == luca.stdout)
        #expect(try cli.run(as: "luca", ["inbox", "--mark-read", "1"]).stdout == "Notification #1 marked read.\n")
        #expect(try cli.run(as: "luca", ["inbox"]).stdout == "Nothing unread.\n")
        #expect(try cli.run(as: "luca", ["inbox", "--all"]).stdout.contains("\n 1  "))
        let notYours = try cli.run(as: "giulia", ["inbox", "--mark-read", "2"])
        #expect(notYours.status == 1)
        #expect(notYours.stderr == "paddock: no notification #2 in your inbox\n")
        #expect(try cli.run(as: "marco", ["inbox", "--mark-all-read"]).stdout == "1 notification marked read.\n")
        let both = try cli.run(as: "marco", ["inbox", "--mark-read", "1", "--mark-all-read"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("use --mark-read or --mark-all-read, not both"))
    }

    @Test func watchUnwatchMuteAndUnmute() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        #expect(try cli.run(as: "luca", ["watch", "1"]).stdout == "Watching thread #1.\n")
        #expect(try cli.run(as: "giulia", ["reply", "1", "--body", "Tight."]).status == 0)
        #expect((try cli.json(["--as", "luca", "inbox"]) as! [[String: Any]]).map { $0["kind"] as! String } == ["watched"])
        #expect(try cli.run(as: "luca", ["unwatch", "1"]).stdout == "No longer watching thread #1.\n")
        #expect(try cli.run(as: "marco", ["mute", "thread", "1"]).stdout == "Muted thread #1.\n")
        #expect(try cli.run(as: "marco", ["inbox"]).stdout == "Nothing unread.\n", "muting reads what the thread sent")
        #expect(try cli.run(as: "giulia", ["reply", "1", "--body", "@marco and @luca"]).status == 0)
        #expect(try cli.run(as: "marco", ["inbox"]).stdout == "Nothing unread.\n")
        #expect(try cli.run(as: "luca", ["mute", "member", "giulia"]).stdout == "Muted giulia.\n")
        #expect(try cli.run(as: "giulia", ["reply", "1", "--body", "@luca again"]).status == 0)
        #expect((try cli.json(["--as", "luca", "inbox"]) as! [[String: Any]]).map { $0["kind"] as! String } == ["mention", "watched"],
                "nothing from giulia once she is muted")
        let list = try cli.json(["--as", "luca", "mute", "list"]) as! [String: Any]
        #expect(list["members"] as? [String] == ["giulia"])
        #expect(try cli.run(as: "marco", ["mute", "list"]).stdout.contains("thread #1  Chain slack"))
        #expect(try cli.run(as: "luca", ["unmute", "member", "giulia"]).stdout == "Unmuted giulia.\n")
        #expect(try cli.run(as: "marco", ["unmute", "thread", "1"]).stdout == "Unmuted thread #1.\n")
        let selfMute = try cli.run(as: "luca", ["mute", "member", "luca"])
        #expect(selfMute.status == 1)
        #expect(selfMute.stderr == "paddock: you cannot mute yourself\n")
        let missing = try cli.run(as: "luca", ["watch", "99"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "paddock: no thread #99\n")
    }
}
