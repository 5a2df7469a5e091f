/* knit.c - `cx knit REPORT.md -o OUT.{md,html}` and `--check`: reads the
 * report through libcx, finds its cx constructs (knit_scan.c), reports
 * every syntax error of the report at once, runs the constructs in order in
 * one state, and writes the rendering (knit_md.c, knit_html.c) to a
 * temporary file in the output's folder that is then renamed.  Chooses the
 * exit status: 0 everything holds, 1 written but a check or bound number
 * failed, 2 an error in the report (nothing written), 3 a limit, 4 I/O, 64
 * usage. */
/* realpath() */
#define _XOPEN_SOURCE 700
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include "cli.h"
#include "knit.h"
#include "knit_cmark.h"

enum { K_OK = 0, K_CHECK = 1, K_ERROR = 2, K_LIMIT = 3, K_IO = 4, K_USAGE = 64 };

static const char knit_usage[] =
    "usage: cx knit [options] REPORT.md -o OUT.html   a standalone HTML page\n"
    "       cx knit [options] REPORT.md -o OUT.md     Markdown: the report's own bytes,\n"
    "                                                 cx constructs replaced\n"
    "       cx knit [options] REPORT.md --check       evaluate, write nothing\n"
    "\n"
    "In the report: ```cx blocks (also ```{cx}; options echo=false, output=false,\n"
    "eval=false), hidden blocks <!--cx ... -->, inline values `{cx} EXPR`, and\n"
    "bound numbers [6.0B](cx:EXPR): the figure as written, checked as EXPR ~ 6.0B\n"
    "(an empty text [](cx:EXPR) is filled in).  See docs/knit.md.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE  where to write; .html/.htm for HTML, .md/.markdown for\n"
    "                     Markdown; never the report itself\n"
    "  --check            evaluate and report, write nothing\n"
    "  --fix              rewrite the report's wrong bound-number texts to the\n"
    "                     computed value, written as the author wrote the figure\n"
    "                     ([62%] -> [61%], [$7B] -> [$6B]), and fill in empty ones\n"
    "  --json             list every construct on standard output as JSON: its\n"
    "                     line and column, value and verdict (with any of the above)\n"
    "  --keep-going       after an error, go on: the output shows each error in\n"
    "                     place (and is written); the exit status is still 2\n"
    "  --unsafe-html      keep the report's own raw HTML (trusted authors only);\n"
    "                     by default it is dropped, as are javascript: links\n"
    "  --digits N         significant digits shown for rounded values (default 10)\n"
    "  --allow-read DIR   let include and csv() read DIR too (repeatable); a report\n"
    "                     reads only its own folder and below by default\n"
    "  --timeout SECONDS  stop after this long, the whole report (default 60; 0 = none)\n"
    "  --max-steps N      stop after N evaluation steps (default: none)\n"
    "  --max-memory SIZE  memory for numbers: MB, or 64M, 2G (default 1024)\n"
    "  --max-source N     largest report or included file, in bytes (default 67108864)\n"
    "  -h, --help         show this help\n"
    "\n"
    "exit status: 0 every check and bound number holds, 1 written but something\n"
    "failed (the failures are marked in the output), 2 an error in the report\n"
    "(nothing written), 3 a resource limit, 4 an I/O error, 64 bad usage\n";

typedef struct knit_req {
    cx_options opt;
    const char *input, *output;
    const char **allow;
    size_t n_allow;
    bool check, unsafe, html, fix, json, keep_going;
} knit_req;

static int usage(const char *fmt, const char *arg)
{
    fputs("cx knit: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'cx knit --help' for more information.\n", stderr);
    return K_USAGE;
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), k = strlen(tail);
    if (n < k) return false;
    for (size_t i = 0; i < k; i++)
        if (tolower((unsigned char)s[n - k + i]) != tail[i]) return false;
    return true;
}

