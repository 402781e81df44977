import Foundation
import PaddockCore
import PaddockStore

/// What a screen sees of the app around it: who is reading, when, where it draws.
public struct ScreenContext {
    public var member: Actor
    public var now: Date
    /// Where the screen draws: the window less the header, status and footer rows.
    public var body: Rect
    /// Whether the screen is on top of the stack (the one the member sees).
    public var isTop = true
    /// The member's unread notifications, as the header's `✉` shows them.
    public var unread = 0
    /// Open items in the flag queue (moderators and up).
    public var flagQueueCount = 0
    /// The community as home last loaded it (nil: not yet).
    public var home: HomeOverview?
    /// The member's last step in the flag queue this session, which `u` there takes back.
    public var lastQueueStep: ModerationRequest?
    /// How charts are drawn: block elements, or ASCII for the mono theme and `--ascii`.
    public var chartStyle: ChartStyle = .blocks

    /// The community's boards, as home last loaded them: read only where asked for (moving a thread).
    public var boards: [BoardSummary] { home?.boards.map(\.board) ?? [] }
}

/// A screen of the app: everything about it lives in its own type — its keys
/// (from which help and the footer are built), what it loads and reloads, how it
/// takes the answers of its effects, and how it draws. The stack holds screens
/// through this protocol; adding a screen adds a type, nothing else.
public protocol AppScreen {
    /// Its name in the header's breadcrumbs ("Paddock › Garage › Reply").
    var breadcrumb: String { get }
    /// Its keys for this member now. Only these reach the screen; help and the
    /// footer show them, so a key cannot work undocumented.
    func bindings(_ context: ScreenContext) -> [KeyBinding<Self>]
    /// Whether keys no binding names are typed into a field (and the app's
    /// letter keys — `q`, `/`, `?`, `i` — are left to the screen).
    var capturesText: Bool { get }
    /// A key no binding names, while the screen captures text.
    mutating func type(_ key: Key, _ context: ScreenContext) -> [Command]
    /// Reads again what it shows: after another session changed the community,
    /// and on coming back to it when the screen above closes.
    func reload(_ context: ScreenContext) -> [Command]
    /// An effect's answer: the screen takes what concerns it. Every screen on the stack hears each answer.
    mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command]
    /// The window changed size: lists keep their selection in view.
    mutating func relayout(_ context: ScreenContext)
    /// A click on row `y` of the window.
    mutating func click(row y: Int, _ context: ScreenContext) -> [Command]
    /// Draws into the body; pure: the same screen and context draw the same.
    func render(into canvas: inout Canvas, _ context: ScreenContext)
    /// What is typed into its form, under its draft key; nil where nothing is being typed.
    var draft: DraftText? { get }
    /// Puts a kept draft back into its form, when it is its own and nothing has
    /// been typed there since; nil when the draft is not this screen's to take.
    mutating func restore(_ draft: DraftText) -> [Command]?
    /// Whether its kept draft is offered back when the form opens (compose reads its own before it opens).
    var offersDraftOnOpen: Bool { get }
    /// Whether this is the same screen in the same state (the stack's equality).
    func isEqual(to other: any AppScreen) -> Bool
    /// When what it shows changes by itself, with no key or write (a poll's
    /// closing time): the app wakes then if it is on top. Nil: never.
    var wakesAt: Date? { get }
    /// `wakesAt` has come: what to do (load again); the screen stops asking for that time.
    mutating func awoke(_ context: ScreenContext) -> [Command]
}

