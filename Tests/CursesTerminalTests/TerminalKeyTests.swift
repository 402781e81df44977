@testable import CursesTerminal
import PaddockTUI
import Testing

@Suite struct TerminalKeyTests {
    @Test func controlCharacters() {
        #expect(KeyDecoder.character(0x0D) == .enter)
        #expect(KeyDecoder.character(0x0A) == .enter)
        #expect(KeyDecoder.character(0x09) == .tab)
        #expect(KeyDecoder.character(0x7F) == .backspace)
        #expect(KeyDecoder.character(0x08) == .backspace)
        #expect(KeyDecoder.character(0x1B) == .escape)
        #expect(KeyDecoder.character(0x01) == .ctrl("a"))
        #expect(KeyDecoder.character(0x03) == .ctrl("c"))
        #expect(KeyDecoder.character(0x1A) == .ctrl("z"))
        #expect(KeyDecoder.character(0x00) == nil)
        #expect(KeyDecoder.character(0x1C) == nil)
        #expect(KeyDecoder.character(0x9B) == nil)   // C1 CSI
        #expect(KeyDecoder.character(0x202E) == nil) // bidi override
    }

    @Test func printableCharacters() {
        #expect(KeyDecoder.character(0x71) == .character("q"))
        #expect(KeyDecoder.character(0xE9) == .character("é"))
        #expect(KeyDecoder.character(0x65E5) == .character("日"))
        #expect(KeyDecoder.character(0x1F3CD) == .character("🏍"))
        #expect(KeyDecoder.character(0x20) == .character(" "))
    }

    // MARK: - InputDecoder

    /// Feeds `pieces` one after another, then (with `flush`) lets the terminal go quiet.
    private func decode(_ pieces: [[UInt8]], flush: Bool = true) -> [TerminalEvent] {
        var decoder = InputDecoder()
        var events: [TerminalEvent] = []
        for piece in pieces { events += decoder.feed(piece) }
        if flush { events += decoder.flush() }
        return events
    }

    private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
    private func keys(_ s: String) -> [TerminalEvent] { decode([bytes(s)]) }

    @Test func homeEndAndPagingWhateverTerminfoSays() {
        for home in ["\u{1B}[H", "\u{1B}OH", "\u{1B}[1~", "\u{1B}[7~", "\u{1B}[1;5H", "\u{1B}[1;2H"] {
            #expect(keys(home) == [.key(.home)], "\(home.debugDescription)")
        }
        for end in ["\u{1B}[F", "\u{1B}OF", "\u{1B}[4~", "\u{1B}[8~", "\u{1B}[1;5F", "\u{1B}[4;3~"] {
            #expect(keys(end) == [.key(.end)], "\(end.debugDescription)")
        }
        #expect(keys("\u{1B}[5~\u{1B}[6~\u{1B}[3~\u{1B}[Z") == [.key(.pageUp), .key(.pageDown), .key(.delete), .key(.backTab)])
        #expect(keys("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D") == [.key(.up), .key(.down), .key(.right), .key(.left)])
        #expect(keys("\u{1B}OA\u{1B}OB\u{1B}OC\u{1B}OD") == [.key(.up), .key(.down), .key(.right), .key(.left)])
        #expect(keys("\u{1B}[1;5A\u{1B}[1;2D") == [.key(.up), .key(.left)])
        #expect(keys("\u{1B}OP\u{1B}[15~\u{1B}[24~\u{1B}[[A\u{1B}[1;2Q") == [.key(.function(1)), .key(.function(5)), .key(.function(12)), .key(.function(1)), .key(.function(2))])
        #expect(keys("\u{1B}OM") == [.key(.enter)])
    }

    @Test func anUnknownSequenceIsDroppedWholeNotReadAsEsc() {
        // Alt-x, Alt-é, Insert, a focus report, a kitty key, a device report: nothing, then the next key.
        for unknown in ["\u{1B}x", "\u{1B}é", "\u{1B}[2~", "\u{1B}[I", "\u{1B}[97;5u", "\u{1B}[?1;2c", "\u{1B}[99~", "\u{1B}OZ", "\u{1B}[1;3X"] {
            #expect(keys(unknown + "j") == [.key(.character("j"))], "\(unknown.debugDescription)")
        }
    }

