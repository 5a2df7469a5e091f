/* repl.c - the interactive session on a terminal: line editing and history
 * through libedit (its native editline(3) interface), Tab completion,
 * prompts that continue an incomplete entry, Ctrl-C (cancel the line, or
 * stop an evaluation) and Ctrl-D.  Deciding whether an entry is complete is
 * submit.c's job, the candidates complete.c's, the commands commands.c's,
 * the Ctrl-C handler interrupt.c's. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <wchar.h>
#include <unistd.h>
#include "cli.h"
#include "editline.h"

#define HISTORY_MAX 1000

/* libedit, loaded when the session starts (editline.h). */
static cx_editline ed;
/* libedit's callbacks take no user data. */
static cx_cli_repl *session;
static char *prompt_now;
/* Where keys are read: the terminal opened again, non-blocking (see
 * read_key); standard input when that cannot be done. */
static int key_fd = STDIN_FILENO;

/* A file description of our own for the terminal on standard input, in
 * non-blocking mode.  Setting O_NONBLOCK on standard input itself would
 * change the description the shell shares, and leave it so if cx died. */
static int open_key_fd(void)
{
    const char *name = ttyname(STDIN_FILENO);
    int fd = -1;
    if (name) fd = open(name, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) fd = open("/proc/self/fd/0", O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    return fd < 0 ? STDIN_FILENO : fd;
}

/* libedit's key reader, replaced so that Ctrl-C always ends el_gets(): a
 * SIGINT that lands while libedit is busy (redrawing, completing) rather
 * than blocked in read() would otherwise be lost.  pselect() unblocks SIGINT
 * only while it waits, so checking the flag and waiting are one step.
 *
 * The read after pselect() must not block either.  The terminal discards
 * unread input when it sends SIGINT (ISIG without NOFLSH), and libedit's
 * own handler puts it back in canonical mode; so when Ctrl-C comes just
 * after pselect() saw a key waiting, that key is gone, and a blocking
 * read() would wait for a whole new line with the flag already set: the
 * prompt never came back.  A non-blocking read gets EAGAIN instead, and the
 * loop sees the flag. */
static int read_key(EditLine *el, wchar_t *wc)
{
    (void)el;
    char bytes[MB_LEN_MAX];
    size_t n = 0;
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    for (;;) {
        sigprocmask(SIG_BLOCK, &block, &old);
        if (cx_cli_sigint_seen()) {
            sigprocmask(SIG_SETMASK, &old, NULL);
            errno = EINTR;
            return -1;
        }
        fd_set in;
        FD_ZERO(&in);
        FD_SET(key_fd, &in);
        int rc = pselect(key_fd + 1, &in, NULL, NULL, NULL, &old);
        sigprocmask(SIG_SETMASK, &old, NULL);
        if (rc < 0) {
            if (errno == EINTR) continue; /* Ctrl-C is seen above; resizing goes on */
            return -1;
        }
        ssize_t got = read(key_fd, bytes + n, 1);
        if (got == 0) return 0;
        if (got < 0) {
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
            return -1;
        }
        n++;
        mbstate_t mbs;
        memset(&mbs, 0, sizeof mbs);
        size_t k = mbrtowc(wc, bytes, n, &mbs);
        if (k == (size_t)-2 && n < sizeof bytes) continue; /* more bytes to come */
        if (k == (size_t)-1 || k == (size_t)-2) {
            n = 0; /* not a character: drop the bytes */
            continue;
        }
        if (k == 0) *wc = 0;
        return 1;
    }
}

static char *prompt(EditLine *el)
{
    (void)el;
    return prompt_now;
}

/* ==== Tab ============================================================================ */

typedef struct candidates {
    char **text;
    const char *suffix; /* of the first candidate: used when it is the only one */
    size_t n, cap;
} candidates;

static void keep(void *ud, const char *cand, const char *suffix)
{
    candidates *c = ud;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 32;
        char **t = realloc(c->text, cap * sizeof *t);
        if (!t) return;
        c->text = t;
        c->cap = cap;
    }
    char *copy = strdup(cand);
    if (!copy) return;
    if (!c->n) c->suffix = suffix;
    c->text[c->n++] = copy;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The candidates in columns under the line, as shells do. */
static void list(const candidates *c)
{
    size_t width = cx_cli_term_width(), longest = 0;
    for (size_t i = 0; i < c->n; i++)
        if (strlen(c->text[i]) > longest) longest = strlen(c->text[i]);
    size_t cols = width / (longest + 2);
    if (cols == 0) cols = 1;
    size_t rows = (c->n + cols - 1) / cols;
    fputc('\n', stdout);
    for (size_t r = 0; r < rows; r++) {
        for (size_t k = r; k < c->n; k += rows) {
            bool last = k + rows >= c->n;
            printf("%-*s", last ? 0 : (int)(longest + 2), c->text[k]);
        }
        fputc('\n', stdout);
    }
    fflush(stdout);
}

/* Tab: complete the word before the cursor as far as the candidates agree;
 * when they agree on nothing more, list them. */
static unsigned char on_tab(EditLine *el, int ch)
{
    (void)ch;
    const LineInfo *li = ed.el_line(el);
    char *line = strndup(li->buffer, (size_t)(li->cursor - li->buffer));
    if (!line) return CC_ERROR;
    candidates c = {0};
    size_t start = cx_cli_complete(session->cx, line, keep, &c);
    size_t have = strlen(line) - start;
    unsigned char ret = CC_REFRESH;
    if (c.n == 0) {
        ret = CC_REFRESH_BEEP;
    } else {
        qsort(c.text, c.n, sizeof *c.text, by_name);
        size_t common = strlen(c.text[0]);
        for (size_t i = 1; i < c.n; i++) {
            size_t k = 0;
            while (k < common && c.text[i][k] == c.text[0][k]) k++;
            common = k;
        }
        if (c.n == 1) {
            ed.el_insertstr(el, c.text[0] + have);
            if (*c.suffix) ed.el_insertstr(el, c.suffix);
        } else if (common > have) {
            c.text[0][common] = '\0';
            ed.el_insertstr(el, c.text[0] + have);
        } else {
            list(&c);
            ret = CC_REDISPLAY;
        }
    }
    for (size_t i = 0; i < c.n; i++) free(c.text[i]);
    free(c.text);
    free(line);
    return ret;
}

/* ==== the loop ======================================================================== */

typedef struct entry {
    char *text; /* the lines of the entry so far, '\n'-joined */
    size_t len;
} entry;

static bool entry_add(entry *e, const char *line, size_t n)
{
    char *t = realloc(e->text, e->len + n + 2);
    if (!t) return false;
    if (e->len) t[e->len++] = '\n';
    memcpy(t + e->len, line, n);
    t[e->len + n] = '\0';
    e->text = t;
    e->len += n;
    return true;
}

static void entry_clear(entry *e)
{
    free(e->text);
    e->text = NULL;
    e->len = 0;
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\n", s[i])) return false;
    return true;
}

/* Keeps a whole entry in the history as one event, its lines joined by
 * '\n', so Up recalls a multi-line `fn` at once; libedit shows the newlines
 * as line breaks and gives them back when the entry is sent again.  The
 * file is saved at once: a session that is killed keeps what it typed.
 * H_SAVE writes each event on one line, a newline inside one as \012
 * (strvis), and H_LOAD reads it back the same. */
static void remember(History *hist, const char *file, const entry *e)
{
    size_t n = e->len;
    while (n && strchr(" \t\r\n", e->text[n - 1])) n--;
    if (!n) return;
    char *h = strndup(e->text, n);
    if (!h) return;
    HistEvent ev;
    ed.history(hist, &ev, H_ENTER, h);
    if (file) ed.history(hist, &ev, H_SAVE, file);
    free(h);
}

bool cx_cli_repl_run(const cx_options *opt, cx_cli_report *report)
{
    cx_cli_repl r = {.opt = *opt, .report = report, .digits = opt->digits};
    r.opt.repl = true;
    r.cx = cx_state_new(&r.opt);
    if (!r.cx) {
        fputs("cx: error: out of memory\n", stderr);
        return false;
    }
    cx_state_set_output(r.cx, cx_cli_report_output, report);
    session = &r;
    /* libedit reads UTF-8 keys only in a UTF-8 locale; only LC_CTYPE is
     * taken, so number formatting never depends on the locale. */
    setlocale(LC_CTYPE, "");

    bool color = cx_cli_color_ok(STDOUT_FILENO);
    /* \1 brackets bytes that take no room on screen (EL_PROMPT_ESC). */
    static char main_prompt[] = "\1\033[1;34m\1cx>\1\033[0m\1 ";
    static char more_prompt[] = "\1\033[1;34m\1...\1\033[0m\1 ";
    static char plain_main[] = "cx> ", plain_more[] = "... ";

    char why[256];
    if (!cx_editline_load(&ed, why, sizeof why)) {
        fprintf(stderr, "cx: error: the REPL needs libedit (Debian package libedit2): %s\n", why);
        cx_state_free(r.cx);
        return false;
    }
    EditLine *el = ed.el_init("cx", stdin, stdout, stderr);
    History *hist = ed.history_init();
    if (!el || !hist) {
        fputs("cx: error: cannot start line editing\n", stderr);
        if (el) ed.el_end(el);
        if (hist) ed.history_end(hist);
        cx_editline_unload(&ed);
        cx_state_free(r.cx);
        return false;
    }
    HistEvent ev;
    ed.history(hist, &ev, H_SETSIZE, HISTORY_MAX);
    ed.history(hist, &ev, H_SETUNIQUE, 1);
    ed.el_set(el, EL_EDITOR, "emacs");
    /* libedit restores the terminal on signals (Ctrl-Z, resizing) and then
     * passes them on to our handler. */
    ed.el_set(el, EL_SIGNAL, 1);
    ed.el_set(el, EL_PROMPT_ESC, prompt, '\1');
    key_fd = open_key_fd();
    ed.el_set(el, EL_GETCFN, read_key);
    ed.el_set(el, EL_HIST, ed.history, hist);
    /* The wide call: the narrow one copies the two strings and never frees
     * them (libedit says so in eln.c), which leak checkers report. */
    ed.el_wset(el, EL_ADDFN, L"cx-complete", L"complete the word before the cursor", on_tab);
    ed.el_set(el, EL_BIND, "^I", "cx-complete", NULL);
    ed.el_source(el, NULL); /* the user's ~/.editrc, if any */
    char *history_file = cx_cli_history_path();
    if (history_file) ed.history(hist, &ev, H_LOAD, history_file);

    if (!report->quiet) printf("cx %s - :help for help, Ctrl-D to leave\n", CX_VERSION);
    fflush(stdout);

    entry e = {0};
    unsigned long n_entry = 0;
    while (!r.quit) {
        prompt_now =
            e.len ? (color ? more_prompt : plain_more) : (color ? main_prompt : plain_main);
        cx_cli_sigint_clear();
        cx_cli_sigint_install(false);
        int count = 0;
        const char *got = ed.el_gets(el, &count);
        cx_cli_sigint_install(true);
        if (!got || count <= 0) {
            if (cx_cli_sigint_seen()) { /* Ctrl-C at the prompt: drop the entry */
                fputs("\n", stdout);
                remember(hist, history_file, &e); /* its finished lines, to fix them */
                entry_clear(&e);
                continue;
            }
            if (!e.len) break; /* Ctrl-D on an empty prompt */
            /* Ctrl-D inside an entry: say what it lacks, then start over. */
            char name[48];
            snprintf(name, sizeof name, "<input %lu>", ++n_entry);
            fputs("\n", stdout);
            remember(hist, history_file, &e);
            cx_run_string(r.cx, name, e.text, e.len);
            cx_cli_report_errors(report, r.cx);
            entry_clear(&e);
            continue;
        }
        size_t n = (size_t)count;
        if (n && got[n - 1] == '\n') n--;
        if (!e.len && blank(got, n)) continue;
        if (!entry_add(&e, got, n)) {
            fputs("cx: error: out of memory\n", stderr);
            entry_clear(&e);
            continue;
        }
        if (e.text[strspn(e.text, " \t")] == ':') {
            remember(hist, history_file, &e);
            cx_cli_command(&r, e.text);
            entry_clear(&e);
            fflush(stdout);
            continue;
        }
        char name[48];
        snprintf(name, sizeof name, "<input %lu>", n_entry + 1);
        cx_run_status st;
        cx_cli_evaluating(r.cx, true);
        cx_cli_entry done = cx_cli_submit(r.cx, name, e.text, e.len, &st);
        cx_cli_evaluating(r.cx, false);
        if (done == CX_CLI_ENTRY_INCOMPLETE) continue; /* the entry goes on */
        remember(hist, history_file, &e);
        n_entry++;
        cx_cli_report_errors(report, r.cx);
        entry_clear(&e);
        fflush(stdout);
    }
    if (!r.quit) fputs("\n", stdout);
    fflush(stdout);
    entry_clear(&e);
    if (history_file) ed.history(hist, &ev, H_SAVE, history_file);
    free(history_file);
    ed.el_end(el);
    ed.history_end(hist);
    cx_editline_unload(&ed);
    if (key_fd != STDIN_FILENO) close(key_fd);
    key_fd = STDIN_FILENO;
    cx_cli_sigint_restore();
    cx_state_free(r.cx);
    session = NULL;
    return true;
}
