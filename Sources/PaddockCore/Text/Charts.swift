/// Charts drawn with text: sparklines and horizontal bars, in block elements
/// or, for the mono theme, `--ascii` and terminals that lack them, in ASCII.
/// Every glyph is one column wide in both styles.
public enum ChartStyle: String, Sendable, Equatable {
    case blocks, ascii

    /// Lowest to highest.
    var levels: [Character] {
        switch self {
        case .blocks: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        case .ascii: ["_", ".", "-", "~", "=", "+", "*", "#"]
        }
    }
}

public enum Sparkline {
    /// One glyph per value, scaled so that the largest value is the highest
    /// glyph. Zero is the lowest glyph; any other value at least the second,
    /// so a quiet day and an empty one differ. With more values than `width`,
    /// neighbouring days are summed into at most `width` columns; the last
    /// column may hold fewer days, and is scaled up to a whole column's worth
    /// so that it reads at the same rate as the others rather than as a drop.
    public static func draw(_ values: [Int], width: Int? = nil, style: ChartStyle = .blocks) -> String {
        let columns = buckets(values, width: width ?? values.count)
        let top = columns.max() ?? 0
        let levels = style.levels
        return String(columns.map { value -> Character in
            guard value > 0, top > 0 else { return levels[0] }
            let level = Int((Double(value) / Double(top) * Double(levels.count - 1)).rounded())
            return levels[max(1, min(level, levels.count - 1))]
        })
    }

    /// What stands in a column with no value at all (not a zero).
    public static let none: Character = "·"

    /// One glyph per value already on a fixed scale (0…1, clamped): 0 the
    /// lowest glyph, 1 the highest; nil is ``none``. For averages, which a
    /// scale fitted to their own largest value would make all look alike.
    public static func draw(scaled values: [Double?], style: ChartStyle = .blocks) -> String {
        let levels = style.levels
        return String(values.map { value -> Character in
            guard let value else { return none }
            return levels[Int((min(max(value, 0), 1) * Double(levels.count - 1)).rounded())]
        })
    }

    /// How many days each column holds when `count` days are drawn in `width` columns.
    public static func daysPerColumn(_ count: Int, width: Int) -> Int {
        guard width > 0, count > width else { return 1 }
        return (count + width - 1) / width
    }

    static func buckets(_ values: [Int], width: Int) -> [Int] {
        guard width > 0 else { return [] }
        let size = daysPerColumn(values.count, width: width)
        guard size > 1 else { return values }
        return stride(from: 0, to: values.count, by: size).map { start in
            let days = values[start..<min(start + size, values.count)]
            let sum = days.reduce(0, +)
            return days.count == size ? sum : Int((Double(sum) * Double(size) / Double(days.count)).rounded(.up))
        }
    }
}

public enum Bar {
    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar `fraction` (0…1) of `width` cells long, to an eighth of a cell in
    /// block elements and to a whole cell in ASCII; padded with spaces to
    /// `width`. Any non-zero fraction shows at least the thinnest mark.
    public static func draw(_ fraction: Double, width: Int, style: ChartStyle = .blocks) -> String {
        guard width > 0 else { return "" }
        let fraction = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        var bar: String
        switch style {
        case .blocks:
            var units = Int((fraction * Double(width * 8)).rounded())
            if units == 0, fraction > 0 { units = 1 }
            bar = String(repeating: "█", count: units / 8)
            if units % 8 > 0 { bar.append(eighths[units % 8 - 1]) }
        case .ascii:
            var cells = Int((fraction * Double(width)).rounded())
            if cells == 0, fraction > 0 { cells = 1 }
            bar = String(repeating: "#", count: cells)
        }
        return bar + String(repeating: " ", count: width - bar.count)
    }
}
