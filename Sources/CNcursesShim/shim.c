// CNcursesShim: ncursesw behind small prefixed functions. See include/CNcursesShim.h.
// wcwidth is an X/Open function: ask glibc for it before any header is included.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include "CNcursesShim.h"

#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

// MARK: State (C only; never touched from Swift)

static SCREEN *cc_screen = NULL;
static volatile sig_atomic_t cc_active_flag = 0;
static volatile sig_atomic_t cc_paste_flag = 0;

static const int cc_exit_signals[] = {SIGINT, SIGTERM, SIGHUP};
static const int cc_crash_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT};
#define CC_COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static struct sigaction cc_saved_exit[CC_COUNT(cc_exit_signals)];
static struct sigaction cc_saved_crash[CC_COUNT(cc_crash_signals)];
static bool cc_handlers_installed = false;

// MARK: Locale

static bool cc_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

bool cc_setlocale_all(void) {
    setlocale(LC_ALL, "");
    // Only the character set matters to curses; keep number formatting and parsing in C
    // libraries (strtod, printf) independent of the user's locale.
    setlocale(LC_NUMERIC, "C");
    if (cc_codeset_is_utf8()) return true;
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL && setlocale(LC_CTYPE, "C.utf8") == NULL) {
        setlocale(LC_CTYPE, "en_US.UTF-8");
    }
    return cc_codeset_is_utf8();
}

// MARK: Signals

/// The best-effort restore used from signal handlers: endwin once, no allocation.
static void cc_paste_off(void) {
    if (cc_paste_flag) {
        static const char off[] = "\033[?2004l";
        cc_paste_flag = 0;
        ssize_t written = write(STDOUT_FILENO, off, sizeof off - 1);
        (void)written;
    }
}

static void cc_emergency_endwin(void) {
    cc_paste_off();
    if (cc_active_flag) {
        cc_active_flag = 0;
        endwin();
    }
}

static void cc_exit_handler(int sig) {
    cc_emergency_endwin();
    _exit(128 + sig);
}

static void cc_crash_handler(int sig, siginfo_t *info, void *context) {
    (void)context;
    cc_emergency_endwin();
    for (int i = 0; i < CC_COUNT(cc_crash_signals); i++) {
        if (cc_crash_signals[i] == sig) sigaction(sig, &cc_saved_crash[i], NULL);
    }
    // A real fault repeats when we return and reaches the previous handler (for example Swift's
    // backtracer) on a restored terminal; a sent signal (kill, abort) has to be raised again.
    if (info == NULL || info->si_code <= 0) raise(sig);
}

void cc_install_signal_handlers(void) {
    if (cc_handlers_installed) return;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = cc_exit_handler;
    for (int i = 0; i < CC_COUNT(cc_exit_signals); i++) {
        // A signal ignored at startup (nohup, a background job) stays ignored.
        bool ignored = !(cc_saved_exit[i].sa_flags & SA_SIGINFO) && cc_saved_exit[i].sa_handler == SIG_IGN;
        if (!ignored) sigaction(cc_exit_signals[i], &action, NULL);
    }

    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_sigaction = cc_crash_handler;
    action.sa_flags = SA_SIGINFO;
    for (int i = 0; i < CC_COUNT(cc_crash_signals); i++) sigaction(cc_crash_signals[i], &action, NULL);
    cc_handlers_installed = true;
}

static void cc_save_dispositions(void) {
    for (int i = 0; i < CC_COUNT(cc_exit_signals); i++) sigaction(cc_exit_signals[i], NULL, &cc_saved_exit[i]);
    for (int i = 0; i < CC_COUNT(cc_crash_signals); i++) sigaction(cc_crash_signals[i], NULL, &cc_saved_crash[i]);
}

static void cc_restore_dispositions(void) {
    if (!cc_handlers_installed) return;
    for (int i = 0; i < CC_COUNT(cc_exit_signals); i++) sigaction(cc_exit_signals[i], &cc_saved_exit[i], NULL);
    for (int i = 0; i < CC_COUNT(cc_crash_signals); i++) sigaction(cc_crash_signals[i], &cc_saved_crash[i], NULL);
    cc_handlers_installed = false;
}

// MARK: Lifecycle

int cc_begin(void) {
    if (cc_screen != NULL) return -2;
    // Saved before newterm, which installs its own SIGINT/SIGTERM cleanup when they are default.
    cc_save_dispositions();
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (screen == NULL) return -1;
    set_term(screen);
    cc_screen = screen;
    cc_active_flag = 1;
    return 0;
}

void cc_setup_modes(void) {
    if (!cc_active_flag) return;
    raw();
    noecho();
    nonl();
    // Keys are decoded in Swift (InputDecoder): ncurses' decoder splits the sequences it does not
    // know into Esc plus keys and knows nothing of bracketed paste.
    keypad(stdscr, FALSE);
    intrflush(stdscr, FALSE);
    leaveok(stdscr, TRUE);
    curs_set(0);
    set_escdelay(25);
}

bool cc_is_active(void) { return cc_active_flag != 0; }

void cc_end(void) {
    if (cc_screen == NULL) return;
    cc_paste_off();
    if (cc_active_flag) {
        cc_active_flag = 0;
        curs_set(1);
        endwin();
    }
    delscreen(cc_screen);
    cc_screen = NULL;
    cc_restore_dispositions();
}

// MARK: Screen

WINDOW *cc_stdscr(void) { return cc_active_flag ? stdscr : NULL; }
int cc_lines(void) { return cc_active_flag ? LINES : 0; }
int cc_cols(void) { return cc_active_flag ? COLS : 0; }

void cc_getmaxyx(WINDOW *win, int *y, int *x) {
    int rows = 0, columns = 0;
    if (win != NULL) getmaxyx(win, rows, columns);
    if (y) *y = rows;
    if (x) *x = columns;
}

