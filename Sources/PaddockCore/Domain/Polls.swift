import Foundation

// Concept polls: a manager puts a concept to the community as a thread of kind
// `poll`. It asks either one opinion per feature of a product (like, neutral,
// dislike, each with an optional short comment) or one single- or
// multiple-choice question of 2–12 options. One vote per member, changeable
// until the poll closes.

/// What a poll asks.
public enum PollKind: String, CaseIterable, Codable, Sendable {
    /// One opinion per feature of a product.
    case features
    /// Exactly one of the options.
    case single
    /// One or more of the options.
    case multiple

    public var label: String {
        switch self {
        case .features: "feature poll"
        case .single: "single choice"
        case .multiple: "multiple choice"
        }
    }
}

/// When a member sees the results: once they have voted, or once the poll has
/// closed. Managers see them always (they read the concept's reception).
public enum PollVisibility: String, CaseIterable, Codable, Sendable {
    case afterVote = "after_vote"
    case afterClose = "after_close"

    /// What a member who may not see them yet reads in their place.
    public var hiddenText: String {
        switch self {
        case .afterVote: "results after you vote"
        case .afterClose: "results after it closes"
        }
    }
}

/// A member's opinion of one feature in a feature poll.
public enum FeatureOpinion: String, CaseIterable, Codable, Sendable {
    case like, neutral, dislike

    /// The next opinion when Space cycles through them; after dislike, none.
    public var next: FeatureOpinion? {
        switch self {
        case .like: .neutral
        case .neutral: .dislike
        case .dislike: nil
        }
    }
}

/// What a manager asks, before it is stored.
public enum PollQuestion: Equatable, Sendable {
    /// Opinions on these features (slugs) of one product.
    case features(product: String, features: [String])
    /// A choice among 2–12 options; `multiple` lets a member pick several.
    case choice(options: [String], multiple: Bool)

    public var kind: PollKind {
        switch self {
        case .features: .features
        case .choice(_, let multiple): multiple ? .multiple : .single
        }
    }
}

/// One member's vote, as given: option numbers (1-based, as listed) for a
/// choice poll; an opinion and optional comment per option for a feature poll.
public enum PollBallot: Equatable, Sendable {
    case choices(Set<Int>)
    case opinions([Int: FeatureAnswer])
}

public struct FeatureAnswer: Equatable, Codable, Sendable {
    public var opinion: FeatureOpinion
    public var comment: String

    public init(_ opinion: FeatureOpinion, comment: String = "") {
        self.opinion = opinion
        self.comment = comment
    }
}

public enum PollLimits {
    public static let options = 2...12
    public static let features = 1...12
    public static let optionCharacters = 80
    public static let commentCharacters = 140
    /// The latest comments shown per feature: on the vote screen, and by `poll results` unless told.
    public static let commentsShown = 3
    /// The most `poll results --comments` lists per feature.
    public static let commentsListed = 1000
}

extension Rules {
    /// Putting a concept to the community is the brand's: managers and admins.
    public static func startPoll(by actor: Actor, now: Date) throws(CommunityError) {
        try mayWrite(actor, now: now)
        guard actor.role >= .manager else {
            throw .notPermitted("only managers and admins can start polls; \(actor.handle) is \(actor.role.withArticle)")
        }
    }

    /// Closing early is the brand's too.
    public static func closePoll(by actor: Actor, now: Date) throws(CommunityError) {
        try mayAct(actor, now: now)
        guard actor.role >= .manager else { throw .notPermitted("only managers and admins can close polls") }
    }

    /// Voting writes no text anyone reads as a post: only a suspension stops it
    /// (comments are short, and read only by managers and the poll's author: `readsPollComments`).
    public static func vote(by actor: Actor, now: Date) throws(CommunityError) {
        try mayAct(actor, now: now)
    }