static int parse(int argc, char **argv, knit_req *q)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(knit_usage, stdout);
            return fflush(stdout) == 0 ? -1 : K_IO;
        }
        if (strcmp(a, "--check") == 0) {
            q->check = true;
            continue;
        }
        if (strcmp(a, "--unsafe-html") == 0) {
            q->unsafe = true;
            continue;
        }
        if (strcmp(a, "--fix") == 0) {
            q->fix = true;
            continue;
        }
        if (strcmp(a, "--json") == 0) {
            q->json = true;
            continue;
        }
        if (strcmp(a, "--keep-going") == 0) {
            q->keep_going = true;
            continue;
        }
        if (a[0] != '-' || strcmp(a, "-") == 0) {
            if (q->input) return usage("give one report, not '%s' too", a);
            q->input = a;
            continue;
        }
        const char *name = a, *val = NULL;
        char nb[32];
        const char *eq = strchr(a, '=');
        if (eq && a[1] == '-' && (size_t)(eq - a) < sizeof nb) {
            memcpy(nb, a, (size_t)(eq - a));
            nb[eq - a] = '\0';
            name = nb;
            val = eq + 1;
        }
        static const char *const with_value[] = {"-o",           "--output",    "--digits",
                                                 "--allow-read", "--timeout",   "--max-steps",
                                                 "--max-memory", "--max-source"};
        bool known = false;
        for (size_t k = 0; k < sizeof with_value / sizeof with_value[0]; k++)
            known |= strcmp(name, with_value[k]) == 0;
        if (!known) return usage("unknown option '%s'", a);
        if (!val) {
            if (i + 1 >= argc) return usage("option '%s' needs a value", name);
            val = argv[++i];
        }
        long v;
        if (strcmp(name, "-o") == 0 || strcmp(name, "--output") == 0) {
            if (q->output) return usage("%s", "give one output file");
            q->output = val;
        } else if (strcmp(name, "--allow-read") == 0) {
            q->allow[q->n_allow++] = val;
        } else if (strcmp(name, "--timeout") == 0) {
            if (!cx_cli_parse_seconds(val, &q->opt.timeout_ms))
                return usage("invalid value '%s' for --timeout (seconds, such as 5 or 0.5; 0 for "
                             "none)",
                             val);
        } else if (strcmp(name, "--max-memory") == 0) {
            if (!cx_cli_parse_size_mb(val, &q->opt.max_memory_mb))
                return usage("invalid value '%s' for --max-memory (megabytes, or a size such as "
                             "64M or 2G, up to 1T)",
                             val);
        } else if (strcmp(name, "--digits") == 0) {
            if (!cx_cli_parse_long(val, 1, 1000, &v))
                return usage("invalid value '%s' for --digits (a whole number from 1 to 1000)",
                             val);
            q->opt.digits = (int)v;
        } else if (strcmp(name, "--max-steps") == 0) {
            if (!cx_cli_parse_long(val, 0, LONG_MAX, &v))
                return usage("invalid value '%s' for --max-steps (a whole number)", val);
            q->opt.max_steps = v;
        } else {
            if (!cx_cli_parse_long(val, 1, 2147483647L, &v))
                return usage("invalid value '%s' for --max-source (a whole number of bytes)", val);
            q->opt.max_source_bytes = v;
        }
    }
    if (!q->input) return usage("%s", "which report? cx knit REPORT.md -o OUT.html");
    if (!q->output && !q->check && !q->fix)
        return usage("%s", "give -o OUT.html, -o OUT.md, --check or --fix");
    if ((q->output != NULL) + q->check + q->fix > 1)
        return usage("%s", "give one of -o FILE, --check and --fix");
    if (q->output) {
        if (ends_with(q->output, ".html") || ends_with(q->output, ".htm")) q->html = true;
        else if (!ends_with(q->output, ".md") && !ends_with(q->output, ".markdown"))
            return usage("cannot tell the format of '%s': name it .html or .md", q->output);
    }
    return K_OK;
}

/* ==== running =============================================================== */

static int status_of(cx_run_status s)
{
    switch (s) {
    case CX_RUN_OK: return K_OK;
    case CX_RUN_CHECK_FAILED: return K_CHECK;
    case CX_RUN_ERROR: return K_ERROR;
    case CX_RUN_LIMIT: return K_LIMIT;
    case CX_RUN_IO: return K_IO;
    }
    return K_ERROR;
}

typedef struct knit_run {
    knit_doc doc;
    knit_item *current; /* the block whose records arrive */
    cx_state *cx;
    const char *name;                     /* the report as named on the command line */
    size_t lc_at, lc_line, lc_line_start; /* line_col's place */
    size_t n_failed;                      /* failure lines so far (stderr shows the first ones) */
    bool keep_going;                      /* --keep-going: errors shown in place, the run goes on */
    size_t n_errors;                      /* errors so far (stderr shows the first ones) */
    bool too_many;                        /* --keep-going gave up (MAX_ERRORS_KEPT) */
    bool out_of_memory;                   /* an error said so: the status is 3 at least */
    int digits;
    bool oom;
} knit_run;

/* Errors shown on stderr: the first ones, then a count (a report of 100,000
 * broken blocks must not print 100,000 carets; with --keep-going each is
 * still shown in place in the output). */
#define MAX_ERRORS_SHOWN 20
/* --keep-going gives up past this many errors (each is rendered into the
 * output, at a cost that grows with its line): the report is then not
 * written, as without --keep-going. */
