import PaddockCore

/// The built-in multi-line editor used to compose replies and new threads.
///
/// Pure state: keys in, text and cursor out; `render` draws into a Canvas.
/// Lines soft-wrap at the width it is drawn at (see `LineLayout` for the
/// rules); the cursor moves through wrapped rows the way a real editor does.
///
/// Keys (`handle` returns true for each of these, even when nothing changes,
/// so the screen does not act on them too):
/// - printable characters insert; Enter splits the line; a paste inserts
///   its text in one step (see `insert`);
/// - Backspace / Delete delete before / at the cursor, joining lines at the ends;
/// - Left / Right move by grapheme and cross line ends;
/// - Up / Down move by wrapped display row keeping a sticky column; Up on the
///   first row goes to the start of the text, Down on the last to its end;
/// - PageUp / PageDown move the cursor `height - 1` rows and scroll with it;
/// - Home / End go to the start / end of the *wrapped display row*;
/// - Ctrl-A / Ctrl-E go to the start / end of the *logical line*;
/// - Ctrl-K kills to the end of the line (at the end: joins the next line);
/// - Ctrl-U kills to the start of the line; Ctrl-W deletes the previous word.
/// Tab is not used (false), so the compose screen can move between its title
/// field and the body; Esc, other Ctrl keys, Back-Tab and function keys are
/// not used either.
///
/// Cost: an edit is O(length of the cursor's line) (plus O(lines) to shift the
/// line array when lines are split or joined). Layout is never computed for
/// the whole text: keeping the cursor visible, moving by rows and rendering
/// wrap only the lines between the scroll position and the cursor, at most
/// `height` of them, each in O(its length). Nothing is O(total text) per key
/// except `text` itself (O(text) to join) and `cursorScreenPosition`, which is
/// O(rows between the top and the cursor) and meant for tests.
public struct TextEditor: Equatable, Sendable {
    /// A cursor position: a logical line and a grapheme index within it
    /// (0...graphemes in the line).
    public struct Position: Equatable, Comparable, Sendable {
        public var line: Int
        public var index: Int
        public init(line: Int, index: Int) {
            self.line = line
            self.index = index
        }
        public static func < (a: Position, b: Position) -> Bool {
            (a.line, a.index) < (b.line, b.index)
        }
    }

    /// A wrapped display row: the `row`-th row of logical line `line`.
    public struct RowPosition: Equatable, Comparable, Sendable {
        public var line: Int
        public var row: Int
        public init(line: Int, row: Int) {
            self.line = line
            self.row = row
        }
        public static func < (a: RowPosition, b: RowPosition) -> Bool {
            (a.line, a.row) < (b.line, b.row)
        }
    }

    /// The logical lines; never empty (an empty editor holds one empty line).
    public private(set) var lines: [String]
    /// Where typing goes; always within `lines`.
    public private(set) var cursor: Position
    /// The first visible wrapped row. Kept as (line, row) rather than a global
    /// row number so scrolling never needs the layout of the lines above it.
    public private(set) var scrollTop: RowPosition = RowPosition(line: 0, row: 0)
    /// The display column Up/Down/PageUp/PageDown aim for (sticky column).
    private var desiredColumn: Int?

    /// An editor holding `text` (line endings and tabs normalised), with the
    /// cursor at its end, ready to continue writing.
    public init(text: String = "") {
        lines = TextEditor.splitLines(InputText.normalized(text))
        cursor = Position(line: 0, index: 0)
        moveToEndOfText()
    }

    /// The text, lines joined with "\n". Setting it replaces everything and
    /// puts the cursor at the end.
    public var text: String {
        get { lines.joined(separator: "\n") }
        set {
            lines = TextEditor.splitLines(InputText.normalized(newValue))
            scrollTop = RowPosition(line: 0, row: 0)
            desiredColumn = nil
            moveToEndOfText()
        }
    }

    public var isEmpty: Bool { lines.count == 1 && lines[0].isEmpty }

    // MARK: - Keys

