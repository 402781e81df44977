import PaddockCore

/// The soft-wrapped layout of one logical line at a given width: which
/// graphemes start each display row, and how wide each grapheme is.
///
/// Rules (shared by the editor's display, cursor mapping and up/down motion):
/// - Rows break after a space where possible (word wrap); a word longer than a
///   row is broken between graphemes (hard break). A grapheme is never split.
/// - Non-space graphemes use at most `width - 1` columns of a row. The last
///   column is kept for a breaking space or for the cursor, so every cursor
///   position, including the end of a line that fills the row, has a visible
///   cell and nothing hangs past the edge. A wide grapheme that does not fit
///   moves to the next row whole, so it never straddles the right edge.
/// - A line that ends with a space filling the last column gets an empty last
///   row, where the cursor sits after that space.
///
/// Building a layout is O(graphemes in the line): one `TextWidth.of` per
/// grapheme and at most two visits per grapheme (a word moved to the next row
/// is scanned again once).
struct LineLayout: Equatable, Sendable {
    let characters: [Character]
    let widths: [Int]
    /// Grapheme index where each row starts; `rowStarts[0] == 0`, never empty.
    let rowStarts: [Int]

    init(_ line: String, width: Int) {
        let characters = Array(line)
        let widths = characters.map { TextWidth.of($0) }
        self.characters = characters
        self.widths = widths
        self.rowStarts = LineLayout.wrap(characters, widths, width: width)
    }

    static func isBreakingSpace(_ c: Character) -> Bool {
        c == " " || c == "\u{3000}"
    }

    private static func wrap(_ chars: [Character], _ widths: [Int], width: Int) -> [Int] {
        let rowLimit = max(1, width)
        let contentLimit = max(1, rowLimit - 1)
        var starts = [0]
        var rowStart = 0, col = 0, lastBreak = -1
        func newRow(_ at: Int) {
            starts.append(at)
            rowStart = at
            col = 0
            lastBreak = -1
        }
        var i = 0
        let n = chars.count
        while i < n {
            let w = widths[i]
            if isBreakingSpace(chars[i]), col + w <= rowLimit {
                col += w
                i += 1
                lastBreak = i
                if col >= rowLimit { newRow(i) }
                continue
            }
            if col + w <= contentLimit || col == 0 {
                // `col == 0`: a row always takes at least one grapheme, so a
                // grapheme wider than the whole area still makes progress.
                col += w
                i += 1
                continue
            }
            if lastBreak > rowStart {
                let at = lastBreak
                newRow(at)
                i = at
            } else {
                newRow(i)
            }
        }
        return starts
    }

    var count: Int { characters.count }
    var rowCount: Int { rowStarts.count }

    func rowRange(_ row: Int) -> Range<Int> {
        let start = rowStarts[row]
        let end = row + 1 < rowStarts.count ? rowStarts[row + 1] : characters.count
        return start..<end
    }

    /// The row showing the cursor at grapheme `index`: a position on a row
    /// boundary belongs to the row it starts. O(log rows).
    func row(of index: Int) -> Int {
        var lo = 0, hi = rowStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if rowStarts[mid] <= index { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// Display column of grapheme `index` within its row.
    func column(of index: Int) -> Int {
        let start = rowStarts[row(of: index)]
        var col = 0
        for i in start..<min(index, characters.count) { col += widths[i] }
        return col
    }

    /// The grapheme index on `row` closest to display column `goal` without
    /// passing it. On a row that is not the last, the cursor stays on the
    /// row's last grapheme (the position after it belongs to the next row).
    func index(atColumn goal: Int, row: Int) -> Int {
        let range = rowRange(row)
        var col = 0
        for i in range {
            if col + widths[i] > goal, widths[i] > 0 { return i }
            col += widths[i]
        }
        return lastIndex(row: row)
    }

    /// The last cursor position on `row`.
    func lastIndex(row: Int) -> Int {
        let range = rowRange(row)
        if row == rowStarts.count - 1 { return range.upperBound }
        return max(range.lowerBound, range.upperBound - 1)
    }
}

/// Turns typed, pasted or external-editor text into what the editors hold:
/// "\r\n" and "\r" become "\n", a tab becomes four spaces, and other C0/C1
/// control characters (escape sequences' introducers included) are dropped.
/// O(scalars).
enum InputText {
    static func normalized(_ text: String, newline: String = "\n") -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            defer { previousWasCR = (v == 0x0D) }
            switch v {
            case 0x0D:
                out.append(contentsOf: newline.unicodeScalars)
            case 0x0A:
                if !previousWasCR { out.append(contentsOf: newline.unicodeScalars) }
            case 0x09:
                out.append(contentsOf: "    ".unicodeScalars)
            case 0x00..<0x20, 0x7F..<0xA0:
                continue
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A single typed character that can go into the text as is.
    static func isPrintable(_ c: Character) -> Bool {
        !c.unicodeScalars.contains { v in v.value < 0x20 || (v.value >= 0x7F && v.value < 0xA0) }
    }

    static func isNewline(_ c: Character) -> Bool {
        c == "\n" || c == "\r" || c == "\r\n"
    }
}

extension String {
    /// The String.Index of grapheme `offset`, clamped to the end. O(offset).
    func index(atGrapheme offset: Int) -> String.Index {
        index(startIndex, offsetBy: Swift.max(0, offset), limitedBy: endIndex) ?? endIndex
    }
}
