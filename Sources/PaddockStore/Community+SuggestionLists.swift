import Foundation
import GRDB
import PaddockCore

/// Reading suggestions. Every list pages by keyset over an index in its order,
/// so a deep page costs what the first costs; counts come from columns. Each
/// read first applies any milestone deadline that has passed.
extension Community {
    /// Days a "trending" list looks back, and days shipped suggestions stay on the roadmap.
    public static let trendingDays = 7
    public static let roadmapShippedDays = 90

    /// One page of a product's suggestions, or of one of its features'.
    /// `backwards`: the page just before `cursor` (the first row shown), or the
    /// last page when nil, read backwards over the same keys, in the list's
    /// order; its `next` is then its first row when rows come before it.
    public func suggestions(product productSlug: String, feature featureSlug: String? = nil, order: SuggestionOrder = .top,
                            filter: SuggestionFilter = .open, after cursor: SuggestionCursor? = nil, backwards: Bool = false,
                            limit: Int = 50) throws -> SuggestionPage {
        let (less, descending) = backwards ? (">", "ASC") : ("<", "DESC")
        try applyDueMilestones()
        let now = self.now
        return try writer.read { db in
            let product = try Self.product(db, slug: productSlug)
            // Product lists read the suggestion rows; feature lists read the tag
            // rows, which carry a copy of status and supporter count.
            let base: String
            var arguments: StatementArguments
            if let featureSlug {
                guard let featureID = try Int64.fetchOne(db, sql: "SELECT id FROM feature WHERE productId = ? AND slug = ?",
                                                         arguments: [product.id, featureSlug.lowercased()]) else {
                    throw CommunityError.notFound("\(product.slug) has no feature '\(featureSlug)'")
                }
                base = "suggestionFeature k"
                arguments = [featureID]
            } else {
                base = "suggestion k"
                arguments = [product.id]
            }
            var conditions = [featureSlug == nil ? "k.productId = ?" : "k.featureId = ?",
                              "NOT EXISTS (SELECT 1 FROM thread h WHERE h.id = k.threadId AND h.hidden)"]
            switch filter {
            // The unary + keeps the planner on the index in the list's order.
            case .open: conditions.append("+k.status IN ('new','under_review','planned','in_progress')")
            case .all: break
            case .status(let s):
                conditions.append("k.status = ?")
                arguments += [s]
            }
            let sql: String
            switch order {
            case .top:
                if let cursor {
                    conditions.append("(k.supporterCount, k.threadId) \(less) (?, ?)")
                    arguments += [cursor.value, cursor.id]
                }
                sql = "SELECT k.threadId, k.supporterCount FROM \(base) WHERE \(conditions.joined(separator: " AND ")) ORDER BY k.supporterCount \(descending), k.threadId \(descending) LIMIT ?"
            case .new:
                if let cursor {
                    conditions.append("k.threadId \(less) ?")
                    arguments += [cursor.id]
                }
                sql = "SELECT k.threadId, k.threadId FROM \(base) WHERE \(conditions.joined(separator: " AND ")) ORDER BY k.threadId \(descending) LIMIT ?"
            case .trending:
                let having = cursor == nil ? "" : " HAVING (COUNT(*), k.threadId) \(less) (?, ?)"
                let since = now - TimeInterval(Self.trendingDays) * 86_400
                arguments = [since.stored] + arguments
                if let cursor { arguments += [cursor.value, cursor.id] }
                // The week's supports drive (supporter_on_time), so trending costs
                // what the last 7 days hold, not what the product ever had.
                sql = """
                    SELECT k.threadId, COUNT(*) FROM supporter sp CROSS JOIN \(base) ON k.threadId = sp.threadId
                    WHERE sp.createdAt >= ? AND \(conditions.joined(separator: " AND "))
                    GROUP BY k.threadId\(having) ORDER BY COUNT(*) \(descending), k.threadId \(descending) LIMIT ?
                    """
            }
            arguments += [limit + 1]
            var keys = try Row.fetchAll(db, sql: sql, arguments: arguments).map { (id: $0[0] as Int64, value: $0[1] as Int64) }
            let more = keys.count > limit
            if more { keys.removeLast() }
            if backwards { keys.reverse() }
            let recent = order == .trending ? Dictionary(uniqueKeysWithValues: keys.map { ($0.id, Int($0.value)) }) : nil
            let rows = try Self.suggestionSummaries(db, ids: keys.map(\.id), now: now, recent: recent)
            let edge = backwards ? keys.first : keys.last
            return SuggestionPage(suggestions: rows, next: more ? edge.map { SuggestionCursor(value: $0.value, id: $0.id) } : nil)
        }
    }

