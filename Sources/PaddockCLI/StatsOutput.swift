import Foundation
import PaddockCore

// MARK: - The report

/// What `paddock stats` prints: the figures of a period as the viewer may see
/// them and, with `--compare`, those of the period of equal length before it.
/// Every format is a function of this value alone, so tests feed it hand-built figures.
struct StatsReport {
    var current: CommunityStats
    /// The period before, for the parts whose figures have a change to show.
    var previous: CommunityStats?
    /// The parts asked for, in the order they print.
    var parts: [StatsPart]
    /// The product (and feature) demand and activity were narrowed to, as typed.
    var product: String?
    var feature: String?

    init(current: CommunityStats, previous: CommunityStats? = nil, parts: [StatsPart] = StatsPart.allCases,
         product: String? = nil, feature: String? = nil) {
        self.current = current
        self.previous = previous
        self.parts = parts
        self.product = product
        self.feature = feature
    }

    /// The parts that print: asked for and present. The store leaves out (nil)
    /// what the viewer may not see, so nothing is said about those.
    var shown: [StatsPart] { parts.filter(current.has) }

    /// The parts a previous period is fetched and shown for: demand carries its own change.
    static func compared(_ parts: [StatsPart]) -> [StatsPart] { parts.filter { $0 != .demand } }

    /// What `--product` and `--feature` narrowed, among the parts shown: demand
    /// and activity follow them; the other parts are the whole community's.
    var scopeText: String? {
        guard let product else { return nil }
        let what = feature.map { "feature \(product)/\($0)" } ?? "product \(product)"
        let narrowed = shown.filter { $0 == .demand || $0 == .activity }.map(\.rawValue)
        let whole = shown.filter { $0 != .demand && $0 != .activity }.map(\.rawValue)
        guard !narrowed.isEmpty else { return "The \(what) narrows only demand and activity; these parts cover the whole community." }
        let rest = whole.isEmpty ? "" : "; \(Self.list(whole)) cover the whole community"
        return "\(Self.list(narrowed).prefix(1).uppercased() + Self.list(narrowed).dropFirst()) of \(what) only\(rest)."
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ words: [String]) -> String {
        words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " and " + words.last!
    }

    /// The day the figures were read: what "now" figures (open suggestions, the queue) are as of.
    var today: StatsDay { StatsDay(current.asOf) }

    /// Demand rows, rising fastest first (Core's order).
    var demand: [DemandRow] { (current.demand ?? []).sorted(by: Demand.risingFirst) }

    /// Every figure of the parts shown; with a previous period, each comparable
    /// figure carries the same figure of the period before.
    var figures: [StatsFigure] {
        let earlier = previous.map { previous in
            Dictionary(StatsFigure.all(of: previous, parts: shown).filter(\.compares).map { ($0.key, $0.value) },
                       uniquingKeysWith: { first, _ in first })
        }
        return StatsFigure.all(of: current, parts: shown).map { figure in
            var figure = figure
            if figure.compares, let earlier, let before = earlier[figure.key] {
                figure.previous = .some(before)
            }
            return figure
        }
    }
}

extension CommunityStats {
    /// Whether the figures hold `part` (nil when the viewer may not see it).
    func has(_ part: StatsPart) -> Bool {
        switch part {
        case .demand: demand != nil
        case .activity: activity != nil
        case .participation: funnel != nil
        case .responsiveness: responsiveness != nil
        case .moderation: moderation != nil
        }
    }
}

/// The spans demand's gains and shipments are counted over, each ending with
/// the report's last day (as the store counts them); open suggestions and their
/// support are counted as of today.
struct DemandWindows {
    let gained7: StatsPeriod
    let gained30: StatsPeriod
    let shipped90: StatsPeriod

    init(endingOn last: StatsDay) {
        gained7 = .last(7, endingAt: last.start)
        gained30 = .last(30, endingAt: last.start)
        shipped90 = .last(90, endingAt: last.start)
    }
}

// MARK: - Figures

/// One number of the report with what it counts and the days it covers: a
/// row of the CSV, a line of the responsiveness and moderation tables.
struct StatsFigure {
    enum Kind: Equatable {
        /// A count of things, named by the plural noun ("suggestions").
        case count(String)
        /// A duration in seconds, printed in words.
        case seconds
        /// A fraction 0…1, printed as a percentage.
        case share
    }

