/* report.c - how a run reaches the user: output records on stdout and
 * rendered errors on stderr, filtered by --quiet, coloured only on a
 * terminal, or gathered into the one JSON document of --json
 * (docs/json.md).  It decides presentation only, never the exit status. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

#define RED_BOLD "\033[1;31m"
#define RESET    "\033[0m"

bool cx_cli_color_ok(int fd)
{
    const char *term = getenv("TERM");
    const char *no_color = getenv("NO_COLOR");
    /* no-color.org: any non-empty NO_COLOR disables colour. */
    if (no_color && *no_color) return false;
    if (!term || strcmp(term, "dumb") == 0) return false;
    return isatty(fd);
}

void cx_cli_report_init(cx_cli_report *r, cx_cli_format format, bool quiet)
{
    memset(r, 0, sizeof *r);
    r->format = format;
    r->quiet = quiet;
    r->digits = 10;
    if (format == CX_CLI_CSV && !(r->csv = cx_cli_csv_new())) r->write_failed = true;
    r->color_out = format == CX_CLI_TEXT && cx_cli_color_ok(STDOUT_FILENO);
    /* With --csv, standard output is the CSV: the other records go to
     * standard error, as text. */
    r->text_out = format == CX_CLI_CSV ? stderr : stdout;
    r->color_err = cx_cli_color_ok(STDERR_FILENO);
}

static void out_text(cx_cli_report *r, const char *s)
{
    if (fputs(s, r->text_out) == EOF) r->write_failed = true;
}

void cx_cli_report_begin(cx_cli_report *r)
{
    if (r->format == CX_CLI_JSON)
        out_text(r, "{\n  \"version\": \"" CX_VERSION "\",\n  \"outputs\": [");
}

static const char *const output_kinds[] = {"value", "print", "check", "table", "note", "chart"};
static const char *const error_kinds[] = {"syntax", "name", "type",    "math",
                                          "limit",  "io",   "internal"};

/* One record as a one-line JSON object; NULL on allocation failure. */
static char *output_json(const cx_output *o, int digits)
{
    char *b = NULL, num[32];
    size_t len = 0, cap = 0;
    bool ok = true;
    bool check = o->kind == CX_OUT_CHECK;
    unsigned k = (unsigned)o->kind;
    snprintf(num, sizeof num, "%zu", o->line);
#define RAW(t) (ok = ok && cx_cli_json_raw(&b, &len, &cap, (t)))
#define STR(s) (ok = ok && cx_cli_json_string(&b, &len, &cap, (s)))
    RAW("{\"kind\": ");
    STR(k < sizeof output_kinds / sizeof *output_kinds ? output_kinds[k] : "unknown");
    RAW(", \"text\": ");
    STR(o->text);
    RAW(", \"expr\": ");
    STR(o->expr);
    RAW(", \"value\": ");
    STR(o->value);
    RAW(", \"rhs\": ");
    STR(o->rhs);
    RAW(", \"detail\": ");
    STR(o->detail);
    RAW(", \"passed\": ");
    RAW(check ? (o->passed ? "true" : "false") : "null");
    if (o->scenario) { /* a member checks in all scenarios alone have (docs/json.md) */
        RAW(", \"scenario\": ");
        STR(o->scenario);
    }
    if (o->verdict) { /* a member checks over bounds alone have */
        RAW(", \"verdict\": ");
        STR(o->verdict);
    }
    RAW(", \"approx\": ");
    RAW(o->approx ? "true" : "false");
    RAW(", \"file\": ");
    STR(o->file);
    RAW(", \"line\": ");
    RAW(o->line ? num : "null");
    /* The values behind the text (docs/json.md, "Values"). */
    bool table = o->kind == CX_OUT_TABLE && o->columns;
    RAW(", \"type\": ");
    STR(o->result && !table ? cx_kind_name(cx_value_kind(o->result)) : NULL);
    RAW(", \"result\": ");
    ok = ok && cx_cli_json_value(&b, &len, &cap, table ? NULL : o->result, digits);
    RAW(", \"rhs_result\": ");
    ok = ok && cx_cli_json_value(&b, &len, &cap, o->rhs_result, digits);
    /* Units (docs/json.md): members only values with a unit have. */
    char *unit = table ? NULL : cx_value_unit(o->result);
    char *rhs_unit = cx_value_unit(o->rhs_result);
    if (unit) {
        RAW(", \"unit\": ");
        STR(unit);
    }
    if (rhs_unit) {
        RAW(", \"rhs_unit\": ");
        STR(rhs_unit);
    }
    cx_free(unit);
    cx_free(rhs_unit);
    RAW(", \"columns\": ");
    if (table) {
        RAW("[");
        for (size_t i = 0; i < o->n_columns; i++) {
            if (i) RAW(", ");
            STR(o->columns[i]);
        }
        RAW("]");
    } else {
        RAW("null");
    }
    RAW(", \"rows\": ");
    ok = ok && cx_cli_json_value(&b, &len, &cap, table ? o->result : NULL, digits);
    if (o->kind == CX_OUT_CHART) { /* a member charts alone have (docs/json.md) */
        RAW(", \"chart\": {\"style\": ");
        STR(o->chart_style);
        RAW(", \"format\": ");
        STR(o->chart_format);
        RAW(", \"title\": ");
        STR(o->chart_title);
        RAW(", \"series\": [");
        for (size_t i = 0; i < o->n_columns; i++) {
            if (i) RAW(", ");
            STR(o->columns[i]);
        }
        RAW("]}");
    }
    RAW("}");
#undef RAW
#undef STR
    if (!ok) {
        free(b);
        return NULL;
    }
    return b;
}

