/// A key as the app sees it, whatever terminal it came from.
public enum Key: Equatable, Hashable, Sendable {
    case character(Character)
    case ctrl(Character)          // Ctrl-A … Ctrl-Z as lowercase letters
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    case function(Int)
    /// Text pasted into the terminal (bracketed paste), whole: a text field or
    /// editor inserts it in one step; elsewhere it does nothing (it is never
    /// read as key presses).
    case paste(String)

    /// Whether the key is text to insert (a printable character or a paste).
    public var isText: Bool {
        switch self {
        case .character, .paste: true
        default: false
        }
    }
}

public enum MouseEvent: Equatable, Sendable {
    case wheelUp(x: Int, y: Int)
    case wheelDown(x: Int, y: Int)
    case click(x: Int, y: Int)
}

/// Everything that can happen to a running program, named for what happened.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resized(width: Int, height: Int)
    /// The time the program asked for (`millisecondsUntilTick`) has come: save
    /// a draft once typing paused, look again after a change noticed too soon
    /// after the last look. Not periodic: an idle program that asks for none gets none.
    case tick
    /// The community may have changed (another process committed to the file):
    /// look again. From a watch on the file, a notice from `paddock serve`, or
    /// a slow poll where neither is available.
    case changed
    /// The external editor closed: the edited text, or why there is none.
    case editorFinished(Result<String, EditorFailure>)
    /// The terminal is going away (SIGTERM, SIGHUP): save what must survive, quickly.
    case hangup
}

public struct EditorFailure: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// What a program asks its terminal to do after an event.
public enum TerminalRequest: Equatable, Sendable {
    case quit
    /// Suspend the screen, open `$VISUAL`/`$EDITOR` on this text, resume, and
    /// deliver `.editorFinished`.
    case openEditor(text: String)
}

/// A program the terminal runs: it handles events and renders a Canvas of a given size.
/// The terminal owns the loop; the program owns state. Nothing here touches a terminal.
public protocol TerminalProgram: AnyObject {
    func handle(_ event: TerminalEvent) -> [TerminalRequest]
    func render(width: Int, height: Int) -> Canvas
    /// How long from now the program needs a `.tick` if nothing else happens
    /// (0: at once), or nil: it needs none, and an idle loop sleeps until a key,
    /// a resize, a change or a signal. Asked before every wait.
    var millisecondsUntilTick: Int? { get }
}

extension TerminalProgram {
    /// A program that does not say gets a tick ten times a second.
    public var millisecondsUntilTick: Int? { 100 }
}
