import Foundation
import GRDB
import PaddockCore
import PaddockStore
import Testing

/// Owners, ratings and For you through the command line.
@Suite(.serialized) struct RatingCLITests {
    /// The Furia's catalog and an Ideas Lab; marco rides the Furia, giulia does not.
    private func community() throws -> CLI {
        let cli = try CLI()
        try #require(cli.run(["init", "--admin", "ada"]).status == 0)
        try #require(cli.run(as: "ada", ["board", "add", "ideas", "--title", "Ideas Lab", "--kind", "suggestion"]).status == 0)
        for handle in ["marco", "giulia"] { try #require(cli.run(as: "ada", ["member", "add", handle]).status == 0) }
        // Established members: the pace limits of new ones are not what these tests are about.
        try #require(cli.run(as: "ada", ["setting", "set", "new_member_days", "0"]).status == 0)
        try #require(cli.run(as: "ada", ["product", "add", "furia", "--name", "Furia 950"]).status == 0)
        for feature in ["quickshifter", "seat"] {
            try #require(cli.run(as: "ada", ["feature", "add", feature, "--product", "furia", "--name", feature.capitalized]).status == 0)
        }
        let rides = try cli.run(as: "marco", ["member", "rides", "furia"])
        try #require(rides.status == 0, "\(rides.stderr)")
        #expect(rides.stdout == "marco rides Furia 950.\n")
        return cli
    }

    /// Every rating row and owner, to compare before and after a refusal.
    private func ratingRows(_ cli: CLI) throws -> String {
        let database = try AppDatabase.open(path: cli.db)
        return try database.writer.read { db in
            try ["productRider", "featureRating", "featureRatingTotal", "featureRatingDay"].map { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(\.description).joined(separator: "\n")
            }.joined(separator: "\n--\n")
        }
    }

    @Test func anOwnerRatesAndTheRatingsShowInJSON() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let rated = try cli.run(as: "marco", ["rate", "furia", "quickshifter", "4", "--review", "Smooth above 5,000 rpm"])
        #expect(rated.status == 0, "\(rated.stderr)")
        #expect(rated.stdout == "marco rated Furia 950 · Quickshifter ★★★★☆ (4/5). Average 4.0 of 1 rating.\n")
        let again = try cli.run(as: "marco", ["rate", "furia", "quickshifter", "2"])
        #expect(again.stdout.contains("Average 2.0 of 1 rating."), "an edit replaces the rating")
        let feature = try #require(try cli.json(["--as", "marco", "ratings", "furia", "quickshifter"]) as? [String: Any])
        #expect((feature["total"] as? [String: Any])?["count"] as? Int == 1)
        #expect((feature["total"] as? [String: Any])?["stars"] as? Int == 2)
        #expect((feature["mine"] as? [String: Any])?["stars"] as? Int == 2)
        #expect((feature["mine"] as? [String: Any])?["review"] as? String == "Smooth above 5,000 rpm", "rating again without --review keeps the review")
        #expect(feature["viewerRides"] as? Bool == true)
        let trend = try #require(feature["trend"] as? [String: Any])
        #expect((trend["weekly"] as? [Any])?.count == 13)
        let all = try #require(try cli.json(["ratings", "furia"]) as? [[String: Any]])
        #expect(all.map { $0["feature"] as? String } == ["quickshifter", "seat"])
        let text = try cli.run(["ratings", "furia"])
        #expect(text.stdout.contains("Quickshifter  2.0"), "\(text.stdout)")
    }

    @Test func badRatingsGetOneLineAndWriteNothing() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        try #require(cli.run(as: "marco", ["rate", "furia", "seat", "3"]).status == 0)
        let before = try ratingRows(cli)
        let cases: [([String], String, String)] = [
            (["rate", "furia", "seat", "0"], "marco", "paddock: a rating is 1 to 5 stars; 0 is not one\n"),
            (["rate", "furia", "seat", "6"], "marco", "paddock: a rating is 1 to 5 stars; 6 is not one\n"),
            (["rate", "furia", "seat", "7"], "marco", "paddock: a rating is 1 to 5 stars; 7 is not one\n"),
            (["rate", "furia", "seat", "4"], "giulia", "paddock: only owners rate a product's features: say you ride furia first\n"),
            (["rate", "furia", "seat", "4", "--review", String(repeating: "x", count: 201)], "marco",
             "paddock: the review is 201 characters; the limit is 200\n"),
            (["rate", "furia", "brakes", "4"], "marco", "paddock: furia has no feature 'brakes'\n"),
            (["member", "rides", "strada"], "marco", "paddock: no product 'strada'\n"),
        ]
        for (arguments, handle, message) in cases {
            let result = try cli.run(as: handle, arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr == message, "\(arguments)")
            #expect(result.stdout.isEmpty)
        }
        let usage = try cli.run(as: "marco", ["rate", "furia", "seat", "four"])
        #expect(usage.status == 2)
        let limit = try cli.run(as: "marco", ["for-you", "--limit", "0"])
        #expect(limit.status == 2 && limit.stderr.contains("--limit must be between 1 and 200"))
        #expect(try ratingRows(cli) == before, "a refusal wrote")
    }

    @Test func forYouInJSONGivesEachEntryItsReason() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let first = try cli.run(as: "giulia", ["suggestion", "new", "--product", "furia", "--feature", "quickshifter",
                                               "--title", "Quickshifter smoother below 4,000 rpm", "--body", "It jerks in town.", "--json"])
        try #require(first.status == 0, "\(first.stderr)")
        try #require(cli.run(as: "giulia", ["suggestion", "new", "--product", "furia", "--feature", "quickshifter",
                                            "--title", "Quickshifter on the base model", "--body", "As a plug-in."]).status == 0)
        try #require(cli.run(as: "ada", ["suggestion", "new", "--product", "furia", "--feature", "seat",
                                         "--title", "Lower seat", "--body", "Please."]).status == 0)
        let created = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let smoother = try #require(created["id"] as? Int)
        try #require(cli.run(as: "marco", ["suggestion", "support", "\(smoother)"]).status == 0)
        let items = try #require(try cli.json(["--as", "marco", "for-you"]) as? [[String: Any]])
        #expect(items.map { ($0["suggestion"] as? [String: Any])?["title"] as? String } == ["Quickshifter on the base model"])
        #expect(items.first?["reason"] as? String == "because you supported Quickshifter smoother below 4,000 rpm")
        #expect(items.first?["because"] as? String == "supported")
        let text = try cli.run(as: "marco", ["for-you"])
        #expect(text.stdout.contains("because you supported Quickshifter smoother below 4,000 rpm"))
        let nothing = try cli.run(as: "ada", ["for-you", "--limit", "5"])
        #expect(nothing.stdout.hasPrefix("Nothing for you yet"), "ada wrote the only seat suggestion: \(nothing.stdout)")
        #expect(nothing.status == 0)
    }
}
