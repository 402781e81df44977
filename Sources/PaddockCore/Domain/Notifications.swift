import Foundation

/// The kinds of notification the inbox holds, as the `notification` table names them.
public enum NotificationKind: String, CaseIterable, Codable, Sendable {
    /// Someone replied to the member's post (or in their thread).
    case reply
    /// Someone @mentioned the member.
    case mention
    /// Someone replied in a thread the member watches.
    case watched
    /// A suggestion the member wrote or supports changed status, or was merged into another.
    case status
    /// A suggestion the member wrote or supports reached review, or expired.
    case milestone
    /// A moderator acted on the member's post, thread or standing, or the community's flags hid their post.
    case moderation

    /// The word the inbox shows for the kind.
    public var label: String { self == .watched ? "watching" : rawValue }
}

/// What a status, milestone or moderation notification says, as data: the
/// inbox stores it beside the sentence made from it, and lays out its rows
/// from it. Replies, mentions and watched threads need none: their row is the
/// thread's title.
public enum NotificationPayload: Codable, Equatable, Sendable {
    /// The suggestion is now `to`: the actor answered officially.
    case status(to: SuggestionStatus)
    /// The suggestion was merged into suggestion #`into`, titled `title`, where its support now counts.
    case merged(into: Int64, title: String)
    /// The suggestion reached its last milestone's `supporters` and goes to the team for review.
    case review(supporters: Int)
    /// The suggestion expired at `at` with `supporters` of the `needed`.
    case expired(supporters: Int, needed: Int, at: Date)
    /// A moderator's step on the member's thread, with the reason given ("" for none).
    case thread(news: ThreadNews, reason: String)
    /// What became of the member's post, with the moderator's reason ("" for none, or where the news says why).
    case post(news: PostNews, reason: String)
    case warned(reason: String)
    case silenced(until: Date, reason: String)
    case suspended(until: Date, reason: String)
    /// The member's suspension (or silence) was lifted.
    case lifted(suspension: Bool, reason: String)

    public var kind: NotificationKind {
        switch self {
        case .status, .merged: .status
        case .review, .expired: .milestone
        case .thread, .post, .warned, .silenced, .suspended, .lifted: .moderation
        }
    }

    /// News of a thread, split where the inbox row splits it: "“Title” is now
    /// planned: …" is the title, the verb (`is`, `was`, or none) and the news
    /// ("now planned: …"). The row puts the news first, where a narrow row keeps
    /// it, without a verb that would read as the actor's. Nil for news of the
    /// member's post or standing, whose row is the whole sentence, and for a
    /// status without the manager who answered.
    public func headline(actor: String?) -> (verb: String?, news: String)? {
        switch self {
        case .status(let status):
            guard let actor else { return nil }
            return ("is", "now \(status.label): \(actor) answered officially")
        case .merged(let id, let title): return ("was", "merged into #\(id) “\(title)”: your support counts there now")
        case .review(let supporters): return (nil, "reached \(supporters) supporters and goes to the team for review")
        case .expired(let supporters, let needed, let at):
            return (nil, "expired with \(supporters) of the \(needed) supporters it needed by \(TimeText.describe(at))")
        case .thread(let news, let reason):
            let (verb, words) = news.words
            return (verb, words + Self.because(reason))
        case .post, .warned, .silenced, .suspended, .lifted: return nil
        }
    }

    /// The whole notification in words, as the inbox stores it: the thread's
    /// title as it is when sent, and who acted (the manager who answered a status).
    public func sentence(title: String, actor: String?) -> String {
        switch self {
        case .post(let news, let reason): return "Your post in “\(title)” \(news.words)" + Self.because(news.why ?? reason)
        case .warned(let reason): return "A moderator warned you: \(reason)"
        case .silenced(let until, let reason): return "You are silenced until \(TimeText.describe(until)): \(reason)"
        case .suspended(let until, let reason): return "You are suspended until \(TimeText.describe(until)): \(reason)"
        case .lifted(let suspension, let reason): return "Your \(suspension ? "suspension" : "silence") was lifted" + Self.because(reason)
        case .status, .merged, .review, .expired, .thread:
            // Each of these has a headline once someone answered (a status names the manager).
            let (verb, news) = headline(actor: actor ?? Role.manager.withArticle)!
            return "“\(title)” " + (verb.map { $0 + " " } ?? "") + news
        }
    }

    /// A reason after the news, if there is one.
    private static func because(_ reason: String) -> String { reason.isEmpty ? "" : ": \(reason)" }
}

/// What a moderator did to a member's thread, as its notification tells them.
public enum ThreadNews: Codable, Equatable, Sendable {
    case locked, unlocked, pinned, unpinned, archived, hidden, unhidden
    /// Slow mode set to one post every `seconds` per member; 0 turned it off.
    case slowMode(seconds: Int)
    /// Moved between boards, named by their titles.
    case moved(from: String, to: String)

    /// The verb between the title and the news, and the news.
    var words: (verb: String, news: String) {
        switch self {
        case .locked: ("was", "locked by a moderator")
        case .unlocked: ("was", "unlocked")
        case .pinned: ("was", "pinned to the top of its board")
        case .unpinned: ("was", "unpinned")
        case .archived: ("was", "archived by a moderator")
        case .hidden: ("was", "hidden from members by a moderator")
        case .unhidden: ("is", "visible to members again")
        case .slowMode(0): ("is", "out of slow mode")
        case .slowMode(let seconds): ("is", "in slow mode, one post every \(TimeText.describe(seconds: seconds)) per member")
        case .moved(let from, let to): ("was", "moved from \(from) to \(to)")
        }
    }
}

/// What became of a member's post, as its notification tells them.
public enum PostNews: String, Codable, Sendable {
    /// The community's flags hid it until a moderator reviews it.
    case flagged
    /// A moderator agreed with the flags and kept it hidden, or removed it.
    case keptHidden, removedOnReview
    /// A moderator disagreed with the flags: it is visible again.
    case cleared
    /// A moderator took back their review decision: hidden pending review again, or visible again.
    case hiddenAgain, visibleAgain
    /// A moderator hid, restored or removed it.
    case hidden, restored, removed

    /// What the sentence says after "Your post in “Title” ".
    var words: String {
        switch self {
        case .flagged: "is hidden pending review"
        case .keptHidden: "was kept hidden by a moderator"
        case .removedOnReview: "was removed by a moderator"
        case .cleared, .visibleAgain, .restored: "is visible again"
        case .hiddenAgain: "is hidden pending review again"
        case .hidden: "is hidden"
        case .removed: "is removed"
        }
    }

    /// Why, where the news itself says it (the moderator's reason is not told).
    var why: String? {
        switch self {
        case .flagged: "members flagged it"
        case .cleared: "a moderator reviewed the flags"
        case .hiddenAgain, .visibleAgain: "a moderator took back their decision"
        case .keptHidden, .removedOnReview, .hidden, .restored, .removed: nil
        }
    }
}
