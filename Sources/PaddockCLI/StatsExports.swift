import Foundation
import PaddockCore

// MARK: - Markdown

/// The report as Markdown: a heading and a table per part. Community text is
/// made safe for a terminal and escaped so it cannot break a table or add markup.
enum StatsMarkdown {
    static func render(_ report: StatsReport, style: ChartStyle = .blocks) -> String {
        let current = report.current
        var out: [String] = ["# Community figures", ""]
        var intro = "\(current.period.description), read \(TimeText.describe(current.asOf))."
        for line in StatsText.compareText(report) { intro += " " + line }
        if let scope = report.scopeText { intro += " " + escape(scope) }
        out.append(intro)
        let figures = report.figures
        let compared = report.compares
        for part in report.shown {
            out += ["", "## \(part.title)", ""]
            switch part {
            case .demand:
                let today = report.today.text
                let windows = DemandWindows(endingOn: current.period.last)
                out.append("Open suggestions and their supporters as of \(today); rising fastest first. Gained over \(StatsText.span(windows.gained7)) and "
                           + "\(StatsText.span(windows.gained30)), each against the span of equal length before; "
                           + "shipped over \(StatsText.span(windows.shipped90)).")
                out.append("")
                guard !report.demand.isEmpty else { out.append(StatsText.noProducts); continue }
                out += table(["Product · feature", "Open suggestions", "Supporters", "Gained, 7 days", "Change", "Gained, 30 days",
                              "Change", "Shipped, 90 days"],
                             report.demand.map { row in
                                 [escape(row.name), "\(row.openSuggestions)", "\(row.totalSupport)", "\(row.gained7.now)",
                                  row.gained7.changeText, "\(row.gained30.now)", row.gained30.changeText, "\(row.shipped90)"]
                             }, right: Set(1...7))
            case .activity:
                let perColumn = Sparkline.daysPerColumn(current.period.days, width: StatsText.sparklineWidth)
                out.append("\(current.period.description); the chart has \(perColumn == 1 ? "one mark a day" : "one mark per \(perColumn) days").")
                out.append("")
                var header = ["Series", "Per day", "Total", "Busiest day"]
                if compared { header += ["Before", "Change"] }
                out += table(header, (current.activity ?? []).map { s in
                    let chart = "`" + Sparkline.draw(s.values, width: StatsText.sparklineWidth, style: style) + "`"
                    var row = [escape(s.name), chart, escape(StatsText.count(s.total, s.unit)),
                               s.peak.map { escape(StatsText.count($0.value, s.unit)) + " on \($0.day.text)" } ?? "—"]
                    if compared {
                        let total = figures.first { $0.part == .activity && $0.subject == StatsText.key(s) && $0.metric == "total" }
                        row += [total?.previousText.map(escape) ?? "", total?.changeText ?? ""]
                    }
                    return row
                }, right: [2])
            case .participation:
                out.append("\(current.period.description); shares are of members who had joined by \(current.period.last.text).")
                out.append("")
                var header = ["Step", "Count", "Share of members"]
                if compared { header += ["Before", "Change"] }
                let rows = figures.filter { $0.part == .participation && $0.metric == "count" }.map { counted in
                    let share = figures.first { $0.part == .participation && $0.subject == counted.subject && $0.metric == "share_of_members" }
                    var row = [escape(counted.name == counted.label ? counted.name : "\(counted.name): \(counted.label)"),
                               counted.valueText, share?.valueText ?? ""]
                    if compared { row += [counted.previousText ?? "", counted.changeText ?? ""] }
                    return row
                }
                out += table(header, rows, right: [1, 2])
            case .ratings:
                let recent = StatsPeriod.last(RatingTrend.windowDays, endingAt: current.period.last.start)
                out.append("Average stars over \(StatsText.span(recent)) against \(StatsText.span(recent.previous)); "
                           + "an edited rating counts on the day of its latest edit.")
                out.append("")
                let rows = current.fallingRatings ?? []
                guard !rows.isEmpty else { out.append("No feature's average rating fell."); continue }
                out += table(["Feature", "Average, 30 days", "Ratings", "Average before", "Ratings before", "Change"], rows.map { row in
                    [escape(row.name), row.recent.averageText, "\(row.recent.count)", row.before.averageText, "\(row.before.count)",
                     row.trend.changeText]
                }, right: Set(1...5))
            case .responsiveness, .moderation:
                out.append("\(current.period.description), except where a figure says \"as of\".")
                out.append("")
                var header = ["Figure", "Value"]
                if compared { header += ["Before", "Change"] }
                out += table(header, figures.filter { $0.part == part && $0.metric != "days_under_review" }.map { figure in
                    var row = [escape(figure.label.trimmingCharacters(in: .whitespaces)) + (figure.isAsOf ? ", as of \(report.today.text)" : ""),
                               figure.valueText]
                    if compared { row += [figure.previousText ?? "", figure.changeText ?? ""] }
                    return row
                }, right: [])
                if part == .responsiveness, let r = current.responsiveness, !r.overdue.isEmpty {
                    out += ["", "Under review for more than \(Responsiveness.overdueDays) days, oldest first\(StatsText.overdueCut(r)):", ""]
                    out += table(["Suggestion", "Title", "Product", "Under review since", "Waiting"], r.overdue.map { waiting in
                        let since = StatsDay(waiting.since)
                        return ["#\(waiting.id)", escape(waiting.title), escape(waiting.product), since.text,
                                StatsText.waited(waiting, asOf: current.asOf)]
                    }, right: [4])
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A GitHub-flavoured table: one cell per column in every row.
    static func table(_ header: [String], _ rows: [[String]], right: Set<Int>) -> [String] {
        func line(_ cells: [String]) -> String {
            "| " + (0..<header.count).map { $0 < cells.count ? cells[$0] : "" }.joined(separator: " | ") + " |"
        }
        let rule = "|" + header.indices.map { right.contains($0) ? " ---: " : " --- " }.joined(separator: "|") + "|"
        return [line(header), rule] + rows.map(line)
    }

    /// Community text as one safe line of a table cell: Markdown's punctuation
    /// escaped, so a name can neither end a cell nor add links or emphasis.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in SafeText.displayable(text) {
            if "\\`*_[]<>|#~!".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}

// MARK: - CSV

/// The report as CSV (RFC 4180): one header row, then one row per figure in a
/// long format any spreadsheet can pivot: `part,subject,name,metric,unit,first_day,last_day,value`,
/// and with `--compare` `previous_value,change` (empty where a figure has none).
enum StatsCSV {
    static func header(compared: Bool) -> [String] {
        ["part", "subject", "name", "metric", "unit", "first_day", "last_day", "value"] + (compared ? ["previous_value", "change"] : [])
    }

    static func render(_ report: StatsReport) -> String {
        // With --compare the columns are the same whatever the viewer may see.
        let compared = report.compares
        var rows = [header(compared: compared)]
        for figure in report.figures {
            var row = [figure.part.rawValue, text(figure.subject), text(figure.name), figure.metric, figure.unit,
                       figure.first.text, figure.last.text, number(figure.value)]
            if compared {
                if case .some(let before) = figure.previous {
                    let change = before.flatMap { b in figure.value.map { $0 - b } }
                    row += [number(before), number(change)]
                } else {
                    row += ["", ""]
                }
            }
            rows.append(row)
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A field quoted when it holds a comma, a quote or a line break, its quotes doubled.
    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Community text made safe, and kept from reading as a spreadsheet formula
    /// (`=HYPERLINK(…)`): such a field starts with an apostrophe.
    static func text(_ value: String) -> String {
        let safe = SafeText.displayable(value)
        guard let first = safe.first, "=+-@".contains(first) else { return safe }
        return "'" + safe
    }

    /// Whole numbers without a point, shares to four places; empty for none.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.4f", value)
    }
}

// MARK: - JSON

/// The report as one JSON object with stable keys: numbers as numbers,
/// durations in seconds, days as YYYY-MM-DD, times in ISO 8601 UTC. A part
/// the viewer may not see, or did not ask for, is absent; a figure that does
/// not exist (no median when nothing was answered) is null.
struct StatsJSON: Encodable {
    let report: StatsReport

    struct Key: CodingKey {
        let stringValue: String
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(report.product, forKey: Key("product"))
        try c.encode(report.feature, forKey: Key("feature"))
        try Self.encodeFigures(report.current, parts: report.shown, into: &c)
        if let previous = report.previous {
            var nested = c.nestedContainer(keyedBy: Key.self, forKey: Key("previous"))
            try Self.encodeFigures(previous, parts: StatsReport.compared(report.shown).filter(previous.has), into: &nested)
        }
    }

    static func encodeFigures(_ stats: CommunityStats, parts: [StatsPart], into c: inout KeyedEncodingContainer<Key>) throws {
        var period = c.nestedContainer(keyedBy: Key.self, forKey: Key("period"))
        try period.encode(stats.period.first.text, forKey: Key("first"))
        try period.encode(stats.period.last.text, forKey: Key("last"))
        try period.encode(stats.period.days, forKey: Key("days"))
        try c.encode(stats.asOf, forKey: Key("asOf"))
        try c.encode(StatsDay(stats.asOf).text, forKey: Key("today"))
        for part in parts {
            switch part {
            case .demand:
                try c.encode((stats.demand ?? []).sorted(by: Demand.risingFirst).map { DemandJSON(row: $0) }, forKey: Key("demand"))
            case .activity:
                try c.encode((stats.activity ?? []).map { SeriesJSON(series: $0) }, forKey: Key("activity"))
            case .participation:
                if let funnel = stats.funnel { try c.encode(funnel, forKey: Key("participation")) }
            case .responsiveness:
                if let r = stats.responsiveness { try c.encode(ResponsivenessJSON(r), forKey: Key("responsiveness")) }
            case .moderation:
                if let m = stats.moderation { try c.encode(ModerationJSON(m), forKey: Key("moderation")) }
            case .ratings:
                if let falling = stats.fallingRatings { try c.encode(falling, forKey: Key("fallingRatings")) }
            }
        }
    }

    struct GainJSON: Encodable {
        let now: Int, before: Int, change: Int
        init(_ gain: Gain) { now = gain.now; before = gain.before; change = gain.change }
    }

    struct DemandJSON: Encodable {
        let row: DemandRow
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(row.product, forKey: Key("product"))
            try c.encode(row.productName, forKey: Key("productName"))
            try c.encode(row.feature, forKey: Key("feature"))
            try c.encode(row.featureName, forKey: Key("featureName"))
            try c.encode(row.openSuggestions, forKey: Key("openSuggestions"))
            try c.encode(row.totalSupport, forKey: Key("totalSupport"))
            try c.encode(GainJSON(row.gained7), forKey: Key("gained7"))
            try c.encode(GainJSON(row.gained30), forKey: Key("gained30"))
            try c.encode(row.shipped90, forKey: Key("shipped90"))
        }
    }

    struct SeriesJSON: Encodable {
        let series: DailySeries
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(series.name, forKey: Key("name"))
            try c.encode(series.unit, forKey: Key("unit"))
            try c.encode(series.first.text, forKey: Key("first"))
            try c.encode(series.first.advanced(by: max(series.values.count, 1) - 1).text, forKey: Key("last"))
            try c.encode(series.values, forKey: Key("values"))
            try c.encode(series.total, forKey: Key("total"))
            if let peak = series.peak {
                var p = c.nestedContainer(keyedBy: Key.self, forKey: Key("peak"))
                try p.encode(peak.day.text, forKey: Key("day"))
                try p.encode(peak.value, forKey: Key("value"))
            } else {
                try c.encodeNil(forKey: Key("peak"))
            }
        }
    }

    struct ResponsivenessJSON: Encodable {
        let r: Responsiveness
        init(_ r: Responsiveness) { self.r = r }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(r.reachedReview, forKey: Key("reachedReview"))
            try c.encode(r.answered, forKey: Key("answered"))
            try c.encode(r.medianSeconds, forKey: Key("medianSeconds"))
            try c.encode(r.p90Seconds, forKey: Key("p90Seconds"))
            try c.encode(r.posted, forKey: Key("posted"))
            try c.encode(r.postedAnswered, forKey: Key("postedAnswered"))
            try c.encode(r.answeredShare, forKey: Key("answeredShare"))
            try c.encode(Responsiveness.overdueDays, forKey: Key("overdueDays"))
            try c.encode(r.overdueCount, forKey: Key("overdueCount"))
            try c.encode(r.overdue, forKey: Key("overdue"))
        }
    }

    struct ModerationJSON: Encodable {
        let m: ModerationHealth
        init(_ m: ModerationHealth) { self.m = m }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(m.queue, forKey: Key("queue"))
            try c.encode(m.handled, forKey: Key("handled"))
            try c.encode(m.medianHandleSeconds, forKey: Key("medianHandleSeconds"))
            try c.encode(m.flags, forKey: Key("flags"))
            try c.encode(Dictionary(uniqueKeysWithValues: FlagReason.allCases.map { ($0.rawValue, m.flagsByReason[$0] ?? 0) }),
                         forKey: Key("flagsByReason"))
            try c.encode(m.hidden, forKey: Key("hidden"))
            try c.encode(m.restored, forKey: Key("restored"))
        }
    }
}
