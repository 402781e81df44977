import Foundation
import GRDB
import PaddockCore

/// One entry of a member's For-you list: an open suggestion, and why it is there.
public struct ForYouItem: Codable, Equatable, Sendable {
    public let suggestion: SuggestionSummary
    /// The engagement it follows from, and what it was about.
    public let because: EngagementKind
    public let subject: String
    /// "because you supported Quickshifter smoother below 4,000 rpm".
    public let reason: String
    /// Supporters gained in the last `ForYou.paceDays` days.
    public let recentSupport: Int
    public let score: Double
}

/// A way a member engages with features, read by member: one SQL statement
/// taking `:member`, `:limit` and `:seesHidden` (whether the viewer sees hidden
/// threads: an engagement with a thread they can't see is not shown) and giving `featureId`, `subject`,
/// `suggestionId` (or NULL) and `at`. A new kind of engagement (a poll vote)
/// is one more source.
struct EngagementSource: Sendable {
    let kind: EngagementKind
    let sql: String
}

extension Community {
    static let engagementSources: [EngagementSource] = [
        // Suggestions they wrote (their threads, by the author index).
        EngagementSource(kind: .wrote, sql: """
            SELECT sf.featureId, t.title AS subject, t.id AS suggestionId, t.createdAt AS at
            FROM (SELECT id, title, createdAt FROM thread INDEXED BY thread_on_author_kind WHERE authorId = :member AND kind = 'suggestion'
                  AND (NOT hidden OR :seesHidden) ORDER BY createdAt DESC LIMIT :limit) t
            JOIN suggestionFeature sf ON sf.threadId = t.id
            """),
        // Suggestions they replied in: their latest visible replies (post_on_author), each thread once;
        // a reply a moderator hid or removed is no engagement.
        EngagementSource(kind: .replied, sql: """
            SELECT sf.featureId, t.title AS subject, t.id AS suggestionId, p.at
            FROM (SELECT threadId, MAX(createdAt) AS at FROM
                    (SELECT threadId, createdAt FROM post INDEXED BY post_on_author WHERE authorId = :member AND position > 0 AND state = 'visible'
                     ORDER BY createdAt DESC LIMIT :limit)
                  GROUP BY threadId) p
            JOIN thread t ON t.id = p.threadId JOIN suggestionFeature sf ON sf.threadId = t.id
            WHERE t.kind = 'suggestion' AND t.authorId <> :member AND (NOT t.hidden OR :seesHidden)
            """),
        // Suggestions they supported, latest first; their own count as written.
        EngagementSource(kind: .supported, sql: """
            SELECT sf.featureId, t.title AS subject, t.id AS suggestionId, u.createdAt AS at
            FROM (SELECT threadId, createdAt FROM supporter INDEXED BY supporter_on_member_time WHERE memberId = :member
                  ORDER BY createdAt DESC LIMIT :limit) u
            JOIN thread t ON t.id = u.threadId JOIN suggestionFeature sf ON sf.threadId = u.threadId
            WHERE t.authorId <> :member AND (NOT t.hidden OR :seesHidden)
            """),
        // Features they rated.
        EngagementSource(kind: .rated, sql: """
            SELECT r.featureId, f.name AS subject, NULL AS suggestionId, r.updatedAt AS at
            FROM featureRating r INDEXED BY featureRating_on_member JOIN feature f ON f.id = r.featureId
            WHERE r.memberId = :member ORDER BY r.updatedAt DESC LIMIT :limit
            """),
        // Features they gave an opinion of in a concept poll (like, neutral or dislike alike),
        // but not in a poll whose thread is hidden from them.
        EngagementSource(kind: .voted, sql: """
            SELECT a.featureId, f.name AS subject, NULL AS suggestionId, v.at
            FROM (SELECT threadId, updatedAt AS at FROM pollVote INDEXED BY pollVote_on_member WHERE memberId = :member
                  ORDER BY updatedAt DESC LIMIT :limit) v
            JOIN thread t ON t.id = v.threadId
            JOIN pollAnswer a ON a.threadId = v.threadId AND a.memberId = :member JOIN feature f ON f.id = a.featureId
            WHERE NOT t.hidden OR :seesHidden
            """),
    ]

