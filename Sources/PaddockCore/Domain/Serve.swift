import Foundation

/// Who may join when `paddock serve` meets a key it does not know.
public enum SignupPolicy: String, CaseIterable, Codable, Sendable {
    /// Unknown keys are refused: an admin adds every key (`paddock member key add`).
    case closed
    /// An unknown key may join with an invite code from `paddock invite create`, then picks a handle.
    case invite
    /// Anyone may join by picking a handle.
    case open
}

/// The settings of `paddock serve`, kept in the same `setting` table as the
/// moderation settings and changed with `paddock setting set`. The server reads
/// them at each new connection, so a change takes effect without a restart.
public struct ServeSettings: Equatable, Sendable {
    public var signup: SignupPolicy
    /// Sessions open at once on the whole server.
    public var maxSessions: Int
    /// Sessions one member may have open at once.
    public var maxSessionsPerMember: Int
    /// Minutes without a key press before a session says goodbye; 0 never.
    public var idleTimeoutMinutes: Int
    /// New connections one address may open in a minute; 0 means no limit.
    public var connectionsPerMinute: Int

    /// The defaults.
    public init() { self.init(stored: [:]) }

    /// Reads the stored values over the defaults; unknown or malformed values keep the default.
    public init(stored: [String: String]) {
        signup = SignupPolicy(rawValue: Setting.signup.value(in: stored)) ?? .closed
        maxSessions = Setting.maxSessions.number(in: stored)
        maxSessionsPerMember = Setting.maxSessionsPerMember.number(in: stored)
        idleTimeoutMinutes = Setting.idleTimeoutMinutes.number(in: stored)
        connectionsPerMinute = Setting.connectionsPerMinute.number(in: stored)
    }
}

/// A member's public key as an OpenSSH `authorized_keys` line holds it:
/// `ssh-ed25519 AAAA… comment`. The store keeps the algorithm and base64 body
/// (together, the key's identity) and the comment; the fingerprint is the one
/// `ssh-keygen -l` prints (`SHA256:` and unpadded base64), computed by whoever
/// parsed the line.
public struct MemberKeyLine: Equatable, Sendable {
    public let algorithm: String
    public let base64: String
    public let comment: String
    public let fingerprint: String

    public init(algorithm: String, base64: String, comment: String, fingerprint: String) {
        self.algorithm = algorithm
        self.base64 = base64
        self.comment = comment
        self.fingerprint = fingerprint
    }

    /// `algorithm base64`: what identifies the key, whatever its comment.
    public var identity: String { "\(algorithm) \(base64)" }

    /// Algorithms `paddock serve` can verify (swift-nio-ssh 0.15.1: Ed25519 and ECDSA over P-256, P-384, P-521; no RSA).
    public static let algorithms: Set<String> = ["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"]
}

/// Invite codes: what `paddock invite create` hands out and a newcomer types.
public enum InviteCode {
    /// Letters and digits nobody confuses when reading them aloud (no 0/o, 1/l/i).
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    /// A new code: 12 characters in three groups, about 59 bits.
    public static func generate<R: RandomNumberGenerator>(using generator: inout R) -> String {
        let chars = (0..<12).map { _ in alphabet.randomElement(using: &generator)! }
        return String(chars[0..<4]) + "-" + String(chars[4..<8]) + "-" + String(chars[8..<12])
    }

    /// A typed code as stored: lower case, without spaces; nil when it cannot be a code.
    public static func normalise(_ typed: String) -> String? {
        let kept = typed.lowercased().filter { !$0.isWhitespace }
        guard (1...40).contains(kept.count), kept.allSatisfy({ alphabet.contains($0) || $0 == "-" || ("0"..."9").contains($0) || ("a"..."z").contains($0) })
        else { return nil }
        return kept
    }
}

extension Rules {
    /// Members manage their own keys; admins manage everyone's.
    public static func manageKeys(by actor: Actor, of targetID: Int64) throws(CommunityError) {
        guard actor.id == targetID || actor.role >= .admin else {
            throw .notPermitted("only admins can manage another member's keys")
        }
    }

    /// Adding or removing a key: as ``manageKeys(by:of:)``, and never as a
    /// suspended member (``mayAct(_:now:)``): a key is a way in, and a suspended
    /// member has none until the suspension ends.
    public static func changeKeys(by actor: Actor, of targetID: Int64, now: Date) throws(CommunityError) {
        try mayAct(actor, now: now)
        try manageKeys(by: actor, of: targetID)
    }

    /// How long an invite lasts, in seconds (nil: until used up): more than 0, at
    /// most ``TimeText/longestDuration``, so its end is a time the store reads back.
    public static func inviteLifetime(_ seconds: Int?) throws(CommunityError) {
        guard let seconds else { return }
        if seconds <= 0 { throw .invalid("an invite must last longer than 0 seconds") }
        if seconds > TimeText.longestDuration {
            throw .invalid("an invite lasts at most \(TimeText.longestDurationText); create it with no end instead (never)")
        }
    }

    /// Staff invite members; only admins invite staff.
    public static func invite(by actor: Actor, role: Role, now: Date) throws(CommunityError) {
        try mayWrite(actor, now: now)
        guard actor.role >= .moderator else { throw .notPermitted("only moderators, managers and admins can create invites") }
        if role > .member, actor.role < .admin { throw .notPermitted("only admins can invite \(role.withArticle)") }
    }

    /// Staff see the invites.
    public static func seeInvites(by actor: Actor) throws(CommunityError) {
        guard actor.role >= .moderator else { throw .notPermitted("only moderators, managers and admins can list invites") }
    }

    /// Joining over SSH with a new key, as the community's `signup` setting allows.
    public static func signUp(policy: SignupPolicy, withInvite: Bool) throws(CommunityError) {
        switch policy {
        case .closed: throw .notPermitted("this community is closed to new members; ask an admin to add your key")
        case .invite where !withInvite: throw .notPermitted("joining needs an invite code")
        case .invite, .open: return
        }
    }
}
