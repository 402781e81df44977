import Foundation
import PaddockCore
import PaddockStore

/// The moderators' flag queue: flagged posts heaviest first, with their
/// reasons, flaggers and age (overdue after 48 h). c claims, a agrees (asks a
/// reason; Tab chooses keep hidden or remove), d disagrees (an optional
/// reason), x ignores the flags, u undoes the last of these;
/// Enter opens the post's thread.
public struct ModerationQueueScreen: Equatable, AppScreen {
    /// The `limit` heaviest items, read whole each time (the queue is not paged).
    public var items = PagedList<ReviewQueueItem, Int64>(id: \.postId)
    /// Agreeing or disagreeing: the reason being typed, and whether the post is removed.
    public var deciding: DecisionPrompt?
    /// The member's last queue step this session, which `u` takes back.
    public var undoable: ModerationRequest?

    public struct DecisionPrompt: Equatable, Sendable {
        public var post: Int64
        /// Agree (a reason required) or disagree (a reason optional).
        public var agree: Bool
        public var reason = TextField(maxLength: 500)
        public var remove = false
    }

    public init(undoable: ModerationRequest? = nil) {
        self.undoable = undoable
    }

    public var breadcrumb: String { "Moderation queue" }

    static let limit = 100

    /// Rows each item takes: the post line, its flags line.
    static let rowsPerItem = 2

    func visibleRows(in body: Rect) -> Int { max(1, (body.height - 1 - (deciding == nil ? 0 : 3)) / Self.rowsPerItem) }