    @Test func aLoneEscIsEsc() {
        #expect(keys("\u{1B}") == [.key(.escape)])
        #expect(decode([bytes("\u{1B}")], flush: false) == [])  // still waiting for the rest
        #expect(keys("\u{1B}\u{1B}[A") == [.key(.escape), .key(.up)])
        // Esc, then a key pressed after it (another read): Esc and the key, not Alt-q.
        #expect(decode([bytes("\u{1B}"), bytes("q")]) == [.key(.escape), .key(.character("q"))])
        // Cut off and never finished: dropped, not Esc.
        #expect(keys("\u{1B}[1;") == [])
    }

    @Test func aSequenceSplitAcrossReadsIsOneKey() {
        let sequence = bytes("\u{1B}[1;5H")
        for cut in 1..<sequence.count {
            let events = decode([Array(sequence[..<cut]), Array(sequence[cut...])])
            #expect(events == [.key(.home)], "cut at \(cut)")
        }
        #expect(decode([bytes("\u{1B}"), bytes("OF")]) == [.key(.end)])
    }

    @Test func aCharacterSplitAcrossReadsArrivesWhole() {
        for text in ["é", "日", "🏍", "\u{1F3CD}\u{FE0F}"] {
            let all = bytes("a" + text + "b")
            for cut in 1..<all.count {
                let events = decode([Array(all[..<cut]), Array(all[cut...])], flush: false)
                let typed = events.compactMap { event -> String? in
                    if case .key(.character(let c)) = event { return String(c) }
                    return nil
                }.joined()
                #expect(typed == "a" + text + "b", "\(text) cut at \(cut)")
            }
        }
        // Invalid bytes are dropped, the rest kept.
        #expect(decode([[0x61, 0xFF, 0xC3, 0x62]]) == [.key(.character("a")), .key(.character("b"))])
    }

    @Test func aBracketedPasteIsOneEventWhateverItsPieces() {
        let text = "first line\rsecond: é 日 🏍\u{FE0F}\r\u{1B}[A not a key\rlast"
        let all = bytes("x\u{1B}[200~" + text + "\u{1B}[201~y")
        let expected: [TerminalEvent] = [.key(.character("x")), .key(.paste(text)), .key(.character("y"))]
        #expect(decode([all]) == expected)
        // Every cut, including inside the markers and inside a character.
        for cut in 1..<all.count {
            #expect(decode([Array(all[..<cut]), Array(all[cut...])], flush: false) == expected, "cut at \(cut)")
        }
        // In pieces of 4096 bytes, as a tty hands over a long paste.
        var rng = SeededRandom(seed: 22)
        let long = String((0..<70_000).map { _ in "aé日🏍 \r".randomElement(using: &rng)! })
        let stream = bytes("\u{1B}[200~" + long + "\u{1B}[201~")
        let pieces = stride(from: 0, to: stream.count, by: 4096).map { Array(stream[$0..<min($0 + 4096, stream.count)]) }
        #expect(decode(pieces, flush: false) == [.key(.paste(long))], "seed 22")
    }

    @Test func aPasteWhoseEndNeverCameIsKeptWhenTheTerminalGoesQuiet() {
        #expect(decode([bytes("\u{1B}[200~half a pas"), bytes("te")]) == [.key(.paste("half a paste"))])
    }

    @Test func mouseReports() {
        #expect(keys("\u{1B}[<0;5;3M") == [.mouse(.click(x: 4, y: 2))])
        #expect(keys("\u{1B}[<0;5;3m") == [])  // release
        #expect(keys("\u{1B}[<64;1;1M\u{1B}[<65;2;2M") == [.mouse(.wheelUp(x: 0, y: 0)), .mouse(.wheelDown(x: 1, y: 1))])
        #expect(decode([[0x1B, 0x5B, 0x4D, 32, 33 + 9, 33 + 4]]) == [.mouse(.click(x: 9, y: 4))])
        #expect(decode([[0x1B, 0x5B, 0x4D, 35, 33, 33]]) == [])  // X10 release
    }

    @Test func plainKeysAndControls() {
        #expect(keys("q\r\t\u{7F}\u{01}") == [.key(.character("q")), .key(.enter), .key(.tab), .key(.backspace), .key(.ctrl("a"))])
    }
}

/// A small seeded generator (SplitMix64), so a failure can be replayed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
