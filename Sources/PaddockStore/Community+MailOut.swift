import Foundation
import GRDB
import PaddockCore

// MARK: - Tokens and settings shared with mail-in

extension Community {
    /// The mail settings in force (`mail_host`, `mail_from`).
    public func mailSettings() throws -> MailSettings {
        try writer.read { db in MailSettings(stored: try Self.storedSettings(db)) }
    }

    /// The member's live token for a thread (`reply+TOKEN@`), or for their
    /// unsubscribe address when `thread` is nil: the one already made while it
    /// has more than ``MailToken/renewal`` left, else a new one valid for
    /// ``MailToken/lifetime``. When the method returns, the token is stored.
    public func replyToken(member: Int64, thread: Int64?, now: Date? = nil) throws -> String {
        let now = now ?? self.now
        return try writer.write { db in try Self.replyToken(db, member: member, thread: thread, now: now) }
    }

    static let liveReplyTokenSQL = """
        SELECT token FROM replyToken
        WHERE memberId = ? AND threadId IS ? AND expiresAt > ?
        ORDER BY expiresAt DESC LIMIT 1
        """

    /// ``replyToken(member:thread:now:)`` inside the caller's transaction.
    static func replyToken(_ db: Database, member: Int64, thread: Int64?, now: Date) throws -> String {
        if let token = try String.fetchOne(db, sql: liveReplyTokenSQL,
                                           arguments: [member, thread, now.addingTimeInterval(MailToken.renewal).stored]) {
            return token
        }
        var generator = SystemRandomNumberGenerator()
        while true {
            let token = MailToken.make(using: &generator)
            guard try ReplyTokenRecord.fetchOne(db, key: token) == nil else { continue }
            try ReplyTokenRecord(token: token, memberId: member, threadId: thread, createdAt: now,
                                 expiresAt: now.addingTimeInterval(MailToken.lifetime)).insert(db)
            return token
        }
    }
}

// MARK: - A member's address and choices

/// A member's mail settings as they and admins see them (never anyone else).
public struct MemberMailSettings: Codable, Equatable, Sendable {
    public var handle: String
    /// Nil while the member gave none.
    public var address: String?
    public var choices: MailChoices
    /// Why the mail stopped (unsubscribed, bounced, address cleared), nil while it flows.
    public var stoppedAt: Date?
    public var stopReason: String?
    public var hardBounces: Int
    /// When the next digest is due, nil for never.
    public var digestDueAt: Date?

    /// Whether mail goes out to this member now.
    public var receivesMail: Bool { address != nil && stoppedAt == nil }
}

extension MailKind: DatabaseValueConvertible {}
extension MailDigest: DatabaseValueConvertible {}
extension MailState: DatabaseValueConvertible {}

extension Community {
    /// A member's address and mail choices, for themselves or an admin.
    public func memberMail(of handle: String, viewer: Actor) throws -> MemberMailSettings {
        try writer.read { db in
            let viewer = try Self.fresh(db, viewer)
            let member = try Self.member(db, handle: handle)
            try Rules.manageMail(of: member.id!, by: viewer)
            return try Self.memberMail(db, member)
        }
    }

    static func memberMail(_ db: Database, _ member: MemberRecord) throws -> MemberMailSettings {
        let address = try String.fetchOne(db, sql: "SELECT address FROM memberAddress WHERE memberId = ?", arguments: [member.id!])
        let preference = try MailPreferenceRecord.fetchOne(db, key: member.id!)
        return MemberMailSettings(handle: member.handle, address: address, choices: preference?.choices ?? .standard,
                                  stoppedAt: preference == nil ? nil : preference!.stoppedAt, stopReason: preference?.stopReason,
                                  hardBounces: preference?.hardBounces ?? 0, digestDueAt: preference?.digestDueAt)
    }

