import CNCurses
import CPaddockSignals
import PaddockTUI

/// Runs a `TerminalProgram` on the process's terminal with ncurses: the only
/// place the app meets the terminal.
///
/// The loop is synchronous and must run on the main thread (see TOOLCHAIN.md:
/// an async main loses SIGWINCH). Each turn it renders the program, draws the
/// cells that changed, sleeps until something happens and hands the program
/// what happened: keys, mouse, `.resized`, `.changed` when the community may
/// have changed, `.tick` when the program asked for one
/// (`millisecondsUntilTick`), `.editorFinished` after `.openEditor`,
/// `.hangup` on SIGTERM or SIGHUP. An idle program that asks for no tick costs
/// nothing: the loop sleeps in poll(2) with no timeout. It returns after
/// `.quit` or `.hangup`, with the terminal restored as it was.
public enum CursesTerminal {
    /// Runs `program` until it asks to quit or the terminal hangs up.
    ///
    /// Throws `TerminalError` before touching the terminal if there is none
    /// (stdin or stdout not a tty) or ncurses cannot start on it.
    public static func run(_ program: any TerminalProgram, options: TerminalOptions = TerminalOptions()) throws {
        let screen = try CursesScreen(options: options)
        defer { screen.close() }
        var loop = EventLoop(program: program, screen: screen, changes: options.changes,
                             escapeDelay: max(1, options.escapeDelayMilliseconds), editor: options.editor)
        loop.run()
    }
}

struct EventLoop {
    let program: any TerminalProgram
    let screen: CursesScreen
    let changes: ChangeSource
    /// How long an incomplete key (a lone ESC) waits for the rest.
    let escapeDelay: Int
    let editor: EditorChoice
    private var pending: [TerminalEvent] = []
    private var size: (width: Int, height: Int)
    /// When the loop last looked for changes on its own (`ChangeSource.every`).
    private var lastPoll: Int64
    private var decoder = InputDecoder()
    /// When the last bytes arrived.
    private var lastInput: Int64 = 0
    /// The terminal is gone (end of file, an error).
    private var closed = false

    init(program: any TerminalProgram, screen: CursesScreen, changes: ChangeSource, escapeDelay: Int, editor: EditorChoice = .environment) {
        self.program = program
        self.screen = screen
        self.changes = changes
        self.escapeDelay = escapeDelay
        self.editor = editor
        size = screen.size
        // The program learns the terminal's size before its first frame, as it does every change after.
        pending = [.resized(width: size.width, height: size.height)]
        lastPoll = paddock_monotonic_ms()
    }

    mutating func run() {
        while true {
            if TerminalSignals.hangupSignal != nil || closed {
                // An edit that finished as the line dropped must still reach the
                // program, so it can save it; other events no longer matter, nor
                // do the program's requests.
                for event in pending {
                    if case .editorFinished = event { _ = program.handle(event) }
                }
                _ = program.handle(.hangup)
                return
            }
            guard !pending.isEmpty else {
                screen.draw(program.render(width: size.width, height: size.height))
                readInput()
                continue
            }
            let event = pending.removeFirst()
            for request in program.handle(event) {
                switch request {
                case .quit:
                    return
                case .openEditor(let text):
                    let result: Result<String, EditorFailure>
                    switch editor {
                    case .none:
                        result = .failure(EditorFailure("there is no external editor here; keep writing in this one"))
                    case .environment:
                        result = ExternalEditor.edit(text, suspend: screen.suspend, resume: screen.resume)
                    case .command(let command):
                        result = ExternalEditor.edit(text, command: command, suspend: screen.suspend, resume: screen.resume)
                    }
                    pending.append(.editorFinished(result))
                    noteSize()
                }
            }
        }
    }

    /// The most bytes taken in one go before the screen is drawn again: a
    /// paste of many keys costs a frame per this many bytes, not one per key.
    static let inputBatch = 1 << 20

    /// How long a bracketed paste may pause before what arrived of it is taken
    /// as the whole paste (its end marker lost).
    static let pastePause: Int64 = 2000

    /// How long the loop may sleep (milliseconds, for poll(2)): until the
    /// first of the program's tick, the rest of a key and the next look for
    /// changes; -1, for ever, when none of them is due. Pure, so tests check
    /// that an idle loop has no fixed tick.
    static func waitTimeout(now: Int64, tickDue: Int64?, keyDeadline: Int64?, pollDue: Int64?) -> Int32 {
        guard let first = [tickDue, keyDeadline, pollDue].compactMap({ $0 }).min() else { return -1 }
        return Int32(clamping: max(0, first - now))
    }

    /// Sleeps until input, a signal, a change, or the first deadline
    /// (`waitTimeout`), and queues what happened.
    private mutating func readInput() {
        let now = paddock_monotonic_ms()
        let tickDue = program.millisecondsUntilTick.map { now + Int64(max(0, $0)) }
        let keyDeadline = decoder.isWaiting ? lastInput + (decoder.isPasting ? Self.pastePause : Int64(escapeDelay)) : nil
        var pollDue: Int64?
        var watched: [Int32] = []
        if let wake = TerminalSignals.wakeDescriptor { watched.append(wake) }
        switch changes {
        case .none: break
        case .descriptor(let fd): watched.append(fd)
        case .every(let milliseconds): pollDue = lastPoll + Int64(max(10, milliseconds))
        }
        let timeout = Self.waitTimeout(now: now, tickDue: tickDue, keyDeadline: keyDeadline, pollDue: pollDue)
        var changed = false
        switch screen.read(timeoutMilliseconds: timeout, alsoWaitingOn: watched) {
        case .bytes(let bytes):
            lastInput = paddock_monotonic_ms()
            pending += decoder.feed(bytes)
            // Take everything already there before drawing again.
            var taken = bytes.count
            while taken < Self.inputBatch, case .bytes(let more) = screen.read(timeoutMilliseconds: 0) {
                pending += decoder.feed(more)
                taken += more.count
            }
        case .timeout, .interrupted, .woken:
            if let keyDeadline, decoder.isWaiting, paddock_monotonic_ms() >= keyDeadline { pending += decoder.flush() }
            // Whatever woke the poll: the signals' pipe, the watch on the file.
            TerminalSignals.drainWakeups()
            changed = TerminalSignals.takeChangeNotice()
            if case .descriptor(let fd) = changes, paddock_drain(fd) > 0 { changed = true }
        case .closed:
            closed = true
        }
        noteSize()
        let after = paddock_monotonic_ms()
        if let pollDue, after >= pollDue {
            lastPoll = after
            changed = true
        }
        if changed { pending.append(.changed) }
        if let tickDue, after >= tickDue { pending.append(.tick) }
    }

    /// Queues `.resized` when the size differs from the one last rendered.
    private mutating func noteSize() {
        let current = screen.pollSize()
        if current != size {
            size = current
            screen.forceFullRedraw()
            pending.append(.resized(width: current.width, height: current.height))
        }
    }
}
