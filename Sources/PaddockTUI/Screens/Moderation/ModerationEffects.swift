import Foundation
import PaddockCore
import PaddockStore

/// Moderation: flags, the flag queue, moderators' actions, the log (records of conduct are part of profiles).
enum ModerationEffects {
    /// A flag, a review decision or a moderator's action on a post, thread or member.
    struct Moderate: Sending {
        var request: ModerationRequest
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            do {
                return .answer(Moderated(request: request, text: try outcome(env)))
            } catch let refusal as CommunityError {
                // A penalty refused goes back to the profile that asked, which may close its form.
                guard case .member(let handle, let kind, _, _) = request else { throw refusal }
                return .answer(PenaltyRefused(handle: handle, kind: kind, why: refusal.description))
            }
        }

        /// Performs the request; returns what to tell the member (the command line says the same).
        func outcome(_ env: EffectEnvironment) throws -> String {
            let (community, member) = (env.community, env.member)
            let undo = "u undoes"
            switch request {
            case .flag(let post, _, let reason, let note):
                let outcome = try community.flag(by: member, post: post, reason: reason, note: note)
                return ModerationOutcome.flagged(hidden: outcome.hidden, weight: outcome.weight, threshold: outcome.threshold).text()
            case .claim(let post):
                try community.claim(by: member, post: post)
                return ModerationOutcome.claimed(post: post).text()
            case .agree(let post, let reason, let remove):
                try community.agree(by: member, post: post, reason: reason, remove: remove)
                return ModerationOutcome.agreed(post: post, removed: remove).text(undo: undo)
            case .disagree(let post, let reason):
                try community.disagree(by: member, post: post, reason: reason)
                return ModerationOutcome.disagreed(post: post).text(undo: undo)
            case .ignore(let post):
                try community.ignore(by: member, post: post)
                return ModerationOutcome.ignored(post: post).text(undo: undo)
            case .undo(let post):
                let step = try community.undoReview(by: member, post: post)
                return ModerationOutcome.undone(post: post, step: step).text()
            case .post(let post, _, let action, let reason):
                try community.moderatePost(by: member, post: post, action: action, reason: reason)
                return ModerationOutcome.post(post, action).text()
            case .thread(let thread, let action, let reason):
                try community.moderateThread(by: member, thread: thread, action: action, reason: reason)
                return ModerationOutcome.thread(action).text()
            case .member(let handle, let kind, let until, let reason):
                switch kind {
                case .warn: try community.warn(by: member, member: handle, reason: reason)
                case .silence: try community.silence(by: member, member: handle, until: until ?? env.now, reason: reason)
                case .suspend: try community.suspend(by: member, member: handle, until: until ?? env.now, reason: reason)
                case .lift: try community.lift(by: member, member: handle, reason: reason)
                }
                return ModerationOutcome.member(handle: handle, kind, until: kind.lasts ? until ?? env.now : nil).text()
            }
        }
    }

    struct LoadFlagQueue: Effect {
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            .answer(FlagQueueLoaded(items: try env.community.flagQueue(by: env.member, limit: ModerationQueueScreen.limit)))
        }
    }

    /// A page of the moderation log; `publicView` is the members' view.
    struct LoadLog: Effect {
        var publicView: Bool
        var read: NewestFirstPage<ModerationLogEntry>.Read
        var limit: Int
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            let (community, member) = (env.community, env.member)
            let rows = switch read {
            case .older(let before): try community.moderationLog(viewer: member, public: publicView, before: before, limit: limit)
            case .newer(let after): try community.moderationLog(viewer: member, public: publicView, after: after, limit: limit)
            }
            return .answer(NewestFirstPage(rows: rows, read: read, limit: limit))
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

extension Command {
    static func moderate(_ request: ModerationRequest) -> Command { .effect(ModerationEffects.Moderate(request: request)) }
    static var loadFlagQueue: Command { .effect(ModerationEffects.LoadFlagQueue()) }
    static func loadModerationLog(public publicView: Bool, _ read: NewestFirstPage<ModerationLogEntry>.Read, limit: Int) -> Command {
        .effect(ModerationEffects.LoadLog(publicView: publicView, read: read, limit: limit))
    }
}
