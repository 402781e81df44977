import Foundation
import PaddockCore
import PaddockStore

/// The moderators' flag queue: flagged posts heaviest first, with their
/// reasons, flaggers and age (overdue after 48 h). c claims, a agrees (asks a
/// reason; Tab chooses keep hidden or remove), d disagrees (an optional
/// reason), x ignores the flags, u undoes the last of these;
/// Enter opens the post's thread.
public struct ModerationQueueScreen: Equatable {
    public var items: [ReviewQueueItem] = []
    public var loaded = false
    public var list = ListSelection()
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

    static let limit = 100

    /// Rows each item takes: the post line, its flags line.
    static let rowsPerItem = 2

    func visibleRows(in body: Rect) -> Int { max(1, (body.height - 1 - (deciding == nil ? 0 : 3)) / Self.rowsPerItem) }

    var isTyping: Bool { deciding != nil }

    static func open(member: Actor, undoable: ModerationRequest?) -> [Command] {
        do throws(CommunityError) {
            try Rules.moderate(by: member)
        } catch {
            return [.setStatus(.error("the moderation queue is for moderators: \(error.description)"))]
        }
        return [.push(.moderationQueue(ModerationQueueScreen(undoable: undoable))), .loadFlagQueue]
    }

    mutating func handle(_ key: Key, body: Rect) -> [Command] {
        if var prompt = deciding {
            switch key {
            case .escape:
                deciding = nil
                return [.setStatus(.info(prompt.agree ? "Not agreed." : "Not disagreed."))]
            case .tab where prompt.agree:
                prompt.remove.toggle()
            case .enter, .ctrl("s"):
                let why = prompt.reason.text.trimmingCharacters(in: .whitespaces)
                return [.moderate(prompt.agree ? .agree(post: prompt.post, reason: why, remove: prompt.remove)
                                               : .disagree(post: prompt.post, reason: why))]
            default:
                _ = prompt.reason.handle(key, width: max(1, body.width - 4))
            }
            deciding = prompt
            return prompt.reason.refusal.map { [.setStatus(.error($0))] } ?? []
        }
        if key == .character("u") {
            guard let undoable, let post = undoable.postID else { return [.setStatus(.info("Nothing to undo."))] }
            return [.moderate(.undo(post: post))]
        }
        if list.handleMovement(key, count: items.count, visible: visibleRows(in: body)) { return [] }
        guard let item = items[safe: list.selected] else { return [] }
        switch key {
        case .enter, .right, .character("l"): return [.openThreadAt(id: item.threadId, position: item.postPosition)]
        case .character("c"): return [.moderate(.claim(post: item.postId))]
        case .character("a"): deciding = DecisionPrompt(post: item.postId, agree: true)
        case .character("d"): deciding = DecisionPrompt(post: item.postId, agree: false)
        case .character("x"): return [.moderate(.ignore(post: item.postId))]
        default: break
        }
        return []
    }

    mutating func loaded(_ items: [ReviewQueueItem], body: Rect) {
        self.items = items
        loaded = true
        if let prompt = deciding, !items.contains(where: { $0.postId == prompt.post }) { deciding = nil }
        list.reveal(count: items.count, visible: visibleRows(in: body))
    }

    static func describe(_ reason: FlagReason) -> String {
        switch reason {
        case .spam: "spam"
        case .offTopic: "off topic"
        case .abusive: "abusive"
        case .other: "other"
        }
    }

    /// `total` is the number of open items: the screen holds the `limit`
    /// heaviest, and says so when there are more (deciding them brings up the rest).
    func render(into canvas: inout Canvas, body: Rect, now: Date, total: Int) {
        let w = body.width
        let weightWidth = 8
        // Wide enough for the widest age shown ("overdue Mar 2025") after two blanks.
        let ages = items.map { (item: ReviewQueueItem) in (item.overdue ? "overdue " : "") + Ago.describe(item.firstFlaggedAt, now: now) }
        let ageWidth = max(14, 2 + (ages.map { TextWidth.of($0) }.max() ?? 0))
        let titleWidth = max(8, w - 2 - weightWidth - ageWidth)
        let heading = loaded && items.count == Self.limit && total > items.count ? "FLAGGED POST (the \(items.count) heaviest of \(total))" : "FLAGGED POST"
        let header = "  " + TextWrap.pad(heading, width: titleWidth) + "WEIGHT".leftPadded(to: weightWidth)
            + "WAITING".leftPadded(to: ageWidth)
        canvas.put(header, x: 0, y: body.y, role: .muted, maxWidth: w)
        guard loaded else {
            canvas.put(" Loading…", x: 0, y: body.y + 1, role: .muted)
            return
        }
        if items.isEmpty {
            canvas.put(" Nothing flagged: the queue is empty.", x: 0, y: body.y + 1, role: .muted)
            return
        }
        for row in 0..<visibleRows(in: body) {
            let index = list.offset + row
            guard let item = items[safe: index] else { break }
            let y = body.y + 1 + row * Self.rowsPerItem
            let selected = index == list.selected
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
            let reasons = FlagReason.allCases.compactMap { r in counts[r].map { "\(Self.describe(r)) ×\($0)" } }.joined(separator: ", ")
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
