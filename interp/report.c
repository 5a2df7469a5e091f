/* report.c - implements the report part of include/cx.h: a report file read
 * as the run's entry, and its cx parts run as regions (runtime/source.h):
 * each parsed alone, in the one state, with errors shown at the report's
 * own lines.  What a report looks like (Markdown) is the host's business;
 * this file only runs what it is handed.  Bound numbers: bound.c. */
/* realpath() and PATH_MAX, as in state.c */
#define _XOPEN_SOURCE 700
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "../lang/parse.h"
#include "../runtime/limits.h"
#include "display.h"
#include "eval.h"
#include "exec.h"
#include "output.h"
#include "report.h"
#include "../runtime/grow.h"

uint32_t cx_report_load(cx_state *st, const char *path, const char **text, size_t *len)
{
    st->interrupted = 0;
    cx_diag_clear(&st->diag);
    st->n_includes = 0;
    /* The budget covers the whole report: no region restarts it. */
    cx_budget_start(&st->budget);
    cx_numalloc_account *prev = cx_numalloc_use(&st->mem);
    char resolved[PATH_MAX];
    uint32_t id = 0;
    if (cx_files_find(&st->files, &st->diag, path, path, true, CX_NO_SPAN, resolved))
        id = cx_files_load(&st->files, &st->sources, &st->diag, path, resolved,
                           st->opt.max_source_bytes, CX_NO_SPAN);
    cx_numalloc_use(prev);
    if (!id) return 0;
    const cx_source *src = cx_sources_get(&st->sources, id);
    *text = src->text;
    *len = src->len;
    return id;
}

uint32_t cx_region_new(cx_state *st, uint32_t parent, size_t start, size_t len, bool expression)
{
    /* An expression gets the ';' a statement needs, on a line of its own
     * so a trailing comment cannot swallow it; it shows at the region's
     * end. */
    return cx_sources_add_region(&st->sources, parent, start, len, expression ? "\n;" : NULL);
}

bool cx_report_error(cx_state *st, uint32_t src, size_t start, size_t len, const char *message,
                     const char *hint)
{
    const cx_source *s = cx_sources_get(&st->sources, src);
    cx_span at = CX_NO_SPAN;
    if (s && start <= s->len && len <= s->len - start)
        at = (cx_span){src, (uint32_t)start, (uint32_t)(start + len)};
    cx_error *e = cx_diag_add(&st->diag, CX_E_SYNTAX_REPORT, at, "%s", message);
    if (e && hint) cx_error_set_hint(e, "%s", hint);
    return e != NULL;
}

/* ==== running a region ====================================================== */

typedef struct region_run {
    cx_eval E;
    bool expression; /* one expression: evaluate it into `value` */
    bool run;        /* false: the syntax pass, nothing runs */
    size_t n_stmts;
    bool kept;      /* a statement's nodes stay (a function definition) */
    cx_value value; /* the expression's value */
} region_run;

/* An expression region holds exactly one bare expression. */
static bool one_expression(region_run *R, const cx_ast *n)
{
    if (n->kind == CX_AST_EXPR_STMT && R->n_stmts == 1) return true;
    cx_error *e = cx_diag_add(&R->E.st->diag, CX_E_SYNTAX_REPORT, n->span,
                              R->n_stmts == 1 ? "an inline value must be an expression"
                                              : "an inline value is one expression, not several");
    if (e) cx_error_set_hint(e, "define it in a ```cx block and show the name here: `{cx} name`");
    return false;
}

static cx_stmt_next on_stmt(void *ud, const cx_ast *n)
{
    region_run *R = ud;
    R->n_stmts++;
    if (R->expression && !one_expression(R, n)) return CX_STMT_STOP;
    if (!R->run) return CX_STMT_RELEASE;
    if (R->expression) {
        cx_status s = cx_eval_step(&R->E, n->span);
        if (s == CX_OK) s = cx_eval_expr(&R->E, cx_ast_value(n), &R->value);
        if (!cx_output_flush_notes(R->E.st, s == CX_OK) && s == CX_OK)
            s = cx_eval_oom(&R->E, n->span);
        return s == CX_OK ? CX_STMT_RELEASE : CX_STMT_STOP;
    }
    if (cx_exec_stmt(&R->E, n) != CX_OK) return CX_STMT_STOP;
    if (n->kind != CX_AST_FN) return CX_STMT_RELEASE;
    R->kept = true;
    return CX_STMT_KEEP;
}

static cx_run_status status_since(cx_state *st, size_t failed_before)
{
    cx_run_status s = cx_state_status(st);
    if (s == CX_RUN_OK && st->failed > failed_before) s = CX_RUN_CHECK_FAILED;
    return s;
}

/* A syntax error at the ';' an expression region was given names what the
 * author sees there: the end of the expression. */
static void say_end(cx_state *st, uint32_t id, uint32_t mapped)
{
    for (size_t i = 0; i < st->diag.len; i++) {
        cx_error *e = &st->diag.items[i];
        const char *found = e->message ? strstr(e->message, "found ';'") : NULL;
        if (e->span.src != id || e->span.start < mapped || !found) continue;
        cx_error_set_message(e, "%.*sfound the end of the code%s", (int)(found - e->message),
                             e->message, found + strlen("found ';'"));
    }
}

