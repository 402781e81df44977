import Foundation
import PaddockCore
@testable import PaddockCLI
import Testing

/// `paddock stats`' four formats, fed hand-built figures: what each prints,
/// that it is well-formed, and that community text reaches none of them raw.
@Suite struct StatsOutputTests {
    static func day(_ text: String) -> StatsDay { StatsDay(parsing: text)! }

    /// 2026-12-03 14:05 UTC.
    static let asOf = day("2026-12-03").start.addingTimeInterval(14 * 3600 + 5 * 60)
    static let period = try! StatsPeriod(first: day("2026-11-04"), last: day("2026-12-03"))

    /// 30 days of posts, the busiest (41) on 2026-11-20, the 17th day.
    static let posts = (0..<30).map { $0 == 16 ? 41 : ($0 % 5) * 3 }

    static let hostileName = "Monster \"821\", naked | =1+1"
    static let hostileFeature = "Dash\u{1B}[31m red\u{202E}"
    static let hostileTitle = "=HYPERLINK(\"http://x\",\"Heated, seat\")\u{1B}]0;pwn\u{07}"

    /// Every part, as a manager sees it.
    static func staff(_ period: StatsPeriod = period, scale: Int = 1) -> CommunityStats {
        CommunityStats(
            period: period, asOf: asOf,
            demand: [
                DemandRow(product: "furia", productName: "Furia 950", openSuggestions: 3, totalSupport: 45,
                          gained7: Gain(now: 12, before: 8), gained30: Gain(now: 30, before: 20), shipped90: 1),
                DemandRow(product: "furia", productName: "Furia 950", feature: "seat", featureName: "Seat", openSuggestions: 2,
                          totalSupport: 30, gained7: Gain(now: 10, before: 2), gained30: Gain(now: 20, before: 20), shipped90: 0),
                DemandRow(product: "monster", productName: hostileName, feature: "dash", featureName: hostileFeature, openSuggestions: 1,
                          totalSupport: 1, gained7: Gain(now: 0, before: 0), gained30: Gain(now: 1, before: 0), shipped90: 0),
            ],
            activity: [
                DailySeries(name: "posts", unit: "posts", first: period.first, values: posts.map { $0 * scale }),
                DailySeries(name: "new members", unit: "members", first: period.first, values: Array(repeating: 0, count: period.days)),
            ],
            funnel: Funnel(members: 1200 * scale, readers: 500, posters: 130, suggesters: 23, supporters: 98,
                           firstTimeContributors: 40, returningContributors: 60),
            responsiveness: Responsiveness(
                reachedReview: 12, answered: 9, medianSeconds: (3 * 86_400 + 4 * 3600 + 17) * scale, p90Seconds: 12 * 86_400,
                overdue: [WaitingSuggestion(id: 12, title: hostileTitle, product: "furia", since: day("2026-10-01").start.addingTimeInterval(3600))],
                overdueCount: 3, posted: 40, postedAnswered: 15),
            moderation: ModerationHealth(queue: 4, handled: 20, medianHandleSeconds: 5 * 3600,
                                         flagsByReason: [.spam: 20, .offTopic: 5, .abusive: 3, .other: 3], hidden: 7, restored: 2),
            fallingRatings: [FallingRating(product: "monster", productName: hostileName, feature: "dash", featureName: hostileFeature,
                                           recent: RatingTally(stars: 5, count: 2), before: RatingTally(stars: 9, count: 2))])
    }

    /// What a member sees: the store leaves every other part out.
    static func member() -> CommunityStats {
        var stats = staff()
        stats.activity = nil
        stats.funnel = nil
        stats.responsiveness = nil
        stats.moderation = nil
        stats.fallingRatings = nil
        return stats
    }

    /// The period before, as `--compare` fetches it: no demand.
    static func compared() -> StatsReport {
        var previous = staff(period.previous, scale: 2)
        previous.demand = nil
        return StatsReport(current: staff(), previous: previous)
    }