/* --chart-svg DIR: the chart as DIR/chart-N.svg, N counting the run's
 * charts from 1.  A file that cannot be written is an I/O failure. */
static void write_chart_svg(cx_cli_report *r, const cx_output *o)
{
    char *svg = cx_output_chart_svg(o);
    size_t n = strlen(r->chart_dir) + 32;
    char *path = malloc(n);
    if (!svg || !path) {
        fputs("cx: error: out of memory\n", stderr);
        r->chart_failed = true;
    } else {
        snprintf(path, n, "%s/chart-%zu.svg", r->chart_dir, ++r->n_charts);
        errno = 0;
        FILE *f = fopen(path, "w");
        bool ok = f && fputs(svg, f) != EOF;
        if (f && fclose(f) != 0) ok = false;
        if (!ok) {
            if (fflush(stdout) == EOF) r->write_failed = true;
            fprintf(stderr, "cx: error: cannot write %s: %s\n", path,
                    strerror(errno ? errno : EIO));
            r->chart_failed = true;
        }
    }
    free(path);
    free(svg);
}

void cx_cli_report_output(void *ud, const cx_output *o)
{
    cx_cli_report *r = ud;
    bool failed_check = o->kind == CX_OUT_CHECK && !o->passed;
    if (o->kind == CX_OUT_CHART && r->chart_dir) write_chart_svg(r, o);
    if (r->quiet && !failed_check) return;
    if (r->format == CX_CLI_JSON) {
        char *obj = output_json(o, r->digits);
        if (!obj) {
            r->write_failed = true;
            return;
        }
        out_text(r, r->n_outputs++ ? ",\n    " : "\n    ");
        out_text(r, obj);
        free(obj);
        return;
    }
    if (r->format == CX_CLI_CSV) {
        if (o->kind == CX_OUT_TABLE && cx_cli_csv_table(r->csv, o, r->digits)) return;
        if (cx_cli_csv_keep_series(r->csv, o, r->digits)) return;
    }
    /* Only the verdict is red: the claim itself stays readable.  The line
     * is rebuilt from the record's parts, as the library wrote its text. */
    if (failed_check && r->color_out) {
        out_text(r, RED_BOLD "FAIL" RESET "  ");
        out_text(r, o->expr ? o->expr : "");
        out_text(r, "  [");
        out_text(r, o->detail ? o->detail : "");
        out_text(r, "]\n");
        return;
    }
    out_text(r, o->text);
    out_text(r, "\n");
}

/* Appends one error object to the kept JSON errors. */
static void keep_error(cx_cli_report *r, const cx_error_info *e, const char *rendered)
{
    char num[4][32];
    size_t pos[4] = {e->line, e->col, e->end_line, e->end_col};
    for (int i = 0; i < 4; i++) snprintf(num[i], sizeof num[i], "%zu", pos[i]);
    bool where = e->file && e->line;
    unsigned k = (unsigned)e->kind;
    char **b = &r->errors;
    size_t *len = &r->errors_len, *cap = &r->errors_cap;
    bool ok = true;
#define RAW(t) (ok = ok && cx_cli_json_raw(b, len, cap, (t)))
#define STR(s) (ok = ok && cx_cli_json_string(b, len, cap, (s)))
    RAW(r->n_errors++ ? ",\n    " : "\n    ");
    RAW("{\"kind\": ");
    STR(k < sizeof error_kinds / sizeof *error_kinds ? error_kinds[k] : "internal");
    RAW(", \"code\": ");
    STR(e->code);
    RAW(", \"message\": ");
    STR(e->message);
    RAW(", \"hint\": ");
    STR(e->hint);
    RAW(", \"file\": ");
    STR(e->file);
    static const char *const keys[4] = {
        ", \"line\": ", ", \"col\": ", ", \"end_line\": ", ", \"end_col\": "};
    for (int i = 0; i < 4; i++) {
        RAW(keys[i]);
        RAW(where ? num[i] : "null");
    }
    RAW(", \"at_end_of_input\": ");
    RAW(e->at_end_of_input ? "true" : "false");
    RAW(", \"rendered\": ");
    STR(rendered);
    RAW("}");
#undef RAW
#undef STR
    if (!ok) r->write_failed = true;
}

