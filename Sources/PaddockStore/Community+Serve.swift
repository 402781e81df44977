import Foundation
import GRDB
import PaddockCore

// MARK: - What serving reads

/// One of a member's SSH public keys, as `paddock member key list` shows it.
public struct MemberKeyView: Codable, Equatable, Sendable, FetchableRecord, StoredDates {
    public let handle: String
    public let algorithm: String
    public let fingerprint: String
    public let comment: String
    public let createdAt: Date
}

/// An invite code and what is left of it.
public struct InviteView: Codable, Equatable, Sendable, FetchableRecord, StoredDates {
    public let code: String
    public let role: Role
    public let usesLeft: Int
    public let usedCount: Int
    public let expiresAt: Date?
    public let createdByHandle: String
    public let createdAt: Date
}

// MARK: - Keys, invites, signing up

extension Community {
    /// The member with this id, as the rules see them now.
    public func actor(id: Int64) throws -> Actor {
        try writer.read { db in
            guard let member = try MemberRecord.fetchOne(db, key: id) else { throw CommunityError.notFound("no member #\(id)") }
            return member.actor
        }
    }

    /// The member a public key belongs to (`identity` is "algorithm base64"), or nil.
    public func member(forKey identity: String) throws -> Actor? {
        try writer.read { db in
            try MemberRecord.fetchOne(db, sql: """
                SELECT m.* FROM member m JOIN memberKey k ON k.memberId = m.id WHERE k.identity = ?
                """, arguments: [identity])?.actor
        }
    }

    /// The settings of `paddock serve` in force.
    public func serveSettings() throws -> ServeSettings {
        try writer.read { db in try Self.serveSettings(db) }
    }

