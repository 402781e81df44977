import Foundation

/// The community's moderation settings, as stored in the `setting` table
/// (key → text). Missing keys take their ``Setting`` defaults.
public struct ModerationSettings: Equatable, Sendable {
    /// Flag weight at which a post is hidden pending review.
    public var flagThreshold: Int
    /// Members younger than this many days are "new" and rate-limited.
    public var newMemberDays: Int
    /// Threads a new member may open in any 24 hours.
    public var newMemberThreadsPerDay: Int
    /// Seconds a new member waits between two posts.
    public var newMemberPostInterval: Int
    /// Hours after posting during which authors may edit (moderators and up: any time).
    public var editWindowHours: Int
    /// Whether the public moderation log names the moderators who acted.
    public var modlogPublicNames: Bool

    /// The defaults.
    public init() { self.init(stored: [:]) }

    /// Reads the stored values over the defaults; unknown or malformed values keep the default.
    public init(stored: [String: String]) {
        flagThreshold = Setting.flagThreshold.number(in: stored)
        newMemberDays = Setting.newMemberDays.number(in: stored)
        newMemberThreadsPerDay = Setting.newMemberThreadsPerDay.number(in: stored)
        newMemberPostInterval = Setting.newMemberPostInterval.number(in: stored)
        editWindowHours = Setting.editWindowHours.number(in: stored)
        modlogPublicNames = Setting.modlogPublicNames.flag(in: stored)
    }
}

/// What a member's recent posting looks like to the rate limits.
public struct PostingHistory: Equatable, Sendable {
    public var memberSince: Date
    /// The member's latest post anywhere.
    public var lastPostAt: Date?
    /// Threads the member opened in the last 24 hours, oldest first.
    public var threadsInLastDay: [Date]
    /// The member's latest post in the thread being replied to.
    public var lastPostInThreadAt: Date?

    public init(memberSince: Date, lastPostAt: Date? = nil, threadsInLastDay: [Date] = [], lastPostInThreadAt: Date? = nil) {
        self.memberSince = memberSince
        self.lastPostAt = lastPostAt
        self.threadsInLastDay = threadsInLastDay
        self.lastPostInThreadAt = lastPostInThreadAt
    }
}

/// How long ago a review item may wait before the queue marks it overdue.
public enum ReviewQueue {
    public static let overdueAfter: TimeInterval = 48 * 3600
    /// A claim nobody acted on lapses after this long, so an item is never stuck.
    public static let claimLapsesAfter: TimeInterval = 3600
}

/// Edits close together count as one revision.
public enum EditGrace {
    public static let seconds: TimeInterval = 5 * 60
}

/// Moderation rules. Decisions (documented here, enforced by the service):
///
/// - Moderation is for moderators and up. A member action (warn, silence,
///   suspend, lift, penalty history aside) needs a role strictly above the
///   target's: moderators act on members, managers on moderators and members,
///   admins on everyone but other admins. Nobody acts on themselves.
/// - Hiding or removing a post, agreeing with flags on it, or hiding a thread
///   needs a role strictly above its author's (or the author being oneself):
///   moderators cannot silence each other's or staff's words.
/// - Housekeeping of a thread (lock, pin, move, archive, slow mode) is open to
///   any moderator, except on announcements, which belong to managers.
/// - Moderators and up are exempt from rate limits and slow mode.
extension Rules {
    public static func moderate(by actor: Actor) throws(CommunityError) {
        guard actor.role >= .moderator else {
            throw .notPermitted("only moderators, managers and admins can moderate; \(actor.handle) is a \(actor.role.rawValue)")
        }
    }

    /// Flagging: not one's own post, a note for `other`, and only when the member may write.
    public static func flag(by actor: Actor, postAuthorID: Int64, reason: FlagReason, note: String?, now: Date) throws(CommunityError) {
        try mayWrite(actor, now: now)
        if postAuthorID == actor.id { throw .notPermitted("you cannot flag your own post") }
        if reason == .other, (note ?? "").trimmingWhitespace.isEmpty {
            throw .invalid("a flag for 'other' needs a note saying what is wrong")
        }
    }

    /// A flag's weight: a member's counts 1; a moderator's reaches the threshold at once.
    public static func flagWeight(of role: Role, threshold: Int) -> Int {
        role >= .moderator ? max(threshold, 1) : 1
    }

