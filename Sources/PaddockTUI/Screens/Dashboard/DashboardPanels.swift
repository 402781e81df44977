import Foundation
import PaddockCore

/// One line of the dashboard's body: pieces of text at columns, and the demand
/// row it shows (the lines the selection moves over).
struct DashboardLine: Equatable {
    struct Span: Equatable {
        var x: Int
        var text: String
        var role: StyleRole
    }

    var spans: [Span]
    /// The index in `CommunityStats.demand` of the row this line shows.
    var demandRow: Int?
    /// Whether a panel starts here (its title): where Tab goes.
    var startsPanel = false

    init(_ spans: [Span] = [], demandRow: Int? = nil, startsPanel: Bool = false) {
        self.spans = spans
        self.demandRow = demandRow
        self.startsPanel = startsPanel
    }

    static let blank = DashboardLine()

    static func text(_ text: String, x: Int = 2, role: StyleRole = .normal) -> DashboardLine {
        DashboardLine([Span(x: x, text: text, role: role)])
    }

    /// The line as plain text (what tests read).
    var text: String {
        var line = ""
        for span in spans.sorted(by: { $0.x < $1.x }) {
            let at = TextWidth.of(line)
            if span.x > at { line += String(repeating: " ", count: span.x - at) }
            line += span.text
        }
        return line
    }
}

/// The dashboard's panels as lines, from the figures, the window's width and
/// the chart style. Pure. Every figure says what it counts, in what unit, and
/// over which days; no line is wider than the width less one column, which is
/// left to the scroll marks. A panel that needs more room than the window has
/// is left out whole, and a last line says which and how wide to make it.
enum DashboardPanels {
    /// The narrowest window in which a panel is drawn whole: its sentences and
    /// the waiting suggestions' titles need more than the app's minimum.
    static func minimumWidth(_ part: StatsPart) -> Int {
        switch part {
        case .demand, .activity, .participation: Frame.minimumWidth
        case .responsiveness, .moderation, .ratings: 60
        }
    }

    /// The widest tables and sentences get: wider, a name sits too far from its figures to be read across.
    static let widestText = 100

    static func lines(_ stats: CommunityStats, width: Int, style: ChartStyle) -> [DashboardLine] {
        let w = min(widestText, max(1, width - 1))
        let span = daysText(stats.period.days)
        var panels: [[DashboardLine]] = []
        var leftOut: [StatsPart] = []
        func add(_ part: StatsPart, _ draw: () -> [DashboardLine]) {
            if width >= minimumWidth(part) { panels.append(draw()) } else { leftOut.append(part) }
        }
        if let demand = stats.demand { add(.demand) { self.demand(demand, width: w) } }
        // Sparklines take the whole width: at 365 days each column sums fewer days.
        if let activity = stats.activity {
            add(.activity) { self.activity(activity, period: stats.period, width: w, chartWidth: max(1, width - 3), style: style) }
        }
        if let funnel = stats.funnel { add(.participation) { self.funnel(funnel, period: stats.period, width: w, style: style) } }
        if let responsiveness = stats.responsiveness {
            // The store names a waiting suggestion's product by slug; the demand rows know its name.
            let names = Dictionary((stats.demand ?? []).map { ($0.product, $0.productName) }, uniquingKeysWith: { first, _ in first })
            add(.responsiveness) { self.responsiveness(responsiveness, span: span, asOf: stats.asOf, productNames: names, width: w) }
        }
        if let moderation = stats.moderation { add(.moderation) { self.moderation(moderation, span: span, width: w) } }
        if let falling = stats.fallingRatings { add(.ratings) { self.fallingRatings(falling, endingOn: stats.period.last, width: w) } }
        var lines = Array(panels.joined(separator: [.blank]))
        if !leftOut.isEmpty {
            let needed = leftOut.map(minimumWidth).max() ?? 0
            let names = listed(leftOut.map(\.title))
            if !lines.isEmpty { lines.append(.blank) }
            lines += wrapped("\(names) \(leftOut.count == 1 ? "needs" : "need") a window \(needed) columns wide.", width: w, role: .muted)
        }
        if lines.isEmpty { lines = wrapped("No figures to show.", width: w, role: .muted) }
        return lines
    }

    // MARK: - Demand

