import Foundation
import GRDB
import PaddockCore
import PaddockStore
import Testing

/// Co-creation through the command line, end to end.
@Suite(.serialized) struct SuggestionCLITests {
    /// A community with a suggestion board, a manager, a member and the Furia's catalog.
    private func community() throws -> CLI {
        let cli = try CLI()
        try #require(cli.run(["init", "--admin", "ada"]).status == 0)
        try #require(cli.run(as: "ada", ["board", "add", "ideas", "--title", "Ideas Lab", "--kind", "suggestion"]).status == 0)
        try #require(cli.run(as: "ada", ["member", "add", "elena", "--role", "manager"]).status == 0)
        try #require(cli.run(as: "ada", ["member", "add", "marco"]).status == 0)
        try #require(cli.run(as: "elena", ["product", "add", "furia", "--name", "Furia 950", "--description", "The supermoto"]).status == 0)
        for feature in ["seat", "dash"] {
            try #require(cli.run(as: "elena", ["feature", "add", feature, "--product", "furia", "--name", feature.capitalized]).status == 0)
        }
        return cli
    }

    /// Members added straight through the store: the scenario is about what they do.
    private func addMembers(_ cli: CLI, _ handles: [String]) throws -> Community {
        let community = Community(database: try AppDatabase.open(path: cli.db))
        let admin = try community.actor(handle: "ada")
        for handle in handles { try community.addMember(by: admin, handle: handle) }
        return community
    }

    private func show(_ cli: CLI, _ id: Int) throws -> [String: Any] {
        (try cli.json(["suggestion", "show", "\(id)"]) as! [String: Any])["suggestion"] as! [String: Any]
    }