    /// Applies a key; true when the editor used it. `width` and `height` are
    /// the size it is drawn at, for wrapped-row motion and scrolling.
    public mutating func handle(_ key: Key, width: Int, height: Int) -> Bool {
        var layouts = Layouts(width: width)
        var keepsColumn = false
        switch key {
        case .character(let c):
            if InputText.isNewline(c) {
                insertNewline()
            } else if InputText.isPrintable(c) {
                insertInLine(String(c))
            } else {
                return false
            }
        case .enter: insertNewline()
        case .paste(let text): insert(text)
        case .backspace: deleteBackward()
        case .delete: deleteForward()
        case .left: moveLeft()
        case .right: moveRight()
        case .up:
            moveByRows(-1, &layouts)
            keepsColumn = true
        case .down:
            moveByRows(1, &layouts)
            keepsColumn = true
        case .pageUp:
            page(-1, height: height, &layouts)
            keepsColumn = true
        case .pageDown:
            page(1, height: height, &layouts)
            keepsColumn = true
        case .home:
            let layout = layouts.get(cursor.line, lines)
            cursor.index = layout.rowRange(layout.row(of: cursor.index)).lowerBound
        case .end:
            let layout = layouts.get(cursor.line, lines)
            cursor.index = layout.lastIndex(row: layout.row(of: cursor.index))
        case .ctrl("a"): cursor.index = 0
        case .ctrl("e"): cursor.index = lines[cursor.line].count
        case .ctrl("k"): killToEndOfLine()
        case .ctrl("u"): killToStartOfLine()
        case .ctrl("w"): deletePreviousWord()
        default:
            return false
        }
        if !keepsColumn { desiredColumn = nil }
        scrollTop = adjustedTop(width: width, height: height, &layouts)
        return true
    }

    /// Inserts text at the cursor (a paste, or text back from the external
    /// editor): "\r\n" and "\r" become "\n", tabs four spaces, other control
    /// characters are dropped. O(length of the text + the cursor's line +
    /// lines); a 100 KB paste is one splice, not one edit per character.
    public mutating func insert(_ text: String) {
        desiredColumn = nil
        let pieces = TextEditor.splitLines(InputText.normalized(text))
        if pieces.count == 1 {
            insertInLine(pieces[0])
            return
        }
        let line = lines[cursor.line]
        let split = line.index(atGrapheme: cursor.index)
        let head = String(line[..<split]) + pieces[0]
        let last = pieces[pieces.count - 1]
        let tail = last + String(line[split...])
        var replacement = [head]
        replacement.append(contentsOf: pieces[1..<(pieces.count - 1)])
        replacement.append(tail)
        lines.replaceSubrange(cursor.line...cursor.line, with: replacement)
        cursor = Position(line: cursor.line + pieces.count - 1, index: last.count)
        clampCursor()
    }

    /// Moves `scrollTop` so the cursor's row is among the `height` visible
    /// rows (scrolling as little as possible) and the view is full when the
    /// text is long enough. `handle` calls it; call it after `insert` or a
    /// resize to keep `scrollTop` in step (rendering adjusts on its own).
    public mutating func scrollToCursor(width: Int, height: Int) {
        var layouts = Layouts(width: width)
        scrollTop = adjustedTop(width: width, height: height, &layouts)
    }

    // MARK: - Editing

    private mutating func insertInLine(_ piece: String) {
        guard !piece.isEmpty else { return }
        let line = lines[cursor.line]
        let split = line.index(atGrapheme: cursor.index)
        let head = String(line[..<split]) + piece
        lines[cursor.line] = head + String(line[split...])
        // Counting the head (not index + piece.count) keeps the cursor right
        // when a typed combining mark joins the grapheme before it.
        cursor.index = head.count
        clampCursor()
    }

    private mutating func insertNewline() {
        let line = lines[cursor.line]
        let split = line.index(atGrapheme: cursor.index)
        lines[cursor.line] = String(line[..<split])
        lines.insert(String(line[split...]), at: cursor.line + 1)
        cursor = Position(line: cursor.line + 1, index: 0)
    }

