import Foundation
import GRDB
import PaddockCore
import PaddockStore
import Testing

/// Profiles, helpful marks and the leaderboard through the command line.
@Suite(.serialized) struct ReputationCLITests {
    /// marco's "Heated grips as standard" for the Furia MY2027 reaches review with
    /// giulia's support and ships; giulia replies in it. Set up through the store.
    private func community() throws -> (CLI, Community) {
        let cli = try CLI()
        try #require(cli.run(["init", "--admin", "ada"]).status == 0)
        let community = Community(database: try AppDatabase.open(path: cli.db))
        let ada = try community.actor(handle: "ada")
        try community.addBoard(by: ada, slug: "ideas", title: "Ideas Lab", threadKind: .suggestion)
        try community.addProduct(by: ada, slug: "furia27", name: "Furia MY2027")
        try community.addFeature(by: ada, product: "furia27", slug: "grips", name: "Grips")
        try community.setMilestones(by: ada, try MilestonePlan(setting: "2/30"))
        try community.setSetting(by: ada, key: "new_member_days", value: "0")  // the scenario posts faster than new members may
        for handle in ["marco", "giulia", "luca"] { try community.addMember(by: ada, handle: handle) }
        try community.addMember(by: ada, handle: "elena", role: .manager)
        let (marco, giulia, elena) = (try community.actor(handle: "marco"), try community.actor(handle: "giulia"), try community.actor(handle: "elena"))
        let grips = try community.suggest(by: marco, product: "furia27", features: ["grips"], title: "Heated grips as standard", body: "Cold.").id
        try community.support(by: giulia, suggestion: grips)
        try community.changeStatus(by: elena, suggestion: grips, to: .planned, response: "Yes.")
        try community.changeStatus(by: elena, suggestion: grips, to: .shipped, response: "Done.")
        try community.reply(by: giulia, thread: grips, body: "Oxford makes good ones.")
        return (cli, community)
    }

    @Test func memberShowPrintsTheProfileAndConductOnlyForModerators() throws {
        let (cli, _) = try community()
        defer { cli.cleanUp() }
        let shown = try cli.run(as: "luca", ["member", "show", "giulia"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("co-created: Heated grips as standard, Furia MY2027"))
        #expect(shown.stdout.contains("Reputation: 7 points"), "\(shown.stdout)")
        #expect(!shown.stdout.contains("Record of conduct"))
        let asAdmin = try cli.run(as: "ada", ["member", "show", "giulia"])
        #expect(asAdmin.stdout.contains("Record of conduct (moderators)"))
        #expect(asAdmin.stdout.contains("Standing: active"))
        let json = try cli.json(["--as", "luca", "member", "show", "marco"]) as! [String: Any]
        #expect((json["suggestions"] as! [[String: Any]]).map { $0["status"] as! String } == ["shipped"])
        #expect(json["conduct"] == nil)
        let unknown = try cli.run(as: "luca", ["member", "show", "nobody"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "paddock: no member 'nobody'\n")
    }

    @Test func helpfulMarksAndTheirRefusalsWriteNothing() throws {
        let (cli, community) = try community()
        defer { cli.cleanUp() }
        let reply = try community.thread(1, from: 1, limit: 1).posts[0].id
        let before = try everything(community)
        let notTheirs = try cli.run(as: "luca", ["post", "helpful", "\(reply)"])
        #expect(notTheirs.status == 1)
        #expect(notTheirs.stderr == "paddock: only the thread's author marks replies helpful; luca did not start this thread\n")
        let own = try cli.run(as: "marco", ["post", "helpful", "1"])
        #expect(own.stderr == "paddock: you cannot mark your own post helpful\n")
        let missing = try cli.run(as: "marco", ["post", "helpful", "999"])
        #expect(missing.stderr == "paddock: no post #999\n")
        #expect(try everything(community) == before)

        #expect(try cli.run(as: "marco", ["post", "helpful", "\(reply)"]).stdout == "Marked post \(reply) helpful.\n")
        let marked = try everything(community)
        let twice = try cli.run(as: "marco", ["post", "helpful", "\(reply)"])
        #expect(twice.stderr == "paddock: post #\(reply) is already marked helpful\n")
        #expect(try everything(community) == marked)
        #expect(try cli.run(as: "marco", ["post", "unhelpful", "\(reply)"]).status == 0)
    }

    @Test func theLeaderboardAsJSON() throws {
        let (cli, _) = try community()
        defer { cli.cleanUp() }
        let board = try cli.json(["leaderboard", "furia27"]) as! [String: Any]
        #expect(board["days"] as? Int == 90)
        let entries = board["entries"] as! [[String: Any]]
        #expect(entries.map { $0["handle"] as! String } == ["marco", "giulia"])
        #expect(entries.map { $0["points"] as! Int } == [40, 7], "one milestone, the first of two responses and the ship; one milestone carried and a credit")
        #expect(board["total"] as? Int == 2)
        let cut = try cli.run(["leaderboard", "furia27", "--limit", "1"])
        #expect(cut.stdout.contains("1 of 2 shown (--limit for more)"))
        for bad in ["0", "-5"] {
            let refused = try cli.run(["leaderboard", "furia27", "--limit=\(bad)"])
            #expect(refused.status != 0 && refused.stdout.isEmpty)
            #expect(refused.stderr.contains("a leaderboard lists 1 to 10000 members; \(bad) given"))
        }
        let text = try cli.run(["leaderboard", "furia27", "--days", "7"])
        #expect(text.stdout.hasPrefix("Furia MY2027 · last 7 days"))
        let bad = try cli.run(["leaderboard", "furia27", "--days", "0"])
        #expect(bad.status == 1)
        #expect(bad.stderr == "paddock: a leaderboard covers 1 to 3650 days; 0 given\n")
        #expect(try cli.run(["leaderboard", "nope"]).stderr == "paddock: no product 'nope'\n")
    }

    @Test func hostileTitlesPrintSafely() throws {
        let (cli, community) = try community()
        defer { cli.cleanUp() }
        let marco = try community.actor(handle: "marco")
        try community.suggest(by: marco, product: "furia27", features: ["grips"], title: "Grips \u{1B}[2J\u{202E}reversed\u{200B}", body: "b")
        let shown = try cli.run(as: "luca", ["member", "show", "marco"])
        #expect(shown.status == 0)
        #expect(!shown.stdout.contains("\u{1B}") && !shown.stdout.contains("\u{202E}"), "\(shown.stdout.debugDescription)")
    }

    private func everything(_ community: Community) throws -> String {
        try community.database.writer.read { db in
            try ["reputationEvent", "reputation", "helpfulMark", "credit", "post"].map { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(\.description).joined(separator: "\n")
            }.joined(separator: "\n")
        }
    }
}
