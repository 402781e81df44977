#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNCurses
import PaddockTUI

/// What one read from the terminal gave.
enum RawInput: Equatable {
    /// Nothing arrived in time.
    case timeout
    /// A signal interrupted the wait (SIGWINCH, SIGHUP, SIGTERM).
    case interrupted
    /// The terminal is gone (end of file or an error): as good as a hang-up.
    case closed
    case bytes([UInt8])
    /// Another descriptor the loop waits on is readable (a signal, a change).
    case woken
}

/// The ncurses session: start and stop, colours, drawing. Internal;
/// `CursesTerminal.run` owns exactly one for the life of its loop.
///
/// Input does not go through ncurses: the loop reads the terminal's bytes
/// itself and `InputDecoder` decodes them (ncurses' keypad mode knows only
/// the sequences terminfo lists, reads a key's bytes one call at a time and
/// loses a character cut at the end of a read). This also turns on bracketed
/// paste and the mouse reports itself (`modesOn`), and turns them off when it
/// stops or suspends.
final class CursesScreen {
    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>? { paddock_stdscr() }
    private let theme: TerminalTheme
    private(set) var depth: ColorDepth = .none
    private var defaultColorsWork = false
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int = 1
    private var styleCache: [StyleRole: (attrs: attr_t, pair: Int16)] = [:]
    private var previous: Canvas?
    private var needsFullRedraw = true
    private let mouse: Bool
    private var closed = false

    private struct PairKey: Hashable { var fg: Int; var bg: Int }