    private mutating func deleteBackward() {
        if cursor.index == 0 {
            joinWithPreviousLine()
        } else {
            deleteInLine(cursor.index - 1..<cursor.index)
        }
    }

    private mutating func deleteForward() {
        let line = lines[cursor.line]
        let split = line.index(atGrapheme: cursor.index)
        if split == line.endIndex {
            guard cursor.line + 1 < lines.count else { return }
            lines[cursor.line] = line + lines[cursor.line + 1]
            lines.remove(at: cursor.line + 1)
        } else {
            lines[cursor.line].removeSubrange(split..<line.index(after: split))
        }
        clampCursor()
    }

    private mutating func joinWithPreviousLine() {
        guard cursor.line > 0 else { return }
        let previous = lines[cursor.line - 1]
        let joinAt = previous.count
        lines[cursor.line - 1] = previous + lines[cursor.line]
        lines.remove(at: cursor.line)
        cursor = Position(line: cursor.line - 1, index: joinAt)
        clampCursor()
    }

    /// Removes graphemes `range` of the cursor's line and puts the cursor where they were.
    private mutating func deleteInLine(_ range: Range<Int>) {
        let line = lines[cursor.line]
        let lower = line.index(atGrapheme: range.lowerBound)
        let upper = line[lower...].index(lower, offsetBy: range.count, limitedBy: line.endIndex) ?? line.endIndex
        lines[cursor.line].removeSubrange(lower..<upper)
        cursor.index = range.lowerBound
        clampCursor()
    }

    private mutating func killToEndOfLine() {
        let count = lines[cursor.line].count
        if cursor.index >= count {
            deleteForward()
        } else {
            deleteInLine(cursor.index..<count)
        }
    }

    private mutating func killToStartOfLine() {
        deleteInLine(0..<cursor.index)
    }

    /// Deletes back over spaces, then over the word before them; at the start
    /// of a line it joins the line to the previous one, like Backspace.
    private mutating func deletePreviousWord() {
        guard cursor.index > 0 else {
            joinWithPreviousLine()
            return
        }
        let line = lines[cursor.line]
        let before = Array(line[..<line.index(atGrapheme: cursor.index)])
        var start = before.count
        while start > 0, before[start - 1].isWhitespace { start -= 1 }
        while start > 0, !before[start - 1].isWhitespace { start -= 1 }
        deleteInLine(start..<cursor.index)
    }

    // MARK: - Motion

    private mutating func moveLeft() {
        if cursor.index > 0 {
            cursor.index -= 1
        } else if cursor.line > 0 {
            cursor = Position(line: cursor.line - 1, index: lines[cursor.line - 1].count)
        }
    }

    private mutating func moveRight() {
        if cursor.index < lines[cursor.line].count {
            cursor.index += 1
        } else if cursor.line + 1 < lines.count {
            cursor = Position(line: cursor.line + 1, index: 0)
        }
    }

    private mutating func moveToEndOfText() {
        cursor = Position(line: lines.count - 1, index: lines[lines.count - 1].count)
    }

    /// Moves the cursor `delta` wrapped rows, aiming for the sticky column.
    /// Past the first row it goes to the start of the text, past the last to
    /// its end. O(|delta| rows + the lines crossed).
    private mutating func moveByRows(_ delta: Int, _ layouts: inout Layouts) {
        let layout = layouts.get(cursor.line, lines)
        let here = RowPosition(line: cursor.line, row: layout.row(of: cursor.index))
        let goal = desiredColumn ?? layout.column(of: cursor.index)
        let (target, moved) = step(here, by: delta, &layouts)
        if moved < abs(delta) {
            // Ran out of rows: go to the very start or end, as editors do.
            if delta < 0 {
                cursor = Position(line: 0, index: 0)
            } else {
                moveToEndOfText()
            }
            desiredColumn = nil
            return
        }
        let targetLayout = layouts.get(target.line, lines)
        cursor = Position(line: target.line, index: targetLayout.index(atColumn: goal, row: target.row))
        desiredColumn = goal
    }