    /// The columns of the demand table after the name, in the order a narrower window drops them last to first.
    enum DemandColumn: CaseIterable {
        case open, support, gained7, change7, gained30, change30, shipped90

        var title: String {
            switch self {
            case .open: "OPEN"
            case .support: "SUPPORT"
            case .gained7: "7D"
            case .gained30: "30D"
            case .change7, .change30: "CHANGE"
            case .shipped90: "SHIPPED 90D"
            }
        }

        func value(_ row: DemandRow) -> String {
            switch self {
            case .open: "\(row.openSuggestions)"
            case .support: "\(row.totalSupport)"
            case .gained7: "\(row.gained7.now)"
            case .change7: row.gained7.changeText
            case .gained30: "\(row.gained30.now)"
            case .change30: row.gained30.changeText
            case .shipped90: "\(row.shipped90)"
            }
        }

        /// Dropped first when the window narrows: the 90-day count, then the 30-day change, …
        static let dropOrder: [DemandColumn] = [.shipped90, .change30, .gained30, .open, .change7]
    }

    /// The columns shown at `width`: as many as leave the name room for its
    /// widest value, up to 18 columns of it.
    static func demandColumns(_ rows: [DemandRow], width: Int) -> (columns: [DemandColumn], layout: Columns) {
        let nameWanted = min(18, max(TextWidth.of("NAME"), rows.map { TextWidth.of($0.name) }.max() ?? 0))
        var shown = DemandColumn.allCases
        func layout(_ columns: [DemandColumn]) -> Columns {
            Columns(indent: 2, total: width,
                    [.flexible("NAME")] + columns.map { column in .fitting(column.title, rows.map(column.value)) }, flexible: 0)
        }
        for drop in [nil] + DemandColumn.dropOrder {
            if let drop { shown.removeAll { $0 == drop } }
            let candidate = layout(shown)
            if candidate.widths[0] >= nameWanted, (candidate.starts.last ?? 0) + (candidate.widths.last ?? 0) <= width {
                return (shown, candidate)
            }
        }
        return (shown, layout(shown))
    }

    static func demand(_ rows: [DemandRow], width w: Int) -> [DashboardLine] {
        var lines = title(.demand, "rising fastest first", width: w)
        guard !rows.isEmpty else {
            return lines + wrapped("No products yet: managers add them with `paddock product add`.", width: w, role: .muted)
        }
        let (columns, layout) = demandColumns(rows, width: w)
        lines.append(.text(TextWrap.truncate(layout.header, width: w), x: 0, role: .muted))
        for (index, row) in rows.enumerated() {
            let name = shortName(row, width: layout.widths[0])
            var spans = [DashboardLine.Span(x: layout.starts[0], text: layout.cell(0, name), role: .normal)]
            for (offset, column) in columns.enumerated() {
                spans.append(.init(x: layout.starts[offset + 1], text: layout.cell(offset + 1, column.value(row)), role: .normal))
            }
            lines.append(DashboardLine(spans, demandRow: index))
        }
        let legend = [demandLegend(columns), hiddenColumnsNote(columns)].compactMap { $0 }.joined(separator: " ")
        return lines + wrapped(legend, width: w, role: .muted)
    }

    /// What a narrow window leaves out of the demand table, so that columns do
    /// not vanish unsaid, and why the order may look random without the 7-day change.
    static func hiddenColumnsNote(_ columns: [DemandColumn]) -> String? {
        let has = Set(columns)
        let hidden = DemandColumn.allCases.filter { !has.contains($0) }
        guard !hidden.isEmpty else { return nil }
        var names: [String] = []
        for column in hidden {
            let name = switch column {
            case .open: "open"
            case .support: "support"
            case .gained7: "7 days"
            case .change7, .change30: "change"
            case .gained30: "30 days"
            case .shipped90: "shipped"
            }
            if !names.contains(name) { names.append(name) }
        }
        var note = "Wider window: more columns (\(names.joined(separator: ", ")))."
        if hidden.contains(.change7) { note += " Rows are ordered by the 7-day change in support." }
        return note
    }

    /// A row's name cut to the column (`DemandRow.name(fitting:)`); a window is
    /// narrower than a report, so less of the product is kept than `stats` keeps.
    static func shortName(_ row: DemandRow, width: Int) -> String {
        row.name(fitting: width, productAtLeast: 4)
    }

