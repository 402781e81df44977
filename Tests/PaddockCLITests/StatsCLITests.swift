import Foundation
import PaddockCore
import PaddockStore
@testable import PaddockCLI
import Testing

/// `paddock stats` through the built binary: bad input, who sees what, and the
/// formats on a real community built through the `Community` API.
@Suite(.serialized) struct StatsCLITests {
    static let hostileProduct = "Monster \"821\", naked | =1+1"

    /// A community with a manager, a moderator, members, two products (one with a
    /// hostile name) and two open suggestions: Furia's heated seat with 4 supporters
    /// (its author and three riders), Monster's louder exhaust with 1.
    static func community() throws -> CLI {
        let cli = try CLI()
        try #require(cli.run(["init", "--admin", "ada"]).status == 0)
        let community = Community(database: try AppDatabase.open(path: cli.db))
        let ada = try community.actor(handle: "ada")
        try community.addMember(by: ada, handle: "elena", role: .manager)
        try community.addMember(by: ada, handle: "kurt", role: .moderator)
        for handle in ["marco", "rider1", "rider2", "rider3"] { try community.addMember(by: ada, handle: handle) }
        try community.addBoard(by: ada, slug: "ideas", title: "Ideas Lab", threadKind: .suggestion)
        let elena = try community.actor(handle: "elena")
        try community.addProduct(by: elena, slug: "furia", name: "Furia 950")
        try community.addFeature(by: elena, product: "furia", slug: "seat", name: "Seat")
        try community.addFeature(by: elena, product: "furia", slug: "dash", name: "Dash")
        try community.addProduct(by: elena, slug: "monster", name: hostileProduct)
        try community.addFeature(by: elena, product: "monster", slug: "exhaust", name: "Exhaust\u{1B}[31m red\u{202E}")
        let seat = try community.suggest(by: try community.actor(handle: "marco"), product: "furia", features: ["seat"],
                                         title: "Heated seat, \"please\"", body: "Cold mornings.")
        for rider in ["rider1", "rider2", "rider3"] { try community.support(by: try community.actor(handle: rider), suggestion: seat.id) }
        try community.suggest(by: try community.actor(handle: "rider1"), product: "monster", features: ["exhaust"],
                              title: "=1+1 louder\u{1B}]0;pwn\u{07}", body: "Louder.")
        try community.database.close()
        return cli
    }

    // MARK: Bad input

