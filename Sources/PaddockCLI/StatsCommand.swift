import ArgumentParser
import Foundation
import PaddockCore
import PaddockStore

extension StatsPart: ExpressibleByArgument {}

/// `paddock stats`: the figures of the managers' dashboard on the command line.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "The community's figures: demand per product and feature, activity, participation, responsiveness, moderation.",
        discussion: """
            Members see demand per product and feature; moderators also moderation health; \
            managers and admins every part. The period is whole UTC days, both ends included: \
            by default the 30 days ending today. --compare adds the period of equal length \
            just before it, and each figure's change; demand always sets its 7 and 30 days \
            against the spans of equal length before.

            Examples:
              paddock stats
              paddock stats --product furia-950 --days 90 --compare
              paddock stats --since 2026-11-01 --until 2026-11-30 --csv > november.csv
              paddock stats --part activity --part participation --markdown
            """)

    static let defaultDays = 30

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only this product's demand and activity (the other parts are the whole community's).", valueName: "slug"))
    var product: String?
    @Option(help: ArgumentHelp("Only this feature's demand and activity (with --product).", valueName: "slug"))
    var feature: String?
    @Option(help: ArgumentHelp("The first day, UTC, written YYYY-MM-DD (default: the 30 days ending with --until).", valueName: "day"))
    var since: String?
    @Option(help: ArgumentHelp("The last day, UTC, included, written YYYY-MM-DD (default: today).", valueName: "day"))
    var until: String?
    // Unconditional, so a negative count (`--days -1`) reaches validate() and its range message, not "Missing value".
    @Option(parsing: .unconditional,
            help: ArgumentHelp("The number of days ending with --until, 1–\(StatsPeriod.longestDays) (instead of --since).", valueName: "n"))
    var days: Int?
    @Option(name: .customLong("part"),
            help: ArgumentHelp("Only this part; repeat for more.", valueName: "part"))
    var parts: [StatsPart] = []
    @Flag(help: "Also show the period of equal length before, and each figure's change (demand carries its own: 7 and 30 days against the spans before).")
    var compare = false
    @Flag(help: "Print one JSON object.") var json = false
    @Flag(help: "Print CSV: a header, then one row per figure.") var csv = false
    @Flag(help: "Print Markdown: a heading and a table per part.") var markdown = false
    @OptionGroup var charts: ChartOptions

    /// How the options are written: a usage error (exit 2) before anything opens.
    func validate() throws {
        if [json, csv, markdown].filter({ $0 }).count > 1 { throw ValidationError("give one of --json, --csv and --markdown, not two") }
        if feature != nil, product == nil { throw ValidationError("--feature needs --product: a feature's slug is its product's") }
        if let days, !(1...StatsPeriod.longestDays).contains(days) {
            throw ValidationError("--days must be between 1 and \(StatsPeriod.longestDays)")
        }
        if days != nil, since != nil { throw ValidationError("give either --since or --days, not both") }
        _ = try since.map { try Self.day($0, option: "--since") }
        _ = try until.map { try Self.day($0, option: "--until") }
    }

    /// The days asked for: `--since`/`--until`/`--days`, the rest from `today`.
    /// Core's rules for a period (it ends after it starts, and spans at most
    /// ten years) refuse the rest, as the community refuses invalid input (exit 1).
    func period(today: StatsDay) throws -> StatsPeriod {
        let last = until.flatMap(StatsDay.init(parsing:)) ?? today
        let first = since.flatMap(StatsDay.init(parsing:)) ?? last.advanced(by: -((days ?? Self.defaultDays) - 1))
        return try StatsPeriod(first: first, last: last)
    }

    static func day(_ text: String, option: String) throws -> StatsDay {
        guard let day = StatsDay(parsing: text) else {
            throw ValidationError("\(option) takes a UTC day from 1970 on, written YYYY-MM-DD, e.g. 2026-11-01")
        }
        return day
    }

    /// The parts asked for, each once, in the order asked; every part without --part.
    var asked: [StatsPart] {
        var seen = Set<StatsPart>()
        return (parts.isEmpty ? StatsPart.allCases : parts).filter { seen.insert($0).inserted }
    }

    /// The product and feature as the catalog spells them: slugs are lowercase, whatever was typed.
    var productSlug: String? { product?.lowercased() }
    var featureSlug: String? { feature?.lowercased() }

    /// The parts a report prints for `actor`: every part (the store leaves out what they may not see)
    /// without --part; with it, the parts named, each once — refused, with the
    /// one line Core gives, as soon as any named part is one the viewer may not see.
    static func parts(_ named: [StatsPart], asked: [StatsPart], by actor: Actor) throws -> [StatsPart] {
        guard !named.isEmpty else { return asked }
        let visible = StatsPart.visible(to: actor.role)
        if let hidden = asked.first(where: { !visible.contains($0) }) {
            _ = try Rules.readStats([hidden], by: actor)
        }
        return asked
    }

    func run() throws {
        let period = try period(today: StatsDay(Date()))
        let (community, actor) = try global.acting()
        let parts = try Self.parts(parts, asked: asked, by: actor)
        // A report names every suggestion waiting too long (the dashboard, the first few).
        var query = StatsQuery(period: period, product: productSlug, feature: featureSlug, parts: Set(parts), overdueLimit: 1000)
        let current = try community.stats(by: actor, query)
        var previous: CommunityStats?
        if compare {
            // Demand carries its own comparisons; the other parts the viewer sees are fetched for the period before.
            let compared = StatsReport.compared(parts.filter(current.has))
            if compared.isEmpty {
                previous = CommunityStats(period: period.previous, asOf: current.asOf)
            } else {
                query.period = period.previous
                query.parts = Set(compared)
                previous = try community.stats(by: actor, query)
            }
        }
        let report = StatsReport(current: current, previous: previous, parts: parts, product: productSlug, feature: featureSlug)
        let style = charts.style
        if json {
            try Output.json(StatsJSON(report: report))
        } else if csv {
            Output.write(Data(StatsCSV.render(report).utf8))
        } else if markdown {
            Output.write(Data(StatsMarkdown.render(report, style: style).utf8))
        } else {
            Output.write(Data(StatsText.plain(report, style: style).utf8))
        }
    }
}