int cc_refresh(void) { return cc_active_flag ? refresh() : ERR; }
int cc_clear(void) { return cc_active_flag ? clear() : ERR; }
int cc_erase(void) { return cc_active_flag ? erase() : ERR; }
int cc_move(int y, int x) { return cc_active_flag ? move(y, x) : ERR; }

// MARK: Colours and attributes

bool cc_has_colors(void) { return cc_active_flag && has_colors(); }
int cc_start_color(void) { return start_color(); }
int cc_use_default_colors(void) { return use_default_colors(); }
int cc_init_pair(short pair, short fg, short bg) { return init_pair(pair, fg, bg); }
int cc_color_pairs(void) { return COLOR_PAIRS; }
int cc_colors(void) { return COLORS; }
attr_t cc_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
attr_t cc_a_normal(void) { return A_NORMAL; }
attr_t cc_a_bold(void) { return A_BOLD; }
attr_t cc_a_reverse(void) { return A_REVERSE; }
attr_t cc_a_underline(void) { return A_UNDERLINE; }
attr_t cc_a_dim(void) { return A_DIM; }
short cc_color_black(void) { return COLOR_BLACK; }
short cc_color_red(void) { return COLOR_RED; }
short cc_color_green(void) { return COLOR_GREEN; }
short cc_color_yellow(void) { return COLOR_YELLOW; }
short cc_color_blue(void) { return COLOR_BLUE; }
short cc_color_magenta(void) { return COLOR_MAGENTA; }
short cc_color_cyan(void) { return COLOR_CYAN; }
short cc_color_white(void) { return COLOR_WHITE; }

// MARK: Output

static int cc_add_one(int y, int x, const wchar_t *wide, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, wide, attrs, pair, NULL) == ERR) return ERR;
    return mvadd_wch(y, x, &cell);
}

int cc_put_cell(int y, int x, const wchar_t *chars, int count, int cells, attr_t attrs, short pair) {
    if (!cc_active_flag) return ERR;
    if (cells < 1) cells = 1;
    wchar_t wide[CCHARW_MAX + 1];
    int n = 0;
    int width = count > 0 ? wcwidth(chars[0]) : 1;
    if (count <= 0) {
        wide[n++] = L' ';
    } else if (width < 1 || width > cells) {
        // Unprintable here, or wider than the buffer thinks: keep the columns straight.
        width = 1;
        wide[n++] = wcwidth(0xFFFD) == 1 ? (wchar_t)0xFFFD : L'?';
    } else {
        wide[n++] = chars[0];
        for (int i = 1; i < count && n < CCHARW_MAX; i++) {
            if (wcwidth(chars[i]) == 0) wide[n++] = chars[i];
        }
    }
    wide[n] = L'\0';
    int result = cc_add_one(y, x, wide, attrs, pair);
    static const wchar_t space[2] = {L' ', L'\0'};
    for (int column = x + width; column < x + cells; column++) cc_add_one(y, column, space, attrs, pair);
    return result;
}

int cc_put_utf8(int y, int x, const char *utf8, int n, attr_t attrs, short pair) {
    if (!cc_active_flag || utf8 == NULL) return ERR;
    size_t length = mbstowcs(NULL, utf8, 0);
    if (length == (size_t)-1) return ERR;
    wchar_t *wide = calloc(length + 1, sizeof(wchar_t));
    if (wide == NULL) return ERR;
    mbstowcs(wide, utf8, length + 1);
    attr_t old_attrs = 0;
    short old_pair = 0;
    attr_get(&old_attrs, &old_pair, NULL);
    attr_set(attrs, pair, NULL);
    int result = mvaddnwstr(y, x, wide, n);
    attr_set(old_attrs, old_pair, NULL);
    free(wide);
    return result;
}

// MARK: Input

int cc_ok(void) { return OK; }
int cc_err(void) { return ERR; }
int cc_key_code_yes(void) { return KEY_CODE_YES; }

void cc_timeout(int ms) {
    if (cc_active_flag) timeout(ms);
}

int cc_get_wch(int *value) {
    if (!cc_active_flag) return ERR;
    wint_t wide = 0;
    int kind = get_wch(&wide);
    if (value) *value = (int)wide;
    return kind;
}

int cc_key_up(void) { return KEY_UP; }
int cc_key_down(void) { return KEY_DOWN; }
int cc_key_left(void) { return KEY_LEFT; }
int cc_key_right(void) { return KEY_RIGHT; }
int cc_key_ppage(void) { return KEY_PPAGE; }
int cc_key_npage(void) { return KEY_NPAGE; }
int cc_key_home(void) { return KEY_HOME; }
int cc_key_end(void) { return KEY_END; }
int cc_key_enter(void) { return KEY_ENTER; }
int cc_key_backspace(void) { return KEY_BACKSPACE; }
int cc_key_dc(void) { return KEY_DC; }
int cc_key_btab(void) { return KEY_BTAB; }
int cc_key_resize(void) { return KEY_RESIZE; }
int cc_key_f(int n) { return KEY_F(n); }

void cc_bracketed_paste(bool on) {
    if (!cc_active_flag) return;
    if (!on) { cc_paste_off(); return; }
    static const char seq[] = "\033[?2004h";
    fflush(stdout);
    ssize_t written = write(STDOUT_FILENO, seq, sizeof seq - 1);
    (void)written;
    cc_paste_flag = 1;
}

const char *cc_tigetstr(const char *name) {
    if (!cc_active_flag) return NULL;
    char *value = tigetstr(name);
    if (value == NULL || value == (char *)-1) return NULL;
    return value;
}

// MARK: libc helpers for tests

int cc_wcwidth(int c) { return wcwidth((wchar_t)c); }
