import Testing
@testable import PaddockCore

/// What no displayable line may contain, with the offending scalar named.
func unsafeScalars(in line: String) -> [String] {
    let scalars = Array(line.unicodeScalars)
    var found: [String] = []
    for (i, s) in scalars.enumerated() {
        let v = s.value
        let bad: Bool
        switch v {
        case 0x00..<0x20, 0x7F...0x9F: bad = true                       // C0, DEL, C1 (ESC included)
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: bad = true  // bidi
        case 0x200B, 0x200C, 0x2060...0x206F, 0xFEFF, 0x00AD, 0x180E, 0x034F, 0x3164, 0x115F, 0xFFA0: bad = true
        case 0x200D:  // ZWJ only between two emoji
            bad = i == 0 || i + 1 == scalars.count || !SafeText.isPictographic(scalars[i + 1])
        case 0xE0000...0xE007F:  // tags only in a 🏴 tag sequence
            bad = !scalars[..<i].contains("\u{1F3F4}")
        case 0xFE0E, 0xFE0F:
            bad = i == 0 || !scalars[i - 1].properties.isEmoji
        default: bad = false
        }
        if bad { found.append("U+\(String(v, radix: 16, uppercase: true)) at \(i)") }
    }
    return found
}

@Suite struct SafeTextTests {
    @Test("Corpus: displayable output is safe", arguments: HostileCorpus.cases.map(\.name))
    func corpusDisplayable(name: String) throws {
        let text = try #require(HostileCorpus.cases.first { $0.name == name }).text
        let out = SafeText.displayable(text)
        #expect(unsafeScalars(in: out).isEmpty, "\(unsafeScalars(in: out))")
        #expect(SafeText.displayable(out) == out, "not idempotent")
        var marks = 0
        for s in out.unicodeScalars {
            if TextWidth.scalar(s) == 0 && s.value != 0x200D && s.value != 0xFE0F && !(0xE0000...0xE007F).contains(s.value) {
                marks += 1
                #expect(marks <= SafeText.maxCombiningMarks)
            } else {
                marks = 0
            }
        }
    }

    @Test("Corpus: multiline output is safe and tab-free", arguments: HostileCorpus.cases.map(\.name))
    func corpusMultiline(name: String) throws {
        let text = try #require(HostileCorpus.cases.first { $0.name == name }).text
        for line in SafeText.multiline(text) {
            #expect(unsafeScalars(in: line).isEmpty, "\(unsafeScalars(in: line))")
            #expect(!line.contains("\t"))
            #expect(SafeText.displayable(line) == line)
        }
    }

    @Test func corpusIsBigEnough() {
        #expect(HostileCorpus.strings.count >= 40)
        #expect(HostileCorpus.strings.count == HostileCorpus.cases.count)
        #expect(Set(HostileCorpus.cases.map(\.name)).count == HostileCorpus.cases.count, "names are unique")
    }

    /// Every escape-sequence case written as "before<sequence>after" keeps
    /// the text around it and leaves exactly one marker.
    @Test func sequencesBecomeOneMarker() {
        var checked = 0
        for (name, text) in HostileCorpus.cases where text.hasPrefix("before") {
            let hasIntroducer = text.unicodeScalars.contains { [0x1B, 0x9B, 0x9D, 0x90, 0x98, 0x9E, 0x9F].contains($0.value) }
            guard hasIntroducer else { continue }
            let out = SafeText.displayable(text)
            if text.hasSuffix("after") && !name.contains("unterminated") {
                let expected: String
                switch name {
                case "OSC 8 hyperlink": expected = "before␛click here␛after"
                case "ESC ( 0 line-drawing charset": expected = "before␛lqqk␛after"
                case "ESC before non-ASCII": expected = "before␛éafter"
                default: expected = "before␛after"
                }
                #expect(out == expected, "\(name)")
            } else {
                #expect(out == "before␛", "\(name): unterminated sequences run to the end")
            }
            checked += 1
        }
        #expect(checked >= 40)
    }

    @Test("Exact outputs", arguments: [
        ("a\u{0}b\u{0}\u{0}c", "a␀b␀␀c"),
        ("ding\u{07}dong", "ding␇dong"),
        ("ab\u{08}\u{08}xy", "ab␈␈xy"),
        ("safe\rEVIL", "safe␍EVIL"),
        ("one\ntwo", "one␊two"),
        ("a\u{7F}b", "a␡b"),
        ("a\u{85}b\u{8D}c", "a\u{FFFD}b\u{FFFD}c"),
        ("col1\tcol2", "col1 col2"),
        ("a\u{2028}b", "a b"),
        ("\u{1B}[31mred\u{1B}[0m plain", "␛red␛ plain"),
        ("\u{1B}[1m\u{1B}[31m\u{1B}]0;t\u{07}x", "␛x"),  // adjacent sequences: one marker
        ("x\u{9B}31my", "x␛y"),
        ("invoice\u{202E}fdp.exe", "invoicefdp.exe"),
        ("a\u{2066}b\u{2069}\u{200E}\u{200F}\u{061C}c", "abc"),
        ("adm\u{200B}i\u{200C}n\u{2060}\u{FEFF}", "admin"),
        ("a\u{200D}b", "ab"),
        ("pay\u{00AD}pal", "paypal"),
        ("x\u{180E}y", "xy"),
        ("\u{3164}\u{3164}", ""),
        ("hi\u{E0001}\u{E0069}\u{E007F}!", "hi!"),
        ("\u{FE0F}a\u{FE0F}\u{FE0F}", "a"),
        ("\u{0301}x\u{0301}", "x\u{0301}"),
        ("e" + String(repeating: "\u{0301}", count: 20), "e\u{0301}\u{0301}\u{0301}\u{0301}"),
        ("ok" + String(Unicode.Scalar(0xFFFF)!), "ok\u{FFFD}"),
        ("\u{1B}", "␛"),
        ("\u{1B}\u{1B}", "␛"),
        ("\u{1B}[2\nJ", "␛␊J"),  // a control inside CSI ends it; the rest is text
    ])
    func exact(input: String, expected: String) {
        #expect(SafeText.displayable(input) == expected)
    }

