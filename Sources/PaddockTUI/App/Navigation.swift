import Foundation
import PaddockCore
import PaddockStore

/// Everything the app shows, as plain values: `update` changes it, `view` draws it.
public struct AppState: Equatable {
    public var member: Actor
    public var width: Int
    public var height: Int
    /// The clock as of the last event; relative times ("3h") are drawn from it.
    public var now: Date
    /// Screens the member has opened; the last is on top. Never empty.
    public var stack: [any AppScreen]
    public var status: Status?
    public var showingHelp = false
    /// The first key the help overlay shows, when it scrolls (a short window).
    public var helpScroll = 0
    /// A yes/no question that takes the next key (discarding a draft).
    public var confirmation: Confirmation?
    public var unreadNotifications = 0
    /// Open items in the flag queue; shown in the header to moderators and up only.
    public var flagQueueCount = 0
    /// The member's last step in the flag queue this session, which `u` there takes back.
    public var lastQueueStep: ModerationRequest?
    /// How charts are drawn, for the whole session: block elements, or ASCII for the mono theme and `--ascii`.
    public var chartStyle: ChartStyle = .blocks
    /// When the app last looked for other sessions' changes.
    var lastChangeCheck: Date?
    /// A change was noticed too soon after the last look; the next look is due at `changeCheckDue`.
    var changeNoticed = false
    /// Text typed into the open form and not yet saved as a draft.
    var unsavedDraft: UnsavedDraft?

    public init(member: Actor, width: Int, height: Int, now: Date) {
        self.member = member
        self.width = width
        self.height = height
        self.now = now
        stack = [HomeScreen()]
    }

    public var screen: any AppScreen {
        get { stack[stack.count - 1] }
        set { stack[stack.count - 1] = newValue }
    }

    var body: Rect { Frame.body(width: width, height: height) }

    /// What the screen at `index` of the stack sees of the app.
    func context(at index: Int? = nil) -> ScreenContext {
        let index = index ?? stack.count - 1
        return ScreenContext(member: member, now: now, body: body, isTop: index == stack.count - 1, unread: unreadNotifications,
                             flagQueueCount: flagQueueCount, home: (stack[0] as? HomeScreen)?.overview,
                             lastQueueStep: lastQueueStep, chartStyle: chartStyle)
    }

    public static func == (a: AppState, b: AppState) -> Bool {
        a.member == b.member && a.width == b.width && a.height == b.height && a.now == b.now
            && a.stack.count == b.stack.count && zip(a.stack, b.stack).allSatisfy { $0.isEqual(to: $1) }
            && a.status == b.status && a.showingHelp == b.showingHelp && a.helpScroll == b.helpScroll
            && a.confirmation == b.confirmation && a.unreadNotifications == b.unreadNotifications
            && a.flagQueueCount == b.flagQueueCount && a.lastQueueStep == b.lastQueueStep
            && a.chartStyle == b.chartStyle && a.lastChangeCheck == b.lastChangeCheck && a.changeNoticed == b.changeNoticed && a.unsavedDraft == b.unsavedDraft
    }
}

/// The app's rules of motion: a message changes the state and asks for effects.
/// Navigation (push, pop), the status line, help and questions are applied
/// here; the screens decide everything else, and the effects they ask for are
/// returned for the runtime to perform.
public enum App {
    /// The least time between two looks for other sessions' changes: a busy
    /// community (a commit every few milliseconds) costs each open session at
    /// most two reloads a second, and a change still shows within a second.
    static let changeCheckInterval: TimeInterval = 0.5

    /// When the look for a change noticed too soon after the last one is due, or nil.
    static func changeCheckDue(_ state: AppState) -> Date? {
        guard state.changeNoticed else { return nil }
        return state.lastChangeCheck.map { $0.addingTimeInterval(changeCheckInterval) } ?? state.now
    }

    /// When the app next needs a `.tick` if nothing happens (a draft to save
    /// once typing pauses, a change to look at, the top screen's own time), or nil: it sleeps.
    public static func nextTick(_ state: AppState) -> Date? {
        [changeCheckDue(state), state.unsavedDraft.map { $0.changedAt.addingTimeInterval(draftSaveDelay) }, state.screen.wakesAt]
            .compactMap { $0 }.min()
    }

    /// A look for changes now if the last was long enough ago, else one noted for later.
    static func lookForChanges(_ state: inout AppState) -> [Command] {
        if let last = state.lastChangeCheck, state.now.timeIntervalSince(last) < changeCheckInterval {
            state.changeNoticed = true
            return []
        }
        state.changeNoticed = false
        state.lastChangeCheck = state.now
        return [.checkForChanges]
    }

