import Testing
@testable import PaddockCore

typealias SeededGenerator = SplitMix64

/// Random already-safe text: ASCII words, CJK, emoji clusters, letters with
/// combining marks, runs of spaces, now and then a very long word.
func randomText(_ rng: inout SeededGenerator) -> String {
    let cjk = Array("日本語のテキスト한국어中文ｆｕｌｌ")
    let emoji = ["😀", "👩‍👩‍👧", "🇮🇹", "1️⃣", "👍🏽", "✈️", "✈", "🏍", "❤️‍🔥", "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"]
    let marks: [Unicode.Scalar] = ["\u{0301}", "\u{0308}", "\u{0323}", "\u{20DD}"]
    var s = ""
    for _ in 0..<Int.random(in: 0...40, using: &rng) {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0...2:
            let n = Int.random(in: 1...12, using: &rng)
            s += String((0..<n).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0x21...0x7E, using: &rng))) })
        case 3:
            s += String((0..<Int.random(in: 1...8, using: &rng)).map { _ in cjk.randomElement(using: &rng)! })
        case 4:
            s += emoji.randomElement(using: &rng)!
        case 5:
            var w = String.UnicodeScalarView()
            w.append(Unicode.Scalar(UInt8.random(in: 0x61...0x7A, using: &rng)))
            for _ in 0..<Int.random(in: 1...3, using: &rng) { w.append(marks.randomElement(using: &rng)!) }
            s += String(w)
        case 6:
            if Int.random(in: 0..<8, using: &rng) == 0 { s += String(repeating: "x", count: Int.random(in: 50...300, using: &rng)) }
        default:
            s += String(repeating: " ", count: Int.random(in: 1...3, using: &rng))
        }
    }
    return s
}

func nonSpaceScalars(_ s: some Sequence<String>) -> [Unicode.Scalar] {
    s.flatMap { $0.unicodeScalars.filter { $0 != " " } }
}

func nonSpaceCharacters(_ s: some Sequence<String>) -> [Character] {
    s.flatMap { $0.filter { $0 != " " } }
}