    /// Adds a public key to a member (their own, or anyone's for admins). When the
    /// method returns, connecting with that key over `paddock serve` is that member.
    /// A key already held by anyone is refused, naming whose.
    @discardableResult
    public func addKey(by actor: Actor, to handle: String, key: MemberKeyLine) throws -> MemberKeyView {
        guard MemberKeyLine.algorithms.contains(key.algorithm) else {
            throw CommunityError.invalid("keys of type \(key.algorithm) are not supported; use \(MemberKeyLine.algorithms.sorted().joined(separator: ", "))")
        }
        let comment = String(key.comment.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7f }.prefix(200))
        let now = self.now
        return try writer.write { db in
            let actor = try Self.fresh(db, actor)
            let target = try Self.member(db, handle: handle)
            try Rules.changeKeys(by: actor, of: target.id!, now: now)
            try Self.insertKey(db, member: target, key: key, comment: comment, at: now)
            return try Self.keyView(db, identity: key.identity)
        }
    }

    /// A member's keys, oldest first (their own, or anyone's for admins).
    public func keys(of handle: String, by actor: Actor) throws -> [MemberKeyView] {
        try writer.read { db in
            let actor = try Self.fresh(db, actor)
            let target = try Self.member(db, handle: handle)
            try Rules.manageKeys(by: actor, of: target.id!)
            return try MemberKeyView.fetchAll(db, sql: Self.keySelect + " WHERE k.memberId = ? ORDER BY k.id", arguments: [target.id])
        }
    }

    /// Removes a member's key, named by its fingerprint. When the method returns,
    /// the key no longer opens a session (sessions already open go on).
    public func removeKey(by actor: Actor, from handle: String, fingerprint: String) throws {
        let now = self.now
        try writer.write { db in
            let actor = try Self.fresh(db, actor)
            let target = try Self.member(db, handle: handle)
            try Rules.changeKeys(by: actor, of: target.id!, now: now)
            try db.execute(sql: "DELETE FROM memberKey WHERE memberId = ? AND fingerprint = ?", arguments: [target.id, fingerprint])
            guard db.changesCount > 0 else { throw CommunityError.notFound("\(target.handle) has no key \(fingerprint)") }
        }
    }

    /// Creates an invite code for `uses` newcomers, valid for `expiresIn` seconds
    /// (nil: until used up). Staff invite members; admins invite any role.
    @discardableResult
    public func createInvite(by actor: Actor, role: Role = .member, uses: Int = 1, expiresIn: Int? = 7 * 86_400) throws -> InviteView {
        guard (1...1000).contains(uses) else { throw CommunityError.invalid("an invite is for 1–1000 uses") }
        try Rules.inviteLifetime(expiresIn)
        var generator = SystemRandomNumberGenerator()
        let code = InviteCode.generate(using: &generator)
        let now = self.now
        return try writer.write { db in
            let actor = try Self.fresh(db, actor)
            try Rules.invite(by: actor, role: role, now: now)
            try db.execute(sql: """
                INSERT INTO invite (code, role, usesLeft, expiresAt, createdById, createdAt) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [code, role.rawValue, uses, expiresIn.map { now.addingTimeInterval(TimeInterval($0)).stored }, actor.id, now.stored])
            return try InviteView.fetchOne(db, sql: Self.inviteSelect + " WHERE i.code = ?", arguments: [code])!
        }
    }

    /// Invites, newest first: those still usable, or all of them.
    public func invites(by actor: Actor, all: Bool = false, limit: Int = 100) throws -> [InviteView] {
        let now = self.now
        return try writer.read { db in
            try Rules.seeInvites(by: try Self.fresh(db, actor))
            let usable = all ? "" : " WHERE i.usesLeft > 0 AND (i.expiresAt IS NULL OR i.expiresAt > ?)"
            return try InviteView.fetchAll(db, sql: Self.inviteSelect + usable + " ORDER BY i.id DESC LIMIT ?",
                                           arguments: all ? [limit] : [now, limit])
        }
    }

    /// Whether a typed invite code can be used now; a refusal says why. Writes nothing.
    public func checkInvite(_ typed: String) throws {
        guard let code = InviteCode.normalise(typed) else { throw CommunityError.notFound("no such invite code") }
        let now = self.now
        _ = try writer.read { db in try Self.usableInvite(db, code: code, now: now) }
    }

    /// The invite row for `code` (id, role), refused when missing, expired or used up.
    static func usableInvite(_ db: Database, code: String, now: Date) throws -> Row {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, role, usesLeft, expiresAt FROM invite WHERE code = ?", arguments: [code]) else {
            throw CommunityError.notFound("no such invite code")
        }
        if let expires = row.date("expiresAt"), expires <= now {
            throw CommunityError.notPermitted("this invite expired on \(TimeText.describe(expires))")
        }
        guard (row["usesLeft"] as Int) > 0 else { throw CommunityError.notPermitted("this invite has been used up") }
        return row
    }

    /// Joins the community over SSH with a new key, as the `signup` setting
    /// allows: with an invite code (which decides the role and loses one use)
    /// or, when signup is open, without. When the method returns, the member
    /// exists and holds the key. On any refusal nothing is written.
    @discardableResult
    public func signUp(handle: String, key: MemberKeyLine, invite typedCode: String?) throws -> Actor {
        let handle = try Validate.handle(handle)
        let code = try typedCode.map { typed in
            guard let code = InviteCode.normalise(typed) else { throw CommunityError.notFound("no such invite code") }
            return code
        }
        let now = self.now
        return try writer.write { db in
            let settings = try Self.serveSettings(db)
            try Rules.signUp(policy: settings.signup, withInvite: code != nil)
            var role = Role.member
            if let code, settings.signup == .invite {
                let row = try Self.usableInvite(db, code: code, now: now)
                role = Role(rawValue: row["role"] as String) ?? .member
                try db.execute(sql: "UPDATE invite SET usesLeft = usesLeft - 1, usedCount = usedCount + 1 WHERE id = ?",
                               arguments: [row["id"] as Int64])
            }
            if let owner = try String.fetchOne(db, sql: """
                SELECT m.handle FROM memberKey k JOIN member m ON m.id = k.memberId WHERE k.identity = ?
                """, arguments: [key.identity]) {
                throw CommunityError.invalid("this key already belongs to \(owner)")
            }
            _ = try Self.insertMember(db, handle: handle, displayName: handle, role: role, at: now)
            let member = try Self.member(db, handle: handle)
            try Self.insertKey(db, member: member, key: key, comment: key.comment, at: now)
            return member.actor
        }
    }
}

// MARK: - Steps inside a transaction

extension Community {
    static func serveSettings(_ db: Database) throws -> ServeSettings {
        ServeSettings(stored: try storedSettings(db))
    }

    static func insertKey(_ db: Database, member: MemberRecord, key: MemberKeyLine, comment: String, at now: Date) throws {
        if let owner = try String.fetchOne(db, sql: """
            SELECT m.handle FROM memberKey k JOIN member m ON m.id = k.memberId WHERE k.identity = ?
            """, arguments: [key.identity]) {
            throw CommunityError.invalid(owner == member.handle ? "\(owner) already has this key" : "this key already belongs to \(owner)")
        }
        try db.execute(sql: """
            INSERT INTO memberKey (memberId, identity, algorithm, fingerprint, comment, createdAt) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [member.id, key.identity, key.algorithm, key.fingerprint, comment, now.stored])
    }

    static let keySelect = """
        SELECT m.handle, k.algorithm, k.fingerprint, k.comment, k.createdAt FROM memberKey k JOIN member m ON m.id = k.memberId
        """

    static func keyView(_ db: Database, identity: String) throws -> MemberKeyView {
        try MemberKeyView.fetchOne(db, sql: keySelect + " WHERE k.identity = ?", arguments: [identity])!
    }

    static let inviteSelect = """
        SELECT i.code, i.role, i.usesLeft, i.usedCount, i.expiresAt, m.handle AS createdByHandle, i.createdAt
        FROM invite i JOIN member m ON m.id = i.createdById
        """
}