    /// Summaries of these suggestions, in the order given (those that are not
    /// suggestions are left out): what a board's page of rows shows beside each.
    public func suggestionSummaries(ids: [Int64]) throws -> [SuggestionSummary] {
        try applyDueMilestones()
        let now = self.now
        return try writer.read { db in try Self.suggestionSummaries(db, ids: ids, now: now) }
    }

    /// A suggestion with its text, every official response and its links.
    public func suggestion(_ id: Int64, viewer: Actor? = nil) throws -> SuggestionDetail {
        try applyDueMilestones()
        let now = self.now
        return try writer.read { db in
            let role = try viewer.map { try Self.fresh(db, $0).role } ?? .member
            let row = try Self.suggestionRecord(db, id: id, role: role)
            let summary = try Self.suggestionSummary(db, id: id, now: now)
            let (board, authorId) = try Row.fetchOne(db, sql: "SELECT b.slug, t.authorId FROM board b JOIN thread t ON t.boardId = b.id WHERE t.id = ?",
                                                    arguments: [id]).map { ($0["slug"] as String, $0["authorId"] as Int64) }!
            // A post a moderator hid or removed says so in its text's place, as in the thread;
            // its text stays for moderators only.
            let opening = try Int64.fetchOne(db, sql: "SELECT id FROM post WHERE threadId = ? AND position = 0", arguments: [id])
                .map { try Self.postView(db, id: $0, viewer: role) }
            let body = opening.map { $0.state == .visible ? $0.body : [$0.placeholder, $0.body].filter { !$0.isEmpty }.joined(separator: "\n") } ?? ""
            let responses = try Row.fetchAll(db, sql: """
                SELECT c.postId, c.fromStatus, c.toStatus, m.handle,
                       CASE WHEN p.state = 'visible' OR ? THEN COALESCE(p.body, '') ELSE '' END, c.createdAt
                FROM statusChange c JOIN member m ON m.id = c.actorId LEFT JOIN post p ON p.id = c.postId
                WHERE c.threadId = ? ORDER BY c.id
                """, arguments: [Rules.seesHiddenText(role), id]).map {
                OfficialResponse(postId: $0[0], fromStatus: $0[1], toStatus: $0[2], actorHandle: $0[3], body: $0[4], createdAt: $0[5])
            }
            func link(_ id: Int64?) throws -> SuggestionLink? {
                guard let id else { return nil }
                return try SuggestionLink.fetchOne(db, sql: """
                    SELECT s.threadId AS id, t.title, s.status FROM suggestion s JOIN thread t ON t.id = s.threadId WHERE s.threadId = ?
                    """, arguments: [id])
            }
            var root = row.duplicateOfId
            var hops = 0
            while let r = root, hops < 100, let next = try Int64.fetchOne(db, sql: "SELECT duplicateOfId FROM suggestion WHERE threadId = ?", arguments: [r]) {
                root = next
                hops += 1
            }
            let resubmittedAs = try Int64.fetchOne(db, sql: "SELECT threadId FROM suggestion WHERE resubmittedFromId = ?", arguments: [id])
            let supports = try viewer.map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM supporter WHERE threadId = ? AND memberId = ?", arguments: [id, $0.id]) == 1
            }
            return SuggestionDetail(suggestion: summary, authorId: authorId, boardSlug: board, body: body, responses: responses,
                                    duplicateRoot: try link(root), resubmittedFrom: try link(row.resubmittedFromId),
                                    resubmittedAs: try link(resubmittedAs), viewerSupports: supports,
                                    allowedStatuses: SuggestionLifecycle.manualTargets(from: row.status))
        }
    }

    /// One page of a suggestion's supporters, earliest first.
    public func supporters(of id: Int64, after cursor: SuggestionCursor? = nil, limit: Int = 50) throws -> SupporterPage {
        try writer.read { db in
            let row = try Self.suggestionRecord(db, id: id, role: .member)
            var sql = """
                SELECT m.handle, m.displayName, sp.createdAt AS supportedAt, sp.memberId FROM supporter sp JOIN member m ON m.id = sp.memberId
                WHERE sp.threadId = ?
                """
            var arguments: StatementArguments = [id]
            if let cursor {
                sql += " AND (sp.createdAt, sp.memberId) > (?, ?)"
                arguments += [try cursor.date().stored, cursor.id]
            }
            sql += " ORDER BY sp.createdAt, sp.memberId LIMIT ?"
            arguments += [limit + 1]
            var rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            let more = rows.count > limit
            if more { rows.removeLast() }
            let entries = rows.map { SupporterEntry(handle: $0["handle"], displayName: $0["displayName"], supportedAt: $0.date("supportedAt")!) }
            let next = more ? rows.last.map { SuggestionCursor(value: SuggestionCursor.millis($0.date("supportedAt")!), id: $0["memberId"]) } : nil
            return SupporterPage(suggestionId: id, supporterCount: row.supporterCount, supporters: entries, next: next)
        }
    }

    /// A product's roadmap: under review, planned and in progress (most supported
    /// first, up to `limit` each) and what shipped in the last 90 days.
    public func roadmap(product productSlug: String, limit: Int = 50) throws -> Roadmap {
        try applyDueMilestones()
        let now = self.now
        return try writer.read { db in
            let product = try Self.product(db, slug: productSlug)
            func column(_ status: SuggestionStatus) throws -> [SuggestionSummary] {
                let ids = try Int64.fetchAll(db, sql: """
                    SELECT s.threadId FROM suggestion s JOIN thread t ON t.id = s.threadId
                    WHERE s.productId = ? AND s.status = ? AND t.hidden = 0
                    ORDER BY s.supporterCount DESC, s.threadId DESC LIMIT ?
                    """, arguments: [product.id, status, limit])
                return try Self.suggestionSummaries(db, ids: ids, now: now)
            }
            let shipped = try Int64.fetchAll(db, sql: """
                SELECT s.threadId FROM suggestion s JOIN thread t ON t.id = s.threadId
                WHERE s.status = 'shipped' AND s.statusChangedAt >= ? AND s.productId = ? AND t.hidden = 0
                ORDER BY s.statusChangedAt DESC, s.threadId DESC LIMIT ?
                """, arguments: [(now - TimeInterval(Self.roadmapShippedDays) * 86_400).stored, product.id, limit])
            return Roadmap(product: product, underReview: try column(.underReview), planned: try column(.planned),
                           inProgress: try column(.inProgress), shipped: try Self.suggestionSummaries(db, ids: shipped, now: now))
        }
    }

    /// The managers' review queue: suggestions under review, longest waiting first.
    public func reviewQueue(by actor: Actor, after cursor: SuggestionCursor? = nil, limit: Int = 50) throws -> SuggestionPage {
        try applyDueMilestones()
        let now = self.now
        return try writer.read { db in
            try Rules.seeReviewQueue(by: try Self.fresh(db, actor))
            var sql = "SELECT threadId, statusChangedAt FROM suggestion WHERE status = 'under_review'"
            var arguments: StatementArguments = []
            if let cursor {
                sql += " AND (statusChangedAt, threadId) > (?, ?)"
                arguments += [try cursor.date().stored, cursor.id]
            }
            sql += " ORDER BY statusChangedAt, threadId LIMIT ?"
            arguments += [limit + 1]
            var rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            let more = rows.count > limit
            if more { rows.removeLast() }
            let next = more ? rows.last.map { SuggestionCursor(value: SuggestionCursor.millis($0[1]), id: $0[0]) } : nil
            return SuggestionPage(suggestions: try Self.suggestionSummaries(db, ids: rows.map { $0[0] }, now: now), next: next)
        }
    }

    /// Up to `limit` open suggestions whose title or text match `text`, best
    /// first (bm25, a title match counting three times a text match). Any text
    /// is safe: it is reduced to quoted words, so no input is an FTS error.
    public func similarSuggestions(to text: String, product productSlug: String? = nil, limit: Int = 5) throws -> [SuggestionSummary] {
        guard let query = SearchQuery.fts(text) else { return [] }
        try applyDueMilestones()
        let now = self.now
        return try writer.read { db in
            var sql = """
                SELECT s.threadId FROM suggestionSearch
                JOIN suggestion s ON s.threadId = suggestionSearch.rowid JOIN thread t ON t.id = s.threadId
                WHERE suggestionSearch MATCH ? AND s.status IN ('new','under_review','planned','in_progress') AND t.hidden = 0
                """
            var arguments: StatementArguments = [query]
            if let productSlug {
                sql += " AND s.productId = ?"
                arguments += [try Self.product(db, slug: productSlug).id]
            }
            sql += " ORDER BY bm25(suggestionSearch, 3.0, 1.0), s.supporterCount DESC LIMIT ?"
            arguments += [limit]
            return try Self.suggestionSummaries(db, ids: try Int64.fetchAll(db, sql: sql, arguments: arguments), now: now)
        }
    }
}

