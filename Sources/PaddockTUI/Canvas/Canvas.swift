import PaddockCore

/// What a cell means; a theme decides how each role looks. Screens speak in
/// roles so that tests read text and themes stay out of the screens.
public enum StyleRole: String, CaseIterable, Sendable {
    case normal, title, header, footer, status, selection, unread, official
    case muted, error, border, quote, highlight, badge, accent, mention
    case statusNew = "status.new", statusUnderReview = "status.under_review"
    case statusPlanned = "status.planned", statusInProgress = "status.in_progress"
    case statusShipped = "status.shipped", statusDeclined = "status.declined"
    case statusDuplicate = "status.duplicate", statusExpired = "status.expired"
}

/// One screen cell. A wide grapheme occupies its cell and the next, which holds
/// `nil` as a continuation so both are drawn (or overwritten) together.
public struct Cell: Equatable, Sendable {
    public var grapheme: String?
    public var role: StyleRole

    public static let blank = Cell(grapheme: " ", role: .normal)
    public init(grapheme: String?, role: StyleRole) {
        self.grapheme = grapheme
        self.role = role
    }
}

/// A grid of styled cells: what a screen renders into and what the terminal draws.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
    }

    /// Writes text at (x, y), clipped to `maxWidth` columns and the canvas edge.
    /// Every string passes through `SafeText`, so no member's text can put a
    /// control character or escape sequence in a cell. A wide grapheme that
    /// would straddle the clip edge becomes a space. Returns columns written.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, role: StyleRole = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var col = x
        for character in SafeText.displayable(String(text)) {
            let w = TextWidth.of(character)
            if w == 0 { continue }
            if col + w > limit {
                if col < limit { set(col, y, Cell(grapheme: " ", role: role)) }
                col = limit
                break
            }
            if col >= 0 {
                set(col, y, Cell(grapheme: String(character), role: role))
                if w == 2 { set(col + 1, y, Cell(grapheme: nil, role: role)) }
            }
            col += w
        }
        return max(0, col - x)
    }

    /// Paints a rectangle with blanks of one role (a selection bar, a header);
    /// the part outside the canvas is left out, whatever the numbers.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, role: StyleRole) {
        for row in Self.clip(y, h, to: height) {
            for col in Self.clip(x, w, to: width) {
                set(col, row, Cell(grapheme: " ", role: role))
            }
        }
    }

    /// Changes the role of cells without touching their text.
    public mutating func restyle(x: Int, y: Int, width w: Int, role: StyleRole) {
        guard y >= 0, y < height else { return }
        for col in Self.clip(x, w, to: width) { cells[y * width + col].role = role }
    }

    /// The part of `start ..< start + length` inside `0 ..< limit`: empty, never
    /// a reversed range, when it lies off the canvas or the length is negative.
    static func clip(_ start: Int, _ length: Int, to limit: Int) -> Range<Int> {
        let lower = min(max(0, start), limit)
        return lower..<max(lower, min(limit, start + max(0, length)))
    }

    /// Copies `rows` of `other` (as wide as this canvas) to this canvas from row
    /// `y` down: how a view taller than its area shows the part in view.
    public mutating func copy(rows: Range<Int>, of other: Canvas, toY y: Int) {
        guard other.width == width else { return }
        for row in rows where row >= 0 && row < other.height && y + row - rows.lowerBound < height && y + row - rows.lowerBound >= 0 {
            let target = y + row - rows.lowerBound
            for col in 0..<width { cells[target * width + col] = other.cells[row * width + col] }
        }
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let i = y * width + x
        // Overwriting half of a wide grapheme blanks its other half.
        if cells[i].grapheme == nil, x > 0 { cells[i - 1].grapheme = " " }
        if cells[i].grapheme != nil, x + 1 < width, cells[i + 1].grapheme == nil { cells[i + 1].grapheme = " " }
        cells[i] = cell
    }

    /// The canvas as text, one line per row, trailing spaces kept: what screen tests compare.
    public var rows: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width { line += self[x, y].grapheme ?? "" }
            return line
        }
    }

    public var text: String { rows.joined(separator: "\n") }
}
