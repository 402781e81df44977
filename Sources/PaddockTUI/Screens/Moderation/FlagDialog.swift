import Foundation
import PaddockCore
import PaddockStore

/// A moderation write the runtime performs through the Community service.
public enum ModerationRequest: Equatable, Sendable {
    case flag(post: Int64, thread: Int64, reason: FlagReason, note: String?)
    case claim(post: Int64)
    case agree(post: Int64, reason: String, remove: Bool)
    case disagree(post: Int64, reason: String)
    case ignore(post: Int64)
    /// Takes back the member's last queue step on this post.
    case undo(post: Int64)
    case post(Int64, thread: Int64, PostAction, reason: String)
    case thread(Int64, ThreadAction, reason: String)
    case member(String, PenaltyKind, until: Date?, reason: String)

    /// The post a queue step acts on: a claim, agree, disagree, ignore or undo.
    var postID: Int64? {
        switch self {
        case .claim(let post), .agree(let post, _, _), .disagree(let post, _), .ignore(let post), .undo(let post): post
        default: nil
        }
    }

    /// A queue step `undo` can take back.
    var isUndoableQueueStep: Bool {
        switch self {
        case .claim, .agree, .disagree, .ignore: true
        default: false
        }
    }

    /// Hiding or removing a post, hiding, locking or archiving a thread: asked before it is done.
    var isDestructive: Bool {
        switch self {
        case .post(_, _, let action, _): action != .restore
        case .thread(_, let action, _): [.lock, .archive, .hide].contains(action)
        case .member(_, let kind, _, _): kind == .silence || kind == .suspend
        default: false
        }
    }

    /// The store refuses these without a reason.
    var needsReason: Bool {
        switch self {
        case .post(_, _, let action, _): action != .restore
        case .thread(_, let action, _): action == .hide
        case .member(_, let kind, _, _): kind != .lift
        case .agree: true
        default: false
        }
    }

    /// The thread whose view changes, when it is known.
    var threadID: Int64? {
        switch self {
        case .flag(_, let thread, _, _), .post(_, let thread, _, _), .thread(let thread, _, _): thread
        default: nil
        }
    }
}

extension FlagReason {
    /// The reason as the dialog offers it: other asks for a note.
    var offered: String { self == .other ? "other (say what is wrong)" : label }
}

/// Flags the post marked ▸ in a thread: choose a reason (other needs a note),
/// ^S or Enter submits, Esc cancels. A refusal keeps the dialog and the note.
public struct FlagDialog: Equatable, AppScreen {
    public var post: PostView
    public var threadTitle: String
    public var choice = 0
    public var note = TextField(maxLength: 500)

    public init(post: PostView, threadTitle: String) {
        self.post = post
        self.threadTitle = threadTitle
    }

    static let reasons = FlagReason.allCases

    /// Said at once for one's own post.
    static func open(_ thread: ThreadScreen, member: Actor) -> [Command] {
        guard let post = thread.focusedPost else { return [] }
        if post.authorHandle == member.handle {
            return [.setStatus(.error("you cannot flag your own post"))]
        }
        return [.push(FlagDialog(post: post, threadTitle: thread.summary.title))]
    }

    var reason: FlagReason { Self.reasons[min(choice, Self.reasons.count - 1)] }

