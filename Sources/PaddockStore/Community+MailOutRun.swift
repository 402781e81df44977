import Foundation
import GRDB
import PaddockCore

/// One message claimed for sending: hand `message` to sendmail with envelope
/// sender `envelopeFrom`, then report the outcome with ``Community/recordSends(_:)``.
public struct ClaimedMail: Sendable {
    public let id: Int64
    public let memberId: Int64
    public let address: String
    /// `bounce+ID@host`.
    public let envelopeFrom: String
    public let message: Data
}

/// Where mail-out stands (`paddock mail-out --status`).
public struct MailOutStatus: Codable, Equatable, Sendable {
    public struct Problem: Codable, Equatable, Sendable {
        public let id: Int64
        public let handle: String
        public let kind: MailKind
        public let state: MailState
        public let attempts: Int
        public let nextAttemptAt: Date?
        public let reason: String?
        public let createdAt: Date
    }
    public struct Stopped: Codable, Equatable, Sendable {
        public let handle: String
        public let stoppedAt: Date
        public let reason: String
    }
    public let host: String?
    public let members: Int
    public let counts: [String: Int]
    /// Queued for another try, and given up or interrupted, newest first.
    public let problems: [Problem]
    public let stopped: [Stopped]
    public let stoppedCount: Int
}

/// Mail-out: what is due, claimed in short transactions, then recorded.
///
/// Nothing is sent twice. A run reads what is due in a read transaction and
/// claims it in a short write transaction that moves the member's cursors
/// only if no other run moved them first (compare and set), inserting one
/// `mailOut` row per message in state `sending`. The caller hands each to
/// sendmail, then ``recordSends(_:)`` marks it `sent`, `queued` or `failed`
/// in one transaction. A process that dies between sendmail and that record
/// leaves rows `sending`; once their lease ends a later run marks them
/// `interrupted` and never sends them again: a mail may be lost that way, but
/// none goes out twice.
extension Community {
    /// Members read per claim transaction.
    static let mailBatch = 200
    /// Notices claimed per member per run: a flood of mentions waits for the next run.
    static let noticesPerRun = 20

    /// Refuses to run without a mail host: the addresses would be wrong.
    static func mailHost(_ db: Database) throws -> (settings: MailSettings, community: String) {
        let stored = try storedSettings(db)
        let settings = MailSettings(stored: stored)
        guard settings.host != nil else {
            throw CommunityError.invalid("mail_host is not set: `paddock setting set mail_host HOST` names the host of the reply and bounce addresses")
        }
        return (settings, Setting.communityName.value(in: stored))
    }

