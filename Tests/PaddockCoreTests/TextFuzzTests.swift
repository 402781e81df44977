import Foundation
import Testing
@testable import PaddockCore

/// How long fuzzing runs: a fixed, quick set of cases in `make test`;
/// `make fuzz` sets PADDOCK_FUZZ_SECONDS to keep generating for that long.
enum Fuzz {
    static var seconds: Double {
        Double(ProcessInfo.processInfo.environment["PADDOCK_FUZZ_SECONDS"] ?? "") ?? 0
    }

    /// Runs `body` with a fresh generator per case: `cases` of them, or more until the time is up.
    /// A failure names the seed, so the case can be replayed.
    static func run(cases: Int, _ body: (inout SplitMix64, UInt64) throws -> Void) rethrows {
        let deadline = Date().addingTimeInterval(seconds)
        let base: UInt64 = seconds > 0 ? UInt64.random(in: 1...UInt64.max / 2) : 0x5EED
        var index: UInt64 = 0
        while index < UInt64(cases) || Date() < deadline {
            let seed = base &+ index
            var random = SplitMix64(seed: seed)
            try body(&random, seed)
            index += 1
        }
    }
}


/// Text built from the pieces that break terminals and layouts.
enum HostileText {
    static let pieces: [String] = [
        "a", "Z", " ", "  ", "\t", "\n", "\r\n", "\r", "é", "e\u{301}", "日本", "한", "ｆ", "🏍", "🏍\u{FE0F}", "👩‍👩‍👧", "🇮🇹",
        "1\u{FE0F}\u{20E3}", "\u{1B}", "\u{1B}[", "\u{1B}[2J", "\u{1B}]0;title\u{07}", "\u{1B}]52;c;aGVsbG8=\u{07}", "\u{1B}P", "\u{1B}\\",
        "\u{9B}", "\u{9D}", "\u{07}", "\u{08}", "\u{00}", "\u{7F}", "\u{85}", "\u{202E}", "\u{2066}", "\u{200B}", "\u{200D}", "\u{FEFF}",
        "\u{AD}", "\u{0301}\u{0302}\u{0303}\u{0304}\u{0305}\u{0306}", "\u{E0041}", "\u{FFFD}", "\u{2028}", "x\u{0308}", "🏴\u{E0067}\u{E0062}\u{E007F}",
    ]

    static func make(_ random: inout SplitMix64, maxPieces: Int = 40) -> String {
        let count = Int.random(in: 0...maxPieces, using: &random)
        var text = ""
        for _ in 0..<count {
            if Int.random(in: 0..<8, using: &random) == 0 {
                // Raw bytes, as an import of someone else's file could hold.
                let bytes = (0..<Int.random(in: 1...6, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                text += SafeText.decodeUTF8(bytes)
            } else {
                text += pieces.randomElement(using: &random)!
            }
        }
        return text
    }
}

func isTerminalSafe(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return !(v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v))
}

@Suite struct TextFuzzTests {
    @Test func nothingUnsafeSurvivesTheSanitiser() {
        Fuzz.run(cases: 3000) { random, seed in
            let text = HostileText.make(&random)
            let line = SafeText.displayable(text)
            #expect(line.unicodeScalars.allSatisfy(isTerminalSafe), "seed \(seed): \(text.debugDescription) → \(line.debugDescription)")
            for row in SafeText.multiline(text) {
                #expect(row.unicodeScalars.allSatisfy(isTerminalSafe), "seed \(seed): \(text.debugDescription)")
                #expect(!row.contains("\n"))
            }
        }
    }

    @Test func widthIsTheSumOfItsGraphemesAndEachIsAtMostTwo() {
        Fuzz.run(cases: 3000) { random, seed in
            let text = SafeText.displayable(HostileText.make(&random))
            let widths = text.map { TextWidth.of($0) }
            #expect(widths.allSatisfy { (0...2).contains($0) }, "seed \(seed)")
            #expect(TextWidth.of(text) == widths.reduce(0, +), "seed \(seed)")
        }
    }

    @Test func wrappedLinesNeverExceedTheWidth() {
        Fuzz.run(cases: 2000) { random, seed in
            let text = HostileText.make(&random, maxPieces: 80)
            let width = Int.random(in: 1...60, using: &random)
            for line in TextWrap.lines(text, width: width) {
                #expect(TextWidth.of(line) <= width, "seed \(seed): width \(width), line \(line.debugDescription)")
                #expect(line.unicodeScalars.allSatisfy(isTerminalSafe), "seed \(seed)")
            }
            let column = Int.random(in: 0...40, using: &random)
            #expect(TextWidth.of(TextWrap.truncate(text, width: column)) <= column, "seed \(seed)")
            #expect(TextWidth.of(TextWrap.pad(text, width: column)) == column, "seed \(seed)")
        }
    }
}
