/// Makes member text safe to draw on a terminal. Stored text stays as written;
/// this runs when text becomes cells or human CLI output.
///
/// What comes out of ``displayable(_:)`` (and of every line of
/// ``multiline(_:tabWidth:)``) never contains:
///
/// - a C0 control (U+0000–U+001F), DEL (U+007F) or a C1 control
///   (U+0080–U+009F). A lone control is replaced by a visible symbol: C0 and
///   DEL by their Control Pictures (NUL → `␀`, BEL → `␇`, BS → `␈`, CR → `␍`,
///   LF → `␊`, DEL → `␡`), C1 by U+FFFD `�`. A tab becomes one space.
/// - an escape sequence. Whatever ESC (or an 8-bit introducer) starts, the
///   whole sequence, parameters and terminator included, becomes ONE
///   ``sequenceMarker`` (`␛`, U+241B): CSI (`ESC [` / U+009B) up to its final
///   byte; OSC, DCS, SOS, PM, APC (`ESC ] P X ^ _` / U+009D U+0090 U+0098
///   U+009E U+009F) up to BEL, ST (`ESC \` or U+009C), CAN or SUB, and to the
///   end of the text when unterminated; two- and three-byte escapes
///   (`ESC c`, `ESC 7`, `ESC # 8`, `ESC ( 0`). Text around it is kept:
///   `"before␛after"`. Sequences with nothing between them leave one marker.
/// - a bidi control: embeddings, overrides and isolates (U+202A–U+202E,
///   U+2066–U+2069), LRM, RLM, ALM (U+200E, U+200F, U+061C): removed.
/// - an invisible character: ZWSP, ZWNJ (U+200B, U+200C), word joiner and
///   invisible operators (U+2060–U+206F), BOM (U+FEFF), soft hyphen (U+00AD),
///   CGJ (U+034F), Mongolian vowel separator (U+180E), Hangul fillers
///   (U+115F, U+1160, U+3164, U+FFA0), Khmer inherent vowels (U+17B4, U+17B5),
///   interlinear annotation controls (U+FFF9–U+FFFB), shorthand format
///   controls, musical format controls and plane-14 tags: removed.
///   Exceptions that keep emoji whole: ZWJ (U+200D) stays only between two
///   emoji (`👩‍👩‍👧`); tag characters stay only inside a well-formed emoji tag
///   sequence (🏴 + 2–7 tag letters/digits + CANCEL TAG, the subdivision
///   flags); a variation selector stays only right after a base character
///   (not after a space, a mark, another selector or the start of a line),
///   and U+FE0E/U+FE0F only after a character that has emoji forms.
/// - a combining mark with nothing to sit on (at the start, after a control
///   or marker) or beyond ``maxCombiningMarks`` on one base (Zalgo text
///   stacks over neighbouring rows; ncurses keeps 5 scalars per cell).
/// - a noncharacter (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF): replaced by U+FFFD.
/// - a line or paragraph separator (U+2028, U+2029): a space.
///
/// Printable ASCII, and text with no scalar that needs handling (CJK, most
/// accented letters, RTL letters, most single emoji), pass without a copy.
public enum SafeText {
    /// The one visible mark left where an escape sequence was removed.
    public static let sequenceMarker: Unicode.Scalar = "\u{241B}"  // ␛ SYMBOL FOR ESCAPE
    /// What a C1 control or a noncharacter becomes.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"
    /// Combining marks kept on one base character; the rest are dropped.
    public static let maxCombiningMarks = 4
    /// Columns between tab stops in ``multiline(_:tabWidth:)``.
    public static let defaultTabWidth = 4

    /// One line's worth of displayable characters: control characters,
    /// escape sequences, bidi controls and invisible format characters never pass.
    /// Line breaks inside become visible (`␊`, `␍`), a tab a space.
    public static func displayable(_ text: String) -> String {
        if isPrintableASCII(text) || isPlain(text) { return text }
        return String(scrub(text, lineBreaks: false))
    }