    static let controls: [Unicode.Scalar] = ["\u{1B}", "\u{07}", "\u{202E}", "\u{9B}"]

    static func hasRawControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { controls.contains($0) }
    }

    // MARK: Plain text

    @Test func plainTextLabelsEveryFigureWithItsUnitAndPeriod() {
        let text = StatsText.plain(StatsReport(current: Self.staff()))
        #expect(text.hasPrefix("Community figures for 2026-11-04 to 2026-12-03 (30 days), read 2026-12-03 14:05 UTC\n"))
        for part in StatsPart.allCases { #expect(text.contains(part.title), "\(part)") }
        #expect(text.contains("\(Self.posts.reduce(0, +)) posts, peak 41 posts on 2026-11-20"))
        #expect(text.contains("Activity per day, 2026-11-04 to 2026-12-03 (30 days), one mark a day"))
        #expect(text.contains("  7 DAYS: supporters gained 2026-11-27 to 2026-12-03; CHANGE: against 2026-11-20 to 2026-11-26.\n"))
        #expect(text.contains("  SHIPPED: suggestions shipped 2026-09-05 to 2026-12-03 (90 days).\n"))
        #expect(text.contains("  OPEN: open suggestions, and SUPPORT: their supporters, as of 2026-12-03.\n"))
        #expect(text.contains("1200 members  100 %"))
        #expect(text.contains("500 members   42 %"))
        #expect(text.contains("  median time, review to answer      3 days 4 hours\n"))
        #expect(text.contains("12 days"))
        #expect(text.contains("  review queue                         4 items   as of 2026-12-03\n"))
        // As the dashboard says it: rounded down, to the hour.
        #expect(text.contains("since 2026-10-01  63 days 13 hours"))
        #expect(!Self.hasRawControls(text))
        #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") })
    }

    @Test func demandIsAnAlignedTableRisingFastestFirst() {
        let lines = StatsText.plain(StatsReport(current: Self.member())).split(separator: "\n").map(String.init)
        let start = lines.firstIndex { $0 == "Demand per product and feature, rising fastest first" }!
        let table = Array(lines[(start + 1)...(start + 4)])
        #expect(table[0].hasPrefix("  PRODUCT · FEATURE"))
        // The last column is right-aligned numbers: an aligned table has rows of equal width.
        #expect(Set(table.map { TextWidth.of($0) }).count == 1, "\(table.joined(separator: "\n"))")
        #expect(table[1].hasPrefix("  Furia 950 · Seat "))
        #expect(table[1].contains("+8 (+400 %)"))
        // A long name is cut to its column, safely, the product's part first.
        #expect(table[3].hasPrefix("  Monster \"821\", na… · Dash␛ red  "))
    }

    @Test func aMemberReadsNothingOfThePartsTheyCannotSee() {
        let report = StatsReport(current: Self.member())
        #expect(report.shown == [.demand])
        for text in [StatsText.plain(report), StatsMarkdown.render(report), StatsCSV.render(report)] {
            for part in StatsPart.allCases where part != .demand {
                #expect(!text.contains(part.title), "\(part)")
                #expect(!text.contains("\n\(part.rawValue),"), "\(part)")
            }
        }
    }

    @Test func comparingShowsEachFiguresChange() {
        let text = StatsText.plain(Self.compared())
        #expect(text.contains("Compared with the 30 days before: 2026-10-05 to 2026-11-03 (30 days)."))
        let total = Self.posts.reduce(0, +)
        #expect(text.contains("the 30 days before: \(total * 2) posts, change −\(total) (−50 %)"))
        #expect(text.contains("before 2400 members  −1200 (−50 %)"))
        #expect(text.contains("before 6 days 8 hours  −3 days 4 hours (−50 %)"))
        #expect(text.contains("  share with an official response    38 %            before 38 %            0 points\n"))
        // What is counted as of today has nothing to compare with.
        let queue = text.split(separator: "\n").first { $0.contains("review queue") }!
        #expect(!queue.contains("before"))
    }

    @Test func textFitsAHundredColumnsOrPutsSummariesUnderTheCharts() throws {
        for report in [StatsReport(current: Self.staff()), Self.compared()] {
            for line in StatsText.plain(report).split(separator: "\n") {
                #expect(TextWidth.of(line) <= StatsText.lineWidth, "\(line)")
            }
        }
        // A series named at length moves every summary under its chart.
        var stats = Self.staff()
        stats.activity = [DailySeries(name: "New suggestions on Furia 950 · Quickshifter", unit: "suggestions", first: stats.period.first,
                                      values: Self.posts)]
        let lines = StatsText.plain(StatsReport(current: stats, parts: [.activity])).split(separator: "\n").map(String.init)
        #expect(lines[2].hasPrefix("  New suggestions on Furia 950…   ▁"))
        #expect(lines[3] == String(repeating: " ", count: 34) + "\(Self.posts.reduce(0, +)) suggestions, peak 41 suggestions on 2026-11-20")
    }

    @Test func asciiChartsUseNoBlockElements() {
        let text = StatsText.plain(StatsReport(current: Self.staff()), style: .ascii)
        #expect(!text.contains { "▁▂▃▄▅▆▇█▏▎▍▌▋▊▉".contains($0) })
        #expect(text.contains("#"))
        let blocks = StatsText.plain(StatsReport(current: Self.staff()))
        #expect(blocks.contains("█"))
    }

    @Test func aLongPeriodSumsDaysIntoMarks() throws {
        var stats = Self.staff()
        stats.period = try StatsPeriod(first: Self.day("2025-12-04"), last: Self.day("2026-12-03"))
        stats.activity = [DailySeries(name: "posts", unit: "posts", first: stats.period.first, values: Array(repeating: 1, count: 365))]
        let text = StatsText.plain(StatsReport(current: stats, parts: [.activity]))
        #expect(text.contains("Activity per day, 2025-12-04 to 2026-12-03 (365 days), one mark per 7 days"))
        let chart = text.split(separator: "\n").first { $0.hasPrefix("  posts") }!
        #expect(chart.contains("365 posts, peak 1 post on 2025-12-04"))
    }

    @Test func partsPrintInTheOrderAsked() {
        let text = StatsText.plain(StatsReport(current: Self.staff(), parts: [.moderation, .demand]))
        let moderation = text.range(of: StatsPart.moderation.title)!, demand = text.range(of: StatsPart.demand.title)!
        #expect(moderation.lowerBound < demand.lowerBound)
        #expect(!text.contains(StatsPart.activity.title))
    }

    // MARK: JSON

    static func object(_ report: StatsReport) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Output.jsonData(StatsJSON(report: report))) as! [String: Any]
    }

    /// A parsed JSON object equals `expected` (numbers compared as numbers).
    static func same(_ value: Any?, _ expected: [String: Any]) -> Bool {
        guard let object = value as? [String: Any], Set(object.keys) == Set(expected.keys) else { return false }
        return expected.allSatisfy { key, want in
            switch want {
            case let text as String: object[key] as? String == text
            case let number as Int: object[key] as? Int == number
            default: false
            }
        }
    }

    @Test func jsonIsOneObjectWithStableKeys() throws {
        let json = try Self.object(StatsReport(current: Self.staff(), product: "furia"))
        #expect(Set(json.keys) == ["product", "feature", "period", "asOf", "today", "demand", "activity", "participation",
                                   "responsiveness", "moderation", "fallingRatings"])
        #expect(json["product"] as? String == "furia")
        #expect(json["feature"] is NSNull)
        #expect(Self.same(json["period"], ["first": "2026-11-04", "last": "2026-12-03", "days": 30]))
        #expect(json["asOf"] as? String == "2026-12-03T14:05:00Z")
        #expect(json["today"] as? String == "2026-12-03")
        let demand = json["demand"] as! [[String: Any]]
        #expect(demand.map { $0["feature"] as? String } == ["seat", nil, "dash"])
        #expect(demand[2]["productName"] as? String == Self.hostileName, "JSON keeps text as written; the encoder escapes it")
        #expect(demand[0]["gained7"] as? [String: Int] == ["now": 10, "before": 2, "change": 8])
        let posts = (json["activity"] as! [[String: Any]])[0]
        #expect(posts["values"] as? [Int] == Self.posts)
        #expect(posts["first"] as? String == "2026-11-04" && posts["last"] as? String == "2026-12-03")
        #expect(Self.same(posts["peak"], ["day": "2026-11-20", "value": 41]))
        #expect((json["activity"] as! [[String: Any]])[1]["peak"] is NSNull)
        let responsiveness = json["responsiveness"] as! [String: Any]
        #expect(responsiveness["medianSeconds"] as? Int == 3 * 86_400 + 4 * 3600 + 17)
        #expect(responsiveness["answeredShare"] as? Double == 15.0 / 40.0)
        #expect((responsiveness["overdue"] as! [[String: Any]])[0]["since"] as? String == "2026-10-01T01:00:00Z")
        let moderation = json["moderation"] as! [String: Any]
        #expect(moderation["flagsByReason"] as? [String: Int] == ["spam": 20, "off_topic": 5, "abusive": 3, "other": 3])
        #expect(moderation["flags"] as? Int == 31)
        #expect((json["participation"] as! [String: Any])["firstTimeContributors"] as? Int == 40)
    }

    @Test func jsonLeavesOutWhatTheViewerMayNotSeeAndKeepsNoneAsNull() throws {
        #expect(Set(try Self.object(StatsReport(current: Self.member())).keys) == ["product", "feature", "period", "asOf", "today", "demand"])
        var stats = Self.staff()
        stats.responsiveness?.medianSeconds = nil
        let responsiveness = try Self.object(StatsReport(current: stats))["responsiveness"] as! [String: Any]
        #expect(responsiveness["medianSeconds"] is NSNull)
    }

    @Test func jsonWithComparePutsThePreviousPeriodAlongside() throws {
        let json = try Self.object(Self.compared())
        let previous = try #require(json["previous"] as? [String: Any])
        #expect(Self.same(previous["period"], ["first": "2026-10-05", "last": "2026-11-03", "days": 30]))
        #expect(Set(previous.keys) == ["period", "asOf", "today", "activity", "participation", "responsiveness", "moderation"])
    }

    // MARK: CSV

    /// Fields of RFC 4180 text: rows end in CRLF; a quoted field may hold commas, quotes (doubled) and line breaks.
    static func parseCSV(_ text: String) -> [[String]]? {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let s = scalars.popFirst() {
            if quoted {
                if s == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(s)
                }
            } else if s == "\"" {
                guard field.isEmpty else { return nil }
                quoted = true
            } else if s == "," {
                row.append(field); field = ""
            } else if s == "\r" {
                guard scalars.popFirst() == "\n" else { return nil }
                row.append(field); field = ""
                rows.append(row); row = []
            } else if s == "\n" {
                return nil
            } else {
                field.unicodeScalars.append(s)
            }
        }
        return quoted || !row.isEmpty || !field.isEmpty ? nil : rows
    }

    @Test func csvIsALongTableOfEqualRows() throws {
        let csv = StatsCSV.render(StatsReport(current: Self.staff()))
        let rows = try #require(Self.parseCSV(csv), "not RFC 4180")
        #expect(rows[0] == ["part", "subject", "name", "metric", "unit", "first_day", "last_day", "value"])
        #expect(rows.allSatisfy { $0.count == 8 })
        #expect(rows.contains(["activity", "posts", "posts", "total", "posts", "2026-11-04", "2026-12-03", "\(Self.posts.reduce(0, +))"]))
        #expect(rows.contains(["activity", "posts", "posts", "per_day", "posts", "2026-11-20", "2026-11-20", "41"]))
        #expect(rows.contains(["demand", "furia/seat", "Furia 950 · Seat", "supporters_gained_7d", "supporters", "2026-11-20", "2026-11-26", "2"]))
        #expect(rows.contains(["responsiveness", "suggestions", "suggestions", "answered_share", "share", "2026-11-04", "2026-12-03", "0.3750"]))
        #expect(rows.contains(["responsiveness", "suggestions", "suggestions", "median_seconds_to_response", "seconds", "2026-11-04", "2026-12-03", "273617"]))
        #expect(rows.contains(["moderation", "review_queue", "review queue", "open_items", "items", "2026-12-03", "2026-12-03", "4"]))
        // Quotes are doubled inside quoted fields; text is made safe and never reads as a formula.
        #expect(csv.contains("\"Monster \"\"821\"\", naked | =1+1 · Dash␛ red\""))
        let overdue = try #require(rows.first { $0[1] == "#12" })
        #expect(overdue == ["responsiveness", "#12", "'=HYPERLINK(\"http://x\",\"Heated, seat\")␛", "days_under_review", "days",
                            "2026-10-01", "2026-12-03", "63"])
        #expect(!Self.hasRawControls(csv))
    }

    @Test func csvWithCompareAddsThePreviousValueAndTheChange() throws {
        let rows = try #require(Self.parseCSV(StatsCSV.render(Self.compared())))
        #expect(rows[0].suffix(2) == ["previous_value", "change"])
        #expect(rows.allSatisfy { $0.count == 10 })
        let total = Self.posts.reduce(0, +)
        #expect(rows.contains(["activity", "posts", "posts", "total", "posts", "2026-11-04", "2026-12-03", "\(total)", "\(total * 2)", "-\(total)"]))
        #expect(rows.filter { $0[3] == "per_day" }.allSatisfy { $0[8] == "" && $0[9] == "" })
        let queue = try #require(rows.first { $0[1] == "review_queue" })
        #expect(queue.suffix(2) == ["", ""])
    }

    // MARK: Markdown

    /// The cells of a table row, split at pipes that are not escaped.
    static func cells(_ line: String) -> Int {
        var count = 0, escaped = false
        for c in line {
            if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "|" { count += 1 }
        }
        return count - 1
    }

    @Test func markdownHasAHeadingAndAWellFormedTablePerPart() throws {
        for report in [StatsReport(current: Self.staff()), Self.compared(), StatsReport(current: Self.member())] {
            let markdown = StatsMarkdown.render(report)
            #expect(markdown.hasPrefix("# Community figures\n\n2026-11-04 to 2026-12-03 (30 days), read 2026-12-03 14:05 UTC."))
            for part in report.shown { #expect(markdown.contains("\n## \(part.title)\n"), "\(part)") }
            // Tables: consecutive `|` lines, a rule second, every row as many cells as the header.
            var tables: [[String]] = []
            var current: [String] = []
            for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                if line.hasPrefix("|") { current.append(line) } else if !current.isEmpty { tables.append(current); current = [] }
            }
            if !current.isEmpty { tables.append(current) }
            #expect(tables.count >= report.shown.count)
            for table in tables {
                let columns = Self.cells(table[0])
                #expect(table.count >= 2 && table[1].allSatisfy { "|-: ".contains($0) }, "\(table.joined(separator: "\n"))")
                #expect(table.allSatisfy { Self.cells($0) == columns && $0.hasSuffix(" |") }, "\(table.joined(separator: "\n"))")
            }
            #expect(!Self.hasRawControls(markdown))
            #expect(markdown.contains("Monster \"821\", naked \\| =1+1 · Dash␛ red"))
        }
    }
}