    /// Acting on a member: a role strictly above theirs, never oneself.
    public static func actOnMember(by actor: Actor, target: Actor, now: Date) throws(CommunityError) {
        try moderate(by: actor)
        try mayWrite(actor, now: now)
        if target.id == actor.id { throw .notPermitted("you cannot moderate yourself") }
        guard target.role < actor.role else {
            throw .notPermitted("\(target.handle) is \(target.role.withArticle); only a role above theirs can act on them")
        }
    }

    /// Giving a member a penalty of `kind`: acting on them at all
    /// (``actOnMember(by:target:now:)``), and a lift only while a silence or
    /// suspension is in force. The service asks it before it writes; a profile
    /// asks it to offer only the penalties that can be given.
    public static func penalise(_ kind: PenaltyKind, by actor: Actor, target: Actor, now: Date) throws(CommunityError) {
        try actOnMember(by: actor, target: target, now: now)
        if kind == .lift, target.standing.current(at: now) == .active {
            throw .invalid("\(target.handle) is neither silenced nor suspended")
        }
    }

    /// Moving a thread into a board (after ``keepThread(by:kind:now:)``): a
    /// board takes threads of its own kind, and a poll goes in any board but a
    /// suggestion board, as when it is started (``ThreadKind/fits(inBoardOf:)``).
    public static func move(thread id: Int64, kind: ThreadKind, to board: String, holding boardKind: ThreadKind) throws(CommunityError) {
        guard kind.fits(inBoardOf: boardKind) else {
            if kind == .poll {
                throw .invalid("\(board) takes suggestions only; thread #\(id) is a poll, which can go in any other board")
            }
            throw .invalid("\(board) holds \(boardKind.rawValue) threads; thread #\(id) is \(kind.withArticle)")
        }
    }

    /// Hiding, removing or judging content: a role strictly above its author's, or one's own.
    public static func moderateContent(by actor: Actor, authorID: Int64, authorRole: Role, authorHandle: String, now: Date) throws(CommunityError) {
        try moderate(by: actor)
        try mayWrite(actor, now: now)
        guard authorID == actor.id || authorRole < actor.role else {
            throw .notPermitted("the author, \(authorHandle), is \(authorRole.withArticle); only a role above theirs can hide or remove their posts")
        }
    }

    /// Lock, pin, move, archive, slow mode: moderators, but announcements are the managers'.
    public static func keepThread(by actor: Actor, kind: ThreadKind, now: Date) throws(CommunityError) {
        try moderate(by: actor)
        try mayWrite(actor, now: now)
        if kind == .announcement, actor.role < .manager {
            throw .notPermitted("announcements are managed by managers and admins")
        }
    }

    /// The edit window: authors edit within `editWindowHours` of posting; moderators and up any time.
    public static func editWindow(by actor: Actor, postCreatedAt: Date, settings: ModerationSettings, now: Date) throws(CommunityError) {
        guard actor.role < .moderator else { return }
        let closes = postCreatedAt.addingTimeInterval(TimeInterval(settings.editWindowHours) * 3600)
        guard now < closes else {
            throw .notPermitted("posts can be edited for \(settings.editWindowHours) hours; this one closed at \(TimeText.describe(closes))")
        }
    }

    /// Rate limits for new members and a thread's slow mode. Moderators and up are
    /// exempt. A refusal says when the member may post again.
    public static func pace(by actor: Actor, history: PostingHistory, startingThread: Bool, slowModeSeconds: Int,
                            settings: ModerationSettings, now: Date) throws(CommunityError) {
        guard actor.role < .moderator else { return }
        if slowModeSeconds > 0, let last = history.lastPostInThreadAt {
            let next = last.addingTimeInterval(TimeInterval(slowModeSeconds))
            if next > now {
                throw .notPermitted("this thread is in slow mode (one post every \(TimeText.describe(seconds: slowModeSeconds)) per member); \(actor.handle) may post again at \(TimeText.describePrecisely(next))")
            }
        }
        let newUntil = history.memberSince.addingTimeInterval(TimeInterval(settings.newMemberDays) * 86_400)
        guard now < newUntil else { return }
        if settings.newMemberPostInterval > 0, let last = history.lastPostAt {
            let next = last.addingTimeInterval(TimeInterval(settings.newMemberPostInterval))
            if next > now {
                throw .notPermitted("new members post at most once every \(TimeText.describe(seconds: settings.newMemberPostInterval)); \(actor.handle) may post again at \(TimeText.describePrecisely(next))")
            }
        }
        if startingThread, history.threadsInLastDay.count >= settings.newMemberThreadsPerDay {
            let oldest = history.threadsInLastDay[history.threadsInLastDay.count - settings.newMemberThreadsPerDay]
            let next = oldest.addingTimeInterval(86_400)
            throw .notPermitted("new members open at most \(settings.newMemberThreadsPerDay) threads a day; \(actor.handle) may open another at \(TimeText.describePrecisely(next))")
        }
    }

