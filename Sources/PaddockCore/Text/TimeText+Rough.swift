extension TimeText {
    /// A duration as a figure states it, rounded to one unit: "40 seconds",
    /// "12 minutes", "30 hours", "3 days". A unit is used from two of it up, so
    /// 90 minutes reads "90 minutes" and 47 hours "47 hours", not "1 day".
    public static func roughly(seconds: Int) -> String {
        let seconds = max(0, seconds)
        let unit = [86_400, 3600, 60].first { seconds >= 2 * $0 } ?? 1
        let count = Int((Double(seconds) / Double(unit)).rounded())
        return describe(seconds: count * unit)
    }
}
