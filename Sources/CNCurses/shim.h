#ifndef PADDOCK_CNCURSES_SHIM_H
#define PADDOCK_CNCURSES_SHIM_H
// The wide-character API needs these before ncurses.h.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>
#include <ncurses.h>

// Only CursesTerminal includes this module. Everything here is either a macro
// or global that Swift cannot import, or a small piece of POSIX plumbing that is
// clearer (and async-signal-safe) in C.

// MARK: - Screen, globals and macros

/// newterm on the process's own stdin/stdout. Unlike initscr, it returns NULL
/// instead of printing a message and exiting when TERM is unknown.
static inline SCREEN *paddock_newterm(void) { return newterm(NULL, stdout, stdin); }

static inline WINDOW *paddock_stdscr(void) { return stdscr; }
static inline WINDOW *paddock_curscr(void) { return curscr; }
static inline int paddock_lines(void) { return LINES; }
static inline int paddock_cols(void) { return COLS; }
static inline int paddock_colors(void) { return COLORS; }
static inline int paddock_color_pairs(void) { return COLOR_PAIRS; }
static inline void paddock_getmaxyx(WINDOW *win, int *rows, int *cols) {
    int y = 0, x = 0;
    getmaxyx(win, y, x);
    *rows = y;
    *cols = x;
}

static inline attr_t paddock_a_normal(void) { return A_NORMAL; }
static inline attr_t paddock_a_bold(void) { return A_BOLD; }
static inline attr_t paddock_a_underline(void) { return A_UNDERLINE; }
static inline attr_t paddock_a_reverse(void) { return A_REVERSE; }
static inline attr_t paddock_a_dim(void) { return A_DIM; }
static inline attr_t paddock_a_italic(void) { return A_ITALIC; }
static inline attr_t paddock_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }

/// The size the kernel reports for the terminal on `fd`, independent of
/// ncurses' own idea (a fallback for a SIGWINCH ncurses did not see).
/// Returns 0 on success.
static inline int paddock_tty_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

/// The C library's width of one character (what ncurses believes): -1, 0, 1 or 2.
static inline int paddock_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

/// Milliseconds on a monotonic clock.
static inline long long paddock_monotonic_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

// MARK: - Signals
//
// The handlers and their state live in one C file (CPaddockSignals), not
// here: a static in a header has a copy in every object file that uses it.

/// Saves the tty modes of stdin (before ncurses changes them). Returns 0 on success.
static inline int paddock_save_termios(struct termios *out) { return tcgetattr(STDIN_FILENO, out); }

// MARK: - The external editor

/// Runs `/bin/sh -c script sh path` (so `"$1"` in the script is the path) with
/// the default disposition for the signals the parent handles or ignores.
/// Returns 0 and the pid, or an errno value.
static inline int paddock_spawn_shell(const char *script, const char *path, pid_t *pid) {
    extern char **environ;
    posix_spawnattr_t attr;
    sigset_t defaults, mask;
    int rc;
    char *argv[6] = { (char *)"sh", (char *)"-c", (char *)script, (char *)"sh", (char *)path, NULL };
    posix_spawnattr_init(&attr);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGQUIT);
    sigaddset(&defaults, SIGTERM);
    sigaddset(&defaults, SIGHUP);
    sigaddset(&defaults, SIGPIPE);
    sigaddset(&defaults, SIGTSTP);
    sigaddset(&defaults, SIGWINCH);
    sigemptyset(&mask);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setsigmask(&attr, &mask);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    rc = posix_spawn(pid, "/bin/sh", NULL, &attr, argv, environ);
    posix_spawnattr_destroy(&attr);
    return rc;
}

static inline int paddock_wifexited(int status) { return WIFEXITED(status); }
static inline int paddock_wexitstatus(int status) { return WEXITSTATUS(status); }
static inline int paddock_wifsignaled(int status) { return WIFSIGNALED(status); }
static inline int paddock_wtermsig(int status) { return WTERMSIG(status); }

#endif
