/// Lays member text out in columns: word wrap for post bodies, truncation
/// and padding for list columns. Widths come from ``TextWidth``, and every
/// function sanitises its input with ``SafeText`` first, so raw stored text
/// may be passed in.
public enum TextWrap {
    /// What stands in for a 2-column character when the width is 1 column.
    public static let placeholder: Character = "\u{FFFD}"

    /// Word-wraps `text` to lines at most `width` columns wide.
    ///
    /// - The text is split into lines with ``SafeText/multiline(_:tabWidth:)``
    ///   (so `""` gives `[]`, and empty lines between paragraphs are kept as
    ///   `""`); each line is then wrapped on its own.
    /// - Lines break at spaces, and before and after any 2-column character
    ///   (CJK text has no spaces between words). The spaces at a break are
    ///   dropped; no line ends with a space. Leading spaces (indentation)
    ///   are kept on a paragraph's first line while they fit.
    /// - A word wider than `width` is cut between grapheme clusters, filling
    ///   the current line first. A cluster is never split.
    /// - No line is wider than `width`. At width 1 a 2-column character
    ///   becomes ``placeholder`` (one column) rather than vanish, so the
    ///   reader sees something was there. A width below 1 gives `[]`.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for line in SafeText.multiline(text) {
            wrap(line, width: width, into: &out)
        }
        return out
    }

    /// `text` as one line of at most `width` columns: unchanged when it fits,
    /// otherwise cut between grapheme clusters, trailing spaces dropped, and
    /// `ellipsis` appended (dropped itself when wider than `width`). The
    /// result's width may be one less than `width` when a 2-column character
    /// would have straddled the edge. A width below 1 gives `""`.
    public static func truncate(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let line = SafeText.displayable(text)
        if TextWidth.of(line) <= width { return line }
        var tail = SafeText.displayable(ellipsis)
        var tailWidth = TextWidth.of(tail)
        if tailWidth > width { tail = ""; tailWidth = 0 }
        let budget = width - tailWidth
        var out = ""
        var used = 0
        for ch in line {
            let w = TextWidth.of(ch)
            if used + w > budget { break }
            out.append(ch)
            used += w
        }
        while out.last == " " { out.removeLast() }
        return out + tail
    }

    /// `text` as exactly `width` columns: truncated as by
    /// ``truncate(_:width:ellipsis:)``, then padded on the right with spaces.
    /// A width below 1 gives `""`.
    public static func pad(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let cut = truncate(text, width: width, ellipsis: ellipsis)
        let w = TextWidth.of(cut)
        return w < width ? cut + String(repeating: " ", count: width - w) : cut
    }

    // MARK: - Implementation

    /// Wraps one sanitised line (no line breaks, no tabs) into `out`.
    static func wrap(_ line: String, width: Int, into out: inout [String]) {
        if TextWidth.of(line) <= width {
            out.append(trimmingTrailingSpaces(line))
            return
        }
        var state = LineFiller(width: width)
        var word: [(Character, Int)] = []
        var wordWidth = 0
        var spaces = 0  // spaces seen before the word being gathered
        var gathering = false

        func endWord() {
            if gathering {
                state.place(word, width: wordWidth, spaces: spaces, into: &out)
                word.removeAll(keepingCapacity: true)
                wordWidth = 0
                spaces = 0
                gathering = false
            }
        }

        for ch in line {
            if ch == " " {
                endWord()
                spaces += 1
                continue
            }
            let w = TextWidth.of(ch)
            if w == 2 {
                // A wide character is a word of its own: breaks may come
                // before and after it.
                endWord()
                word.append((ch, w))
                wordWidth = w
                gathering = true
                endWord()
                continue
            }
            word.append((ch, w))
            wordWidth += w
            gathering = true
        }
        endWord()
        state.finish(into: &out)
    }

    /// The greedy line filler behind ``lines(_:width:)``.
    struct LineFiller {
        let width: Int
        var current = ""
        var used = 0
        var firstLine = true

        init(width: Int) { self.width = width }

        mutating func flush(into out: inout [String]) {
            out.append(TextWrap.trimmingTrailingSpaces(current))
            current = ""
            used = 0
            firstLine = false
        }

        mutating func finish(into out: inout [String]) {
            if used > 0 || firstLine || !current.isEmpty { flush(into: &out) }
        }

        /// Places a word preceded by `spaces` spaces (0: glued to what came before).
        mutating func place(_ word: [(Character, Int)], width wordWidth: Int, spaces: Int, into out: inout [String]) {
            // Spaces at the start of a continuation line are dropped.
            var lead = (used == 0 && !firstLine) ? 0 : spaces
            if used + lead + wordWidth <= width {
                appendSpaces(lead)
                for (ch, w) in word { current.append(ch); used += w }
                return
            }
            if wordWidth <= width {
                if used > 0 { flush(into: &out) }
                for (ch, w) in word { current.append(ch); used += w }
                return
            }
            // Longer than a line: fill this line, then whole lines.
            if used + lead >= width {
                if used > 0 { flush(into: &out) }
                lead = 0
            }
            appendSpaces(lead)
            for (ch, w) in word {
                var ch = ch, w = w
                if w > width { ch = TextWrap.placeholder; w = 1 }
                if used + w > width { flush(into: &out) }
                current.append(ch)
                used += w
            }
        }

        private mutating func appendSpaces(_ n: Int) {
            guard n > 0 else { return }
            current.append(String(repeating: " ", count: n))
            used += n
        }
    }

    static func trimmingTrailingSpaces(_ s: String) -> String {
        guard s.utf8.last == 0x20 else { return s }
        var t = s
        while t.last == " " { t.removeLast() }
        return t
    }
}