    /// Claims at most `limit` messages that are due now: first (when
    /// `afterMember` is 0) retries whose time came, after marking messages left
    /// `sending` past their lease `interrupted`; then the notices and digests
    /// of members past `afterMember`, by id. `nextMember` is where to go on
    /// when the limit cut the walk short, nil when every member was seen.
    public func claimMail(limit: Int, afterMember: Int64 = 0) throws -> (mail: [ClaimedMail], nextMember: Int64?) {
        guard limit > 0 else { return ([], afterMember) }
        let (settings, community) = try writer.read { db in try Self.mailHost(db) }
        let host = settings.host!
        let now = self.now
        var claimed: [ClaimedMail] = []
        if afterMember == 0 {
            try applyDueMilestones()
            claimed = try writer.write { db in
                try db.execute(sql: """
                    UPDATE mailOut SET state = 'interrupted', message = NULL,
                      lastError = 'the run sending it stopped before recording the outcome; it may not have arrived and is not sent again'
                    WHERE state = 'sending' AND nextAttemptAt <= ?
                    """, arguments: [now.stored])
                let due = try Row.fetchAll(db, sql: Self.dueRetriesSQL, arguments: [now.stored, limit])
                var retries: [ClaimedMail] = []
                for row in due {
                    guard row["wanted"] as Bool else {
                        try db.execute(sql: """
                            UPDATE mailOut SET state = 'failed', nextAttemptAt = NULL, message = NULL,
                              lastError = 'not sent again: the member changed their address or choices, their mail stopped, or what it quotes was hidden'
                            WHERE id = ?
                            """, arguments: [row["id"] as Int64])
                        continue
                    }
                    try db.execute(sql: "UPDATE mailOut SET state = 'sending', nextAttemptAt = ? WHERE id = ?",
                                   arguments: [(now + MailRetry.lease).stored, row["id"] as Int64])
                    retries.append(ClaimedMail(id: row["id"], memberId: row["memberId"], address: row["address"],
                                               envelopeFrom: "bounce+\(row["id"] as Int64)@\(host)", message: row["message"] ?? Data()))
                }
                return retries
            }
        }
        var week: WeekSupport?
        var after = afterMember
        while true {
            let room = limit - claimed.count
            guard room > 0 else { return (claimed, after) }
            let (walked, full, pending) = try writer.read { db in
                let members = try Row.fetchAll(db, sql: Self.mailMembersSQL, arguments: [after, Self.mailBatch])
                var pending: [PendingMail] = []
                var room = room
                var walked = after
                for row in members {
                    guard room > 0 else { break }
                    if let work = try Self.pendingMail(db, member: row, now: now, host: host, settings: settings, community: community,
                                                       room: room, week: &week) {
                        room -= work.messages.count
                        pending.append(work)
                    }
                    walked = row["memberId"]
                }
                return (walked, members.count == Self.mailBatch || walked != (members.last?["memberId"] as Int64? ?? walked), pending)
            }
            if !pending.isEmpty {
                claimed += try writer.write { db in try Self.claim(db, pending, host: host, now: now) }
            }
            after = walked
            guard full else { return (claimed, nil) }
        }
    }

    /// Retries due, each with whether it would still be sent now: the member's
    /// mail flows to the same address, the kind is still wanted, and what a
    /// notice quotes is still visible. A retry that would not is given up.
    static let dueRetriesSQL = """
        SELECT o.id, o.memberId, o.address, o.message,
               COALESCE(p.stoppedAt IS NULL AND a.address = o.address
                        AND CASE o.kind WHEN 'mention' THEN p.mentions WHEN 'reply' THEN p.replies
                                        WHEN 'status' THEN p.statuses ELSE p.digest != 'never' END
                        AND COALESCE(t.hidden, 0) = 0 AND COALESCE(po.state, 'visible') = 'visible', 0) AS wanted
        FROM mailOut o INDEXED BY mailOut_on_retry
        LEFT JOIN mailPreference p ON p.memberId = o.memberId
        LEFT JOIN memberAddress a ON a.memberId = o.memberId
        LEFT JOIN notification n ON n.id = o.notificationId
        LEFT JOIN thread t ON t.id = n.threadId
        LEFT JOIN post po ON po.id = n.postId
        WHERE o.state = 'queued' AND o.nextAttemptAt <= ? ORDER BY o.nextAttemptAt LIMIT ?
        """

    /// Members whose mail flows, a batch at a time by id.
    static let mailMembersSQL = """
        SELECT p.memberId, p.mentions, p.replies, p.statuses, p.digest, p.noticeCursor, p.digestDueAt, p.lastDigestAt,
               a.address, m.displayName, m.handle
        FROM mailPreference p
        JOIN memberAddress a ON a.memberId = p.memberId
        JOIN member m ON m.id = p.memberId
        WHERE p.memberId > ? AND p.stoppedAt IS NULL
        ORDER BY p.memberId LIMIT ?
        """

    /// A member's notifications past their cursor, with what a notice quotes.
    static let noticesSQL = """
        SELECT n.id, n.kind, n.text, n.threadId, t.title, t.hidden, b.title AS boardTitle,
               p.body, p.state, am.displayName AS authorName
        FROM notification n INDEXED BY notification_on_member
        LEFT JOIN thread t ON t.id = n.threadId
        LEFT JOIN board b ON b.id = t.boardId
        LEFT JOIN post p ON p.id = n.postId
        LEFT JOIN member am ON am.id = p.authorId
        WHERE n.memberId = ? AND n.id > ?
        ORDER BY n.id LIMIT ?
        """