    /// Splits text into display lines and makes each one displayable.
    ///
    /// Lines break at LF, CR LF, CR, VT, FF, NEL (U+0085), U+2028 and U+2029.
    /// A final line break does not start an empty line (`"a\n"` → `["a"]`,
    /// `""` → `[]`); empty lines inside are kept. Escape sequences are removed
    /// before the text is split, so one spanning lines goes as a whole. Tabs
    /// expand to spaces up to the next multiple of `tabWidth` columns
    /// (counted with ``TextWidth``; default 4, the usual code indentation,
    /// narrower than the terminal's 8 so indented text fits a pane).
    public static func multiline(_ text: String, tabWidth: Int = defaultTabWidth) -> [String] {
        let cleaned = scrub(text, lineBreaks: true)
        var lines: [String] = []
        var line = String.UnicodeScalarView()
        var hasTab = false
        func flush() {
            let s = String(line)
            lines.append(hasTab ? expandTabs(s, tabWidth: tabWidth) : s)
            line = String.UnicodeScalarView()
            hasTab = false
        }
        for s in cleaned {
            if s == "\n" {
                flush()
            } else {
                if s == "\t" { hasTab = true }
                line.append(s)
            }
        }
        if !line.isEmpty { flush() }
        return lines
    }

    /// Text from raw bytes: invalid UTF-8 becomes U+FFFD, one per maximal
    /// invalid subsequence. The result still needs ``displayable(_:)``.
    public static func decodeUTF8(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Implementation

    static func isPrintableASCII(_ text: String) -> Bool {
        for byte in text.utf8 where byte < 0x20 || byte > 0x7E { return false }
        return true
    }

    /// True when every scalar is one ``scrub(_:lineBreaks:)`` copies as it is
    /// whatever surrounds it (so the text needs no copy): printable, not a
    /// control, not zero-width, not one of the removed or replaced ones.
    static func isPlain(_ text: String) -> Bool {
        for s in text.unicodeScalars where !isPlainScalar(s) { return false }
        return true
    }

    static func isPlainScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x7F { return v >= 0x20 }
        if v < 0xA0 || v == 0xAD { return false }
        if v < 0x300 { return true }
        switch v {
        case 0x115F, 0x3164, 0xFFA0, 0xFDD0...0xFDEF, 0xE0000...0xE0FFF: return false
        default: return v & 0xFFFE != 0xFFFE && TextWidth.scalar(s) != 0
        }
    }

    static func expandTabs(_ line: String, tabWidth: Int) -> String {
        let stop = max(1, tabWidth)
        var out = ""
        var column = 0
        for ch in line {
            if ch == "\t" {
                let n = stop - column % stop
                out.append(String(repeating: " ", count: n))
                column += n
            } else {
                out.append(ch)
                column += TextWidth.of(ch)
            }
        }
        return out
    }

    /// What the last kept scalar lets follow it.
    private enum Last {
        case none    // start, control, marker, joiner: nothing attaches
        case space   // marks may attach, selectors may not
        case base    // marks and one variation selector may attach
        case selector // marks may attach (keycap: 1 FE0F 20E3)
        case mark    // more marks, up to the limit
    }

