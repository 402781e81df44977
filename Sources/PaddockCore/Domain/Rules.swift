import Foundation

/// The member on whose behalf a command runs, as the rules need to see them.
public struct Actor: Equatable, Sendable {
    public let id: Int64
    public let handle: String
    public let role: Role
    public let standing: Standing

    public init(id: Int64, handle: String, role: Role, standing: Standing = .active) {
        self.id = id
        self.handle = handle
        self.role = role
        self.standing = standing
    }
}

/// What a thread looks like to the rules deciding who may write in it.
public struct ThreadFacts: Equatable, Sendable {
    public var kind: ThreadKind
    public var locked: Bool
    public var archived: Bool
    public var hidden: Bool

    public init(kind: ThreadKind, locked: Bool = false, archived: Bool = false, hidden: Bool = false) {
        self.kind = kind
        self.locked = locked
        self.archived = archived
        self.hidden = hidden
    }
}

/// Who may do what. The Community service asks these before it writes, so every
/// front end gets the same answer. Each refusal names the rule.
public enum Rules {
    public static func addMember(by actor: Actor) throws(CommunityError) {
        try require(actor, .admin, "only admins can add members")
    }

    public static func setRole(by actor: Actor, of targetID: Int64, to role: Role) throws(CommunityError) {
        try require(actor, .admin, "only admins can change roles")
        if targetID == actor.id, role < actor.role {
            throw .notPermitted("admins cannot lower their own role; ask another admin")
        }
    }

    public static func addBoard(by actor: Actor) throws(CommunityError) {
        try require(actor, .admin, "only admins can add boards")
    }

    /// Importing a mailing list writes as many members as it names: admins only.
    public static func importMail(by actor: Actor) throws(CommunityError) {
        try require(actor, .admin, "only admins can import mail")
    }

    public static func manageCatalog(by actor: Actor) throws(CommunityError) {
        try require(actor, .manager, "only managers and admins can change the product catalog")
    }

    public static func startThread(by actor: Actor, kind: ThreadKind, now: Date) throws(CommunityError) {
        try mayWrite(actor, now: now)
        if kind == .announcement {
            try require(actor, .manager, "only managers and admins can post announcements; \(actor.handle) is a \(actor.role.rawValue)")
        }
    }

    public static func reply(by actor: Actor, in thread: ThreadFacts, now: Date) throws(CommunityError) {
        try mayWrite(actor, now: now)
        if thread.archived { throw .notPermitted("the thread is archived: it can be read but not replied to") }
        if thread.hidden, actor.role < .moderator { throw .notFound("no such thread") }
        if thread.locked, actor.role < .moderator { throw .notPermitted("the thread is locked: only moderators can reply") }
    }

    public static func edit(by actor: Actor, postAuthorID: Int64, thread: ThreadFacts, now: Date) throws(CommunityError) {
        try mayWrite(actor, now: now)
        guard postAuthorID == actor.id || actor.role >= .moderator else {
            throw .notPermitted("you can only edit your own posts")
        }
        if thread.archived, actor.role < .moderator { throw .notPermitted("the thread is archived: its posts can no longer be edited") }
    }

    /// Hidden and removed text stays readable to moderators, who judge it; members see a placeholder.
    public static func seesHiddenText(_ role: Role) -> Bool { role >= .moderator }

    /// Taking part at all: a suspended member cannot act, a silenced one cannot write.
    public static func mayWrite(_ actor: Actor, now: Date) throws(CommunityError) {
        try mayOpen(actor, at: now)
        if case .silenced(let until) = actor.standing.current(at: now) {
            throw .notPermitted("\(actor.handle) is silenced until \(TimeText.describe(until)) and cannot post until then")
        }
    }

    /// Opening the community at all: the app, a served session, a command as
    /// the member. A suspension stops it until it ends; a silence does not.
    /// Every front end asks this before it opens, so each refuses in the same words.
    public static func mayOpen(_ actor: Actor, at now: Date) throws(CommunityError) {
        if case .suspended(let until) = actor.standing.current(at: now) {
            throw .notPermitted("\(actor.handle) is suspended until \(TimeText.describe(until))")
        }
    }

    /// Acting at all, on one's own things included (watching, muting, the
    /// inbox, keys, support): a suspension stops it, a silence does not. A
    /// suspended member cannot open the community (``mayOpen(_:at:)``), so
    /// nothing may act for them.
    public static func mayAct(_ actor: Actor, now: Date) throws(CommunityError) {
        try mayOpen(actor, at: now)
    }

    private static func require(_ actor: Actor, _ role: Role, _ why: String) throws(CommunityError) {
        guard actor.role >= role else { throw .notPermitted(why) }
    }
}

// MARK: - Watch and mute

/// How a member follows a thread: watching hears of every reply by others;
/// muted never shows as unread and never notifies.
public enum WatchLevel: String, Codable, CaseIterable, Sendable {
    case watching, muted
}

extension Rules {
    /// Anyone who can read a thread may watch or mute it for themselves: it changes
    /// nothing anyone else sees, so a silenced member may; a suspended one may not
    /// act at all (``mayAct(_:now:)``).
    public static func follow(thread: ThreadFacts, by actor: Actor, now: Date) throws(CommunityError) {
        try mayAct(actor, now: now)
        if thread.hidden, !seesHiddenText(actor.role) { throw .notFound("no such thread") }
    }

    /// Members may mute anyone but themselves; staff posts fold like anyone's.
    public static func mute(member targetID: Int64, by actor: Actor, now: Date) throws(CommunityError) {
        try mayAct(actor, now: now)
        guard targetID != actor.id else { throw .invalid("you cannot mute yourself") }
    }

    /// Whether a mention of `mentioned` by `author` notifies: not your own, and
    /// not from someone you muted.
    public static func mentionNotifies(author: Int64, mentioned: Int64, mentionedMutesAuthor: Bool) -> Bool {
        author != mentioned && !mentionedMutesAuthor
    }
}