    /// The newest unread of a member's inbox, for a digest.
    static let digestUnreadSQL = """
        SELECT n.text, n.threadId, n.createdAt, t.hidden
        FROM notification n INDEXED BY notification_on_member_unread
        LEFT JOIN thread t ON t.id = n.threadId
        WHERE n.memberId = ? AND n.readAt IS NULL
        ORDER BY n.id DESC LIMIT ?
        """

    static let unreadCountSQL = "SELECT COUNT(*) FROM notification INDEXED BY notification_on_member_unread WHERE memberId = ? AND readAt IS NULL"

    /// One member's mail due now, rendered, with the cursor values it moves to.
    struct PendingMail {
        struct Message {
            let kind: MailKind
            let notificationId: Int64?
            let digestPeriod: String?
            let threadId: Int64?
            let messageId: String
            let subject: String
            let bytes: [UInt8]
        }
        let memberId: Int64
        let address: String
        let oldCursor: Int64
        let newCursor: Int64
        let oldDue: Date?
        let newDue: Date?
        let newLastDigest: Date?
        let messages: [Message]
        let tokens: [ReplyTokenRecord]
    }

    /// What one member is due, or nil when nothing is (and no cursor moves).
    static func pendingMail(_ db: Database, member row: Row, now: Date, host: String, settings: MailSettings, community: String,
                            room: Int, week: inout WeekSupport?) throws -> PendingMail? {
        let memberId: Int64 = row["memberId"]
        let choices = MailChoices(mentions: row["mentions"], replies: row["replies"], statuses: row["statuses"],
                                  digest: MailDigest(rawValue: row["digest"]) ?? .never)
        let cursor: Int64 = row["noticeCursor"]
        let due = row.date("digestDueAt")
        let name: String = row["displayName"]
        let to = MailAddress(name: name, address: row["address"])
        let from = MailAddress(name: community, address: settings.from!)
        var tokens: [ReplyTokenRecord] = []
        func token(thread: Int64?) throws -> String {
            if let made = tokens.first(where: { $0.threadId == thread }) { return made.token }
            if let live = try String.fetchOne(db, sql: liveReplyTokenSQL, arguments: [memberId, thread, (now + MailToken.renewal).stored]) {
                return live
            }
            var generator = SystemRandomNumberGenerator()
            let made = ReplyTokenRecord(token: MailToken.make(using: &generator), memberId: memberId, threadId: thread,
                                        createdAt: now, expiresAt: now + MailToken.lifetime)
            tokens.append(made)
            return made.token
        }
        func messageID(_ kind: MailKind, _ id: Int64) -> String {
            var generator = SystemRandomNumberGenerator()
            return "paddock.\(kind.rawValue).\(id).\(String(MailToken.make(using: &generator).prefix(10)))@\(host)"
        }

        var messages: [PendingMail.Message] = []
        var newCursor = cursor
        let notices = try Row.fetchAll(db, sql: noticesSQL, arguments: [memberId, cursor, min(noticesPerRun, room)])
        for notice in notices {
            newCursor = notice["id"]
            guard let kind = NotificationKind(rawValue: notice["kind"]).flatMap(MailKind.notice(for:)), choices.wants(kind) else { continue }
            // Hidden threads and posts never reach mail, whoever the member is.
            if notice["hidden"] as Bool? == true { continue }
            let postVisible = (notice["state"] as String?) == PostState.visible.rawValue
            if kind != .status, notice["body"] as String? != nil, !postVisible { continue }
            let threadId: Int64? = notice["threadId"]
            let content = NoticeContent(kind: kind, memberName: name, text: notice["text"], threadID: threadId,
                                        threadTitle: notice["title"], boardTitle: notice["boardTitle"],
                                        authorName: postVisible ? notice["authorName"] : nil, postBody: postVisible ? notice["body"] : nil)
            let unsubscribe = "unsubscribe+\(try token(thread: nil))@\(host)"
            let mail = MemberMail(messageID: messageID(kind, notice["id"]), from: from, to: to,
                                  replyTo: try threadId.map { "reply+\(try token(thread: $0))@\(host)" }, unsubscribe: unsubscribe,
                                  threadMessageID: threadId.map { "thread.\($0)@\(host)" }, date: now,
                                  subject: MailComposer.subject(content, community: community),
                                  body: MailComposer.body(content, community: community, unsubscribe: unsubscribe))
            messages.append(.init(kind: kind, notificationId: notice["id"], digestPeriod: nil, threadId: threadId,
                                  messageId: mail.messageID, subject: mail.subject, bytes: mail.bytes))
        }

        var newDue = due, newLastDigest = row.date("lastDigestAt")
        if let due, due <= now, messages.count < room, let period = choices.digest.period {
            var next = due
            while next <= now { next += period }
            newDue = next
            newLastDigest = now
            if week == nil { week = try WeekSupport(db, now: now) }
            let content = try digestContent(db, memberId: memberId, name: name, digest: choices.digest, now: now, week: week!)
            if !content.isEmpty {
                let unsubscribe = "unsubscribe+\(try token(thread: nil))@\(host)"
                let mail = MemberMail(messageID: messageID(.digest, memberId), from: from, to: to, replyTo: nil, unsubscribe: unsubscribe,
                                      threadMessageID: nil, date: now, subject: MailComposer.subject(content, community: community),
                                      body: MailComposer.body(content, community: community, unsubscribe: unsubscribe))
                messages.append(.init(kind: .digest, notificationId: nil, digestPeriod: "\(choices.digest.rawValue) \(due.stored)",
                                      threadId: nil, messageId: mail.messageID, subject: mail.subject, bytes: mail.bytes))
            }
        }
        guard newCursor != cursor || newDue != due else { return nil }
        return PendingMail(memberId: memberId, address: row["address"], oldCursor: cursor, newCursor: newCursor, oldDue: due, newDue: newDue,
                           newLastDigest: newLastDigest, messages: messages, tokens: tokens)
    }

