import Testing
@testable import PaddockCore
#if canImport(Glibc)
import Glibc
#endif

@Suite struct TextWidthTests {
    @Test("ASCII: printable 1 each, controls 0", arguments: [
        ("hello", 5), ("", 0), (" ", 1), ("a b\u{7F}c", 4), ("\u{0}\u{7}\u{8}\u{1B}", 0), ("\r\n", 0), ("tab\there", 7),
    ])
    func ascii(text: String, width: Int) {
        #expect(TextWidth.of(text) == width)
    }

    @Test("Clusters", arguments: [
        ("é", 1),                        // U+00E9 composed
        ("e\u{0301}", 1),                // decomposed
        ("日", 2), ("한", 2), ("ｆ", 2),
        ("\u{1100}\u{1161}\u{11A8}", 2), // Hangul jamo L V T
        // Emoji: what tmux 3.3a draws (cursor_x after printing each; see TextWidth docs).
        ("🏍", 1),                       // text presentation: see TextWidth docs
        ("🏍\u{FE0F}", 1), ("🏍\u{FE0E}", 1),  // a variation selector adds nothing
        ("✈", 1), ("✈\u{FE0F}", 1), ("✈\u{FE0E}", 1), ("❤️", 1), ("☺️", 1), ("↔️", 1), ("▶️", 1),
        ("⌚", 2), ("⌚\u{FE0E}", 2), ("🚀\u{FE0F}", 2),
        ("😀", 2), ("🫠", 2), ("\u{1FAE8}", 2),  // 🫨 Unicode 15, newer than glibc 2.36
        ("👩‍👩‍👧", 2), ("👨‍👩‍👧‍👦", 2), ("🏳️‍🌈", 1), ("❤️‍🔥", 1), ("👩🏽‍💻", 2),  // as wide as before the first ZWJ
        ("🇮🇹", 2), ("🇮", 1),
        ("1️⃣", 1), ("#️⃣", 1), ("*️⃣", 1), ("1\u{20E3}", 1), ("#\u{20E3}", 1),
        ("👍🏽", 2), ("☝🏿", 2), ("🏽", 2),  // tmux: 4 and 3 (two cells drawn); capped
        ("©", 1), ("©️", 1), ("™️", 1),
        ("\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", 2),  // Scotland
        ("\u{0301}", 0), ("\u{200B}", 0), ("\u{200D}", 0), ("\u{FEFF}", 0), ("\u{2060}", 0), ("\u{00AD}", 0),
        ("\u{85}", 0), ("\u{9B}", 0), ("\u{2028}", 0),
        ("\u{3000}", 2),                 // ideographic space
        ("…", 1), ("\u{FFFD}", 1), ("␛", 1), ("─", 1),  // ambiguous: narrow
        ("क्ष", 2),                        // conjunct: two spacing letters in one cluster
    ])
    func cluster(text: String, width: Int) {
        #expect(text.count == 1, "test data: \(text.unicodeScalars.map { String($0.value, radix: 16) }) is \(text.count) clusters")
        #expect(TextWidth.of(Character(text)) == width)
        #expect(TextWidth.of(text) == width)
    }

    @Test("Strings", arguments: [
        ("日本語", 6), ("한국어", 6), ("ｆｕｌｌ", 8), ("così", 4), ("cosi\u{0300}", 4),
        ("🇮🇹🇯🇵", 4), ("a👩‍👩‍👧b", 4), ("日本 👩‍👩‍👧 e\u{0301}", 9), ("שלום", 4),
    ])
    func strings(text: String, width: Int) {
        #expect(TextWidth.of(text) == width)
        #expect(TextWidth.of(text[...]) == width)  // Substring
    }

    @Test func zalgoIsOneColumn() {
        let z = "Z" + String(repeating: "\u{0336}\u{0334}\u{0337}\u{0335}\u{0338}", count: 40)
        #expect(z.count == 1)
        #expect(TextWidth.of(z) == 1)
        #expect(TextWidth.of(z + "algo") == 5)
    }

    @Test func stringWidthIsSumOfClusters() {
        for text in HostileCorpus.strings {
            let sum = text.reduce(0) { $0 + TextWidth.of($1) }
            #expect(TextWidth.of(text) == sum)
            for ch in text { #expect((0...2).contains(TextWidth.of(ch))) }
        }
    }

    @Test func tableIsSortedAndDisjoint() {
        let t = TextWidth.table
        #expect(t.count > 100)
        for (i, e) in t.enumerated() {
            #expect(e.lo <= e.hi)
            #expect(e.width == 0 || e.width == 2)
            if i > 0 { #expect(t[i - 1].hi < e.lo, "entry \(i) overlaps") }
        }
        #expect(TextWidth.lookup(0x4E00) == 2)
        #expect(TextWidth.lookup(0x0300) == 0)
        #expect(TextWidth.lookup(0x0041) == nil)
        #expect(TextWidth.lookup(0x10FFFF) == nil)
    }

    #if canImport(Glibc)
    /// Our per-scalar widths equal glibc's wcwidth (what ncurses and tmux use
    /// here) wherever glibc knows the scalar, except where we chose otherwise.
    @Test func agreesWithGlibcWcwidth() throws {
        // wcwidth is hidden behind _XOPEN_SOURCE in the Glibc module.
        guard setlocale(LC_CTYPE, "C.UTF-8") != nil, let sym = dlsym(nil, "wcwidth") else { return }
        let wcwidth = unsafeBitCast(sym, to: (@convention(c) (Int32) -> Int32).self)
        let chosen: Set<UInt32> = [0x00AD]  // soft hyphen: glibc 1, invisible to us (and removed)
        var disagreements: [String] = []
        var compared = 0
        for v in UInt32(0xA0)...0x3FFFF {
            guard let s = Unicode.Scalar(v), !chosen.contains(v) else { continue }
            let g = Int(wcwidth(Int32(v)))
            if g < 0 { continue }
            compared += 1
            if TextWidth.scalar(s) != g { disagreements.append("U+\(String(v, radix: 16)) glibc \(g) ours \(TextWidth.scalar(s))") }
        }
        #expect(compared > 100_000)
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }
    #endif
}
