import PaddockTUI

/// Turns the bytes a terminal sends into keys, mouse events and pastes.
/// Pure: no terminal needed.
///
/// Bytes may arrive in any pieces (a read returns what the tty holds, 4096
/// bytes at most on Linux): a character or an escape sequence cut at the end
/// of a piece is kept until the rest arrives, never split or dropped. What is
/// still incomplete when the terminal has gone quiet (`flush`, after a short
/// wait) is decided then: a lone ESC is the Esc key; a cut-off sequence or
/// character is dropped.
///
/// Sequences are decoded whatever terminfo says (tmux, screen, xterm, the
/// Linux console and most emulators agree on these):
/// - arrows `CSI A`–`D`, `SS3 A`–`D`; Home `CSI H`, `SS3 H`, `CSI 1~`, `CSI 7~`;
///   End `CSI F`, `SS3 F`, `CSI 4~`, `CSI 8~`; PgUp/PgDn `CSI 5~`/`CSI 6~`;
///   Delete `CSI 3~`; Back-Tab `CSI Z`; F1–F12 (`SS3 P`–`S`, `CSI 11~`…`24~`,
///   the Linux console's `CSI [A`–`E`); any of these with modifiers
///   (`CSI 1;5H` is Home);
/// - mouse reports, SGR (`CSI < b;x;y M`) and X10 (`CSI M bxy`);
/// - a bracketed paste, `CSI 200~` … `CSI 201~`, as one `.paste` of its text,
///   however many pieces it came in.
/// Any other sequence (Alt-x, which is ESC x; a key this table lacks; a focus
/// report) is dropped whole: its ESC is never read as the Esc key.
struct InputDecoder {
    /// Bytes not yet decoded: an incomplete character or sequence (at most a
    /// few bytes), or the tail of a paste that may be the start of its end marker.
    private var buffer: [UInt8] = []
    /// Inside a bracketed paste: its bytes so far.
    private var paste: [UInt8]?

    /// The longest escape sequence taken; a longer one is garbage, dropped.
    static let maxSequence = 64

    /// True while part of something is waiting for the rest: the caller
    /// should wait briefly for more bytes, then `flush`.
    var isWaiting: Bool { !buffer.isEmpty || paste != nil }
    /// True inside a bracketed paste (the end marker not seen yet).
    var isPasting: Bool { paste != nil }

    /// Decodes `bytes`, which follow those fed before.
    mutating func feed<Bytes: Collection>(_ bytes: Bytes) -> [TerminalEvent] where Bytes.Element == UInt8 {
        guard !bytes.isEmpty else { return [] }
        var events: [TerminalEvent] = []
        // An ESC that ended the last piece, followed by anything but the rest
        // of a sequence, was the Esc key (a key pressed after it, not Alt-x:
        // a terminal writes ESC x in one piece).
        if paste == nil, buffer == [0x1B], let first = bytes.first, first != UInt8(ascii: "["), first != UInt8(ascii: "O") {
            events.append(.key(.escape))
            buffer.removeAll()
        }
        buffer.append(contentsOf: bytes)
        decode(into: &events, final: false)
        return events
    }

    /// The terminal has gone quiet: decides what is still incomplete.
    mutating func flush() -> [TerminalEvent] {
        var events: [TerminalEvent] = []
        decode(into: &events, final: true)
        return events
    }

    private mutating func decode(into events: inout [TerminalEvent], final: Bool) {
        var i = 0
        let end = buffer.count
        defer { buffer.removeFirst(min(i, buffer.count)) }
        while i < end {
            if paste != nil {
                if let marker = Self.find(Self.pasteEnd, in: buffer, from: i) {
                    paste!.append(contentsOf: buffer[i..<marker])
                    finishPaste(into: &events)
                    i = marker + Self.pasteEnd.count
                    continue
                }
                // Keep a tail that could be the start of the end marker.
                let keep = final ? 0 : min(end - i, Self.pasteEnd.count - 1)
                paste!.append(contentsOf: buffer[i..<(end - keep)])
                i = end - keep
                if final { finishPaste(into: &events) }
                return
            }
            switch step(at: i, final: final) {
            case .incomplete:
                if final {
                    // Cut off and nothing more came: a lone ESC is the key;
                    // anything else is dropped.
                    if buffer[i] == 0x1B, end - i == 1 { events.append(.key(.escape)) }
                    i = end
                }
                return
            case .consumed(let length, let event):
                if let event { events.append(event) }
                i += length
            case .pasteStart(let length):
                paste = []
                i += length
            }
        }
    }

