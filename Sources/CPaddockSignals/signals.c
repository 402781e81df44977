#include "paddock_signals.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <string.h>
#include <unistd.h>

#define CRASH_SIGNALS 5
static const int crash_signals[CRASH_SIGNALS] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT };

// The one copy of the state: file-scope statics of this translation unit.
static volatile sig_atomic_t hangup;
static volatile sig_atomic_t have_termios;
static struct termios saved_termios;
static char reset_bytes[256];
static volatile sig_atomic_t reset_length;
static struct sigaction saved_term, saved_hup, saved_int;
static struct sigaction saved_crash[CRASH_SIGNALS];

/// SIGTERM, SIGHUP: remember which arrived; the loop notices at once (its
/// read returns EINTR) or within one tick.
static void on_hangup(int sig) { hangup = sig; }

/// A crash (a Swift trap is SIGILL/SIGTRAP): turn off the terminal modes and
/// put the tty modes back (write and tcsetattr are async-signal-safe), then
/// hand the signal to whoever had it before (Swift's backtracer, or the
/// default: die of it).
static void on_crash(int sig) {
    if (reset_length > 0) {
        ssize_t ignored = write(STDOUT_FILENO, reset_bytes, (size_t)reset_length);
        (void)ignored;
    }
    if (have_termios) tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
    for (int i = 0; i < CRASH_SIGNALS; i++) {
        if (crash_signals[i] == sig) {
            sigaction(sig, &saved_crash[i], NULL);
            break;
        }
    }
    raise(sig);
}

void paddock_install_signal_handlers(const struct termios *termios, const char *reset) {
    struct sigaction sa;
    hangup = 0;
    have_termios = 0;
    if (termios) {
        saved_termios = *termios;
        have_termios = 1;
    }
    reset_length = 0;
    if (reset) {
        size_t n = strlen(reset);
        if (n > sizeof reset_bytes) n = sizeof reset_bytes;
        memcpy(reset_bytes, reset, n);
        reset_length = (sig_atomic_t)n;
    }
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_hangup;
    sa.sa_flags = 0; // no SA_RESTART: a blocked read or poll returns at once
    sigaction(SIGTERM, &sa, &saved_term);
    sigaction(SIGHUP, &sa, &saved_hup);
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGINT, &sa, &saved_int);
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_crash;
    sa.sa_flags = 0;
    for (int i = 0; i < CRASH_SIGNALS; i++) sigaction(crash_signals[i], &sa, &saved_crash[i]);
}

void paddock_restore_signal_handlers(void) {
    sigaction(SIGTERM, &saved_term, NULL);
    sigaction(SIGHUP, &saved_hup, NULL);
    sigaction(SIGINT, &saved_int, NULL);
    for (int i = 0; i < CRASH_SIGNALS; i++) sigaction(crash_signals[i], &saved_crash[i], NULL);
    have_termios = 0;
    reset_length = 0;
}

int paddock_hangup_pending(void) { return hangup; }

int paddock_wait_editor(pid_t pid, int *status) {
    struct sigaction ign, old_quit;
    int rc = 0, told = 0;
    memset(&ign, 0, sizeof ign);
    sigemptyset(&ign.sa_mask);
    ign.sa_handler = SIG_IGN;
    sigaction(SIGQUIT, &ign, &old_quit);
    for (;;) {
        pid_t r = waitpid(pid, status, 0);
        if (r == pid) break;
        if (r < 0 && errno == EINTR) {
            if (hangup && !told) {
                // The app is asked to end: so is the editor, and it gets a moment to save.
                told = 1;
                kill(pid, SIGHUP);
                struct timespec step = { 0, 10 * 1000 * 1000 };
                for (int i = 0; i < 30; i++) {
                    if (waitpid(pid, status, WNOHANG) == pid) goto done;
                    nanosleep(&step, NULL);
                }
                kill(pid, SIGKILL);
            }
            continue;
        }
        rc = errno ? errno : ECHILD;
        break;
    }
done:
    sigaction(SIGQUIT, &old_quit, NULL);
    return rc;
}