    /// Who reads the comments on a feature poll: the brand's managers and the
    /// poll's author. Not members: a comment is an answer to the brand, not a
    /// post. It is never flagged, queued or reviewed by moderators as posts are,
    /// so showing it to everyone would open a channel nobody moderates; and
    /// reading others' reasons before voting would sway the answers the poll asks for.
    public static func readsPollComments(_ actor: Actor, authorID: Int64) -> Bool {
        actor.role >= .manager || actor.id == authorID
    }

    /// A vote with a comment writes text: a silenced member may vote (a click) but not comment.
    public static func vote(by actor: Actor, now: Date, ballot: PollBallot) throws(CommunityError) {
        try vote(by: actor, now: now)
        if case .opinions(let answers) = ballot, answers.values.contains(where: { !$0.comment.trimmingWhitespace.isEmpty }) {
            try mayWrite(actor, now: now)
        }
    }
}

/// The rules of a poll itself: its shape, whether it is open, who sees results.
public enum PollRules {
    /// The options of a choice poll, trimmed: 2–12 distinct one-line labels.
    public static func options(_ options: [String]) throws(CommunityError) -> [String] {
        guard PollLimits.options.contains(options.count) else {
            throw .invalid("a poll takes 2 to 12 options; \(options.count) given")
        }
        var seen: [String] = []
        for option in options {
            let label = try Validate.name(option, what: "option", limit: PollLimits.optionCharacters)
            guard !seen.contains(where: { sameLooking($0, label) }) else {
                throw .invalid("the option '\(label)' is given twice")
            }
            seen.append(label)
        }
        return seen
    }

    /// Whether two options would look the same to a voter: compared without
    /// invisible (format, zero-width) characters, case and runs of space.
    public static func sameLooking(_ a: String, _ b: String) -> Bool {
        func key(_ text: String) -> String {
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                let category = scalar.properties.generalCategory
                if category == .format || category == .control || scalar.properties.isDefaultIgnorableCodePoint { continue }
                scalars.append(scalar)
            }
            return String(scalars).lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        return key(a) == key(b)
    }

    /// The features of a feature poll: 1–12 distinct slugs.
    public static func featureSlugs(_ slugs: [String]) throws(CommunityError) -> [String] {
        var seen: [String] = []
        for slug in slugs {
            let s = try Validate.slug(slug)
            if !seen.contains(s) { seen.append(s) }
        }
        guard PollLimits.features.contains(seen.count) else {
            throw .invalid("a feature poll asks about 1 to 12 features of its product; \(seen.count) given")
        }
        return seen
    }

    /// A closing time must lie ahead, and no further than ten years.
    public static func closingTime(_ closesAt: Date?, now: Date) throws(CommunityError) {
        guard let closesAt else { return }
        guard closesAt > now else {
            throw .invalid("the closing time \(TimeText.describe(closesAt)) has passed: give a time ahead")
        }
        guard closesAt.timeIntervalSince(now) <= TimeInterval(TimeText.longestDuration) else {
            throw .invalid("the closing time \(TimeText.describe(closesAt)) is too far: a poll closes within \(TimeText.longestDurationText)")
        }
    }

    /// How the accepted forms of a closing time are named when one is refused.
    public static let closingForms = "a duration like 7d or 12h, or a UTC time like 2026-12-10 18:00"

    /// A closing time as typed: empty for none, a duration with its unit
    /// (a bare number is refused: `7` would close in seven seconds), or a UTC time.
    /// `checkTime` false checks the form only (a form checks again when it sends).
    public static func closingTime(parsing text: String, now: Date, checkTime: Bool = true) throws(CommunityError) -> Date? {
        let text = text.trimmingWhitespace
        if text.isEmpty { return nil }
        if let instant = TimeText.parseInstant(text) {
            if checkTime { try closingTime(instant, now: now) }
            return instant
        }
        if Int(text) != nil { throw .invalid("closes takes \(closingForms); '\(text)' has no unit") }
        if let last = text.lowercased().last, "smhdw".contains(last), let n = Int(text.dropLast()), n >= 0 {
            guard let seconds = TimeText.parseDuration(text) else {
                throw .invalid("closes takes at most \(TimeText.longestDurationText); \(n)\(last) is too far")
            }
            return now.addingTimeInterval(TimeInterval(seconds))
        }
        throw .invalid("closes takes \(closingForms)")
    }

