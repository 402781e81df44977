import PaddockCore

/// A rectangle of the screen, in cells.
public struct Rect: Equatable, Sendable {
    public var x, y, width, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }
}

/// The frame every screen shares: a header row, the body, a status row and a footer of keys.
public enum Frame {
    public static let minimumWidth = 40
    public static let minimumHeight = 12

    public static func body(width: Int, height: Int) -> Rect {
        Rect(x: 0, y: 1, width: width, height: height - 3)
    }

    /// Header: where you are on the left, who you are and your inbox on the right.
    public static func drawHeader(_ canvas: inout Canvas, title: String, member: String, unread: Int, flags: Int = 0) {
        canvas.fill(x: 0, y: 0, width: canvas.width, height: 1, role: .header)
        let right = (flags > 0 ? "⚑ \(flags)  " : "") + (unread > 0 ? "✉ \(unread)  " : "") + member + " "
        let rightWidth = TextWidth.of(right)
        let room = max(0, canvas.width - rightWidth - 2)
        canvas.put(" " + TextWrap.truncate(title, width: max(0, room - 1)), x: 0, y: 0, role: .header, maxWidth: room)
        if canvas.width >= rightWidth + 12 {
            canvas.put(right, x: canvas.width - rightWidth, y: 0, role: .header)
        }
    }

    /// The status row; a message wider than the window takes up to three rows,
    /// growing up over the body, so a question's "(y/n)" or a refusal's reason is read whole.
    public static func drawStatus(_ canvas: inout Canvas, _ status: Status?) {
        let y = canvas.height - 2
        guard let status, y > 0 else { return }
        let role: StyleRole = status.isError ? .error : .status
        let lines = TextWidth.of(status.text) < canvas.width ? [status.text] : Array(TextWrap.lines(status.text, width: max(1, canvas.width - 2)).prefix(3))
        for (i, line) in lines.enumerated() {
            let row = y - (lines.count - 1) + i
            guard row > 0 else { continue }
            if lines.count > 1 { canvas.fill(x: 0, y: row, width: canvas.width, height: 1, role: .normal) }
            canvas.put(" " + line, x: 0, y: row, role: role, maxWidth: canvas.width)
        }
    }

    /// Footer: the keys that work here, as many as fit.
    public static func drawFooter(_ canvas: inout Canvas, keys: [KeyHelp]) {
        let y = canvas.height - 1
        guard y > 0 else { return }
        canvas.fill(x: 0, y: y, width: canvas.width, height: 1, role: .footer)
        var x = 1
        for key in keys where key.inFooter {
            let item = "\(key.keys) \(key.action)"
            let w = TextWidth.of(item)
            guard x + w <= canvas.width else { break }
            canvas.put(key.keys, x: x, y: y, role: .accent)
            canvas.put(" " + key.action, x: x + TextWidth.of(key.keys), y: y, role: .footer)
            x += w + 2
        }
    }

    /// Shown instead of the app when the window is below the minimum; redrawn on resize.
    public static func drawTooSmall(_ canvas: inout Canvas) {
        let lines = ["Window too small", "\(canvas.width)×\(canvas.height); need \(minimumWidth)×\(minimumHeight)", "q quits"]
        let top = max(0, (canvas.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (canvas.width - TextWidth.of(line)) / 2)
            canvas.put(line, x: x, y: top + i, role: i == 0 ? .error : .normal)
        }
    }
}
