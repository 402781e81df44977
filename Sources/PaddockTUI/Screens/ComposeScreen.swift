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

    public init(target: ComposeTarget, title: String = "", body: String = "") {
        self.target = target
        self.title.setText(title)
        self.body = TextEditor(text: body)
        focus = target.hasTitle && title.isEmpty ? .title : .body
    }

    public var hasTitle: Bool { target.hasTitle }

    static func titleWidth(_ area: Rect) -> Int { max(1, area.width - 8 - TitleCount.width - 1) }

    static func editorHeight(_ area: Rect, hasTitle: Bool) -> Int { max(1, area.height - (hasTitle ? 3 : 2)) }

    mutating func handle(_ key: Key, area: Rect) -> [Command] {
        switch key {
        case .ctrl("s"):
            return [.submit(target, title: hasTitle ? title.text : "", body: body.text)]
        case .ctrl("o"):
            return [.openEditor(text: body.text)]
        case .escape:
            let empty = body.text.isEmpty && (!hasTitle || title.text.isEmpty)
            return [.pop] + (empty ? [] : [.setStatus(.info("Draft kept: open the same reply again to continue."))])
        case .ctrl("x"):
            return [.discardDraft(target.draftKey, what: "this draft", done: "Draft discarded.")]
        case .tab, .backTab:
            if hasTitle { focus = focus == .title ? .body : .title }
            return []
        case .enter where focus == .title:
            focus = .body
            return []
        default:
            // What is typed is kept as a draft by the app (see keepDrafts).
            switch focus {
            case .title:
                _ = title.handle(key, width: Self.titleWidth(area))
                if title.refusedInput { return [.setStatus(.error(SuggestionForm.titleFull))] }
            case .body: _ = body.handle(key, width: max(1, area.width - 2), height: Self.editorHeight(area, hasTitle: hasTitle))
            }
            return []
        }
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
            title.render(into: &canvas, x: 8, y: y, width: Self.titleWidth(area), role: .normal,
                         cursorRole: focus == .title ? .selection : nil, placeholder: "what is it about?")
            TitleCount.render(title, into: &canvas, right: area.width, y: y)
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

/// The characters a title has of the most it may have, "87/120", drawn after the
/// field: the field stops accepting at the limit, and says so.
enum TitleCount {
    static let width = " \(Limits.titleCharacters)/\(Limits.titleCharacters)".count

    static func render(_ field: TextField, into canvas: inout Canvas, right: Int, y: Int) {
        let text = "\(field.text.count)/\(Limits.titleCharacters)"
        let full = field.text.count >= Limits.titleCharacters
        canvas.put(text, x: max(0, right - TextWidth.of(text)), y: y, role: full ? .error : .muted)
    }
}