    /// Open suggestions on the features `viewer` engaged with (wrote about,
    /// replied to, supported, rated, voted on in a poll), best first by `ForYou`'s weighting, each
    /// with its reason. Leaves out what they support, wrote or engaged with
    /// directly, threads they muted, authors they muted, and hidden threads.
    /// Bounded: the latest engagements per source, the strongest
    /// `ForYou.featuresRead` features, `ForYou.candidatesPerFeature` most
    /// supported and as many newest open suggestions of each.
    public func forYou(viewer: Actor, limit: Int = 20) throws -> [ForYouItem] {
        let limit = max(1, min(limit, 200))
        try applyDueMilestones()
        let now = self.now
        return try writer.read { db in
            // A read, like the inbox: open to a suspended member too (the operator's CLI reads as them).
            let viewer = try Self.fresh(db, viewer)
            var engagements: [Engagement] = []
            for source in Self.engagementSources {
                for row in try Row.fetchAll(db, sql: source.sql, arguments: ["member": viewer.id, "limit": ForYou.engagementsPerSource,
                                                                                "seesHidden": Rules.seesHiddenText(viewer.role)]) {
                    guard let at = row.date("at") else { continue }
                    engagements.append(Engagement(kind: source.kind, featureId: row["featureId"], subject: row["subject"],
                                                  suggestionId: row["suggestionId"], at: at))
                }
            }
            let strongest = ForYou.strongest(engagements, now: now)
            let features = strongest.sorted { ($0.value.weight, $0.key) > ($1.value.weight, $1.key) }.prefix(ForYou.featuresRead).map(\.key)
            guard !features.isEmpty else { return [] }
            let engagedWith = Set(engagements.compactMap(\.suggestionId))
            let since = now - TimeInterval(ForYou.paceDays) * 86_400

            // The features' pace: support over the last days per open suggestion.
            let marks = features.map { _ in "?" }.joined(separator: ",")
            let paces = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                SELECT f.featureId, COALESCE(f.openSuggestions, 0) AS open,
                       (SELECT COALESCE(SUM(d.supports), 0) FROM featureDemandDay d WHERE d.featureId = f.featureId AND d.day > ?) AS recent
                FROM featureDemand f WHERE f.featureId IN (\(marks))
                """, arguments: StatementArguments([StatsDay(since).text]) + StatementArguments(features)).map {
                    ($0["featureId"] as Int64, (open: $0["open"] as Int, recent: $0["recent"] as Int))
                })

            let excluded = """
                +k.status IN \(Schema.openStatuses)
                AND NOT EXISTS (SELECT 1 FROM supporter u WHERE u.threadId = k.threadId AND u.memberId = :member)
                AND NOT EXISTS (SELECT 1 FROM threadWatch w WHERE w.memberId = :member AND w.threadId = k.threadId AND w.level = 'muted')
                AND NOT EXISTS (SELECT 1 FROM thread t WHERE t.id = k.threadId AND (t.hidden OR t.authorId = :member
                                OR EXISTS (SELECT 1 FROM memberMute mm WHERE mm.memberId = :member AND mm.mutedId = t.authorId)))
                """
            var best: [Int64: (feature: Int64, score: Double, recent: Int)] = [:]
            var recentSupport: [Int64: Int] = [:]
            for feature in features {
                let arguments: StatementArguments = ["member": viewer.id, "feature": feature, "n": ForYou.candidatesPerFeature]
                let top = try Int64.fetchAll(db, sql: """
                    SELECT k.threadId FROM suggestionFeature k INDEXED BY suggestionFeature_on_feature_count
                    WHERE k.featureId = :feature AND \(excluded) ORDER BY k.supporterCount DESC, k.threadId DESC LIMIT :n
                    """, arguments: arguments)
                let newest = try Int64.fetchAll(db, sql: """
                    SELECT k.threadId FROM suggestionFeature k INDEXED BY suggestionFeature_on_feature
                    WHERE k.featureId = :feature AND \(excluded) ORDER BY k.threadId DESC LIMIT :n
                    """, arguments: arguments)
                let pace = paces[feature] ?? (open: 0, recent: 0)
                for id in top + newest where !engagedWith.contains(id) {
                    let recent = try recentSupport[id] ?? Int.fetchOne(db, sql: """
                        SELECT COUNT(*) FROM supporter INDEXED BY supporter_on_thread_time WHERE threadId = ? AND createdAt >= ?
                        """, arguments: [id, since.stored]) ?? 0
                    recentSupport[id] = recent
                    let score = ForYou.score(engagement: strongest[feature]!.weight, recentSupport: recent,
                                             featureRecentSupport: pace.recent, featureOpenSuggestions: pace.open)
                    if let current = best[id], current.score >= score { continue }
                    best[id] = (feature, score, recent)
                }
            }
            let ranked = best.sorted { ($0.value.score, $0.key) > ($1.value.score, $1.key) }.prefix(limit)
            let summaries = Dictionary(uniqueKeysWithValues: try Self.suggestionSummaries(db, ids: ranked.map(\.key), now: now).map { ($0.id, $0) })
            return ranked.compactMap { id, pick in
                guard let summary = summaries[id], let engagement = strongest[pick.feature]?.engagement else { return nil }
                return ForYouItem(suggestion: summary, because: engagement.kind, subject: engagement.subject,
                                  reason: engagement.kind.reason(engagement.subject), recentSupport: pick.recent, score: pick.score)
            }
        }
    }
}
