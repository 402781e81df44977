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
        switch state.screen {
        case .home(let home): home.render(into: &canvas, body: body, now: state.now)
        case .board(let board): board.render(into: &canvas, body: body, now: state.now)
        case .thread(let thread): thread.render(into: &canvas, body: body, now: state.now)
        case .compose(let compose): compose.render(into: &canvas, area: body)
        case .roadmap(let roadmap): roadmap.render(into: &canvas, body: body, now: state.now)
        case .reviewQueue(let queue): queue.render(into: &canvas, body: body, now: state.now)
        case .statusDialog(let dialog): dialog.render(into: &canvas, area: body)
        case .mergeDialog(let dialog): dialog.render(into: &canvas, area: body)
        case .suggestionForm(let form): form.render(into: &canvas, area: body)
        case .suggestionList(let list): list.render(into: &canvas, body: body, now: state.now)
        case .flagDialog(let dialog): dialog.render(into: &canvas, area: body)
        case .moderationQueue(let queue): queue.render(into: &canvas, body: body, now: state.now, total: state.flagQueueCount)
        case .moderationLog(let log): log.render(into: &canvas, body: body, now: state.now)
        case .moderationMenu(let menu): menu.render(into: &canvas, area: body)
        case .conduct(let conduct): conduct.render(into: &canvas, body: body, now: state.now)
        case .inbox(let inbox): inbox.render(into: &canvas, body: body, now: state.now, unread: state.unreadNotifications)
        case .search(let search): search.render(into: &canvas, body: body, now: state.now)
        }
        if let confirmation = state.confirmation {
            Frame.drawStatus(&canvas, .error(confirmation.question))
        } else {
            Frame.drawStatus(&canvas, state.status)
        }
        let keys = Keymap.keys(for: state.screen, member: state.member, now: state.now)
        Frame.drawFooter(&canvas, keys: keys)
        if state.showingHelp { drawHelp(&canvas, keys: keys, body: body) }
        return canvas
    }

    static func breadcrumbs(_ state: AppState) -> String {
        var parts = ["Paddock"]
        for screen in state.stack.dropFirst() {
            switch screen {
            case .home: break
            case .board(let board): parts.append(board.board.title)
            case .thread(let thread): parts.append(thread.summary.title)
            case .compose(let compose): parts.append(compose.hasTitle ? "New thread" : "Reply")
            case .roadmap: parts.append("Roadmap")
            case .reviewQueue: parts.append("Review queue")
            case .statusDialog: parts.append("Status")
            case .mergeDialog: parts.append("Merge")
            case .suggestionForm: parts.append("New suggestion")
            case .suggestionList: parts.append("Suggestions")
            case .flagDialog: parts.append("Flag")
            case .moderationQueue: parts.append("Moderation queue")
            case .moderationLog: parts.append("Moderation log")
            case .moderationMenu: parts.append("Moderate")
            case .conduct(let conduct): parts.append(conduct.handle)
            case .inbox: parts.append("Inbox")
            case .search: parts.append("Search")
            }
        }
        return parts.joined(separator: " › ")
    }

    /// A box over the screen listing every key of the current screen.
    static func drawHelp(_ canvas: inout Canvas, keys: [KeyHelp], body: Rect) {
        let keyWidth = min(18, keys.map { TextWidth.of($0.keys) }.max() ?? 0)
        let width = min(body.width - 4, max(36, keyWidth + 3 + (keys.map { TextWidth.of($0.action) }.max() ?? 0) + 4))
        let height = min(body.height, keys.count + 4)
        let x = (canvas.width - width) / 2
        let y = body.y + max(0, (body.height - height) / 2)
        canvas.fill(x: x, y: y, width: width, height: height, role: .normal)
        let horizontal = String(repeating: "─", count: max(0, width - 2))
        canvas.put("┌" + horizontal + "┐", x: x, y: y, role: .border)
        canvas.put("└" + horizontal + "┘", x: x, y: y + height - 1, role: .border)
        for row in 1..<max(1, height - 1) {
            canvas.put("│", x: x, y: y + row, role: .border)
            canvas.put("│", x: x + width - 1, y: y + row, role: .border)
        }
        canvas.put(" Keys on this screen ", x: x + 2, y: y, role: .title)
        for (i, key) in keys.prefix(max(0, height - 4)).enumerated() {
            canvas.put(TextWrap.pad(key.keys, width: keyWidth), x: x + 2, y: y + 1 + i, role: .accent)
            canvas.put(key.action, x: x + 3 + keyWidth, y: y + 1 + i, role: .normal, maxWidth: width - keyWidth - 5)
        }
        canvas.put("any key closes", x: x + 2, y: y + height - 2, role: .muted, maxWidth: width - 4)
    }
}