    var part: StatsPart
    /// What is counted, as a key: a slug (`furia/seat`), a series, a reason.
    var subject: String
    /// The subject as people read it; may be community text (not yet made safe).
    var name: String
    var metric: String
    /// The metric in words, for the text and Markdown tables.
    var label: String
    var kind: Kind
    var first: StatsDay
    var last: StatsDay
    /// nil when there is no such figure (no median when nothing was answered).
    var value: Double?
    /// Whether the same figure of the period before means something beside it:
    /// not for what is counted as of today, nor for single days.
    var compares: Bool
    /// With a previous period, the figure there (whose value may itself be nil).
    var previous: Double?? = nil

    /// Whether the figure is counted as of today (open suggestions, the queue) rather than over days.
    var isAsOf = false

    var key: String { "\(part.rawValue)|\(subject)|\(metric)" }

    var unit: String {
        switch kind {
        case .count(let noun): noun
        case .seconds: "seconds"
        case .share: "share"
        }
    }

    var valueText: String { Self.text(value, kind) }

    static func text(_ value: Double?, _ kind: Kind) -> String {
        guard let value else { return "—" }
        switch kind {
        case .count(let noun): return StatsText.count(Int(value), noun)
        case .seconds: return TimeText.describeSpan(seconds: Int(value))
        case .share: return StatsText.percent(value)
        }
    }

    /// The change from the period before, in the figure's own terms: "+12 (+50 %)",
    /// "−3 hours (−20 %)", "+8 points"; "—" when either side has no value.
    var changeText: String? {
        guard case .some(let before) = previous else { return nil }
        return StatsText.change(from: before, to: value, kind)
    }

    var previousText: String? {
        guard case .some(let before) = previous else { return nil }
        return Self.text(before, kind)
    }

