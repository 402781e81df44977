#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CPaddockSignals

/// SIGTERM/SIGHUP noticed by the loop, SIGINT ignored, terminal and tty modes
/// put back on a crash. The state is in one C file (CPaddockSignals), so the
/// handler and the loop share one flag.
enum TerminalSignals {
    /// Installs the handlers; `termios` is the shell's tty mode and `reset`
    /// the bytes that turn off the terminal modes the app turned on, both put
    /// back on a crash.
    static func install(restoringOnCrash termios: termios?, reset: String) {
        if var termios {
            paddock_install_signal_handlers(&termios, reset)
        } else {
            paddock_install_signal_handlers(nil, reset)
        }
    }

    /// Puts back the handlers that were there before `install`.
    static func restore() { paddock_restore_signal_handlers() }

    /// Readable when a signal the loop cares about arrived (SIGTERM, SIGHUP, SIGWINCH, SIGUSR1).
    static var wakeDescriptor: Int32? {
        let fd = paddock_wake_descriptor()
        return fd < 0 ? nil : fd
    }

    /// Empties the signals' pipe, so the next poll sleeps again.
    static func drainWakeups() {
        if let fd = wakeDescriptor { _ = paddock_drain(fd) }
    }

    /// Whether `paddock serve` said the community changed (SIGUSR1) since the last call.
    static func takeChangeNotice() -> Bool { paddock_take_change_notice() != 0 }

    /// The SIGTERM or SIGHUP that arrived since `install`, if any.
    static var hangupSignal: Int32? {
        let signal = paddock_hangup_pending()
        return signal == 0 ? nil : signal
    }
}