    /// When the poll closed (or closes), if it has by `now`: closed early, or its time came.
    public static func closedAt(closesAt: Date?, closedAt: Date?, now: Date) -> Date? {
        if let closedAt { return closedAt }
        if let closesAt, closesAt <= now { return closesAt }
        return nil
    }

    /// The one line a closed poll answers a vote with.
    public static func closedLine(_ closed: Date) -> String {
        "the poll closed at \(TimeText.describe(closed)): it takes no more votes"
    }

    /// Refuses a vote on a closed poll.
    public static func requireOpen(closesAt: Date?, closedAt: Date?, now: Date) throws(CommunityError) {
        if let closed = self.closedAt(closesAt: closesAt, closedAt: closedAt, now: now) {
            throw .invalid(closedLine(closed))
        }
    }

    /// A moderator's lock or archive freezes a poll as it freezes replies: its
    /// counts stay as they were, for everyone.
    public static func requireVotable(_ thread: ThreadFacts) throws(CommunityError) {
        if thread.archived { throw .notPermitted("the poll is archived: it can be read but takes no votes") }
        if thread.locked { throw .notPermitted("the poll is locked: it takes no votes until a moderator unlocks it") }
    }

    /// A ballot that fits the poll: at least one answer, option numbers that
    /// exist, one choice only on a single-choice poll, comments short and one line.
    /// Returns the ballot with comments trimmed.
    public static func check(_ ballot: PollBallot, kind: PollKind, optionCount: Int) throws(CommunityError) -> PollBallot {
        func exists(_ n: Int) throws(CommunityError) {
            guard (1...max(1, optionCount)).contains(n) else {
                throw .invalid("there is no option \(n): the poll has \(optionCount) (1–\(optionCount))")
            }
        }
        switch (ballot, kind) {
        case (.choices(let chosen), .single), (.choices(let chosen), .multiple):
            guard !chosen.isEmpty else { throw .invalid("choose an option") }
            for n in chosen.sorted() { try exists(n) }
            if kind == .single, chosen.count > 1 {
                throw .invalid("this poll takes one choice; \(chosen.count) given")
            }
            return ballot
        case (.opinions(let answers), .features):
            guard !answers.isEmpty else { throw .invalid("give your opinion of at least one feature") }
            var trimmed: [Int: FeatureAnswer] = [:]
            for (n, answer) in answers.sorted(by: { $0.key < $1.key }) {
                try exists(n)
                let comment = answer.comment.trimmingWhitespace
                guard comment.count <= PollLimits.commentCharacters else {
                    throw .invalid("a comment is \(comment.count) characters; the limit is \(PollLimits.commentCharacters)")
                }
                guard !comment.contains(where: { $0.isNewline }) else { throw .invalid("a comment must be one line") }
                trimmed[n] = FeatureAnswer(answer.opinion, comment: comment)
            }
            return .opinions(trimmed)
        case (.choices, .features):
            throw .invalid("this is a feature poll: give an opinion (like, neutral, dislike) of its features")
        case (.opinions, _):
            throw .invalid("this poll asks for a choice among its options, not opinions of features")
        }
    }

    /// Whether a member sees the results now: staff always; others once they
    /// voted (after-vote polls) or once the poll closed.
    public static func resultsVisible(_ visibility: PollVisibility, role: Role, voted: Bool, closed: Bool, isAuthor: Bool = false) -> Bool {
        // The poll's author reads their own poll's results as they read its comments, whatever their role now.
        if role.isStaff || closed || isAuthor { return true }
        return visibility == .afterVote && voted
    }

    /// A count's share of a total, 0 when nothing was counted.
    public static func share(_ count: Int, of total: Int) -> Double {
        total > 0 ? Double(count) / Double(total) : 0
    }

    /// "34%": a share rounded to a whole percent.
    public static func percentText(_ count: Int, of total: Int) -> String {
        "\(Int((share(count, of: total) * 100).rounded()))%"
    }
}