    /// The sanitiser. With `lineBreaks`, line breaks come out as "\n" and tabs
    /// as "\t" (for ``multiline``); otherwise they become visible symbols and
    /// spaces.
    static func scrub(_ text: String, lineBreaks: Bool) -> String.UnicodeScalarView {
        let s = Array(text.unicodeScalars)
        let n = s.count
        var out = String.UnicodeScalarView()
        var last = Last.none
        var emoji = false  // inside an emoji (base, selector, modifier, keycap): a ZWJ may follow
        var marks = 0
        var i = 0

        var lastBase: Unicode.Scalar = " "  // the base a selector would attach to
        var afterSequence = false  // the last thing out was a sequence marker

        func marker(_ m: Unicode.Scalar) {
            out.append(m)
            last = .none
            emoji = false
        }
        func sequence() {
            // Adjacent sequences (ESC ESC, a DCS wrapping an OSC) leave one marker.
            if !afterSequence { marker(sequenceMarker) }
            afterSequence = true
        }

        while i < n {
            let c = s[i]
            let v = c.value
            if v < 0x20 || (v >= 0x7F && v < 0xA0) {
                switch v {
                case 0x1B:
                    i = skipEscape(s, from: i)
                    sequence()
                    continue
                case 0x9B:
                    i = skipCSI(s, from: i + 1)
                    sequence()
                    continue
                case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
                    i = skipString(s, from: i + 1)
                    sequence()
                    continue
                case 0x09:
                    if lineBreaks { out.append("\t"); last = .none } else { out.append(" "); last = .space }
                    emoji = false
                    i += 1
                case 0x0A, 0x0B, 0x0C, 0x0D, 0x85:
                    if lineBreaks {
                        out.append("\n")
                        last = .none
                        emoji = false
                        if v == 0x0D && i + 1 < n && s[i + 1] == "\n" { i += 1 }
                    } else {
                        marker(v == 0x85 ? replacement : Unicode.Scalar(0x2400 + v)!)
                    }
                    i += 1
                case 0x7F:
                    marker("\u{2421}")  // ␡
                    i += 1
                case 0x80...0x9F:
                    marker(replacement)
                    i += 1
                default:
                    marker(Unicode.Scalar(0x2400 + v)!)
                    i += 1
                }
                afterSequence = false
                continue
            }
            afterSequence = false
            if v < 0x7F {
                out.append(c)
                last = v == 0x20 ? .space : .base
                lastBase = c
                emoji = false
                marks = 0
                i += 1
                continue
            }
            switch v {
            case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E,
                 0x200B, 0x200C, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x206F,
                 0x3164, 0xFEFF, 0xFFA0, 0xFFF9...0xFFFB,
                 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A,
                 0xE0000...0xE00FF, 0xE01F0...0xE0FFF:
                // Invisible, bidi or tag characters (valid tag sequences are
                // copied whole with their 🏴 below).
                i += 1
            case 0x2028, 0x2029:
                if lineBreaks { out.append("\n"); last = .none } else { out.append(" "); last = .space }
                emoji = false
                i += 1
            case 0x200D:
                if emoji && i + 1 < n && isPictographic(s[i + 1]) {
                    out.append(c)
                    last = .none
                }
                i += 1
            case 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0x180B...0x180D, 0x180F:
                // Emoji and text presentation selectors only on an emoji
                // (digits, # and * count: keycaps); the others on any base.
                if last == .base && (v < 0xFE0E || v > 0xFE0F || lastBase.properties.isEmoji) {
                    out.append(c)
                    last = .selector
                }
                i += 1
            case 0xFDD0...0xFDEF:
                marker(replacement)
                i += 1
            default:
                if v & 0xFFFE == 0xFFFE {
                    marker(replacement)
                    i += 1
                } else if v == 0x1F3F4, let end = tagSequenceEnd(s, from: i + 1) {
                    // 🏴 + tags + CANCEL TAG: a subdivision flag, kept whole.
                    out.append(contentsOf: s[i...end])
                    last = .selector
                    emoji = true
                    i = end + 1
                } else if v >= 0x1F3FB && v <= 0x1F3FF && emoji {
                    out.append(c)  // skin tone on an emoji
                    last = .selector
                    i += 1
                } else if TextWidth.scalar(c) == 0 {
                    // A combining mark (or Hangul medial/final jamo, or an
                    // enclosing keycap): only on a base, and only so many.
                    switch last {
                    case .space, .base, .selector, .mark:
                        if marks < maxCombiningMarks {
                            out.append(c)
                            marks += 1
                            last = .mark
                        }
                    case .none:
                        break
                    }
                    i += 1
                } else {
                    out.append(c)
                    last = .base
                    lastBase = c
                    emoji = isPictographic(c)
                    marks = 0
                    i += 1
                }
            }
        }
        return out
    }

    /// An emoji that may stand on either side of a ZWJ. ASCII digits, `#`
    /// and `*` have the Emoji property but never join.
    static func isPictographic(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0xA9 && s.properties.isEmoji && !(s.value >= 0x1F3FB && s.value <= 0x1F3FF)
    }