#define MAX_ERRORS_KEPT 100

/* An error without its source line and caret, for want of memory to render
 * them: the position and the message, which the state holds already. */
static void plain_error(const cx_state *cx, size_t i)
{
    cx_error_info e;
    if (!cx_error_get(cx, i, &e)) fputs("cx knit: error: out of memory\n", stderr);
    else if (e.file && e.line)
        fprintf(stderr, "%s:%zu:%zu: error: %s\n", e.file, e.line, e.col, e.message);
    else fprintf(stderr, "cx knit: error: %s\n", e.message);
}

/* Prints the errors of the state's last call (the first `from` skipped),
 * up to MAX_ERRORS_SHOWN over the run.  With --keep-going (`into` not NULL)
 * they are also kept, without colour, in *into (appended) for the output to
 * show in place. */
static void print_errors(knit_run *k, size_t from, bool color, char **into)
{
    for (size_t i = from; i < cx_error_count(k->cx); i++) {
        /* Memory that ran out is the run's status, even after a syntax
         * error in the same block (the state reports the first error's). */
        cx_error_info e;
        if (cx_error_get(k->cx, i, &e) && strcmp(e.code, "limit-memory") == 0)
            k->out_of_memory = true;
        if (k->n_errors++ < MAX_ERRORS_SHOWN) {
            char *m = cx_error_render(k->cx, i, color);
            if (m) fputs(m, stderr);
            else plain_error(k->cx, i);
            free(m);
        }
        if (!into) continue;
        if (k->n_errors > MAX_ERRORS_KEPT) {
            k->too_many = true;
            continue;
        }
        char *m = cx_error_render(k->cx, i, false);
        size_t had = *into ? strlen(*into) : 0, n = m ? strlen(m) : 0;
        char *all = m ? realloc(*into, had + n + 1) : NULL;
        if (all) {
            memcpy(all + had, m, n + 1);
            *into = all;
        } else {
            k->oom = true;
        }
        free(m);
    }
}

/* Failed checks and figures shown on stderr; the output marks every one. */
#define MAX_FAIL_LINES 20

static char *dup_or_oom(knit_run *k, const char *s)
{
    char *c = strdup(s ? s : "");
    if (!c) k->oom = true;
    return c;
}

/* Text that reads as a number (right-aligned in a table): "$4.50B",
 * "-12.5%", "≈1.41", "1,234". */
static bool looks_numeric(const char *s)
{
    static const char *const lead[] = {"\xE2\x89\x88", "\xE2\x88\x92", "-", "+", "$",
                                       "\xE2\x82\xAC", "\xC2\xA3"};
    for (bool again = true; again;) {
        again = false;
        for (size_t i = 0; i < sizeof lead / sizeof lead[0]; i++)
            if (strncmp(s, lead[i], strlen(lead[i])) == 0) s += strlen(lead[i]), again = true;
    }
    if (!isdigit((unsigned char)*s)) return false;
    while (isdigit((unsigned char)*s) || *s == ',' || *s == '.') s++;
    if (strncmp(s, "\xE2\x80\xA6", 3) == 0) s += 3; /* the cut mark */
    return *s == '\0' || strcmp(s, "%") == 0 || strcmp(s, "bp") == 0 || strcmp(s, "pp") == 0 ||
           (strchr("kMBT", *s) && s[1] == '\0');
}

