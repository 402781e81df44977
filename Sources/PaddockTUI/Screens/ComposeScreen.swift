import Foundation
import PaddockCore
import PaddockStore

/// Writing a reply or a new thread in the built-in editor, or in $EDITOR.
/// The text is saved as a draft while you type, so a refused post, a failing
/// editor, a crash or a dropped connection loses nothing.
public struct ComposeScreen: Equatable {
    public enum Field: Equatable, Sendable { case title, body }

    public var target: ComposeTarget
    public var title = TextField(text: "", maxLength: Limits.titleCharacters)
    public var body = TextEditor()
    public var focus: Field
    /// Typed since the draft was last saved, and when.
    var unsaved = false
    var changedAt: Date?

    /// A draft is saved this long after the last key, and at once before anything risky.
    static let saveDelay: TimeInterval = 0.5

    public init(target: ComposeTarget, title: String = "", body: String = "") {
        self.target = target
        self.title.setText(title)
        self.body = TextEditor(text: body)
        focus = target.hasTitle && title.isEmpty ? .title : .body
    }

    public var hasTitle: Bool { target.hasTitle }

    var saveDraft: Command { .saveDraft(key: target.draftKey, title: hasTitle ? title.text : "", body: body.text) }

    static func editorHeight(_ area: Rect, hasTitle: Bool) -> Int { max(1, area.height - (hasTitle ? 3 : 2)) }

    mutating func handle(_ key: Key, area: Rect, now: Date) -> [Command] {
        switch key {
        case .ctrl("s"):
            unsaved = false
            return [saveDraft, .submit(target, title: hasTitle ? title.text : "", body: body.text)]
        case .ctrl("o"):
            unsaved = false
            return [saveDraft, .openEditor(text: body.text)]
        case .escape:
            unsaved = false
            let empty = body.text.isEmpty && (!hasTitle || title.text.isEmpty)
            return [saveDraft, .pop] + (empty ? [] : [.setStatus(.info("Draft kept: open the same reply again to continue."))])
        case .ctrl("x"):
            return [.confirm(Confirmation(question: "Discard this draft? It cannot be recovered. (y/n)",
                                          onYes: [.deleteDraft(key: target.draftKey), .pop, .setStatus(.info("Draft discarded."))]))]
        case .tab, .backTab:
            if hasTitle { focus = focus == .title ? .body : .title }
            return []
        case .enter where focus == .title:
            focus = .body
            return []
        default:
            let used: Bool
            switch focus {
            case .title: used = title.handle(key, width: max(1, area.width - 9))
            case .body: used = body.handle(key, width: max(1, area.width - 2), height: Self.editorHeight(area, hasTitle: hasTitle))
            }
            if used {
                unsaved = true
                changedAt = now
            }
            return []
        }
    }

    /// On a tick: save the draft once typing has paused.
    mutating func tick(now: Date) -> [Command] {
        guard unsaved, let changedAt, now.timeIntervalSince(changedAt) >= Self.saveDelay else { return [] }
        unsaved = false
        return [saveDraft]
    }

    mutating func flush() -> [Command] {
        guard unsaved else { return [] }
        unsaved = false
        return [saveDraft]
    }

    mutating func editorFinished(_ text: String, now: Date) {
        body = TextEditor(text: text)
        unsaved = true
        changedAt = now
    }

    func render(into canvas: inout Canvas, area: Rect) {
        var y = area.y
        switch target {
        case .reply(_, let threadTitle, let replyTo):
            let x = canvas.put(replyTo == nil ? " Reply to: " : " Reply (quoting) to: ", x: 0, y: y, role: .muted)
            canvas.put(threadTitle, x: x, y: y, role: .title, maxWidth: max(0, area.width - x - 1))
        case .newThread(_, let boardTitle):
            canvas.put(" New thread in " + boardTitle, x: 0, y: y, role: .title, maxWidth: area.width)
        }
        y += 1
        if hasTitle {
            canvas.put(" Title: ", x: 0, y: y, role: focus == .title ? .accent : .muted)
            title.render(into: &canvas, x: 8, y: y, width: max(1, area.width - 9), role: .normal,
                         cursorRole: focus == .title ? .selection : nil, placeholder: "what is it about?")
            y += 1
        }
        let bytes = body.text.utf8.count
        let count = " \(bytes) / \(Limits.bodyBytes) bytes "
        let rule = String(repeating: "─", count: max(0, area.width - TextWidth.of(count)))
        canvas.put(rule, x: 0, y: y, role: .border)
        canvas.put(count, x: TextWidth.of(rule), y: y, role: bytes > Limits.bodyBytes ? .error : .muted)
        y += 1
        body.render(into: &canvas, x: 1, y: y, width: max(1, area.width - 2), height: Self.editorHeight(area, hasTitle: hasTitle),
                    role: .normal, cursorRole: focus == .body ? .selection : nil,
                    placeholder: "Write here. ^S sends, ^O opens $EDITOR, Esc keeps the draft.")
    }
}

extension ComposeTarget {
    var hasTitle: Bool {
        if case .newThread = self { return true }
        return false
    }
}
