import Foundation
import GRDB
import PaddockCore

// MARK: - What moderation reads

/// The result of a flag: the post's weight against the threshold, and whether it is hidden.
public struct FlagOutcome: Codable, Equatable, Sendable {
    public let postId: Int64
    public let weight: Int
    public let threshold: Int
    /// The post is hidden (now, or already was).
    public let hidden: Bool
}

public struct ReviewFlag: Codable, Equatable, Sendable, FetchableRecord, StoredDates {
    public let reason: FlagReason
    public let note: String?
    public let flaggerHandle: String
    public let weight: Int
    public let createdAt: Date
}

/// One flagged post waiting in the moderators' queue.
public struct ReviewQueueItem: Codable, Equatable, Sendable {
    public let postId: Int64
    public let threadId: Int64
    /// The post's place in its thread (0: the opening post), where Enter opens the thread.
    public let postPosition: Int
    public let threadTitle: String
    public let authorHandle: String
    public let authorRole: Role
    /// Moderators judge the text, so they see it whatever the post's state.
    public let body: String
    public let postState: PostState
    public let weight: Int
    public let flagCount: Int
    public let firstFlaggedAt: Date
    public let ageSeconds: Int
    /// Waiting longer than 48 hours.
    public let overdue: Bool
    /// Who is working on it, while the claim lasts.
    public let claimedByHandle: String?
    public let flags: [ReviewFlag]
}

public struct PenaltyView: Codable, Equatable, Sendable, FetchableRecord, StoredDates {
    public let id: Int64
    public let kind: PenaltyKind
    public let until: Date?
    public let reason: String
    public let actorHandle: String
    public let createdAt: Date
}

/// A member's penalties and standing, as moderators see them.
public struct MemberRecordOfConduct: Codable, Equatable, Sendable {
    public let handle: String
    public let role: Role
    /// `active`, `silenced` or `suspended`, as of now (an expired penalty reads active).
    public let standing: String
    public let standingUntil: Date?
    public let penalties: [PenaltyView]
    /// Each penalty kind, in order, with why the viewer could not give it now
    /// (nil: it can be given), by the rules the service applies (``Rules/penalise(_:by:target:now:)``).
    public let choices: [PenaltyChoice]

    /// Why the viewer could not give `kind` now; nil when they can.
    public func refusal(_ kind: PenaltyKind) -> String? {
        guard let choice = choices.first(where: { $0.kind == kind }) else { return "no such penalty" }
        return choice.refusal
    }
}

/// A penalty a moderator might give a member, and why they could not now.
public struct PenaltyChoice: Codable, Equatable, Sendable {
    public let kind: PenaltyKind
    /// Nil when the penalty can be given.
    public let refusal: String?
}

public struct ModerationLogEntry: Codable, Equatable, Sendable {
    public let id: Int64
    public let createdAt: Date
    /// Nil in the public view when names are hidden.
    public let actorHandle: String?
    /// Who acted, as every front end words it: the handle when it is shown,
    /// otherwise the kind of actor ("a moderator", "an admin", "the community's flags").
    public let actor: String
    public let action: String
    public let targetKind: String
    public let targetId: Int64
    /// What was acted on, in words: a handle, a thread title, "post 12 in “title”".
    public let target: String
    public let reason: String
}

public struct NotificationView: Codable, Equatable, Sendable, FetchableRecord, StoredDates {
    public let id: Int64
    public let kind: String
    public let threadId: Int64?
    public let postId: Int64?
    public let text: String
    public let createdAt: Date
    public let readAt: Date?
}

public struct RevisionView: Codable, Equatable, Sendable, FetchableRecord, StoredDates {
    /// The text the post had before this revision replaced it.
    public let body: String
    public let replacedAt: Date
    public let editorHandle: String
}

// MARK: - Flags and the review queue