/* A table record's header and cells, as text, for a real HTML table. */
static void keep_table(knit_run *k, knit_record *r, const cx_output *o)
{
    const cx_value *rows = o->result;
    size_t n_rows = rows ? cx_value_length(rows) : 0, cols = o->n_columns;
    if (!rows || cols == 0) return;
    size_t n = cols + n_rows * cols;
    r->cells = calloc(n, sizeof *r->cells);
    r->numeric = calloc(n_rows * cols + 1, sizeof *r->numeric);
    if (!r->cells || !r->numeric) {
        k->oom = true;
        return;
    }
    r->n_columns = cols;
    for (size_t c = 0; c < cols; c++) r->cells[r->n_cells++] = dup_or_oom(k, o->columns[c]);
    /* The text of row i is line i + 2 of the record's text (after the
     * header and the rule): its cells as cx shows them (5%, not 0.05).
     * When a line does not split into the columns (a cell holding " | "),
     * the cell's value is shown by itself. */
    const char *line = o->text;
    for (int skip = 0; line && skip < 2; skip++)
        line = strchr(line, '\n'), line = line ? line + 1 : NULL;
    for (size_t i = 0; i < n_rows; i++) {
        const cx_value *row = cx_value_item(rows, i);
        const char *end = line ? strchr(line, '\n') : NULL;
        if (line && !end) end = line + strlen(line);
        size_t parts = 1;
        for (const char *p = line; p && p + 3 <= end; p++)
            if (memcmp(p, " | ", 3) == 0) parts++;
        const char *cell_at = parts == cols ? line : NULL;
        for (size_t c = 0; c < cols; c++) {
            const cx_value *cell = row ? cx_value_item(row, c) : NULL;
            char *t;
            if (cell_at) {
                const char *stop = cell_at;
                while (stop + 3 <= end && memcmp(stop, " | ", 3) != 0) stop++;
                if (stop + 3 > end) stop = end;
                const char *a = cell_at, *b = stop;
                while (a < b && *a == ' ') a++;
                while (b > a && b[-1] == ' ') b--;
                t = strndup(a, (size_t)(b - a));
                cell_at = stop < end ? stop + 3 : end;
            } else {
                t = cell ? cx_value_text(cell, k->digits) : strdup("");
            }
            if (!t) k->oom = true;
            r->numeric[r->n_cells - cols] =
                cell && (cx_value_kind(cell) == CX_KIND_NUMBER || (t && looks_numeric(t)));
            r->cells[r->n_cells++] = t;
        }
        line = end && *end ? end + 1 : NULL;
    }
}

static void on_output(void *ud, const cx_output *o)
{
    knit_run *k = ud;
    knit_item *it = k->current;
    if (o->kind == CX_OUT_CHECK && !o->passed) {
        if (k->n_failed++ < MAX_FAIL_LINES)
            fprintf(stderr, "%s:%zu: %s\n", o->file ? o->file : "?", o->line, o->text);
        if (it) it->failed = true;
    }
    /* A hidden block shows nothing but its failures: a reader must see them. */
    bool hidden_fail = it && it->kind == KNIT_HIDDEN && o->kind == CX_OUT_CHECK && !o->passed;
    if (!it || (it->kind != KNIT_BLOCK && !hidden_fail)) {
        /* A note from an inline value or a bound number: on stderr. */
        if (o->kind == CX_OUT_NOTE) fprintf(stderr, "%s:%zu: %s\n", o->file, o->line, o->text);
        return;
    }
    if (it->n_records == it->cap_records) {
        size_t cap = it->cap_records ? it->cap_records * 2 : 4;
        knit_record *p = realloc(it->records, cap * sizeof *p);
        if (!p) {
            k->oom = true;
            return;
        }
        it->records = p;
        it->cap_records = cap;
    }
    knit_record *r = &it->records[it->n_records++];
    memset(r, 0, sizeof *r);
    r->kind = o->kind;
    r->passed = o->passed;
    r->text = dup_or_oom(k, o->text);
    if (o->kind == CX_OUT_TABLE) keep_table(k, r, o);
    if (o->kind == CX_OUT_CHART) {
        /* Drawn now: the record's chart lives only during this call. */
        r->svg = cx_output_chart_svg(o);
        r->alt = dup_or_oom(k, o->chart_title && *o->chart_title ? o->chart_title : "chart");
        if (!r->svg) k->oom = true;
    }
}

/* Line and column (in characters) of byte `at` of the report.  Called in
 * report order, so the scan goes on from the last answer: linear over a
 * report however many figures fail. */
static void line_col(knit_run *k, size_t at, size_t *line, size_t *col)
{
    const knit_doc *d = &k->doc;
    if (at < k->lc_at) k->lc_at = k->lc_line_start = 0, k->lc_line = 1;
    for (; k->lc_at < at && k->lc_at < d->len; k->lc_at++)
        if (d->text[k->lc_at] == '\n') k->lc_line++, k->lc_line_start = k->lc_at + 1;
    *line = k->lc_line;
    *col = 1;
    for (size_t i = k->lc_line_start; i < at && i < d->len; i++)
        if (((unsigned char)d->text[i] & 0xC0) != 0x80) (*col)++;
}

/* Every syntax error of the report, in one pass: its structure, then each
 * construct's cx parsed alone.  The worst status. */