    /// Starts ncurses on the process's terminal, or throws without touching it.
    init(options: TerminalOptions) throws {
        theme = options.theme
        mouse = options.mouse
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            closed = true  // nothing was started: deinit must not write the modes' reset
            throw TerminalError.notATerminal
        }
        setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            // No locale in the environment (common over SSH): assume UTF-8 rather than
            // draw every accented letter as an escape.
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
        var shellMode = termios()
        // Before newterm, so ncurses leaves SIGINT/SIGTERM to us.
        TerminalSignals.install(restoringOnCrash: paddock_save_termios(&shellMode) == 0 ? shellMode : nil,
                                reset: Self.modesOff(mouse: mouse))
        guard let screen = paddock_newterm() else {
            TerminalSignals.restore()
            throw TerminalError.cannotStart(term: getenv("TERM").map { String(cString: $0) } ?? "")
        }
        self.screen = screen
        raw()
        noecho()
        nonl()
        curs_set(0)
        leaveok(window, true)
        scrollok(window, false)

        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        if !noColor && !options.monochrome && has_colors() {
            start_color()
            defaultColorsWork = use_default_colors() == OK
        }
        depth = ColorDepth.effective(hasColors: has_colors(), colors: Int(paddock_colors()),
                                     noColor: noColor, monochrome: options.monochrome, forced: options.colorDepth)
        setModes(on: true)
    }

    deinit { close() }

    /// Restores the terminal. Safe to call more than once.
    func close() {
        guard !closed else { return }
        closed = true
        curs_set(1)
        endwin()
        setModes(on: false)
        if let screen { delscreen(screen) }
        screen = nil
        TerminalSignals.restore()
    }

    /// Bracketed paste on (a paste arrives as one `.paste`, not as keys), and
    /// the mouse reports (press, wheel; SGR coordinates) unless the mouse is off.
    static func modesOn(mouse: Bool) -> String { "\u{1B}[?2004h" + (mouse ? "\u{1B}[?1000h\u{1B}[?1006h" : "") }
    static func modesOff(mouse: Bool) -> String { (mouse ? "\u{1B}[?1006l\u{1B}[?1000l" : "") + "\u{1B}[?2004l" }

    private func setModes(on: Bool) {
        let bytes = Array((on ? Self.modesOn(mouse: mouse) : Self.modesOff(mouse: mouse)).utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }

    // MARK: Size

    /// The screen's size as ncurses knows it.
    var size: (width: Int, height: Int) {
        var rows: Int32 = 0, cols: Int32 = 0
        paddock_getmaxyx(window, &rows, &cols)
        return (Int(cols), Int(rows))
    }

    /// Checks the kernel's idea of the size against ncurses' (a SIGWINCH ncurses
    /// missed) and resizes if they differ. Returns the current size.
    func pollSize() -> (width: Int, height: Int) {
        var rows: Int32 = 0, cols: Int32 = 0
        if paddock_tty_size(STDOUT_FILENO, &rows, &cols) == 0 {
            let current = size
            if Int(cols) != current.width || Int(rows) != current.height {
                resizeterm(rows, cols)
                needsFullRedraw = true
            }
        }
        return size
    }

    /// The next frame repaints every cell (after a resize, a resume, anything
    /// that may have disturbed the screen behind ncurses' back).
    func forceFullRedraw() { needsFullRedraw = true }

    // MARK: Drawing

    /// Draws the cells that changed since the last frame, then updates the terminal.
    func draw(_ canvas: Canvas) {
        guard let window else { return }
        let (columns, rows) = size
        if needsFullRedraw || previous?.width != canvas.width || previous?.height != canvas.height {
            werase(window)
            clearok(window, true)
            previous = nil
            needsFullRedraw = false
        }
        let ops = DrawPlan.ops(previous: previous, current: canvas, columns: columns, rows: rows) { scalar in
            Int(paddock_wcwidth(scalar.value))
        }
        var cell = cchar_t()
        for op in ops {
            let (attrs, pair) = look(for: op.role)
            var wide: [wchar_t] = op.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            wide.append(0)
            guard setcchar(&cell, wide, attrs, pair, nil) == OK else { continue }
            // ERR at the bottom-right corner (the cursor cannot advance) is expected: the cell is drawn.
            _ = mvwadd_wch(window, Int32(op.y), Int32(op.x), &cell)
        }
        wnoutrefresh(window)
        doupdate()
        previous = canvas
    }

    /// Attributes and colour pair for a role, computed once per role; a colour
    /// pair is allocated the first time its (fg, bg) is needed.
    private func look(for role: StyleRole) -> (attrs: attr_t, pair: Int16) {
        if let cached = styleCache[role] { return cached }
        let style = theme.resolved(role, depth: depth)
        var attrs = paddock_a_normal()
        if style.bold { attrs |= paddock_a_bold() }
        if style.underline { attrs |= paddock_a_underline() }
        if style.reverse { attrs |= paddock_a_reverse() }
        if style.dim { attrs |= paddock_a_dim() }
        if style.italic { attrs |= paddock_a_italic() }
        let result = (attrs, depth == .none ? Int16(0) : pair(fg: style.foreground, bg: style.background))
        styleCache[role] = result
        return result
    }

    private func pair(fg: Int, bg: Int) -> Int16 {
        var key = PairKey(fg: fg, bg: bg)
        if !defaultColorsWork {
            if key.fg < 0 { key.fg = Int(COLOR_WHITE) }
            if key.bg < 0 { key.bg = Int(COLOR_BLACK) }
        }
        if key.fg < 0 && key.bg < 0 { return 0 }
        if let existing = pairs[key] { return existing }
        guard nextPair < min(Int(paddock_color_pairs()), Int(Int16.max)),
              init_pair(Int16(nextPair), Int16(key.fg), Int16(key.bg)) == OK else { return 0 }
        let pair = Int16(nextPair)
        pairs[key] = pair
        nextPair += 1
        return pair
    }

    // MARK: Input

    private var readBuffer = [UInt8](repeating: 0, count: 65536)

    /// Waits up to `milliseconds` (-1: for ever) for input, or for one of
    /// `others` to become readable (`.woken`), and returns what the terminal holds.
    func read(timeoutMilliseconds milliseconds: Int32, alsoWaitingOn others: [Int32] = []) -> RawInput {
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
            + others.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        let ready = poll(&fds, nfds_t(fds.count), max(-1, milliseconds))
        if ready < 0 { return errno == EINTR ? .interrupted : .closed }
        if ready == 0 { return .timeout }
        if fds[0].revents & Int16(POLLNVAL) != 0 { return .closed }
        guard fds[0].revents != 0 else { return .woken }
        let n = readBuffer.withUnsafeMutableBytes { readInput(STDIN_FILENO, $0.baseAddress, $0.count) }
        if n > 0 { return .bytes(Array(readBuffer[0..<n])) }
        if n < 0, errno == EINTR || errno == EAGAIN { return .interrupted }
        return .closed
    }

    // MARK: Suspending

    /// Gives the terminal back as the shell had it (for an external program).
    func suspend() {
        def_prog_mode()
        endwin()
        setModes(on: false)
    }

    /// Takes the terminal back after `suspend` and repaints everything.
    func resume() {
        reset_prog_mode()
        curs_set(0)
        setModes(on: true)
        if let curscr = paddock_curscr() { clearok(curscr, true) }
        needsFullRedraw = true
        _ = pollSize()
    }
}

/// read(2), by a name the class's own `read` does not hide.
private func readInput(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(fd, buffer, count) }
