import Foundation
import PaddockCore

/// A form whose text is kept as a draft and sent by an effect (a status
/// change, a merge, a suggestion): Esc leaves it with the draft kept, ^X asks
/// to discard it, and the answer that says it was sent closes it; every other
/// key goes to its own `handle`, which knows the field in focus.
protocol FormScreen: AppScreen {
    var draftKey: String { get }
    mutating func handle(_ key: Key, area: Rect) -> [Command]
    /// What Esc says, when something was typed (kept) or not; nil: nothing.
    func leaving(kept: Bool) -> String?
    /// What ^X asks to discard, and what it says after.
    var discarding: (what: String, done: String) { get }
    /// Whether this answer says the form's text was sent.
    func isSent(by answer: any Answer) -> Bool
    /// Any other answer the form takes (the similar suggestions, the products).
    mutating func take(_ answer: any Answer, _ context: ScreenContext)
}

extension FormScreen {
    public var capturesText: Bool { true }

    public mutating func type(_ key: Key, _ context: ScreenContext) -> [Command] { handle(key, area: context.body) }

    mutating func take(_ answer: any Answer, _ context: ScreenContext) {}

    /// Sent: the draft goes, and so does the form.
    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] {
        if context.isTop, isSent(by: answer) { return [.deleteDraft(key: draftKey), .dismiss] }
        take(answer, context)
        return []
    }

    /// ^S sends, Tab moves between fields, the arrows choose, Esc keeps the
    /// draft, ^X discards it; `more` are help rows for the keys a field takes.
    static func formKeys(send: String, tab: String, arrows: (keys: String, what: String), more: [KeyBinding<Self>] = []) -> [KeyBinding<Self>] {
        let handle: (inout Self, Key, ScreenContext) -> [Command] = { $0.handle($1, area: $2.body) }
        return [KeyBinding("^S", send, footer: true, keys: [.ctrl("s")], handle),
                KeyBinding("Tab", tab, footer: true, keys: [.tab], handle),
                .typing(arrows.keys, arrows.what, footer: true)] + more + [
                KeyBinding("Esc", "keep draft", footer: true, keys: [.escape]) { form, _, _ in
                    let kept = form.draft.map { !$0.isEmpty } ?? false
                    return [.pop] + (form.leaving(kept: kept).map { [.setStatus(.info($0))] } ?? [])
                },
                KeyBinding("^X", "discard", footer: true, keys: [.ctrl("x")]) { form, _, _ in
                    [.discardDraft(form.draftKey, what: form.discarding.what, done: form.discarding.done)]
                },
                KeyBinding("S-Tab", "previous field", keys: [.backTab], handle),
                .helpWhileTyping]
    }
}

/// A form with one official response (a status change, a merge): its draft is the response.
protocol ResponseForm: FormScreen {
    var response: TextEditor { get set }
}

extension ResponseForm {
    public var draft: DraftText? { DraftText(key: draftKey, body: response.text) }

    public mutating func restore(_ draft: DraftText) -> [Command]? {
        guard takes(draft) else { return nil }
        response = TextEditor(text: draft.body)
        return []
    }
}
