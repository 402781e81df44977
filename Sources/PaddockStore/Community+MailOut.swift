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