    @Test func badInputIsOneLineAndWritesNothing() throws {
        let cli = try Self.community()
        defer { cli.cleanUp() }
        let before = try BadInputCLITests.contents(cli.db)
        let dayError = "Error: --since takes a UTC day from 1970 on, written YYYY-MM-DD, e.g. 2026-11-01\n"
        // How the options are written: a usage error, its first line says which.
        let cases: [(args: [String], first: String?)] = [
            (["--since", "2026-02-30"], dayError),
            (["--since", "2026-1-5"], dayError),
            (["--since", "2026-11-01\u{1B}[31m"], dayError),
            (["--until", "tomorrow"], "Error: --until takes a UTC day from 1970 on, written YYYY-MM-DD, e.g. 2026-11-01\n"),
            (["--until", "0000-01-01"], "Error: --until takes a UTC day from 1970 on, written YYYY-MM-DD, e.g. 2026-11-01\n"),
            (["--days", "3651"], "Error: --days must be between 1 and 3650\n"),
            (["--days", "0"], "Error: --days must be between 1 and 3650\n"),
            (["--days", "-1"], "Error: --days must be between 1 and 3650\n"),
            (["--days=-1"], "Error: --days must be between 1 and 3650\n"),
            (["--days", "7", "--since", "2026-11-01"], "Error: give either --since or --days, not both\n"),
            (["--feature", "seat"], "Error: --feature needs --product: a feature's slug is its product's\n"),
            (["--json", "--csv"], "Error: give one of --json, --csv and --markdown, not two\n"),
            (["--csv", "--markdown", "--product", "furia"], "Error: give one of --json, --csv and --markdown, not two\n"),
            (["--part", "everything"], nil),
            (["--days", "many"], nil),
        ]
        for c in cases {
            let result = try cli.run(as: "elena", ["stats"] + c.args)
            let shown = c.args.joined(separator: " ").debugDescription
            #expect(result.status == 2, "\(shown): \(result.stderr.debugDescription)")
            #expect(result.stdout.isEmpty, "\(shown)")
            #expect(BadInputCLITests.refusalProblems(result) == [], "\(shown): \(result.stderr.debugDescription)")
            #expect(result.stderr.split(separator: "\n").filter { $0.hasPrefix("Error:") }.count == 1, "\(shown)")
            if let first = c.first {
                #expect(result.stderr.prefix { $0 != "\n" } + "\n" == first, "\(shown): \(result.stderr.debugDescription)")
            }
        }
        // What the period may be is Core's rule: the community refuses it, in one line.
        for (args, message) in [
            (["--since", "2026-12-05", "--until", "2026-12-01"], "paddock: the period starts (2026-12-05) after it ends (2026-12-01)\n"),
            (["--since", "2000-01-01", "--until", "2026-01-01"], "paddock: a period covers at most 3650 days; 2000-01-01 to 2026-01-01 is 9498 days\n"),
            (["--since", "1970-01-01", "--until", "2200-01-01"], "paddock: a period covers at most 3650 days; 1970-01-01 to 2200-01-01 is 84007 days\n"),
            (["--since", "2999-01-01"], nil),
            // Refused before the community opens: for someone who is no member, the period is still the one line.
            (["--until", "2000-01-01", "--since", "2000-01-02", "--as", "nobody"], "paddock: the period starts (2000-01-02) after it ends (2000-01-01)\n"),
        ] {
            let result = try cli.run(as: "elena", ["stats"] + args)
            #expect(result.status == 1 && result.stdout.isEmpty, "\(args): \(result.stderr)")
            #expect(BadInputCLITests.refusalProblems(result) == [], "\(args): \(result.stderr.debugDescription)")
            if let message { #expect(result.stderr == message, "\(args)") }
        }
        #expect(try BadInputCLITests.contents(cli.db) == before)
    }

    @Test func namingOnlyPartsTheReaderMayNotSeeIsRefused() throws {
        let cli = try Self.community()
        defer { cli.cleanUp() }
        let before = try BadInputCLITests.contents(cli.db)
        for (handle, parts, message) in [
            ("marco", ["activity"], "paddock: the activity figures are for managers and admins\n"),
            ("marco", ["moderation", "participation"], "paddock: the moderation figures are for moderators, managers and admins\n"),
            ("kurt", ["responsiveness"], "paddock: the responsiveness figures are for managers and admins\n"),
            // Named among parts the reader may see: refused all the same, with the same line.
            ("marco", ["demand", "activity"], "paddock: the activity figures are for managers and admins\n"),
            ("marco", ["activity", "demand"], "paddock: the activity figures are for managers and admins\n"),
            ("kurt", ["moderation", "demand", "participation"], "paddock: the participation figures are for managers and admins\n"),
        ] {
            let result = try cli.run(as: handle, ["stats"] + parts.flatMap { ["--part", $0] })
            #expect(result.status == 1 && result.stdout.isEmpty)
            #expect(result.stderr == message)
        }
        #expect(try BadInputCLITests.contents(cli.db) == before)
    }

    // MARK: Figures from the store

    static func json(_ cli: CLI, as handle: String, _ arguments: [String] = []) throws -> [String: Any] {
        let result = try cli.run(as: handle, ["stats", "--json"] + arguments)
        try #require(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static let staffKeys: Set<String> = ["product", "feature", "period", "asOf", "today", "demand", "activity", "participation",
                                         "responsiveness", "moderation", "fallingRatings"]

    @Test func membersSeeDemandModeratorsModerationStaffEverything() throws {
        let cli = try Self.community()
        defer { cli.cleanUp() }
        #expect(Set(try Self.json(cli, as: "marco").keys) == ["product", "feature", "period", "asOf", "today", "demand"])
        #expect(Set(try Self.json(cli, as: "kurt").keys) == ["product", "feature", "period", "asOf", "today", "demand", "moderation"])
        #expect(Set(try Self.json(cli, as: "elena").keys) == Self.staffKeys)
        #expect(Set(try Self.json(cli, as: "ada").keys) == Self.staffKeys)
        // A member's text says nothing of the parts they cannot see; a manager's has them all.
        let member = try cli.run(as: "marco", ["stats"])
        #expect(member.status == 0, "\(member.stderr)")
        #expect(member.stdout.contains(StatsPart.demand.title))
        for part in StatsPart.allCases where part != .demand { #expect(!member.stdout.contains(part.title), "\(part)") }
        let manager = try cli.run(as: "elena", ["stats", "--compare"])
        #expect(manager.status == 0, "\(manager.stderr)")
        for part in StatsPart.allCases { #expect(manager.stdout.contains(part.title), "\(part)") }
        // A member's --compare: demand carries its own comparisons, and says so; the formats keep their shape.
        let memberCompared = try cli.run(as: "marco", ["stats", "--compare", "--days", "1"])
        #expect(memberCompared.status == 0 && !memberCompared.stdout.contains("Compared with"))
        #expect(memberCompared.stdout.contains(StatsText.demandComparesText))
        #expect(memberCompared.stdout.hasPrefix("Community figures for \(StatsDay(Date()).text) (1 day), read "))
        let previous = try #require(try Self.json(cli, as: "marco", ["--compare"])["previous"] as? [String: Any])
        #expect(Set(previous.keys) == ["period", "asOf", "today"])
        let kurts = try #require(try Self.json(cli, as: "kurt", ["--compare"])["previous"] as? [String: Any])
        #expect(Set(kurts.keys) == ["period", "asOf", "today", "moderation"])
        let memberCSV = try cli.run(as: "marco", ["stats", "--compare", "--csv"])
        let rows = try #require(StatsOutputTests.parseCSV(memberCSV.stdout))
        #expect(rows[0] == StatsCSV.header(compared: true) && rows.allSatisfy { $0.count == 10 })
    }

    @Test func demandCountsTheCommunitysSuggestions() throws {
        let cli = try Self.community()
        defer { cli.cleanUp() }
        let json = try Self.json(cli, as: "elena")
        let today = StatsDay(Date())
        #expect((json["period"] as? [String: Any])?["last"] as? String == today.text)
        #expect((json["period"] as? [String: Any])?["days"] as? Int == 30)
        let demand = try #require(json["demand"] as? [[String: Any]])
        func row(_ product: String, _ feature: String?) -> [String: Any]? {
            demand.first { $0["product"] as? String == product && $0["feature"] as? String == feature }
        }
        let seat = try #require(row("furia", "seat"))
        #expect(seat["openSuggestions"] as? Int == 1)
        #expect(seat["totalSupport"] as? Int == 4)
        #expect(row("furia", nil)?["openSuggestions"] as? Int == 1)
        #expect(row("furia", "dash")?["openSuggestions"] as? Int ?? 0 == 0)
        #expect(row("monster", nil)?["productName"] as? String == Self.hostileProduct)
        #expect((json["participation"] as? [String: Any])?["members"] as? Int == 7)
        #expect((json["participation"] as? [String: Any])?["suggesters"] as? Int == 2)
        // Activity today: 2 suggestions (their opening posts), 5 supports (authors support their own), 7 members.
        let activity = try #require(json["activity"] as? [[String: Any]])
        func total(_ unit: String) -> Int? { activity.first { $0["unit"] as? String == unit }?["total"] as? Int }
        #expect(total("posts") == 2 && total("suggestions") == 2 && total("supports") == 5 && total("members") == 7)
        let text = try cli.run(as: "elena", ["stats", "--part", "activity"])
        #expect(text.stdout.contains("5 supports, peak 5 supports on \(today.text)"), "\(text.stdout)")
        let csv = try #require(StatsOutputTests.parseCSV(try cli.run(as: "elena", ["stats", "--csv", "--part", "activity"]).stdout))
        #expect(csv.contains(["activity", "supports", "Supports", "per_day", "supports", today.text, today.text, "5"]))
    }

    @Test func productAndFeatureNarrowDemandAndUnknownSlugsAreNotFound() throws {
        let cli = try Self.community()
        defer { cli.cleanUp() }
        let furia = try #require(try Self.json(cli, as: "marco", ["--product", "furia"])["demand"] as? [[String: Any]])
        #expect(!furia.isEmpty && furia.allSatisfy { $0["product"] as? String == "furia" })
        let seat = try #require(try Self.json(cli, as: "marco", ["--product", "furia", "--feature", "seat"])["demand"] as? [[String: Any]])
        #expect(seat.contains { $0["feature"] as? String == "seat" })
        #expect(seat.allSatisfy { $0["product"] as? String == "furia" && ($0["feature"] == nil || $0["feature"] is NSNull || $0["feature"] as? String == "seat") })
        // Slugs as the catalog spells them, whatever was typed.
        let typed = try Self.json(cli, as: "marco", ["--product", "FURIA", "--feature", "Seat"])
        #expect(typed["product"] as? String == "furia" && typed["feature"] as? String == "seat")
        let typedText = try cli.run(as: "marco", ["stats", "--product", "FURIA", "--feature", "Seat"])
        #expect(typedText.stdout.contains("Demand of feature furia/seat only."), "\(typedText.stdout)")
        let before = try BadInputCLITests.contents(cli.db)
        for arguments in [["--product", "nope"], ["--product", "furia", "--feature", "nope"]] {
            let result = try cli.run(as: "marco", ["stats"] + arguments)
            #expect(result.status == 1 && result.stdout.isEmpty, "\(arguments)")
            #expect(BadInputCLITests.refusalProblems(result) == [], "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("nope"), "\(arguments): \(result.stderr)")
        }
        #expect(try BadInputCLITests.contents(cli.db) == before)
    }

    @Test func everyFormatIsWellFormedAndSafe() throws {
        let cli = try Self.community()
        defer { cli.cleanUp() }
        // JSON: the previous period of equal length, just before.
        let json = try Self.json(cli, as: "elena", ["--days", "7", "--compare"])
        let period = try #require(json["period"] as? [String: Any]), previous = try #require(json["previous"] as? [String: Any])
        let previousPeriod = try #require(previous["period"] as? [String: Any])
        #expect(period["days"] as? Int == 7 && previousPeriod["days"] as? Int == 7)
        let first = try #require(StatsDay(parsing: period["first"] as? String ?? ""))
        #expect(previousPeriod["last"] as? String == first.advanced(by: -1).text)
        #expect(previous["demand"] == nil)
        // CSV: RFC 4180, equal rows, community text quoted with its quotes doubled and no formula.
        let csv = try cli.run(as: "elena", ["stats", "--csv", "--compare"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = try #require(StatsOutputTests.parseCSV(csv.stdout), "not RFC 4180")
        #expect(rows.count > 10 && rows.allSatisfy { $0.count == 10 })
        #expect(csv.stdout.contains("\"Monster \"\"821\"\", naked | =1+1"))
        #expect(rows.contains { $0[0] == "responsiveness" || $0[0] == "moderation" })
        // Markdown: a well-formed table per part.
        let markdown = try cli.run(as: "elena", ["stats", "--markdown", "--compare"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        let tables = markdown.stdout.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(tables.count > 5)
        for part in StatsPart.allCases { #expect(markdown.stdout.contains("## \(part.title)"), "\(part)") }
        // Text, blocks and ASCII.
        let text = try cli.run(as: "elena", ["stats", "--ascii", "--days", "365"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(!text.stdout.contains { "▁▂▃▄▅▆▇█▏▎▍▌▋▊▉".contains($0) })
        #expect(text.stdout.contains("(365 days), one mark per 7 days"))
        for output in [csv.stdout, markdown.stdout, text.stdout] {
            #expect(!StatsOutputTests.hasRawControls(output))
        }
    }
}