static int check_syntax(knit_run *k, uint32_t report, bool color)
{
    int status = K_OK;
    knit_doc *d = &k->doc;
    size_t p = 0;
    for (size_t i = 0; i <= d->n_items; i++) {
        /* Structure problems before the item they precede, so the errors
         * come in the report's order. */
        size_t upto = i < d->n_items ? d->items[i].start : d->len;
        for (; p < d->n_problems && (d->problems[p].start <= upto || i == d->n_items); p++) {
            knit_problem *pr = &d->problems[p];
            /* Added to the errors of the last call: show only this one. */
            if (!cx_report_error(k->cx, report, pr->start, pr->len, pr->message, pr->hint)) {
                k->oom = true;
                return K_IO;
            }
            print_errors(k, cx_error_count(k->cx) - 1, color, NULL);
            status = K_ERROR;
        }
        if (i == d->n_items) break;
        knit_item *it = &d->items[i];
        if (!it->eval) continue;
        bool expr = it->kind == KNIT_INLINE || it->kind == KNIT_BOUND;
        it->region = cx_region_new(k->cx, report, it->code, it->code_len, expr);
        if (!it->region) {
            k->oom = true;
            return K_IO;
        }
        char **keep = k->keep_going ? &it->error : NULL;
        int s = status_of(cx_region_check(k->cx, it->region));
        if (s != K_OK) {
            print_errors(k, 0, color, keep);
            if (s > status) status = s;
        }
        if (it->kind == KNIT_BOUND) {
            s = status_of(cx_figure_check(k->cx, report, it->text, it->text_len));
            if (s != K_OK) {
                print_errors(k, 0, color, keep);
                if (s > status) status = s;
            }
        }
    }
    return status;
}

static bool ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Where a block after item `from` defines `name` (a line that starts with
 * `name =`, `name 2025 = ...` or `fn name(`): its offset, or 0. */
static size_t defined_later(const knit_doc *d, size_t from, const char *name)
{
    size_t n = strlen(name);
    for (size_t i = from + 1; i < d->n_items; i++) {
        const knit_item *it = &d->items[i];
        if (it->kind != KNIT_BLOCK && it->kind != KNIT_HIDDEN) continue;
        size_t end = it->code + it->code_len;
        for (size_t p = it->code; p < end; p++) {
            if (p > it->code && d->text[p - 1] != '\n' && d->text[p - 1] != ';') continue;
            size_t q = p;
            while (q < end && (d->text[q] == ' ' || d->text[q] == '\t')) q++;
            if (end - q > 3 && memcmp(d->text + q, "fn ", 3) == 0) q += 3;
            if (end - q <= n || memcmp(d->text + q, name, n) != 0 || ident_char(d->text[q + n]))
                continue;
            size_t r = q + n;
            while (r < end && (d->text[r] == ' ' || (d->text[r] >= '0' && d->text[r] <= '9') ||
                               d->text[r] == 'Q' || d->text[r] == 'H' || d->text[r] == '-'))
                r++;
            if (r < end && (d->text[r] == '(' ||
                            (d->text[r] == '=' && (r + 1 >= end || d->text[r + 1] != '='))))
                return q;
        }
    }
    return 0;
}

/* After an unknown name: when a later block defines it, says where. */
static void note_later(knit_run *k, size_t item)
{
    cx_error_info e;
    if (!cx_error_get(k->cx, 0, &e) || strcmp(e.code, "name-unknown") != 0) return;
    const char *q = strchr(e.message, '\'');
    const char *q2 = q ? strchr(q + 1, '\'') : NULL;
    if (!q2 || q2 - q - 1 >= 256) return;
    char name[256];
    memcpy(name, q + 1, (size_t)(q2 - q - 1));
    name[q2 - q - 1] = '\0';
    size_t at = defined_later(&k->doc, item, name);
    if (!at) return;
    size_t line, col;
    line_col(k, at, &line, &col);
    fprintf(stderr,
            "%s:%zu:%zu: note: '%s' is defined here, later in the report; a report runs from "
            "top to bottom, so define it before it is used\n",
            k->name, line, col, name);
}

static int run_items(knit_run *k, uint32_t report, bool color)
{
    int status = K_OK;
    for (size_t i = 0; i < k->doc.n_items && !k->oom; i++) {
        knit_item *it = &k->doc.items[i];
        if (!it->eval || it->error) continue; /* (--keep-going: a syntax error here) */
        k->current = it;
        cx_run_status rs;
        if (it->kind == KNIT_BLOCK || it->kind == KNIT_HIDDEN) {
            rs = cx_region_run(k->cx, it->region);
        } else if (it->kind == KNIT_INLINE) {
            rs = cx_region_value(k->cx, it->region, &it->value);
        } else {
            cx_bound_result b;
            rs = cx_region_bound(k->cx, it->region, report, it->text, it->text_len, &b);
            if (rs == CX_RUN_OK || rs == CX_RUN_CHECK_FAILED) {
                it->checked = b.checked;
                it->passed = b.passed || !b.checked;
                it->value = b.value;
                it->detail = b.detail;
                b.value = b.detail = NULL;
                if (b.checked && !b.passed && k->n_failed++ >= MAX_FAIL_LINES) {
                    it->failed = true;
                } else if (b.checked && !b.passed) {
                    size_t line, col;
                    line_col(k, it->text, &line, &col);
                    fprintf(stderr, "%s:%zu:%zu: FAIL  [%.*s](cx:%.*s)  [%s]\n", k->name, line, col,
                            (int)it->text_len, k->doc.text + it->text, (int)it->code_len,
                            k->doc.text + it->code, it->detail ? it->detail : "");
                    it->failed = true;
                }
            }
            cx_bound_result_free(&b);
        }
        k->current = NULL;
        int s = status_of(rs);
        if (s >= K_ERROR) {
            print_errors(k, 0, color, k->keep_going ? &it->error : NULL);
            if (k->n_errors <= MAX_ERRORS_SHOWN) note_later(k, i);
            if (!k->keep_going || k->too_many) return s;
        }
        if (s > status) status = s;
    }
    return k->oom ? K_IO : status;
}