    public var breadcrumb: String { "Flag" }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        [KeyBinding("Enter ^S", "flag", footer: true, keys: [.enter, .ctrl("s")]) { dialog, _, _ in
             let text = dialog.note.text.trimmingCharacters(in: .whitespaces)
             let post = dialog.post
             return [.moderate(.flag(post: post.id, thread: post.threadId, reason: dialog.reason, note: text.isEmpty ? nil : text))]
         },
         KeyBinding("↑↓", "reason", footer: true, keys: [.up, .down, .tab]) { dialog, key, _ in
             dialog.choice = key == .up ? max(0, dialog.choice - 1) : min(Self.reasons.count - 1, dialog.choice + 1)
             return []
         },
         .typing("type", "note"),
         KeyBinding("Esc", "cancel", footer: true, keys: [.escape]) { _, _, _ in [.pop, .setStatus(.info("Not flagged."))] },
         KeyBinding("^X", "discard the note", keys: [.ctrl("x")]) { dialog, _, _ in
             [.discardDraft("flag:\(dialog.post.id)", what: "this note", done: "Not flagged; the note is discarded.")]
         },
         .helpWhileTyping]
    }

    public var capturesText: Bool { true }

    public mutating func type(_ key: Key, _ context: ScreenContext) -> [Command] {
        _ = note.handle(key, width: max(1, context.body.width - 4))
        return note.refusal.map { [.setStatus(.error($0))] } ?? []
    }

    /// The reason chosen is kept with the note written for it.
    public var draft: DraftText? {
        DraftText(key: "flag:\(post.id)", title: note.text.isEmpty ? "" : reason.rawValue, body: note.text)
    }

    public mutating func restore(_ draft: DraftText) -> [Command]? {
        guard takes(draft) else { return nil }
        note.setText(draft.body)
        if let reason = FlagReason(rawValue: draft.title), let index = Self.reasons.firstIndex(of: reason) { choice = index }
        return []
    }

    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] {
        guard answer is Moderated, context.isTop, let draft else { return [] }
        return [.deleteDraft(key: draft.key), .dismiss]
    }

    /// Rows the dialog takes with blank rows between its parts; without them it takes 9, the smallest body.
    static let roomyHeight = 8 + reasons.count + 1

    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let area = context.body
        let roomy = area.height >= Self.roomyHeight
        var y = area.y
        let x = canvas.put(" Flag a post by ", x: 0, y: y, role: .muted)
        canvas.put("\(post.authorHandle) in “\(threadTitle)”", x: x, y: y, role: .title, maxWidth: max(0, area.width - x - 1))
        y += 1
        let excerpt = post.body.split(separator: "\n").first.map(String.init) ?? ""
        canvas.put("   " + excerpt, x: 0, y: y, role: .quote, maxWidth: area.width)
        y += roomy ? 2 : 1
        canvas.put(" What is wrong with it?", x: 0, y: y, role: .muted)
        y += 1
        for (index, reason) in Self.reasons.enumerated() {
            let chosen = index == choice
            canvas.put(chosen ? " ▸ " : "   ", x: 0, y: y, role: .accent)
            canvas.put(reason.offered, x: 3, y: y, role: chosen ? .selection : .normal)
            y += 1
        }
        if roomy { y += 1 }
        canvas.put(reason == .other ? " Note (needed for other):" : " Note (optional):", x: 0, y: y, role: .accent)
        y += 1
        note.render(into: &canvas, x: 2, y: y, width: max(1, area.width - 4), role: .normal, cursorRole: .selection,
                    placeholder: "what moderators should know")
        guard roomy else { return }
        y += 2
        canvas.put(" Moderators review flagged posts; enough flags hide a post until they do.", x: 0, y: y, role: .muted,
                   maxWidth: area.width)
    }
}

/// A moderator's actions on a thread and its focused post, as the role allows,
/// each with a one-line reason. The arrows choose (letters, j and k too, type
/// the reason); Enter or ^S performs the chosen one, after a y for hiding,
/// removing, locking and archiving; an action with a choice to make (the
/// board to move to, the slow-mode pace) opens its choices first, and Esc
/// goes back to the actions.
public struct ModerationMenu: Equatable, AppScreen {
    public struct Option: Equatable, Sendable {
        public var label: String
        /// What Enter does; nil when the option opens `choices` instead.
        public var request: ModerationRequest?
        public var choices: [Option] = []
    }

    public var title: String
    public var options: [Option]
    /// The thread moderated: its reason is kept as a draft under it.
    public var threadID: Int64?
    /// The post marked ▸ when the menu opened: a reason is kept for it alone, never offered for another post.
    public var postID: Int64?
    public var choice = 0
    /// The actions and the one chosen, while that one shows its choices.
    struct Level: Equatable {
        var options: [Option]
        var choice: Int
    }
    var parent: Level?
    public var reason = TextField(maxLength: 500)