    private mutating func finishPaste(into events: inout [TerminalEvent]) {
        if let bytes = paste, !bytes.isEmpty {
            events.append(.key(.paste(String(decoding: bytes, as: UTF8.self))))
        }
        paste = nil
    }

    private enum Step {
        case incomplete
        case consumed(Int, TerminalEvent?)
        case pasteStart(Int)
    }

    private func step(at i: Int, final: Bool) -> Step {
        let b = buffer[i]
        if b == 0x1B { return escape(at: i) }
        if b < 0x80 { return .consumed(1, KeyDecoder.character(UInt32(b)).map { .key($0) }) }
        switch utf8(at: i) {
        case .incomplete: return .incomplete
        case .invalid: return .consumed(1, nil)
        case .scalar(let scalar, let length): return .consumed(length, KeyDecoder.character(scalar.value).map { .key($0) })
        }
    }

    private enum UTF8Result {
        case incomplete
        case invalid
        case scalar(Unicode.Scalar, Int)
    }

    /// The UTF-8 character starting at `i` (a byte >= 0x80).
    private func utf8(at i: Int) -> UTF8Result {
        let lead = buffer[i]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return .invalid
        }
        let available = min(length, buffer.count - i)
        for k in 1..<available where buffer[i + k] & 0xC0 != 0x80 { return .invalid }
        guard available == length else { return .incomplete }
        guard let text = String(validating: buffer[i..<(i + length)], as: UTF8.self),
              let scalar = text.unicodeScalars.first else { return .invalid }
        return .scalar(scalar, length)
    }

    /// An ESC at `i`: a sequence, a lone Esc, or something to drop.
    private func escape(at i: Int) -> Step {
        guard i + 1 < buffer.count else { return .incomplete }
        let next = buffer[i + 1]
        switch next {
        case UInt8(ascii: "["): return csi(at: i)
        case UInt8(ascii: "O"): return ss3(at: i)
        case 0x1B: return .consumed(1, .key(.escape))
        case 0x80...:
            // Alt with a non-ASCII character: drop ESC and the whole character.
            switch utf8(at: i + 1) {
            case .incomplete: return .incomplete
            case .invalid: return .consumed(2, nil)
            case .scalar(_, let length): return .consumed(1 + length, nil)
            }
        default:
            return .consumed(2, nil) // Alt-x, Alt-Enter, …: nothing the app binds
        }
    }

    /// `ESC [` … : parameters 0x30–0x3F, intermediates 0x20–0x2F, a final 0x40–0x7E.
    private func csi(at i: Int) -> Step {
        let start = i + 2
        guard start < buffer.count else { return .incomplete }
        let first = buffer[start]
        if first == UInt8(ascii: "[") {
            // The Linux console's F1–F5: ESC [ [ A … E.
            guard start + 1 < buffer.count else { return .incomplete }
            let f = buffer[start + 1]
            let key: Key? = (UInt8(ascii: "A")...UInt8(ascii: "E")).contains(f) ? .function(Int(f - UInt8(ascii: "A")) + 1) : nil
            return .consumed(4, key.map { .key($0) })
        }
        if first == UInt8(ascii: "M") {
            // X10 mouse: ESC [ M, then button, column, row, each + 32.
            guard start + 3 < buffer.count else { return .incomplete }
            let event = Self.mouse(button: Int(buffer[start + 1]) - 32, x: Int(buffer[start + 2]) - 33,
                                   y: Int(buffer[start + 3]) - 33, press: true)
            return .consumed(6, event)
        }
        var k = start
        while k < buffer.count, (0x30...0x3F).contains(buffer[k]) { k += 1 }
        let paramsEnd = k
        while k < buffer.count, (0x20...0x2F).contains(buffer[k]) { k += 1 }
        if k - i > Self.maxSequence { return .consumed(k - i, nil) }
        guard k < buffer.count else { return .incomplete }
        let final = buffer[k]
        guard (0x40...0x7E).contains(final) else {
            // Not a sequence after all: drop what was read of it, go on from here.
            return .consumed(k - i, nil)
        }
        let length = k + 1 - i
        guard paramsEnd == k else { return .consumed(length, nil) } // intermediates: nothing we know
        let params = buffer[start..<paramsEnd]
        if params.first == UInt8(ascii: "<") {
            guard final == UInt8(ascii: "M") || final == UInt8(ascii: "m") else { return .consumed(length, nil) }
            let numbers = Self.numbers(params.dropFirst())
            guard numbers.count == 3 else { return .consumed(length, nil) }
            return .consumed(length, Self.mouse(button: numbers[0], x: numbers[1] - 1, y: numbers[2] - 1,
                                                press: final == UInt8(ascii: "M")))
        }
        guard params.allSatisfy({ (0x30...0x3B).contains($0) }) else { return .consumed(length, nil) }
        let numbers = Self.numbers(params)
        let key: Key?
        switch final {
        case UInt8(ascii: "Z"): key = .backTab
        case UInt8(ascii: "~"):
            switch numbers.first ?? 0 {
            case 200: return .pasteStart(length)
            case 1, 7: key = .home
            case 4, 8: key = .end
            case 3: key = .delete
            case 5: key = .pageUp
            case 6: key = .pageDown
            case 11...15: key = .function(numbers[0] - 10)
            case 17...21: key = .function(numbers[0] - 11)
            case 23, 24: key = .function(numbers[0] - 12)
            default: key = nil // Insert, a stray paste end, keys the app has no name for
            }
        default: key = Self.cursorKey(final)
        }
        return .consumed(length, key.map { .key($0) })
    }

    /// `ESC O` then a final byte (perhaps after modifier digits): the keys a
    /// terminal sends in application mode.
    private func ss3(at i: Int) -> Step {
        var k = i + 2
        while k < buffer.count, (0x30...0x3B).contains(buffer[k]) { k += 1 }
        if k - i > Self.maxSequence { return .consumed(k - i, nil) }
        guard k < buffer.count else { return .incomplete }
        let final = buffer[k]
        guard (0x40...0x7E).contains(final) else { return .consumed(k - i, nil) }
        let key: Key?
        switch final {
        case UInt8(ascii: "M"): key = .enter
        case UInt8(ascii: "j")...UInt8(ascii: "y"):
            // The keypad in application mode: * + , - . / 0 … 9.
            key = .character(Character(Unicode.Scalar(final - UInt8(ascii: "j") + UInt8(ascii: "*"))))
        default: key = Self.cursorKey(final)
        }
        return .consumed(k + 1 - i, key.map { .key($0) })
    }

    /// The final bytes CSI and SS3 share: arrows, Home, End, F1–F4.
    private static func cursorKey(_ final: UInt8) -> Key? {
        switch final {
        case UInt8(ascii: "A"): .up
        case UInt8(ascii: "B"): .down
        case UInt8(ascii: "C"): .right
        case UInt8(ascii: "D"): .left
        case UInt8(ascii: "H"): .home
        case UInt8(ascii: "F"): .end
        case UInt8(ascii: "P")...UInt8(ascii: "S"): .function(Int(final - UInt8(ascii: "P")) + 1)
        default: nil
        }
    }

    /// The mouse events the app uses: a left press, the wheel.
    private static func mouse(button: Int, x: Int, y: Int, press: Bool) -> TerminalEvent? {
        guard press, x >= 0, y >= 0 else { return nil }
        let base = button & ~(4 | 8 | 16) // without Shift, Alt, Ctrl
        switch base {
        case 0: return .mouse(.click(x: x, y: y))
        case 64: return .mouse(.wheelUp(x: x, y: y))
        case 65: return .mouse(.wheelDown(x: x, y: y))
        default: return nil // release (X10 button 3), drags, other buttons
        }
    }

    /// The `;`-separated decimal numbers of a parameter string (empty ones are 0).
    private static func numbers(_ bytes: some Collection<UInt8>) -> [Int] {
        var result: [Int] = []
        var value = 0
        for b in bytes {
            if b == UInt8(ascii: ";") {
                result.append(value)
                value = 0
            } else if (0x30...0x39).contains(b) {
                value = min(value * 10 + Int(b - 0x30), 1_000_000)
            }
        }
        result.append(value)
        return result
    }

    static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)

    /// The index of `needle` in `haystack` at or after `from`. O(haystack).
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == needle[0] {
                var k = 1
                while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