extension StatsOutputTests {
    @Test func aNarrowedReportSaysWhatItCovers() {
        let member = StatsText.plain(StatsReport(current: Self.member(), product: "furia", feature: "seat"))
        #expect(member.contains("\nDemand of feature furia/seat only.\n"))
        let staff = StatsText.plain(StatsReport(current: Self.staff(), product: "furia"))
        #expect(staff.contains("\nDemand and activity of product furia only; participation, responsiveness, moderation and ratings cover the whole community.\n"))
        let moderation = StatsText.plain(StatsReport(current: Self.staff(), parts: [.moderation], product: "furia"))
        #expect(moderation.contains("\nThe product furia narrows only demand and activity; these parts cover the whole community.\n"))
        #expect(StatsMarkdown.render(StatsReport(current: Self.member(), product: "furia")).contains(" Demand of product furia only.\n"))
    }
}

extension StatsOutputTests {
    /// The store counts gains and shipments up to the report's last day, and open suggestions as of today.
    @Test func demandsSpansEndWithThePeriodAndOpenCountsAreAsOfToday() throws {
        var stats = Self.member()
        stats.period = try StatsPeriod(first: Self.day("2026-11-01"), last: Self.day("2026-11-30"))
        let text = StatsText.plain(StatsReport(current: stats))
        #expect(text.contains("  OPEN: open suggestions, and SUPPORT: their supporters, as of 2026-12-03.\n"))
        #expect(text.contains("  7 DAYS: supporters gained 2026-11-24 to 2026-11-30; CHANGE: against 2026-11-17 to 2026-11-23.\n"))
        #expect(text.contains("  SHIPPED: suggestions shipped 2026-09-02 to 2026-11-30 (90 days).\n"))
        let rows = try #require(Self.parseCSV(StatsCSV.render(StatsReport(current: stats))))
        #expect(rows.contains(["demand", "furia", "Furia 950", "supporters_gained_30d", "supporters", "2026-11-01", "2026-11-30", "30"]))
        #expect(rows.contains(["demand", "furia", "Furia 950", "open_suggestions", "suggestions", "2026-12-03", "2026-12-03", "3"]))
    }
}

