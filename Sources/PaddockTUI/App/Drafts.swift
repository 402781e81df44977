import Foundation
import PaddockCore
import PaddockStore

/// Text a member is typing into a form, as kept in the store's drafts: the key
/// names the form (a reply in a thread, the response to a suggestion, a reason
/// about a member), so reopening the same form offers the text back.
public struct DraftText: Equatable, Sendable {
    public var key: String
    public var title: String
    public var body: String

    public init(key: String, title: String = "", body: String) {
        self.key = key
        self.title = title
        self.body = body
    }

    var isEmpty: Bool { title.isEmpty && body.isEmpty }
}

/// Typed since the draft was last saved, and when.
struct UnsavedDraft: Equatable {
    var text: DraftText
    var changedAt: Date
}

extension Command {
    /// Asks before typed text is thrown away; yes forgets its draft and leaves the form.
    static func discardDraft(_ key: String, what: String, done: String) -> Command {
        .confirm(Confirmation(question: "Discard \(what)? It cannot be recovered. (y/n)",
                              onYes: [.deleteDraft(key: key), .pop, .setStatus(.info(done))]))
    }

    /// Before these, what is typed is saved at once: they leave the form, send
    /// its text, or hand it to something that can fail.
    var savesDraftFirst: Bool {
        switch self {
        case .push, .pop, .quit, .confirm: true
        case .effect(let effect): effect.savesDraftFirst
        case .dismiss, .setStatus, .showHelp: false
        }
    }
}

extension App {
    /// A draft is saved this long after the last change, and at once before anything risky.
    static let draftSaveDelay: TimeInterval = 0.5

    /// Every form keeps what is typed as a draft: noted when an event changes
    /// the text, saved once typing pauses, before the form is left or its text
    /// sent, when the terminal goes away; and offered back when the form opens.
    static func keepDrafts(_ message: Message, before: DraftText?, _ state: inout AppState, _ commands: [Command]) -> [Command] {
        guard case .event(let event) = message else { return commands }
        if let typed = state.screen.draft, typed.key == before?.key, typed != before {
            state.unsavedDraft = UnsavedDraft(text: typed, changedAt: state.now)
        }
        guard let unsaved = state.unsavedDraft else { return commands }
        let due: Bool
        switch event {
        case .tick: due = state.now.timeIntervalSince(unsaved.changedAt) >= draftSaveDelay
        case .hangup, .editorFinished: due = true
        default: due = commands.contains(where: \.savesDraftFirst) || state.screen.draft?.key != unsaved.text.key
        }
        guard due else { return commands }
        state.unsavedDraft = nil
        return [.saveDraft(key: unsaved.text.key, title: unsaved.text.title, body: unsaved.text.body)] + commands
    }

    /// A form just opened (a dialog pushed, a reason prompt shown) asks for its kept draft.
    static func draftToOffer(before: DraftText?, _ state: AppState) -> Command? {
        guard let opened = state.screen.draft, opened.key != before?.key, opened.isEmpty, state.screen.offersDraftOnOpen else { return nil }
        return .loadDraft(key: opened.key)
    }
}