@Suite struct WrapTests {
    @Test("Examples", arguments: [
        ("the quick brown fox", 10, ["the quick", "brown fox"]),
        ("the quick brown fox", 9, ["the quick", "brown fox"]),
        ("the quick brown fox", 8, ["the", "quick", "brown", "fox"]),
        ("the quick brown fox", 100, ["the quick brown fox"]),
        ("a    b", 3, ["a", "b"]),
        ("a\n\nb", 10, ["a", "", "b"]),
        ("", 10, []),
        ("  hello world", 8, ["  hello", "world"]),
        ("        hello", 6, ["hello"]),
        ("see: abcdefghij", 8, ["see: abc", "defghij"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("日本語のテキスト", 6, ["日本語", "のテキ", "スト"]),
        ("日本語のテキスト", 5, ["日本", "語の", "テキ", "スト"]),
        ("ab日本", 3, ["ab", "日", "本"]),
        ("👩‍👩‍👧👩‍👩‍👧", 3, ["👩‍👩‍👧", "👩‍👩‍👧"]),
        ("e\u{0301}e\u{0301}e\u{0301}", 2, ["e\u{0301}e\u{0301}", "e\u{0301}"]),
        ("日a", 1, ["\u{FFFD}", "a"]),
        ("abc", 1, ["a", "b", "c"]),
        ("hello", 0, []),
        ("a\tb", 3, ["a", "b"]),
        ("x\u{1B}[2Jy z", 3, ["x␛y", "z"]),
        ("trailing   ", 20, ["trailing"]),
        ("   ", 2, [""]),
    ] as [(String, Int, [String])])
    func examples(text: String, width: Int, expected: [String]) {
        #expect(TextWrap.lines(text, width: width) == expected)
    }

    @Test func randomInvariants() {
        var rng = SeededGenerator(seed: 0x5EED_CAFE)
        var cases = 0
        for _ in 0..<3000 {
            let text = randomText(&rng)
            #expect(SafeText.displayable(text) == text, "generator makes safe text")
            let width = Int.random(in: 1...40, using: &rng)
            let lines = TextWrap.lines(text, width: width)
            for line in lines {
                #expect(TextWidth.of(line) <= width, "\(line.debugDescription) wider than \(width)")
                #expect(!line.hasSuffix(" "))
            }
            for line in lines.dropFirst() { #expect(!line.hasPrefix(" ")) }
            if width >= 2 {
                // Only spaces go; clusters stay whole and in order.
                #expect(nonSpaceScalars(lines) == nonSpaceScalars([text]), "width \(width): \(text.debugDescription)")
                #expect(nonSpaceCharacters(lines) == nonSpaceCharacters([text]))
            } else {
                let expected = text.filter { $0 != " " }.map { TextWidth.of($0) == 2 ? TextWrap.placeholder : $0 }
                #expect(nonSpaceCharacters(lines) == expected)
            }
            cases += 1
        }
        #expect(cases == 3000)
    }

    /// Greedy: the next line's first word would not have fitted on the line
    /// before it.
    @Test func randomAsciiIsGreedy() {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<2000 {
            let words = (0..<Int.random(in: 1...30, using: &rng)).map { _ in
                String(repeating: "w", count: Int.random(in: 1...12, using: &rng))
            }
            let width = Int.random(in: 12...50, using: &rng)
            let lines = TextWrap.lines(words.joined(separator: " "), width: width)
            #expect(lines.joined(separator: " ") == words.joined(separator: " "))
            for (a, b) in zip(lines, lines.dropFirst()) {
                let next = b.prefix { $0 != " " }
                #expect(a.count + 1 + next.count > width, "\(a) | \(next) at \(width)")
            }
        }
    }

    @Test func tenThousandCharacterLine() {
        let text = String(repeating: "A", count: 10_000)
        let lines = TextWrap.lines(text, width: 80)
        #expect(lines.count == 125)
        #expect(lines.allSatisfy { $0.count == 80 })
        #expect(lines.joined() == text)

        let cjk = String(repeating: "日本語", count: 3_334)
        let wrapped = TextWrap.lines(cjk, width: 79)
        #expect(wrapped.count == 257)
        #expect(wrapped.dropLast().allSatisfy { TextWidth.of($0) == 78 })
        #expect(wrapped.joined() == cjk)
    }

    @Test("Corpus wraps safely", arguments: [1, 2, 7, 80])
    func corpus(width: Int) {
        for text in HostileCorpus.strings {
            for line in TextWrap.lines(text, width: width) {
                #expect(TextWidth.of(line) <= width)
                #expect(unsafeScalars(in: line).isEmpty)
            }
        }
    }

    @Test("truncate", arguments: [
        ("hello world", 11, "hello world"),
        ("hello world", 8, "hello w…"),
        ("hello world", 6, "hello…"),
        ("hello world", 7, "hello…"),   // trailing space dropped before the ellipsis
        ("hello", 5, "hello"),
        ("hello", 1, "…"),
        ("hello", 0, ""),
        ("日本語", 6, "日本語"),
        ("日本語", 5, "日本…"),
        ("日本語", 4, "日…"),          // width 3: 日本 would straddle
        ("👩‍👩‍👧👩‍👩‍👧", 3, "👩‍👩‍👧…"),
        ("e\u{0301}e\u{0301}e\u{0301}", 2, "e\u{0301}…"),
        ("a\u{1B}]0;x\u{07}b", 5, "a␛b"),
        ("line\nbreak", 20, "line␊break"),
    ] as [(String, Int, String)])
    func truncate(text: String, width: Int, expected: String) {
        #expect(TextWrap.truncate(text, width: width) == expected)
    }

    @Test func truncateEllipsis() {
        #expect(TextWrap.truncate("hello world", width: 8, ellipsis: "...") == "hello...")
        #expect(TextWrap.truncate("hello", width: 2, ellipsis: "...") == "he")
        #expect(TextWrap.truncate("hello", width: 4, ellipsis: "") == "hell")
    }

    @Test("pad", arguments: [
        ("ab", 4, "ab  "),
        ("abcd", 4, "abcd"),
        ("abcde", 4, "abc…"),
        ("日本語", 5, "日本…"),
        ("日本語", 4, "日… "),
        ("", 3, "   "),
        ("x", 0, ""),
        ("🇮🇹", 3, "🇮🇹 "),
    ] as [(String, Int, String)])
    func pad(text: String, width: Int, expected: String) {
        #expect(TextWrap.pad(text, width: width) == expected)
    }

    @Test func randomTruncateAndPadWidths() {
        var rng = SeededGenerator(seed: 7)
        var texts = HostileCorpus.strings
        for _ in 0..<1000 { texts.append(randomText(&rng)) }
        for text in texts {
            let width = Int.random(in: 0...60, using: &rng)
            let full = TextWidth.of(SafeText.displayable(text))
            let cut = TextWrap.truncate(text, width: width)
            #expect(TextWidth.of(cut) <= width)
            if full <= width {
                #expect(cut == SafeText.displayable(text))
            } else {
                #expect(TextWidth.of(cut) >= width - 1 || cut.hasSuffix("…"))
                #expect(width == 0 || cut.hasSuffix("…"))
            }
            #expect(TextWidth.of(TextWrap.pad(text, width: width)) == width)
            #expect(unsafeScalars(in: cut).isEmpty)
        }
    }
}