    /// PageUp/PageDown: the cursor moves a screen of rows less one (a row of
    /// context stays in view) and the view scrolls by as much, so the cursor
    /// keeps its place on the screen. At the ends the cursor stops on the
    /// first or last row.
    private mutating func page(_ direction: Int, height: Int, _ layouts: inout Layouts) {
        let rows = max(1, height - 1)
        let layout = layouts.get(cursor.line, lines)
        let here = RowPosition(line: cursor.line, row: layout.row(of: cursor.index))
        let top = adjustedTop(width: layouts.width, height: height, &layouts)
        let screenRow = distance(from: top, to: here, limit: height, &layouts)
        let goal = desiredColumn ?? layout.column(of: cursor.index)
        let (target, _) = step(here, by: direction * rows, &layouts)
        let targetLayout = layouts.get(target.line, lines)
        cursor = Position(line: target.line, index: targetLayout.index(atColumn: goal, row: target.row))
        desiredColumn = goal
        scrollTop = step(target, by: -screenRow, &layouts).position
    }

    private mutating func clampCursor() {
        cursor.line = min(max(0, cursor.line), lines.count - 1)
        cursor.index = min(max(0, cursor.index), lines[cursor.line].count)
    }

    // MARK: - Layout

    /// Layouts of the lines one operation looks at, each built once.
    struct Layouts {
        let width: Int
        private var cache: [Int: LineLayout] = [:]
        init(width: Int) { self.width = max(1, width) }
        mutating func get(_ line: Int, _ lines: [String]) -> LineLayout {
            if let layout = cache[line] { return layout }
            let layout = LineLayout(lines[line], width: width)
            cache[line] = layout
            return layout
        }
    }

    /// Moves `n` rows from `position` (negative: up), stopping at the first
    /// or last row; returns where it stopped and how many rows it moved.
    private func step(_ position: RowPosition, by n: Int, _ layouts: inout Layouts) -> (position: RowPosition, moved: Int) {
        var p = position
        var left = abs(n)
        if n >= 0 {
            while left > 0 {
                let rows = layouts.get(p.line, lines).rowCount
                let inLine = rows - 1 - p.row
                if left <= inLine {
                    p.row += left
                    left = 0
                } else if p.line + 1 < lines.count {
                    left -= inLine + 1
                    p = RowPosition(line: p.line + 1, row: 0)
                } else {
                    left -= inLine
                    p.row = rows - 1
                    break
                }
            }
        } else {
            while left > 0 {
                if left <= p.row {
                    p.row -= left
                    left = 0
                } else if p.line > 0 {
                    left -= p.row + 1
                    let rows = layouts.get(p.line - 1, lines).rowCount
                    p = RowPosition(line: p.line - 1, row: rows - 1)
                } else {
                    left -= p.row
                    p.row = 0
                    break
                }
            }
        }
        return (p, abs(n) - left)
    }

    /// Rows from `a` down to `b` (a <= b), counting no further than `limit`.
    private func distance(from a: RowPosition, to b: RowPosition, limit: Int, _ layouts: inout Layouts) -> Int {
        if a.line == b.line { return b.row - a.row }
        var count = layouts.get(a.line, lines).rowCount - a.row
        var line = a.line + 1
        while line < b.line, count < limit {
            count += layouts.get(line, lines).rowCount
            line += 1
        }
        return line == b.line ? count + b.row : count
    }

    /// Rows from `a` to the end of the text, counting no further than `limit`.
    private func rowsToEnd(from a: RowPosition, limit: Int, _ layouts: inout Layouts) -> Int {
        var count = layouts.get(a.line, lines).rowCount - a.row
        var line = a.line + 1
        while line < lines.count, count < limit {
            count += layouts.get(line, lines).rowCount
            line += 1
        }
        return count
    }