    @Test("Safe text passes unchanged", arguments: [
        "plain ASCII, with punctuation: ~!@#$%^&*()_+{}|:\"<>?",
        "così è già più",
        "e\u{0301}",
        "日本語 한국어 ｆｕｌｌ 中文",
        "שלום עולם — مرحبا بالعالم",
        "👩‍👩‍👧 👨‍👩‍👧‍👦 🏳️‍🌈 ❤️‍🔥 👩🏽‍💻",
        "🇮🇹🇯🇵 \u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
        "1️⃣ #️⃣ 👍🏽 ☝🏿 ©️",
        "🏍 🏍️ ✈ ✈️ ✈︎",
        "\u{E0A0} main",
        "葛\u{E0100}",  // ideographic variation sequence
        "a ́ b",  // combining mark on a space
    ])
    func passesUnchanged(text: String) {
        #expect(SafeText.displayable(text) == text)
    }

    @Test func asciiFastPathReturnsSameText() {
        let s = String(repeating: "abc ", count: 1000)
        #expect(SafeText.displayable(s) == s)
    }

    @Test("multiline splits lines", arguments: [
        ("", [String]()),
        ("a", ["a"]),
        ("a\n", ["a"]),
        ("\n", [""]),
        ("a\n\nb", ["a", "", "b"]),
        ("a\nb\r\nc\rd", ["a", "b", "c", "d"]),
        ("a\r\n\r\nb", ["a", "", "b"]),
        ("a\u{2028}b\u{2029}c\u{85}d\u{0B}e\u{0C}f", ["a", "b", "c", "d", "e", "f"]),
        ("\tx", ["    x"]),
        ("ab\tc", ["ab  c"]),
        ("abcd\te", ["abcd    e"]),
        ("日\tx", ["日  x"]),
        ("a\t\tb", ["a       b"]),
        ("a\u{1B}]0;title\nstill title\u{07}b\nc", ["a␛b", "c"]),  // a sequence spanning lines goes whole
        ("x\u{1B}[2J\ny", ["x␛", "y"]),
        ("safe\rEVIL", ["safe", "EVIL"]),
    ])
    func multiline(input: String, expected: [String]) {
        #expect(SafeText.multiline(input) == expected)
    }

    @Test func multilineTabWidth() {
        #expect(SafeText.multiline("a\tb", tabWidth: 8) == ["a       b"])
        #expect(SafeText.multiline("a\tb", tabWidth: 1) == ["a b"])
        #expect(SafeText.multiline("a\tb", tabWidth: 0) == ["a b"])
    }

    @Test("decodeUTF8", arguments: [
        ([0x61, 0x62], "ab"),
        ([0x61, 0xFF, 0x62], "a\u{FFFD}b"),
        ([0xE6, 0x97], "\u{FFFD}"),                    // truncated 3-byte sequence
        ([0xC0, 0xAF], "\u{FFFD}\u{FFFD}"),            // overlong "/"
        ([0xED, 0xA0, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}"),  // encoded surrogate
        ([0xE6, 0x97, 0xA5, 0xE6, 0x9C, 0xAC], "日本"),
        ([0xC2, 0x9B, 0x32, 0x4A], "\u{9B}2J"),        // 8-bit CSI decodes; displayable removes it
        ([], ""),
    ] as [([UInt8], String)])
    func decode(bytes: [UInt8], expected: String) {
        let s = SafeText.decodeUTF8(bytes)
        #expect(s == expected)
        #expect(unsafeScalars(in: SafeText.displayable(s)).isEmpty)
    }
}

/// The no-copy fast path only lets through scalars the full sanitiser keeps
/// unchanged, wherever they stand.
@Test func plainScalarsAreKeptBySanitiser() {
    var plain = 0
    var wrong: [String] = []
    for v in UInt32(0)...0x10FFFF {
        guard let s = Unicode.Scalar(v), SafeText.isPlainScalar(s) else { continue }
        plain += 1
        let alone = String(Character(s))
        for text in ["a" + alone + "b", alone + alone] {
            if String(SafeText.scrub(text, lineBreaks: false)) != text { wrong.append("U+\(String(v, radix: 16))"); break }
        }
    }
    #expect(plain > 200_000)
    #expect(wrong.isEmpty, "\(wrong.prefix(20))")
}
