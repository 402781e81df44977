import Foundation
import Testing

/// The command line end to end, on a temporary community file.
@Suite(.serialized) struct CLITests {
    /// A community with an admin 'ada', a member 'marco' and a board.
    private func community() throws -> CLI {
        let cli = try CLI()
        try #require(cli.run(["init", "--admin", "ada"]).status == 0)
        try #require(cli.run(as: "ada", ["member", "add", "marco", "--name", "Marco Rossi"]).status == 0)
        try #require(cli.run(as: "ada", ["member", "add", "elena", "--role", "manager"]).status == 0)
        try #require(cli.run(as: "ada", ["board", "add", "announcements", "--title", "Announcements", "--kind", "announcement"]).status == 0)
        try #require(cli.run(as: "ada", ["board", "add", "furia", "--title", "Furia 950"]).status == 0)
        return cli
    }

    @Test func initCreatesTheFileWithTheAdmin() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["init", "--admin", "ada"])
        #expect(result.status == 0)
        #expect(result.stdout == "Created \(cli.db): 0 boards, admin 'ada'.\n")
        let members = try cli.json(["member", "list"]) as! [[String: Any]]
        #expect(members.map { $0["handle"] as! String } == ["ada"])
        #expect(members.first?["role"] as? String == "admin")
        // A second init refuses and leaves the community as it was.
        let again = try cli.run(["init"])
        #expect(again.status == 1)
        #expect(again.stderr == "paddock: \(cli.db) already holds a community; pass another --db to create a new one\n")
    }

    @Test func aThreadAndItsReplyRoundTrip() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let new = try cli.run(as: "marco", ["thread", "new", "--board", "furia", "--title", "Seat foam", "--body", "Flat after 10k km."])
        #expect(new.status == 0)
        #expect(new.stdout == "Started thread #1.\n")
        // The body can come on standard input, as scripts pipe it.
        let reply = try cli.run(as: "ada", ["reply", "1"], stdin: "Così non va.\nTry the comfort seat.")
        #expect(reply.status == 0, "\(reply.stderr)")
        let show = try cli.run(["thread", "show", "1"])
        #expect(show.stdout.contains("#1 Seat foam"))
        #expect(show.stdout.contains("Così non va.\nTry the comfort seat."))
        let detail = try cli.json(["thread", "show", "1"]) as! [String: Any]
        let posts = detail["posts"] as! [[String: Any]]
        #expect(posts.map { $0["body"] as! String } == ["Flat after 10k km.", "Così non va.\nTry the comfort seat."])
        #expect((detail["thread"] as! [String: Any])["replyCount"] as? Int == 1)
    }

    @Test func threadListPrintsJSONThreads() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        try cli.run(as: "elena", ["thread", "new", "--board", "announcements", "--title", "Open factory day", "--body", "Bologna, 12 May"])
        let page = try cli.json(["thread", "list", "--board", "announcements"]) as! [String: Any]
        let threads = page["threads"] as! [[String: Any]]
        #expect(threads.count == 1)
        #expect(threads[0]["title"] as? String == "Open factory day")
        #expect(threads[0]["kind"] as? String == "announcement")
        #expect(threads[0]["authorHandle"] as? String == "elena")
        #expect(page["next"] == nil)
    }

    @Test func pagesContinueByNumberOrCursor() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        for i in 1...5 {
            // As the admin: a new member may open only 3 threads a day.
            try cli.run(as: "ada", ["thread", "new", "--board", "furia", "--title", "T\(i)", "--body", "b"])
        }
        let first = try cli.json(["thread", "list", "--board", "furia", "--limit", "2"]) as! [String: Any]
        let next = try #require(first["next"] as? String)
        let byCursor = try cli.json(["thread", "list", "--board", "furia", "--limit", "2", "--after", next]) as! [String: Any]
        let byNumber = try cli.json(["thread", "list", "--board", "furia", "--limit", "2", "--page", "2"]) as! [String: Any]
        let titles = { (page: [String: Any]) in (page["threads"] as! [[String: Any]]).map { $0["title"] as! String } }
        #expect(titles(first) == ["T5", "T4"])
        #expect(titles(byCursor) == ["T3", "T2"])
        #expect(titles(byNumber) == titles(byCursor))
    }

    @Test func anUnknownBoardIsOneLineAndWritesNothing() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let before = try cli.json(["board", "list"]) as! [[String: Any]]
        let result = try cli.run(as: "marco", ["thread", "new", "--board", "nope", "--title", "t", "--body", "b"])
        #expect(result.status == 1)
        #expect(result.stderr == "paddock: no board 'nope'\n")
        #expect(result.stdout == "")
        let after = try cli.json(["board", "list"]) as! [[String: Any]]
        #expect(after.map { $0["threadCount"] as! Int } == before.map { $0["threadCount"] as! Int })
    }

    @Test func aMemberCannotPostAnAnnouncementAndIsToldWhy() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let result = try cli.run(as: "marco", ["thread", "new", "--board", "announcements", "--title", "Free bikes", "--body", "!"])
        #expect(result.status == 1)
        #expect(result.stderr == "paddock: only managers and admins can post announcements; marco is a member\n")
        let page = try cli.json(["thread", "list", "--board", "announcements"]) as! [String: Any]
        #expect((page["threads"] as! [Any]).isEmpty)
    }

    @Test func usageErrorsExitTwo() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let missing = try cli.run(["thread", "new", "--board", "furia"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Missing expected argument '--title <title>'"))
        let badFlag = try cli.run(["board", "list", "--frobnicate"])
        #expect(badFlag.status == 2)
        #expect(badFlag.stderr.contains("Unknown option '--frobnicate'"))
        let badRole = try cli.run(as: "ada", ["member", "add", "x1", "--role", "king"])
        #expect(badRole.status == 2)
        let badPage = try cli.run(["thread", "list", "--board", "furia", "--page", "0"])
        #expect(badPage.status == 2)
        #expect(badPage.stderr.contains("--page starts at 1"))
    }

    @Test func refusalsAndInvalidInputExitOne() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let notAdmin = try cli.run(as: "marco", ["member", "add", "sneaky"])
        #expect(notAdmin.status == 1)
        #expect(notAdmin.stderr == "paddock: only admins can add members\n")
        let longTitle = try cli.run(as: "marco", ["thread", "new", "--board", "furia", "--title", String(repeating: "x", count: 121), "--body", "b"])
        #expect(longTitle.stderr == "paddock: the title is 121 characters; the limit is 120\n")
        #expect(longTitle.status == 1)
        let nobody = try cli.run(as: "ghost", ["reply", "1", "--body", "boo"])
        #expect(nobody.status == 1)
        #expect(nobody.stderr == "paddock: no member 'ghost' in \(cli.db); pass --as HANDLE, or have an admin run `paddock member add ghost`\n")
        let unreadable = try cli.run(as: "marco", ["reply", "1", "--body-file", cli.folder + "/nope.txt"])
        #expect(unreadable.status == 1)
        #expect(unreadable.stderr == "paddock: cannot read \(cli.folder)/nope.txt\n")
    }

    @Test func aMissingDatabaseIsAClearMessage() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["board", "list"])
        #expect(result.status == 1)
        #expect(result.stderr == "paddock: no community at \(cli.db): create one with `paddock init` (or `paddock init --demo`)\n")
        #expect(!FileManager.default.fileExists(atPath: cli.db))
    }

    @Test func theDefaultFileLivesUnderXDGDataHome() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["init", "--admin", "ada"], withDB: false)
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.folder + "/xdg/paddock/community.sqlite"))
    }

    @Test func editsKeepRevisions() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        try cli.run(as: "marco", ["thread", "new", "--board", "furia", "--title", "Chain", "--body", "500 km"])
        let edit = try cli.run(as: "marco", ["edit", "1", "--body", "800 km"])
        #expect(edit.stdout == "Edited post 1 (1 earlier version kept).\n")
        try cli.run(as: "ada", ["member", "add", "giulia"])
        let other = try cli.run(as: "giulia", ["edit", "1", "--body", "mine now"])
        #expect(other.status == 1)
        #expect(other.stderr == "paddock: you can only edit your own posts\n")
    }

    @Test func helpListsEveryCommand() throws {
        let result = try CLI().run(["--help"], withDB: false)
        #expect(result.status == 0)
        for command in ["init", "member", "board", "thread", "reply", "edit"] {
            #expect(result.stdout.contains("  \(command) "), "help lacks \(command)")
        }
    }

    @Test func memberTextIsMadeSafeForPeopleAndKeptForScripts() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let hostile = "Nice bike\u{1B}]0;pwned\u{07}\u{1B}[2J end"
        try cli.run(as: "marco", ["thread", "new", "--board", "furia", "--title", "Hello", "--body", hostile])
        let show = try cli.run(["thread", "show", "1"])
        #expect(!show.stdout.contains("\u{1B}"))
        #expect(!show.stdout.contains("\u{07}"))
        let json = try cli.json(["thread", "show", "1"]) as! [String: Any]
        #expect((json["posts"] as! [[String: Any]])[0]["body"] as? String == hostile)
    }
}
