// CNcursesShim: the only C in citycert. ncursesw behind small prefixed functions that Swift can
// call: no macros, no variadic functions and no mutable globals are used from Swift.
// All functions must be called from one thread (ncurses is not thread-safe), except the signal
// handlers, which live in shim.c.
#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H

// Wide-character API (get_wch, cchar_t, mvadd_wch): must come before curses.h.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif
#include <locale.h>
#include <stdbool.h>
#include <wchar.h>

// MARK: Locale

/// setlocale(LC_ALL, "") (then LC_NUMERIC back to "C"); when the codeset is not UTF-8, falls
/// back to C.UTF-8 for LC_CTYPE. Returns whether the resulting codeset is UTF-8.
bool cc_setlocale_all(void);

// MARK: Lifecycle

/// Starts curses on stdin/stdout with newterm (not initscr, which exits on failure).
/// Returns 0 on success, -1 when the terminal type is unknown, -2 when already started.
int cc_begin(void);
/// Raw mode, no echo, keypad, nonl, hidden cursor, 25 ms escape delay.
void cc_setup_modes(void);
/// Whether curses is started and not yet ended by cc_end.
bool cc_is_active(void);
/// endwin and delscreen; idempotent. Also restores the signal dispositions replaced by
/// cc_install_signal_handlers.
void cc_end(void);
/// Installs handlers that end curses and exit with 128+signal on SIGINT, SIGTERM and SIGHUP,
/// and that end curses then let the previous handler run on crash signals.
void cc_install_signal_handlers(void);

// MARK: Screen

WINDOW *cc_stdscr(void);
int cc_lines(void);
int cc_cols(void);
void cc_getmaxyx(WINDOW *win, int *y, int *x);
int cc_refresh(void);
/// Blanks the screen and forces a full repaint on the next refresh (clear()).
int cc_clear(void);
int cc_erase(void);
int cc_move(int y, int x);

// MARK: Colours and attributes

bool cc_has_colors(void);
int cc_start_color(void);
int cc_use_default_colors(void);
int cc_init_pair(short pair, short fg, short bg);
int cc_color_pairs(void);
int cc_colors(void);
attr_t cc_color_pair(int n);
attr_t cc_a_normal(void);
attr_t cc_a_bold(void);
attr_t cc_a_reverse(void);
attr_t cc_a_underline(void);
attr_t cc_a_dim(void);
short cc_color_black(void);
short cc_color_red(void);
short cc_color_green(void);
short cc_color_yellow(void);
short cc_color_blue(void);
short cc_color_magenta(void);
short cc_color_cyan(void);
short cc_color_white(void);

// MARK: Output

/// Puts one cell's grapheme (`count` code points) at y,x with attributes and colour pair.
/// The first code point is the spacing character; following ones are kept only when wcwidth
/// says they are zero-width (combining marks, conjoining jamo). `cells` is the width the
/// caller's buffer gives the grapheme (1 or 2): when wcwidth disagrees, the cell is drawn so that
/// exactly `cells` columns are covered (padding with spaces, or U+FFFD when unprintable).
int cc_put_cell(int y, int x, const wchar_t *chars, int count, int cells, attr_t attrs, short pair);
/// Converts a UTF-8 string and puts it at y,x with mvaddnwstr (at most n characters, -1 = all).
/// Clipping by display width is the caller's job.
int cc_put_utf8(int y, int x, const char *utf8, int n, attr_t attrs, short pair);

// MARK: Input

/// get_wch result kinds.
int cc_ok(void);
int cc_err(void);
int cc_key_code_yes(void);
/// Sets the read timeout in milliseconds (-1 blocks).
void cc_timeout(int ms);
/// get_wch: returns OK (character in *value), KEY_CODE_YES (key code in *value) or ERR.
int cc_get_wch(int *value);

int cc_key_up(void);
int cc_key_down(void);
int cc_key_left(void);
int cc_key_right(void);
int cc_key_ppage(void);
int cc_key_npage(void);
int cc_key_home(void);
int cc_key_end(void);
int cc_key_enter(void);
int cc_key_backspace(void);
int cc_key_dc(void);
int cc_key_btab(void);
int cc_key_resize(void);
int cc_key_f(int n);
/// Turns the terminal's bracketed paste (ESC [ ? 2004 h) on or off; it is turned off by cc_end
/// and by the signal handlers too.
void cc_bracketed_paste(bool on);
/// The terminfo string capability `name` of the terminal in use (khome, kf1, …), NULL when absent.
const char *cc_tigetstr(const char *name);

// MARK: libc helpers for tests

/// wcwidth of one code point (after cc_setlocale_all).
int cc_wcwidth(int c);

#endif
