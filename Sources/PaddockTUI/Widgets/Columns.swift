import PaddockCore

/// The columns of a list: each as wide as its widest value (or its title),
/// with two blank columns before each but the first so no value runs into its
/// neighbour, and one flexible column (a title) taking the room that is left.
/// Lists build one per render from what they show and draw every cell
/// through it, so the header and the rows line up at any window width.
public struct Columns: Sendable {
    public enum Alignment: Sendable { case left, right }

    public struct Column: Sendable {
        public var title: String
        /// The widest value the column can hold; ignored for the flexible column.
        public var width: Int
        public var alignment: Alignment

        /// A column as wide as the widest of its title and `values`, and at least `atLeast`.
        public static func fitting(_ title: String, _ values: [String] = [], atLeast: Int = 0, _ alignment: Alignment = .right) -> Column {
            Column(title: title, width: max(atLeast, TextWidth.of(title), values.map { TextWidth.of($0) }.max() ?? 0), alignment: alignment)
        }

        /// The column that takes the room left.
        public static func flexible(_ title: String) -> Column { Column(title: title, width: 0, alignment: .left) }
    }

    /// Blank columns between two columns.
    public static let gap = 2

    public let columns: [Column]
    /// Where each column starts, and how wide it is.
    public let starts: [Int]
    public let widths: [Int]

    /// Lays out `columns` from `indent` across `total` columns; the one at
    /// `flexible` gets what is left, but never less than `minimum`.
    public init(indent: Int, total: Int, _ columns: [Column], flexible: Int, minimum: Int = 8) {
        self.columns = columns
        let fixed = columns.enumerated().filter { $0.offset != flexible }.map { $0.element.width }.reduce(0, +)
        let gaps = Self.gap * max(0, columns.count - 1)
        var widths = columns.map(\.width)
        if columns.indices.contains(flexible) {
            widths[flexible] = max(minimum, total - indent - fixed - gaps)
        }
        var starts: [Int] = []
        var x = indent
        for width in widths {
            starts.append(x)
            x += width + Self.gap
        }
        self.starts = starts
        self.widths = widths
    }

    /// `text` aligned in column `index`, cut with … when it is wider.
    public func cell(_ index: Int, _ text: String) -> String {
        let width = widths[index]
        return columns[index].alignment == .left ? TextWrap.pad(text, width: width) : text.leftPadded(to: width)
    }

    /// The column titles, aligned as the values are, from column 0 of the row.
    public var header: String {
        var line = String(repeating: " ", count: starts.first ?? 0)
        for index in columns.indices {
            if index > 0 { line += String(repeating: " ", count: Self.gap) }
            line += cell(index, columns[index].title)
        }
        return line
    }

    /// Draws `text` in column `index` of row `y`, clipped to the column.
    @discardableResult
    public func put(_ text: String, column index: Int, into canvas: inout Canvas, y: Int, role: StyleRole) -> Int {
        canvas.put(cell(index, text), x: starts[index], y: y, role: role, maxWidth: widths[index])
    }
}
