import Foundation
import GRDB
import PaddockCore

/// What `mail-in` did with a message it accepted.
public enum MailInResult: Equatable, Sendable {
    /// The reply is post `post` (position `position`) of thread `thread`.
    case posted(post: Int64, thread: Int64, position: Int, handle: String)
    /// A message with this Message-ID was posted before: delivered twice, posted once.
    case alreadyPosted(post: Int64)
    /// A program wrote it (auto-reply, bounce, list mail): nothing posted, nothing answered.
    case ignoredAutomatic(reason: String)
    /// The member's mail stopped (`already`: it had stopped before, or they had none).
    case unsubscribed(handle: String, already: Bool)
    /// A hard bounce counted for the member of the mail it names; `stopped` when it was the last one allowed.
    case bounceCounted(handle: String, hardBounces: Int, stopped: Bool)
    /// Mail to a bounce address that counts nothing: a delay (4.x.x), an
    /// auto-reply, a report already counted, a report about another address.
    case bounceIgnored(reason: String)
}

/// Why `mail-in` refused a message: the sender hears this one line.
public struct MailInRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The address is nobody's: unknown or expired token, a sender who is
        /// not the token's member, no community address at all (EX_NOUSER).
        case unknownAddress
        /// The community's rules refused the reply, or it has no text (EX_DATAERR).
        case refused
    }

    public var kind: Kind
    public var message: String
    public var description: String { message }

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

extension Community {
    /// Acts on one message piped to `mail-in` (see `IncomingMail`):
    ///
    /// - to `reply+TOKEN@`: posts the member's text in the token's thread, as
    ///   the member, through the same rules and writes as a reply in the app
    ///   (`reply(by:thread:body:)`), when the token exists, has not expired and
    ///   the From address is the token's member's address. The message's
    ///   Message-ID is kept in `mailMessage` in the same transaction, as import
    ///   keeps it: the same message delivered again posts nothing more.
    /// - to `unsubscribe+TOKEN@`: stops the member's mail. The token alone is
    ///   enough (whatever address the client sends from, even once expired):
    ///   stopping mail must always work, and harms nobody.
    /// - to `bounce+N@`: a delivery status report with a 5.x.x status for the
    ///   address mail row N went to counts one hard bounce for its member, once
    ///   per mail row; at five their mail stops.
    ///
    /// Automatic mail (auto-replies, bounces, list mail) to a reply or
    /// unsubscribe address is ignored, never answered. When the method throws,
    /// nothing was written.
    public func receiveMail(_ mail: IncomingMail) throws -> MailInResult {
        let now = self.now
        guard let address = mail.address else {
            if let reason = mail.automatic { return .ignoredAutomatic(reason: reason) }
            throw MailInRefusal(.unknownAddress, "no reply+, unsubscribe+ or bounce+ address of this community among the recipients")
        }
        switch address {
        case .reply(let token):
            if let reason = mail.automatic { return .ignoredAutomatic(reason: reason) }
            return try writer.write { db in try Self.postMailReply(db, mail: mail, token: token, now: now) }
        case .unsubscribe(let token):
            if let reason = mail.automatic { return .ignoredAutomatic(reason: reason) }
            return try writer.write { db in try Self.unsubscribe(db, token: token, now: now) }
        case .bounce(let id):
            return try writer.write { db in
                try Self.countBounce(db, mail: id, statuses: mail.deliveryStatuses, returned: mail.returnedMessageIDs, now: now)
            }
        }
    }