    /// Moves each member's cursors unless another run moved them first, and
    /// inserts their messages as `sending`: the claim.
    static func claim(_ db: Database, _ pending: [PendingMail], host: String, now: Date) throws -> [ClaimedMail] {
        var claimed: [ClaimedMail] = []
        for work in pending {
            try db.execute(sql: """
                UPDATE mailPreference SET noticeCursor = ?, digestDueAt = ?, lastDigestAt = ?, updatedAt = ?
                WHERE memberId = ? AND noticeCursor = ? AND digestDueAt IS ? AND stoppedAt IS NULL
                """, arguments: [work.newCursor, work.newDue?.stored, work.newLastDigest?.stored, now.stored,
                                 work.memberId, work.oldCursor, work.oldDue?.stored])
            guard db.changesCount == 1 else { continue }
            for token in work.tokens { try token.insert(db, onConflict: .ignore) }
            for message in work.messages {
                var record = MailOutRecord(id: nil, memberId: work.memberId, kind: message.kind, notificationId: message.notificationId,
                                           digestPeriod: message.digestPeriod, threadId: message.threadId, messageId: message.messageId,
                                           address: work.address, subject: message.subject, state: .sending, attempts: 0,
                                           nextAttemptAt: now + MailRetry.lease, lastError: nil, message: Data(message.bytes),
                                           createdAt: now, sentAt: nil, bouncedAt: nil)
                try record.insert(db)
                claimed.append(ClaimedMail(id: record.id!, memberId: work.memberId, address: work.address,
                                           envelopeFrom: "bounce+\(record.id!)@\(host)", message: record.message!))
            }
        }
        return claimed
    }

