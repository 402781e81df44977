import Foundation
import GRDB
import PaddockCore

/// A member's choices about mail and where their mail stands (`mailPreference`, v16-mail).
public struct MailPreferenceRecord: Codable, Equatable, Sendable, FetchableRecord, StoredDates, PersistableRecord {
    public static let databaseTableName = "mailPreference"
    public var memberId: Int64
    public var mentions: Bool
    public var replies: Bool
    public var statuses: Bool
    public var digest: MailDigest
    /// Hard bounces counted so far; at ``MailPreferenceRecord/hardBounceLimit`` the mail stops.
    public var hardBounces: Int
    /// When the mail stopped (unsubscribed, bounced), nil while it flows.
    public var stoppedAt: Date?
    public var stopReason: String?
    /// The newest notification id already considered for an immediate notice.
    public var noticeCursor: Int64
    /// When the next digest is due; nil while the digest is never.
    public var digestDueAt: Date?
    /// The end of the period the last digest covered.
    public var lastDigestAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    /// Hard bounces after which a member's mail stops.
    public static let hardBounceLimit = 5

    public var choices: MailChoices {
        MailChoices(mentions: mentions, replies: replies, statuses: statuses, digest: digest)
    }

    public enum Columns {
        static let memberId = Column(CodingKeys.memberId)
        static let stoppedAt = Column(CodingKeys.stoppedAt)
        static let digestDueAt = Column(CodingKeys.digestDueAt)
        static let hardBounces = Column(CodingKeys.hardBounces)
    }
}

/// A token of a `reply+TOKEN@` (threadId set) or `unsubscribe+TOKEN@` (threadId nil) address (`replyToken`, v16-mail).
public struct ReplyTokenRecord: Codable, Equatable, Sendable, FetchableRecord, StoredDates, PersistableRecord {
    public static let databaseTableName = "replyToken"
    public var token: String
    public var memberId: Int64
    public var threadId: Int64?
    public var createdAt: Date
    public var expiresAt: Date

    public enum Columns {
        static let token = Column(CodingKeys.token)
        static let memberId = Column(CodingKeys.memberId)
        static let threadId = Column(CodingKeys.threadId)
        static let expiresAt = Column(CodingKeys.expiresAt)
    }
}

/// Where one message of mail-out stands (`mailOut.state`).
public enum MailState: String, Codable, Sendable, CaseIterable {
    /// Claimed by a run and being handed to sendmail.
    case sending
    case sent
    /// Refused by sendmail; tried again at `nextAttemptAt`.
    case queued
    /// Given up after the last retry, or refused for good.
    case failed
    /// A run died after claiming it: it may or may not have gone out, and is never sent again.
    case interrupted
}

/// One message of mail-out (`mailOut`, v16-mail). Its id names it in the
/// envelope sender `bounce+ID@host`, so a bounce finds it.
public struct MailOutRecord: Codable, Equatable, Sendable, FetchableRecord, StoredDates, MutablePersistableRecord {
    public static let databaseTableName = "mailOut"
    public var id: Int64?
    public var memberId: Int64
    public var kind: MailKind
    /// The notification a notice carries (unique: a notification is mailed once).
    public var notificationId: Int64?
    /// The period a digest covers, "daily 2026-12-03T06:00Z" (unique per member).
    public var digestPeriod: String?
    public var threadId: Int64?
    /// The Message-ID without its angle brackets.
    public var messageId: String
    public var address: String
    public var subject: String
    public var state: MailState
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var lastError: String?
    /// The rendered message while it may still go out; nil once sent or given up.
    public var message: Data?
    public var createdAt: Date
    public var sentAt: Date?
    /// When mail-in counted a bounce report naming this message.
    public var bouncedAt: Date?

    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let memberId = Column(CodingKeys.memberId)
        static let state = Column(CodingKeys.state)
        static let nextAttemptAt = Column(CodingKeys.nextAttemptAt)
        static let messageId = Column(CodingKeys.messageId)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