    static func postMailReply(_ db: Database, mail: IncomingMail, token: String, now: Date) throws -> MailInResult {
        guard let record = try ReplyTokenRecord.fetchOne(db, key: token), let threadID = record.threadId else {
            throw MailInRefusal(.unknownAddress, "this reply address is unknown: reply to a newer mail from the community, or post in Paddock")
        }
        guard record.expiresAt > now else {
            throw MailInRefusal(.unknownAddress, "this reply address expired on \(UTCTime(record.expiresAt).dayText): reply to a newer mail from the community, or post in Paddock")
        }
        let memberAddress = try String.fetchOne(db, sql: "SELECT address FROM memberAddress WHERE memberId = ?", arguments: [record.memberId])
        guard let memberAddress, memberAddress == mail.from.address.lowercased() else {
            throw MailInRefusal(.unknownAddress, "this reply address belongs to another member: reply from the address the mail was sent to")
        }
        if let row = try Row.fetchOne(db, sql: """
            SELECT m.postId, p.authorId FROM mailMessage m JOIN post p ON p.id = m.postId WHERE m.messageId = ?
            """, arguments: [mail.messageID]) {
            // The same message delivered again posts nothing; another member's Message-ID is no redelivery.
            guard row["authorId"] as Int64 == record.memberId else {
                throw MailInRefusal(.refused, "nothing was posted: this Message-ID belongs to another post; send the reply as a new message")
            }
            return .alreadyPosted(post: row["postId"])
        }
        guard let member = try MemberRecord.fetchOne(db, key: record.memberId) else {
            throw MailInRefusal(.unknownAddress, "this reply address is unknown: reply to a newer mail from the community, or post in Paddock")
        }
        guard !mail.replyText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw MailInRefusal(.refused, "nothing was posted: the reply has no text of its own (only quoted text or a signature)")
        }
        let view: PostView
        do {
            let body = try Validate.body(mail.replyText)
            view = try writeReply(db, by: member.actor, thread: threadID, body: body, replyTo: try answered(db, mail, member: record.memberId, thread: threadID), at: now)
        } catch let error as CommunityError {
            throw MailInRefusal(.refused, "nothing was posted: \(error.description)")
        }
        try db.execute(sql: "INSERT INTO mailMessage (messageId, postId) VALUES (?, ?)", arguments: [mail.messageID, view.id])
        return .posted(post: view.id, thread: threadID, position: view.position, handle: member.handle)
    }

    /// The post a reply by mail answers: the one the member's notice told of
    /// (its Message-ID in In-Reply-To), when it is in this thread and still shown;
    /// nil for a reply to the thread as a whole (a digest, a status notice).
    static func answered(_ db: Database, _ mail: IncomingMail, member: Int64, thread: Int64) throws -> Int64? {
        for id in mail.inReplyTo {
            if let post = try Int64.fetchOne(db, sql: """
                SELECT p.id FROM mailOut o JOIN notification n ON n.id = o.notificationId JOIN post p ON p.id = n.postId
                WHERE o.messageId = ? AND o.memberId = ? AND p.threadId = ? AND p.state = 'visible'
                """, arguments: [id, member, thread]) { return post }
        }
        return nil
    }

    static func unsubscribe(_ db: Database, token: String, now: Date) throws -> MailInResult {
        guard let record = try ReplyTokenRecord.fetchOne(db, key: token) else {
            throw MailInRefusal(.unknownAddress, "this unsubscribe address is unknown: stop the mail in Paddock (paddock member mail)")
        }
        let handle = try String.fetchOne(db, sql: "SELECT handle FROM member WHERE id = ?", arguments: [record.memberId]) ?? "member"
        try db.execute(sql: """
            UPDATE mailPreference SET stoppedAt = ?, stopReason = 'unsubscribed by mail', updatedAt = ?
            WHERE memberId = ? AND stoppedAt IS NULL
            """, arguments: [now.stored, now.stored, record.memberId])
        return .unsubscribed(handle: handle, already: db.changesCount == 0)
    }

    static func countBounce(_ db: Database, mail id: Int64, statuses: [DeliveryStatus], returned: [String], now: Date) throws -> MailInResult {
        guard let sent = try MailOutRecord.fetchOne(db, key: id) else {
            throw MailInRefusal(.unknownAddress, "this bounce address names no mail the community sent")
        }
        // bounce+N@ is guessable; the returned message's Message-ID (random) is not:
        // a report that does not carry it is not counted.
        guard returned.contains(sent.messageId) else {
            return .bounceIgnored(reason: statuses.isEmpty ? "not a delivery status report" : "the report does not return the mail it names")
        }
        // A bounce of mail to an address the member has since replaced says nothing of the new one.
        let current = try String.fetchOne(db, sql: "SELECT address FROM memberAddress WHERE memberId = ?", arguments: [sent.memberId])
        guard current?.lowercased() == sent.address.lowercased() else {
            return .bounceIgnored(reason: "the mail went to an address the member no longer uses")
        }
        // Only a report about the address the mail went to counts: a forged one
        // would have to know the member's address, which is never shown.
        let about = statuses.filter { $0.recipients.contains(sent.address.lowercased()) }
        guard about.contains(where: \.isHardBounce) else {
            if about.isEmpty { return .bounceIgnored(reason: statuses.isEmpty ? "not a delivery status report" : "the report is about another address") }
            return .bounceIgnored(reason: "a delay (\(about.map(\.status).joined(separator: ", "))), not a failure")
        }
        guard sent.bouncedAt == nil else { return .bounceIgnored(reason: "this mail's bounce was counted before") }
        try db.execute(sql: "UPDATE mailOut SET bouncedAt = ? WHERE id = ?", arguments: [now.stored, id])
        let handle = try String.fetchOne(db, sql: "SELECT handle FROM member WHERE id = ?", arguments: [sent.memberId]) ?? "member"
        // mail-out's own count (a hard failure at sendmail counts the same way).
        let before = try MailPreferenceRecord.fetchOne(db, key: sent.memberId)
        try countHardBounce(db, member: sent.memberId, now: now)
        let after = try MailPreferenceRecord.fetchOne(db, key: sent.memberId)
        let stopped = before != nil && before?.stoppedAt == nil && after?.stoppedAt != nil
        let count = after?.hardBounces ?? 0
        return .bounceCounted(handle: handle, hardBounces: count, stopped: stopped)
    }
}