    /// Records what sendmail did with claimed messages, in one transaction:
    /// sent; refused for now (queued for the next try, or given up after the
    /// last); or a hard bounce (given up, counted, and the member's mail
    /// stopped at ``MailPreferenceRecord/hardBounceLimit``).
    public func recordSends(_ outcomes: [(id: Int64, outcome: SendmailOutcome)]) throws {
        let now = self.now
        try writer.write { db in
            for (id, outcome) in outcomes {
                guard let mail = try MailOutRecord.fetchOne(db, key: id), mail.state == .sending else { continue }
                let attempts = mail.attempts + 1
                switch outcome {
                case .sent:
                    try db.execute(sql: "UPDATE mailOut SET state = 'sent', attempts = ?, sentAt = ?, nextAttemptAt = NULL, message = NULL WHERE id = ?",
                                   arguments: [attempts, now.stored, id])
                case .failed(let reason):
                    if try !Self.mailStopped(db, member: mail.memberId), let delay = MailRetry.delay(afterAttempts: attempts) {
                        try db.execute(sql: "UPDATE mailOut SET state = 'queued', attempts = ?, nextAttemptAt = ?, lastError = ? WHERE id = ?",
                                       arguments: [attempts, (now + delay).stored, reason, id])
                    } else {
                        try db.execute(sql: """
                            UPDATE mailOut SET state = 'failed', attempts = ?, nextAttemptAt = NULL, message = NULL, lastError = ? WHERE id = ?
                            """, arguments: [attempts, "given up after \(attempts) tries: " + reason, id])
                    }
                case .hardBounce(let reason):
                    try db.execute(sql: "UPDATE mailOut SET state = 'failed', attempts = ?, nextAttemptAt = NULL, message = NULL, lastError = ? WHERE id = ?",
                                   arguments: [attempts, reason, id])
                    try Self.countHardBounce(db, member: mail.memberId, now: now)
                }
            }
        }
    }

    /// Whether a member's mail stopped (or they have no mail settings at all).
    static func mailStopped(_ db: Database, member: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT stoppedAt IS NOT NULL FROM mailPreference WHERE memberId = ?", arguments: [member]) ?? true
    }

    /// One more hard bounce for a member; at the limit their mail stops.
    static func countHardBounce(_ db: Database, member: Int64, now: Date) throws {
        try db.execute(sql: "UPDATE mailPreference SET hardBounces = hardBounces + 1, updatedAt = ? WHERE memberId = ?",
                       arguments: [now.stored, member])
        try db.execute(sql: """
            UPDATE mailPreference SET stoppedAt = ?, stopReason = ?
            WHERE memberId = ? AND stoppedAt IS NULL AND hardBounces >= ?
            """, arguments: [now.stored, "\(MailPreferenceRecord.hardBounceLimit) hard bounces", member, MailPreferenceRecord.hardBounceLimit])
    }

