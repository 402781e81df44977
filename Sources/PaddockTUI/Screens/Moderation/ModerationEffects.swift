import Foundation
import PaddockCore
import PaddockStore

/// Moderation: flags, the flag queue, moderators' actions, records of conduct, the log.
enum ModerationEffects {
    /// A flag, a review decision or a moderator's action on a post, thread or member.
    struct Moderate: Effect {
        var request: ModerationRequest
        var savesDraftFirst: Bool { true }

        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            .answer(Moderated(request: request, text: try outcome(env)))
        }

        /// Performs the request; returns what to tell the member.
        func outcome(_ env: EffectEnvironment) throws -> String {
            let (community, member) = (env.community, env.member)
            switch request {
            case .flag(let post, _, let reason, let note):
                let outcome = try community.flag(by: member, post: post, reason: reason, note: note)
                return outcome.hidden ? "Flagged: the post is hidden until a moderator reviews it."
                    : "Flagged: moderators will review it (\(outcome.weight) of \(outcome.threshold) to hide it)."
            case .claim(let post):
                try community.claim(by: member, post: post)
                return "Claimed post #\(post): it is yours for an hour."
            case .agree(let post, let reason, let remove):
                try community.agree(by: member, post: post, reason: reason, remove: remove)
                return "Agreed: post #\(post) \(remove ? "removed" : "kept hidden"); the author is told why (u undoes)."
            case .disagree(let post, let reason):
                try community.disagree(by: member, post: post, reason: reason)
                return "Disagreed: post #\(post) is visible again and its flags are cleared (u undoes)."
            case .ignore(let post):
                try community.ignore(by: member, post: post)
                return "Ignored: post #\(post) left the queue as it is (u undoes)."
            case .undo(let post):
                let step = try community.undoReview(by: member, post: post)
                let what = switch step {
                case "claim": "claim"
                case "agree": "agreement"
                case "agree-remove": "removal"
                case "disagree": "disagreement"
                default: "ignore"
                }
                return step == "claim" ? "Undone: your claim on post #\(post) is released."
                    : "Undone: your \(what) is taken back; post #\(post) is in the queue as it was before."
            case .post(let post, _, let action, let reason):
                try community.moderatePost(by: member, post: post, action: action, reason: reason)
                return "Post #\(post): \(action.rawValue) done."
            case .thread(let thread, let action, let reason):
                try community.moderateThread(by: member, thread: thread, action: action, reason: reason)
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
                case .slowMode(let seconds): "Slow mode: one post per member every \(Clock.describe(seconds: seconds))."
                }
            case .member(let handle, let kind, let until, let reason):
                switch kind {
                case .warn: try community.warn(by: member, member: handle, reason: reason)
                case .silence: try community.silence(by: member, member: handle, until: until ?? env.now, reason: reason)
                case .suspend: try community.suspend(by: member, member: handle, until: until ?? env.now, reason: reason)
                case .lift: try community.lift(by: member, member: handle, reason: reason)
                }
                return "\(handle): \(kind.rawValue) done; they are told why."
            }
        }
    }

    struct LoadFlagQueue: Effect {
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            .answer(FlagQueueLoaded(items: try env.community.flagQueue(by: env.member, limit: ModerationQueueScreen.limit)))
        }
    }

    struct LoadConduct: Effect {
        var handle: String
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            .answer(ConductLoaded(record: try env.community.conduct(of: handle, by: env.member)))
        }
    }

    /// A page of the moderation log older than `before` (nil: the newest); `public` is the members' view.
    struct LoadLog: Effect {
        var publicView: Bool
        var before: Int64?
        var limit: Int
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            let rows = try env.community.moderationLog(viewer: env.member, public: publicView, before: before, limit: limit)
            return .answer(ModerationLogLoaded(rows: rows, before: before, limit: limit))
        }
    }

    /// The page of the log just newer than entry `after` (0: the oldest page, for `G`).
    struct LoadLogNewer: Effect {
        var publicView: Bool
        var after: Int64
        var limit: Int
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            let rows = try env.community.moderationLog(viewer: env.member, public: publicView, after: after, limit: limit)
            return .answer(ModerationLogNewerLoaded(rows: rows, after: after, limit: limit))
        }
    }
}

/// A moderation request done, with what to tell the member.
struct Moderated: Answer {
    var request: ModerationRequest
    var text: String

    func follow(_ state: inout AppState) -> [Command] {
        if request.postID != nil { state.lastQueueStep = request.isUndoableQueueStep ? request : nil }
        return [.setStatus(.info(text)), .countFlagQueue]
    }
}

struct ConductLoaded: Answer {
    var record: MemberRecordOfConduct
}

struct ModerationLogLoaded: Answer {
    var rows: [ModerationLogEntry]
    var before: Int64?
    var limit: Int
}

struct ModerationLogNewerLoaded: Answer {
    var rows: [ModerationLogEntry]
    var after: Int64
    var limit: Int
}

extension Command {
    static func moderate(_ request: ModerationRequest) -> Command { .effect(ModerationEffects.Moderate(request: request)) }
    static var loadFlagQueue: Command { .effect(ModerationEffects.LoadFlagQueue()) }
    static func loadConduct(handle: String) -> Command { .effect(ModerationEffects.LoadConduct(handle: handle)) }
    static func loadModerationLog(public publicView: Bool, before: Int64?, limit: Int) -> Command {
        .effect(ModerationEffects.LoadLog(publicView: publicView, before: before, limit: limit))
    }
    static func loadModerationLogNewer(public publicView: Bool, after: Int64, limit: Int) -> Command {
        .effect(ModerationEffects.LoadLogNewer(publicView: publicView, after: after, limit: limit))
    }
}
