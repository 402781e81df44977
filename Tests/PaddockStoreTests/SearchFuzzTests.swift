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
}