    /// Where mail-out stands: counts by state, what waits or failed, whose mail stopped.
    public func mailOutStatus(limit: Int = 20) throws -> MailOutStatus {
        try writer.read { db in
            let host = MailSettings(stored: try Self.storedSettings(db)).host
            let counts = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM mailOut GROUP BY state")
                .map { ($0["state"] as String, $0["n"] as Int) })
            let members = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM mailPreference p JOIN memberAddress a ON a.memberId = p.memberId WHERE p.stoppedAt IS NULL
                """) ?? 0
            let problems = try Row.fetchAll(db, sql: """
                SELECT o.id, m.handle, o.kind, o.state, o.attempts, o.nextAttemptAt, o.lastError, o.createdAt
                FROM mailOut o INDEXED BY mailOut_on_state JOIN member m ON m.id = o.memberId
                WHERE o.state IN ('queued','failed','interrupted') ORDER BY o.state DESC, o.createdAt DESC LIMIT ?
                """, arguments: [limit]).map { row in
                    MailOutStatus.Problem(id: row["id"], handle: row["handle"], kind: MailKind(rawValue: row["kind"]) ?? .digest,
                                          state: MailState(rawValue: row["state"]) ?? .failed, attempts: row["attempts"],
                                          nextAttemptAt: row.date("nextAttemptAt"), reason: row["lastError"], createdAt: row.date("createdAt") ?? .distantPast)
                }
            let stopped = try Row.fetchAll(db, sql: """
                SELECT m.handle, p.stoppedAt, p.stopReason FROM mailPreference p JOIN member m ON m.id = p.memberId
                WHERE p.stoppedAt IS NOT NULL ORDER BY p.stoppedAt DESC LIMIT ?
                """, arguments: [limit]).map { row in
                    MailOutStatus.Stopped(handle: row["handle"], stoppedAt: row.date("stoppedAt") ?? .distantPast, reason: row["stopReason"] ?? "")
                }
            let stoppedCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mailPreference WHERE stoppedAt IS NOT NULL") ?? 0
            return MailOutStatus(host: host, members: members, counts: counts, problems: problems, stopped: stopped, stoppedCount: stoppedCount)
        }
    }
}

/// What one run of mail-out did.
public struct MailOutReport: Codable, Equatable, Sendable {
    public var sent = 0
    public var queued = 0
    public var failed = 0
    public init() {}
}

extension Community {
    /// Messages claimed per chunk: what a run that dies can leave interrupted.
    static let sendChunk = 100

    /// One run of mail-out: claims what is due a chunk at a time, hands each
    /// message to `send` (sendmail, or a bench's sink), and records each
    /// chunk's outcomes before claiming the next.
    public func sendDueMail(limit: Int, send: (ClaimedMail) -> SendmailOutcome) throws -> MailOutReport {
        var report = MailOutReport()
        var after: Int64? = 0
        var total = 0
        while let from = after, total < limit {
            let (mail, next) = try claimMail(limit: min(Self.sendChunk, limit - total), afterMember: from)
            var outcomes: [(id: Int64, outcome: SendmailOutcome)] = []
            // Members whose mail stopped at a hard bounce in this chunk: their other mail is not tried.
            var stopped: Set<Int64> = []
            for message in mail {
                if stopped.contains(message.memberId) {
                    outcomes.append((message.id, .failed("the member's mail stopped")))
                    report.failed += 1
                    continue
                }
                let outcome = send(message)
                switch outcome {
                case .sent: report.sent += 1
                case .failed: report.queued += 1
                case .hardBounce: report.failed += 1
                }
                outcomes.append((message.id, outcome))
                if case .hardBounce = outcome {
                    try recordSends(outcomes)
                    outcomes.removeAll()
                    if try writer.read({ db in try Self.mailStopped(db, member: message.memberId) }) { stopped.insert(message.memberId) }
                }
            }
            try recordSends(outcomes)
            total += mail.count
            after = next
        }
        return report
    }

    /// Bench set-up (`paddock bench`): gives the first `members` members an
    /// address and a daily digest due now, and a mail host if none is set.
    /// For a scratch copy of a community only.
    package func prepareMailForBench(members: Int) throws -> Int {
        let now = self.now
        return try writer.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO setting (key, value) VALUES ('mail_host', 'bench.invalid')")
            try db.execute(sql: """
                INSERT OR IGNORE INTO memberAddress (address, memberId)
                  SELECT 'member' || id || '@bench.invalid', id FROM member ORDER BY id LIMIT ?;
                INSERT OR REPLACE INTO mailPreference (memberId, mentions, replies, statuses, digest, noticeCursor, digestDueAt,
                                                       lastDigestAt, createdAt, updatedAt)
                  SELECT a.memberId, 1, 1, 1, 'daily', COALESCE((SELECT MAX(id) FROM notification), 0), ?, ?, ?, ?
                  FROM memberAddress a ORDER BY a.memberId LIMIT ?;
                """, arguments: [members, (now - 1).stored, (now - 86_400).stored, now.stored, now.stored, members])
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mailPreference WHERE digestDueAt <= ?", arguments: [now.stored]) ?? 0
        }
    }
}

// MARK: - Digests

/// The week's support per open suggestion and feature, read once per run that
/// sends a digest: one range of `supporter_on_time`, whatever the number of members.
struct WeekSupport {
    struct Entry { let id: Int64; let title: String; let status: String; let supporters: Int; let week: Int; let authorId: Int64 }
    /// Per feature, its suggestions with support this week, most first (at most a few).
    let byFeature: [Int64: [Entry]]
    let featureNames: [Int64: String]
    static let perFeature = 8

    init(_ db: Database, now: Date) throws {
        let rows = try Row.fetchAll(db, sql: Community.weekSupportSQL, arguments: [(now - 7 * 86_400).stored])
        var byFeature: [Int64: [Entry]] = [:]
        for row in rows {
            let entry = Entry(id: row["threadId"], title: row["title"], status: row["status"], supporters: row["supporterCount"],
                              week: row["week"], authorId: row["authorId"])
            byFeature[row["featureId"], default: []].append(entry)
        }
        self.byFeature = byFeature.mapValues { Array($0.sorted { ($0.week, $0.id) > ($1.week, $1.id) }.prefix(Self.perFeature)) }
        let ids = Array(self.byFeature.keys)
        featureNames = ids.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
            SELECT id, name FROM feature WHERE id IN (\(ids.map { _ in "?" }.joined(separator: ",")))
            """, arguments: StatementArguments(ids)).map { ($0["id"] as Int64, $0["name"] as String) })
    }
}