// MARK: - Summaries

extension Community {
    static let suggestionRowSelect = """
        SELECT s.threadId AS id, t.title, a.handle AS authorHandle, t.createdAt, p.slug AS productSlug, p.name AS productName,
               s.status, s.supporterCount, s.milestone, s.milestoneDeadline, s.statusChangedAt, s.statusNote,
               s.duplicateOfId, s.resubmittedFromId, t.replyCount
        FROM suggestion s JOIN thread t ON t.id = s.threadId JOIN member a ON a.id = t.authorId JOIN product p ON p.id = s.productId
        """

    static func suggestionSummary(_ db: Database, id: Int64, now: Date) throws -> SuggestionSummary {
        guard let summary = try suggestionSummaries(db, ids: [id], now: now).first else {
            throw CommunityError.notFound("no suggestion #\(id)")
        }
        return summary
    }

    /// Summaries of these suggestions, in the order given, with their features.
    static func suggestionSummaries(_ db: Database, ids: [Int64], now: Date, recent: [Int64: Int]? = nil) throws -> [SuggestionSummary] {
        guard !ids.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        let rows = try SuggestionRowView.fetchAll(db, sql: suggestionRowSelect + " WHERE s.threadId IN (\(marks))",
                                                  arguments: StatementArguments(ids))
        var features: [Int64: [FeatureTag]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT sf.threadId, f.slug, f.name, f.retiredAt IS NOT NULL FROM suggestionFeature sf JOIN feature f ON f.id = sf.featureId
            WHERE sf.threadId IN (\(marks)) ORDER BY f.name
            """, arguments: StatementArguments(ids)) {
            features[row[0], default: []].append(FeatureTag(slug: row[1], name: row[2], retired: row[3]))
        }
        let plan = try milestonePlan(db)
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
        return ids.compactMap { id in
            guard let r = byID[id] else { return nil }
            let state = MilestoneState(status: r.status, supporters: r.supporterCount, index: r.milestone,
                                       deadline: r.milestoneDeadline, changedAt: r.statusChangedAt)
            return SuggestionSummary(id: r.id, title: r.title, authorHandle: r.authorHandle, createdAt: r.createdAt,
                                     productSlug: r.productSlug, productName: r.productName, status: r.status,
                                     supporterCount: r.supporterCount, statusChangedAt: r.statusChangedAt, statusNote: r.statusNote,
                                     milestone: plan.progress(state, now: now), features: features[id] ?? [],
                                     duplicateOfId: r.duplicateOfId, resubmittedFromId: r.resubmittedFromId,
                                     replyCount: r.replyCount, recentSupport: recent?[id])
        }
    }
}
