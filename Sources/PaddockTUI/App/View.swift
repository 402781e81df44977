import PaddockCore
import PaddockStore

extension App {
    /// The whole screen for a state: header, the top screen, status, footer, and
    /// the help overlay when open. Pure: the same state draws the same canvas.
    public static func view(_ state: AppState) -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height)
        guard state.width >= Frame.minimumWidth, state.height >= Frame.minimumHeight else {
            Frame.drawTooSmall(&canvas)
            return canvas
        }
        let body = Frame.body(width: state.width, height: state.height)
        Frame.drawHeader(&canvas, title: breadcrumbs(state), member: state.member.handle, unread: state.unreadNotifications,
                          flags: state.member.role >= .moderator ? state.flagQueueCount : 0)
        let context = state.context()
        state.screen.render(into: &canvas, context)
        if let confirmation = state.confirmation {
            Frame.drawStatus(&canvas, .error(confirmation.question))
        } else {
            Frame.drawStatus(&canvas, state.status)
        }
        let keys = state.screen.help(context)
        Frame.drawFooter(&canvas, keys: keys)
        if state.showingHelp { drawHelp(&canvas, keys: keys, body: body, scroll: state.helpScroll) }
        return canvas
    }

    static func breadcrumbs(_ state: AppState) -> String {
        (["Paddock"] + state.stack.dropFirst().map(\.breadcrumb)).joined(separator: " › ")
    }

    /// A box over the screen listing every key of the current screen.
    static func drawHelp(_ canvas: inout Canvas, keys: [KeyHelp], body: Rect, scroll: Int = 0) {
        let layout = HelpOverlay.layout(keys: keys, body: body)
        let (x, y, width, height) = (layout.box.x, layout.box.y, layout.box.width, layout.box.height)
        canvas.fill(x: x, y: y, width: width, height: height, role: .normal)
        let horizontal = String(repeating: "─", count: max(0, width - 2))
        canvas.put("┌" + horizontal + "┐", x: x, y: y, role: .border)
        canvas.put("└" + horizontal + "┘", x: x, y: y + height - 1, role: .border)
        for row in 1..<max(1, height - 1) {
            canvas.put("│", x: x, y: y + row, role: .border)
            canvas.put("│", x: x + width - 1, y: y + row, role: .border)
        }
        canvas.put(" Keys on this screen ", x: x + 2, y: y, role: .title, maxWidth: max(0, width - 4))
        let first = min(max(0, scroll), HelpOverlay.maxScroll(keys: keys, body: body))
        let shown = keys.dropFirst(first).prefix(layout.rows)
        for (i, key) in shown.enumerated() {
            canvas.put(TextWrap.pad(key.keys, width: layout.keyWidth), x: x + 2, y: y + 1 + i, role: .accent, maxWidth: max(0, width - 4))
            canvas.put(key.action, x: x + 3 + layout.keyWidth, y: y + 1 + i, role: .normal, maxWidth: max(0, width - layout.keyWidth - 5))
        }
        if layout.rows >= keys.count {
            canvas.put("any key closes", x: x + 2, y: y + height - 2, role: .muted, maxWidth: max(0, width - 4))
        } else {
            let last = first + shown.count
            canvas.put("\(first + 1)–\(last) of \(keys.count), j k scroll, q closes", x: x + 2, y: y + height - 2, role: .muted,
                       maxWidth: max(0, width - 4))
            Viewport.drawMarks(&canvas, x: x + width - 1, top: y + 1, bottom: y + layout.rows, above: first > 0, below: last < keys.count)
        }
    }
}

/// Where the help overlay goes and how many keys it shows. When the window is
/// too short for every key, the overlay scrolls: `j` `k` `↑` `↓` `PgUp` `PgDn`
/// `g` `G` move through them and any other key closes it.
enum HelpOverlay {
    struct Layout {
        var box: Rect
        /// Keys shown at once.
        var rows: Int
        var keyWidth: Int
    }

    static func layout(keys: [KeyHelp], body: Rect) -> Layout {
        let keyWidth = min(18, keys.map { TextWidth.of($0.keys) }.max() ?? 0)
        let width = max(0, min(body.width - 4, max(36, keyWidth + 3 + (keys.map { TextWidth.of($0.action) }.max() ?? 0) + 4)))
        let height = min(body.height, keys.count + 4)
        // All keys, a blank row and "any key closes"; or as many as fit above the scroll line.
        let rows = keys.count + 4 <= body.height ? keys.count : max(1, height - 3)
        let box = Rect(x: (body.x + body.width - width) / 2, y: body.y + max(0, (body.height - height) / 2), width: width, height: height)
        return Layout(box: box, rows: rows, keyWidth: keyWidth)
    }

    static func maxScroll(keys: [KeyHelp], body: Rect) -> Int {
        max(0, keys.count - layout(keys: keys, body: body).rows)
    }

    /// Moves the overlay's first key for a scrolling key; false when the key closes the overlay instead.
    static func scroll(_ key: Key, offset: inout Int, keys: [KeyHelp], body: Rect) -> Bool {
        let most = maxScroll(keys: keys, body: body)
        guard most > 0 else { return false }
        let page = layout(keys: keys, body: body).rows
        let current = min(max(0, offset), most)
        switch key {
        case .down, .character("j"): offset = current + 1
        case .up, .character("k"): offset = current - 1
        case .pageDown, .character(" "): offset = current + page
        case .pageUp, .character("b"): offset = current - page
        case .home, .character("g"): offset = 0
        case .end, .character("G"): offset = most
        default: return false
        }
        offset = min(max(0, offset), most)
        return true
    }
}