/* Parses region `id` (a syntax pass; then, when `run`, a second pass that
 * runs each statement as it is parsed, as state.c runs a file).  A unit is
 * kept only when a function definition points into it, so a report of many
 * small blocks holds no more than its functions.  R->value gets an
 * expression's value. */
static cx_status region_parse(cx_state *st, uint32_t id, region_run *R)
{
    const cx_source *src = cx_sources_get(&st->sources, id);
    if (!src || !src->region) {
        cx_diag_add(&st->diag, CX_E_INTERNAL_SOURCE, CX_NO_SPAN, "no region with id %u",
                    (unsigned)id);
        return CX_FAIL;
    }
    cx_parse_opts po = {.max_source_bytes = st->opt.max_source_bytes,
                        .max_nesting = st->opt.max_nesting,
                        .max_errors = CX_MAX_SYNTAX_ERRORS,
                        .num_ctx = &st->nctx,
                        .on_stmt = on_stmt,
                        .stmt_ud = R};
    bool run = R->run;
    cx_status s = CX_OK;
    /* The syntax pass, unless cx_region_check has made it already (a
     * report is checked whole before anything runs). */
    if (!src->checked) {
        R->run = false;
        cx_unit check;
        s = cx_parse(&check, &st->sources, id, &po, &st->diag);
        cx_unit_free(&check);
        if (s != CX_OK && R->expression) say_end(st, id, src->mapped);
        if (s == CX_OK && R->expression && R->n_stmts == 0) {
            cx_span at = {id, 0, (uint32_t)src->len};
            cx_error *e =
                cx_diag_add(&st->diag, CX_E_SYNTAX_REPORT, at, "an inline value is empty");
            if (e) cx_error_set_hint(e, "write an expression after {cx}: `{cx} capex 2025`");
            s = CX_FAIL;
        }
        if (s == CX_OK) st->sources.items[id - 1].checked = true;
    }
    if (s != CX_OK || !run) return s;

    cx_unit *u = calloc(1, sizeof *u);
    if (!u || !CX_GROW(st->units, st->cap_units, st->n_units, 8)) {
        free(u);
        cx_diag_add(&st->diag, CX_E_LIMIT_MEMORY, CX_NO_SPAN, "out of memory");
        return CX_FAIL;
    }
    R->run = true;
    R->n_stmts = 0;
    bool outermost = st->stack_base == 0;
    if (outermost) st->stack_base = (uintptr_t)&R->E;
    if (cx_scenarios_run_begin(st, id)) {
        po.no_lac = true; /* checked: no syntax error message can come out */
        s = cx_parse(u, &st->sources, id, &po, &st->diag);
    } else {
        cx_diag_add(&st->diag, CX_E_LIMIT_MEMORY, CX_NO_SPAN, "out of memory");
        s = CX_FAIL;
    }
    cx_scenarios_run_end(st);
    if (outermost) st->stack_base = 0;
    if (R->kept) {
        st->units[st->n_units++] = u;
    } else {
        cx_unit_free(u);
        free(u);
    }
    return s;
}

/* What every region call does first: the last call's errors go, the
 * budget (started by cx_report_load) does not restart. */
static cx_numalloc_account *region_begin(cx_state *st)
{
    cx_diag_clear(&st->diag);
    return cx_numalloc_use(&st->mem);
}

cx_run_status cx_region_check(cx_state *st, uint32_t id)
{
    cx_numalloc_account *prev = region_begin(st);
    const cx_source *src = cx_sources_get(&st->sources, id);
    /* An expression region is the one with a suffix (the ';' that
     * cx_region_new adds): its text runs past the bytes it maps. */
    region_run R = {.E = {.st = st}, .expression = src && src->len != src->mapped};
    cx_value_init(&R.value);
    region_parse(st, id, &R);
    cx_value_clear(&R.value);
    cx_numalloc_use(prev);
    return cx_state_status(st);
}

cx_run_status cx_region_run(cx_state *st, uint32_t id)
{
    cx_numalloc_account *prev = region_begin(st);
    size_t failed = st->failed;
    region_run R = {.E = {.st = st}, .run = true};
    cx_value_init(&R.value);
    region_parse(st, id, &R);
    cx_value_clear(&R.value);
    cx_numalloc_use(prev);
    return status_since(st, failed);
}

cx_status cx_report_eval(cx_state *st, uint32_t id, cx_value *out)
{
    region_run R = {.E = {.st = st}, .expression = true, .run = true};
    cx_value_init(&R.value);
    cx_status s = region_parse(st, id, &R);
    if (s == CX_OK) cx_value_move(out, &R.value);
    cx_value_clear(&R.value);
    return s;
}

cx_run_status cx_region_value(cx_state *st, uint32_t id, char **text)
{
    *text = NULL;
    cx_numalloc_account *prev = region_begin(st);
    cx_value v;
    cx_value_init(&v);
    if (cx_report_eval(st, id, &v) == CX_OK) {
        *text = cx_display_value(&v, st->opt.digits);
        if (!*text) cx_diag_add(&st->diag, CX_E_LIMIT_MEMORY, CX_NO_SPAN, "out of memory");
    }
    cx_value_clear(&v);
    cx_numalloc_use(prev);
    cx_run_status s = cx_state_status(st);
    if (s != CX_RUN_OK) {
        free(*text);
        *text = NULL;
    }
    return s;
}
