import Foundation
import Testing
@testable import PaddockCore

/// The Atom writer: what members type comes out as well-formed XML, whatever it holds.
struct AtomFeedTests {
    @Test func markupBecomesEntitiesAndCDATAEndsCannotAppear() {
        #expect(XMLText.escaped("<script>alert(\"x\")</script> & ]]> 'q'")
                == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt; 'q'")
    }

    @Test func charactersXMLCannotCarryAreDroppedAndTheRestKept() {
        let hostile = "a\u{0}b\u{1B}[31mred\u{7}\u{8}\u{B}\u{C}\u{1F}\u{FFFE}\u{FFFF}c\td\ne"
        #expect(XMLText.escaped(hostile) == "ab[31mredc\td\ne")
        #expect(XMLText.representable(hostile) == "ab[31mredc\td\ne")
        // Text that is not markup and is allowed passes unchanged: RTL override, emoji, accents, CJK, C1 controls XML allows.
        let kept = "\u{202E}evil\u{202C} 🏍👩‍🔧 così 日本 \u{85}\u{9F}"
        #expect(XMLText.escaped(kept) == kept)
        #expect(XMLText.escaped("one\r\ntwo") == "one&#13;\ntwo")
    }

    @Test func everyScalarIsJudgedByXMLsCharRule() {
        for value: UInt32 in [0x0, 0x1, 0x8, 0xB, 0xC, 0xE, 0x1B, 0x1F, 0xFFFE, 0xFFFF] {
            #expect(!XMLText.allowed(Unicode.Scalar(value)!), "U+\(String(value, radix: 16)) should be dropped")
        }
        for value: UInt32 in [0x9, 0xA, 0xD, 0x20, 0x7F, 0xD7FF, 0xE000, 0xFFFD, 0x10000, 0x10FFFF] {
            #expect(XMLText.allowed(Unicode.Scalar(value)!), "U+\(String(value, radix: 16)) should be kept")
        }
    }

    private func entry(_ id: Int, at seconds: TimeInterval, text: String = "Body") -> AtomFeed.Entry {
        AtomFeed.Entry(id: "tag:x.example,2026-01-01:thread-\(id)", title: "T\(id) <b>", published: Date(timeIntervalSince1970: seconds),
                       updated: Date(timeIntervalSince1970: seconds), author: .init(name: "Ada (@ada)"), content: text)
    }

    @Test func theFeedsTimeIsItsNewestEntrysOrItsFixedStartWhenEmpty() {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let empty = AtomFeed(id: "tag:x,2023-11-14:feed", title: "Empty", emptyUpdated: start, entries: [])
        #expect(empty.xml.contains("<updated>2023-11-14T22:13:20Z</updated>"))
        let full = AtomFeed(id: "tag:x,2023-11-14:feed", title: "Full", emptyUpdated: start,
                            entries: [entry(2, at: 1_780_000_100), entry(1, at: 1_780_000_000)])
        #expect(full.updated == Date(timeIntervalSince1970: 1_780_000_100))
        #expect(full.xml == full.xml, "the same feed is the same bytes")
        #expect(full.xml.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        #expect(full.xml.contains("<title type=\"text\">T2 &lt;b&gt;</title>"))
    }

    @Test func tagsAreBuiltFromTheHostAndTheCommunitysFirstDay() {
        let since = Date(timeIntervalSince1970: 1_780_000_000)
        #expect(AtomFeed.tag(host: "ride.example.com", since: since, "status-7") == "tag:ride.example.com,2026-05-28:status-7")
    }

    @Test func kindsLimitsAndAddressesAreCheckedBeforeAnythingIsRead() throws {
        #expect(try FeedKind("announcements", slug: nil) == .announcements)
        #expect(try FeedKind("Roadmap", slug: nil) == .roadmap)
        #expect(try FeedKind("board", slug: "garage") == .board(slug: "garage"))
        #expect(throws: CommunityError.invalid("no feed 'blog'; feeds: announcements, board, roadmap")) { try FeedKind("blog", slug: nil) }
        #expect(throws: CommunityError.self) { try FeedKind("board", slug: nil) }
        #expect(throws: CommunityError.self) { try FeedKind("roadmap", slug: "x") }
        #expect(try FeedKind.limit(1) == 1)
        #expect(try FeedKind.limit(500) == 500)
        for bad in [0, -1, 501, Int.max] { #expect(throws: CommunityError.self) { try FeedKind.limit(bad) } }
        let base = try FeedKind.host(ofBaseURL: "https://Ride.Example.com/")
        #expect(base.host == "ride.example.com" && base.base == "https://Ride.Example.com")
        for bad in ["ride.example.com", "ftp://x.example", "https://", "not a url"] {
            #expect(throws: CommunityError.self) { try FeedKind.host(ofBaseURL: bad) }
        }
    }
}