    /// When a silence or suspension may end: after `now`, and at most
    /// ``TimeText/longestDuration`` (10 years) after it. Every front end's end time
    /// passes here, so a stored penalty always reads back.
    public static func penaltyEnd(_ until: Date, now: Date) throws(CommunityError) -> Date {
        guard until > now else { throw .invalid("the end time must be in the future") }
        let latest = now.addingTimeInterval(TimeInterval(TimeText.longestDuration))
        guard until <= latest else {
            throw .invalid("a silence or suspension lasts at most \(TimeText.longestDurationText): until \(TimeText.describe(latest)) at the latest")
        }
        return until
    }

    /// The reason a moderator gives: one line, not blank, at most 500 characters.
    public static func reason(_ text: String, required: Bool) throws(CommunityError) -> String {
        let trimmed = text.trimmingWhitespace
        if required, trimmed.isEmpty { throw .invalid("give a reason: the author and the moderation log receive it") }
        guard trimmed.count <= Limits.descriptionCharacters else {
            throw .invalid("the reason is \(trimmed.count) characters; the limit is \(Limits.descriptionCharacters)")
        }
        return trimmed
    }
}

/// What a moderator does to a thread.
public enum ThreadAction: Equatable, Sendable {
    case lock, unlock, pin, unpin, archive, hide, unhide
    case move(toBoard: String)
    /// Minimum seconds between two posts by one member; 0 turns slow mode off.
    case slowMode(seconds: Int)

    /// The word the moderation log records.
    public var name: String {
        switch self {
        case .lock: "lock"
        case .unlock: "unlock"
        case .pin: "pin"
        case .unpin: "unpin"
        case .archive: "archive"
        case .hide: "hide-thread"
        case .unhide: "unhide-thread"
        case .move: "move"
        case .slowMode: "slowmode"
        }
    }
}

/// What a moderator does to one post.
public enum PostAction: String, CaseIterable, Sendable {
    case hide, restore, remove
}

/// Penalties a member can receive, as the `penalty` table names them.
public enum PenaltyKind: String, CaseIterable, Codable, Sendable {
    case warn, silence, suspend, lift
}

extension ThreadKind {
    /// Whether a thread of this kind may live in a board that holds `boardKind`
    /// threads: its own kind; a poll also beside any other kind but suggestions
    /// (every thread of a suggestion board is a suggestion).
    public func fits(inBoardOf boardKind: ThreadKind) -> Bool {
        self == boardKind || (self == .poll && boardKind != .suggestion)
    }

    /// "a poll", "an announcement": for refusals.
    public var withArticle: String {
        (self == .announcement ? "an " : "a ") + rawValue
    }
}

/// What a moderator is told once a step is done, in the same words in the app
/// and on the command line.
public enum ModerationOutcome: Equatable, Sendable {
    /// A flag was recorded: the post's open flags weigh `weight`; at `threshold` it hides.
    case flagged(hidden: Bool, weight: Int, threshold: Int)
    case claimed(post: Int64)
    case agreed(post: Int64, removed: Bool)
    case disagreed(post: Int64)
    case ignored(post: Int64)
    /// A review step taken back: `step` as the moderation log names it (`claim`, `agree`, `agree-remove`, …).
    case undone(post: Int64, step: String)
    case post(Int64, PostAction)
    /// A thread action; a move names the board it went to as the moderator named it.
    case thread(ThreadAction)
    /// A penalty given or lifted; a silence or suspension runs `until`.
    case member(handle: String, PenaltyKind, until: Date? = nil)