/* ==== writing ================================================================ */

/* cmark-gfm runs outside libcx's time budget; a report built to be slow to
 * render (a table of a million cells takes seconds) is stopped by a timer
 * of the same --timeout.  Nothing has been written yet: the output is made
 * in memory first. */
static void render_too_long(int sig)
{
    (void)sig;
    static const char msg[] = "cx knit: error: rendering the page took longer than --timeout; "
                              "nothing written\n";
    if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) _exit(K_LIMIT);
    _exit(K_LIMIT);
}

/* Arms (ms > 0) or disarms (0) the rendering timer. */
static void render_deadline(long ms)
{
    struct itimerval t = {{0, 0}, {ms / 1000, (ms % 1000) * 1000}};
    if (ms > 0) signal(SIGALRM, render_too_long);
    setitimer(ITIMER_REAL, &t, NULL);
    if (ms == 0) signal(SIGALRM, SIG_DFL);
}

static bool write_atomic(const char *path, const char *data, size_t len, mode_t mode);

/* Markdown output: each chart of a shown block goes to NAME-chart-K.svg
 * beside OUT.md (NAME: the output's name without its extension, anything
 * but letters, digits, '.', '-' and '_' made '-', so the link needs no
 * escaping), written before the Markdown that links it.  False with errno
 * and the file's path in *failed (malloc'ed) when one cannot be written. */
static bool write_charts(knit_doc *d, const char *output, char **failed)
{
    const char *slash = strrchr(output, '/');
    size_t dir_len = slash ? (size_t)(slash - output) + 1 : 0;
    const char *name = output + dir_len;
    const char *dot = strrchr(name, '.');
    size_t stem = dot && dot != name ? (size_t)(dot - name) : strlen(name);
    size_t n = 0;
    for (size_t i = 0; i < d->n_items; i++) {
        knit_item *it = &d->items[i];
        if (it->kind != KNIT_BLOCK || !it->output || !it->eval) continue;
        for (size_t r = 0; r < it->n_records; r++) {
            knit_record *rec = &it->records[r];
            if (rec->kind != CX_OUT_CHART || !rec->svg) continue;
            size_t size = stem + 32;
            char *file = malloc(size), *path = malloc(dir_len + size);
            if (!file || !path) {
                free(file);
                free(path);
                errno = ENOMEM;
                return false;
            }
            for (size_t c = 0; c < stem; c++) {
                char ch = name[c];
                bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                          (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '_';
                file[c] = ok ? ch : '-';
            }
            snprintf(file + stem, size - stem, "-chart-%zu.svg", ++n);
            memcpy(path, output, dir_len);
            strcpy(path + dir_len, file);
            rec->svg_file = file;
            if (!write_atomic(path, rec->svg, strlen(rec->svg), 0)) {
                *failed = path;
                return false;
            }
            free(path);
        }
    }
    return true;
}

/* The output must not be the report: compared as files (the same inode)
 * when it exists, and as resolved paths otherwise. */
static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    char ra[PATH_MAX], rb[PATH_MAX];
    return realpath(a, ra) && realpath(b, rb) && strcmp(ra, rb) == 0;
}

/* Writes data to `path` through a temporary file beside it, renamed over
 * it at the end: a reader never sees half a report.  False with errno. */
static bool write_atomic(const char *path, const char *data, size_t len, mode_t mode)
{
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    if (!tmp) return false;
    snprintf(tmp, n + 16, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        free(tmp);
        return false;
    }
    /* mkstemp makes it 0600; a report is read by others, as any new file. */
    mode_t mask = umask(0);
    umask(mask);
    bool ok = fchmod(fd, mode ? mode : 0666 & ~mask) == 0;
    for (size_t done = 0; ok && done < len;) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) ok = false;
        else done += (size_t)w;
    }
    int saved = errno;
    if (close(fd) != 0 && ok) ok = false, saved = errno;
    if (ok && rename(tmp, path) != 0) ok = false, saved = errno;
    if (!ok) unlink(tmp);
    free(tmp);
    errno = saved;
    return ok;
}

