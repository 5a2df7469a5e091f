/* help.c - the REPL's :help: the overview (commands, topics of the language,
 * built-in functions), one topic (help_topics.c), one built-in (from
 * cx_builtins()) or one command, "did you mean" for a name it does not know,
 * and every text wrapped at word boundaries to the terminal's width.  The
 * topic texts live in help_topics.c; the ':' commands themselves in
 * commands.c. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "cli.h"

size_t cx_cli_term_width(void)
{
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 80;
}

/* ==== wrapping ==================================================================== */

typedef struct writer {
    cx_cli_repl *r;
    size_t width;
} writer;

static void put(const writer *w, const char *s, size_t n)
{
    if (n && fwrite(s, 1, n, stdout) != n) w->r->report->write_failed = true;
}

static void spaces(const writer *w, size_t n)
{
    static const char blanks[] = "                                ";
    while (n) {
        size_t k = n < sizeof blanks - 1 ? n : sizeof blanks - 1;
        put(w, blanks, k);
        n -= k;
    }
}

/* Screen columns of n bytes of UTF-8: one per character (cx's text has no
 * double-width characters); continuation bytes take none. */
static size_t columns(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* Where the "word" that starts at text[i] ends.  A word runs to the next
 * blank, except that a call written in the text ("money(1.58M, 1)") or a
 * quoted string ("more than half") is kept whole when it fits in `room`
 * columns: breaking inside code would not read as code. */
static size_t word_end(const char *text, size_t len, size_t i, size_t room)
{
    size_t plain = i;
    while (plain < len && text[plain] != ' ') plain++;
    int depth = 0;
    bool quoted = false;
    size_t j = i;
    for (; j < len; j++) {
        char c = text[j];
        if (c == '"' && !(j > i && text[j - 1] == '\\')) quoted = !quoted; /* not \" */
        else if (quoted) continue;
        else if (c == '(' &&
                 (depth || (j > i && (isalnum((unsigned char)text[j - 1]) || text[j - 1] == '_'))))
            depth++;
        else if (c == ')' && depth) depth--;
        else if (c == ' ' && !depth) break;
    }
    if (j == plain || depth || quoted || columns(text + i, j - i) > room) return plain;
    return j;
}

/* Writes one line of text (no '\n' in it) at column `indent` (the columns
 * before it are blanks it writes, or a label already written), going on at
 * `hang` columns after each break.  Breaks only where there is a blank,
 * never inside a word: a word longer than the line overflows it.  The
 * blanks between two words on one line are kept as they were (a check
 * line's double spaces mean something). */
static void wrap_at(const writer *w, const char *text, size_t len, size_t indent, size_t hang,
                    bool labelled)
{
    /* On a narrow terminal a deep hanging indent would leave no room. */
    if (hang + 20 > w->width && hang > indent + 2) hang = indent + 2;
    if (!labelled) spaces(w, indent);
    size_t col = indent, i = 0;
    bool empty = true; /* nothing on this line yet */
    while (i < len) {
        size_t gap = i;
        while (i < len && text[i] == ' ') i++;
        size_t word = i;
        if (word == len) break; /* trailing blanks */
        i = word_end(text, len, word, w->width > hang ? w->width - hang : 0);
        size_t gap_cols = word - gap, word_cols = columns(text + word, i - word);
        if (!empty && col + gap_cols + word_cols > w->width) {
            put(w, "\n", 1);
            spaces(w, hang);
            col = hang;
        } else {
            put(w, text + gap, gap_cols);
            col += gap_cols;
        }
        put(w, text + word, i - word);
        col += word_cols;
        empty = false;
    }
    put(w, "\n", 1);
}

static void wrap_line(const writer *w, const char *text, size_t len, size_t indent, size_t hang)
{
    wrap_at(w, text, len, indent, hang, false);
}

/* Each '\n'-separated line of text is wrapped on its own. */
static void wrap(const writer *w, const char *text, size_t indent, size_t hang)
{
    for (;;) {
        const char *nl = strchr(text, '\n');
        size_t n = nl ? (size_t)(nl - text) : strlen(text);
        wrap_line(w, text, n, indent, hang);
        if (!nl) return;
        text = nl + 1;
    }
}

/* "label" then text: the text's later lines start under its first
 * character, and a line that has to be broken goes on `more` columns
 * deeper, so that it does not look like the next line. */
static void labelled(const writer *w, const char *label, const char *text, size_t more)
{
    size_t n = strlen(label), at = columns(label, n);
    put(w, label, n);
    for (bool first = true;; first = false) {
        size_t k = strcspn(text, "\n");
        wrap_at(w, text, k, at, at + more, first);
        if (!text[k]) return;
        text += k + 1;
    }
}

/* Words in a block two columns in, as many to a line as fit. */
typedef struct filler {
    const writer *w;
    size_t col;
} filler;

static void fill(filler *f, const char *word)
{
    size_t n = strlen(word), c = columns(word, n);
    if (f->col && f->col + 1 + c > f->w->width) {
        put(f->w, "\n", 1);
        f->col = 0;
    }
    if (f->col) {
        put(f->w, " ", 1);
        f->col++;
    } else {
        spaces(f->w, 2);
        f->col = 2;
    }
    put(f->w, word, n);
    f->col += c;
}

static void fill_end(filler *f)
{
    if (f->col) put(f->w, "\n", 1);
    f->col = 0;
}

/* ==== finding a name ================================================================ */

/* The commands as the overview shows them; `:help :load` shows one. */
static const struct {
    const char *usage, *what;
} commands[] = {
    {":help [NAME]", "this help; NAME is a topic of the language or a built-in function"},
    {":vars", "the names defined so far, with their values"},
    {":load FILE", "run a script in this session"},
    {":reset", "forget every definition"},
    {":digits [N]", "significant digits of rounded values (now %d)"},
    {":quit", "leave (Ctrl-D too)"},
};
enum { N_COMMANDS = sizeof commands / sizeof commands[0] };

static bool same(const char *a, size_t an, const char *b, bool fold)
{
    if (strlen(b) != an) return false;
    if (!fold) return memcmp(a, b, an) == 0;
    for (size_t i = 0; i < an; i++)
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i])) return false;
    return true;
}