    /// The figures of `parts` in `stats`, in print order.
    static func all(of stats: CommunityStats, parts: [StatsPart]) -> [StatsFigure] {
        let today = StatsDay(stats.asOf)
        let period = stats.period
        var figures: [StatsFigure] = []
        func add(_ part: StatsPart, _ subject: String, _ name: String, _ metric: String, _ label: String, _ kind: Kind,
                 _ days: (StatsDay, StatsDay)?, _ value: Double?, compares: Bool) {
            let span = days ?? (today, today)
            figures.append(StatsFigure(part: part, subject: subject, name: name, metric: metric, label: label, kind: kind,
                                       first: span.0, last: span.1, value: value, compares: compares, isAsOf: days == nil))
        }
        // nil days: as of today.
        let whole = (period.first, period.last), now: (StatsDay, StatsDay)? = nil
        for part in parts {
            switch part {
            case .demand:
                let windows = DemandWindows(endingOn: period.last)
                for row in (stats.demand ?? []).sorted(by: Demand.risingFirst) {
                    let subject = row.feature.map { "\(row.product)/\($0)" } ?? row.product
                    func window(_ p: StatsPeriod) -> (StatsDay, StatsDay) { (p.first, p.last) }
                    add(.demand, subject, row.name, "open_suggestions", "open suggestions", .count("suggestions"), now,
                        Double(row.openSuggestions), compares: false)
                    add(.demand, subject, row.name, "supporters", "supporters", .count("supporters"), now,
                        Double(row.totalSupport), compares: false)
                    add(.demand, subject, row.name, "supporters_gained_7d", "supporters gained in 7 days", .count("supporters"),
                        window(windows.gained7), Double(row.gained7.now), compares: false)
                    add(.demand, subject, row.name, "supporters_gained_7d", "supporters gained in the 7 days before", .count("supporters"),
                        window(windows.gained7.previous), Double(row.gained7.before), compares: false)
                    add(.demand, subject, row.name, "supporters_gained_30d", "supporters gained in 30 days", .count("supporters"),
                        window(windows.gained30), Double(row.gained30.now), compares: false)
                    add(.demand, subject, row.name, "supporters_gained_30d", "supporters gained in the 30 days before", .count("supporters"),
                        window(windows.gained30.previous), Double(row.gained30.before), compares: false)
                    add(.demand, subject, row.name, "shipped_90d", "suggestions shipped in 90 days", .count("suggestions"),
                        window(windows.shipped90), Double(row.shipped90), compares: false)
                }
            case .activity:
                for series in stats.activity ?? [] {
                    let subject = StatsText.key(series)
                    let unit = Kind.count(series.unit)
                    for (offset, value) in series.values.enumerated() {
                        let day = series.first.advanced(by: offset)
                        add(.activity, subject, series.name, "per_day", "\(series.unit) per day", unit, (day, day), Double(value), compares: false)
                    }
                    let last = series.first.advanced(by: max(series.values.count, 1) - 1)
                    add(.activity, subject, series.name, "total", "\(series.unit) in all", unit, (series.first, last),
                        Double(series.total), compares: true)
                    if let peak = series.peak {
                        add(.activity, subject, series.name, "peak", "\(series.unit) on the busiest day", unit, (peak.day, peak.day),
                            Double(peak.value), compares: true)
                    }
                }
            case .participation:
                guard let funnel = stats.funnel else { continue }
                for step in funnel.steps {
                    add(.participation, step.name, step.name, "count", StatsText.stepDescription(step.name, period),
                        .count("members"), whole, Double(step.count), compares: true)
                    add(.participation, step.name, step.name, "share_of_members", "\(step.name), as a share of members", .share, whole,
                        funnel.members == 0 ? nil : Double(step.count) / Double(funnel.members), compares: true)
                }
                add(.participation, "first_time_contributors", "first-time contributors", "count",
                    "first contributed in the period", .count("members"), whole, Double(funnel.firstTimeContributors), compares: true)
                add(.participation, "returning_contributors", "returning contributors", "count",
                    "contributed before the period too", .count("members"), whole, Double(funnel.returningContributors), compares: true)
            case .responsiveness:
                guard let r = stats.responsiveness else { continue }
                let suggestions = Kind.count("suggestions")
                add(.responsiveness, "suggestions", "suggestions", "reached_review", "suggestions that reached review", suggestions, whole,
                    Double(r.reachedReview), compares: true)
                add(.responsiveness, "suggestions", "suggestions", "answered_after_review", "of them answered officially", suggestions,
                    whole, Double(r.answered), compares: true)
                add(.responsiveness, "suggestions", "suggestions", "median_seconds_to_response", "median time, review to answer", .seconds,
                    whole, r.medianSeconds.map(Double.init), compares: true)
                add(.responsiveness, "suggestions", "suggestions", "p90_seconds_to_response", "90th percentile, review to answer", .seconds,
                    whole, r.p90Seconds.map(Double.init), compares: true)
                add(.responsiveness, "suggestions", "suggestions", "posted", "suggestions posted", suggestions, whole, Double(r.posted), compares: true)
                add(.responsiveness, "suggestions", "suggestions", "posted_answered", "of them with an official response", suggestions,
                    whole, Double(r.postedAnswered), compares: true)
                add(.responsiveness, "suggestions", "suggestions", "answered_share", "share with an official response", .share, whole,
                    r.answeredShare, compares: true)
                add(.responsiveness, "suggestions", "suggestions", "under_review_over_\(Responsiveness.overdueDays)_days",
                    "under review over \(Responsiveness.overdueDays) days", suggestions, now, Double(r.overdueCount), compares: false)
                for waiting in r.overdue {
                    let since = StatsDay(waiting.since)
                    add(.responsiveness, "#\(waiting.id)", waiting.title, "days_under_review", "days under review", .count("days"),
                        (since, today), Double(since.distance(to: today)), compares: false)
                }
            case .moderation:
                guard let m = stats.moderation else { continue }
                add(.moderation, "review_queue", "review queue", "open_items", "review queue", .count("items"), now,
                    Double(m.queue), compares: false)
                add(.moderation, "review_items", "review items", "decided", "review items decided", .count("items"), whole,
                    Double(m.handled), compares: true)
                add(.moderation, "review_items", "review items", "median_seconds_to_decision", "median time, first flag to decision",
                    .seconds, whole, m.medianHandleSeconds.map(Double.init), compares: true)
                add(.moderation, "flags", "flags", "raised", "flags raised", .count("flags"), whole, Double(m.flags), compares: true)
                for reason in FlagReason.allCases {
                    add(.moderation, "flags/\(reason.rawValue)", "flags: \(reason.rawValue)", "raised", "  of them \(reason.rawValue)",
                        .count("flags"), whole, Double(m.flagsByReason[reason] ?? 0), compares: true)
                }
                add(.moderation, "posts", "posts", "hidden", "posts hidden", .count("posts"), whole, Double(m.hidden), compares: true)
                add(.moderation, "posts", "posts", "restored", "hidden posts made visible again", .count("posts"), whole,
                    Double(m.restored), compares: true)
            }
        }
        return figures
    }
}

