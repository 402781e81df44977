import Foundation

/// What `paddock feed` publishes: the company blog, one public board, or the
/// roadmap's official status changes.
public enum FeedKind: Equatable, Sendable {
    case announcements
    case board(slug: String)
    case roadmap

    public static let names = ["announcements", "board", "roadmap"]

    /// The kind as typed: `announcements`, `board SLUG`, `roadmap`.
    public init(_ name: String, slug: String?) throws(CommunityError) {
        switch (name.lowercased(), slug) {
        case ("announcements", nil): self = .announcements
        case ("roadmap", nil): self = .roadmap
        case ("board", let slug?): self = .board(slug: slug)
        case ("board", nil): throw .invalid("a board feed needs the board's slug: paddock feed board SLUG")
        case ("announcements", _?), ("roadmap", _?): throw .invalid("the \(name.lowercased()) feed takes no slug")
        default: throw .invalid("no feed '\(name)'; feeds: \(Self.names.joined(separator: ", "))")
        }
    }

    /// Entries in one feed: 50 unless asked, never more than 500.
    public static let defaultLimit = 50
    public static let limits = 1...500

    public static func limit(_ n: Int) throws(CommunityError) -> Int {
        guard limits.contains(n) else { throw .invalid("--limit is \(limits.lowerBound)–\(limits.upperBound) entries") }
        return n
    }

    /// The host a feed's ids and links are built on: a web address's host, lowercased.
    public static func host(ofBaseURL text: String) throws(CommunityError) -> (base: String, host: String) {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty, host.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 })
        else { throw .invalid("--base-url must be a web address like https://community.example.com") }
        var base = text
        while base.hasSuffix("/") { base.removeLast() }
        return (base, host.lowercased())
    }
}

/// One entry as the store reads it: a thread's opening post, or a status change with its response.
public struct FeedItem: Equatable, Sendable {
    /// `thread-12` or `status-7`: with the community's host and date, the entry's id.
    public var key: String
    public var threadID: Int64
    public var title: String
    public var published: Date
    public var updated: Date
    public var authorName: String
    public var authorHandle: String
    public var text: String
    public var category: String?

    public init(key: String, threadID: Int64, title: String, published: Date, updated: Date,
                authorName: String, authorHandle: String, text: String, category: String? = nil) {
        (self.key, self.threadID, self.title, self.published, self.updated) = (key, threadID, title, published, updated)
        (self.authorName, self.authorHandle, self.text, self.category) = (authorName, authorHandle, text, category)
    }
}

/// A feed's entries with what names it, newest first.
public struct FeedSource: Equatable, Sendable {
    public var key: String
    public var title: String
    public var subtitle: String?
    /// When the community began: the date in every tag, and the empty feed's time.
    public var since: Date
    /// The `feed_host` setting: the host in ids when no base address names one.
    public var host: String
    public var items: [FeedItem]

    public init(key: String, title: String, subtitle: String?, since: Date, host: String, items: [FeedItem]) {
        (self.key, self.title, self.subtitle, self.since, self.host, self.items) = (key, title, subtitle, since, host, items)
    }

    /// The Atom document. Ids are tags on `host` (the setting's unless given); the feed links to the base address when there is one
    /// (entries carry their text, so they need no link of their own).
    ///
    /// Member text goes in as the terminal shows it (``SafeText``): many feed
    /// readers are terminal programs, and a C1 control, an escape sequence or
    /// a bidi override would work on them as on ours, or spoof a name.
    public func atom(host: String? = nil, baseURL: String? = nil) -> AtomFeed {
        let host = host ?? self.host
        return AtomFeed(id: AtomFeed.tag(host: host, since: since, "feed-\(key)"), title: SafeText.displayable(title),
                        subtitle: subtitle.map(SafeText.displayable), link: baseURL, emptyUpdated: since, entries: items.map { item in
            AtomFeed.Entry(id: AtomFeed.tag(host: host, since: since, item.key), title: SafeText.displayable(item.title),
                           published: item.published, updated: item.updated,
                           author: .init(name: SafeText.displayable("\(item.authorName) (@\(item.authorHandle))")),
                           content: SafeText.multiline(item.text).joined(separator: "\n"), category: item.category.map(SafeText.displayable))
        })
    }
}