/* Calls fn for every word of a space-separated list; stops when it returns true. */
static bool each_word(const char *list, bool (*fn)(void *ud, const char *w, size_t n), void *ud)
{
    while (list && *list) {
        while (*list == ' ') list++;
        size_t n = strcspn(list, " ");
        if (n && fn(ud, list, n)) return true;
        list += n;
    }
    return false;
}

typedef struct query {
    const char *name;
    size_t len;
    bool fold;
} query;

static bool is_query(void *ud, const char *word, size_t n)
{
    const query *q = ud;
    char buf[64];
    if (n >= sizeof buf) return false;
    memcpy(buf, word, n);
    buf[n] = '\0';
    return same(q->name, q->len, buf, q->fold);
}

static const cx_builtin_info *find_builtin(const char *name, size_t len, bool fold)
{
    size_t n = 0;
    const cx_builtin_info *b = cx_builtins(&n);
    for (size_t i = 0; i < n && b[i].name; i++)
        if (same(name, len, b[i].name, fold)) return &b[i];
    return NULL;
}

static const cx_cli_help_topic *find_topic(const char *name, size_t len, bool fold)
{
    query q = {name, len, fold};
    for (const cx_cli_help_topic *t = cx_cli_help_topics; t->name; t++)
        if (same(name, len, t->name, fold) || each_word(t->aliases, is_query, &q)) return t;
    return NULL;
}

/* ":load" or "load" names the command ":load FILE". */
static int find_command(const char *name, size_t len)
{
    if (len && name[0] == ':') name++, len--;
    for (int i = 0; i < N_COMMANDS; i++) {
        const char *u = commands[i].usage + 1;
        if (strcspn(u, " ") == len && memcmp(u, name, len) == 0) return i;
    }
    return -1;
}

/* ==== did you mean ================================================================== */

/* The cost of turning a into b, ignoring case, in half-edits: inserting or
 * deleting a character costs 2, swapping two neighbours 2, replacing one 3.
 * Replacing costs a little more so that a typo with one key too many or too
 * few finds its word first: 'npvv' is npv (one deletion) before npv0 (one
 * replacement).  Optimal string alignment, two rows kept plus one. */
