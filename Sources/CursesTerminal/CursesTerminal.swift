import CNCurses
import PaddockTUI

/// Runs a `TerminalProgram` on the process's terminal with ncurses: the only
/// place the app meets the terminal.
///
/// The loop is synchronous and must run on the main thread (see TOOLCHAIN.md:
/// an async main loses SIGWINCH). Each turn it renders the program, draws the
/// cells that changed, waits up to one tick for input and hands the program
/// what happened: keys, mouse, `.resized`, `.tick` about every
/// `tickMilliseconds`, `.editorFinished` after `.openEditor`, `.hangup` on
/// SIGTERM or SIGHUP. It returns after `.quit` or `.hangup`, with the terminal
/// restored as it was.
public enum CursesTerminal {
    /// Runs `program` until it asks to quit or the terminal hangs up.
    ///
    /// Throws `TerminalError` before touching the terminal if there is none
    /// (stdin or stdout not a tty) or ncurses cannot start on it.
    public static func run(_ program: any TerminalProgram, options: TerminalOptions = TerminalOptions()) throws {
        let screen = try CursesScreen(options: options)
        defer { screen.close() }
        var loop = EventLoop(program: program, screen: screen, tick: max(10, options.tickMilliseconds),
                             escapeDelay: max(1, options.escapeDelayMilliseconds), editor: options.editor)
        loop.run()
    }
}

struct EventLoop {
    let program: any TerminalProgram
    let screen: CursesScreen
    let tick: Int
    /// How long an incomplete key (a lone ESC) waits for the rest.
    let escapeDelay: Int
    let editor: EditorChoice
    private var pending: [TerminalEvent] = []
    private var size: (width: Int, height: Int)
    private var lastTick: Int64
    private var decoder = InputDecoder()
    /// When the last bytes arrived.
    private var lastInput: Int64 = 0
    /// The terminal is gone (end of file, an error).
    private var closed = false

    init(program: any TerminalProgram, screen: CursesScreen, tick: Int, escapeDelay: Int, editor: EditorChoice = .environment) {
        self.program = program
        self.screen = screen
        self.tick = tick
        self.escapeDelay = escapeDelay
        self.editor = editor
        size = screen.size
        // The program learns the terminal's size before its first frame, as it does every change after.
        pending = [.resized(width: size.width, height: size.height)]
        lastTick = paddock_monotonic_ms()
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

    /// Waits for input until the next tick is due (or, with part of a key
    /// read, until the rest is overdue) and queues what arrived.
    private mutating func readInput() {
        let now = paddock_monotonic_ms()
        var timeout = max(1, tick - Int(now - lastTick))
        var deadline: Int64?
        if decoder.isWaiting {
            deadline = lastInput + (decoder.isPasting ? Self.pastePause : Int64(escapeDelay))
            timeout = min(timeout, max(0, Int(deadline! - now)))
        }
        switch screen.read(timeoutMilliseconds: timeout) {
        case .bytes(let bytes):
            lastInput = paddock_monotonic_ms()
            pending += decoder.feed(bytes)
            // Take everything already there before drawing again.
            var taken = bytes.count
            while taken < Self.inputBatch, case .bytes(let more) = screen.read(timeoutMilliseconds: 0) {
                pending += decoder.feed(more)
                taken += more.count
            }
        case .timeout:
            if let deadline, paddock_monotonic_ms() >= deadline { pending += decoder.flush() }
        case .interrupted:
            break
        case .closed:
            closed = true
        }
        noteSize()
        let after = paddock_monotonic_ms()
        if after - lastTick >= Int64(tick) {
            lastTick = after
            pending.append(.tick)
        }
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