extension Community {
    /// Support given in the last week per open, visible suggestion, with its features.
    static let weekSupportSQL = """
        SELECT w.threadId, w.week, sf.featureId, sf.status, sf.supporterCount, t.title, t.authorId
        FROM (SELECT threadId, COUNT(*) AS week FROM supporter INDEXED BY supporter_on_time WHERE createdAt >= ? GROUP BY threadId) w
        JOIN thread t ON t.id = w.threadId
        JOIN suggestionFeature sf ON sf.threadId = w.threadId
        WHERE t.hidden = 0 AND sf.status IN \(Schema.openStatuses)
        """

    static func digestContent(_ db: Database, memberId: Int64, name: String, digest: MailDigest, now: Date, week: WeekSupport) throws -> DigestContent {
        let unreadCount = try Int.fetchOne(db, sql: unreadCountSQL, arguments: [memberId]) ?? 0
        let unread = try Row.fetchAll(db, sql: digestUnreadSQL, arguments: [memberId, MailComposer.digestUnreadShown]).compactMap { row -> DigestContent.Unread? in
            if row["hidden"] as Bool? == true { return nil }
            return DigestContent.Unread(text: row["text"], threadID: row["threadId"], at: row.date("createdAt") ?? now)
        }
        // The features the member engaged with, read as For you reads them (never through hidden threads).
        var engagements: [Engagement] = []
        for source in engagementSources {
            for row in try Row.fetchAll(db, sql: source.sql, arguments: ["member": memberId, "limit": ForYou.engagementsPerSource, "seesHidden": false]) {
                guard let at = row.date("at") else { continue }
                engagements.append(Engagement(kind: source.kind, featureId: row["featureId"], subject: row["subject"],
                                              suggestionId: row["suggestionId"], at: at))
            }
        }
        let strongest = ForYou.strongest(engagements, now: now)
        let features = strongest.sorted { ($0.value.weight, $0.key) > ($1.value.weight, $1.key) }.prefix(ForYou.featuresRead).map(\.key)
        var seen: Set<Int64> = []
        var picks: [(entry: WeekSupport.Entry, feature: Int64)] = []
        for feature in features {
            for entry in week.byFeature[feature] ?? [] where entry.authorId != memberId && seen.insert(entry.id).inserted {
                picks.append((entry, feature))
            }
        }
        picks.sort { ($0.entry.week, $0.entry.id) > ($1.entry.week, $1.entry.id) }
        var suggestions: [DigestContent.Suggestion] = []
        for pick in picks where suggestions.count < MailComposer.digestSuggestionsShown {
            // What they already support is no news to them.
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM supporter WHERE threadId = ? AND memberId = ?)",
                                 arguments: [pick.entry.id, memberId]) == true { continue }
            suggestions.append(.init(id: pick.entry.id, title: pick.entry.title, status: pick.entry.status, supporters: pick.entry.supporters,
                                     weekSupport: pick.entry.week, feature: week.featureNames[pick.feature] ?? ""))
        }
        return DigestContent(digest: digest, memberName: name, unreadCount: unreadCount, unread: unread, suggestions: suggestions)
    }
}
