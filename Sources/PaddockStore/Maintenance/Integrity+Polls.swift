import GRDB

extension Integrity {
    /// Each poll's counts against the votes and answers they count (`paddock check`).
    static let pollCountsSQL = """
        SELECT 'poll ' || p.threadId || ': voterCount ' || p.voterCount || ' but ' || n || ' votes'
          FROM (SELECT p.*, (SELECT COUNT(*) FROM pollVote v WHERE v.threadId = p.threadId) AS n FROM poll p) p
          WHERE p.voterCount != n
        UNION ALL
        SELECT 'poll ' || o.threadId || ': option ' || o.number || ' counts ' || o.chosenCount || '/' || o.likeCount || '/'
               || o.neutralCount || '/' || o.dislikeCount || ' but the answers say ' || c || '/' || l || '/' || u || '/' || d
          FROM (SELECT o.*,
                  (SELECT COUNT(*) FROM pollAnswer a WHERE a.optionId = o.id AND a.opinion IS NULL) AS c,
                  (SELECT COUNT(*) FROM pollAnswer a WHERE a.optionId = o.id AND a.opinion = 'like') AS l,
                  (SELECT COUNT(*) FROM pollAnswer a WHERE a.optionId = o.id AND a.opinion = 'neutral') AS u,
                  (SELECT COUNT(*) FROM pollAnswer a WHERE a.optionId = o.id AND a.opinion = 'dislike') AS d
                FROM pollOption o) o
          WHERE o.chosenCount != c OR o.likeCount != l OR o.neutralCount != u OR o.dislikeCount != d
        """

    /// Counts each poll's votes and answers again into its counters (`paddock check --repair`).
    static let pollRecountSQL = """
        UPDATE poll SET voterCount = (SELECT COUNT(*) FROM pollVote v WHERE v.threadId = poll.threadId);
        UPDATE pollOption SET
          chosenCount = (SELECT COUNT(*) FROM pollAnswer a WHERE a.optionId = pollOption.id AND a.opinion IS NULL),
          likeCount = (SELECT COUNT(*) FROM pollAnswer a WHERE a.optionId = pollOption.id AND a.opinion = 'like'),
          neutralCount = (SELECT COUNT(*) FROM pollAnswer a WHERE a.optionId = pollOption.id AND a.opinion = 'neutral'),
          dislikeCount = (SELECT COUNT(*) FROM pollAnswer a WHERE a.optionId = pollOption.id AND a.opinion = 'dislike');
        """

    static func pollProblems(_ db: Database) throws -> [String] {
        guard try tableExists(db, "pollOption") else { return [] }
        return try String.fetchAll(db, sql: pollCountsSQL)
    }
}