    public static func update(_ state: inout AppState, _ message: Message) -> [Command] {
        let typed = state.screen.draft
        let commands = keepDrafts(message, before: typed, &state, commands(&state, message))
        var effects = apply(commands, to: &state)
        if let offer = draftToOffer(before: typed, state) { effects.append(offer) }
        return effects
    }

    static func commands(_ state: inout AppState, _ message: Message) -> [Command] {
        switch message {
        case .event(let event):
            return handle(event, &state)
        case .answer(let answer):
            var commands: [Command] = []
            for i in state.stack.indices {
                commands += state.stack[i].receive(answer, state.context(at: i))
            }
            return commands + answer.follow(&state)
        case .failed(let why):
            return [.setStatus(.error(why))]
        case .changedElsewhere:
            return [.checkNotifications, .countFlagQueue] + state.screen.reload(state.context())
        case .notificationsCounted(let count):
            state.unreadNotifications = count
        case .flagQueueCounted(let count):
            state.flagQueueCount = count
        case .draftLoaded(let draft):
            for i in state.stack.indices {
                if let commands = state.stack[i].restore(draft) { return [.setStatus(.info("Your unsent draft is back."))] + commands }
            }
        }
        return []
    }

    static func handle(_ event: TerminalEvent, _ state: inout AppState) -> [Command] {
        switch event {
        case .resized(let width, let height):
            state.width = width
            state.height = height
            for i in state.stack.indices { state.stack[i].relayout(state.context(at: i)) }
            return []
        case .changed:
            return lookForChanges(&state)
        case .tick:
            var commands: [Command] = []
            if let wake = state.screen.wakesAt, state.now >= wake {
                commands += state.stack[state.stack.count - 1].awoke(state.context())
            }
            guard let due = changeCheckDue(state), state.now >= due else { return commands }
            return commands + lookForChanges(&state)
        case .hangup:
            return []  // what is typed is saved by keepDrafts
        case .editorFinished(let result):
            return state.screen.receive(EditorFinished(result: result), state.context())
        case .mouse(let mouse):
            switch mouse {
            case .wheelUp: return (0..<3).flatMap { _ in handle(.up, &state) }
            case .wheelDown: return (0..<3).flatMap { _ in handle(.down, &state) }
            case .click(_, let y):
                guard !state.isTooSmall else { return [] }
                return state.screen.click(row: y, state.context())
            }
        case .key(let key):
            return handle(key, &state)
        }
    }

    static func handle(_ key: Key, _ state: inout AppState) -> [Command] {
        if let confirmation = state.confirmation {
            state.confirmation = nil
            if key == .character("y") || key == .character("Y") { return confirmation.onYes }
            return [.setStatus(.info(confirmation.onNo))]
        }
        if state.isTooSmall {
            return key == .character("q") || key == .ctrl("c") ? [.quit] : []
        }
        if state.showingHelp {
            if !HelpOverlay.scroll(key, offset: &state.helpScroll, keys: state.screen.help(state.context()), body: state.body) {
                state.showingHelp = false
            }
            return []
        }
        state.status = nil
        switch key {
        case .ctrl("c"): return [.quit]  // drafts are kept first
        case .function(1): return [.showHelp]
        default: break
        }
        let context = state.context()
        if let commands = state.stack[state.stack.count - 1].press(key, context) { return commands }
        guard state.screen.capturesText else { return [] }
        return state.stack[state.stack.count - 1].type(key, context)
    }

    /// Applies navigation, status, help and questions; returns the effects left for the runtime.
    static func apply(_ commands: [Command], to state: inout AppState) -> [Command] {
        var effects: [Command] = []
        for command in commands {
            switch command {
            case .push(let screen):
                state.stack.append(screen)
            case .pop:
                guard state.stack.count > 1 else { continue }
                state.stack.removeLast()
                // Coming back, the screen shows what was read or changed meanwhile.
                effects += apply(state.screen.reload(state.context()), to: &state)
            case .dismiss:
                if state.stack.count > 1 { state.stack.removeLast() }
            case .setStatus(let status):
                state.status = status
            case .confirm(let confirmation):
                state.confirmation = confirmation
            case .showHelp:
                state.showingHelp = true
                state.helpScroll = 0
            case .quit, .effect:
                effects.append(command)
            }
        }
        return effects
    }
}

extension AppState {
    var isTooSmall: Bool { width < Frame.minimumWidth || height < Frame.minimumHeight }
}

/// `$EDITOR` closed: its text, for the screen that opened it.
struct EditorFinished: Answer {
    var result: Result<String, EditorFailure>
}