extension AppScreen {
    public var capturesText: Bool { false }
    public mutating func type(_ key: Key, _ context: ScreenContext) -> [Command] { [] }
    public func reload(_ context: ScreenContext) -> [Command] { [] }
    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] { [] }
    public mutating func relayout(_ context: ScreenContext) {}
    public mutating func click(row y: Int, _ context: ScreenContext) -> [Command] { [] }
    public var draft: DraftText? { nil }
    public mutating func restore(_ draft: DraftText) -> [Command]? { nil }
    public var offersDraftOnOpen: Bool { true }
    public var wakesAt: Date? { nil }
    public mutating func awoke(_ context: ScreenContext) -> [Command] { [] }

    /// Whether a kept draft may go into this form: its own, and nothing typed there since.
    func takes(_ draft: DraftText) -> Bool {
        guard let current = self.draft else { return false }
        return current.key == draft.key && current.isEmpty
    }

    /// The key help of its bindings, in their order.
    public func help(_ context: ScreenContext) -> [KeyHelp] {
        bindings(context).compactMap { $0.isShown ? $0.help : nil }
    }

    /// Lets the binding of `key` act; nil when no binding names the key.
    mutating func press(_ key: Key, _ context: ScreenContext) -> [Command]? {
        guard let binding = bindings(context).first(where: { $0.keys.contains(key) }) else { return nil }
        return binding.action(&self, key, context)
    }
}

extension AppScreen where Self: Equatable {
    public func isEqual(to other: any AppScreen) -> Bool { (other as? Self) == self }
}

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

/// Keys, their help, and what they do on a screen of type `S`.
public struct KeyBinding<S> {
    public let help: KeyHelp
    /// The keys that act; `help.keys` names them for people.
    let keys: [Key]
    /// False for a key the domain's rules refuse now: help leaves it out, and
    /// pressing it only says why.
    let isShown: Bool
    let action: (inout S, Key, ScreenContext) -> [Command]

    /// - Parameters:
    ///   - label: the keys as help shows them ("↑↓ j k").
    ///   - keys: the keys that act.
    init(_ label: String, _ what: String, footer: Bool = false, keys: [Key], shown: Bool = true,
         _ action: @escaping (inout S, Key, ScreenContext) -> [Command]) {
        help = KeyHelp(label, what, footer: footer)
        self.keys = keys
        isShown = shown
        self.action = action
    }

    /// A help row for keys the screen's field takes as typed text ("type", "letters").
    static func typing(_ label: String, _ what: String, footer: Bool = false) -> KeyBinding {
        KeyBinding(label, what, footer: footer, keys: []) { _, _, _ in [] }
    }
}

extension KeyBinding {
    /// `q Esc ← h`: back to the screen below.
    static func back(footer: Bool = true) -> KeyBinding {
        KeyBinding("q Esc", "back", footer: footer, keys: [.character("q"), .escape, .left, .character("h")]) { _, _, _ in [.pop] }
    }

    static func help(footer: Bool = true) -> KeyBinding {
        KeyBinding("?", "help", footer: footer, keys: [.character("?")]) { _, _, _ in [.showHelp] }
    }

    /// F1 opens help on screens whose letters are typed.
    static var helpWhileTyping: KeyBinding {
        KeyBinding("F1", "help", keys: [.function(1)]) { _, _, _ in [.showHelp] }
    }

    static func search(footer: Bool = false) -> KeyBinding {
        KeyBinding("/", "search", footer: footer, keys: [.character("/")]) { _, _, context in SearchScreen.open() }
    }

    /// `n` from a screen that is not a board or a thread: the first unread thread from the top.
    static var nextUnread: KeyBinding {
        KeyBinding("n", "next unread", keys: [.character("n")]) { _, _, _ in [.findNextUnread(after: nil)] }
    }

    static func inbox(footer: Bool = false) -> KeyBinding {
        KeyBinding("i", "inbox", footer: footer, keys: [.character("i")]) { _, _, context in InboxScreen.open(body: context.body) }
    }

    /// The movement keys every list shares, each acting through `action`.
    static func moving(_ action: @escaping (inout S, Key, ScreenContext) -> [Command]) -> [KeyBinding] {
        [KeyBinding("↑↓ j k", "move", keys: [.up, .down, .character("j"), .character("k")], action),
         KeyBinding("PgUp PgDn", "a page", keys: [.pageUp, .pageDown, .character(" "), .character("b")], action),
         KeyBinding("g G Home End", "first, last", keys: [.home, .end, .character("g"), .character("G")], action)]
    }
}