    @Test func showPrintsAHostileProductAndFeatureNameSafely() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        try #require(cli.run(as: "elena", ["product", "add", "evil", "--name", "Test \u{1B}[2J Bike \u{202E}ekib"]).status == 0)
        try #require(cli.run(as: "elena", ["feature", "add", "x", "--product", "evil", "--name", "X\u{1B}]0;pwned\u{07}"]).status == 0)
        try #require(cli.run(as: "marco", ["suggestion", "new", "--product", "evil", "--feature", "x", "--title", "t", "--body", "b"]).status == 0)
        let shown = try cli.run(["suggestion", "show", "1"])
        #expect(shown.status == 0)
        #expect(!shown.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{07}" }, "\(shown.stdout)")
        #expect(shown.stdout.contains("Test ␛ Bike"))
    }

    @Test func aSuggestionGoesFromIdeaToShippedAndEveryoneHears() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let riders = (1...100).map { "rider\($0)" }
        let community = try addMembers(cli, riders + ["late1", "late2"])

        // A member suggests a change to a feature.
        let new = try cli.run(as: "marco", ["suggestion", "new", "--product", "furia", "--feature", "seat",
                                            "--title", "Heated seat", "--body", "Two more months of riding a year."])
        #expect(new.stdout == "Posted suggestion #1.\n", "\(new.stderr)")
        #expect((try show(cli, 1)["milestone"] as! [String: Any])["target"] as? Int == 10)

        // 99 more members support it: 100 in all, passing each milestone.
        var targets: [Int] = []
        for (i, rider) in riders.prefix(99).enumerated() {
            let result = try cli.run(as: rider, ["suggestion", "support", "1"])
            #expect(result.status == 0, "\(rider): \(result.stderr)")
            if [9, 49].contains(i + 1) || i + 1 == 99 {
                let s = try show(cli, 1)
                targets.append((s["milestone"] as? [String: Any])?["target"] as? Int ?? 0)
                if i + 1 == 99 { #expect(s["status"] as? String == "under_review") }
            }
        }
        #expect(targets == [50, 100, 0], "10 supporters reach the first, 50 the second, 100 the last")
        #expect(try cli.run(as: "rider1", ["suggestion", "support", "1"]).stderr == "paddock: rider1 already supports suggestion #1\n")

        // It is in the managers' review queue, and only theirs.
        let queue = try cli.json(["--as", "elena", "review-queue"]) as! [String: Any]
        #expect((queue["suggestions"] as! [[String: Any]]).map { $0["id"] as! Int } == [1])
        let refused = try cli.run(as: "marco", ["review-queue"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "paddock: the review queue is for managers\n")

        // A member cannot plan it; a manager plans it with a response.
        #expect(try cli.run(as: "marco", ["suggestion", "status", "1", "planned", "--response", "yes"]).status == 1)
        let planned = try cli.run(as: "elena", ["suggestion", "status", "1", "planned", "--response", "Planned for MY2027."])
        #expect(planned.stdout == "#1 is now planned.\n")

        // A duplicate with overlapping supporters merges into it.
        try cli.run(as: "late1", ["suggestion", "new", "--product", "furia", "--feature", "seat", "--title", "Seat heating", "--body", "Cold."])
        for handle in ["rider1", "rider2", "late2", "marco"] { try cli.run(as: handle, ["suggestion", "support", "2"]) }
        let similar = try cli.json(["suggestion", "similar", "heated seat"]) as! [[String: Any]]
        #expect(similar.map { $0["id"] as! Int }.first == 1)
        let merge = try cli.run(as: "elena", ["suggestion", "merge", "2", "--into", "1", "--response", "Same idea as #1."])
        #expect(merge.stdout == "Merged #2 into #1: 2 supporters moved, 102 in all.\n", "\(merge.stderr)")
        #expect(try show(cli, 1)["supporterCount"] as? Int == 102)
        #expect(try show(cli, 2)["status"] as? String == "duplicate")

        // Shipped, with its response; the roadmap shows it.
        let shipped = try cli.run(as: "elena", ["suggestion", "status", "1", "shipped", "--response", "In dealers now."])
        #expect(shipped.status == 0)
        let roadmap = try cli.json(["roadmap", "--product", "furia"]) as! [[String: Any]]
        #expect((roadmap[0]["shipped"] as! [[String: Any]]).map { $0["id"] as! Int } == [1])
        let detail = try cli.json(["suggestion", "show", "1"]) as! [String: Any]
        #expect((detail["responses"] as! [[String: Any]]).map { $0["body"] as! String } == ["Planned for MY2027.", "In dealers now."])

        // The author and every supporter heard of each change.
        for handle in ["marco"] + riders.prefix(99) + ["late1", "late2"] {
            let member = try community.actor(handle: handle)
            let kinds = try community.database.writer.read { db in
                try String.fetchAll(db, sql: "SELECT kind FROM notification WHERE memberId = ? AND threadId = 1", arguments: [member.id])
            }
            let expected = handle.hasPrefix("late") ? 1 : 3  // the late ones joined #1 by the merge, before it shipped
            #expect(kinds.filter { $0 == "status" || $0 == "milestone" }.count == expected, "\(handle): \(kinds)")
        }
    }

    @Test func catalogCommandsAndRefusals() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let products = try cli.json(["product", "list"]) as! [[String: Any]]
        #expect(products.map { $0["slug"] as! String } == ["furia"])
        let retire = try cli.run(as: "marco", ["feature", "retire", "seat", "--product", "furia"])
        #expect(retire.status == 1)
        #expect(retire.stderr == "paddock: only managers and admins can change the product catalog\n")
        #expect(try cli.run(as: "elena", ["feature", "retire", "seat", "--product", "furia"]).stdout == "Retired feature furia/seat.\n")
        let features = try cli.json(["feature", "list", "--product", "furia"]) as! [[String: Any]]
        #expect(features.filter { $0["retiredAt"] != nil }.map { $0["slug"] as! String } == ["seat"])
        let onRetired = try cli.run(as: "marco", ["suggestion", "new", "--product", "furia", "--feature", "seat", "--title", "t", "--body", "b"])
        #expect(onRetired.status == 1)
        #expect(onRetired.stderr == "paddock: the feature 'seat' of furia is retired and takes no new suggestions\n")
        let noFeature = try cli.run(as: "marco", ["suggestion", "new", "--product", "furia", "--title", "t", "--body", "b"])
        #expect(noFeature.status == 2)
        #expect(noFeature.stderr.contains("give at least one --feature"))
        let badStatus = try cli.run(["suggestion", "list", "--product", "furia", "--status", "done"])
        #expect(badStatus.status == 2)
        let forbidden = try cli.run(as: "marco", ["suggestion", "new", "--product", "furia", "--feature", "dash", "--title", "Bigger font", "--body", "b"])
        #expect(forbidden.status == 0)
        let jump = try cli.run(as: "elena", ["suggestion", "status", "1", "shipped", "--response", "Done"])
        #expect(jump.status == 1)
        #expect(jump.stderr == "paddock: a suggestion cannot move from new to shipped: from new it can move to under review, planned, declined\n")
        let empty = try cli.run(as: "elena", ["suggestion", "status", "1", "planned", "--response", " "])
        #expect(empty.stderr == "paddock: a status change needs an official response: say why, for everyone who supported it\n")
        let list = try cli.run(["suggestion", "list", "--product", "furia"])
        #expect(list.stdout == """
            ID  STATUS  SUPPORT  PROGRESS                        TITLE
            #1  new     1        1/10 supporters · 30 days left  Bigger font

            """)
        #expect(try cli.run(["maintenance"]).stdout == "Nothing due.\n")
        let hostile = try cli.run(["suggestion", "similar", "\"font\" OR NEAR(*"])
        #expect(hostile.status == 0)
    }

    @Test func helpListsTheCoCreationCommands() throws {
        let result = try CLI().run(["--help"], withDB: false)
        for command in ["product", "feature", "suggestion", "roadmap", "review-queue", "maintenance"] {
            #expect(result.stdout.contains("  \(command) "), "help lacks \(command)")
        }
        let suggestion = try CLI().run(["suggestion", "--help"], withDB: false)
        for sub in ["new", "list", "show", "support", "unsupport", "status", "merge", "similar"] {
            #expect(suggestion.stdout.contains("  \(sub) "), "suggestion help lacks \(sub)")
        }
    }
}
