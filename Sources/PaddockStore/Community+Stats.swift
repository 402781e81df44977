import Foundation
import GRDB
import PaddockCore

extension Community {
    /// The manager's view: the figures of `query.period`, as much of them as
    /// the actor may see (`StatsPart.visible(to:)`).
    public func stats(by actor: Actor, _ query: StatsQuery) throws -> CommunityStats {
        throw CommunityError.invalid("stats: the store's side is being built")
    }
}
