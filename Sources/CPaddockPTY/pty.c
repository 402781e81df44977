#define _GNU_SOURCE
#include "paddock_pty.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

int paddock_pty_resize(int master, unsigned short rows, unsigned short cols) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    ws.ws_row = rows;
    ws.ws_col = cols;
    return ioctl(master, TIOCSWINSZ, &ws) == 0 ? 0 : errno;
}

int paddock_set_cloexec(int fd) {
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0) return errno;
    return fcntl(fd, F_SETFD, flags | FD_CLOEXEC) == 0 ? 0 : errno;
}

/// Closes every descriptor from `first` up, after fork: close_range when the
/// kernel has it, else one by one.
static void close_from(int first) {
#ifdef SYS_close_range
    if (syscall(SYS_close_range, (unsigned)first, ~0U, 0) == 0) return;
#endif
    long max = sysconf(_SC_OPEN_MAX);
    if (max < 0 || max > 65536) max = 65536;
    for (int fd = first; fd < max; fd++) close(fd);
}

int paddock_pty_spawn(const char *path, char *const argv[], char *const envp[],
                      unsigned short rows, unsigned short cols, int *master_out, pid_t *pid_out) {
    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0) return errno;
    if (grantpt(master) != 0 || unlockpt(master) != 0) {
        int e = errno;
        close(master);
        return e;
    }
    char name[128];
    if (ptsname_r(master, name, sizeof name) != 0) {
        int e = errno;
        close(master);
        return e;
    }
    paddock_pty_resize(master, rows, cols);
    int slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (slave < 0) {
        int e = errno;
        close(master);
        return e;
    }
    // The child reports a failed exec through this pipe; a successful exec closes it.
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) {
        int e = errno;
        close(slave);
        close(master);
        return e;
    }

    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(report[0]);
        close(report[1]);
        close(slave);
        close(master);
        return e;
    }
    if (pid == 0) {
        // The child: only async-signal-safe calls until exec.
        struct sigaction dfl;
        memset(&dfl, 0, sizeof dfl);
        dfl.sa_handler = SIG_DFL;
        sigemptyset(&dfl.sa_mask);
        for (int s = 1; s < NSIG; s++) sigaction(s, &dfl, NULL);
        // SIGUSR1 (the server's "the community changed") stays blocked until
        // the app has its handler: one sent while it starts waits, rather than
        // ending it by the default action.
        sigset_t usr1;
        sigemptyset(&usr1);
        sigaddset(&usr1, SIGUSR1);
        sigprocmask(SIG_SETMASK, &usr1, NULL);

        int err = 0;
        if (setsid() < 0) err = errno;
        if (!err && ioctl(slave, TIOCSCTTY, 0) != 0) err = errno;
        if (!err && (dup2(slave, 0) < 0 || dup2(slave, 1) < 0 || dup2(slave, 2) < 0)) err = errno;
        if (!err) {
            int keep = report[1];
            // Move the report pipe to 3 and close everything above it.
            if (keep != 3) {
                if (dup3(keep, 3, O_CLOEXEC) < 0) err = errno;
                keep = 3;
            }
            if (!err) {
                close_from(4);
                execve(path, argv, envp);
                err = errno;
            }
            (void)!write(keep, &err, sizeof err);
            _exit(127);
        }
        (void)!write(report[1], &err, sizeof err);
        _exit(127);
    }

    close(slave);
    close(report[1]);
    int child_error = 0;
    ssize_t n;
    do {
        n = read(report[0], &child_error, sizeof child_error);
    } while (n < 0 && errno == EINTR);
    close(report[0]);
    if (n == (ssize_t)sizeof child_error && child_error != 0) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        close(master);
        return child_error;
    }
    *master_out = master;
    *pid_out = pid;
    return 0;
}
