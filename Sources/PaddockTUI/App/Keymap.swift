import Foundation
import PaddockCore
import PaddockStore

/// One key binding as help and the footer show it.
public struct KeyHelp: Equatable, Sendable {
    public let keys: String
    public let action: String
    /// The main keys also stand in the footer; help lists them all.
    public let inFooter: Bool

    init(_ keys: String, _ action: String, footer: Bool = false) {
        self.keys = keys
        self.action = action
        inFooter = footer
    }
}

/// The keys of each screen: the single source for the footer and the `?` overlay.
public enum Keymap {
    static let moving = [
        KeyHelp("↑↓ j k", "move"),
        KeyHelp("PgUp PgDn", "a page"),
        KeyHelp("g G Home End", "first, last"),
    ]

    /// The keys of a screen for this member now: a key whose action the
    /// domain's rules would refuse (another's role, a closed suggestion, an
    /// author's own support) is not offered.
    public static func keys(for screen: Screen, member: Actor, now: Date) -> [KeyHelp] {
        switch screen {
        case .home:
            return [KeyHelp("Enter", "open", footer: true), KeyHelp("n", "next unread", footer: true),
                    KeyHelp("i", "inbox", footer: true),
                    KeyHelp("a", "announcement"), KeyHelp("R", "roadmap", footer: true)] + moving + [
                KeyHelp("S", "suggestions"), KeyHelp("Q", "review queue (managers)"),
                KeyHelp("M", "moderation queue (moderators)"), KeyHelp("L", "moderation log"),
                KeyHelp("/", "search", footer: true), KeyHelp("?", "help", footer: true), KeyHelp("q", "quit", footer: true),
            ]
        case .board(let board):
            let start = board.startRefusal(member: member, now: now) == nil
                ? [KeyHelp("c", board.board.threadKind == .suggestion ? "new suggestion" : "new thread", footer: true)] : []
            return [KeyHelp("Enter", "open", footer: true)] + start + [
                    KeyHelp("n", "next unread", footer: true), KeyHelp("o", "order: \(board.order.label)", footer: true)] + moving + [
                KeyHelp("M", "mark board read"), KeyHelp("i", "inbox"),
                KeyHelp("/", "search"), KeyHelp("?", "help", footer: true), KeyHelp("q Esc", "back", footer: true),
            ]
        case .thread(let thread):
            var suggestion: [KeyHelp] = []
            if thread.summary.kind == .suggestion, let detail = thread.suggestion {
                let supporting = detail.viewerSupports != true
                if ThreadScreen.supportRefusal(detail, supporting: supporting, member: member, now: now) == nil {
                    suggestion.append(KeyHelp("s", supporting ? "support" : "withdraw support", footer: true))
                }
                if StatusDialog.refusal(detail, member: member) == nil { suggestion.append(KeyHelp("S", "change status", footer: true)) }
                if MergeDialog.refusal(detail, member: member) == nil { suggestion.append(KeyHelp("D", "merge into another (duplicate)", footer: true)) }
            }
            return suggestion + [KeyHelp("r", "reply", footer: true), KeyHelp("R", "reply quoting", footer: true),
                    KeyHelp("n", "next unread", footer: true),
                    KeyHelp("j k ↑↓", "scroll"), KeyHelp("Space PgDn", "page down"), KeyHelp("b PgUp", "page up"),
                    KeyHelp("] [", "next, previous post"),
                    KeyHelp("g G", "first, last post"),
                    KeyHelp("f", "flag the ▸ post"), KeyHelp("m", "moderate (moderators)"),
                    KeyHelp("p", "author's record (moderators)"),
                    KeyHelp("w x", "watch, mute thread (toggles)"),
                    KeyHelp("X o", "mute ▸ author, open folded"),
                    KeyHelp("/", "search"), KeyHelp("?", "help", footer: true), KeyHelp("q Esc", "back", footer: true)]
        case .reviewQueue:
            return [KeyHelp("Enter", "open, then S to change status", footer: true)] + moving + [
                KeyHelp("/", "search"), KeyHelp("?", "help", footer: true), KeyHelp("q Esc", "back", footer: true),
            ]
        case .moderationLog:
            return moving + [KeyHelp("/", "search"), KeyHelp("?", "help", footer: true), KeyHelp("q Esc", "back", footer: true)]
        case .inbox:
            return [KeyHelp("Enter", "open", footer: true), KeyHelp("m", "mark read", footer: true),
                    KeyHelp("M", "mark all read", footer: true)] + moving + [
                KeyHelp("/", "search"), KeyHelp("?", "help", footer: true), KeyHelp("q Esc", "back", footer: true),
            ]
        case .flagDialog:
            return [KeyHelp("Enter ^S", "flag", footer: true), KeyHelp("↑↓", "reason", footer: true),
                    KeyHelp("type", "note"), KeyHelp("Esc", "cancel", footer: true), KeyHelp("F1", "help")]
        case .conduct(let conduct):
            if let pending = conduct.pending {
                // Only silences and suspensions have a length to change.
                return [KeyHelp("Enter", "do it", footer: true)] + (pending.lasts ? [KeyHelp("Tab", "length", footer: true)] : [])
                    + [KeyHelp("Esc", "cancel", footer: true), KeyHelp("F1", "help")]
            }
            return [KeyHelp("w", "warn", footer: true), KeyHelp("s", "silence", footer: true), KeyHelp("u", "suspend", footer: true),
                    KeyHelp("l", "lift", footer: true), KeyHelp("/", "search"), KeyHelp("?", "help", footer: true), KeyHelp("q Esc", "back", footer: true)]
        case .moderationMenu:
            // Letters (j and k too) type the reason; only the arrows choose.
            return [KeyHelp("Enter", "do it / choose", footer: true), KeyHelp("↑↓", "action", footer: true),
                    KeyHelp("letters", "reason", footer: true), KeyHelp("Esc", "back, cancel", footer: true),
                    KeyHelp("^S", "same as Enter"), KeyHelp("Tab", "next action"), KeyHelp("F1", "help")]
        case .moderationQueue(let queue):
            if let prompt = queue.deciding {
                return [KeyHelp("Enter", prompt.agree ? "agree" : "disagree", footer: true)]
                    + (prompt.agree ? [KeyHelp("Tab", "remove/keep hidden", footer: true)] : [])
                    + [KeyHelp("Esc", "cancel", footer: true), KeyHelp("F1", "help")]
            }
            let undo = queue.undoable == nil ? [] : [KeyHelp("u", "undo", footer: true)]
            return [KeyHelp("Enter", "open", footer: true), KeyHelp("c", "claim", footer: true), KeyHelp("a", "agree", footer: true),
                    KeyHelp("d", "disagree", footer: true), KeyHelp("x", "ignore", footer: true)] + undo + moving + [
                KeyHelp("/", "search"), KeyHelp("?", "help", footer: true), KeyHelp("q Esc", "back", footer: true),
            ]
        case .statusDialog:
            return [KeyHelp("^S", "submit", footer: true), KeyHelp("Tab", "status/response", footer: true),
                    KeyHelp("↑↓", "choose status", footer: true), KeyHelp("Esc", "keep draft", footer: true),
                    KeyHelp("^X", "discard", footer: true), KeyHelp("F1", "help")]
        case .mergeDialog:
            return [KeyHelp("^S", "merge", footer: true), KeyHelp("Tab", "number/response", footer: true),
                    KeyHelp("↑↓", "pick similar", footer: true), KeyHelp("Esc", "keep draft", footer: true),
                    KeyHelp("^X", "discard", footer: true), KeyHelp("F1", "help")]
        case .suggestionForm:
            return [KeyHelp("^S", "post", footer: true), KeyHelp("Tab", "next field", footer: true),
                    KeyHelp("← →", "choose", footer: true), KeyHelp("Space", "pick", footer: true),
                    KeyHelp("Esc", "keep draft", footer: true), KeyHelp("^X", "discard", footer: true),
                    KeyHelp("S-Tab", "previous field"), KeyHelp("F1", "help")]
        case .roadmap:
            return [KeyHelp("Enter", "open", footer: true), KeyHelp("Tab ] [", "next, previous product", footer: true),
                    KeyHelp("l", "this product's suggestions")] + moving + [
                KeyHelp("/", "search"), KeyHelp("?", "help", footer: true), KeyHelp("q Esc", "back", footer: true),
            ]
        case .suggestionList(let list):
            return [KeyHelp("Enter", "open", footer: true), KeyHelp("o", list.query.order.label, footer: true),
                    KeyHelp("f", list.query.filter.label, footer: true), KeyHelp("F", "feature", footer: true),
                    KeyHelp("Tab ] [", "next, previous product")] + moving + [
                KeyHelp("/", "search"), KeyHelp("?", "help", footer: true), KeyHelp("q Esc", "back", footer: true),
            ]
        case .search(let search):
            if search.typing {
                return [KeyHelp("Enter", "search", footer: true), KeyHelp("↓ Tab", "results", footer: true),
                        KeyHelp("Esc", search.hits.isEmpty ? "back" : "results", footer: true),
                        KeyHelp("\"…\"", "exact phrase"), KeyHelp("-word", "leave out"), KeyHelp("word*", "starts with"),
                        KeyHelp("board: author:", "filters; also product:"), KeyHelp("feature: status:", "kind: is:unread"),
                        KeyHelp("before: after:", "YYYY-MM-DD; is:supported"), KeyHelp("F1", "help")]
            }
            return [KeyHelp("Enter", "open at the post", footer: true), KeyHelp("/ Tab", "edit query", footer: true)] + moving + [
                KeyHelp("?", "help", footer: true), KeyHelp("q Esc", "back", footer: true),
            ]
        case .compose(let compose):
            var keys = [KeyHelp("^S", "send", footer: true), KeyHelp("^O", "$EDITOR", footer: true)]
            if compose.hasTitle { keys.append(KeyHelp("Tab", "title/body", footer: true)) }
            return keys + [
                KeyHelp("Esc", "back, draft kept", footer: true), KeyHelp("^X", "discard", footer: true),
                KeyHelp("← → ↑ ↓", "move"), KeyHelp("Home End ^A ^E", "line start, end"),
                KeyHelp("^K ^U ^W", "delete to end, to start, a word"),
                KeyHelp("F1", "help"),
            ]
        }
    }
}

extension ThreadOrder {
    var label: String {
        switch self {
        case .latest: "latest"
        case .mostReplies: "most replies"
        case .unread: "unread"
        }
    }

    var next: ThreadOrder {
        let all = ThreadOrder.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