static void json_line_col(void *ud, size_t at, size_t *line, size_t *col)
{
    line_col(ud, at, line, col);
}

/* --fix: rewrites the report (the file itself, through its real path, with
 * its mode kept) with the computed figures in place of the wrong ones.  The
 * status: K_CHECK only for failures it could not fix (block checks). */
static int fix(knit_run *k, const char *path, int status)
{
    knit_buf out = {0};
    size_t n = cx_knit_fixed(&k->doc, &out);
    size_t unfixed = 0;
    for (size_t i = 0; i < k->doc.n_items; i++) {
        knit_item *it = &k->doc.items[i];
        if (it->kind != KNIT_BOUND || (it->checked && it->passed)) continue;
        if (it->kind == KNIT_BOUND && it->text_len && !it->checked) continue;
        size_t line, col;
        line_col(k, it->text, &line, &col);
        bool done =
            it->value && !strstr(it->value, "\xE2\x80\xA6") && !strstr(it->value, "\xE2\x89\x88");
        if (done)
            fprintf(stderr, "%s:%zu:%zu: fixed [%.*s] to [%s]\n", k->name, line, col,
                    (int)it->text_len, k->doc.text + it->text, it->value);
        else
            fprintf(stderr, "%s:%zu:%zu: cannot %s [%.*s]: %s is no figure to write\n", k->name,
                    line, col, it->checked ? "fix" : "fill in", (int)it->text_len,
                    k->doc.text + it->text, it->value ? it->value : "the value");
        /* An empty text left empty is still filled in when knitting. */
        if (!done && it->checked) unfixed++;
    }
    bool blocks_failed = false;
    for (size_t i = 0; i < k->doc.n_items; i++)
        blocks_failed |= k->doc.items[i].kind != KNIT_BOUND && k->doc.items[i].failed;
    char real[PATH_MAX];
    struct stat st;
    if (out.failed) {
        fputs("cx knit: error: out of memory\n", stderr);
        status = K_IO;
    } else if (n > 0 && (!realpath(path, real) || stat(real, &st) != 0 ||
                         !write_atomic(real, out.data, out.len, st.st_mode & 07777))) {
        fprintf(stderr, "cx knit: error: cannot rewrite '%s': %s\n", path, strerror(errno));
        status = K_IO;
    } else {
        status = unfixed || blocks_failed ? K_CHECK : K_OK;
    }
    free(out.data);
    return status;
}

