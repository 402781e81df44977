import Foundation
import GRDB
import PaddockCore

/// Credit, reputation and member profiles. Points are rows: every event writes
/// its ledger entries (``ReputationRules``) and the member's per-product total
/// in the transaction of the event itself; hiding what earned them writes
/// reversing entries in the hide's transaction. Nothing is recomputed from posts.
extension Community {
    /// Marks a reply helpful. Only the thread's author may, never on their own
    /// post, once per post. The reply's author earns the helpful points.
    public func markHelpful(by actor: Actor, post postID: Int64) throws {
        let now = self.now
        try writer.write { db in
            let actor = try Self.fresh(db, actor)
            let (post, thread) = try Self.visiblePost(db, postID, to: actor)
            try Rules.markHelpful(by: actor, threadAuthorID: thread.authorId, postAuthorID: post.authorId, now: now)
            guard post.state == .visible else { throw CommunityError.invalid("post #\(postID) is \(post.state.rawValue) and cannot be marked helpful") }
            guard try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM helpfulMark WHERE postId = ?)", arguments: [postID])! else {
                throw CommunityError.invalid("post #\(postID) is already marked helpful")
            }
            try db.execute(sql: "INSERT INTO helpfulMark (postId, threadId, markedById, createdAt) VALUES (?, ?, ?, ?)",
                           arguments: [postID, thread.id, actor.id, now.stored])
            try Self.award(db, [.init(member: post.authorId, event: .helpful)], product: try Self.productOf(db, thread: thread.id!),
                           source: .post(postID), title: thread.title, at: now)
        }
    }

    /// Takes a helpful mark back (the thread's author); its points go with it.
    public func unmarkHelpful(by actor: Actor, post postID: Int64) throws {
        let now = self.now
        try writer.write { db in
            let actor = try Self.fresh(db, actor)
            let (post, thread) = try Self.visiblePost(db, postID, to: actor)
            try Rules.markHelpful(by: actor, threadAuthorID: thread.authorId, postAuthorID: post.authorId, now: now)
            guard let markedAt = try Date.fetchStored(db, sql: "SELECT createdAt FROM helpfulMark WHERE postId = ?", arguments: [postID]) else {
                throw CommunityError.invalid("post #\(postID) is not marked helpful")
            }
            try db.execute(sql: "DELETE FROM helpfulMark WHERE postId = ?", arguments: [postID])
            // Dated on the mark's own day: windows count points by the day they were earned.
            try Self.award(db, [.init(member: post.authorId, event: .helpfulTakenBack)], product: try Self.productOf(db, thread: thread.id!),
                           source: .post(postID), title: thread.title, at: markedAt)
        }
    }

    /// The posts of a thread marked helpful, among `posts`.
    static func helpfulPosts(_ db: Database, thread: Int64) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT postId FROM helpfulMark WHERE threadId = ? ORDER BY postId", arguments: [thread])
    }

    /// A product's leaderboard: points earned in the last `days` whole UTC days
    /// (``Leaderboard/windowStart(now:days:)``), summed from the ledger, most first.
    public func leaderboard(product slug: String, days: Int = Leaderboard.defaultDays, limit: Int = 20) throws -> LeaderboardView {
        let days = try Leaderboard.days(days)
        let limit = try Leaderboard.limit(limit)
        let since = Leaderboard.windowStart(now: now, days: days)
        return try writer.read { db in
            let product = try Self.product(db, slug: slug)
            // Everyone on the board, not only those listed: the same index range, counted.
            let total = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM (
                  SELECT SUM(points) AS points FROM reputationEvent INDEXED BY reputationEvent_on_product_time
                  WHERE productId = ? AND createdAt >= ? GROUP BY memberId) WHERE points > 0
                """, arguments: [product.id, since.stored]) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.handle, m.displayName, b.points FROM (
                  SELECT memberId, SUM(points) AS points FROM reputationEvent INDEXED BY reputationEvent_on_product_time
                  WHERE productId = ? AND createdAt >= ? GROUP BY memberId) b
                JOIN member m ON m.id = b.memberId
                WHERE b.points > 0 ORDER BY b.points DESC, m.handle LIMIT ?
                """, arguments: [product.id, since.stored, limit])
            var entries: [LeaderboardEntry] = []
            for row in rows {
                let points: Int = row["points"]
                // Equal points, equal rank ("1, 2, 2, 4").
                let rank = entries.last.map { $0.points == points ? $0.rank : entries.count + 1 } ?? 1
                entries.append(LeaderboardEntry(rank: rank, handle: row["handle"], displayName: row["displayName"], points: points))
            }
            return LeaderboardView(product: product.slug, productName: product.name, days: days, since: since, entries: entries, total: total)
        }
    }

    /// A member's profile as `viewer` sees it: joined, role, posts, suggestions
    /// and their statuses, credits, reputation in all and per product; for
    /// moderators, the record of conduct too. Suspended members' profiles open
    /// like any other; nothing private (their standing aside, for moderators) shows.
    public func memberProfile(of handle: String, viewer: Actor) throws -> MemberProfile {
        let now = self.now
        return try writer.read { db in
            let viewer = try Self.fresh(db, viewer)
            let member = try Self.member(db, handle: handle)
            let seesHidden = Rules.seesHiddenText(viewer.role)
            let suggestions = try ProfileSuggestion.fetchAll(db, sql: """
                SELECT t.id, t.title, p.name AS product, s.status, s.supporterCount
                FROM thread t JOIN suggestion s ON s.threadId = t.id JOIN product p ON p.id = s.productId
                WHERE t.authorId = ? AND t.kind = 'suggestion' AND (t.hidden = 0 OR ?) ORDER BY t.id DESC LIMIT ?
                """, arguments: [member.id, seesHidden, MemberProfile.listLimit])
            let credits = try ProfileCredit.fetchAll(db, sql: """
                SELECT c.threadId, t.title, p.name AS product, c.role, c.createdAt
                FROM credit c JOIN thread t ON t.id = c.threadId JOIN product p ON p.id = c.productId
                WHERE c.memberId = ? AND (t.hidden = 0 OR ?) ORDER BY c.createdAt DESC, c.threadId DESC LIMIT ?
                """, arguments: [member.id, seesHidden, MemberProfile.listLimit])
            // Totals for the cut lists, each from the member's own index entries.
            let suggestionTotal = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM thread t WHERE t.authorId = ? AND t.kind = 'suggestion' AND (t.hidden = 0 OR ?)
                """, arguments: [member.id, seesHidden]) ?? 0
            let creditTotal = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM credit c JOIN thread t ON t.id = c.threadId WHERE c.memberId = ? AND (t.hidden = 0 OR ?)
                """, arguments: [member.id, seesHidden]) ?? 0
            // The kept total less the posts members cannot read: those a moderator hid or removed
            // (a partial index holds only them) and the rest of theirs in threads a moderator hid
            // (the few hidden threads come first in `thread_on_recent_activity`, then their posts by
            // thread). It costs the hidden posts and hidden threads, never the member's whole history.
            let hiddenPosts = try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM post INDEXED BY post_on_author_hidden WHERE authorId = ? AND state <> 'visible')
                     + (SELECT COUNT(*) FROM thread t INDEXED BY thread_on_recent_activity
                        CROSS JOIN post p INDEXED BY post_on_thread_position ON p.threadId = t.id
                        WHERE t.hidden = 1 AND p.authorId = ? AND p.state = 'visible')
                """, arguments: [member.id, member.id]) ?? 0
            let perProduct = try ProductPoints.fetchAll(db, sql: """
                SELECT COALESCE(p.slug, '') AS product, COALESCE(p.name, 'community') AS productName, r.points
                FROM reputation r LEFT JOIN product p ON p.id = r.productKey
                WHERE r.memberId = ? AND r.points != 0 ORDER BY r.points DESC, p.slug
                """, arguments: [member.id])
            return MemberProfile(handle: member.handle, displayName: member.displayName, role: member.role, joinedAt: member.createdAt,
                                 postCount: seesHidden ? member.postCount : member.postCount - hiddenPosts,
                                 hiddenPostCount: seesHidden ? hiddenPosts : nil, rides: try Self.productsRidden(db, member: member.id!).map(\.name), suggestions: suggestions, suggestionsTotal: suggestionTotal,
                                 credits: credits, creditsTotal: creditTotal,
                                 reputation: perProduct.reduce(0) { $0 + $1.points }, reputationByProduct: perProduct,
                                 conduct: Rules.seesConduct(viewer) ? try Self.recordOfConduct(db, member, viewer: viewer, now: now) : nil)
        }
    }
}

// MARK: - Views

public struct LeaderboardEntry: Codable, Equatable, Sendable {
    public let rank: Int
    public let handle: String
    public let displayName: String
    public let points: Int
}

public struct LeaderboardView: Codable, Equatable, Sendable {
    public let product: String
    public let productName: String
    public let days: Int
    /// The first instant counted.
    public let since: Date
    public let entries: [LeaderboardEntry]
    /// Members on the board in all; `entries` holds the first of them.
    public let total: Int
}

public struct ProfileSuggestion: Codable, Equatable, Sendable, FetchableRecord {
    public let id: Int64
    public let title: String
    public let product: String
    public let status: SuggestionStatus
    public let supporterCount: Int
}

public struct ProfileCredit: Codable, Equatable, Sendable, FetchableRecord, StoredDates {
    public let threadId: Int64
    public let title: String
    public let product: String
    /// `author` or `supporter`.
    public let role: String
    public let createdAt: Date

    /// "co-created: Heated grips as standard, Furia MY2027".
    public var line: String { CoCreators.creditLine(title: title, product: product) }
}

public struct ProductPoints: Codable, Equatable, Sendable, FetchableRecord {
    /// The product's slug; empty for points from outside any product.
    public let product: String
    public let productName: String
    public let points: Int
}

public struct MemberProfile: Codable, Equatable, Sendable {
    /// Suggestions and credits shown, newest first.
    public static let listLimit = 100
    public let handle: String
    public let displayName: String
    public let role: Role
    public let joinedAt: Date
    /// The posts the viewer can read as theirs: members don't count those a
    /// moderator hid or removed, or those in a thread a moderator hid;
    /// moderators, who read hidden text, count them all.
    public let postCount: Int
    /// For moderators, how many of `postCount` members cannot see; nil for members.
    public let hiddenPostCount: Int?
    /// The products they say they ride ("I ride this"), by name.
    public let rides: [String]
    /// The newest ``listLimit`` of them; `suggestionsTotal` counts them all.
    public let suggestions: [ProfileSuggestion]
    public let suggestionsTotal: Int
    public let credits: [ProfileCredit]
    public let creditsTotal: Int
    public let reputation: Int
    public let reputationByProduct: [ProductPoints]
    /// Moderators and up only.
    public let conduct: MemberRecordOfConduct?
}

// MARK: - Shared steps, each run inside the caller's transaction

extension Community {
    /// What ledger entries came from, and what a moderator's hide settles.
    enum PointSource {
        case suggestion(Int64)
        case post(Int64)
    }

    static func productOf(_ db: Database, thread: Int64) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT productId FROM suggestion WHERE threadId = ?", arguments: [thread])
    }

    /// The one door for points: ledger rows and totals together, then settled
    /// at once if what earned them is hidden (earned, and held back).
    static func award(_ db: Database, _ awards: [ReputationRules.Award], product: Int64?, source: PointSource, title: String,
                      detail: String = "", at now: Date) throws {
        guard !awards.isEmpty else { return }
        for award in awards where award.points != 0 {
            try insertPoints(db, member: award.member, product: product, points: award.points, event: award.event,
                             reason: award.event.reason(title: title, detail: detail), source: source, at: now)
        }
        switch source {
        case .suggestion(let id): try settleSuggestionPoints(db, id)
        case .post(let id): try settlePostPoints(db, id)
        }
    }

    private static func insertPoints(_ db: Database, member: Int64, product: Int64?, points: Int, event: ReputationEvent, reason: String,
                                     source: PointSource, at now: Date) throws {
        let (thread, post): (Int64?, Int64?) = switch source { case .suggestion(let id): (id, nil); case .post(let id): (nil, id) }
        try db.execute(sql: """
            INSERT INTO reputationEvent (memberId, productId, points, event, reason, threadId, postId, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [member, product, points, event.rawValue, reason, thread, post, now.stored])
        try db.execute(sql: """
            INSERT INTO reputation (memberId, productKey, points) VALUES (?, ?, ?)
            ON CONFLICT (memberId, productKey) DO UPDATE SET points = points + excluded.points
            """, arguments: [member, product ?? 0, points])
    }

    /// Brings the net points from one source to what its visibility says: all
    /// it earned while it shows, nothing while a moderator has it hidden. Run
    /// after every change of its state; writes only a difference. Each
    /// settling row carries the moment of the points it settles, so windows
    /// (the leaderboard's days) count points by the day they were earned,
    /// whenever they were taken back or given back. The ledger stays append-only.
    static func settle(_ db: Database, source: PointSource, visible: Bool, title: String) throws {
        let (column, id): (String, Int64) = switch source { case .suggestion(let id): ("threadId", id); case .post(let id): ("postId", id) }
        let settlement = [ReputationEvent.reversed.rawValue, ReputationEvent.reinstated.rawValue]
        let rows = try Row.fetchAll(db, sql: """
            SELECT memberId, productId, createdAt, SUM(points) AS net, SUM(CASE WHEN event IN (?, ?) THEN 0 ELSE points END) AS earned
            FROM reputationEvent WHERE \(column) = ? GROUP BY memberId, productId, createdAt ORDER BY createdAt, memberId
            """, arguments: [settlement[0], settlement[1], id])
        let event: ReputationEvent = visible ? .reinstated : .reversed
        for row in rows {
            let net: Int = row["net"], earned: Int = row["earned"]
            let delta = (visible ? earned : 0) - net
            guard delta != 0 else { continue }
            try insertPoints(db, member: row["memberId"], product: row["productId"], points: delta, event: event,
                             reason: event.reason(title: title), source: source, at: row.date("createdAt")!)
        }
    }

    /// A suggestion shows when its thread is not hidden and its opening post is visible.
    static func settleSuggestionPoints(_ db: Database, _ id: Int64) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT t.title, t.hidden = 0 AND p.state = 'visible' AS visible FROM thread t JOIN post p ON p.threadId = t.id AND p.position = 0
            WHERE t.id = ?
            """, arguments: [id]) else { return }
        try settle(db, source: .suggestion(id), visible: row["visible"], title: row["title"])
    }

    /// A post shows when it is visible and its thread is not hidden.
    static func settlePostPoints(_ db: Database, _ id: Int64) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT t.title, p.state = 'visible' AND t.hidden = 0 AS visible FROM post p JOIN thread t ON t.id = p.threadId WHERE p.id = ?
            """, arguments: [id]) else { return }
        try settle(db, source: .post(id), visible: row["visible"], title: row["title"])
    }

    /// A moderator hid or restored a whole thread: everything earned in it is
    /// held back or given back — the suggestion's points and every reply's helpful points.
    static func settleThreadPoints(_ db: Database, _ thread: ThreadRecord) throws {
        let posts = try Int64.fetchAll(db, sql: """
            SELECT DISTINCT e.postId FROM post p JOIN reputationEvent e ON e.postId = p.id WHERE p.threadId = ? ORDER BY e.postId
            """, arguments: [thread.id])
        for post in posts { try settlePostPoints(db, post) }
        if thread.kind == .suggestion { try settleSuggestionPoints(db, thread.id!) }
    }

    /// After a post's state changed: its own points, and its suggestion's when it opens one.
    static func settlePoints(_ db: Database, post: PostRecord) throws {
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM reputationEvent WHERE postId = ?)", arguments: [post.id]) == true {
            try settlePostPoints(db, post.id!)
        }
        if post.position == 0, try productOf(db, thread: post.threadId) != nil {
            try settleSuggestionPoints(db, post.threadId)
        }
    }

    /// Milestones `reached` (indices into the plan) were just reached: the author and the carriers earn.
    static func rewardMilestones(_ db: Database, _ row: SuggestionRecord, reached: Range<Int>, plan: MilestonePlan, at now: Date) throws {
        let (author, title) = try authorAndTitle(db, row.threadId)
        let supporters = try Int64.fetchAll(db, sql: "SELECT memberId FROM supporter WHERE threadId = ? ORDER BY createdAt, memberId",
                                            arguments: [row.threadId])
        for index in reached {
            let target = plan.milestones[min(index, plan.milestones.count - 1)].supporters
            try award(db, ReputationRules.milestones(1, author: author, supporters: supporters), product: row.productId,
                      source: .suggestion(row.threadId), title: title, detail: "\(target) supporters", at: now)
        }
    }

    /// A manager answered officially (the status `row` now has). The author
    /// earns once per suggestion, for the first response: later status changes
    /// and a merge answer again but pay nothing more.
    static func rewardResponse(_ db: Database, _ row: SuggestionRecord, by actor: Actor, at now: Date) throws {
        guard try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM reputationEvent WHERE threadId = ? AND event = ?)",
                                 arguments: [row.threadId, ReputationEvent.officialResponse.rawValue])! else { return }
        let (author, title) = try authorAndTitle(db, row.threadId)
        try award(db, ReputationRules.officialResponse(author: author, responder: actor.id), product: row.productId,
                  source: .suggestion(row.threadId), title: title, detail: row.status.label, at: now)
    }

    /// The suggestion just shipped: its co-creators (``CoCreators``) are credited and earn.
    static func creditShipped(_ db: Database, _ row: SuggestionRecord, by actor: Actor, at now: Date) throws {
        let (author, title) = try authorAndTitle(db, row.threadId)
        let plannedAt = try Date.fetchStored(db, sql: """
            SELECT MIN(createdAt) FROM statusChange WHERE threadId = ? AND toStatus = 'planned'
            """, arguments: [row.threadId]) ?? now
        let supporters = try Row.fetchAll(db, sql: "SELECT memberId, createdAt FROM supporter WHERE threadId = ? ORDER BY createdAt, memberId",
                                          arguments: [row.threadId]).map { (member: $0["memberId"] as Int64, since: $0.date("createdAt")!) }
        let coCreators = CoCreators.coCreators(author: author, supporters: supporters, plannedAt: plannedAt)
        for c in coCreators {
            try db.execute(sql: "INSERT OR IGNORE INTO credit (threadId, memberId, productId, role, createdAt) VALUES (?, ?, ?, ?, ?)",
                           arguments: [row.threadId, c.member, row.productId, c.isAuthor ? "author" : "supporter", now.stored])
        }
        try award(db, ReputationRules.shipped(coCreators, by: actor.id), product: row.productId, source: .suggestion(row.threadId), title: title, at: now)
    }

    private static func authorAndTitle(_ db: Database, _ thread: Int64) throws -> (Int64, String) {
        let row = try Row.fetchOne(db, sql: "SELECT authorId, title FROM thread WHERE id = ?", arguments: [thread])!
        return (row["authorId"], row["title"])
    }
}