    /// What each shown column counts, and over which days.
    static func demandLegend(_ columns: [DemandColumn]) -> String {
        var parts: [String] = []
        let has = Set(columns)
        if has.contains(.open) { parts.append("OPEN: open suggestions now") }
        if has.contains(.support) { parts.append("SUPPORT: the support they have now") }
        if has.contains(.gained7) { parts.append("7D: support gained in the last 7 days") }
        if has.contains(.gained30) { parts.append("30D: in the last 30 days") }
        if has.contains(.change7) || has.contains(.change30) {
            let spans = [has.contains(.change7) ? "7" : nil, has.contains(.change30) ? "30" : nil].compactMap { $0 }
            parts.append("CHANGE: against the \(spans.joined(separator: " or ")) days before")
        }
        if has.contains(.shipped90) { parts.append("SHIPPED 90D: suggestions shipped in the last 90 days") }
        return parts.joined(separator: "; ") + "."
    }

    // MARK: - Activity

    static func activity(_ series: [DailySeries], period: StatsPeriod, width w: Int, chartWidth: Int, style: ChartStyle) -> [DashboardLine] {
        let span = daysText(period.days)
        var lines = title(.activity, span, width: w)
        let perColumn = Sparkline.daysPerColumn(period.days, width: chartWidth)
        let mark = perColumn == 1 ? "One mark per UTC day," : "One mark per \(perColumn) UTC days,"
        lines += phrases([mark, "\(period.first.text) to \(period.last.text)."], width: w, role: .muted)
        for daily in series {
            // Label and total, the days, the peak: on one line where they fit, else the days and peak on a second.
            let total = "\(daily.name): \(counted(daily.total, daily.unit))"
            let peak = daily.peak.map { " · peak \($0.value) on \($0.day.text)" } ?? ""
            let days = "in \(span)"
            if TextWidth.of("\(total) \(days)\(peak)") <= w - 2 {
                lines.append(.text("\(total) \(days)\(peak)"))
            } else if peak.isEmpty || TextWidth.of("\(total) \(days)") > w - 2 {
                lines += wrapped(total, width: w) + [.text(TextWrap.truncate(days + peak, width: w - 4), x: 4)]
            } else {
                lines += [.text("\(total) \(days)"), .text(TextWrap.truncate(String(peak.dropFirst(3)), width: w - 4), x: 4)]
            }
            lines.append(.text(Sparkline.draw(daily.values, width: chartWidth, style: style), role: .accent))
        }
        return lines
    }

    // MARK: - Participation

    static func funnel(_ funnel: Funnel, period: StatsPeriod, width w: Int, style: ChartStyle) -> [DashboardLine] {
        let span = daysText(period.days)
        var lines = title(.participation, span, width: w)
        let steps = funnel.steps
        let nameWidth = steps.map { TextWidth.of($0.name) }.max() ?? 0
        let counts = steps.map { "\($0.count)" }
        let percents = steps.map { percent($0.count, of: funnel.members) }
        let countWidth = counts.map { TextWidth.of($0) }.max() ?? 0
        let percentWidth = percents.map { TextWidth.of($0) }.max() ?? 0
        // Name, bar, count and share, two blanks apart; the bar takes what is left, up to 50 cells.
        let barWidth = min(50, w - 2 - nameWidth - countWidth - percentWidth - 3 * Columns.gap)
        let barX = 2 + nameWidth + Columns.gap
        for (index, step) in steps.enumerated() {
            let fraction = funnel.members == 0 ? 0 : Double(step.count) / Double(funnel.members)
            lines.append(DashboardLine([
                .init(x: 2, text: step.name, role: .normal),
                .init(x: barX, text: Bar.draw(fraction, width: max(0, barWidth), style: style), role: .accent),
                .init(x: barX + max(0, barWidth) + Columns.gap, text: counts[index].leftPadded(to: countWidth), role: .normal),
                .init(x: barX + max(0, barWidth) + 2 * Columns.gap + countWidth, text: percents[index].leftPadded(to: percentWidth),
                      role: .muted),
            ]))
        }
        lines += wrapped("Members: joined by \(period.last.text). Readers, posters, suggesters, supporters: members who did so in the "
                         + "\(span). Shares are of members.", width: w, role: .muted)
        lines += phrases(["Contributors in the \(span):", "\(funnel.firstTimeContributors) first-time,",
                          "\(funnel.returningContributors) returning."], width: w)
        return lines
    }

