#include "paddock_signals.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <string.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/inotify.h>
#endif

#define CRASH_SIGNALS 5
static const int crash_signals[CRASH_SIGNALS] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT };

// The one copy of the state: file-scope statics of this translation unit.
static volatile sig_atomic_t hangup;
static volatile sig_atomic_t have_termios;
static struct termios saved_termios;
static char reset_bytes[256];
static volatile sig_atomic_t reset_length;
static volatile sig_atomic_t change_notice;
static int wake_pipe[2] = { -1, -1 };
static struct sigaction saved_term, saved_hup, saved_int, saved_winch;
static struct sigaction saved_crash[CRASH_SIGNALS];

/// Wakes the loop's poll: a byte on the self-pipe (errno kept, as a handler must).
static void wake(void) {
    int saved = errno;
    if (wake_pipe[1] >= 0) {
        ssize_t ignored = write(wake_pipe[1], "!", 1);
        (void)ignored;
    }
    errno = saved;
}

/// SIGTERM, SIGHUP: remember which arrived; the loop wakes at once.
static void on_hangup(int sig) { hangup = sig; wake(); }

/// SIGUSR1: the server says the community changed.
static void on_change(int sig) { (void)sig; change_notice = 1; wake(); }

/// SIGWINCH: the loop asks the kernel for the size when it wakes.
static void on_winch(int sig) { (void)sig; wake(); }

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
    if (wake_pipe[0] < 0 && pipe(wake_pipe) == 0) {
        for (int i = 0; i < 2; i++) {
            fcntl(wake_pipe[i], F_SETFL, fcntl(wake_pipe[i], F_GETFL) | O_NONBLOCK);
            fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC);
        }
    }
    change_notice = 0;
    // These two come often (a busy community, a window dragged): SA_RESTART, so
    // they never cut a write to the terminal short; the self-pipe wakes the poll.
    sa.sa_flags = SA_RESTART;
    sa.sa_handler = on_winch;
    sigaction(SIGWINCH, &sa, &saved_winch);
    sa.sa_handler = on_change;
    sigaction(SIGUSR1, &sa, NULL);
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    pthread_sigmask(SIG_UNBLOCK, &usr1, NULL);
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
    sigaction(SIGWINCH, &saved_winch, NULL);
    struct sigaction ign;
    memset(&ign, 0, sizeof ign);
    sigemptyset(&ign.sa_mask);
    ign.sa_handler = SIG_IGN;
    sigaction(SIGUSR1, &ign, NULL);
    for (int i = 0; i < CRASH_SIGNALS; i++) sigaction(crash_signals[i], &saved_crash[i], NULL);
    have_termios = 0;
    reset_length = 0;
}

int paddock_hangup_pending(void) { return hangup; }

int paddock_wake_descriptor(void) { return wake_pipe[0]; }

int paddock_take_change_notice(void) { return __atomic_exchange_n(&change_notice, 0, __ATOMIC_SEQ_CST); }

long paddock_drain(int fd) {
    char buffer[4096];
    long total = 0;
    for (;;) {
        ssize_t n = read(fd, buffer, sizeof buffer);
        if (n > 0) { total += n; continue; }
        if (n < 0 && errno == EINTR) continue;
        return total;
    }
}

int paddock_watch_writes(const char *path) {
#ifdef __linux__
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0) return -1;
    if (inotify_add_watch(fd, path, IN_MODIFY) < 0) {
        close(fd);
        return -1;
    }
    return fd;
#else
    (void)path;
    return -1;
#endif
}

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