    static func open(member: Actor, undoable: ModerationRequest?) -> [Command] {
        do throws(CommunityError) {
            try Rules.moderate(by: member)
        } catch {
            return [.setStatus(.error(error.description))]
        }
        return [.push(ModerationQueueScreen(undoable: undoable)), .loadFlagQueue]
    }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        if let prompt = deciding {
            return [KeyBinding("Enter", prompt.agree ? "agree" : "disagree", footer: true, keys: [.enter, .ctrl("s")]) { queue, _, _ in
                        guard let prompt = queue.deciding else { return [] }
                        let why = prompt.reason.text.trimmingCharacters(in: .whitespaces)
                        return [.moderate(prompt.agree ? .agree(post: prompt.post, reason: why, remove: prompt.remove)
                                                       : .disagree(post: prompt.post, reason: why))]
                    },
                    KeyBinding("Tab", "remove/keep hidden", footer: true, keys: prompt.agree ? [.tab] : [], shown: prompt.agree) { queue, _, _ in
                        queue.deciding?.remove.toggle()
                        return []
                    },
                    KeyBinding("Esc", "cancel", footer: true, keys: [.escape]) { queue, _, _ in
                        let agree = queue.deciding?.agree ?? true
                        queue.deciding = nil
                        return [.setStatus(.info(agree ? "Not agreed." : "Not disagreed."))]
                    },
                    .helpWhileTyping]
        }
        let onItem: (@escaping (inout Self, ReviewQueueItem) -> [Command]) -> (inout Self, Key, ScreenContext) -> [Command] = { act in
            { queue, _, _ in queue.items.selectedRow.map { act(&queue, $0) } ?? [] }
        }
        return [KeyBinding("Enter", "open", footer: true, keys: [.enter, .right, .character("l")], onItem { _, item in
                    [.openThreadAt(id: item.threadId, position: item.postPosition)]
                }),
                KeyBinding("c", "claim", footer: true, keys: [.character("c")], onItem { _, item in [.moderate(.claim(post: item.postId))] }),
                KeyBinding("a", "agree", footer: true, keys: [.character("a")], onItem { queue, item in
                    queue.deciding = DecisionPrompt(post: item.postId, agree: true)
                    return []
                }),
                KeyBinding("d", "disagree", footer: true, keys: [.character("d")], onItem { queue, item in
                    queue.deciding = DecisionPrompt(post: item.postId, agree: false)
                    return []
                }),
                KeyBinding("x", "ignore", footer: true, keys: [.character("x")], onItem { _, item in [.moderate(.ignore(post: item.postId))] }),
                KeyBinding("u", "undo", footer: true, keys: [.character("u")], shown: undoable != nil) { queue, _, _ in
                    guard let post = queue.undoable?.postID else { return [.setStatus(.info("Nothing to undo."))] }
                    return [.moderate(.undo(post: post))]
                }]
            + KeyBinding.moving { queue, key, context in
                _ = queue.items.move(key, visible: queue.visibleRows(in: context.body))
                return []
            } + [.nextUnread, .inbox(), .search(), .help(), .back()]
    }

    public var capturesText: Bool { deciding != nil }

    public mutating func type(_ key: Key, _ context: ScreenContext) -> [Command] {
        guard deciding != nil else { return [] }
        _ = deciding?.reason.handle(key, width: max(1, context.body.width - 4))
        return deciding?.reason.refusal.map { [.setStatus(.error($0))] } ?? []
    }

    public var draft: DraftText? {
        deciding.map { DraftText(key: "\($0.agree ? "agree" : "disagree"):\($0.post)", body: $0.reason.text) }
    }

    public mutating func restore(_ draft: DraftText) -> [Command]? {
        guard takes(draft) else { return nil }
        deciding?.reason.setText(draft.body)
        return []
    }

    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] {
        switch answer {
        case let loaded as FlagQueueLoaded:
            items.take(loaded.items, more: nil, as: .replace, visible: visibleRows(in: context.body))
            if let prompt = deciding, !loaded.items.contains(where: { $0.postId == prompt.post }) { deciding = nil }
        case let done as Moderated:
            if done.request.postID != nil { undoable = done.request.isUndoableQueueStep ? done.request : nil }
            guard context.isTop else { break }
            let sent = draft.map { [Command.deleteDraft(key: $0.key)] } ?? []
            deciding = nil
            return sent + [.loadFlagQueue]
        default: break
        }
        return []
    }

    public func reload(_ context: ScreenContext) -> [Command] { [.loadFlagQueue] }

    public mutating func relayout(_ context: ScreenContext) { items.reveal(visible: visibleRows(in: context.body)) }

    /// `total` is the number of open items: the screen holds the `limit`
    /// heaviest, and says so when there are more (deciding them brings up the rest).
    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let (body, now, total) = (context.body, context.now, context.flagQueueCount)
        let w = body.width
        let weightWidth = 8
        // Wide enough for the widest age shown ("overdue Mar 2025") after two blanks.
        let ages = items.rows.map { (item: ReviewQueueItem) in (item.overdue ? "overdue " : "") + Ago.describe(item.firstFlaggedAt, now: now) }
        let ageWidth = max(14, 2 + (ages.map { TextWidth.of($0) }.max() ?? 0))
        let titleWidth = max(8, w - 2 - weightWidth - ageWidth)
        let loaded = items.rows.count
        let heading = items.loaded && loaded == Self.limit && total > loaded ? "FLAGGED POST (the \(loaded) heaviest of \(total))" : "FLAGGED POST"
        let header = "  " + TextWrap.pad(heading, width: titleWidth) + "WEIGHT".leftPadded(to: weightWidth)
            + "WAITING".leftPadded(to: ageWidth)
        canvas.put(header, x: 0, y: body.y, role: .muted, maxWidth: w)
        guard items.drawPlaceholder(into: &canvas, y: body.y + 1, width: w, empty: ["Nothing flagged: the queue is empty."]) else { return }
        for (row, (_, item, selected)) in items.shown(visibleRows(in: body)).enumerated() {
            let y = body.y + 1 + row * Self.rowsPerItem
            if selected { canvas.fill(x: 0, y: y, width: w, height: 1, role: .selection) }
            let role: StyleRole = selected ? .selection : .normal
            let excerpt = item.body.split(separator: "\n").first.map(String.init) ?? ""
            let title = "\(item.authorHandle) in “\(item.threadTitle)”: \(excerpt)"
            canvas.put(TextWrap.pad(title, width: titleWidth), x: 2, y: y, role: role)
            canvas.put("\(item.weight)".leftPadded(to: weightWidth), x: 2 + titleWidth, y: y, role: role)
            let age = (item.overdue ? "overdue " : "") + Ago.describe(item.firstFlaggedAt, now: now)
            canvas.put(age.leftPadded(to: ageWidth), x: 2 + titleWidth + weightWidth, y: y,
                       role: item.overdue ? .error : (selected ? .selection : .muted))
            var counts: [FlagReason: Int] = [:]
            for flag in item.flags { counts[flag.reason, default: 0] += 1 }
            let reasons = FlagReason.allCases.compactMap { r in counts[r].map { "\(r.label) ×\($0)" } }.joined(separator: ", ")
            // A claim first: it decides whether this one is yours to take, and long notes would push it off the row.
            var facts = item.claimedByHandle.map { "claimed by \($0) · " } ?? ""
            facts += "\(reasons) · by " + item.flags.map(\.flaggerHandle).joined(separator: ", ")
            facts += " · \(item.postState.rawValue)"
            let notes = item.flags.compactMap(\.note)
            if !notes.isEmpty { facts += " · " + notes.map { "“\($0)”" }.joined(separator: " ") }
            canvas.put(facts, x: 4, y: y + 1, role: .muted, maxWidth: w - 4)
        }
        if let prompt = deciding {
            let y = body.y + body.height - 3
            canvas.put(String(repeating: "─", count: w), x: 0, y: y, role: .border)
            let question = prompt.agree
                ? " Agree — the post is " + (prompt.remove ? "removed" : "kept hidden") + " (Tab changes). Reason for the author:"
                : " Disagree — the post is visible again and its flags cleared. Reason (optional, logged):"
            canvas.put(question, x: 0, y: y + 1, role: .accent, maxWidth: w)
            prompt.reason.render(into: &canvas, x: 2, y: y + 2, width: max(1, w - 4), role: .normal, cursorRole: .selection,
                                 placeholder: prompt.agree ? "Enter agrees, Esc cancels" : "Enter disagrees, Esc cancels")
        }
    }
}

/// The moderators' flag queue, heaviest first.
struct FlagQueueLoaded: Answer {
    var items: [ReviewQueueItem]

    func follow(_ state: inout AppState) -> [Command] {
        // A short queue is the whole queue: the header's count agrees with it at once.
        if items.count < ModerationQueueScreen.limit { state.flagQueueCount = items.count }
        return []
    }
}
