import Foundation
import GRDB
import PaddockCore
import PaddockStore
import Testing

/// `paddock feed` read back by a real feed reader (Python's feedparser): what a
/// subscriber's client would show, hostile text included.
@Suite(.serialized) struct FeedCLITests {
    /// Text a member might post to break a feed or the terminal that shows it.
    static let hostile = "Ciao \u{1B}[31mred\u{1B}[0m ]]> <script>alert('x')</script> & \u{1}\u{8}\u{B}\u{7F} \u{9B}2J\u{9D}0;x\u{7} \u{202E}gnp.exe\u{202C} 🏍👩‍🔧 così 日本"

    /// A title may not hold controls, but may hold markup and emoji.
    static let hostileTitle = "Title <script>alert('x')</script> ]]> & 🏍 così"

    struct Built {
        let cli: CLI
        let community: Community
        let hostileThread: Int64
    }

    /// Two public announcements (one hostile), a hidden one, one whose opening
    /// post is hidden; a garage board with a visible and a hidden thread; a
    /// suggestion planned and a hidden suggestion declined.
    private func community() throws -> Built {
        let cli = try CLI()
        try #require(cli.run(["init", "--admin", "ada"]).status == 0)
        let clock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000))
        let community = Community(database: try AppDatabase.open(path: cli.db), clock: { clock.now })
        let ada = try community.actor(handle: "ada")
        try community.setSetting(by: ada, key: "new_member_days", value: "0")
        let elena = try community.actor(handle: try community.addMember(by: ada, handle: "elena", displayName: "Elena Rossi", role: .manager).handle)
        let marco = try community.actor(handle: try community.addMember(by: ada, handle: "marco", displayName: "Marco <B>").handle)
        try community.addBoard(by: ada, slug: "announcements", title: "Announcements", threadKind: .announcement)
        try community.addBoard(by: ada, slug: "garage", title: "Garage")
        try community.addBoard(by: ada, slug: "ideas", title: "Ideas Lab", threadKind: .suggestion)
        clock.advance(by: 60)
        try community.startThread(by: elena, board: "announcements", title: "MY2027 is here", body: "The new Furia.\nTwo lines.")
        clock.advance(by: 60)
        let hostile = try community.startThread(by: elena, board: "announcements", title: Self.hostileTitle, body: Self.hostile)
        clock.advance(by: 60)
        let hidden = try community.startThread(by: elena, board: "announcements", title: "Secret recall", body: "Not yet.")
        try community.moderateThread(by: ada, thread: hidden.id, action: .hide, reason: "too early")
        clock.advance(by: 60)
        let hiddenPost = try community.startThread(by: elena, board: "announcements", title: "Spam opener", body: "Buy now")
        let opener = try community.thread(hiddenPost.id, viewer: ada, from: 0, limit: 1).posts[0].id
        try community.moderatePost(by: ada, post: opener, action: .hide, reason: "spam")
        clock.advance(by: 60)
        try community.startThread(by: marco, board: "garage", title: "Chain slack", body: "How much?")
        let hiddenGarage = try community.startThread(by: marco, board: "garage", title: "Private matter", body: "Hidden")
        try community.moderateThread(by: ada, thread: hiddenGarage.id, action: .hide, reason: "off topic")
        try community.addProduct(by: elena, slug: "furia", name: "Furia 950")
        try community.addFeature(by: elena, product: "furia", slug: "seat", name: "Seat")
        let idea = try community.suggest(by: marco, product: "furia", features: ["seat"], title: "Lower seat", body: "Please")
        let gone = try community.suggest(by: marco, product: "furia", features: ["seat"], title: "Hidden idea", body: "x")
        clock.advance(by: 60)
        try community.changeStatus(by: elena, suggestion: idea.id, to: .planned, response: "Planned for 2027 <soon>")
        try community.changeStatus(by: elena, suggestion: gone.id, to: .declined, response: "No")
        try community.moderateThread(by: ada, thread: gone.id, action: .hide, reason: "off topic")
        return Built(cli: cli, community: community, hostileThread: hostile.id)
    }

    /// What feedparser makes of a feed file, as JSON.
    static let reader = """
        import json, sys
        import feedparser
        d = feedparser.parse(sys.argv[1])
        print(json.dumps({
            "bozo": d.bozo, "bozo_exception": str(d.get("bozo_exception", "")),
            "title": d.feed.get("title"), "updated": d.feed.get("updated"), "id": d.feed.get("id"),
            "entries": [{"id": e.id, "title": e.title, "author": e.get("author"), "published": e.published,
                         "updated": e.updated, "content": e.content[0].value, "type": e.content[0].type}
                        for e in d.entries]}))
        """

    /// Debian's Python, where `python3-feedparser` installs (a python3 earlier on PATH, pyenv's say, lacks it).
    static let python = "/usr/bin/python3"

    /// Parses a feed file with feedparser; records a clear issue when it is not installed.
    private func parse(_ path: String) throws -> [String: Any]? {
        guard FileManager.default.isExecutableFile(atPath: Self.python),
              try CLI.spawn(Self.python, ["-c", "import feedparser"]).status == 0 else {
            Issue.record("feed tests need Python's feedparser for \(Self.python): apt-get install python3-feedparser (scripts/ensure-deps installs it)")
            return nil
        }
        let result = try CLI.spawn(Self.python, ["-c", Self.reader, path])
        try #require(result.status == 0, "feedparser failed: \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    }

    private func entries(_ feed: [String: Any]) -> [[String: Any]] { feed["entries"] as? [[String: Any]] ?? [] }

    /// `--output` naming the community (a slip in a cron line) is refused and
    /// writes nothing; a folder gets one line; a replaced feed keeps its mode.
    @Test func outputNeverReplacesTheCommunityAndKeepsAFilesPermissions() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(cli.run(["init", "--demo", "--admin", "ada"]).status == 0)
        let before = FileManager.default.contents(atPath: cli.db)
        for target in [cli.db, cli.db + "-wal", cli.folder + "/../" + URL(fileURLWithPath: cli.folder).lastPathComponent + "/" + URL(fileURLWithPath: cli.db).lastPathComponent] {
            for command in [["feed", "roadmap", "--output", target], ["export", "--mbox", "--board", "garage", "--output", target]] {
                let refused = try cli.run(command)
                #expect(refused.status != 0 && refused.stderr == "paddock: \(target) is the community file; name another file\n", "\(command)")
            }
        }
        #expect(FileManager.default.contents(atPath: cli.db) == before)
        #expect(try cli.run(["check"]).status == 0)
        let folder = try cli.run(["feed", "roadmap", "--output", cli.folder])
        #expect(folder.stderr == "paddock: \(cli.folder) is a folder; name a file\n")

        let feed = cli.folder + "/roadmap.atom"
        #expect(FileManager.default.createFile(atPath: feed, contents: Data("old".utf8)) && chmod(feed, 0o640) == 0)
        #expect(try cli.run(["feed", "roadmap", "--output", feed]).status == 0)
        let mode = (try FileManager.default.attributesOfItem(atPath: feed)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o640)
        #expect(String(decoding: FileManager.default.contents(atPath: feed) ?? Data(), as: UTF8.self).hasPrefix("<?xml"))
    }

    @Test func announcementsReachAFeedReaderAsWrittenAndTheSameEveryRun() throws {
        let built = try community()
        defer { built.cli.cleanUp() }
        let cli = built.cli
        let first = cli.folder + "/a1.atom", second = cli.folder + "/a2.atom"
        #expect(try cli.run(["feed", "announcements", "--output", first]).status == 0)
        #expect(try cli.run(["feed", "announcements", "--output", second]).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: first))
        #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: second))), "two runs over the same community differ")
        let stdout = try cli.run(["feed", "announcements"])
        #expect(stdout.status == 0 && Data(stdout.stdout.utf8) == bytes, "stdout and --output differ")

        guard let feed = try parse(first) else { return }
        #expect(feed["bozo"] as? Int == 0, "feedparser found the feed malformed: \(feed["bozo_exception"] ?? "")")
        #expect(feed["title"] as? String == "Paddock: Announcements")
        let list = entries(feed)
        #expect(list.map { $0["title"] as? String } == [Self.hostileTitle, "MY2027 is here"],
                "hidden threads and threads whose opening post is hidden must not appear")
        let stored = try built.community.database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM post WHERE threadId = ? AND position = 0", arguments: [built.hostileThread])
        }
        let body = try #require(stored)
        #expect(body.contains("\u{1B}") || body.contains("<script>"), "the store kept none of the hostile text: \(body.debugDescription)")
        let hostileEntry = try #require(list.first)
        #expect(hostileEntry["content"] as? String == SafeText.multiline(body).joined(separator: "\n"),
                "the text comes back as the terminal shows it: no control, escape sequence or bidi override")
        let content = hostileEntry["content"] as? String ?? ""
        #expect(!content.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
        #expect(content.contains("<script>alert('x')</script> &") && content.contains("🏍👩‍🔧 così 日本"))
        #expect(hostileEntry["type"] as? String == "text/plain")
        #expect(hostileEntry["author"] as? String == "Elena Rossi (@elena)")
        #expect(list.last?["content"] as? String == "The new Furia.\nTwo lines.")
        #expect(feed["updated"] as? String == hostileEntry["updated"] as? String, "the feed's time is its newest entry's")
        #expect(hostileEntry["id"] as? String == "tag:paddock.invalid,\(UTCTime(Date(timeIntervalSince1970: 1_780_000_000)).dayText):thread-\(built.hostileThread)"
                || (hostileEntry["id"] as? String ?? "").hasSuffix(":thread-\(built.hostileThread)"))

        // Ids stay with their entries across runs, and follow --base-url's host.
        let withBase = cli.folder + "/base.atom"
        #expect(try cli.run(["feed", "announcements", "--output", withBase, "--base-url", "https://Ride.Example.com/"]).status == 0)
        guard let based = try parse(withBase), let again = try parse(second) else { return }
        #expect(entries(again).map { $0["id"] as? String } == list.map { $0["id"] as? String })
        #expect(entries(based).allSatisfy { ($0["id"] as? String ?? "").hasPrefix("tag:ride.example.com,") })
    }

    @Test func aBoardFeedAndTheRoadmapShowOnlyWhatTheirVisitorsMaySee() throws {
        let built = try community()
        defer { built.cli.cleanUp() }
        let cli = built.cli
        let garage = cli.folder + "/garage.atom", roadmap = cli.folder + "/roadmap.atom"
        let ada = try built.community.actor(handle: "ada")
        try built.community.setSetting(by: ada, key: "community_name", value: "Ardente <Riders>")
        try built.community.setSetting(by: ada, key: "feed_host", value: "Ride.Example.com")
        #expect(try cli.run(["feed", "board", "garage", "--output", garage]).status == 0)
        #expect(try cli.run(["feed", "roadmap", "--output", roadmap, "--limit", "500"]).status == 0)
        guard let board = try parse(garage), let road = try parse(roadmap) else { return }
        #expect(board["bozo"] as? Int == 0 && road["bozo"] as? Int == 0)
        #expect(board["title"] as? String == "Ardente <Riders>: Garage")
        #expect(road["title"] as? String == "Ardente <Riders>: Roadmap")
        #expect(entries(board).map { $0["title"] as? String } == ["Chain slack"])
        #expect((board["id"] as? String ?? "").hasPrefix("tag:ride.example.com,"), "the feed_host setting names the ids")
        #expect(entries(board).first?["author"] as? String == "Marco <B> (@marco)")
        let changes = entries(road)
        #expect(changes.map { $0["title"] as? String } == ["Planned: Lower seat"], "a hidden suggestion's status change must not appear")
        #expect(changes.first?["content"] as? String == "new → planned\n\nPlanned for 2027 <soon>")
        #expect(changes.first?["author"] as? String == "Elena Rossi (@elena)")
        #expect((changes.first?["id"] as? String ?? "").contains(":status-"))
    }

    @Test func badInputIsOneLineAndLeavesTheFileAlone() throws {
        let built = try community()
        defer { built.cli.cleanUp() }
        let cli = built.cli
        let existing = cli.folder + "/kept.atom"
        try Data("the old feed\n".utf8).write(to: URL(fileURLWithPath: existing))
        let cases: [([String], String)] = [
            (["feed", "blog"], "paddock: no feed 'blog'; feeds: announcements, board, roadmap"),
            (["feed", "board"], "paddock: a board feed needs the board's slug: paddock feed board SLUG"),
            (["feed", "board", "nowhere"], "paddock: no board 'nowhere'"),
            (["feed", "announcements", "--limit", "0"], "paddock: --limit is 1–500 entries"),
            (["feed", "announcements", "--limit", "100000"], "paddock: --limit is 1–500 entries"),
            (["feed", "roadmap", "--base-url", "ftp://x"], "paddock: --base-url must be a web address like https://community.example.com"),
        ]
        for (arguments, message) in cases {
            for output in [existing, cli.folder + "/new.atom"] {
                let result = try cli.run(arguments + ["--output", output])
                #expect(result.status == 1, "\(arguments)")
                #expect(result.stderr == message + "\n", "\(arguments)")
                #expect(result.stdout.isEmpty)
            }
            #expect(!FileManager.default.fileExists(atPath: cli.folder + "/new.atom"), "\(arguments) created the output file")
            #expect(try String(contentsOfFile: existing, encoding: .utf8) == "the old feed\n", "\(arguments) touched the existing file")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.folder).filter { $0.hasSuffix(".atom") || $0.contains("tmp") }
        #expect(leftovers == ["kept.atom"], "temporary files were left: \(leftovers)")
    }
}
