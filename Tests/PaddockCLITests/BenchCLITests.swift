import Foundation
import Testing

/// `paddock generate` and `paddock bench` on small communities: they run and
/// report in the documented shape. No timing is asserted: CI machines vary.
@Suite(.serialized) struct BenchCLITests {
    @Test func benchWithoutADatabaseMeasuresAGeneratedOneAndPrintsJSON() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["bench", "--posts", "300", "--repetitions", "2", "--keys", "20", "--json"], withDB: false)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(report.keys).isSuperset(of: ["build", "terminal", "community", "measurements", "reference1k",
                                                "firstScreenRatioTo1k", "rssHighWaterMB", "sessionRSSHighWaterMB", "targets", "notAvailableYet"]))
        let community = try #require(report["community"] as? [String: Any])
        #expect(community["posts"] as? Int == 310, "300 posts and 10 suggestions")
        #expect(community["generated"] as? Bool == true)
        let measurements = try #require(report["measurements"] as? [[String: Any]])
        let names = measurements.compactMap { $0["name"] as? String }
        #expect(names == ["firstScreenFirstRun", "firstScreen", "openFile", "boardFirstPage", "boardMiddlePage", "boardLastPage",
                          "boardFirstPageByReplies", "boardFirstPageUnread", "threadFirstPage", "threadLastPage", "nextUnread",
                          "searchFirstPage", "searchFirstPageCPU", "searchInSqlite3Shell", "searchInSqlite3ShellCPU",
                          "dashboard", "dashboard90", "dashboard365", "forYou",
                          "keyToFrameHome", "keyToFrameHomeCPU", "keyToFrameBoard", "keyToFrameBoardCPU",
                          "keyToFrameThread", "keyToFrameThreadCPU",
                          "reply", "flag", "support", "withdraw", "suggestionsTop", "mailOut"])
        for m in measurements {
            for key in ["p50", "p95", "p99", "min", "max"] { #expect(m[key] is Double || m[key] is Int, "\(m["name"] ?? "?") lacks \(key)") }
        }
        #expect(measurements.first { $0["name"] as? String == "keyToFrameThread" }?["samples"] as? Int == 20)
        let targets = try #require(report["targets"] as? [[String: Any]])
        #expect(targets.count == 16)
        #expect(targets.allSatisfy { $0["met"] is Bool && $0["limit"] is String })
        #expect((report["rssHighWaterMB"] as? Double ?? 0) > 0)
        #expect((report["sessionRSSHighWaterMB"] as? Double ?? 0) > 0, "the session's walk ran in a child and reported")
    }

    @Test func benchOnAGeneratedFilePrintsATable() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let generated = try cli.run(["generate", "--posts", "400", "--members", "20", "--threads", "40", "--suggestions", "30",
                                     "--admin", "ops", "--check"])
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.stdout.contains("430 posts (30 of them suggestions)"))
        #expect(generated.stdout.contains("Counters checked: all consistent."))
        let result = try cli.run(as: "ops", ["bench", "--repetitions", "1", "--keys", "5"])
        #expect(result.status == 0, "\(result.stderr)")
        for fragment in ["STEP", "firstScreen ", "firstScreen@1k", "keyToFrameThread", "searchFirstPage", "search p95 ÷ sqlite3 shell p95",
                         "resident memory high-water", "TARGET", "reply ", "support ", "withdraw ", "flag "] {
            #expect(result.stdout.contains(fragment), "no \(fragment) in:\n\(result.stdout)")
        }
    }

    @Test func generateRefusesWhatItCannotDo() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let suggestions = try cli.run(["generate", "--posts", "100", "--suggestions=-1"])
        #expect(suggestions.status == 2)
        #expect(suggestions.stderr.contains("--suggestions cannot be negative"))
        #expect(try cli.run(["generate", "--posts", "10", "--threads", "20"]).status == 2)
        #expect(try cli.run(["init", "--admin", "ada"]).status == 0)
        let full = try cli.run(["generate", "--posts", "100"])
        #expect(full.status == 1)
        #expect(full.stderr.contains("already has members"))
    }
}
