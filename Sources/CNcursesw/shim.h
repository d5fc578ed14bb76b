// ncursesw for Swift: the wide API needs NCURSES_WIDECHAR before the
// include; macros (attributes, mouse masks, stdscr) do not import, so they are
// exposed here as constants and inline functions.
#ifndef BRIEF_CNCURSESW_SHIM_H
#define BRIEF_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <ncursesw/ncurses.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <wchar.h>

// Hidden behind __USE_XOPEN in glibc's wchar.h; the width ncurses itself uses.
extern int wcwidth(wchar_t c);

static const attr_t cn_A_NORMAL = A_NORMAL;
static const attr_t cn_A_BOLD = A_BOLD;
static const attr_t cn_A_REVERSE = A_REVERSE;
static const attr_t cn_A_UNDERLINE = A_UNDERLINE;
static const attr_t cn_A_DIM = A_DIM;
static const attr_t cn_A_ITALIC = A_ITALIC;

static const mmask_t cn_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t cn_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t cn_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t cn_BUTTON5_PRESSED = BUTTON5_PRESSED;

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_rows(WINDOW *w) { return getmaxy(w); }
static inline int cn_cols(WINDOW *w) { return getmaxx(w); }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline int cn_colors(void) { return COLORS; }
// Whether the terminal can show italics (terminfo "sitm").
static inline int cn_has_italics(void) { char *s = tigetstr("sitm"); return s != NULL && s != (char *)-1; }

// Signals: the handler only records which signal arrived; the event loop polls it.
static volatile sig_atomic_t cn_pending_signal = 0;
static void cn_record_signal(int sig) { cn_pending_signal = sig; }

static inline void cn_install_signal_handlers(void) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a blocking read returns so the flag is seen
    action.sa_handler = cn_record_signal;
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
}

static inline int cn_take_pending_signal(void) {
    int sig = cn_pending_signal;
    cn_pending_signal = 0;
    return sig;
}

// Processes started from test runners can inherit a mask blocking these.
static inline void cn_unblock_signals(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGWINCH);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGTSTP);
    sigaddset(&set, SIGCONT);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

#endif