    // MARK: - Responsiveness

    static func responsiveness(_ r: Responsiveness, span: String, asOf: Date, productNames: [String: String] = [:],
                               width w: Int) -> [DashboardLine] {
        var lines = title(.responsiveness, span, width: w)
        var times = ["Review to first official response:"]
        if let median = r.medianSeconds {
            times.append("median \(TimeText.describeSpan(seconds: median))" + (r.p90Seconds == nil ? "." : ","))
            if let p90 = r.p90Seconds { times.append("90th percentile \(TimeText.describeSpan(seconds: p90)).") }
        } else {
            times.append("none answered yet.")
        }
        lines += phrases(times, width: w)
        if r.reachedReview == 0 {
            lines += phrases(["No suggestion reached review", "in the \(span)."], width: w)
        } else {
            lines += phrases(["Answered:", "\(r.answered) of the \(counted(r.reachedReview, "suggestions"))", "that reached review",
                              "in the \(span)."], width: w)
        }
        if let share = r.answeredShare {
            lines += phrases(["Any official response:", "\(r.postedAnswered) of the \(counted(r.posted, "suggestions"))", "posted",
                              "in the \(span)", "(\(percent(share)))."], width: w)
        } else {
            lines += phrases(["No suggestions were posted", "in the \(span)."], width: w)
        }
        lines += phrases(["Under review for over \(Responsiveness.overdueDays) days,", "today:",
                          "\(r.overdueCount)" + (r.overdue.isEmpty ? "." : ","), r.overdue.isEmpty ? "" : "the longest waiting first:"],
                         width: w)
        if !r.overdue.isEmpty {
            let ids = r.overdue.map { "#\($0.id)" }
            let waits = r.overdue.map { "waiting " + TimeText.describeSpan(seconds: Int(asOf.timeIntervalSince($0.since))) }
            let products = r.overdue.map { productNames[$0.product] ?? $0.product }
            let layout = Columns(indent: 4, total: w, [.fitting("", ids, .left), .flexible(""), .fitting("", products, .left),
                                                      .fitting("", waits, .left)], flexible: 1)
            for (index, waiting) in r.overdue.enumerated() {
                let cells = [ids[index], waiting.title, products[index], waits[index]]
                lines.append(DashboardLine(cells.enumerated().map { column, text in
                    .init(x: layout.starts[column], text: layout.cell(column, text), role: column == 3 ? .muted : .normal)
                }))
            }
            if r.overdueCount > r.overdue.count { lines.append(.text("… and \(r.overdueCount - r.overdue.count) more", x: 4, role: .muted)) }
        }
        return lines
    }

    // MARK: - Moderation

    static func moderation(_ m: ModerationHealth, span: String, width w: Int) -> [DashboardLine] {
        var lines = title(.moderation, span, width: w)
        lines += phrases(["Flag queue now:", Plural.count(m.queue, "post"), "to review."], width: w)
        var handled = ["Handled in the \(span):", Plural.count(m.handled, "flagged post") + (m.medianHandleSeconds == nil ? "." : ",")]
        if let median = m.medianHandleSeconds {
            handled += ["median \(TimeText.describeSpan(seconds: median))", "from first flag to decision."]
        }
        lines += phrases(handled, width: w)
        let reasons = FlagReason.allCases.map { "\($0.label) \(m.flagsByReason[$0] ?? 0)" }
        let byReason = reasons.enumerated().map { index, reason in
            (index == 0 ? "(" : "") + reason + (index == reasons.count - 1 ? ")." : ",")
        }
        lines += phrases(["Flags raised in the \(span):", "\(m.flags)"] + byReason, width: w)
        lines += phrases(["Posts hidden in the \(span):", "\(m.hidden);", "hidden posts restored:", "\(m.restored)."], width: w)
        return lines
    }

    // MARK: - Falling ratings

