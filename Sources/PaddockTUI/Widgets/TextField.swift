import PaddockCore

/// A single-line input for titles and search.
///
/// Keys: printable characters insert; a paste inserts its text in one step
/// (newlines become spaces); Backspace / Delete; Left / Right;
/// Home / End and Ctrl-A / Ctrl-E go to the start / end; Ctrl-U and Ctrl-K kill
/// to the start / end; Ctrl-W deletes the previous word. `handle` returns true
/// for these (even when nothing changes) and false for anything else (Enter,
/// Tab, Esc, arrows up/down, other Ctrl keys), which the screen handles.
///
/// `maxLength` counts characters (graphemes). Input past it is refused, not
/// truncated silently: `refusedInput` says the last key or insert hit the
/// limit, so the screen can tell the member why nothing happened.
///
/// Longer text scrolls horizontally. `scrollOffset` (the first visible
/// grapheme) moves only as much as needed to keep the cursor in view; give
/// `handle` the width to keep it in step, and `render` adjusts on its own
/// if it is stale. Everything is O(length of the text).
public struct TextField: Equatable, Sendable {
    public private(set) var text: String
    /// Grapheme index of the cursor, 0...text.count.
    public private(set) var cursor: Int
    /// Grapheme index of the first visible grapheme.
    public private(set) var scrollOffset: Int = 0
    /// The most characters the field accepts; nil for no limit.
    public var maxLength: Int?
    /// True when the last key or insert was (partly) refused by `maxLength`.
    public private(set) var refusedInput = false

    /// A field holding `text` (newlines and tabs become spaces), cursor at the end.
    public init(text: String = "", maxLength: Int? = nil) {
        self.text = InputText.normalized(text, newline: " ")
        self.maxLength = maxLength
        self.cursor = self.text.count
    }

    public var isEmpty: Bool { text.isEmpty }

    /// What to tell the member when the last key or paste did not all fit.
    public var refusal: String? {
        guard refusedInput, let maxLength else { return nil }
        return "at most \(maxLength) characters fit here: the rest was not taken"
    }

    /// Replaces the text and puts the cursor at the end (not limited by `maxLength`).
    public mutating func setText(_ newText: String) {
        text = InputText.normalized(newText, newline: " ")
        cursor = text.count
        scrollOffset = 0
        refusedInput = false
    }

    /// Applies a key; true when the field used it. With `width`, the
    /// horizontal scroll follows the cursor steadily.
    public mutating func handle(_ key: Key, width: Int? = nil) -> Bool {
        refusedInput = false
        switch key {
        case .character(let c):
            guard InputText.isPrintable(c) else { return false }
            insert(String(c))
        case .paste(let pasted):
            insert(pasted)
        case .backspace:
            if cursor > 0 { remove(cursor - 1..<cursor) }
        case .delete:
            if cursor < text.count { remove(cursor..<cursor + 1) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"): remove(0..<cursor)
        case .ctrl("k"): remove(cursor..<text.count)
        case .ctrl("w"):
            let before = Array(text[..<text.index(atGrapheme: cursor)])
            var start = before.count
            while start > 0, before[start - 1].isWhitespace { start -= 1 }
            while start > 0, !before[start - 1].isWhitespace { start -= 1 }
            remove(start..<cursor)
        default:
            return false
        }
        if let width { scrollToCursor(width: width) }
        return true
    }

    /// Inserts text at the cursor (newlines and tabs become spaces, control
    /// characters are dropped), up to `maxLength`. Returns false, and sets
    /// `refusedInput`, when some of it did not fit.
    @discardableResult
    public mutating func insert(_ newText: String) -> Bool {
        var piece = InputText.normalized(newText, newline: " ")
        var fitted = true
        if let maxLength {
            let room = max(0, maxLength - text.count)
            if piece.count > room {
                piece = String(piece.prefix(room))
                fitted = false
            }
        }
        refusedInput = !fitted
        guard !piece.isEmpty else { return fitted }
        let split = text.index(atGrapheme: cursor)
        let head = String(text[..<split]) + piece
        text = head + String(text[split...])
        cursor = min(head.count, text.count)
        return fitted
    }

    private mutating func remove(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let lower = text.index(atGrapheme: range.lowerBound)
        let upper = text[lower...].index(lower, offsetBy: range.count, limitedBy: text.endIndex) ?? text.endIndex
        text.removeSubrange(lower..<upper)
        cursor = min(range.lowerBound, text.count)
    }

    /// Moves `scrollOffset` as little as possible so the cursor shows in `width` columns.
    public mutating func scrollToCursor(width: Int) {
        scrollOffset = visibleStart(width: width)
    }

    /// The first visible grapheme when drawn `width` columns wide: the stored
    /// offset, moved just enough for the cursor's cell to show, and pulled
    /// back when text was deleted so the field stays full.
    public func visibleStart(width: Int) -> Int {
        let w = max(1, width)
        let widths = text.map { TextWidth.of($0) }
        let cursorCells = cursor < widths.count ? max(1, widths[cursor]) : 1
        var start = min(max(0, scrollOffset), cursor)
        var used = widths[start..<cursor].reduce(0, +)
        while start < cursor, used + cursorCells > w {
            used -= widths[start]
            start += 1
        }
        // Pull back while the text from `start - 1` to the end (plus the end cursor cell) still fits.
        var total = widths[start...].reduce(0, +) + 1
        while start > 0, total + widths[start - 1] <= w {
            start -= 1
            total += widths[start]
        }
        return start
    }

    /// Display column of the cursor within the field drawn `width` columns wide.
    public func cursorScreenColumn(width: Int) -> Int {
        let start = visibleStart(width: width)
        return Array(text)[start..<cursor].reduce(0) { $0 + TextWidth.of($1) }
    }

    /// Draws the field on one row, blanking it first; the cursor cell takes
    /// `cursorRole` (nil hides it, for an unfocused field). An empty field
    /// shows `placeholder` in `.muted`.
    public func render(
        into canvas: inout Canvas, x: Int, y: Int, width: Int,
        role: StyleRole = .normal, cursorRole: StyleRole? = .selection, placeholder: String? = nil
    ) {
        guard width > 0 else { return }
        canvas.fill(x: x, y: y, width: width, height: 1, role: role)
        let characters = Array(text)
        let start = visibleStart(width: width)
        if characters.isEmpty, let placeholder {
            canvas.put(placeholder, x: x, y: y, role: .muted, maxWidth: width)
        }
        var col = 0
        var cursorColumn = 0
        var cursorCells = 1
        for i in start..<characters.count {
            let w = TextWidth.of(characters[i])
            if i == cursor {
                cursorColumn = col
                cursorCells = max(1, w)
            }
            if col + w > width { break }
            if w > 0 {
                canvas.put(String(characters[i]), x: x + col, y: y, role: role, maxWidth: w)
            }
            col += w
        }
        if cursor >= characters.count { cursorColumn = col }
        guard let cursorRole, cursorColumn < width else { return }
        canvas.restyle(x: x + cursorColumn, y: y, width: min(cursorCells, width - cursorColumn), role: cursorRole)
    }
}