static size_t edit_cost(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na > 64 || nb > 64) return (size_t)-1;
    size_t rows[3][65];
    size_t *before = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= nb; j++) prev[j] = 2 * j;
    for (size_t i = 1; i <= na; i++) {
        cur[0] = 2 * i;
        int ca = tolower((unsigned char)a[i - 1]);
        for (size_t j = 1; j <= nb; j++) {
            int cb = tolower((unsigned char)b[j - 1]);
            size_t best = prev[j - 1] + (ca == cb ? 0 : 3);
            if (prev[j] + 2 < best) best = prev[j] + 2;
            if (cur[j - 1] + 2 < best) best = cur[j - 1] + 2;
            if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
                tolower((unsigned char)a[i - 2]) == cb && before[j - 2] + 2 < best)
                best = before[j - 2] + 2;
            cur[j] = best;
        }
        size_t *t = before;
        before = prev;
        prev = cur;
        cur = t;
    }
    return prev[nb];
}

typedef struct suggestions {
    const char *typed;
    size_t limit; /* the dearest cost still worth suggesting */
    size_t best;
    char names[3][32]; /* the nearest so far, at cost `best` */
    size_t n;
} suggestions;

static bool consider(void *ud, const char *name, size_t n)
{
    suggestions *s = ud;
    char word[32];
    if (n >= sizeof word) return false;
    memcpy(word, name, n);
    word[n] = '\0';
    size_t cost = edit_cost(s->typed, word);
    if (cost > s->limit || cost > s->best) return false;
    if (cost < s->best) {
        s->best = cost;
        s->n = 0;
    }
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->names[i], word) == 0) return false;
    if (s->n < sizeof s->names / sizeof s->names[0]) memcpy(s->names[s->n++], word, n + 1);
    return false;
}

/* Writes "did you mean a, b or c?" for the nearest names into msg; false
 * when nothing is near enough. */
static bool did_you_mean(const char *typed, char *msg, size_t cap)
{
    size_t len = columns(typed, strlen(typed));
    if (len < 2) return false; /* one character is near far too much */
    /* One edit for a short name, two from six characters, three from nine. */
    suggestions s = {.typed = typed, .best = (size_t)-1};
    s.limit = len < 6 ? 3 : len < 9 ? 6 : 9;
    size_t n = 0;
    const cx_builtin_info *b = cx_builtins(&n);
    for (size_t i = 0; i < n && b[i].name; i++) consider(&s, b[i].name, strlen(b[i].name));
    for (const cx_cli_help_topic *t = cx_cli_help_topics; t->name; t++) {
        consider(&s, t->name, strlen(t->name));
        each_word(t->aliases, consider, &s);
    }
    if (!s.n) return false;
    size_t used = (size_t)snprintf(msg, cap, "did you mean ");
    for (size_t i = 0; i < s.n && used < cap; i++)
        used += (size_t)snprintf(msg + used, cap - used, "%s%s",
                                 i == 0         ? ""
                                 : i + 1 == s.n ? " or "
                                                : ", ",
                                 s.names[i]);
    if (used < cap) snprintf(msg + used, cap - used, "?");
    return true;
}

/* ==== showing ========================================================================= */

static void example_output(void *ud, const cx_output *out)
{
    const writer *w = ud;
    if (out->kind != CX_OUT_TABLE) {
        wrap(w, out->text, 4, 6);
        return;
    }
    /* A table keeps its columns: its lines are never wrapped. */
    for (const char *p = out->text; *p;) {
        size_t n = strcspn(p, "\n");
        spaces(w, 4);
        put(w, p, n);
        put(w, "\n", 1);
        p += n + (p[n] == '\n');
    }
}

/* Shows the example's lines, then types them one at a time at a prompt of
 * their own (never the session's) and shows what they print.  An error in
 * an example is reported as any other, so a broken example shows. */
static void show_example(const writer *w, const char *example, bool run)
{
    labelled(w, "  example: ", example, 2);
    if (!run) return;
    cx_cli_repl *r = w->r;
    cx_options o = r->opt;
    o.repl = true;
    o.digits = r->digits;
    cx_state *cx = cx_state_new(&o);
    if (!cx) return;
    cx_state_set_output(cx, example_output, (void *)w);
    for (const char *line = example; *line;) {
        size_t n = strcspn(line, "\n");
        cx_run_status st;
        if (cx_cli_submit(cx, "<example>", line, n, &st) == CX_CLI_ENTRY_INCOMPLETE)
            cx_run_string(cx, "<example>", line, n);
        fflush(stdout);
        cx_cli_report_errors(r->report, cx);
        line += n + (line[n] == '\n');
    }
    cx_state_free(cx);
}

