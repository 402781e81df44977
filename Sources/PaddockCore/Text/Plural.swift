/// Counts in words: "1 supporter", "2 supporters".
public enum Plural {
    /// The count and the noun, with an "s" unless the count is one.
    public static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    /// What a cut list says: "100 of 2908 shown"; nothing when it is whole.
    public static func shown(_ n: Int, of total: Int) -> String {
        n < total ? "\(n) of \(total) shown" : ""
    }
}
