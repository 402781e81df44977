import PaddockTUI

/// One cell to hand to ncurses: `text` is a spacing character followed only by
/// zero-width ones, so ncurses and the Canvas agree on how wide it is.
struct DrawOp: Equatable {
    var x: Int
    var y: Int
    var text: String
    var role: StyleRole
}

/// Decides what to draw for a frame: only the cells that changed, each at its
/// own position. Pure: the terminal's width function is passed in.
enum DrawPlan {
    static let replacement = "\u{FFFD}"

    /// The operations that turn `previous` (what is on the screen) into
    /// `current`, clipped to a screen of `columns` × `rows`. With no previous
    /// canvas, or one of another size, every cell is drawn.
    ///
    /// `width` is the terminal library's width of one scalar (wcwidth):
    /// a grapheme whose width there differs from the Canvas's is drawn so the
    /// rest of the row cannot move (see `drawable`).
    static func ops(previous: Canvas?, current: Canvas, columns: Int, rows: Int,
                    width: (Unicode.Scalar) -> Int) -> [DrawOp] {
        let full = previous.map { $0.width != current.width || $0.height != current.height } ?? true
        let maxX = min(current.width, columns)
        let maxY = min(current.height, rows)
        var ops: [DrawOp] = []
        guard maxX > 0, maxY > 0 else { return ops }
        for y in 0..<maxY {
            for x in 0..<maxX {
                let cell = current[x, y]
                let grapheme: String
                if let g = cell.grapheme {
                    grapheme = g
                } else if x > 0, current[x - 1, y].grapheme != nil {
                    continue // the right half of the wide grapheme on its left
                } else {
                    grapheme = " " // a stray continuation: draw it blank
                }
                let wide = x + 1 < current.width && current[x + 1, y].grapheme == nil
                if !full, let previous {
                    let changed = previous[x, y] != cell || (wide && previous[x + 1, y] != current[x + 1, y])
                    if !changed { continue }
                }
                if wide && x + 1 >= columns {
                    // The screen ends between the halves.
                    ops.append(DrawOp(x: x, y: y, text: " ", role: cell.role))
                    continue
                }
                let (text, padRight) = drawable(grapheme, columns: wide ? 2 : 1, width: width)
                ops.append(DrawOp(x: x, y: y, text: text, role: cell.role))
                if padRight {
                    ops.append(DrawOp(x: x + 1, y: y, text: " ", role: cell.role))
                }
            }
        }
        return ops
    }

    /// What to give ncurses for a grapheme the Canvas gives `columns` columns.
    ///
    /// ncurses measures a cell by its first scalar; zero-width scalars after it
    /// (combining marks, variation selectors) ride along, up to four. Where
    /// ncurses counts one column and the Canvas two (glibc says 🏍 is 1), the
    /// grapheme is drawn with a blank after it (`padRight`). Where ncurses counts
    /// two and the Canvas one, or cannot draw it at all (controls, scalars glibc
    /// does not know), U+FFFD stands in.
    static func drawable(_ grapheme: String, columns: Int, width: (Unicode.Scalar) -> Int) -> (text: String, padRight: Bool) {
        let scalars = grapheme.unicodeScalars
        guard let first = scalars.first else { return (" ", columns == 2) }
        if scalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return (replacement, columns == 2)
        }
        let firstWidth = width(first)
        guard firstWidth > 0 else { return (replacement, columns == 2) }
        if firstWidth > columns { return (replacement, false) }
        var text = String(first)
        var extra = 0
        for scalar in scalars.dropFirst() {
            guard extra < 4, scalar.value != 0x200D, width(scalar) == 0 else { break }
            text.unicodeScalars.append(scalar)
            extra += 1
        }
        return (text, firstWidth < columns)
    }
}