// MARK: - Plain text

/// The report for people at a terminal. Community text (product, feature and
/// series names, suggestion titles) goes through SafeText.
enum StatsText {
    /// The widest a sparkline is drawn; longer periods sum neighbouring days (a year: a mark a week).
    static let sparklineWidth = 60
    static let barWidth = 20
    /// The width text is laid out for: as the other commands' tables.
    static let lineWidth = 100
    static let nameWidth = 30

    static func plain(_ report: StatsReport, style: ChartStyle = .blocks) -> String {
        var lines = header(report)
        let figures = report.figures
        for part in report.shown {
            lines.append("")
            switch part {
            case .demand: lines += demand(report)
            case .activity: lines += activity(report, figures, style: style)
            case .participation: lines += participation(report, figures, style: style)
            case .responsiveness, .moderation: lines += figureTable(report, part, figures)
            }
        }
        return lines.map { $0.trimmingTrailingSpaces }.joined(separator: "\n") + "\n"
    }

    static func header(_ report: StatsReport) -> [String] {
        var lines = ["Community figures for \(report.current.period.description), read \(TimeText.describe(report.current.asOf))"]
        if let previous = report.previous {
            lines.append("Compared with the \(Plural.count(previous.period.days, "day")) before: \(previous.period.description).")
        }
        if let scope = report.scopeText { lines.append(SafeText.displayable(scope)) }
        return lines
    }

    static func demand(_ report: StatsReport) -> [String] {
        let today = report.today.text
        let windows = DemandWindows(endingOn: report.current.period.last)
        var lines = ["\(StatsPart.demand.title), rising fastest first"]
        let rows = report.demand
        guard !rows.isEmpty else { return lines + ["  No products yet."] }
        let header = ["PRODUCT · FEATURE", "OPEN", "SUPPORT", "7 DAYS", "CHANGE", "30 DAYS", "CHANGE", "SHIPPED"]
        lines += columns([header] + rows.map { row in
            [TextWrap.truncate(row.name, width: nameWidth), "\(row.openSuggestions)", "\(row.totalSupport)",
             "\(row.gained7.now)", row.gained7.changeText, "\(row.gained30.now)", row.gained30.changeText, "\(row.shipped90)"]
        }, right: Set(1...7))
        return lines + legend([
            "OPEN: open suggestions, and SUPPORT: their supporters, as of \(today).",
            "7 DAYS: supporters gained \(span(windows.gained7)); CHANGE: against \(span(windows.gained7.previous)).",
            "30 DAYS: supporters gained \(span(windows.gained30)); CHANGE: against \(span(windows.gained30.previous)).",
            "SHIPPED: suggestions shipped \(span(windows.shipped90)) (90 days).",
        ])
    }

    static func activity(_ report: StatsReport, _ figures: [StatsFigure], style: ChartStyle) -> [String] {
        let period = report.current.period
        let series = report.current.activity ?? []
        let perColumn = Sparkline.daysPerColumn(period.days, width: sparklineWidth)
        let scale = perColumn == 1 ? "one mark a day" : "one mark per \(perColumn) days"
        var lines = ["\(StatsPart.activity.title), \(period.description), \(scale)"]
        guard !series.isEmpty else { return lines + ["  Nothing counted."] }
        let labelWidth = min(nameWidth, series.map { TextWidth.of(SafeText.displayable($0.name)) }.max() ?? 0)
        let charts = series.map { Sparkline.draw($0.values, width: sparklineWidth, style: style) }
        let summaries = series.map { s in
            var summary = count(s.total, s.unit)
            if let peak = s.peak { summary += ", peak \(count(peak.value, s.unit)) on \(peak.day.text)" }
            return SafeText.displayable(summary)
        }
        // Each summary beside its chart when every line fits; else all of them under their charts.
        let chartWidth = charts.map { TextWidth.of($0) }.max() ?? 0
        let beside = 2 + labelWidth + 2 + chartWidth + 2 + (summaries.map { TextWidth.of($0) }.max() ?? 0) <= lineWidth
        let indent = String(repeating: " ", count: 2 + labelWidth + 2 + (beside ? chartWidth + 2 : 0))
        for (i, s) in series.enumerated() {
            let chartLine = "  \(TextWrap.pad(s.name, width: labelWidth))  \(charts[i])"
            lines += beside ? [chartLine + "  " + summaries[i]] : [chartLine, indent + summaries[i]]
            let total = figures.first { $0.part == .activity && $0.subject == key(s) && $0.metric == "total" }
            if let total, let before = total.previousText, let change = total.changeText {
                lines.append(indent + SafeText.displayable("the \(Plural.count(period.days, "day")) before: \(before), change \(change)"))
            }
        }
        return lines
    }