    /// Index after the escape sequence that starts with ESC at `i`.
    static func skipEscape(_ s: [Unicode.Scalar], from i: Int) -> Int {
        let j = i + 1
        guard j < s.count else { return j }
        switch s[j].value {
        case 0x5B: return skipCSI(s, from: j + 1)  // [
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: return skipString(s, from: j + 1)  // ] P X ^ _
        case 0x20...0x2F:
            // nF escape: intermediates, then one final byte.
            var k = j
            while k < s.count, (0x20...0x2F).contains(s[k].value) { k += 1 }
            if k < s.count, (0x30...0x7E).contains(s[k].value) { k += 1 }
            return k
        case 0x30...0x7E: return j + 1  // ESC 7, ESC c, ESC D, ESC \ ...
        default: return j  // ESC before a control or non-ASCII: the ESC alone
        }
    }

    /// Index after a CSI whose parameters start at `j`: parameter and
    /// intermediate bytes, then a final byte. Anything else ends it early
    /// (left for the main loop); the end of the text ends it too.
    static func skipCSI(_ s: [Unicode.Scalar], from j: Int) -> Int {
        var k = j
        while k < s.count {
            let v = s[k].value
            if v >= 0x20 && v <= 0x3F { k += 1; continue }
            if v >= 0x40 && v <= 0x7E { return k + 1 }
            return k
        }
        return k
    }

    /// Index after a control string (OSC, DCS, SOS, PM, APC) whose payload
    /// starts at `j`: up to and including BEL, ST (ESC \ or U+009C), CAN or
    /// SUB; an ESC starting anything else ends it before that ESC;
    /// unterminated, to the end of the text.
    static func skipString(_ s: [Unicode.Scalar], from j: Int) -> Int {
        var k = j
        while k < s.count {
            switch s[k].value {
            case 0x07, 0x9C, 0x18, 0x1A:
                return k + 1
            case 0x1B:
                if k + 1 < s.count && s[k + 1] == "\\" { return k + 2 }
                return k
            default:
                k += 1
            }
        }
        return k
    }

    /// Index of the CANCEL TAG closing a well-formed emoji tag sequence
    /// whose tags start at `j`, or nil.
    static func tagSequenceEnd(_ s: [Unicode.Scalar], from j: Int) -> Int? {
        var k = j
        while k < s.count, k - j <= 7 {
            let v = s[k].value
            if (0xE0030...0xE0039).contains(v) || (0xE0061...0xE007A).contains(v) { k += 1; continue }
            if v == 0xE007F && k - j >= 2 { return k }
            return nil
        }
        return nil
    }
}

extension SafeText {
    /// The most columns an error line keeps; a longer one loses its middle.
    public static let errorColumns = 240

    /// An error or refusal as one line safe for a terminal, whatever it quotes
    /// from input: the same sanitising as member text (``displayable(_:)``: a
    /// line break shows as `␊`, an escape sequence as `␛`), and a line over
    /// `columns` keeps its start and its end around a `…`, so a huge input cannot
    /// flood the terminal while the rule it broke, which messages end with, stays.
    /// The command line prints every error through here.
    public static func errorLine(_ message: String, columns: Int = errorColumns) -> String {
        let line = displayable(message)
        guard TextWidth.of(line) > columns else { return line }
        let head = TextWrap.truncate(line, width: columns / 2, ellipsis: "")
        let tail = String(TextWrap.truncate(String(line.reversed()), width: columns - columns / 2 - 1, ellipsis: "").reversed())
        return head + "…" + tail
    }
}

extension SafeText {
    /// `displayable` text for columns printed straight to a terminal (the
    /// command line's tables and bars), drawn as the Canvas draws it: a
    /// skin-tone modifier inside an emoji is left out. TextWidth counts `👍🏽`
    /// and `👩🏽‍🚀` as 2 columns and tmux draws 4; without the tone both say 2,
    /// so every column after it stays where TextWidth put it.
    public static func columnar(_ text: String) -> String {
        var out = ""
        for character in displayable(text) {
            let scalars = character.unicodeScalars
            guard scalars.count > 1, scalars.contains(where: isSkinTone) else { out.append(character); continue }
            var kept = String.UnicodeScalarView()
            for scalar in scalars where !isSkinTone(scalar) { kept.append(scalar) }
            out.unicodeScalars.append(contentsOf: kept)
        }
        return out
    }

    static func isSkinTone(_ scalar: Unicode.Scalar) -> Bool { (0x1F3FB...0x1F3FF).contains(scalar.value) }
}