    /// Paces offered for slow mode, in seconds between one member's posts.
    static let slowModePaces = [30, 120, 600, 3600, 86_400]

    static func open(_ thread: ThreadScreen, boards: [BoardSummary], member: Actor) -> [Command] {
        do throws(CommunityError) {
            try Rules.moderate(by: member)
        } catch {
            return [.setStatus(.error(error.description))]
        }
        var options: [Option] = []
        let id = thread.summary.id
        if let post = thread.focusedPost {
            let which = post.position == 0 ? "opening post" : "reply #\(post.position)"
            if post.state == .visible {
                options.append(Option(label: "hide the \(which)", request: .post(post.id, thread: id, .hide, reason: "")))
            } else {
                options.append(Option(label: "restore the \(which)", request: .post(post.id, thread: id, .restore, reason: "")))
            }
            if post.state != .removed {
                options.append(Option(label: "remove the \(which)", request: .post(post.id, thread: id, .remove, reason: "")))
            }
        }
        let s = thread.summary
        func threadOption(_ label: String, _ action: ThreadAction) -> Option {
            Option(label: label, request: .thread(id, action, reason: ""))
        }
        options.append(threadOption(s.locked ? "unlock the thread" : "lock the thread", s.locked ? .unlock : .lock))
        options.append(threadOption(s.pinned ? "unpin the thread" : "pin the thread", s.pinned ? .unpin : .pin))
        if !s.archived { options.append(threadOption("archive the thread", .archive)) }
        let destinations = boards.filter { s.kind.fits(inBoardOf: $0.threadKind) && $0.id != s.boardId }
        if !destinations.isEmpty {
            options.append(Option(label: "move the thread to…", request: nil, choices: destinations.map {
                threadOption("\($0.title) (\($0.slug))", .move(toBoard: $0.slug))
            }))
        }
        var paces = slowModePaces.filter { $0 != s.slowModeSeconds }.map {
            threadOption("one post every \(TimeText.describe(seconds: $0))", .slowMode(seconds: $0))
        }
        if s.slowModeSeconds > 0 { paces.insert(threadOption("off", .slowMode(seconds: 0)), at: 0) }
        let pace = s.slowModeSeconds > 0 ? " (now one post every \(TimeText.describe(seconds: s.slowModeSeconds)))" : ""
        options.append(Option(label: "slow mode…" + pace, request: nil, choices: paces))
        options.append(threadOption(s.hidden ? "unhide the thread" : "hide the thread", s.hidden ? .unhide : .hide))
        return [.push(ModerationMenu(title: s.title, options: options, threadID: id, postID: thread.focusedPost?.id))]
    }

    public var breadcrumb: String { "Moderate" }

