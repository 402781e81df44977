import Foundation
import PaddockCore
import Testing

/// Moderation through the command line, end to end on a temporary file.
@Suite(.serialized) struct ModerationCLITests {
    private func community() throws -> CLI {
        let cli = try CLI()
        try #require(cli.run(["init", "--admin", "ada"]).status == 0)
        for handle in ["marco", "giulia", "luca", "sara"] {
            try #require(cli.run(as: "ada", ["member", "add", handle]).status == 0)
        }
        try #require(cli.run(as: "ada", ["member", "add", "mod", "--role", "moderator"]).status == 0)
        try #require(cli.run(as: "ada", ["board", "add", "furia", "--title", "Furia 950"]).status == 0)
        try #require(cli.run(as: "marco", ["thread", "new", "--board", "furia", "--title", "Cheap parts", "--body", "buy at spam.example"]).status == 0)
        return cli
    }

    @Test func threeFlagsHideAPostAModeratorAgreesAndTheAuthorHearsWhy() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        #expect(try cli.run(as: "giulia", ["flag", "1", "--reason", "spam"]).stdout == "Flagged: moderators will review it (1 of 3 to hide it).\n")
        let own = try cli.run(as: "marco", ["flag", "1", "--reason", "spam"])
        #expect(own.status == 1)
        #expect(own.stderr == "paddock: you cannot flag your own post\n")
        let noNote = try cli.run(as: "luca", ["flag", "1", "--reason", "other"])
        #expect(noNote.stderr == "paddock: a flag for 'other' needs a note saying what is wrong\n")
        #expect(try cli.run(as: "luca", ["flag", "1", "--reason", "other", "--note", "a link farm"]).status == 0)
        let third = try cli.run(as: "sara", ["flag", "1", "--reason", "abusive"])
        #expect(third.stdout == "Flagged: the post is hidden until a moderator reviews it.\n")
        // Members see a placeholder, moderators the text.
        #expect(try cli.run(as: "giulia", ["thread", "show", "1"]).stdout.contains("[hidden automatically by the community's flags, pending a moderator's review]"))
        #expect(try cli.run(as: "mod", ["thread", "show", "1"]).stdout.contains("buy at spam.example"))
        // The queue, for moderators only.
        let queue = try cli.json(["--as", "mod", "mod", "queue"]) as! [[String: Any]]
        #expect(queue.count == 1)
        #expect(queue[0]["weight"] as? Int == 3)
        #expect((queue[0]["flags"] as! [[String: Any]]).map { $0["flaggerHandle"] as! String } == ["giulia", "luca", "sara"])
        let memberQueue = try cli.run(as: "giulia", ["mod", "queue"])
        #expect(memberQueue.status == 1)
        #expect(memberQueue.stderr == "paddock: only moderators, managers and admins can moderate; giulia is a member\n")
        let agree = try cli.run(as: "mod", ["mod", "agree", "1", "--reason", "Advertising is not allowed here"])
        #expect(agree.status == 0, "\(agree.stderr)")
        let notes = try cli.json(["--as", "marco", "notifications"]) as! [[String: Any]]
        #expect(notes.first?["text"] as? String == "Your post in “Cheap parts” was kept hidden by a moderator: Advertising is not allowed here")
        let log = try cli.json(["--as", "mod", "modlog"]) as! [[String: Any]]
        #expect(log.map { $0["action"] as! String } == ["agree", "auto-hide", "flag", "flag", "flag"])
        #expect(log[0]["actorHandle"] as? String == "mod")
        #expect(log[0]["reason"] as? String == "Advertising is not allowed here")
        // The public log names nobody by default, and leaves the members' flags out.
        let publicLog = try cli.json(["--as", "giulia", "modlog", "--public"]) as! [[String: Any]]
        #expect(publicLog.map { $0["action"] as! String } == ["agree", "auto-hide"])
        #expect(publicLog.allSatisfy { $0["actorHandle"] == nil })
        #expect(publicLog.map { $0["actor"] as! String } == ["a moderator", "the community's flags"])
        // The table says the same words as the app, never "—".
        try #require(cli.run(as: "ada", ["member", "role", "luca", "moderator"]).status == 0)
        #expect(try cli.run(as: "giulia", ["modlog", "--public", "--limit", "1"]).stdout.contains("an admin"))
        let table = try cli.run(as: "giulia", ["modlog", "--public"]).stdout
        #expect(table.contains("a moderator") && table.contains("the community's flags"))
        #expect(!table.contains("—"))
        #expect(try cli.run(as: "mod", ["thread", "show", "1"]).stdout.contains("[hidden by a moderator after reviewing the flags: Advertising is not allowed here]"))
        #expect(try cli.run(as: "giulia", ["modlog"]).status == 1)
        #expect((try cli.json(["--as", "mod", "mod", "queue"]) as! [[String: Any]]).isEmpty)
    }

    @Test func aSilencedMembersReplyIsRefusedWithTheEndTime() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        // Next year's 1 December: a penalty ends within 10 years.
        let year = UTCTime(Date()).year + 1
        let silence = try cli.run(as: "mod", ["mod", "silence", "giulia", "--until", "\(year)-12-01T10:00Z", "--reason", "cool off"])
        #expect(silence.stdout == "giulia is silenced until \(year)-12-01 10:00 UTC; they are told why.\n")
        let reply = try cli.run(as: "giulia", ["reply", "1", "--body", "but…"])
        #expect(reply.status == 1)
        #expect(reply.stderr == "paddock: giulia is silenced until \(year)-12-01 10:00 UTC and cannot post until then\n")
        let history = try cli.run(as: "mod", ["mod", "history", "giulia"])
        #expect(history.stdout.contains("giulia (member) · silenced until \(year)-12-01 10:00 UTC"))
        #expect(try cli.run(as: "mod", ["mod", "lift", "giulia"]).status == 0)
        #expect(try cli.run(as: "giulia", ["reply", "1", "--body", "thanks"]).status == 0)
        // A suspended member cannot open the app.
        #expect(try cli.run(as: "mod", ["mod", "suspend", "luca", "--for", "3d", "--reason", "threats"]).status == 0)
        let open = try cli.run(as: "luca", [])
        #expect(open.status == 1)
        #expect(open.stderr.hasPrefix("paddock: luca is suspended until "))
        // A moderator cannot act on an admin; usage errors exit 2.
        #expect(try cli.run(as: "mod", ["mod", "warn", "ada", "--reason", "x"]).stderr
                == "paddock: ada is an admin; only a role above theirs can act on them\n")
        #expect(try cli.run(as: "mod", ["mod", "silence", "marco", "--reason", "x"]).status == 2)
        #expect(try cli.run(as: "mod", ["mod", "silence", "marco", "--for", "soon", "--reason", "x"]).status == 2)
    }

    @Test func threadActionsAndSlowMode() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        try #require(cli.run(as: "ada", ["board", "add", "garage", "--title", "Garage"]).status == 0)
        #expect(try cli.run(as: "mod", ["mod", "pin", "1"]).stdout == "Pinned to the top of its board.\n")
        #expect(try cli.run(as: "mod", ["mod", "lock", "1", "--reason", "heated"]).status == 0)
        #expect(try cli.run(as: "giulia", ["reply", "1", "--body", "x"]).stderr == "paddock: the thread is locked: only moderators can reply\n")
        #expect(try cli.run(as: "mod", ["mod", "unlock", "1"]).status == 0)
        #expect(try cli.run(as: "mod", ["mod", "move", "1", "--to", "garage"]).status == 0)
        let boards = try cli.json(["board", "list"]) as! [[String: Any]]
        #expect(boards.map { "\($0["slug"]!):\($0["threadCount"]!)" } == ["furia:0", "garage:1"])
        #expect(try cli.run(as: "mod", ["mod", "slowmode", "1", "10m"]).stdout == "Slow mode: one post per member every 10 minutes.\n")
        #expect(try cli.run(as: "giulia", ["reply", "1", "--body", "first"]).status == 0)
        let second = try cli.run(as: "giulia", ["reply", "1", "--body", "second"])
        #expect(second.status == 1)
        #expect(second.stderr.contains("giulia may post again at "))
        #expect(try cli.run(as: "mod", ["mod", "archive", "1"]).status == 0)
        #expect(try cli.run(as: "mod", ["reply", "1", "--body", "x"]).stderr == "paddock: the thread is archived: it can be read but not replied to\n")
        let log = try cli.run(as: "mod", ["modlog"])
        for action in ["pin", "lock", "unlock", "move", "slowmode", "archive"] { #expect(log.stdout.contains(" \(action) ")) }
    }

    /// A poll moves to any board but a suggestion board; there, one line says why and nothing is written.
    @Test func aPollMovesToAnotherBoardButNotIntoSuggestions() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        try #require(cli.run(as: "ada", ["board", "add", "garage", "--title", "Garage"]).status == 0)
        try #require(cli.run(as: "ada", ["board", "add", "ideas", "--title", "Ideas Lab", "--kind", "suggestion"]).status == 0)
        let new = try cli.run(as: "ada", ["poll", "new", "--board", "furia", "--title", "Which colour?", "--option", "Red", "--option", "Black", "--body", "Pick one."])
        #expect(new.stdout.hasPrefix("Started poll #2"), "\(new.stdout)\(new.stderr)")
        let moved = try cli.run(as: "mod", ["mod", "move", "2", "--to", "garage"])
        #expect(moved.status == 0, "\(moved.stderr)")
        let before = try BadInputCLITests.contents(cli.db)
        let refused = try cli.run(as: "mod", ["mod", "move", "2", "--to", "ideas"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "paddock: ideas takes suggestions only; thread #2 is a poll, which can go in any other board\n")
        #expect(try BadInputCLITests.contents(cli.db) == before)
        let boards = try cli.json(["board", "list"]) as! [[String: Any]]
        #expect(boards.map { "\($0["slug"]!):\($0["threadCount"]!)" } == ["furia:1", "garage:1", "ideas:0"])
    }
}
