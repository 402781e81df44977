#ifndef PADDOCK_CNCURSES_SHIM_H
#define PADDOCK_CNCURSES_SHIM_H
// The wide-character API needs these before ncurses.h.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <ncurses.h>

// Macros and globals Swift cannot import, exposed as functions.
static inline WINDOW *paddock_stdscr(void) { return stdscr; }
static inline int paddock_lines(void) { return LINES; }
static inline int paddock_cols(void) { return COLS; }
static inline attr_t paddock_a_bold(void) { return A_BOLD; }
static inline attr_t paddock_a_underline(void) { return A_UNDERLINE; }
static inline attr_t paddock_a_reverse(void) { return A_REVERSE; }
static inline attr_t paddock_a_dim(void) { return A_DIM; }
static inline attr_t paddock_a_italic(void) { return A_ITALIC; }

#endif
