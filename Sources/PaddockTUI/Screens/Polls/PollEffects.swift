import Foundation
import PaddockCore
import PaddockStore

/// Concept polls: loading one, voting, closing early.
enum PollEffects {
    /// A poll as this member sees it, for its thread's header and its vote screen.
    struct LoadPoll: Effect {
        var id: Int64
        /// The latest comments per feature to load, for a viewer who may read them (the vote screen).
        var comments = 0
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            .answer(PollLoaded(detail: try env.community.poll(id, viewer: env.member, comments: comments)))
        }
    }

    /// Casts or changes the member's vote: the same Community method as `paddock poll vote`.
    struct CastVote: Sending {
        var id: Int64
        var ballot: PollBallot
        var changing: Bool
        var comments = 0
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            var detail = try env.community.vote(by: env.member, poll: id, ballot: ballot)
            // The vote screen shows the latest comments to those who read them: the new one among them.
            if comments > 0 { detail = try env.community.poll(id, viewer: env.member, comments: comments) }
            return .answer(PollVoted(detail: detail, changed: changing))
        }
    }

    /// A manager closes the poll before its time.
    struct ClosePoll: Effect {
        var id: Int64
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            _ = try env.community.closePoll(by: env.member, poll: id)
            return .answer(PollClosed(detail: try env.community.poll(id, viewer: env.member, comments: PollLimits.commentsShown)))
        }
    }
}

extension Command {
    static func loadPoll(id: Int64, comments: Int = 0) -> Command { .effect(PollEffects.LoadPoll(id: id, comments: comments)) }
    static func castVote(id: Int64, ballot: PollBallot, changing: Bool, comments: Int = 0) -> Command {
        .effect(PollEffects.CastVote(id: id, ballot: ballot, changing: changing, comments: comments))
    }
    static func closePoll(id: Int64) -> Command { .effect(PollEffects.ClosePoll(id: id)) }
}

/// A poll as it now stands: every screen showing it (its thread's header, its vote screen) takes it.
protocol PollNews: Answer {
    var detail: PollDetail { get }
}

struct PollLoaded: PollNews {
    var detail: PollDetail
}

struct PollVoted: PollNews {
    var detail: PollDetail
    var changed: Bool

    func follow(_ state: inout AppState) -> [Command] {
        let voters = Plural.count(detail.voterCount, "voter")
        return [.setStatus(.info((changed ? "Vote changed" : "Vote counted") + ": \(voters)."
            + (detail.resultsVisible ? "" : " Results after it closes.")))]
    }
}

struct PollClosed: PollNews {
    var detail: PollDetail

    func follow(_ state: inout AppState) -> [Command] {
        [.setStatus(.info("Poll closed with \(Plural.count(detail.voterCount, "voter")): everyone sees the results."))]
    }
}
