import Foundation
import PaddockCore
import PaddockStore

/// Profiles, helpful marks and leaderboards.
enum ProfileEffects {
    struct LoadProfile: Effect {
        var handle: String
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            .answer(ProfileLoaded(profile: try env.community.memberProfile(of: handle, viewer: env.member)))
        }
    }

    struct LoadLeaderboard: Effect {
        var product: String
        var days: Int
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            .answer(LeaderboardLoaded(board: try env.community.leaderboard(product: product, days: days, limit: LeaderboardScreen.limit)))
        }
    }

    /// Marks a reply helpful, or takes the mark back.
    struct SetHelpful: Sending {
        var post: Int64
        var thread: Int64
        var helpful: Bool
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            if helpful {
                try env.community.markHelpful(by: env.member, post: post)
            } else {
                try env.community.unmarkHelpful(by: env.member, post: post)
            }
            return .answer(HelpfulChanged(thread: thread, post: post, helpful: helpful))
        }
    }
}

struct ProfileLoaded: Answer {
    var profile: MemberProfile
}

/// A penalty the store refused; the profile reads itself again to see whether its form still makes sense.
struct PenaltyRefused: Answer {
    var handle: String
    var kind: PenaltyKind
    var why: String

    func follow(_ state: inout AppState) -> [Command] { [.setStatus(.error(why))] }
}

struct LeaderboardLoaded: Answer {
    var board: LeaderboardView
}

struct HelpfulChanged: Answer {
    var thread: Int64
    var post: Int64
    var helpful: Bool

    func follow(_ state: inout AppState) -> [Command] {
        [.setStatus(.info(helpful ? "Marked post \(post) helpful: its author earns the points. H again takes it back."
                                  : "Took back the helpful mark on post \(post)."))]
    }
}

extension Command {
    static func loadProfile(handle: String) -> Command { .effect(ProfileEffects.LoadProfile(handle: handle)) }
    static func loadLeaderboard(product: String, days: Int) -> Command { .effect(ProfileEffects.LoadLeaderboard(product: product, days: days)) }
    static func setHelpful(post: Int64, thread: Int64, helpful: Bool) -> Command {
        .effect(ProfileEffects.SetHelpful(post: post, thread: thread, helpful: helpful))
    }
}
