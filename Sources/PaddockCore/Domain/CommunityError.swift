/// Why the community refused a command. Every refusal says why in one line a
/// member can act on; on any of them nothing was written.
public enum CommunityError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The thing named does not exist (or is not visible to the actor).
    case notFound(String)
    /// The actor may not do this; the text says which rule refused it.
    case notPermitted(String)
    /// The input breaks a rule about its shape: empty, too long, malformed, taken.
    case invalid(String)

    public var description: String {
        switch self {
        case .notFound(let m), .notPermitted(let m), .invalid(let m): m
        }
    }
}
