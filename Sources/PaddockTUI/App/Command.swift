import Foundation
import PaddockCore
import PaddockStore

/// What screens ask for: navigation, the status line and questions are applied
/// by `App.update`; an effect goes to the runtime, which answers with a `Message`.
public enum Command: Equatable {
    case push(any AppScreen)
    /// Back to the screen below, which reads again what it shows.
    case pop
    /// Closes the top screen without reloading the one below (a form whose text was sent).
    case dismiss
    case quit
    case setStatus(Status)
    case confirm(Confirmation)
    case showHelp
    case effect(any Effect)

    public static func == (a: Command, b: Command) -> Bool {
        switch (a, b) {
        case (.push(let x), .push(let y)): x.isEqual(to: y)
        case (.pop, .pop), (.dismiss, .dismiss), (.quit, .quit), (.showHelp, .showHelp): true
        case (.setStatus(let x), .setStatus(let y)): x == y
        case (.confirm(let x), .confirm(let y)): x == y
        case (.effect(let x), .effect(let y)): x.isEqual(to: y)
        default: false
        }
    }

    /// The effect of this command, as its own type (tests look inside).
    public func effect<E: Effect>(as type: E.Type) -> E? {
        if case .effect(let effect) = self { effect as? E } else { nil }
    }
}

/// Work against the community (a load, a write) or the terminal (the editor,
/// quitting), performed by the runtime. Each feature keeps its effects beside
/// its screens.
public protocol Effect: Equatable {
    func perform(_ environment: EffectEnvironment) throws -> EffectOutcome
    /// Whether read positions not yet written must be written first (anything that reads them).
    var needsReadsSaved: Bool { get }
    /// Whether what is typed is saved first: the effect sends the text or can fail.
    var savesDraftFirst: Bool { get }
}

extension Effect {
    public var needsReadsSaved: Bool { true }
    public var savesDraftFirst: Bool { false }
    func isEqual(to other: any Effect) -> Bool { (other as? Self) == self }
}

/// An effect that sends what a form holds (a post, a response, a reason): what
/// is typed is saved as a draft first, so a refusal or a crash loses nothing.
public protocol Sending: Effect {}

extension Sending {
    public var savesDraftFirst: Bool { true }
}

/// What an effect gives back.
public enum EffectOutcome {
    case answer(any Answer)
    case message(Message)
    case request(TerminalRequest)
    case nothing
}

/// What effects act through: the community, as the member of this session.
public protocol EffectEnvironment: AnyObject {
    var community: Community { get }
    var member: Actor { get }
    /// This session's name for its drafts (another session of the same member keeps its own).
    var session: String { get }
    var now: Date { get }
    /// Notes a read position, written on the next tick.
    func noteRead(thread: Int64, position: Int)
    /// Whether another session changed the community since the last look.
    func changedSinceLastLook() throws -> Bool
}

/// An effect's answer. Every screen on the stack hears it (`AppScreen.receive`);
/// what it asks of the app beyond them — a status line, a screen to open — it says here.
public protocol Answer {
    func follow(_ state: inout AppState) -> [Command]
}

extension Answer {
    public func follow(_ state: inout AppState) -> [Command] { [] }
}

/// What happened: a key, a tick, or the answer to an effect.
public enum Message {
    case event(TerminalEvent)
    case answer(any Answer)
    case failed(String)
    case changedElsewhere
    case notificationsCounted(Int)
    case flagQueueCounted(Int)
    /// A draft kept for a form that just opened.
    case draftLoaded(DraftText)
}

public struct Status: Equatable {
    public var text: String
    public var isError: Bool

    public static func info(_ text: String) -> Status { Status(text: text, isError: false) }
    public static func error(_ text: String) -> Status { Status(text: text, isError: true) }
}

public struct Confirmation: Equatable {
    public var question: String
    public var onYes: [Command]
    /// What the status says when any other key answers.
    public var onNo = "Kept."
}
