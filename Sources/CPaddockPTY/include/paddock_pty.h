#ifndef PADDOCK_PTY_H
#define PADDOCK_PTY_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` in a new session whose controlling
/// terminal is a new pseudo-terminal of `rows` x `cols`, with the terminal as
/// its standard input, output and error, every other descriptor closed, no
/// signal blocked and every signal at its default action.
///
/// On success returns 0 and sets `*master` (close-on-exec, blocking) and
/// `*pid`. On failure returns an errno value (that of the failed exec when the
/// program could not be started) and leaves nothing open or running.
int paddock_pty_spawn(const char *path, char *const argv[], char *const envp[],
                      unsigned short rows, unsigned short cols, int *master, pid_t *pid);

/// Sets the terminal size of the pseudo-terminal behind `master`; the kernel
/// sends SIGWINCH to its foreground process group. 0 or an errno value.
int paddock_pty_resize(int master, unsigned short rows, unsigned short cols);

/// Sets close-on-exec on a descriptor. 0 or an errno value.
int paddock_set_cloexec(int fd);

#endif