static int knit(const knit_req *q)
{
    bool color = cx_cli_color_ok(STDERR_FILENO);
    if (q->output && same_file(q->input, q->output))
        return usage("the output '%s' is the report itself; the report is never overwritten",
                     q->output);
    /* The output is replaced by renaming a new file over it: never do that
     * to a device, a pipe or a folder (-o /dev/null as root would replace
     * the device with a file). */
    struct stat ost;
    if (q->output && lstat(q->output, &ost) == 0 && !S_ISREG(ost.st_mode))
        return usage("the output '%s' exists and is not a regular file; give a file name "
                     "(--check writes nothing)",
                     q->output);
    knit_run k = {
        .digits = q->opt.digits, .name = q->input, .lc_line = 1, .keep_going = q->keep_going};
    k.cx = cx_state_new(&q->opt);
    if (!k.cx) {
        fputs("cx knit: error: out of memory\n", stderr);
        return K_IO;
    }
    cx_state_set_output(k.cx, on_output, &k);
    int status = K_OK;
    for (size_t i = 0; i < q->n_allow; i++)
        if (!cx_state_allow_read(k.cx, q->allow[i])) {
            bool nomem = errno == ENOMEM;
            fprintf(stderr, "cx knit: error: --allow-read %s: %s\n", q->allow[i],
                    nomem ? "out of memory" : "not a folder");
            cx_state_free(k.cx);
            return nomem ? K_IO : K_USAGE;
        }
    uint32_t report = cx_report_load(k.cx, q->input, &k.doc.text, &k.doc.len);
    if (!report) {
        print_errors(&k, 0, color, NULL);
        cx_error_info e;
        status = cx_error_get(k.cx, 0, &e) && e.kind == CX_ERRK_LIMIT ? K_LIMIT : K_IO;
        cx_state_free(k.cx);
        return status;
    }
    if (!cx_knit_scan(&k.doc)) k.oom = true;
    if (!k.oom) status = check_syntax(&k, report, color);
    if (!k.oom && (status == K_OK || (q->keep_going && !k.too_many))) {
        int s = run_items(&k, report, color);
        if (s > status) status = s;
    }
    if (k.out_of_memory && status < K_LIMIT) status = K_LIMIT;
    if (k.n_errors > MAX_ERRORS_SHOWN)
        fprintf(stderr, "cx knit: %zu more errors not shown here\n", k.n_errors - MAX_ERRORS_SHOWN);
    if (k.too_many)
        fprintf(stderr, "cx knit: more than %d errors: --keep-going gave up; nothing written\n",
                MAX_ERRORS_KEPT);
    if (k.n_failed > MAX_FAIL_LINES)
        fprintf(stderr, "cx knit: %zu more failed checks and figures not shown here\n",
                k.n_failed - MAX_FAIL_LINES);
    if (k.oom) {
        fputs("cx knit: error: out of memory\n", stderr);
        status = K_IO;
    }
    if ((status == K_OK || status == K_CHECK || (q->keep_going && !k.oom && !k.too_many)) &&
        q->output) {
        knit_buf out = {0};
        const char *base = strrchr(q->input, '/');
        bool ok = true, charts_failed = false;
        size_t lost = SIZE_MAX;
        char why[512];
        if (q->html && !cx_cmark_load(why, sizeof why)) {
            fprintf(stderr, "cx knit: error: cannot render HTML: %s\n", why);
            charts_failed = true; /* said: nothing written */
            status = K_IO;
        } else if (q->html) {
            render_deadline(q->opt.timeout_ms);
            ok = cx_knit_html(&k.doc, base ? base + 1 : q->input, q->unsafe, q->opt.digits, &out,
                              &lost);
            render_deadline(0);
        } else {
            char *failed = NULL;
            if (write_charts(&k.doc, q->output, &failed)) {
                cx_knit_markdown(&k.doc, &out, NULL);
            } else {
                if (errno == ENOMEM) fputs("cx knit: error: out of memory\n", stderr);
                else
                    fprintf(stderr, "cx knit: error: cannot write '%s': %s\n", failed,
                            strerror(errno));
                free(failed);
                charts_failed = true;
                status = K_IO;
            }
        }
        if (charts_failed) {
            /* Said above: no Markdown without the images it links. */
        } else if (lost != SIZE_MAX) {
            const knit_item *it = &k.doc.items[lost];
            if (cx_report_error(k.cx, report, it->start, it->end - it->start,
                                "this cx construct has no place in the HTML page: Markdown "
                                "reads it as part of raw HTML, a link or a code block",
                                "move it out; cx blocks start at the left margin, outside "
                                "lists and quotes")) {
                print_errors(&k, cx_error_count(k.cx) - 1, color, NULL);
                status = K_ERROR;
            } else { /* the error could not be recorded: say why, never nothing */
                fputs("cx knit: error: out of memory\n", stderr);
                status = K_IO;
            }
        } else if (!ok || out.failed) {
            fputs("cx knit: error: out of memory while rendering\n", stderr);
            status = K_IO;
        } else if (!write_atomic(q->output, out.data ? out.data : "", out.len, 0)) {
            if (errno == ENOMEM) fputs("cx knit: error: out of memory\n", stderr);
            else
                fprintf(stderr, "cx knit: error: cannot write '%s': %s\n", q->output,
                        strerror(errno));
            status = K_IO;
        }
        free(out.data);
    }
    if ((status == K_OK || status == K_CHECK) && q->fix) status = fix(&k, q->input, status);
    if (q->json && k.doc.text &&
        !cx_knit_json(&k.doc, q->input, status, json_line_col, &k, stdout)) {
        fputs(errno == ENOMEM ? "cx knit: error: out of memory\n"
                              : "cx knit: error: cannot write the JSON document\n",
              stderr);
        status = K_IO;
    }
    cx_knit_doc_free(&k.doc);
    cx_state_free(k.cx);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "cx knit: error: cannot write output: %s\n", strerror(errno ? errno : EIO));
        return K_IO;
    }
    return status;
}

int cx_cli_knit(int argc, char **argv)
{
    knit_req q = {0};
    cx_options_default(&q.opt); /* a finite timeout: a report may come from anyone */
    q.allow = calloc((size_t)argc, sizeof *q.allow);
    if (!q.allow) {
        fputs("cx knit: error: out of memory\n", stderr);
        return K_IO;
    }
    int status = parse(argc, argv, &q);
    if (status == K_OK) status = knit(&q);
    else if (status < 0) status = K_OK;
    free(q.allow);
    return status;
}