    /// The stored scroll position moved just enough for the cursor to show
    /// within `height` rows, then pulled up if the view would end early.
    /// O(height lines).
    private func adjustedTop(width: Int, height: Int, _ layouts: inout Layouts) -> RowPosition {
        let h = max(1, height)
        var top = scrollTop
        top.line = min(max(0, top.line), lines.count - 1)
        top.row = min(max(0, top.row), layouts.get(top.line, lines).rowCount - 1)
        let layout = layouts.get(cursor.line, lines)
        let here = RowPosition(line: cursor.line, row: layout.row(of: cursor.index))
        if here < top {
            top = here
        } else if distance(from: top, to: here, limit: h, &layouts) >= h {
            top = step(here, by: -(h - 1), &layouts).position
        }
        let remaining = rowsToEnd(from: top, limit: h, &layouts)
        if remaining < h {
            top = step(top, by: -(h - remaining), &layouts).position
        }
        return top
    }

    // MARK: - Display

    /// The cursor's place relative to the first visible row (`scrollTop` as
    /// last adjusted by `handle`/`scrollToCursor`), in rows and columns.
    public func cursorScreenPosition(width: Int) -> (row: Int, column: Int) {
        var layouts = Layouts(width: width)
        var top = scrollTop
        top.line = min(max(0, top.line), lines.count - 1)
        top.row = min(max(0, top.row), layouts.get(top.line, lines).rowCount - 1)
        let layout = layouts.get(cursor.line, lines)
        let here = RowPosition(line: cursor.line, row: layout.row(of: cursor.index))
        let row = here < top
            ? -distance(from: here, to: top, limit: .max, &layouts)
            : distance(from: top, to: here, limit: .max, &layouts)
        return (row, layout.column(of: cursor.index))
    }

    /// Draws the visible wrapped rows in the area, blanking it first. The
    /// cursor is a block: the cell under it (both cells of a wide grapheme,
    /// or a space at the end of a line) takes `cursorRole`; pass nil to hide
    /// it (an unfocused editor). An empty editor shows `placeholder` in
    /// `.muted`. Rendering scrolls to the cursor by itself if `scrollTop` is
    /// stale (after a resize or `insert`), so the cursor always shows.
    /// O(the visible lines).
    public func render(
        into canvas: inout Canvas, x: Int, y: Int, width: Int, height: Int,
        role: StyleRole = .normal, cursorRole: StyleRole? = .selection, placeholder: String? = nil
    ) {
        guard width > 0, height > 0 else { return }
        canvas.fill(x: x, y: y, width: width, height: height, role: role)
        var layouts = Layouts(width: width)
        let top = adjustedTop(width: width, height: height, &layouts)
        if isEmpty, let placeholder {
            for (i, line) in placeholder.split(separator: "\n", omittingEmptySubsequences: false).prefix(height).enumerated() {
                canvas.put(line, x: x, y: y + i, role: .muted, maxWidth: width)
            }
        } else {
            var p = top
            for screenRow in 0..<height {
                let layout = layouts.get(p.line, lines)
                var col = 0
                for i in layout.rowRange(p.row) {
                    let w = layout.widths[i]
                    if w > 0, col + w <= width {
                        // One grapheme at a time at the column the layout
                        // chose, so a grapheme SafeText drops cannot shift the rest.
                        canvas.put(String(layout.characters[i]), x: x + col, y: y + screenRow, role: role, maxWidth: w)
                    }
                    col += w
                }
                let (next, moved) = step(p, by: 1, &layouts)
                if moved == 0 { break }
                p = next
            }
        }
        guard let cursorRole else { return }
        let layout = layouts.get(cursor.line, lines)
        let here = RowPosition(line: cursor.line, row: layout.row(of: cursor.index))
        let row = distance(from: top, to: here, limit: height, &layouts)
        guard row >= 0, row < height else { return }
        let column = min(layout.column(of: cursor.index), width - 1)
        let cells = cursor.index < layout.count ? max(1, layout.widths[cursor.index]) : 1
        canvas.restyle(x: x + column, y: y + row, width: min(cells, width - column), role: cursorRole)
    }

    private static func splitLines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
