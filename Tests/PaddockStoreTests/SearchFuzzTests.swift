import Foundation
import Testing
@testable import PaddockCore
@testable import PaddockStore

/// Whatever a member types into "similar suggestions", FTS5 never sees a syntax error.
@Suite struct SearchFuzzTests {
    static let pieces = ["seat", "Seat", "così", "\"", "\"\"", "'", "*", "-", "+", "^", ":", "(", ")", "{", "}", "AND", "OR", "NOT",
                         "NEAR", "NEAR(", "col:", "seat*", "-seat", "\\", "%", "_", "日本", "🏍", " ", "  ", "\t", "\n", "\u{1B}[2J",
                         "\u{0}", "\u{202E}", "e\u{301}", "x\"y", "a*b", "**", "--", "AND NOT", "\u{FFFD}"]

    @Test func anyTypedTextIsASafeQuery() throws {
        let c = try CoCreation()
        try c.suggest("Seat foam for long days")
        try c.suggest("Così il cupolino è troppo basso")
        let seconds = Double(ProcessInfo.processInfo.environment["PADDOCK_FUZZ_SECONDS"] ?? "") ?? 0
        let deadline = Date().addingTimeInterval(seconds)
        var index: UInt64 = 0
        while index < 400 || Date() < deadline {
            var random = SplitMix64(seed: 0xF75 &+ index)
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            #expect(throws: Never.self, "\(text.debugDescription)") { _ = try c.community.similarSuggestions(to: text) }
            index += 1
        }
    }

    /// The same pieces, plus filters and hostile text, through full search as a member and as a moderator.
    @Test func anyTypedSearchIsSafe() throws {
        let c = try CoCreation()
        try c.suggest("Seat foam for long days")
        try c.community.addBoard(by: c.f.admin, slug: "garage", title: "Garage")
        try c.community.startThread(by: c.f.member, board: "garage", title: "Così 日本 🏍", body: "AND OR NOT NEAR seat* \"quoted\"")
        let pieces = Self.pieces + ["board:", "board:garage", "author:marco", "is:unread", "is:supported", "before:2026-01-01",
                                    "after:2030-13-45", "status:new", "kind:suggestion", "feature:seat", "product:furia", "-\"", "\"seat"]
            + HostileCorpus.strings.map { String($0.prefix(30)) }
        let seconds = Double(ProcessInfo.processInfo.environment["PADDOCK_FUZZ_SECONDS"] ?? "") ?? 0
        let deadline = Date().addingTimeInterval(seconds)
        var index: UInt64 = 0
        while index < 400 || Date() < deadline {
            var random = SplitMix64(seed: 0x5EA4C4 &+ index)
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined(separator: index % 2 == 0 ? " " : "")
            let viewer = index % 3 == 0 ? c.f.moderator : c.f.member
            #expect(throws: Never.self, "\(text.debugDescription)") {
                let page = try c.community.search(text, viewer: viewer, limit: 5)
                if !page.searched { #expect(page.hint != nil) }
            }
            index += 1
        }
    }

    /// The demo community is searchable as soon as it is built.
    @Test func theDemoIsIndexed() throws {
        let database = try AppDatabase.inMemory()
        try DemoCommunity.build(database: database, operator: "owner")
        let community = Community(database: database)
        let owner = try community.actor(handle: "owner")
        let page = try community.search("\"riding mode\" feature:electronics -rain", viewer: owner)
        #expect(page.hits.count == 3)
        #expect(page.hits.allSatisfy { $0.threadTitle == "Remember the last riding mode after key-off" })
        #expect(try community.search("cosi", viewer: owner).hits.count >= 5)
    }
}