static void see_also(const writer *w, const char *list)
{
    if (!list) return;
    char text[256];
    size_t used = 0;
    const char *p = list;
    while (*p && used < sizeof text) {
        while (*p == ' ') p++;
        size_t n = strcspn(p, " ");
        if (!n) break;
        used += (size_t)snprintf(text + used, sizeof text - used, "%s%.*s", used ? ", " : "",
                                 (int)n, p);
        p += n;
    }
    labelled(w, "  see also: ", text, 0);
}

static void show_builtin(const writer *w, const cx_builtin_info *b)
{
    wrap(w, b->signature, 0, 4);
    wrap(w, b->doc, 2, 2);
    if (b->notes) wrap(w, b->notes, 2, 2);
    show_example(w, b->example, true);
    /* `periods` and `pp` are also words of the language. */
    const cx_cli_help_topic *t = find_topic(b->name, strlen(b->name), false);
    if (t) {
        char line[96];
        snprintf(line, sizeof line, ":help %s (%s in the language)", t->name, b->name);
        labelled(w, "  see also: ", line, 0);
    }
}

static void show_topic(const writer *w, const cx_cli_help_topic *t)
{
    wrap(w, t->synopsis, 0, 4);
    wrap(w, t->text, 2, 2);
    see_also(w, t->see_also);
    show_example(w, t->example, !t->example_needs_file);
}

/* ":digits [N]    significant digits ...", its description hanging. */
static void show_command(const writer *w, int i, size_t indent)
{
    char what[160];
    snprintf(what, sizeof what, commands[i].what, w->r->digits);
    char line[192];
    snprintf(line, sizeof line, "%-15s%s", commands[i].usage, what);
    wrap(w, line, indent, indent + 15);
}

static const char intro[] =
    "Type a statement or an expression; the final ';' is optional here. A bare expression "
    "prints its value and _ holds the last one. Names may be redefined (a script forbids it). "
    "An open bracket or a missing operand continues on the next line, and Up recalls such an "
    "entry whole. Tab completes names.";

static void overview(const writer *w)
{
    wrap(w, intro, 0, 0);
    put(w, "\ncommands:\n", 11);
    for (int i = 0; i < N_COMMANDS; i++) show_command(w, i, 2);
    wrap(w, "Ctrl-C cancels the line or stops a long evaluation.", 0, 0);
    put(w, "\ntopics of the language (:help TOPIC):\n", 39);
    filler f = {w, 0};
    for (const cx_cli_help_topic *t = cx_cli_help_topics; t->name; t++) fill(&f, t->name);
    fill_end(&f);
    put(w, "\nbuilt-in functions (:help NAME):\n", 34);
    size_t n = 0;
    const cx_builtin_info *b = cx_builtins(&n);
    for (size_t i = 0; i < n && b[i].name; i++) fill(&f, b[i].name);
    fill_end(&f);
}

/* Finds `name` exactly, then ignoring case: a built-in, a topic or a command. */
static bool show_named(const writer *w, const char *name, size_t len)
{
    for (int fold = 0; fold < 2; fold++) {
        const cx_builtin_info *b = find_builtin(name, len, fold);
        if (b) {
            show_builtin(w, b);
            return true;
        }
        const cx_cli_help_topic *t = find_topic(name, len, fold);
        if (t) {
            show_topic(w, t);
            return true;
        }
    }
    int c = find_command(name, len);
    if (c >= 0) show_command(w, c, 0);
    return c >= 0;
}

void cx_cli_help(cx_cli_repl *r, const char *arg)
{
    writer w = {r, cx_cli_term_width()};
    size_t len = strlen(arg);
    /* `:help pmt()` is pmt. */
    if (len > 2 && strcmp(arg + len - 2, "()") == 0) len -= 2;
    if (!len) {
        overview(&w);
        return;
    }
    if (show_named(&w, arg, len)) return;
    /* Several words (`:help units of numbers`): the first that names something. */
    for (const char *p = arg; p < arg + len;) {
        size_t n = strcspn(p, " \t");
        if (n && n < len && show_named(&w, p, n)) return;
        p += n;
        p += strspn(p, " \t");
    }
    char shown[64], msg[192], near[160];
    snprintf(shown, sizeof shown, "%.*s", (int)(len < 40 ? len : 40), arg);
    if (did_you_mean(shown, near, sizeof near))
        snprintf(msg, sizeof msg, "no help for '%s'; %s", shown, near);
    else
        snprintf(msg, sizeof msg, "no help for '%s' (:help lists the topics and built-ins)", shown);
    cx_cli_complain(r->report, "%s", msg);
}
