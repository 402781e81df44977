import Foundation
import PaddockCore

/// The demo community: a motorcycle maker's forum with a year of history.
public enum DemoCommunity {
    /// Builds the demo into an empty community through the Community service,
    /// with `operatorHandle` as an admin. Deterministic: the same content and
    /// order every time; dates are laid out over the year before `endingAt`.
    public static func build(into community: Community, operator operatorHandle: String, endingAt: Date = Date()) throws {
        try community.bootstrapAdmin(handle: operatorHandle)
    }
}
