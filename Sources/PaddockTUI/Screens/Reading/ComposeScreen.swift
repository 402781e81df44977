import Foundation
import PaddockCore
import PaddockStore

/// Writing a reply or a new thread in the built-in editor, or in $EDITOR.
/// The text is saved as a draft while you type, so a refused post, a failing
/// editor, a crash or a dropped connection loses nothing.
public struct ComposeScreen: Equatable, AppScreen {
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

        public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        [KeyBinding("^S", "send", footer: true, keys: [.ctrl("s")]) { compose, _, _ in
             [.submit(compose.target, title: compose.hasTitle ? compose.title.text : "", body: compose.body.text)]
         },
         KeyBinding("^O", "$EDITOR", footer: true, keys: [.ctrl("o")]) { compose, _, _ in [.openEditor(text: compose.body.text)] },
         KeyBinding("Tab", "title/body", footer: true, keys: [.tab, .backTab], shown: hasTitle) { compose, _, _ in
             if compose.hasTitle { compose.focus = compose.focus == .title ? .body : .title }
             return []
         },
         KeyBinding("Esc", "back, draft kept", footer: true, keys: [.escape]) { compose, _, _ in
             let empty = compose.body.text.isEmpty && (!compose.hasTitle || compose.title.text.isEmpty)
             let again = compose.hasTitle ? "c in this board continues it" : "open the same reply again to continue"
             return [.pop] + (empty ? [] : [.setStatus(.info("Draft kept: \(again)."))])
         },
         KeyBinding("^X", "discard", footer: true, keys: [.ctrl("x")]) { compose, _, _ in
             [.discardDraft(compose.target.draftKey, what: "this draft", done: "Draft discarded.")]
         },
         .typing("← → ↑ ↓", "move"), .typing("Home End ^A ^E", "line start, end"),
         .typing("^K ^U ^W", "delete to end, to start, a word"),
         .helpWhileTyping]
    }

    public var capturesText: Bool { true }

    /// What is typed is kept as a draft by the app (see keepDrafts).
    public mutating func type(_ key: Key, _ context: ScreenContext) -> [Command] {
        let area = context.body
        switch focus {
        case .title:
            if key == .enter {
                focus = .body
                return []
            }
            _ = title.handle(key, width: Self.titleWidth(area))
            if title.refusedInput { return [.setStatus(.error(SuggestionForm.titleFull))] }
        case .body: _ = body.handle(key, width: max(1, area.width - 2), height: Self.editorHeight(area, hasTitle: hasTitle))
        }
        return []
    }

    public var draft: DraftText? { DraftText(key: target.draftKey, title: hasTitle ? title.text : "", body: body.text) }

    /// Compose reads its kept draft before it opens (`ComposeEffects.Open`).
    public var offersDraftOnOpen: Bool { false }

    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] {
        guard context.isTop else { return [] }
        switch answer {
        case let finished as EditorFinished:
            switch finished.result {
            case .success(let text):
                body = TextEditor(text: text)
                return [.setStatus(.info("Text taken back from the editor."))]
            case .failure(let failure):
                return [.setStatus(.error("\(failure.message); your text is unchanged."))]
            }
        case let sent as Submitted where sent.target == target:
            switch target {
            case .reply:
                let size = ThreadScreen.pageSize
                return [.dismiss, .setStatus(.info("Reply posted.")),
                        .loadThread(id: sent.threadID, from: max(0, sent.position - size + 1), limit: size, placement: .replace(scrollTo: .bottom))]
            case .newThread:
                return [.dismiss, .setStatus(.info("Thread started."))]
            }
        default:
            return []
        }
    }

    public var breadcrumb: String { hasTitle ? "New thread" : "Reply" }

    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let area = context.body
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

/// What compose is writing: a reply in a thread, or a new thread in a board.
public enum ComposeTarget: Equatable, Sendable {
    case reply(threadID: Int64, threadTitle: String, replyTo: Int64?)
    case newThread(boardSlug: String, boardTitle: String)

    /// Drafts are kept per target, so each compose finds its own.
    public var draftKey: String {
        switch self {
        case .reply(let id, _, let replyTo): replyTo.map { "reply:\(id):\($0)" } ?? "reply:\(id)"
        case .newThread(let slug, _): "thread:\(slug)"
        }
    }

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