    /// - Parameter undo: how this front end takes a review decision back
    ///   ("u undoes"), said after an agree, disagree or ignore; nil where there is no way.
    public func text(undo: String? = nil) -> String {
        let undoable = undo.map { " (\($0))" } ?? ""
        switch self {
        case .flagged(true, _, _): return "Flagged: the post is hidden until a moderator reviews it."
        case .flagged(false, let weight, let threshold): return "Flagged: moderators will review it (\(weight) of \(threshold) to hide it)."
        case .claimed(let post): return "Claimed post #\(post): it is yours for an hour."
        case .agreed(let post, let removed):
            return "Agreed: post #\(post) \(removed ? "removed" : "kept hidden"); the author is told why\(undoable)."
        case .disagreed(let post): return "Disagreed: post #\(post) is visible again and its flags are cleared\(undoable)."
        case .ignored(let post): return "Ignored: post #\(post) left the queue as it is\(undoable)."
        case .undone(let post, "claim"): return "Undone: your claim on post #\(post) is released."
        case .undone(let post, let step):
            let what = switch step {
            case "agree": "agreement"
            case "agree-remove": "removal"
            case "disagree": "disagreement"
            default: "ignore"
            }
            return "Undone: your \(what) is taken back; post #\(post) is in the queue as it was before."
        case .post(let post, let action):
            return switch action {
            case .hide: "Post #\(post) is hidden from members; its author is told why."
            case .restore: "Post #\(post) is visible again; its author is told."
            case .remove: "Post #\(post) is removed; its author is told why."
            }
        case .thread(let action):
            return switch action {
            case .lock: "Locked: only moderators can reply now."
            case .unlock: "Unlocked: members can reply again."
            case .pin: "Pinned to the top of its board."
            case .unpin: "Unpinned."
            case .archive: "Archived: still listed and readable, no longer replied to."
            case .hide: "Hidden from members; moderators still see it."
            case .unhide: "Visible to members again."
            case .move(let board): "Moved to \(board)."
            case .slowMode(0): "Slow mode off."
            case .slowMode(let seconds): "Slow mode: one post per member every \(TimeText.describe(seconds: seconds))."
            }
        case .member(let handle, let kind, let until):
            let end = until.map { " until \(TimeText.describe($0))" } ?? ""
            return switch kind {
            case .warn: "\(handle) is warned; they are told why."
            case .silence: "\(handle) is silenced\(end); they are told why."
            case .suspend: "\(handle) is suspended\(end); they are told why."
            case .lift: "\(handle) is active again; they are told."
            }
        }
    }
}

/// The words members read about moderation, defined once for the app and the
/// command line: who acted in the public log, and why a post is not shown.
public enum ModerationWording {
    /// The logged reason of an automatic hide that a moderator's flag caused.
    public static let autoHideByModerator = "a moderator flagged it"

    /// Who the public moderation log says acted, when it does not name them:
    /// the kind of actor the action takes. An automatic hide is the community's
    /// flags' doing (or, as its logged reason says, a moderator's flag's), a
    /// role change an admin's, a suggestion's status or merge a manager's, the
    /// rest a moderator's.
    public static func publicActor(action: String, reason: String) -> String {
        switch action {
        case "auto-hide": reason == autoHideByModerator ? "a moderator's flag" : "the community's flags"
        case "role": Role.admin.withArticle
        case "status", "merge": Role.manager.withArticle
        default: Role.moderator.withArticle
        }
    }

    /// What a hidden or removed post shows in its place, from the moderation
    /// step that last set its state (an action of the log, and its reason).
    /// The reason is public already: the public moderation log shows it.
    public static func placeholder(state: PostState, action: String?, reason: String?) -> String {
        let why = reason.map { $0.trimmingWhitespace }.flatMap { $0.isEmpty ? nil : $0 }
        func with(_ text: String) -> String { "[" + text + (why.map { ": " + $0 } ?? "") + "]" }
        switch (state, action) {
        case (.visible, _): return ""
        case (.hidden, "auto-hide"):
            return why == autoHideByModerator ? "[hidden pending review: a moderator flagged it]"
                : "[hidden automatically by the community's flags, pending a moderator's review]"
        case (.hidden, "hide"): return with("hidden by a moderator")
        case (.hidden, "agree"): return with("hidden by a moderator after reviewing the flags")
        case (.hidden, _): return "[hidden pending a moderator's review]"
        case (.removed, "agree-remove"): return with("removed by a moderator after reviewing the flags")
        case (.removed, _): return with("removed by a moderator")
        }
    }

    /// The state each logged post step leaves a post in; nil for steps that
    /// change no state (a flag, a claim, an ignore).
    public static func postState(after action: String) -> PostState? {
        switch action {
        case "auto-hide", "hide", "agree": .hidden
        case "remove", "agree-remove": .removed
        case "restore", "disagree": .visible
        default: nil
        }
    }
}
