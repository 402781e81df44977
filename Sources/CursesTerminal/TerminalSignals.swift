#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNCurses

/// SIGTERM/SIGHUP noticed by the loop, SIGINT ignored, tty modes put back on a
/// crash. The C state behind these is `static` in shim.h, one copy per object
/// file: every call into it must stay in this file.
enum TerminalSignals {
    /// Installs the handlers; `termios` is the shell's tty mode to restore on a crash.
    static func install(restoringOnCrash termios: termios?) {
        if var termios {
            paddock_install_signal_handlers(&termios)
        } else {
            paddock_install_signal_handlers(nil)
        }
    }

    /// Puts back the handlers that were there before `install`.
    static func restore() { paddock_restore_signal_handlers() }

    /// The SIGTERM or SIGHUP that arrived since `install`, if any.
    static var hangupSignal: Int32? {
        let signal = paddock_hangup_pending()
        return signal == 0 ? nil : signal
    }
}
