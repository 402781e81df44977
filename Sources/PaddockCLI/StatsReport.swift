import Foundation
import PaddockCore

// MARK: - The report

/// What `paddock stats` prints: the figures of a period as the viewer may see
/// them and, with `--compare`, those of the period of equal length before it.
/// Every format is a function of this value alone, so tests feed it hand-built figures.
struct StatsReport {
    var current: CommunityStats
    /// The period before, for the parts whose figures have a change to show
    /// (with `--compare`; a member's holds no part: demand carries its own change).
    var previous: CommunityStats?
    /// The parts asked for, in the order they print.
    var parts: [StatsPart]
    /// The product (and feature) demand and activity were narrowed to, as the
    /// catalog spells them (slugs are lowercase, whatever was typed).
    var product: String?
    var feature: String?

    init(current: CommunityStats, previous: CommunityStats? = nil, parts: [StatsPart] = StatsPart.allCases,
         product: String? = nil, feature: String? = nil) {
        self.current = current
        self.previous = previous
        self.parts = parts
        self.product = product?.lowercased()
        self.feature = feature?.lowercased()
    }

    /// Whether the report compares with the period before (`--compare`): then
    /// every format says so, whichever parts the viewer sees, and the CSV has the
    /// same columns for every role.
    var compares: Bool { previous != nil }

    /// The parts shown that have a period before to compare with.
    var comparedShown: [StatsPart] {
        guard let previous else { return [] }
        return Self.compared(shown).filter(previous.has)
    }

    /// The parts that print: asked for and present. The store leaves out (nil)
    /// what the viewer may not see, so nothing is said about those.
    var shown: [StatsPart] { parts.filter(current.has) }

    /// The parts a previous period is fetched and shown for: demand and falling ratings carry their own change.
    static func compared(_ parts: [StatsPart]) -> [StatsPart] { parts.filter { $0 != .demand && $0 != .ratings } }

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
        case .ratings: fallingRatings != nil
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
        /// An average of 1–5 stars, printed to a tenth.
        case stars
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
        case .stars: "stars"
        }
    }

    var valueText: String { Self.text(value, kind) }

    static func text(_ value: Double?, _ kind: Kind) -> String {
        guard let value else { return "—" }
        switch kind {
        case .count(let noun): return StatsText.count(Int(value), noun)
        case .seconds: return TimeText.describeSpan(seconds: Int(value))
        case .share: return StatsText.percent(value)
        case .stars: return String(format: "%.1f stars", value)
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
                    // Whole days waited, rounded down as the dashboard's "waiting 202 days 13 hours" is.
                    add(.responsiveness, "#\(waiting.id)", waiting.title, "days_under_review", "days under review", .count("days"),
                        (StatsDay(waiting.since), today), Double(StatsText.secondsWaiting(waiting, asOf: stats.asOf) / 86_400),
                        compares: false)
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
                    // The subject stays the stable key (flags/off_topic); the names are for people ("off topic").
                    let label = reason.label
                    add(.moderation, "flags/\(reason.rawValue)", "flags: \(label)", "raised", "  of them \(label)",
                        .count("flags"), whole, Double(m.flagsByReason[reason] ?? 0), compares: true)
                }
                add(.moderation, "posts", "posts", "hidden", "posts hidden", .count("posts"), whole, Double(m.hidden), compares: true)
                add(.moderation, "posts", "posts", "restored", "hidden posts made visible again", .count("posts"), whole,
                    Double(m.restored), compares: true)
            case .ratings:
                // Each feature's two windows end with the period's last day, whatever the period.
                let recent = StatsPeriod.last(RatingTrend.windowDays, endingAt: period.last.start)
                let spans = [(recent, "", \FallingRating.recent), (recent.previous, " before", \FallingRating.before)]
                for row in stats.fallingRatings ?? [] {
                    let subject = "\(row.product)/\(row.feature)"
                    for (span, suffix, tally) in spans {
                        add(.ratings, subject, row.name, "average_stars\(suffix.isEmpty ? "" : "_before")",
                            "\(row.name): average stars\(suffix)", .stars, (span.first, span.last), row[keyPath: tally].average, compares: false)
                        add(.ratings, subject, row.name, "ratings\(suffix.isEmpty ? "" : "_before")", "\(row.name): ratings\(suffix)",
                            .count("ratings"), (span.first, span.last), Double(row[keyPath: tally].count), compares: false)
                    }
                }
            }
        }
        return figures
    }
}
