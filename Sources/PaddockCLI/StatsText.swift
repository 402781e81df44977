import Foundation
import PaddockCore

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
            case .ratings: lines += fallingRatings(report)
            }
        }
        return lines.map { $0.trimmingTrailingSpaces }.joined(separator: "\n") + "\n"
    }

    static func header(_ report: StatsReport) -> [String] {
        var lines = ["Community figures for \(report.current.period.description), read \(TimeText.describe(report.current.asOf))"]
        lines += compareText(report)
        if let scope = report.scopeText { lines.append(SafeText.displayable(scope)) }
        return lines
    }

    /// What `--compare` set against what: the period before for the parts that
    /// have one; demand carries its own comparisons, whoever reads it.
    static func compareText(_ report: StatsReport) -> [String] {
        guard let previous = report.previous else { return [] }
        var lines: [String] = []
        if !report.comparedShown.isEmpty {
            lines.append("Compared with the \(Plural.count(previous.period.days, "day")) before: \(previous.period.description).")
        }
        if report.shown.contains(.demand) {
            lines.append(demandComparesText)
        } else if report.comparedShown.isEmpty {
            lines.append("Nothing shown has a period before to compare with.")
        }
        return lines
    }

    static let demandComparesText = "Demand carries its own comparisons: supporters gained in 7 and 30 days, against the spans before."

    static let noProducts = "No products yet."

    /// A demand row's name in the table's column (`DemandRow.name(fitting:)`).
    static func demandName(_ row: DemandRow, width: Int = nameWidth) -> String {
        row.name(fitting: width, productAtLeast: 8)
    }


    /// How long a suggestion has waited under review, in whole seconds as of `asOf`.
    static func secondsWaiting(_ waiting: WaitingSuggestion, asOf: Date) -> Int {
        max(0, Int(asOf.timeIntervalSince(waiting.since)))
    }

    /// "63 days 13 hours": as the dashboard says it (rounded down).
    static func waited(_ waiting: WaitingSuggestion, asOf: Date) -> String {
        TimeText.describeSpan(seconds: secondsWaiting(waiting, asOf: asOf))
    }

    /// " (the oldest 5 of 6)" when the list is cut; nothing when it holds them all.
    static func overdueCut(_ r: Responsiveness) -> String {
        r.overdueCount > r.overdue.count ? " (the oldest \(r.overdue.count) of \(r.overdueCount))" : ""
    }

    static func demand(_ report: StatsReport) -> [String] {
        let today = report.today.text
        let windows = DemandWindows(endingOn: report.current.period.last)
        var lines = ["\(StatsPart.demand.title), rising fastest first"]
        let rows = report.demand
        guard !rows.isEmpty else { return lines + ["  " + noProducts] }
        let header = ["PRODUCT · FEATURE", "OPEN", "SUPPORT", "7 DAYS", "CHANGE", "30 DAYS", "CHANGE", "SHIPPED"]
        lines += columns([header] + rows.map { row in
            [demandName(row), "\(row.openSuggestions)", "\(row.totalSupport)",
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
            lines.append("  Under review for more than \(Responsiveness.overdueDays) days, oldest first\(overdueCut(r)):")
            lines += columns(r.overdue.map { waiting in
                let since = StatsDay(waiting.since)
                return ["  #\(waiting.id)", TextWrap.truncate(waiting.title, width: 50), SafeText.displayable(waiting.product),
                        "since \(since.text)", waited(waiting, asOf: report.current.asOf)]
            }, right: [4])
        }
        return lines
    }

    /// Features whose 30-day average rating fell against the 30 days before, steepest first.
    static func fallingRatings(_ report: StatsReport) -> [String] {
        let window = RatingTrend.windowDays
        let last = report.current.period.last
        let recent = StatsPeriod.last(window, endingAt: last.start)
        var lines = ["\(StatsPart.ratings.title), \(span(recent)) against \(span(recent.previous))"]
        let rows = report.current.fallingRatings ?? []
        guard !rows.isEmpty else { return lines + ["  No feature's average rating fell."] + legend([RatingTrend.fallingRule]) }
        lines += columns([["FEATURE", "\(window) DAYS", "RATINGS", "BEFORE", "RATINGS", "CHANGE"]] + rows.map { row in
            [TextWrap.truncate(SafeText.displayable(row.name), width: nameWidth), row.recent.averageText, "\(row.recent.count)",
             row.before.averageText, "\(row.before.count)", row.trend.changeText]
        }, right: Set(1...5))
        return lines + legend([RatingTrend.fallingRule + " The spans are always \(window) days, whatever --days says; "
                               + "an edited rating counts on the day of its latest edit."])
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
        case .stars:
            let change = ((now - before) * 10).rounded() / 10
            return change == 0 ? "0.0" : (change > 0 ? "+" : "−") + String(format: "%.1f", abs(change))
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
