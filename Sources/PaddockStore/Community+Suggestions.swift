import Foundation
import GRDB
import PaddockCore

/// Co-creation: members suggest changes to product features and support the
/// suggestions of others; managers answer officially and move them through the
/// lifecycle. Every command is one transaction: the permission check first,
/// then the change with its notifications and log rows; on any error nothing
/// is written.
///
/// Suggestions live in boards whose thread kind is `suggestion` (the Ideas
/// Lab): such a board takes no plain threads, so every thread in it is a
/// suggestion with a status, features and supporters.
extension Community {
    /// Posts a suggestion tagged to 1–5 features of one product, in `board`
    /// (default: the first suggestion board). When the method returns the
    /// suggestion is `new`, its author is its first supporter, and its first
    /// milestone deadline is set.
    @discardableResult
    public func suggest(by actor: Actor, product: String, features: [String], title: String, body: String,
                        board: String? = nil) throws -> SuggestionSummary {
        let title = try Validate.title(title)
        let body = try Validate.body(body)
        let features = try Validate.featureSlugs(features)
        let now = self.now
        return try writer.write { db in
            let actor = try Self.fresh(db, actor)
            try Rules.suggest(by: actor, now: now)
            let id = try Self.insertSuggestion(db, by: actor, product: product, features: features, title: title, body: body,
                                               board: board, resubmittedFrom: nil, at: now)
            return try Self.suggestionSummary(db, id: id, now: now)
        }
    }

    /// Resubmits an expired suggestion as a new one linked to it (its author
    /// only, once). Title and text default to the old ones; its features are
    /// the old ones that are not retired.
    @discardableResult
    public func resubmit(by actor: Actor, suggestion oldID: Int64, title: String? = nil, body: String? = nil) throws -> SuggestionSummary {
        let newTitle = try title.map { try Validate.title($0) }
        let newBody = try body.map { try Validate.body($0) }
        let now = self.now
        return try writer.write { db in
            let actor = try Self.fresh(db, actor)
            try Rules.suggest(by: actor, now: now)
            var old = try Self.suggestionRecord(db, id: oldID, role: actor.role)
            _ = try Self.applyMilestones(db, &old, now: now)
            let thread = try ThreadRecord.fetchOne(db, key: oldID)!
            guard thread.authorId == actor.id else { throw CommunityError.notPermitted("only its author can resubmit suggestion #\(oldID)") }
            guard old.status == .expired else {
                throw CommunityError.invalid("suggestion #\(oldID) is \(old.status.label): only an expired suggestion can be resubmitted")
            }
            if let again = try Int64.fetchOne(db, sql: "SELECT threadId FROM suggestion WHERE resubmittedFromId = ?", arguments: [oldID]) {
                throw CommunityError.invalid("suggestion #\(oldID) was already resubmitted as #\(again)")
            }
            let features = try String.fetchAll(db, sql: """
                SELECT f.slug FROM suggestionFeature sf JOIN feature f ON f.id = sf.featureId
                WHERE sf.threadId = ? AND f.retiredAt IS NULL ORDER BY f.slug
                """, arguments: [oldID])
            guard !features.isEmpty else {
                throw CommunityError.invalid("every feature of suggestion #\(oldID) is retired: post a new suggestion instead")
            }
            let product = try String.fetchOne(db, sql: "SELECT slug FROM product WHERE id = ?", arguments: [old.productId])!
            let board = try String.fetchOne(db, sql: "SELECT slug FROM board WHERE id = ?", arguments: [thread.boardId])!
            let oldBody = try String.fetchOne(db, sql: "SELECT body FROM post WHERE threadId = ? AND position = 0", arguments: [oldID])!
            let id = try Self.insertSuggestion(db, by: actor, product: product, features: features, title: newTitle ?? thread.title,
                                               body: newBody ?? oldBody, board: board, resubmittedFrom: oldID, at: now)
            return try Self.suggestionSummary(db, id: id, now: now)
        }
    }

