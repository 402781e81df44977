#ifndef PADDOCK_SIGNALS_H
#define PADDOCK_SIGNALS_H

#include <sys/types.h>
#include <termios.h>

// The terminal's signal handling, in one C translation unit (signals.c) so
// there is exactly one copy of its state, whatever the Swift compiler inlines
// where. (A function-local static in a header's `static inline` function is
// one copy per object file: the release build's loop once read a flag the
// handler never wrote.)

/// Installs the handlers for the life of the terminal loop: SIGTERM and SIGHUP
/// are remembered (see `paddock_hangup_pending`) and interrupt a blocked read
/// (no SA_RESTART); SIGINT is ignored (in raw mode Ctrl-C is a key). On a
/// crash signal (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT) the handler
/// writes `reset` to standard output (the terminal modes the app turned on,
/// turned off again; NULL for none), puts back `termios` (the shell's tty
/// modes; NULL for none) and re-raises the signal with the handler that was
/// there before. `reset` is copied (at most 255 bytes).
void paddock_install_signal_handlers(const struct termios *termios, const char *reset);

/// Puts back the handlers that were there before `paddock_install_signal_handlers`
/// (SIGUSR1, a change notice, is ignored from then on).
void paddock_restore_signal_handlers(void);

/// The signal (SIGTERM or SIGHUP) that asked the loop to stop since the
/// handlers were installed, or 0.
int paddock_hangup_pending(void);

/// A descriptor that becomes readable when a signal the loop cares about
/// arrived: SIGTERM, SIGHUP, SIGWINCH, SIGUSR1. The handlers write a byte to
/// it (the self-pipe trick), so a signal that lands just before the loop's
/// poll still wakes it, on whichever thread the handler ran. -1 before
/// `paddock_install_signal_handlers`. Drain it with `paddock_drain`.
int paddock_wake_descriptor(void);

/// Whether SIGUSR1 (`paddock serve` telling its session that the community
/// changed) arrived since the last call; clears it. The handler is installed
/// before SIGUSR1 is unblocked (the server's spawn blocks it, so a notice sent
/// before the app is ready waits rather than killing the process).
int paddock_take_change_notice(void);

/// Reads everything waiting on a non-blocking descriptor; returns the bytes read.
long paddock_drain(int fd);

/// A descriptor (inotify, non-blocking, close-on-exec) that becomes readable
/// when `path` is written to, or -1 where there is no inotify (not Linux, the
/// per-user instance limit reached, no such file). Drain it with `paddock_drain`.
int paddock_watch_writes(const char *path);

/// Waits for the external editor (child `pid`) to end, SIGQUIT ignored
/// meanwhile. When SIGTERM or SIGHUP asks the app to end, the editor is sent
/// SIGHUP and given 0.3 s, then killed: a hang-up never waits on an editor.
/// Returns 0, or the errno of a failed wait.
int paddock_wait_editor(pid_t pid, int *status);

#endif