    /// Gives a member's address (their own, or anyone's for an admin). When
    /// the method returns the address is the member's and their mail flows:
    /// mail stopped before (unsubscribed, bounced, cleared) starts again, and
    /// notices start from now, so no backlog goes out. An address another
    /// member holds is refused.
    @discardableResult
    public func setEmail(by actor: Actor, member handle: String, address: String) throws -> MemberMailSettings {
        let address = try EmailAddress.validate(address)
        let now = self.now
        return try writer.write { db in
            let actor = try Self.fresh(db, actor)
            let member = try Self.member(db, handle: handle)
            let id = member.id!
            try Rules.manageMail(of: id, by: actor)
            if let holder = try Int64.fetchOne(db, sql: "SELECT memberId FROM memberAddress WHERE address = ?", arguments: [address]), holder != id {
                throw CommunityError.invalid("that address belongs to another member; an admin can help")
            }
            try db.execute(sql: "DELETE FROM memberAddress WHERE memberId = ?", arguments: [id])
            try db.execute(sql: "INSERT INTO memberAddress (address, memberId) VALUES (?, ?)", arguments: [address, id])
            let newest = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM notification") ?? 0
            if var preference = try MailPreferenceRecord.fetchOne(db, key: id) {
                if preference.stoppedAt != nil {
                    preference.stoppedAt = nil
                    preference.stopReason = nil
                    preference.hardBounces = 0
                    preference.noticeCursor = newest
                    preference.digestDueAt = preference.digest.period.map { now + $0 }
                    preference.lastDigestAt = now
                }
                preference.updatedAt = now
                try preference.update(db)
            } else {
                let choices = MailChoices.standard
                try MailPreferenceRecord(memberId: id, mentions: choices.mentions, replies: choices.replies, statuses: choices.statuses,
                                         digest: choices.digest, hardBounces: 0, stoppedAt: nil, stopReason: nil, noticeCursor: newest,
                                         digestDueAt: choices.digest.period.map { now + $0 }, lastDigestAt: now,
                                         createdAt: now, updatedAt: now).insert(db)
            }
            return try Self.memberMail(db, member)
        }
    }

    /// Removes a member's address: no mail goes to them until they give one again.
    public func clearEmail(by actor: Actor, member handle: String) throws {
        let now = self.now
        try writer.write { db in
            let actor = try Self.fresh(db, actor)
            let member = try Self.member(db, handle: handle)
            try Rules.manageMail(of: member.id!, by: actor)
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM memberAddress WHERE memberId = ?)", arguments: [member.id!]) == true else {
                throw CommunityError.invalid("\(member.handle) has no email address")
            }
            try db.execute(sql: "DELETE FROM memberAddress WHERE memberId = ?", arguments: [member.id!])
            try db.execute(sql: """
                UPDATE mailPreference SET stoppedAt = ?, stopReason = 'address cleared', updatedAt = ? WHERE memberId = ? AND stoppedAt IS NULL
                """, arguments: [now.stored, now.stored, member.id!])
        }
    }

    /// Changes which mail a member gets; nil leaves a choice as it is. A
    /// digest turned on is first due one period from now.
    @discardableResult
    public func setMailChoices(by actor: Actor, member handle: String, mentions: Bool? = nil, replies: Bool? = nil,
                               statuses: Bool? = nil, digest: MailDigest? = nil) throws -> MemberMailSettings {
        let now = self.now
        return try writer.write { db in
            let actor = try Self.fresh(db, actor)
            let member = try Self.member(db, handle: handle)
            try Rules.manageMail(of: member.id!, by: actor)
            guard var preference = try MailPreferenceRecord.fetchOne(db, key: member.id!) else {
                throw CommunityError.invalid("\(member.handle) has no email address: `paddock member email set ADDRESS` first")
            }
            if let mentions { preference.mentions = mentions }
            if let replies { preference.replies = replies }
            if let statuses { preference.statuses = statuses }
            if let digest, digest != preference.digest {
                preference.digest = digest
                preference.digestDueAt = digest.period.map { now + $0 }
                preference.lastDigestAt = now
            }
            preference.updatedAt = now
            try preference.update(db)
            return try Self.memberMail(db, member)
        }
    }
}