    static func participation(_ report: StatsReport, _ figures: [StatsFigure], style: ChartStyle) -> [String] {
        guard let funnel = report.current.funnel else { return [] }
        let period = report.current.period
        var lines = ["\(StatsPart.participation.title), \(period.description), as a share of members"]
        let compared = report.previous != nil
        lines += columns(funnel.steps.map { step in
            let fraction = funnel.members == 0 ? 0 : Double(step.count) / Double(funnel.members)
            let counted = figures.first { $0.part == .participation && $0.subject == step.name && $0.metric == "count" }
            let row = [step.name, Bar.draw(fraction, width: barWidth, style: style), count(step.count, "members"),
                       funnel.members == 0 ? "—" : percent(fraction)]
            return row + (compared ? compareCells(counted) : [])
        }, right: [2, 3])
        lines += columns([("first_time_contributors", "first-time contributors", funnel.firstTimeContributors),
                          ("returning_contributors", "returning contributors", funnel.returningContributors)].map { subject, name, value in
            let counted = figures.first { $0.part == .participation && $0.subject == subject }
            return [name, count(value, "members")] + (compared ? compareCells(counted) : [])
        }, right: [1])
        return lines + legend([
            "members: had joined by \(period.last.text); readers, posters, suggesters and supporters: those of them who read, "
                + "posted, posted a suggestion or supported one in the period. Contributors posted, suggested or supported in the "
                + "period: first-time ones for the first time, returning ones had before too.",
        ])
    }

    /// Responsiveness and moderation: a labelled figure a line, with the period
    /// before beside it when compared, and the suggestions waiting too long under it.
    static func figureTable(_ report: StatsReport, _ part: StatsPart, _ figures: [StatsFigure]) -> [String] {
        let today = report.today.text
        var lines = ["\(part.title), \(report.current.period.description)"]
        let compared = report.previous != nil
        let rows: [[String]] = figures.filter { $0.part == part && $0.metric != "days_under_review" }.map { figure in
            // What is counted as of today has no period before to compare with: it says when instead.
            if figure.isAsOf { return [figure.label, figure.valueText, "as of \(today)"] }
            return [figure.label, figure.valueText] + (compared ? compareCells(figure) : [])
        }
        lines += columns(rows, right: [])
        if part == .responsiveness, let r = report.current.responsiveness, !r.overdue.isEmpty {
            let more = r.overdueCount > r.overdue.count ? " (the oldest \(r.overdue.count) of \(r.overdueCount))" : ""
            lines.append("  Under review for more than \(Responsiveness.overdueDays) days, oldest first\(more):")
            lines += columns(r.overdue.map { waiting in
                let since = StatsDay(waiting.since)
                return ["  #\(waiting.id)", TextWrap.truncate(waiting.title, width: 50), SafeText.displayable(waiting.product),
                        "since \(since.text)", Plural.count(since.distance(to: report.today), "day")]
            }, right: [4])
        }
        return lines
    }

    /// Notes under a table, wrapped to the line width and indented.
    static func legend(_ paragraphs: [String]) -> [String] {
        paragraphs.flatMap { TextWrap.lines($0, width: lineWidth - 2).map { "  " + $0 } }
    }

    /// "before 12 suggestions", "+3 (+25 %)".
    static func compareCells(_ figure: StatsFigure?) -> [String] {
        guard let figure, let before = figure.previousText, let change = figure.changeText else { return ["", ""] }
        return ["before \(before)", change]
    }