    /// Letters (j and k too) type the reason; only the arrows choose.
    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        [KeyBinding("Enter", "do it / choose", footer: true, keys: [.enter]) { menu, _, _ in menu.choose() },
         KeyBinding("↑↓", "action", footer: true, keys: [.up, .down]) { menu, key, _ in menu.move(key) },
         .typing("letters", "reason", footer: true),
         KeyBinding("Esc", "back, cancel", footer: true, keys: [.escape]) { menu, _, _ in
             guard let parent = menu.parent else { return [.pop, .setStatus(.info("Nothing changed."))] }
             (menu.options, menu.choice) = (parent.options, parent.choice)
             menu.parent = nil
             return []
         },
         KeyBinding("^S", "same as Enter", keys: [.ctrl("s")]) { menu, _, _ in menu.choose() },
         KeyBinding("Tab", "next action", keys: [.tab]) { menu, key, _ in menu.move(key) },
         KeyBinding("^X", "discard the reason", keys: [.ctrl("x")], shown: threadID != nil) { menu, _, _ in
             guard let draft = menu.draft else { return [] }
             return [.discardDraft(draft.key, what: "this reason", done: "Nothing changed; the reason is discarded.")]
         },
         .helpWhileTyping]
    }

    mutating func move(_ key: Key) -> [Command] {
        choice = key == .up ? max(0, choice - 1) : min(options.count - 1, choice + 1)
        return []
    }

    public var capturesText: Bool { true }

    public mutating func type(_ key: Key, _ context: ScreenContext) -> [Command] {
        _ = reason.handle(key, width: max(1, context.body.width - 4))
        return reason.refusal.map { [.setStatus(.error($0))] } ?? []
    }

    public var draft: DraftText? {
        threadID.map { DraftText(key: "moderate:\($0)" + (postID.map { ":\($0)" } ?? ""), body: reason.text) }
    }

    public mutating func restore(_ draft: DraftText) -> [Command]? {
        guard takes(draft) else { return nil }
        reason.setText(draft.body)
        return []
    }

    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] {
        guard answer is Moderated, context.isTop else { return [] }
        return (draft.map { [.deleteDraft(key: $0.key)] } ?? []) + [.dismiss]
    }

    /// Performs the chosen action (asking first for a destructive one), or opens its choices.
    mutating func choose() -> [Command] {
        guard let option = options[safe: choice] else { return [] }
        guard let request = option.request else {
            parent = Level(options: options, choice: choice)
            options = option.choices
            choice = 0
            return []
        }
        let why = reason.text.trimmingCharacters(in: .whitespaces)
        let chosen: ModerationRequest
        switch request {
        case .post(let post, let thread, let action, _): chosen = .post(post, thread: thread, action, reason: why)
        case .thread(let thread, let action, _): chosen = .thread(thread, action, reason: why)
        default: return []
        }
        guard chosen.isDestructive else { return [.moderate(chosen)] }
        // Hiding, removing, locking and archiving ask first; a missing reason is said before the question.
        do throws(CommunityError) {
            _ = try Rules.reason(why, required: chosen.needsReason)
        } catch {
            return [.setStatus(.error(error.description))]
        }
        return [.confirm(Confirmation(question: Self.capitalized(option.label) + "? y does it, any other key goes back",
                                      onYes: [.moderate(chosen)], onNo: "Not done: choose again or Esc to leave."))]
    }

    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let area = context.body
        let heading = parent == nil ? 0 : 1
        // Blank rows between the parts when the window has room; otherwise the actions scroll.
        let roomy = area.height >= 5 + heading + options.count
        var y = area.y
        let x = canvas.put(" Moderate ", x: 0, y: y, role: .muted)
        canvas.put("“\(title)”", x: x, y: y, role: .title, maxWidth: max(0, area.width - x - 1))
        y += roomy ? 2 : 1
        if let parent, let opened = parent.options[safe: parent.choice] {
            canvas.put(" " + opened.label.replacingOccurrences(of: "…", with: ":"), x: 0, y: y, role: .muted, maxWidth: area.width)
            y += 1
        }
        let shown = Viewport.window(focus: choice, count: options.count, visible: area.height - 3 - heading - (roomy ? 2 : 0))
        for index in shown {
            guard let option = options[safe: index] else { break }
            let chosen = index == choice
            canvas.put(chosen ? " ▸ " : "   ", x: 0, y: y, role: .accent)
            canvas.put(option.label, x: 3, y: y, role: chosen ? .selection : .normal, maxWidth: max(0, area.width - 5))
            y += 1
        }
        Viewport.drawMarks(&canvas, x: area.width - 1, top: y - shown.count, bottom: y - 1,
                           above: shown.lowerBound > 0, below: shown.upperBound < options.count)
        if roomy { y += 1 }
        canvas.put(" Reason (logged, and sent to the author):", x: 0, y: y, role: .accent, maxWidth: area.width)
        y += 1
        reason.render(into: &canvas, x: 2, y: y, width: max(1, area.width - 4), role: .normal, cursorRole: .selection,
                      placeholder: "one line")
    }
}
