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

/// Puts back the handlers that were there before `paddock_install_signal_handlers`.
void paddock_restore_signal_handlers(void);

/// The signal (SIGTERM or SIGHUP) that asked the loop to stop since the
/// handlers were installed, or 0.
int paddock_hangup_pending(void);

/// Waits for the external editor (child `pid`) to end, SIGQUIT ignored
/// meanwhile. When SIGTERM or SIGHUP asks the app to end, the editor is sent
/// SIGHUP and given 0.3 s, then killed: a hang-up never waits on an editor.
/// Returns 0, or the errno of a failed wait.
int paddock_wait_editor(pid_t pid, int *status);

#endif
