import Foundation
import PaddockCore

/// One part of a profile, as both the app and `paddock member show` print it.
public struct ProfileSection: Equatable, Sendable {
    /// What the section is. New parts of a profile add a kind here and a
    /// section in ``MemberProfile/sections``.
    public enum Kind: String, Equatable, Sendable {
        case about, reputation, suggestions, credits, conduct
    }

    public let kind: Kind
    public let title: String
    /// Plain lines of member text: the printer makes them safe for a terminal.
    public let lines: [String]
    /// What the section says when it has no lines.
    public let empty: String

    public init(_ kind: Kind, _ title: String, lines: [String], empty: String = "") {
        self.kind = kind
        self.title = title
        self.lines = lines
        self.empty = empty
    }
}

extension MemberProfile {
    /// The profile in order: about (with the products they ride), the record of conduct when the viewer may
    /// see it (moderators: it is what they came for, so it comes before the
    /// rest), reputation, suggestions, credits.
    public var sections: [ProfileSection] {
        var sections = [
            ProfileSection(.about, "\(handle) · \(displayName)", lines: [
                "Joined \(TimeText.describe(joinedAt)) · \(role.rawValue) · \(postsText)",
            ] + (rides.isEmpty ? [] : ["Rides " + rides.joined(separator: ", ")])),
        ]
        if let conduct { sections.append(conductSection(conduct)) }
        sections += [
            ProfileSection(.reputation, "Reputation: \(Plural.count(reputation, "point"))",
                           lines: reputationByProduct.map { "\($0.productName): \($0.points)" }, empty: "No points yet."),
            ProfileSection(.suggestions, Self.title("Suggestions", suggestions.count, of: suggestionsTotal), lines: suggestions.map {
                "#\($0.id) \($0.title) · \($0.product) · \($0.status.label) · \(Plural.count($0.supporterCount, "supporter"))"
            }, empty: "No suggestions."),
            ProfileSection(.credits, Self.title("Credits", credits.count, of: creditsTotal), lines: credits.map(\.line), empty: "No credits yet."),
        ]
        return sections
    }

    /// "12 posts", or for a moderator "12 posts (3 hidden)": a member's count
    /// leaves hidden posts out, and a moderator sees how many there are.
    var postsText: String {
        let posts = Plural.count(postCount, "post")
        guard let hidden = hiddenPostCount, hidden > 0 else { return posts }
        return "\(posts) (\(hidden) hidden)"
    }

    /// "Suggestions (100 of 2908 shown)" when the list is cut.
    private static func title(_ title: String, _ shown: Int, of total: Int) -> String {
        let cut = Plural.shown(shown, of: total)
        return cut.isEmpty ? title : "\(title) (\(cut))"
    }

    private func conductSection(_ conduct: MemberRecordOfConduct) -> ProfileSection {
        var standing = "Standing: \(conduct.standing)"
        if let until = conduct.standingUntil { standing += " until " + TimeText.describe(until) }
        return ProfileSection(.conduct, "Record of conduct (moderators)", lines: [standing] + conduct.penalties.map { penalty in
            var line = "\(TimeText.describe(penalty.createdAt)) · \(penalty.kind.rawValue) by \(penalty.actorHandle)"
            if let until = penalty.until { line += " until " + TimeText.describe(until) }
            if !penalty.reason.isEmpty { line += ": " + penalty.reason }
            return line
        })
    }
}