    /// Adds the actor's support. When the method returns the actor is a
    /// supporter, the count is one higher, and any milestone it reached has moved
    /// the suggestion on (the last one sends it to review).
    @discardableResult
    public func support(by actor: Actor, suggestion id: Int64) throws -> SuggestionSummary {
        let now = self.now
        return try writer.write { db in
            let actor = try Self.fresh(db, actor)
            try Rules.support(by: actor, now: now)
            var row = try Self.suggestionRecord(db, id: id, role: actor.role)
            _ = try Self.applyMilestones(db, &row, now: now)
            try Self.requireOpen(row, doing: "supported")
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM supporter WHERE threadId = ? AND memberId = ?",
                                   arguments: [id, actor.id]) == 0 else {
                throw CommunityError.invalid("\(actor.handle) already supports suggestion #\(id)")
            }
            try db.execute(sql: "INSERT INTO supporter (threadId, memberId, createdAt) VALUES (?, ?, ?)", arguments: [id, actor.id, now.stored])
            try db.execute(sql: "UPDATE suggestion SET supporterCount = supporterCount + 1 WHERE threadId = ?", arguments: [id])
            row.supporterCount += 1
            _ = try Self.applyMilestones(db, &row, now: now)
            return try Self.suggestionSummary(db, id: id, now: now)
        }
    }

    /// Withdraws the actor's support while the suggestion is open. The author's
    /// own support stays. A milestone once reached stays reached.
    @discardableResult
    public func withdrawSupport(by actor: Actor, suggestion id: Int64) throws -> SuggestionSummary {
        let now = self.now
        return try writer.write { db in
            let actor = try Self.fresh(db, actor)
            try Rules.support(by: actor, now: now)
            var row = try Self.suggestionRecord(db, id: id, role: actor.role)
            _ = try Self.applyMilestones(db, &row, now: now)
            try Self.requireOpen(row, doing: "withdrawn from")
            let author = try Int64.fetchOne(db, sql: "SELECT authorId FROM thread WHERE id = ?", arguments: [id]) ?? 0
            try Rules.withdrawSupport(by: actor, authorID: author, now: now)
            try db.execute(sql: "DELETE FROM supporter WHERE threadId = ? AND memberId = ?", arguments: [id, actor.id])
            guard db.changesCount == 1 else { throw CommunityError.invalid("\(actor.handle) does not support suggestion #\(id)") }
            try db.execute(sql: "UPDATE suggestion SET supporterCount = supporterCount - 1 WHERE threadId = ?", arguments: [id])
            return try Self.suggestionSummary(db, id: id, now: now)
        }
    }

    /// Moves a suggestion along the lifecycle with an official response (managers
    /// only). When the method returns, the response is a post in the thread
    /// linked from the status change, it is the suggestion's latest status
    /// note, the author and every supporter have a notification, and the
    /// moderation log has a row.
    @discardableResult
    public func changeStatus(by actor: Actor, suggestion id: Int64, to status: SuggestionStatus, response: String) throws -> SuggestionSummary {
        let response = try Validate.response(response)
        let now = self.now
        return try writer.write { db in
            let actor = try Self.fresh(db, actor)
            try Rules.changeSuggestionStatus(by: actor)
            var row = try Self.suggestionRecord(db, id: id, role: actor.role)
            _ = try Self.applyMilestones(db, &row, now: now)
            try SuggestionLifecycle.checkManual(from: row.status, to: status)
            let (previous, post) = try Self.recordStatus(db, &row, to: status, by: actor, response: response, at: now)
            try Self.rewardResponse(db, row, by: actor, at: now)
            if status == .shipped { try Self.creditShipped(db, row, by: actor, at: now) }
            let title = try String.fetchOne(db, sql: "SELECT title FROM thread WHERE id = ?", arguments: [id])!
            try Self.notifyFollowers(db, suggestion: id, .status(to: status), title: title, post: post, actor: actor, at: now)
            try Self.log(db, actor: actor, action: "status", targetKind: "suggestion", targetID: id,
                         reason: "\(previous.rawValue) → \(status.rawValue)", at: now)
            return try Self.suggestionSummary(db, id: id, now: now)
        }
    }

    /// Marks `duplicateID` a duplicate of `targetID` (managers only). A target
    /// that is itself a duplicate resolves to the open suggestion at the end of
    /// its chain. When the method returns, the duplicate's supporters support
    /// the target too (each counted once), the duplicate is closed with a link
    /// and an official response, and its author and supporters are told.
    @discardableResult
    public func merge(by actor: Actor, duplicate duplicateID: Int64, into targetID: Int64, response: String) throws -> MergeResult {
        let response = try Validate.response(response)
        let now = self.now
        return try writer.write { db in
            let actor = try Self.fresh(db, actor)
            try Rules.mergeSuggestions(by: actor)
            guard duplicateID != targetID else { throw CommunityError.invalid("a suggestion cannot be a duplicate of itself") }
            var duplicate = try Self.suggestionRecord(db, id: duplicateID, role: actor.role)
            _ = try Self.applyMilestones(db, &duplicate, now: now)
            var rootID = targetID
            var seen: Set<Int64> = [targetID]
            while true {
                let target = try Self.suggestionRecord(db, id: rootID, role: actor.role)
                guard let next = target.duplicateOfId else { break }
                guard next != duplicateID, seen.insert(next).inserted else {
                    throw CommunityError.invalid("merging #\(duplicateID) into #\(targetID) would make a cycle: #\(targetID) is already a duplicate of #\(duplicateID)")
                }
                rootID = next
            }
            guard rootID != duplicateID else {
                throw CommunityError.invalid("merging #\(duplicateID) into #\(targetID) would make a cycle: #\(targetID) is already a duplicate of #\(duplicateID)")
            }
            var target = try Self.suggestionRecord(db, id: rootID, role: actor.role)
            _ = try Self.applyMilestones(db, &target, now: now)
            guard target.status.isOpen else {
                throw CommunityError.invalid("suggestion #\(rootID) is \(target.status.label): only an open suggestion can take duplicates")
            }
            guard SuggestionLifecycle.mayBecomeDuplicate(duplicate.status) else {
                throw CommunityError.invalid("suggestion #\(duplicateID) is \(duplicate.status.label): only an open suggestion can be merged into another")
            }
            guard duplicate.productId == target.productId else {
                throw CommunityError.invalid("#\(duplicateID) and #\(rootID) are about different products")
            }
            try db.execute(sql: """
                INSERT OR IGNORE INTO supporter (threadId, memberId, createdAt, movedFromId)
                SELECT ?, memberId, createdAt, ? FROM supporter WHERE threadId = ?
                """, arguments: [rootID, duplicateID, duplicateID])
            let moved = db.changesCount
            try db.execute(sql: "UPDATE suggestion SET supporterCount = supporterCount + ? WHERE threadId = ?", arguments: [moved, rootID])
            target.supporterCount += moved
            _ = try Self.applyMilestones(db, &target, now: now)

            duplicate.duplicateOfId = rootID
            let (_, post) = try Self.recordStatus(db, &duplicate, to: .duplicate, by: actor, response: response, at: now)
            try Self.rewardResponse(db, duplicate, by: actor, at: now)
            let titles = try String.fetchAll(db, sql: "SELECT title FROM thread WHERE id IN (?, ?) ORDER BY id = ? DESC",
                                             arguments: [duplicateID, rootID, duplicateID])
            try Self.notifyFollowers(db, suggestion: duplicateID, .merged(into: rootID, title: titles[1]), title: titles[0],
                                     post: post, actor: actor, at: now)
            try Self.log(db, actor: actor, action: "merge", targetKind: "suggestion", targetID: duplicateID,
                         reason: "duplicate of #\(rootID)", at: now)
            return MergeResult(duplicate: try Self.suggestionSummary(db, id: duplicateID, now: now),
                               into: try Self.suggestionSummary(db, id: rootID, now: now), movedSupporters: moved)
        }
    }

    /// Applies the milestones to every suggestion whose deadline has passed:
    /// what `paddock maintenance` runs. Reads and writes apply them too, so
    /// nothing depends on it running.
    @discardableResult
    public func maintenance() throws -> MaintenanceReport {
        let now = self.now
        return try writer.write { db in MaintenanceReport(expired: try Self.expireDue(db, now: now)) }
    }

    /// Expires what is due before a read, when anything is: a cheap check on a
    /// partial index, and a write only when a deadline has passed. The index is
    /// named: the planner otherwise walks every open suggestion by status (5 ms at 1M posts).
    func applyDueMilestones() throws {
        let now = self.now
        let due = try writer.read { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM suggestion INDEXED BY suggestion_on_deadline
                               WHERE status = 'new' AND milestoneDeadline < ?)
                """, arguments: [now.stored]) ?? false
        }
        if due { try writer.write { db in _ = try Self.expireDue(db, now: now) } }
    }

    /// The milestones in force (the `milestones` setting, else the standard ones).
    public func milestonePlan() throws -> MilestonePlan {
        try writer.read { db in try Self.milestonePlan(db) }
    }

    /// Changes the milestones (admins only). Suggestions keep their current
    /// deadline; the next milestones they reach use the new plan.
    public func setMilestones(by actor: Actor, _ plan: MilestonePlan) throws {
        try writer.write { db in
            try Rules.setMilestones(by: try Self.fresh(db, actor))
            try db.execute(sql: """
                INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, arguments: [Setting.milestones.rawValue, plan.setting])
        }
    }
}

