import CPaddockSignals
import PaddockTUI

/// Which external editor ^O starts.
public enum EditorChoice: Equatable, Sendable {
    /// `$VISUAL`, else `$EDITOR`, else `vi`: the person at the keyboard owns the machine.
    case environment
    /// None: ^O says so and the built-in editor keeps the text (sessions served over SSH).
    case none
    /// Exactly this command, run through `/bin/sh -c '<command> "$1"'`.
    case command(String)
}

/// How `CursesTerminal.run` sets up the terminal.
public struct TerminalOptions: Sendable {
    /// The external editor ^O starts.
    public var editor: EditorChoice = .environment
    /// How each style role looks.
    public var theme: TerminalTheme
    /// Wheel and click events. Off leaves the terminal's own text selection alone.
    public var mouse: Bool
    /// Attributes only, no colour (as if NO_COLOR were set).
    public var monochrome: Bool
    /// Draw with at most this many colours; nil uses what the terminal reports.
    public var colorDepth: ColorDepth?
    /// How the loop learns that the community may have changed (besides
    /// SIGUSR1 from `paddock serve`, always heard).
    public var changes: ChangeSource = .none
    /// How long a lone Esc waits for the rest of an escape sequence (milliseconds).
    public var escapeDelayMilliseconds: Int

    public init(theme: TerminalTheme = .defaultDark, mouse: Bool = true, monochrome: Bool = false,
                colorDepth: ColorDepth? = nil, escapeDelayMilliseconds: Int = 25) {
        self.theme = theme
        self.mouse = mouse
        self.monochrome = monochrome
        self.colorDepth = colorDepth
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
    }
}

/// Where `.changed` comes from, besides SIGUSR1 (`paddock serve` tells its
/// sessions; see PaddockServer's ChangeNotifier).
public enum ChangeSource: Equatable, Sendable {
    /// Nothing else: served sessions, programs without a community.
    case none
    /// A descriptor that becomes readable when the community may have changed
    /// (a watch on its file, `FileWatch`); the loop drains it.
    case descriptor(Int32)
    /// A look every this many milliseconds, where the file cannot be watched.
    case every(milliseconds: Int)
}

/// Why the terminal could not be started.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, no tty).
    case notATerminal
    /// ncurses could not start on this terminal type.
    case cannotStart(term: String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "the app needs a terminal: standard input and output must be a tty (not a pipe or a file)"
        case .cannotStart(let term):
            return term.isEmpty
                ? "cannot start the terminal: TERM is not set"
                : "cannot start the terminal: TERM '\(term)' is unknown or unusable (try TERM=xterm-256color)"
        }
    }
}

extension ChangeSource {
    /// How a terminal app learns of other processes' commits to the community
    /// file at `path`: a watch on its write-ahead log (every commit writes
    /// there) where the system has inotify, else a look every
    /// `fallbackMilliseconds`. The file must be open already (its log exists
    /// while any connection is). The watch lasts as long as the process.
    public static func watching(databaseAt path: String, fallbackMilliseconds: Int = 500) -> ChangeSource {
        let fd = paddock_watch_writes(path + "-wal")
        return fd >= 0 ? .descriptor(fd) : .every(milliseconds: fallbackMilliseconds)
    }
}
