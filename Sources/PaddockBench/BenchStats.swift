import Foundation
import PaddockCore
import PaddockStore
import PaddockTUI

/// The manager's view in `paddock bench`: every figure of the dashboard for
/// the periods its key switches between, read as the bench's member (an
/// admin, who sees every part). The 30 days are what `D` opens on.
extension BenchRunner {
    func statsMeasurements(community: Community, member: Actor) throws -> [Measurement] {
        try DashboardScreen.periods.map { days in
            let query = StatsQuery(period: .last(days, endingAt: Date()))
            let name = days == DashboardScreen.periods[0] ? "dashboard" : "dashboard\(days)"
            return Measurement(name, "every figure of the dashboard over \(days) days", try repeated { _ = try community.stats(by: member, query) })
        }
    }
}