extension StatsOutputTests {
    static func longProduct(features: [(String, String)]) -> CommunityStats {
        var stats = member()
        let name = "Ardente Furia 950 Special Edition MY2027"
        let gain = Gain(now: 0, before: 0)
        stats.demand = [DemandRow(product: "ardente", productName: name, openSuggestions: 2, totalSupport: 2, gained7: gain, gained30: gain,
                                  shipped90: 0)]
            + features.map { slug, featureName in
                DemandRow(product: "ardente", productName: name, feature: slug, featureName: featureName, openSuggestions: 1, totalSupport: 1,
                          gained7: gain, gained30: gain, shipped90: 0)
            }
        return stats
    }

    /// A long product's rows stay apart: its name is cut, its features' names are not.
    @Test func longNamesAreCutInTheProductsPartSoFeaturesStayReadable() {
        let text = StatsText.plain(StatsReport(current: Self.longProduct(features: [("seat", "Seat"), ("suspension", "Suspension")])))
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("  Ardente") }.map { String($0.prefix(32)) }
        #expect(rows.count == 3 && Set(rows).count == 3, "\(rows)")
        #expect(text.contains("  Ardente Furia 95… · Suspension  "))
        #expect(text.contains("  Ardente Furia 950 Spec… · Seat  "))
        #expect(text.contains("  Ardente Furia 950 Special Edi…  "))
        // A suffix that says something of the row is kept, however long the feature's name.
        let gain = Gain(now: 0, before: 0)
        let retired = DemandRow(product: "ardente", productName: "Ardente Furia 950 Special Edition MY2027", feature: "seat",
                                featureName: "Seat (retired)", openSuggestions: 0, totalSupport: 0, gained7: gain, gained30: gain, shipped90: 0)
        #expect(StatsText.demandName(retired) == "Ardente Furi… · Seat (retired)")
        var long = retired
        long.featureName = "Adjustable rear suspension with remote preload (retired)"
        let cut = StatsText.demandName(long)
        #expect(cut.hasPrefix("Ardente…") && cut.hasSuffix("… (retired)") && TextWidth.of(cut) == StatsText.nameWidth, "\(cut)")
        // A name that fits is left alone.
        var short = retired
        short.productName = "Furia"
        #expect(StatsText.demandName(short) == "Furia · Seat (retired)")
    }

    /// --compare for a member: nothing but demand, which carries its own comparisons.
    @Test func aMembersCompareSaysSoInEveryFormat() throws {
        let report = StatsReport(current: Self.member(), previous: CommunityStats(period: Self.period.previous, asOf: Self.asOf))
        let text = StatsText.plain(report)
        #expect(text.contains("\n\(StatsText.demandComparesText)\n"))
        #expect(!text.contains("Compared with"))
        let rows = try #require(Self.parseCSV(StatsCSV.render(report)))
        #expect(rows[0] == StatsCSV.header(compared: true))
        #expect(rows.allSatisfy { $0.count == 10 })
        let json = try Self.object(report)
        let previous = try #require(json["previous"] as? [String: Any])
        #expect(Set(previous.keys) == ["period", "asOf", "today"])
        #expect(Self.same(previous["period"], ["first": "2026-10-05", "last": "2026-11-03", "days": 30]))
        #expect(StatsMarkdown.render(report).contains(StatsText.demandComparesText))
        // A manager's says both.
        let staff = StatsText.plain(Self.compared())
        #expect(staff.contains("Compared with the 30 days before") && staff.contains(StatsText.demandComparesText))
    }

    @Test func flagReasonsReadAsWordsWithStableKeys() throws {
        let text = StatsText.plain(StatsReport(current: Self.staff()))
        #expect(text.contains("of them off topic") && !text.contains("off_topic"))
        let rows = try #require(Self.parseCSV(StatsCSV.render(StatsReport(current: Self.staff()))))
        #expect(rows.contains(["moderation", "flags/off_topic", "flags: off topic", "raised", "flags", "2026-11-04", "2026-12-03", "5"]))
        #expect(!StatsMarkdown.render(StatsReport(current: Self.staff())).contains("off\\_topic"))
    }

    @Test func markdownWithNoProductsSaysSo() {
        var stats = Self.member()
        stats.demand = []
        let markdown = StatsMarkdown.render(StatsReport(current: stats))
        #expect(markdown.contains("\n\(StatsText.noProducts)\n"))
        #expect(!markdown.contains("| Product"))
        #expect(StatsText.plain(StatsReport(current: stats)).contains("  \(StatsText.noProducts)\n"))
    }

    /// "the oldest N of M" only when the list is cut; every suggestion listed is in every format.
    @Test func theOverdueListSaysWhenItIsCut() throws {
        var stats = Self.staff()
        let whole = StatsText.plain(StatsReport(current: { var s = stats; s.responsiveness?.overdueCount = 1; return s }()))
        #expect(whole.contains("  Under review for more than 30 days, oldest first:\n"))
        #expect(StatsText.plain(StatsReport(current: stats)).contains("oldest first (the oldest 1 of 3):\n"))
        #expect(StatsMarkdown.render(StatsReport(current: stats)).contains("oldest first (the oldest 1 of 3):\n"))
        stats.responsiveness?.overdue.append(WaitingSuggestion(id: 13, title: "Later", product: "furia",
                                                               since: Self.day("2026-10-20").start))
        let rows = try #require(Self.parseCSV(StatsCSV.render(StatsReport(current: stats))))
        #expect(rows.filter { $0[3] == "days_under_review" }.map { $0[7] } == ["63", "44"])
        #expect(StatsMarkdown.render(StatsReport(current: stats)).contains("| 2026-10-01 | 63 days 13 hours |"))
    }

    @Test func slugsPrintAsTheCatalogSpellsThem() throws {
        let report = StatsReport(current: Self.member(), product: "FURIA", feature: "SEAT")
        #expect(StatsText.plain(report).contains("\nDemand of feature furia/seat only.\n"))
        let json = try Self.object(report)
        #expect(json["product"] as? String == "furia" && json["feature"] as? String == "seat")
    }
}
