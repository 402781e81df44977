import Foundation
import PaddockCore
import PaddockStore

/// The manager's dashboard: the community's figures for a period.
enum DashboardEffects {
    /// The figures `query` asks for, as much of them as the member may see.
    struct LoadStats: Effect {
        var query: StatsQuery
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            do {
                return .answer(StatsLoaded(query: query, stats: try env.community.stats(by: env.member, query)))
            } catch {
                // Answered, not thrown: the dashboard says in its body that the figures are missing, not "Loading…" forever.
                return .answer(StatsNotRead(query: query, reason: PaddockApp.describe(error)))
            }
        }
    }
}

/// The figures of a period, read.
struct StatsLoaded: Answer {
    var query: StatsQuery
    var stats: CommunityStats
}

/// The figures of a period could not be read: why.
struct StatsNotRead: Answer {
    var query: StatsQuery
    var reason: String

    func follow(_ state: inout AppState) -> [Command] { [.setStatus(.error(reason))] }
}

extension Command {
    static func loadStats(_ query: StatsQuery) -> Command { .effect(DashboardEffects.LoadStats(query: query)) }
}