extension Community {
    /// Flags a post. When the method returns, the flag is stored, the post's
    /// review item is open with its weight, and — once the weight reaches the
    /// community's threshold, or at once for a moderator's flag — the post is
    /// hidden pending review and its author notified. Every step is logged.
    @discardableResult
    public func flag(by actor: Actor, post postID: Int64, reason: FlagReason, note: String? = nil) throws -> FlagOutcome {
        let note = try note.map { try Rules.reason($0, required: false) }.flatMap { $0.isEmpty ? nil : $0 }
        let now = self.now
        return try writer.write { db in
            let actor = try Self.fresh(db, actor)
            var (post, thread) = try Self.visiblePost(db, postID, to: actor)
            try Rules.flag(by: actor, postAuthorID: post.authorId, reason: reason, note: note, now: now)
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM flag WHERE postId = ? AND memberId = ?",
                                   arguments: [postID, actor.id]) == 0 else {
                throw CommunityError.invalid("you have already flagged post #\(postID)")
            }
            let settings = try Self.settings(db)
            let weight = Rules.flagWeight(of: actor.role, threshold: settings.flagThreshold)
            try db.execute(sql: """
                INSERT INTO flag (postId, memberId, reason, note, weight, createdAt) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [postID, actor.id, reason.rawValue, note, weight, now.stored])
            let open = try Row.fetchOne(db, sql: """
                SELECT COALESCE(SUM(weight), 0) AS weight, COUNT(*) AS count, MIN(createdAt) AS first
                FROM flag WHERE postId = ? AND resolvedAt IS NULL
                """, arguments: [postID])!
            let total: Int = open["weight"]
            try db.execute(sql: """
                INSERT INTO reviewItem (postId, weight, flagCount, firstFlaggedAt, state) VALUES (?, ?, ?, ?, 'open')
                ON CONFLICT (postId) DO UPDATE SET
                  weight = excluded.weight, flagCount = excluded.flagCount,
                  firstFlaggedAt = CASE WHEN state = 'open' THEN firstFlaggedAt ELSE excluded.firstFlaggedAt END,
                  claimedById = CASE WHEN state = 'open' THEN claimedById END,
                  claimedAt = CASE WHEN state = 'open' THEN claimedAt END,
                  resolvedAt = NULL, state = 'open'
                """, arguments: [postID, total, open["count"] as Int, open.date("first")?.stored])
            try Self.log(db, actor: actor, action: "flag", targetKind: "post", targetID: postID,
                         reason: reason.rawValue + (note.map { ": " + $0 } ?? ""), at: now)
            if post.state == .visible, total >= settings.flagThreshold {
                try Self.setPostState(db, &post, .hidden, at: now)
                let why = actor.role >= .moderator ? ModerationWording.autoHideByModerator : "flag weight \(total) reached the threshold of \(settings.flagThreshold)"
                try Self.log(db, actor: actor, action: "auto-hide", targetKind: "post", targetID: postID, reason: why, at: now)
                try Self.notify(db, member: post.authorId, .post(news: .flagged, reason: ""), title: thread.title,
                                thread: thread.id, post: postID, actor: nil, at: now)
            }
            return FlagOutcome(postId: postID, weight: total, threshold: settings.flagThreshold, hidden: post.state != .visible)
        }
    }

    /// The open review items, heaviest first (oldest first among equals), with
    /// every open flag. Moderators and up.
    public func flagQueue(by actor: Actor, limit: Int = 50) throws -> [ReviewQueueItem] {
        let now = self.now
        return try writer.read { db in
            try Rules.moderate(by: try Self.fresh(db, actor))
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.postId, p.threadId, p.position, t.title, a.handle AS author, a.role AS authorRole, p.body, p.state,
                       r.weight, r.flagCount, r.firstFlaggedAt, c.handle AS claimer, r.claimedAt
                FROM reviewItem r JOIN post p ON p.id = r.postId JOIN thread t ON t.id = p.threadId
                JOIN member a ON a.id = p.authorId LEFT JOIN member c ON c.id = r.claimedById
                WHERE r.state = 'open' ORDER BY r.weight DESC, r.firstFlaggedAt, r.postId LIMIT ?
                """, arguments: [limit])
            return try rows.map { row in
                let postID: Int64 = row["postId"]
                let first = row.date("firstFlaggedAt")!
                let claimedAt = row.date("claimedAt")
                let claimLive = claimedAt.map { now.timeIntervalSince($0) < ReviewQueue.claimLapsesAfter } ?? false
                let flags = try ReviewFlag.fetchAll(db, sql: """
                    SELECT f.reason, f.note, m.handle AS flaggerHandle, f.weight, f.createdAt
                    FROM flag f JOIN member m ON m.id = f.memberId
                    WHERE f.postId = ? AND f.resolvedAt IS NULL ORDER BY f.id
                    """, arguments: [postID])
                let age = Int(now.timeIntervalSince(first))
                return ReviewQueueItem(postId: postID, threadId: row["threadId"], postPosition: row["position"], threadTitle: row["title"],
                                       authorHandle: row["author"], authorRole: Role(rawValue: row["authorRole"] as String) ?? .member, body: row["body"],
                                       postState: PostState(rawValue: row["state"] as String) ?? .visible, weight: row["weight"], flagCount: row["flagCount"],
                                       firstFlaggedAt: first, ageSeconds: age,
                                       overdue: TimeInterval(age) > ReviewQueue.overdueAfter,
                                       claimedByHandle: claimLive ? row["claimer"] : nil, flags: flags)
            }
        }
    }

    /// How many items wait in the queue: for a moderator's header.
    public func flagQueueCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reviewItem WHERE state = 'open'") ?? 0 }
    }

    /// Claims a review item so that no other moderator works on it; the claim
    /// lapses after an hour. Claiming an item someone else holds is refused, naming them.
    public func claim(by actor: Actor, post postID: Int64) throws {
        let now = self.now
        try writer.write { db in
            let (actor, _) = try Self.openItem(db, actor, postID, now: now)
            try db.execute(sql: "UPDATE reviewItem SET claimedById = ?, claimedAt = ? WHERE postId = ?",
                           arguments: [actor.id, now.stored, postID])
            try Self.log(db, actor: actor, action: "claim", targetKind: "post", targetID: postID, reason: "", at: now)
        }
    }

    /// Agrees with the flags: the post stays hidden, or is removed; the author
    /// receives the reason; the flags and the item are resolved.
    public func agree(by actor: Actor, post postID: Int64, reason: String, remove: Bool = false) throws {
        let reason = try Rules.reason(reason, required: true)
        let now = self.now
        try writer.write { db in
            let (actor, _) = try Self.openItem(db, actor, postID, now: now)
            var post = try PostRecord.fetchOne(db, key: postID)!
            let thread = try ThreadRecord.fetchOne(db, key: post.threadId)!
            let author = try MemberRecord.fetchOne(db, key: post.authorId)!
            try Rules.moderateContent(by: actor, authorID: author.id!, authorRole: author.role, authorHandle: author.handle, now: now)
            try Self.setPostState(db, &post, remove ? .removed : .hidden, at: now)
            try Self.resolveItem(db, postID, state: "agreed", at: now)
            try Self.log(db, actor: actor, action: remove ? "agree-remove" : "agree", targetKind: "post", targetID: postID, reason: reason, at: now)
            try Self.notify(db, member: post.authorId, .post(news: remove ? .removedOnReview : .keptHidden, reason: reason),
                            title: thread.title, thread: thread.id, post: postID, actor: actor, at: now)
        }
    }

    /// Disagrees with the flags: the post is visible again and the flags are cleared (kept, resolved).
    public func disagree(by actor: Actor, post postID: Int64, reason: String = "") throws {
        let reason = try Rules.reason(reason, required: false)
        let now = self.now
        try writer.write { db in
            let (actor, _) = try Self.openItem(db, actor, postID, now: now)
            var post = try PostRecord.fetchOne(db, key: postID)!
            let thread = try ThreadRecord.fetchOne(db, key: post.threadId)!
            let wasHidden = post.state == .hidden
            if wasHidden {
                try Self.setPostState(db, &post, .visible, at: now)
            }
            try Self.resolveItem(db, postID, state: "disagreed", at: now)
            try Self.log(db, actor: actor, action: "disagree", targetKind: "post", targetID: postID, reason: reason, at: now)
            if wasHidden {
                try Self.notify(db, member: post.authorId, .post(news: .cleared, reason: ""), title: thread.title,
                                thread: thread.id, post: postID, actor: actor, at: now)
            }
        }
    }

    /// Ignores the flags: the item leaves the queue; the post stays as it is.
    public func ignore(by actor: Actor, post postID: Int64, reason: String = "") throws {
        let reason = try Rules.reason(reason, required: false)
        let now = self.now
        try writer.write { db in
            let (actor, _) = try Self.openItem(db, actor, postID, now: now)
            try Self.resolveItem(db, postID, state: "ignored", at: now)
            try Self.log(db, actor: actor, action: "ignore", targetKind: "post", targetID: postID, reason: reason, at: now)
        }
    }

    /// The review steps `undoReview` takes back.
    public static let undoableReviewSteps: Set<String> = ["claim", "agree", "agree-remove", "disagree", "ignore"]

    /// Takes back the actor's last step on a review item (a claim, or an agree,
    /// disagree or ignore) when nobody has acted on the post since. When the
    /// method returns, a decided item is open again with the flags it had, its
    /// post is in the state it had before the decision (hidden or visible), and
    /// the author, if the decision told them anything, hears of it; a claim is
    /// released. The undo is logged as `undo-` and the step's name, which it returns.
    @discardableResult
    public func undoReview(by actor: Actor, post postID: Int64) throws -> String {
        let now = self.now
        return try writer.write { db in
            let actor = try Self.fresh(db, actor)
            try Rules.moderate(by: actor)
            try Rules.mayWrite(actor, now: now)
            guard let last = try Row.fetchOne(db, sql: """
                SELECT l.actorId, l.action, a.handle FROM moderationLog l JOIN member a ON a.id = l.actorId
                WHERE l.targetKind = 'post' AND l.targetId = ? ORDER BY l.id DESC LIMIT 1
                """, arguments: [postID]), Self.undoableReviewSteps.contains(last["action"] as String) else {
                throw CommunityError.invalid("post #\(postID) has no review step to undo: something else happened to it last")
            }
            let step: String = last["action"]
            guard (last["actorId"] as Int64) == actor.id else {
                let handle: String = last["handle"]
                throw CommunityError.notPermitted("the last step on post #\(postID) is \(handle)'s; only they can undo it")
            }
            if step == "claim" {
                try db.execute(sql: "UPDATE reviewItem SET claimedById = NULL, claimedAt = NULL WHERE postId = ? AND state = 'open'",
                               arguments: [postID])
            } else {
                var post = try PostRecord.fetchOne(db, key: postID)!
                let thread = try ThreadRecord.fetchOne(db, key: post.threadId)!
                var steps = try Self.stateSteps(db, posts: [postID])[postID] ?? []
                if ModerationWording.postState(after: step) != nil { steps.removeLast() }
                let before = steps.last.flatMap { ModerationWording.postState(after: $0.action) } ?? .visible
                if post.state != before {
                    let author = try MemberRecord.fetchOne(db, key: post.authorId)!
                    try Rules.moderateContent(by: actor, authorID: author.id!, authorRole: author.role, authorHandle: author.handle, now: now)
                    try Self.setPostState(db, &post, before, at: now)
                }
                try db.execute(sql: """
                    UPDATE flag SET resolvedAt = NULL, resolution = NULL
                    WHERE postId = ? AND resolvedAt = (SELECT resolvedAt FROM reviewItem WHERE postId = ?)
                    """, arguments: [postID, postID])
                try db.execute(sql: "UPDATE reviewItem SET state = 'open', resolvedAt = NULL WHERE postId = ?", arguments: [postID])
                let told = step.hasPrefix("agree") || (step == "disagree" && before == .hidden)
                if told, post.authorId != actor.id {
                    try Self.notify(db, member: post.authorId, .post(news: before == .hidden ? .hiddenAgain : .visibleAgain, reason: ""),
                                    title: thread.title, thread: thread.id, post: postID, actor: actor, at: now)
                }
            }
            try Self.log(db, actor: actor, action: "undo-" + step, targetKind: "post", targetID: postID, reason: "", at: now)
            return step
        }
    }

    // MARK: - Posts and threads

    /// Hides, restores or removes a post. Removed text is kept (moderators still
    /// read it); members see that it was removed. The author is told why.
    public func moderatePost(by actor: Actor, post postID: Int64, action: PostAction, reason: String) throws {
        let reason = try Rules.reason(reason, required: action != .restore)
        let now = self.now
        try writer.write { db in
            let actor = try Self.fresh(db, actor)
            try Rules.moderate(by: actor)
            guard var post = try PostRecord.fetchOne(db, key: postID) else { throw CommunityError.notFound("no post #\(postID)") }
            let thread = try ThreadRecord.fetchOne(db, key: post.threadId)!
            let author = try MemberRecord.fetchOne(db, key: post.authorId)!
            try Rules.moderateContent(by: actor, authorID: author.id!, authorRole: author.role, authorHandle: author.handle, now: now)
            let target: PostState = switch action { case .hide: .hidden; case .restore: .visible; case .remove: .removed }
            guard post.state != target else { throw CommunityError.invalid("post #\(postID) is already \(target.rawValue)") }
            try Self.setPostState(db, &post, target, at: now)
            try Self.log(db, actor: actor, action: action.rawValue, targetKind: "post", targetID: postID, reason: reason, at: now)
            if post.authorId != actor.id {
                let news: PostNews = switch action { case .hide: .hidden; case .restore: .restored; case .remove: .removed }
                try Self.notify(db, member: post.authorId, .post(news: news, reason: reason), title: thread.title,
                                thread: thread.id, post: postID, actor: actor, at: now)
            }
        }
    }

    /// Locks, pins, archives, hides, moves a thread or sets its slow mode. A
    /// move keeps both boards' counters right. Every action is logged.
    public func moderateThread(by actor: Actor, thread threadID: Int64, action: ThreadAction, reason: String = "") throws {
        let reason = try Rules.reason(reason, required: action == .hide)
        let now = self.now
        try writer.write { db in
            let actor = try Self.fresh(db, actor)
            try Rules.moderate(by: actor)
            guard var thread = try ThreadRecord.fetchOne(db, key: threadID) else { throw CommunityError.notFound("no thread #\(threadID)") }
            if action == .hide || action == .unhide {
                let author = try MemberRecord.fetchOne(db, key: thread.authorId)!
                try Rules.moderateContent(by: actor, authorID: author.id!, authorRole: author.role, authorHandle: author.handle, now: now)
            } else {
                try Rules.keepThread(by: actor, kind: thread.kind, now: now)
            }
            func already(_ state: String) -> CommunityError { .invalid("thread #\(threadID) is already \(state)") }
            var detail = reason
            // What the thread's author is told.
            var news: ThreadNews
            switch action {
            case .lock: guard !thread.locked else { throw already("locked") }; thread.locked = true
                news = .locked
            case .unlock: guard thread.locked else { throw already("unlocked") }; thread.locked = false
                news = .unlocked
            case .pin: guard !thread.pinned else { throw already("pinned") }; thread.pinned = true
                news = .pinned
            case .unpin: guard thread.pinned else { throw already("unpinned") }; thread.pinned = false
                news = .unpinned
            case .archive: guard !thread.archived else { throw already("archived") }; thread.archived = true
                news = .archived
            case .hide: guard !thread.hidden else { throw already("hidden") }; thread.hidden = true
                news = .hidden
            case .unhide: guard thread.hidden else { throw already("visible") }; thread.hidden = false
                news = .unhidden
            case .slowMode(let seconds):
                guard (0...86_400).contains(seconds) else { throw CommunityError.invalid("slow mode is 0 (off) to 86400 seconds (a day)") }
                guard thread.slowModeSeconds != seconds else { throw CommunityError.invalid("thread #\(threadID) already has that slow mode") }
                thread.slowModeSeconds = seconds
                let setting = seconds == 0 ? "off" : "one post every \(TimeText.describe(seconds: seconds))"
                detail = reason.isEmpty ? setting : "\(setting): \(reason)"
                news = .slowMode(seconds: seconds)
            case .move(let slug):
                let from = try BoardRecord.fetchOne(db, key: thread.boardId)!
                let to = try Self.board(db, slug: slug)
                guard to.id != from.id else { throw CommunityError.invalid("thread #\(threadID) is already in \(to.slug)") }
                try Rules.move(thread: threadID, kind: thread.kind, to: to.slug, holding: to.threadKind)
                let posts = thread.replyCount + 1
                thread.boardId = to.id!
                try thread.update(db)
                try db.execute(sql: """
                    UPDATE board SET threadCount = threadCount - 1, postCount = postCount - ?,
                      lastActivityAt = (SELECT MAX(lastActivityAt) FROM thread WHERE boardId = ?) WHERE id = ?
                    """, arguments: [posts, from.id, from.id])
                try db.execute(sql: """
                    UPDATE board SET threadCount = threadCount + 1, postCount = postCount + ?,
                      lastActivityAt = MAX(COALESCE(lastActivityAt, ?), ?) WHERE id = ?
                    """, arguments: [posts, thread.lastActivityAt.stored, thread.lastActivityAt.stored, to.id])
                detail = "\(from.slug) → \(to.slug)" + (reason.isEmpty ? "" : ": \(reason)")
                news = .moved(from: from.title, to: to.title)
            }
            try thread.update(db)
            if action == .hide || action == .unhide { try Self.settleThreadPoints(db, thread) }
            try Self.log(db, actor: actor, action: action.name, targetKind: "thread", targetID: threadID, reason: detail, at: now)
            if thread.authorId != actor.id {
                try Self.notify(db, member: thread.authorId, .thread(news: news, reason: reason), title: thread.title,
                                thread: threadID, post: nil, actor: actor, at: now)
            }
        }
    }

    // MARK: - Members

    /// Warns a member: a notification with the reason, and an entry in their history.
    public func warn(by actor: Actor, member handle: String, reason: String) throws {
        try penalise(by: actor, handle: handle, kind: .warn, until: nil, reason: reason)
    }

    /// Silences a member until a time: they can read but not post, reply, edit or flag.
    public func silence(by actor: Actor, member handle: String, until: Date, reason: String) throws {
        try penalise(by: actor, handle: handle, kind: .silence, until: until, reason: reason)
    }

    /// Suspends a member until a time: they cannot open the app or act at all.
    public func suspend(by actor: Actor, member handle: String, until: Date, reason: String) throws {
        try penalise(by: actor, handle: handle, kind: .suspend, until: until, reason: reason)
    }

    /// Ends a silence or suspension now.
    public func lift(by actor: Actor, member handle: String, reason: String = "") throws {
        try penalise(by: actor, handle: handle, kind: .lift, until: nil, reason: reason)
    }

    private func penalise(by actor: Actor, handle: String, kind: PenaltyKind, until: Date?, reason: String) throws {
        let reason = try Rules.reason(reason, required: kind != .lift)
        let now = self.now
        try writer.write { db in
            let actor = try Self.fresh(db, actor)
            try Rules.moderate(by: actor)
            var target = try Self.member(db, handle: handle)
            try Rules.penalise(kind, by: actor, target: target.actor, now: now)
            let news: NotificationPayload
            switch kind {
            case .warn:
                news = .warned(reason: reason)
            case .silence, .suspend:
                guard let until else { throw CommunityError.invalid("the end time must be in the future") }
                _ = try Rules.penaltyEnd(until, now: now)
                target.standing = kind == .silence ? "silenced" : "suspended"
                target.standingUntil = until
                news = kind == .silence ? .silenced(until: until, reason: reason) : .suspended(until: until, reason: reason)
            case .lift:
                news = .lifted(suspension: target.standing == "suspended", reason: reason)
                target.standing = "active"
                target.standingUntil = nil
            }
            try target.update(db)
            try db.execute(sql: """
                INSERT INTO penalty (memberId, kind, until, reason, actorId, createdAt) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [target.id, kind.rawValue, until?.stored, reason, actor.id, now.stored])
            let logged = until.map { "until \(TimeText.describe($0)): \(reason)" } ?? reason
            try Self.log(db, actor: actor, action: kind.rawValue, targetKind: "member", targetID: target.id!, reason: logged, at: now)
            try Self.notify(db, member: target.id!, news, thread: nil, post: nil, actor: actor, at: now)
        }
    }

    /// A member's standing and every penalty they received, newest first. Moderators and up.
    public func conduct(of handle: String, by actor: Actor) throws -> MemberRecordOfConduct {
        let now = self.now
        return try writer.read { db in
            let actor = try Self.fresh(db, actor)
            try Rules.moderate(by: actor)
            return try Self.recordOfConduct(db, try Self.member(db, handle: handle), viewer: actor, now: now)
        }
    }

    /// The record as `viewer` (fresh, a moderator or up) sees it, with the penalties they could give now.
    static func recordOfConduct(_ db: Database, _ member: MemberRecord, viewer: Actor, now: Date) throws -> MemberRecordOfConduct {
        let standing = member.actor.standing.current(at: now)
        let penalties = try PenaltyView.fetchAll(db, sql: """
            SELECT p.id, p.kind, p.until, p.reason, a.handle AS actorHandle, p.createdAt
            FROM penalty p JOIN member a ON a.id = p.actorId WHERE p.memberId = ? ORDER BY p.id DESC
            """, arguments: [member.id])
        let choices = PenaltyKind.allCases.map { kind in
            do throws(CommunityError) {
                try Rules.penalise(kind, by: viewer, target: member.actor, now: now)
                return PenaltyChoice(kind: kind, refusal: nil)
            } catch {
                return PenaltyChoice(kind: kind, refusal: error.description)
            }
        }
        return MemberRecordOfConduct(handle: member.handle, role: member.role, standing: standing.kind,
                                     standingUntil: standing.until, penalties: penalties, choices: choices)
    }

    // MARK: - The moderation log

    /// Steps the public log leaves out: members' flags, and the queue's own
    /// bookkeeping on them (a claim, flags ignored, either undone), which would
    /// tell which posts were flagged. Decisions that change a post stay.
    static let reviewOnlyActions = "('flag', 'claim', 'ignore', 'undo-claim', 'undo-ignore')"

    /// The moderation log, newest first, continuing before entry `before`.
    /// Moderators read it whole. The public view (any member) leaves out flags
    /// (members' reports, not moderation) and names the kind of actor instead
    /// of the person (`ModerationWording.publicActor`), except moderators and up
    /// when `modlog_public_names` is on.
    /// With `after`, the page just newer than that entry instead (0: the oldest
    /// page, for `G`), read backwards over the same key, still newest first.
    public func moderationLog(viewer: Actor, public publicView: Bool = false, before: Int64? = nil, after: Int64? = nil,
                              limit: Int = 50) throws -> [ModerationLogEntry] {
        try writer.read { db in
            let page = after.map { (condition: "l.id > ?", order: "ASC", key: $0) } ?? (condition: "l.id < ?", order: "DESC", key: before ?? Int64.max)
            let viewer = try Self.fresh(db, viewer)
            if !publicView { try Rules.moderate(by: viewer) }
            let names = try !publicView || Self.settings(db).modlogPublicNames
            let rows = try Row.fetchAll(db, sql: """
                SELECT l.id, l.createdAt, a.handle, a.role, l.action, l.targetKind, l.targetId, l.reason,
                  CASE l.targetKind
                    WHEN 'member' THEN (SELECT handle FROM member WHERE id = l.targetId)
                    WHEN 'thread' THEN (SELECT '“' || title || '”' FROM thread WHERE id = l.targetId)
                    WHEN 'post' THEN (SELECT 'post ' || p.id || ' in “' || t.title || '”' FROM post p JOIN thread t ON t.id = p.threadId WHERE p.id = l.targetId)
                    ELSE l.targetKind || ' ' || l.targetId END AS target
                FROM moderationLog l JOIN member a ON a.id = l.actorId
                WHERE \(page.condition)\(publicView ? " AND l.action NOT IN \(Self.reviewOnlyActions)" : "") ORDER BY l.id \(page.order) LIMIT ?
                """, arguments: [page.key, limit])
            return (after == nil ? rows : rows.reversed()).map { row in
                let action: String = row["action"]
                let role = Role(rawValue: row["role"] as String) ?? .member
                let named = !publicView || (names && role >= .moderator && action != "auto-hide")
                let handle: String? = named ? row["handle"] : nil
                return ModerationLogEntry(id: row["id"], createdAt: row.date("createdAt")!, actorHandle: handle,
                                          actor: handle ?? ModerationWording.publicActor(action: action, reason: row["reason"]),
                                          action: action, targetKind: row["targetKind"], targetId: row["targetId"],
                                          target: row["target"] ?? "", reason: row["reason"])
            }
        }
    }

    // MARK: - Notifications, revisions, settings

    /// A member's notifications, newest first.
    public func notifications(for member: Actor, limit: Int = 50) throws -> [NotificationView] {
        try writer.read { db in
            try NotificationView.fetchAll(db, sql: """
                SELECT id, kind, threadId, postId, text, createdAt, readAt FROM notification
                WHERE memberId = ? ORDER BY id DESC LIMIT ?
                """, arguments: [member.id, limit])
        }
    }

    /// Every earlier text of a post, oldest first, for anyone who may read the post.
    public func revisionHistory(of postID: Int64, viewer: Actor?) throws -> [RevisionView] {
        try writer.read { db in
            let role = try viewer.map { try Self.fresh(db, $0).role } ?? .member
            guard let post = try PostRecord.fetchOne(db, key: postID),
                  post.state == .visible || Rules.seesHiddenText(role),
                  let thread = try ThreadRecord.fetchOne(db, key: post.threadId), !thread.hidden || Rules.seesHiddenText(role)
            else { throw CommunityError.notFound("no post #\(postID)") }
            return try RevisionView.fetchAll(db, sql: """
                SELECT r.body, r.createdAt AS replacedAt, m.handle AS editorHandle
                FROM postRevision r JOIN member m ON m.id = r.editorId WHERE r.postId = ? ORDER BY r.id
                """, arguments: [postID])
        }
    }

    /// The moderation settings in force.
    public func settings() throws -> ModerationSettings {
        try writer.read { db in try Self.settings(db) }
    }

    /// Every setting `setting set` changes, in order, with its value in force.
    public func settingsInForce() throws -> [(setting: Setting, value: String)] {
        let stored = try writer.read { db in try Self.storedSettings(db) }
        return Setting.changeable.map { ($0, $0.value(in: stored)) }
    }

    /// Changes a community setting (admins only). When the method returns, the value is stored.
    public func setSetting(by actor: Actor, key: String, value: String) throws {
        let setting = try Setting.changeable(key)
        let value = try setting.validate(value)
        try writer.write { db in
            guard try Self.fresh(db, actor).role == .admin else { throw CommunityError.notPermitted("only admins can change settings") }
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           arguments: [setting.rawValue, value])
        }
    }
}

// MARK: - Steps inside a transaction

extension Community {
    static func settings(_ db: Database) throws -> ModerationSettings {
        ModerationSettings(stored: try storedSettings(db))
    }

    /// The `setting` table as it is: key → stored text.
    static func storedSettings(_ db: Database) throws -> [String: String] {
        let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM setting")
        return Dictionary(rows.map { ($0["key"], $0["value"]) }, uniquingKeysWith: { $1 })
    }

    /// A post the actor may see, with its thread; removed posts and hidden threads are not found by members.
    static func visiblePost(_ db: Database, _ postID: Int64, to actor: Actor) throws -> (PostRecord, ThreadRecord) {
        guard let post = try PostRecord.fetchOne(db, key: postID), post.state != .removed,
              let thread = try ThreadRecord.fetchOne(db, key: post.threadId), !thread.hidden || Rules.seesHiddenText(actor.role)
        else { throw CommunityError.notFound("no post #\(postID)") }
        return (post, thread)
    }

    /// The actor, checked as a moderator free to act on the open item of this post.
    static func openItem(_ db: Database, _ actor: Actor, _ postID: Int64, now: Date) throws -> (Actor, Row) {
        let actor = try fresh(db, actor)
        try Rules.moderate(by: actor)
        try Rules.mayWrite(actor, now: now)
        guard let item = try Row.fetchOne(db, sql: """
            SELECT r.claimedById, r.claimedAt, m.handle FROM reviewItem r LEFT JOIN member m ON m.id = r.claimedById
            WHERE r.postId = ? AND r.state = 'open'
            """, arguments: [postID]) else {
            throw CommunityError.notFound("post #\(postID) has no open review item")
        }
        if let claimer: Int64 = item["claimedById"], claimer != actor.id, let at = item.date("claimedAt"),
           now.timeIntervalSince(at) < ReviewQueue.claimLapsesAfter {
            let handle: String = item["handle"]
            throw CommunityError.notPermitted("post #\(postID) is claimed by \(handle) since \(TimeText.describe(at))")
        }
        return (actor, item)
    }

    /// Each post's logged steps that set its state, oldest first, leaving out
    /// those an undo took back: the last is the one in force.
    static func stateSteps(_ db: Database, posts: [Int64]) throws -> [Int64: [(action: String, reason: String)]] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT targetId, action, reason FROM moderationLog
            WHERE targetKind = 'post' AND targetId IN (\(databaseQuestionMarks(count: posts.count))) ORDER BY id
            """, arguments: StatementArguments(posts))
        var steps: [Int64: [(action: String, reason: String)]] = [:]
        for row in rows {
            let post: Int64 = row["targetId"]
            let action: String = row["action"]
            if action.hasPrefix("undo-") {
                if ModerationWording.postState(after: String(action.dropFirst(5))) != nil { _ = steps[post]?.popLast() }
            } else if ModerationWording.postState(after: action) != nil {
                steps[post, default: []].append((action, row["reason"]))
            }
        }
        return steps
    }

    /// The one door for a post's state: the change, and the day's count of
    /// posts hidden or made visible again after being hidden (the dashboard's
    /// sign of over-flagging).
    static func setPostState(_ db: Database, _ post: inout PostRecord, _ state: PostState, at now: Date) throws {
        let before = post.state
        post.state = state
        try post.update(db)
        // Points earned from it are taken back while it is hidden or removed, and given back on restore.
        try settlePoints(db, post: post)
        let column = switch (before, state) {
        case (.visible, .hidden): "hidden"
        case (.hidden, .visible): "restored"
        default: ""
        }
        guard !column.isEmpty else { return }
        try db.execute(sql: """
            INSERT INTO activityDay (day, \(column)) VALUES (substr(?, 1, 10), 1) ON CONFLICT (day) DO UPDATE SET \(column) = \(column) + 1
            """, arguments: [now.stored])
    }

    static func resolveItem(_ db: Database, _ postID: Int64, state: String, at now: Date) throws {
        try db.execute(sql: "UPDATE reviewItem SET state = ?, resolvedAt = ? WHERE postId = ?", arguments: [state, now.stored, postID])
        try db.execute(sql: "UPDATE flag SET resolvedAt = ?, resolution = ? WHERE postId = ? AND resolvedAt IS NULL",
                       arguments: [now.stored, state, postID])
    }

    /// Rate limits for new members and the thread's slow mode, each answered by
    /// the `post_on_author (authorId, createdAt)` index over a bounded range.
    static func checkPace(_ db: Database, actor: Actor, thread: ThreadRecord?, now: Date) throws {
        guard actor.role < .moderator else { return }
        let settings = try settings(db)
        let since = try Date.fetchStored(db, sql: "SELECT createdAt FROM member WHERE id = ?", arguments: [actor.id]) ?? now
        var history = PostingHistory(memberSince: since)
        if now < since.addingTimeInterval(TimeInterval(settings.newMemberDays) * 86_400) {
            history.lastPostAt = try Date.fetchStored(db, sql: "SELECT MAX(createdAt) FROM post WHERE authorId = ?", arguments: [actor.id])
            if thread == nil {
                history.threadsInLastDay = try Date.fetchAllStored(db, sql: """
                    SELECT createdAt FROM post WHERE authorId = ? AND createdAt > ? AND position = 0 ORDER BY createdAt
                    """, arguments: [actor.id, now.addingTimeInterval(-86_400).stored])
            }
        }
        if let thread, thread.slowModeSeconds > 0 {
            history.lastPostInThreadAt = try Date.fetchStored(db, sql: """
                SELECT MAX(createdAt) FROM post WHERE authorId = ? AND createdAt > ? AND threadId = ?
                """, arguments: [actor.id, now.addingTimeInterval(-TimeInterval(thread.slowModeSeconds)).stored, thread.id])
        }
        try Rules.pace(by: actor, history: history, startingThread: thread == nil, slowModeSeconds: thread?.slowModeSeconds ?? 0,
                       settings: settings, now: now)
    }

    /// Stores the text a post had before an edit. An edit by the same editor
    /// within five minutes of the last revision replaces that revision instead
    /// of adding another: the text it replaces was itself only minutes old.
    /// The first text of a post is always kept.
    static func recordRevision(_ db: Database, post: inout PostRecord, body: String, editor: Actor, at now: Date) throws {
        let last = try Row.fetchOne(db, sql: "SELECT editorId, createdAt FROM postRevision WHERE postId = ? ORDER BY id DESC LIMIT 1",
                                    arguments: [post.id])
        let merge = last.map { ($0["editorId"] as Int64) == editor.id && now.timeIntervalSince($0.date("createdAt")!) < EditGrace.seconds } ?? false
        if !merge {
            var revision = PostRevisionRecord(id: nil, postId: post.id!, body: post.body, editorId: editor.id, createdAt: now)
            try revision.insert(db)
            post.revisionCount += 1
        }
        post.body = body
        post.editedAt = now
        try post.update(db)
    }
}