    // MARK: Words and numbers

    /// "2026-11-27 to 2026-12-03"; one day alone.
    static func span(_ period: StatsPeriod) -> String {
        period.days == 1 ? period.first.text : "\(period.first.text) to \(period.last.text)"
    }

    static func stepDescription(_ step: String, _ period: StatsPeriod) -> String {
        switch step {
        case "members": "had joined by \(period.last.text)"
        case "readers": "read in the period"
        case "posters": "posted in the period"
        case "suggesters": "posted a suggestion in the period"
        case "supporters": "supported a suggestion in the period"
        default: step
        }
    }

    /// "1 post", "41 posts": a count and the unit's plural noun, made singular for one.
    static func count(_ n: Int, _ unit: String) -> String {
        n == 1 && unit.hasSuffix("s") ? "1 \(unit.dropLast())" : "\(n) \(unit)"
    }

    /// "42 %"; "<1 %" for a share too small to round to one.
    static func percent(_ fraction: Double) -> String {
        let whole = Int((fraction * 100).rounded())
        return whole == 0 && fraction > 0 ? "<1 %" : "\(whole) %"
    }

    /// The change between two values of a figure, in its own terms.
    static func change(from before: Double?, to now: Double?, _ kind: StatsFigure.Kind) -> String {
        guard let before, let now else { return "—" }
        switch kind {
        case .count:
            return Gain(now: Int(now), before: Int(before)).changeText
        case .seconds:
            let difference = Int(now) - Int(before)
            guard difference != 0 else { return "0" }
            let sign = difference > 0 ? "+" : "−"
            let relative = before == 0 ? "" : " (\(sign)\(Int((abs(Double(difference)) / before * 100).rounded())) %)"
            return sign + TimeText.describeSpan(seconds: difference) + relative
        case .share:
            // From the percentages as printed, so "13 %" beside "25 %" reads "−12 points".
            let points = Int((now * 100).rounded()) - Int((before * 100).rounded())
            let sign = points > 0 ? "+" : points < 0 ? "−" : ""
            return points == 0 ? "0 points" : "\(sign)\(abs(points)) point\(abs(points) == 1 ? "" : "s")"
        }
    }

    /// A series as a key: its unit ("posts", "suggestions"), which names it
    /// whatever the product in its title, and is one per series in a report.
    static func key(_ series: DailySeries) -> String {
        String(series.unit.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// Rows as columns two spaces apart, each as wide as its widest cell (the
    /// columns in `right` aligned right, for numbers), indented two spaces.
    /// Cells are made safe here.
    static func columns(_ rows: [[String]], right: Set<Int>) -> [String] {
        let rows = rows.map { $0.map(SafeText.displayable) }
        let count = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: count)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], TextWidth.of(cell)) }
        }
        return rows.map { row in
            "  " + row.enumerated().map { i, cell in
                let padding = String(repeating: " ", count: widths[i] - TextWidth.of(cell))
                return right.contains(i) ? padding + cell : cell + padding
            }.joined(separator: "  ")
        }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

// MARK: - Markdown

/// The report as Markdown: a heading and a table per part. Community text is
/// made safe for a terminal and escaped so it cannot break a table or add markup.
enum StatsMarkdown {
    static func render(_ report: StatsReport, style: ChartStyle = .blocks) -> String {
        let current = report.current
        var out: [String] = ["# Community figures", ""]
        var intro = "\(current.period.description), read \(TimeText.describe(current.asOf))."
        if let previous = report.previous {
            intro += " Compared with the \(Plural.count(previous.period.days, "day")) before, \(previous.period.description)."
        }
        if let scope = report.scopeText { intro += " " + escape(scope) }
        out.append(intro)
        let figures = report.figures
        let compared = report.previous != nil
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
                    out += ["", "Under review for more than \(Responsiveness.overdueDays) days, oldest first:", ""]
                    out += table(["Suggestion", "Title", "Product", "Under review since", "Days"], r.overdue.map { waiting in
                        let since = StatsDay(waiting.since)
                        return ["#\(waiting.id)", escape(waiting.title), escape(waiting.product), since.text, "\(since.distance(to: report.today))"]
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
        let compared = report.previous != nil
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