// MARK: - Shared steps, each run inside the caller's transaction

extension Community {
    static func milestonePlan(_ db: Database) throws -> MilestonePlan {
        guard let text = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Setting.milestones.rawValue]),
              let plan = try? MilestonePlan(setting: text) else { return .standard }
        return plan
    }

    /// A suggestion as stored; a hidden one is not found for members.
    static func suggestionRecord(_ db: Database, id: Int64, role: Role) throws -> SuggestionRecord {
        guard let row = try SuggestionRecord.fetchOne(db, sql: """
            SELECT s.* FROM suggestion s JOIN thread t ON t.id = s.threadId WHERE s.threadId = ? AND (t.hidden = 0 OR ?)
            """, arguments: [id, Rules.seesHiddenText(role)]) else {
            throw CommunityError.notFound("no suggestion #\(id)")
        }
        return row
    }

    static func requireOpen(_ row: SuggestionRecord, doing what: String) throws {
        try SuggestionLifecycle.requireOpen(row.threadId, row.status, duplicateOf: row.duplicateOfId, doing: what)
    }

    static func insertSuggestion(_ db: Database, by actor: Actor, product productSlug: String, features: [String], title: String,
                                 body: String, board boardSlug: String?, resubmittedFrom: Int64?, at now: Date) throws -> Int64 {
        let board: BoardRecord
        if let boardSlug {
            board = try Self.board(db, slug: boardSlug)
            guard board.threadKind == .suggestion else {
                throw CommunityError.invalid("the board '\(board.slug)' is not for suggestions")
            }
        } else {
            guard let first = try BoardRecord.fetchOne(db, sql: "SELECT * FROM board WHERE threadKind = 'suggestion' ORDER BY position, id LIMIT 1") else {
                throw CommunityError.invalid("the community has no suggestion board yet; an admin adds one with a board of kind suggestion")
            }
            board = first
        }
        let product = try Self.product(db, slug: productSlug)
        guard product.retiredAt == nil else {
            throw CommunityError.invalid("the product '\(product.slug)' is retired and takes no new suggestions")
        }
        var featureIDs: [Int64] = []
        for slug in features {
            guard let feature = try FeatureSummary.fetchOne(db, sql: "SELECT * FROM feature WHERE productId = ? AND slug = ?",
                                                            arguments: [product.id, slug]) else {
                throw CommunityError.notFound("\(product.slug) has no feature '\(slug)'")
            }
            guard feature.retiredAt == nil else {
                throw CommunityError.invalid("the feature '\(slug)' of \(product.slug) is retired and takes no new suggestions")
            }
            featureIDs.append(feature.id)
        }
        // New members' daily thread limit counts suggestions too.
        try Self.checkPace(db, actor: actor, thread: nil, now: now)
        let thread = try Self.insertThread(db, board: board, kind: .suggestion, title: title, body: body, author: actor, at: now)
        let plan = try milestonePlan(db)
        try db.execute(sql: """
            INSERT INTO suggestion (threadId, productId, status, supporterCount, milestone, milestoneDeadline, statusChangedAt, resubmittedFromId)
            VALUES (?, ?, 'new', 1, 0, ?, ?, ?)
            """, arguments: [thread.id, product.id, plan.firstDeadline(postedAt: now).stored, now.stored, resubmittedFrom])
        for featureID in featureIDs {
            try db.execute(sql: "INSERT INTO suggestionFeature (threadId, featureId, status, supporterCount) VALUES (?, ?, 'new', 1)",
                           arguments: [thread.id, featureID])
        }
        try db.execute(sql: "INSERT INTO supporter (threadId, memberId, createdAt) VALUES (?, ?, ?)", arguments: [thread.id, actor.id, now.stored])
        var row = try suggestionRecord(db, id: thread.id!, role: .admin)
        _ = try applyMilestones(db, &row, now: now)
        return thread.id!
    }

    /// Applies the milestones to one suggestion and writes what they changed:
    /// a reached milestone, review, or expiry (the thread then becomes
    /// read-only). Returns whether the status changed.
    static func applyMilestones(_ db: Database, _ row: inout SuggestionRecord, now: Date) throws -> Bool {
        guard row.status == .new else { return false }
        let plan = try milestonePlan(db)
        let after = plan.apply(row.milestoneState, now: now)
        guard after != row.milestoneState else { return false }
        let before = row.status
        let reachedBefore = row.milestone
        row.status = after.status
        row.milestone = after.index
        row.milestoneDeadline = after.status == .new ? after.deadline : nil
        row.statusChangedAt = after.changedAt
        try db.execute(sql: """
            UPDATE suggestion SET status = ?, milestone = ?, milestoneDeadline = ?, statusChangedAt = ? WHERE threadId = ?
            """, arguments: [row.status, row.milestone, row.milestoneDeadline, row.statusChangedAt, row.threadId])
        if row.milestone > reachedBefore {
            try rewardMilestones(db, row, reached: reachedBefore..<row.milestone, plan: plan, at: now)
        }
        guard row.status != before else { return false }
        let title = try String.fetchOne(db, sql: "SELECT title FROM thread WHERE id = ?", arguments: [row.threadId])!
        switch row.status {
        case .underReview:
            let last = plan.milestones.last!.supporters
            try notifyFollowers(db, suggestion: row.threadId, .review(supporters: last), title: title, post: nil, actor: nil, at: now)
        case .expired:
            try db.execute(sql: "UPDATE thread SET archived = 1 WHERE id = ?", arguments: [row.threadId])
            let target = plan.milestones[min(row.milestone, plan.milestones.count - 1)].supporters
            try notifyFollowers(db, suggestion: row.threadId, .expired(supporters: row.supporterCount, needed: target, at: row.statusChangedAt),
                                title: title, post: nil, actor: nil, at: now)
        default: break
        }
        return true
    }

    /// Expires every new suggestion whose deadline has passed (found through the
    /// partial deadline index) and returns their ids.
    static func expireDue(_ db: Database, now: Date) throws -> [Int64] {
        let due = try SuggestionRecord.fetchAll(db, sql: """
            SELECT * FROM suggestion INDEXED BY suggestion_on_deadline WHERE status = 'new' AND milestoneDeadline < ? ORDER BY milestoneDeadline
            """, arguments: [now.stored])
        var expired: [Int64] = []
        for var row in due where try applyMilestones(db, &row, now: now) {
            if row.status == .expired { expired.append(row.threadId) }
        }
        return expired
    }

    /// Writes a status change: the response as a post in the thread, the
    /// statusChange row linking it, and the suggestion's new status and note.
    /// Returns the status it replaced and the response's post id.
    static func recordStatus(_ db: Database, _ row: inout SuggestionRecord, to status: SuggestionStatus, by actor: Actor,
                             response: String, at now: Date) throws -> (SuggestionStatus, Int64) {
        guard var thread = try ThreadRecord.fetchOne(db, key: row.threadId) else { throw CommunityError.notFound("no suggestion #\(row.threadId)") }
        thread.replyCount += 1
        thread.lastActivityAt = now
        thread.lastPosterId = actor.id
        try thread.update(db)
        var post = PostRecord(id: nil, threadId: thread.id!, position: thread.replyCount, authorId: actor.id, body: response,
                              createdAt: now, editedAt: nil, state: .visible, replyToId: nil, revisionCount: 0)
        try post.insert(db)
        try db.execute(sql: "UPDATE board SET postCount = postCount + 1, lastActivityAt = ? WHERE id = ?", arguments: [now.stored, thread.boardId])
        try db.execute(sql: "UPDATE member SET postCount = postCount + 1 WHERE id = ?", arguments: [actor.id])
        try markRead(db, member: actor.id, thread: thread.id!, position: post.position, at: now)
        try db.execute(sql: """
            INSERT INTO statusChange (threadId, fromStatus, toStatus, actorId, postId, createdAt) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [row.threadId, row.status, status, actor.id, post.id, now.stored])
        let previous = row.status
        row.status = status
        row.statusChangedAt = now
        row.statusNote = response
        row.milestoneDeadline = nil
        try db.execute(sql: """
            UPDATE suggestion SET status = ?, statusChangedAt = ?, statusNote = ?, milestoneDeadline = NULL, duplicateOfId = ?
            WHERE threadId = ?
            """, arguments: [status, now.stored, response, row.duplicateOfId, row.threadId])
        return (previous, post.id!)
    }

    /// The author and every supporter hear of it, each once; the actor does not
    /// hear of their own action, nor does anyone who muted the suggestion's thread.
    static func notifyFollowers(_ db: Database, suggestion id: Int64, _ news: NotificationPayload, title: String, post: Int64?, actor: Actor?,
                                at now: Date) throws {
        try db.execute(sql: """
            INSERT INTO notification (memberId, kind, threadId, postId, actorId, text, payload, createdAt)
            SELECT memberId, ?, ?, ?, ?, ?, ?, ? FROM (
              SELECT memberId FROM supporter WHERE threadId = ?
              UNION SELECT authorId FROM thread WHERE id = ?)
            WHERE memberId IS NOT ?
              AND memberId NOT IN (SELECT memberId FROM threadWatch WHERE threadId = ? AND level = 'muted')
            """, arguments: [news.kind, id, post, actor?.id, news.sentence(title: title, actor: actor?.handle), news, now.stored,
                             id, id, actor?.id, id])
    }
}
