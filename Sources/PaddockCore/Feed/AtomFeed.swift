import Foundation

/// Text made safe for an XML 1.0 document: characters XML cannot carry at all
/// are dropped, markup characters become entities. Whatever a member typed, the
/// document stays well formed and a reader gets back the text minus the dropped
/// characters.
public enum XMLText {
    /// Whether XML 1.0 allows the scalar in a document (its `Char` production):
    /// tab, newline and carriage return among the C0 controls, never U+FFFE or
    /// U+FFFF. Surrogates never reach here: a Swift String has none alone.
    public static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// `text` for an element's content or a quoted attribute value.
    public static func escaped(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars where allowed(scalar) {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)  // so "]]>" can never appear
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            // A carriage return would be folded into a newline by any parser: kept as written.
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// `text` with the characters XML cannot carry removed: what a reader gets back.
    public static func representable(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where allowed(scalar) { out.append(scalar) }
        return String(out)
    }
}

/// An Atom 1.0 document (RFC 4287): a feed and its entries, written the same
/// way byte for byte whenever the input is the same, so that a cron job
/// republishing it changes nothing when nothing changed.
public struct AtomFeed: Equatable, Sendable {
    public struct Person: Equatable, Sendable {
        public var name: String
        public var uri: String?
        public init(name: String, uri: String? = nil) { (self.name, self.uri) = (name, uri) }
    }

    public struct Entry: Equatable, Sendable {
        public var id: String
        public var title: String
        public var published: Date
        public var updated: Date
        public var author: Person
        public var content: String
        public var link: String?
        public var category: String?

        public init(id: String, title: String, published: Date, updated: Date, author: Person, content: String,
                    link: String? = nil, category: String? = nil) {
            (self.id, self.title, self.published, self.updated, self.author) = (id, title, published, updated, author)
            (self.content, self.link, self.category) = (content, link, category)
        }
    }

    public var id: String
    public var title: String
    public var subtitle: String?
    public var link: String?
    /// Used as `updated` when there are no entries: the feed's time must not be "now".
    public var emptyUpdated: Date
    public var entries: [Entry]

    public init(id: String, title: String, subtitle: String? = nil, link: String? = nil, emptyUpdated: Date, entries: [Entry]) {
        (self.id, self.title, self.subtitle, self.link, self.emptyUpdated, self.entries) = (id, title, subtitle, link, emptyUpdated, entries)
    }

    /// The feed's `updated`: its newest entry's, else the fixed fallback.
    public var updated: Date { entries.map(\.updated).max() ?? emptyUpdated }

    /// RFC 3339 in UTC to the second: "2026-05-28T20:26:40Z".
    public static func time(_ date: Date) -> String { UTCTime(date).iso8601 }

    /// A `tag:` URI (RFC 4151): `tag:HOST,YYYY-MM-DD:SPECIFIC`. The host and
    /// date are the community's and never change, so an entry keeps its id.
    public static func tag(host: String, since: Date, _ specific: String) -> String {
        "tag:\(host),\(UTCTime(since).dayText):\(specific)"
    }

    /// The whole document, UTF-8, ending in a newline.
    public var xml: String {
        var lines = ["<?xml version=\"1.0\" encoding=\"utf-8\"?>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">"]
        lines.append("  <id>\(XMLText.escaped(id))</id>")
        lines.append("  <title type=\"text\">\(XMLText.escaped(title))</title>")
        if let subtitle { lines.append("  <subtitle type=\"text\">\(XMLText.escaped(subtitle))</subtitle>") }
        if let link { lines.append("  <link rel=\"alternate\" href=\"\(XMLText.escaped(link))\"/>") }
        lines.append("  <updated>\(Self.time(updated))</updated>")
        lines.append("  <generator>Paddock</generator>")
        for entry in entries {
            lines.append("  <entry>")
            lines.append("    <id>\(XMLText.escaped(entry.id))</id>")
            lines.append("    <title type=\"text\">\(XMLText.escaped(entry.title))</title>")
            lines.append("    <published>\(Self.time(entry.published))</published>")
            lines.append("    <updated>\(Self.time(entry.updated))</updated>")
            lines.append("    <author>")
            lines.append("      <name>\(XMLText.escaped(entry.author.name))</name>")
            if let uri = entry.author.uri { lines.append("      <uri>\(XMLText.escaped(uri))</uri>") }
            lines.append("    </author>")
            if let link = entry.link { lines.append("    <link rel=\"alternate\" href=\"\(XMLText.escaped(link))\"/>") }
            if let category = entry.category { lines.append("    <category term=\"\(XMLText.escaped(category))\"/>") }
            lines.append("    <content type=\"text\">\(XMLText.escaped(entry.content))</content>")
            lines.append("  </entry>")
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }
}
