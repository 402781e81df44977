import Foundation
import PaddockCore
import PaddockStore

/// For you in `paddock bench`: the list as the most active member sees it
/// (the most posts: the most engagement to read), 20 entries as the CLI's default.
extension BenchRunner {
    func forYouMeasurements(community: Community) throws -> [Measurement] {
        guard let busiest = try community.members().max(by: { ($0.postCount, -$0.id) < ($1.postCount, -$1.id) }) else { return [] }
        let member = try community.actor(handle: busiest.handle)
        return [Measurement("forYou", "For you, 20 entries, as \(busiest.handle) (\(busiest.postCount) posts)",
                            try repeated { _ = try community.forYou(viewer: member, limit: 20) })]
    }
}