    /// Features whose average over the last 30 days fell against the 30 before, steepest first, with their counts.
    static func fallingRatings(_ rows: [FallingRating], endingOn last: StatsDay, width w: Int) -> [DashboardLine] {
        let window = RatingTrend.windowDays
        var lines = title(.ratings, "\(window) days against the \(window) before", width: w)
        guard !rows.isEmpty else {
            return lines + wrapped("No feature's average rating fell in the \(window) days to \(last.text).", width: w, role: .muted)
        }
        let averages = rows.map { "\($0.recent.averageText) (\($0.recent.count))" }
        let befores = rows.map { "\($0.before.averageText) (\($0.before.count))" }
        let changes = rows.map(\.trend.changeText)
        let layout = Columns(indent: 2, total: w, [.flexible("FEATURE"), .fitting("\(window)D", averages), .fitting("BEFORE", befores),
                                                  .fitting("CHANGE", changes)], flexible: 0)
        lines.append(.text(TextWrap.truncate(layout.header, width: w), x: 0, role: .muted))
        for (index, row) in rows.enumerated() {
            let cells = [row.name, averages[index], befores[index], changes[index]]
            lines.append(DashboardLine(cells.enumerated().map { column, text in
                .init(x: layout.starts[column], text: layout.cell(column, text), role: column == 3 ? .error : .normal)
            }))
        }
        return lines + wrapped("Average stars (ratings) over the \(window) days to \(last.text), and the \(window) days before; "
                               + "an edited rating counts on the day of its latest edit.", width: w, role: .muted)
    }

    // MARK: - Words and layout

    /// "3 posts", "1 post": a unit as the store names it (plural), singular for one.
    static func counted(_ count: Int, _ unit: String) -> String {
        count == 1 && unit.hasSuffix("s") ? "1 \(unit.dropLast())" : "\(count) \(unit)"
    }

    /// "30 days", "1 day".
    static func daysText(_ days: Int) -> String { days == 1 ? "1 day" : "\(days) days" }

    /// "53 %"; "<1 %" for a share too small to round to 1; "–" of nothing.
    static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "–" : percent(Double(part) / Double(whole))
    }

    static func percent(_ share: Double) -> String {
        let rounded = Int((share * 100).rounded())
        return rounded == 0 && share > 0 ? "<1 %" : "\(rounded) %"
    }

    /// "A", "A and B", "A, B and C".
    static func listed(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }

    /// A panel's title, and what it covers beside it, or below it when the window is narrow.
    static func title(_ part: StatsPart, _ covers: String, width w: Int) -> [DashboardLine] {
        let title = part.title.uppercased()
        if TextWidth.of(" \(title) · \(covers)") <= w {
            return [DashboardLine([.init(x: 1, text: title, role: .header),
                                   .init(x: 1 + TextWidth.of(title), text: " · " + covers, role: .muted)], startsPanel: true)]
        }
        var first = DashboardLine.text(TextWrap.truncate(title, width: w - 1), x: 1, role: .header)
        first.startsPanel = true
        return [first] + wrapped(covers, width: w, role: .muted)
    }

    /// A sentence of figures wrapped to the panel, two columns in, breaking
    /// only between its phrases so that no figure ("12 days 1 hour", "2026-11-04
    /// to 2026-12-03") is cut in two; a phrase wider than the line is wrapped alone.
    static func phrases(_ phrases: [String], width w: Int, role: StyleRole = .normal) -> [DashboardLine] {
        let room = max(1, w - 2)
        var lines: [String] = []
        var line = ""
        for phrase in phrases where !phrase.isEmpty {
            if line.isEmpty {
                line = phrase
            } else if TextWidth.of(line) + 1 + TextWidth.of(phrase) <= room {
                line += " " + phrase
            } else {
                lines.append(line)
                line = phrase
            }
            if TextWidth.of(line) > room {
                let pieces = TextWrap.lines(line, width: room)
                lines += pieces.dropLast()
                line = pieces.last ?? ""
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { .text($0, role: role) }
    }

    /// A sentence wrapped to the panel, two columns in.
    static func wrapped(_ text: String, width w: Int, role: StyleRole = .normal) -> [DashboardLine] {
        TextWrap.lines(text, width: max(1, w - 2)).map { .text($0, role: role) }
    }
}
