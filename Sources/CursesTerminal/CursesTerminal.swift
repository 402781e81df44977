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
        var loop = EventLoop(program: program, screen: screen, tick: max(10, options.tickMilliseconds), editor: options.editor)
        loop.run()
    }
}

struct EventLoop {
    let program: any TerminalProgram
    let screen: CursesScreen
    let tick: Int
    let editor: EditorChoice
    private var pending: [TerminalEvent] = []
    private var size: (width: Int, height: Int)
    private var lastTick: Int64
    private var immediateTimeouts = 0

    init(program: any TerminalProgram, screen: CursesScreen, tick: Int, editor: EditorChoice = .environment) {
        self.program = program
        self.screen = screen
        self.tick = tick
        self.editor = editor
        size = screen.size
        lastTick = paddock_monotonic_ms()
    }

    mutating func run() {
        while true {
            if TerminalSignals.hangupSignal != nil || immediateTimeouts >= 50 {
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

    /// The most keys taken in one go before the screen is drawn again.
    static let inputBatch = 4096

    /// Waits for input until the next tick is due and queues what arrived.
    private mutating func readInput() {
        let waited = paddock_monotonic_ms() - lastTick
        let timeout = max(1, tick - Int(waited))
        let started = paddock_monotonic_ms()
        var input = screen.read(timeoutMilliseconds: timeout)
        if case .timeout = input {
            // A read that fails at once, over and over, is a terminal that is gone
            // without a SIGHUP reaching us.
            let quick = paddock_monotonic_ms() - started < 2 && timeout >= 20
            immediateTimeouts = quick ? immediateTimeouts + 1 : 0
        }
        // Take everything already typed (a paste arrives as thousands of keys)
        // before drawing again, so a paste costs one frame, not one per key.
        var taken = 0
        while taken < Self.inputBatch {
            switch input {
            case .timeout:
                taken = Self.inputBatch
                continue
            case .character(let code):
                immediateTimeouts = 0
                if let key = KeyDecoder.character(code) { pending.append(.key(key)) }
            case .keyCode(let code):
                immediateTimeouts = 0
                if code == KEY_RESIZE {
                    screen.forceFullRedraw()
                } else if code == KEY_MOUSE {
                    if let mouse = screen.mouseEvent() { pending.append(.mouse(mouse)) }
                } else if let key = KeyDecoder.keyCode(code) {
                    pending.append(.key(key))
                }
            }
            taken += 1
            input = screen.read(timeoutMilliseconds: 0)
        }
        noteSize()
        let now = paddock_monotonic_ms()
        if now - lastTick >= Int64(tick) {
            lastTick = now
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
