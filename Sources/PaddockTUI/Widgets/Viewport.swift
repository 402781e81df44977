/// Content taller than the area it is shown in (a form in a short window):
/// drawn whole into a canvas of its own, then the rows that show the focused
/// part are copied into the area, with ▲ and ▼ at the right edge when more
/// lies above or below. Content that fits is drawn straight into the area.
/// Stateless: the rows shown follow from the focus alone.
public enum Viewport {
    public static func draw(
        into canvas: inout Canvas, area: Rect, contentHeight: Int, focus: Range<Int>,
        _ content: (inout Canvas, Rect) -> Void
    ) {
        guard contentHeight > area.height, area.height > 0 else {
            content(&canvas, area)
            return
        }
        var whole = Canvas(width: canvas.width, height: contentHeight)
        content(&whole, Rect(x: area.x, y: 0, width: area.width, height: contentHeight))
        let top = firstRow(showing: focus, of: contentHeight, visible: area.height)
        canvas.copy(rows: top..<top + area.height, of: whole, toY: area.y)
        drawMarks(&canvas, x: area.x + area.width - 1, top: area.y, bottom: area.y + area.height - 1,
                  above: top > 0, below: top + area.height < contentHeight)
    }

    /// The first row to show so that as much of `focus` as fits is in view,
    /// its top first, scrolling no further than needed.
    public static func firstRow(showing focus: Range<Int>, of count: Int, visible: Int) -> Int {
        guard count > visible else { return 0 }
        var top = 0
        if focus.upperBound > visible { top = focus.upperBound - visible }
        if focus.lowerBound < top { top = focus.lowerBound }
        return max(0, min(top, count - visible))
    }

    /// The first of `visible` items to show so that item `focus` is in view, near the middle.
    public static func window(focus: Int, count: Int, visible: Int) -> Range<Int> {
        guard count > visible else { return 0..<max(0, count) }
        let start = max(0, min(focus - visible / 2, count - max(1, visible)))
        return start..<start + max(1, visible)
    }

    /// ▲ on the top row when more lies above, ▼ on the bottom row when more lies below.
    public static func drawMarks(_ canvas: inout Canvas, x: Int, top: Int, bottom: Int, above: Bool, below: Bool) {
        if above { canvas.put("▲", x: x, y: top, role: .accent) }
        if below { canvas.put("▼", x: x, y: bottom, role: .accent) }
    }
}
