import GRDB

extension Integrity {
    /// Each option's counters and the answers each counts: what `paddock check`
    /// compares and `--repair` recounts, from this one list.
    static let pollOptionCounters: [(column: String, answers: String)] = [
        ("chosenCount", "a.opinion IS NULL"), ("likeCount", "a.opinion = 'like'"),
        ("neutralCount", "a.opinion = 'neutral'"), ("dislikeCount", "a.opinion = 'dislike'"),
    ]

    /// How many answers of `option` (an SQL expression for its id) a counter counts.
    static func answerCount(_ answers: String, option: String) -> String {
        "(SELECT COUNT(*) FROM pollAnswer a WHERE a.optionId = \(option) AND \(answers))"
    }

    /// Each poll's counts against the votes and answers they count (`paddock check`).
    static let pollCountsSQL = """
        SELECT 'poll ' || p.threadId || ': voterCount ' || p.voterCount || ' but ' || n || ' votes'
          FROM (SELECT p.*, (SELECT COUNT(*) FROM pollVote v WHERE v.threadId = p.threadId) AS n FROM poll p) p
          WHERE p.voterCount != n
        UNION ALL
        SELECT 'poll ' || o.threadId || ': option ' || o.number || ' counts '
               || \(pollOptionCounters.map { "o.\($0.column)" }.joined(separator: " || '/' || "))
               || ' but the answers say ' || \(pollOptionCounters.indices.map { "e\($0)" }.joined(separator: " || '/' || "))
          FROM (SELECT o.*, \(pollOptionCounters.enumerated().map { "\(answerCount($1.answers, option: "o.id")) AS e\($0)" }.joined(separator: ", "))
                FROM pollOption o) o
          WHERE \(pollOptionCounters.enumerated().map { "o.\($1.column) != e\($0)" }.joined(separator: " OR "))
        """

    /// Counts each poll's votes and answers again into its counters (`paddock check --repair`).
    static let pollRecountSQL = """
        UPDATE poll SET voterCount = (SELECT COUNT(*) FROM pollVote v WHERE v.threadId = poll.threadId);
        UPDATE pollOption SET \(pollOptionCounters.map { "\($0.column) = \(answerCount($0.answers, option: "pollOption.id"))" }.joined(separator: ", "));
        """

    static func pollProblems(_ db: Database) throws -> [String] {
        guard try tableExists(db, "pollOption") else { return [] }
        return try String.fetchAll(db, sql: pollCountsSQL)
    }
}
