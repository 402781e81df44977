import Foundation
import PaddockCore
import PaddockStore

/// A moderation write the runtime performs through the Community service.
public enum ModerationRequest: Equatable, Sendable {
    case flag(post: Int64, thread: Int64, reason: FlagReason, note: String?)
    case claim(post: Int64)
    case agree(post: Int64, reason: String, remove: Bool)
    case disagree(post: Int64)
    case ignore(post: Int64)
    case post(Int64, thread: Int64, PostAction, reason: String)
    case thread(Int64, ThreadAction, reason: String)
    case member(String, PenaltyKind, until: Date?, reason: String)

    /// The thread whose view changes, when it is known.
    var threadID: Int64? {
        switch self {
        case .flag(_, let thread, _, _), .post(_, let thread, _, _), .thread(let thread, _, _): thread
        default: nil
        }
    }
}

extension FlagReason {
    var label: String {
        switch self {
        case .spam: "spam"
        case .offTopic: "off topic"
        case .abusive: "abusive"
        case .other: "other (say what is wrong)"
        }
    }
}

/// Flags the post marked ▸ in a thread: choose a reason (other needs a note),
/// ^S or Enter submits, Esc cancels. A refusal keeps the dialog and the note.
public struct FlagDialog: Equatable {
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
        return [.push(.flagDialog(FlagDialog(post: post, threadTitle: thread.summary.title)))]
    }

    var reason: FlagReason { Self.reasons[min(choice, Self.reasons.count - 1)] }

    mutating func handle(_ key: Key, area: Rect) -> [Command] {
        switch key {
        case .ctrl("s"), .enter:
            let text = note.text.trimmingCharacters(in: .whitespaces)
            return [.moderate(.flag(post: post.id, thread: post.threadId, reason: reason, note: text.isEmpty ? nil : text))]
        case .escape:
            return [.pop, .setStatus(.info("Not flagged."))]
        case .up:
            choice = max(0, choice - 1)
        case .down, .tab:
            choice = min(Self.reasons.count - 1, choice + 1)
        default:
            _ = note.handle(key, width: max(1, area.width - 4))
        }
        return []
    }

    func render(into canvas: inout Canvas, area: Rect) {
        var y = area.y
        let x = canvas.put(" Flag a post by ", x: 0, y: y, role: .muted)
        canvas.put("\(post.authorHandle) in “\(threadTitle)”", x: x, y: y, role: .title, maxWidth: max(0, area.width - x - 1))
        y += 1
        let excerpt = post.body.split(separator: "\n").first.map(String.init) ?? ""
        canvas.put("   " + excerpt, x: 0, y: y, role: .quote, maxWidth: area.width)
        y += 2
        canvas.put(" What is wrong with it?", x: 0, y: y, role: .muted)
        y += 1
        for (index, reason) in Self.reasons.enumerated() {
            let chosen = index == choice
            canvas.put(chosen ? " ▸ " : "   ", x: 0, y: y, role: .accent)
            canvas.put(reason.label, x: 3, y: y, role: chosen ? .selection : .normal)
            y += 1
        }
        y += 1
        canvas.put(reason == .other ? " Note (needed for other):" : " Note (optional):", x: 0, y: y, role: .accent)
        y += 1
        note.render(into: &canvas, x: 2, y: y, width: max(1, area.width - 4), role: .normal, cursorRole: .selection,
                    placeholder: "what moderators should know")
        y += 2
        canvas.put(" Moderators review flagged posts; enough flags hide a post until they do.", x: 0, y: y, role: .muted,
                   maxWidth: area.width)
    }
}

/// A moderator's actions on a thread and its focused post, as the role allows,
/// each with a one-line reason. Enter or ^S performs the chosen one.
public struct ModerationMenu: Equatable {
    public struct Option: Equatable, Sendable {
        public var label: String
        public var request: ModerationRequest
    }

    public var title: String
    public var options: [Option]
    public var choice = 0
    public var reason = TextField(maxLength: 500)

    static func open(_ thread: ThreadScreen, member: Actor) -> [Command] {
        do throws(CommunityError) {
            try Rules.moderate(by: member)
        } catch {
            return [.setStatus(.error("moderation is for moderators: \(error.description)"))]
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
        options.append(Option(label: s.locked ? "unlock the thread" : "lock the thread", request: .thread(id, s.locked ? .unlock : .lock, reason: "")))
        options.append(Option(label: s.pinned ? "unpin the thread" : "pin the thread", request: .thread(id, s.pinned ? .unpin : .pin, reason: "")))
        if !s.archived { options.append(Option(label: "archive the thread", request: .thread(id, .archive, reason: ""))) }
        return [.push(.moderationMenu(ModerationMenu(title: s.title, options: options)))]
    }

    mutating func handle(_ key: Key, area: Rect) -> [Command] {
        switch key {
        case .ctrl("s"), .enter:
            guard let option = options[safe: choice] else { return [] }
            let why = reason.text.trimmingCharacters(in: .whitespaces)
            switch option.request {
            case .post(let post, let thread, let action, _): return [.moderate(.post(post, thread: thread, action, reason: why))]
            case .thread(let thread, let action, _): return [.moderate(.thread(thread, action, reason: why))]
            default: return []
            }
        case .escape:
            return [.pop, .setStatus(.info("Nothing changed."))]
        case .up:
            choice = max(0, choice - 1)
        case .down, .tab:
            choice = min(options.count - 1, choice + 1)
        default:
            _ = reason.handle(key, width: max(1, area.width - 4))
        }
        return []
    }

    func render(into canvas: inout Canvas, area: Rect) {
        var y = area.y
        let x = canvas.put(" Moderate ", x: 0, y: y, role: .muted)
        canvas.put("“\(title)”", x: x, y: y, role: .title, maxWidth: max(0, area.width - x - 1))
        y += 2
        for (index, option) in options.enumerated() {
            let chosen = index == choice
            canvas.put(chosen ? " ▸ " : "   ", x: 0, y: y, role: .accent)
            canvas.put(option.label, x: 3, y: y, role: chosen ? .selection : .normal)
            y += 1
        }
        y += 1
        canvas.put(" Reason (logged, and sent to the author):", x: 0, y: y, role: .accent)
        y += 1
        reason.render(into: &canvas, x: 2, y: y, width: max(1, area.width - 4), role: .normal, cursorRole: .selection,
                      placeholder: "one line")
    }
}