/* An error without its source line and caret, for when rendering it ran
 * out of memory: the error must still be seen. */
static void plain_error(cx_cli_report *r, const cx_state *cx, size_t i)
{
    cx_error_info e;
    if (!cx_error_get(cx, i, &e)) return;
    int n;
    if (e.file && e.line)
        n = fprintf(stderr, "%s:%zu:%zu: error: %s\n", e.file, e.line, e.col, e.message);
    else if (e.file) n = fprintf(stderr, "%s: error: %s\n", e.file, e.message);
    else n = fprintf(stderr, "cx: error: %s\n", e.message);
    if (n < 0) r->write_failed = true;
}

void cx_cli_report_errors(cx_cli_report *r, const cx_state *cx)
{
    /* What came before the error reaches a shared pipe (2>&1) before it. */
    if (cx_error_count(cx) && fflush(stdout) == EOF) r->write_failed = true;
    for (size_t i = 0; i < cx_error_count(cx); i++) {
        char *msg = cx_error_render(cx, i, r->color_err);
        if (msg && fputs(msg, stderr) == EOF) r->write_failed = true;
        if (!msg) plain_error(r, cx, i);
        if (r->format == CX_CLI_JSON) {
            cx_error_info e;
            char *plain = r->color_err ? cx_error_render(cx, i, false) : NULL;
            if (cx_error_get(cx, i, &e)) keep_error(r, &e, plain ? plain : msg);
            free(plain);
        }
        free(msg);
    }
}

void cx_cli_report_error(cx_cli_report *r, cx_err_kind kind, const char *code, const char *file,
                         const char *message, const char *hint)
{
    const char *red = r->color_err ? RED_BOLD : "", *reset = r->color_err ? RESET : "";
    if (fflush(stdout) == EOF) r->write_failed = true;
    fprintf(stderr, "cx: %serror:%s %s\n", red, reset, message);
    if (hint) fprintf(stderr, "hint: %s\n", hint);
    if (r->format != CX_CLI_JSON) return;
    size_t n = strlen(message) + (hint ? strlen(hint) : 0) + 32;
    char *rendered = malloc(n);
    if (rendered)
        snprintf(rendered, n, "cx: error: %s\n%s%s%s", message, hint ? "hint: " : "",
                 hint ? hint : "", hint ? "\n" : "");
    cx_error_info e = {.kind = kind, .code = code, .message = message, .hint = hint, .file = file};
    keep_error(r, &e, rendered);
    free(rendered);
}

void cx_cli_report_end(cx_cli_report *r, const cx_state *cx, int status)
{
    if (r->format == CX_CLI_JSON) {
        char tail[160];
        out_text(r, r->n_outputs ? "\n  ],\n  \"errors\": [" : "],\n  \"errors\": [");
        if (r->errors) out_text(r, r->errors);
        snprintf(tail, sizeof tail,
                 "%s],\n  \"checks\": {\"passed\": %zu, \"failed\": %zu},\n  \"status\": %d\n}\n",
                 r->n_errors ? "\n  " : "", cx ? cx_checks_passed(cx) : 0,
                 cx ? cx_checks_failed(cx) : 0, status);
        out_text(r, tail);
    }
    if (r->csv && !cx_cli_csv_end(r->csv)) r->write_failed = true;
    r->csv = NULL;
    free(r->errors);
    r->errors = NULL;
    r->errors_len = r->errors_cap = r->n_errors = 0;
}

void cx_cli_complain(const cx_cli_report *r, const char *msg, const char *arg)
{
    bool c = r->color_err;
    fprintf(stderr, "%serror:%s ", c ? "\033[1;31m" : "", c ? "\033[0m" : "");
    fprintf(stderr, msg, arg);
    fputc('\n', stderr);
}
