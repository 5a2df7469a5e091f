/* state.c - implements include/cx.h: a cx_state's life, running a file or a
 * string (read with a size bound, parse, evaluate), includes with cycle and
 * depth checks, the run's status, and access to errors for the host. */
/* realpath() for include cycle detection */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../lang/parse.h"
#include "../stdlib/builtins.h"
#include "../runtime/diag.h"
#include "display.h"
#include "exec.h"
#include "output.h"
#include "../runtime/limits.h"
#include "../runtime/numalloc.h"
#include "../runtime/grow.h"
#include "../runtime/series.h"

void cx_options_default(cx_options *o)
{
    memset(o, 0, sizeof *o);
    o->digits = CX_DEFAULT_DIGITS;
    o->precision_bits = CX_DEFAULT_PRECISION_BITS;
    o->max_source_bytes = CX_DEFAULT_MAX_SOURCE_BYTES;
    o->max_nesting = CX_DEFAULT_MAX_NESTING;
    o->max_call_depth = CX_DEFAULT_MAX_CALL_DEPTH;
    o->max_result_digits = CX_DEFAULT_MAX_RESULT_DIGITS;
    o->max_include_depth = CX_DEFAULT_MAX_INCLUDE_DEPTH;
    o->max_series = CX_DEFAULT_MAX_SERIES;
    o->max_memory_mb = CX_DEFAULT_MAX_MEMORY_MB;
    o->repl = false;
    o->timeout_ms = CX_DEFAULT_TIMEOUT_MS;
    o->max_steps = 0;
    o->single_run = false;
}

size_t cx_options_size(void) { return sizeof(cx_options); }

void cx_set_out_of_memory_handler(void (*fn)(size_t request)) { cx_numalloc_set_fatal(fn); }

static bool options_valid(const cx_options *o)
{
    return o->digits >= 1 && o->digits <= CX_MAX_DIGITS && o->precision_bits >= 16 &&
           o->precision_bits <= CX_MAX_PRECISION_BITS && o->max_source_bytes > 0 &&
           o->max_source_bytes <= INT_MAX && o->max_nesting >= 1 && o->max_nesting <= 100000 &&
           o->max_call_depth >= 1 && o->max_call_depth <= 100000 && o->max_result_digits >= 1 &&
           o->max_result_digits <= 1000000000L && o->max_include_depth >= 1 && o->max_series >= 1 &&
           o->max_memory_mb >= 1 && o->timeout_ms >= 0 && o->timeout_ms <= CX_MAX_TIMEOUT_MS &&
           o->max_steps >= 0;
}

/* Three quarters of the stack a thread gets by default (glibc sizes new
 * threads' stacks by RLIMIT_STACK too; 8 MiB when it is unlimited): the
 * rest is for the frames above the run and for built-ins' own work. */
static size_t stack_budget(void)
{
    size_t size = 8u << 20;
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
        rl.rlim_cur < ((rlim_t)1 << 30))
        size = (size_t)rl.rlim_cur;
    return size / 4 * 3;
}

cx_state *cx_state_new(const cx_options *o)
{
    cx_options def;
    if (!o) {
        cx_options_default(&def);
        o = &def;
    }
    if (!options_valid(o)) return NULL;
    cx_numalloc_install();
    cx_state *st = calloc(1, sizeof *st);
    if (!st) return NULL;
    st->opt = *o;
    st->mem.limit = (size_t)o->max_memory_mb * 1024 * 1024;
    /* log2(10) < 3.3220: a slight over-estimate of the bits a digit needs. */
    st->nctx.max_bits = (long)(o->max_result_digits * 3322 / 1000 + 1);
    st->nctx.prec = (mpfr_prec_t)o->precision_bits;
    cx_sources_init(&st->sources);
    cx_env_init(&st->env);
    cx_diag_init(&st->diag);
    cx_files_init(&st->files);
    cx_memo_init(&st->memo);
    cx_scenarios_init(&st->scen);
    cx_bounds_init(&st->bounds);
    st->stack_budget = stack_budget();
    st->budget = (cx_budget){.max_steps = (uint64_t)o->max_steps,
                             .timeout_ms = o->timeout_ms,
                             .interrupted = &st->interrupted,
                             .memory_mb = o->max_memory_mb};
    return st;
}

void cx_state_free(cx_state *st)
{
    if (!st) return;
    cx_numalloc_account *prev = cx_numalloc_use(&st->mem);
    cx_memo_free(&st->memo); /* before the units: entries point at their nodes */
    cx_recurrences_free(&st->recur);
    (void)cx_output_flush_notes(st, false); /* drops them: cannot fail */
    free(st->notes);
    (void)cx_output_release(st, 0, false);
    free(st->held);
    cx_scenarios_free(&st->scen);
    cx_env_free(&st->env);
    cx_bounds_free(&st->bounds); /* after the values that use its inputs */
    for (size_t i = 0; i < st->n_units; i++) {
        cx_unit_free(st->units[i]);
        free(st->units[i]);
    }
    free(st->units);
    cx_sources_free(&st->sources);
    cx_files_free(&st->files);
    cx_diag_clear(&st->diag);
    free(st->diag.items);
    for (size_t i = 0; i < st->include_depth; i++) free(st->include_stack[i]);
    free(st->include_stack);
    for (size_t i = 0; i < st->n_counts; i++) free(st->counts[i]);
    free(st->counts);
    free(st->count_spans);
    cx_numalloc_use(prev);
    free(st);
    /* MPFR caches constants; free them so leak checkers see nothing left. */
    mpfr_free_cache();
}

void cx_state_set_digits(cx_state *st, int digits)
{
    if (digits >= 1 && digits <= CX_MAX_DIGITS) st->opt.digits = digits;
}

void cx_state_interrupt(cx_state *st) { st->interrupted = 1; }

void cx_state_set_output(cx_state *st, cx_output_fn fn, void *ud)
{
    st->out_fn = fn;
    st->out_ud = ud;
}

size_t cx_checks_passed(const cx_state *st) { return st->passed; }
size_t cx_checks_failed(const cx_state *st) { return st->failed; }

/* ==== reading ============================================================== */

static cx_status source_too_big(cx_state *st, const char *path, cx_span at)
{
    cx_files_too_big(&st->diag, path, st->opt.max_source_bytes, at);
    return CX_FAIL;
}

/* The syntax pass's hook: the statement was only parsed for its errors. */
static cx_stmt_next check_stmt(void *ud, const cx_ast *n)
{
    (void)ud;
    (void)n;
    return CX_STMT_RELEASE;
}

static cx_status out_of_memory(cx_state *st, cx_span at)
{
    cx_diag_add(&st->diag, CX_E_LIMIT_MEMORY, at, "out of memory");
    return CX_FAIL;
}

/* What the running hook knows of the source it runs. */
typedef struct run_ctx {
    cx_eval E;
    bool once;    /* run as it is parsed, before the parse has reached the end */
    bool stopped; /* once: a statement failed, the rest is only parsed */
    bool paused;  /* once: the held output grew past CX_HOLD_BYTES */
    size_t ran;   /* statements run */
    size_t skip;  /* statements passed over first (run before a pause) */
} run_ctx;

/* Held output past which a source parsed once stops running until its
 * parse has ended, then runs the rest from a second parse: the output a
 * script holds back stays bounded whatever it prints. */
enum { CX_HOLD_BYTES = 16 << 20 };

/* The running hook: runs the statement just parsed.  A function
 * definition's binding points into its nodes (exec_fn in exec.c), and so
 * does a lean recurrence (recurrence.h), so the unit keeps those; every
 * other statement's nodes can go. */
static cx_stmt_next run_stmt(void *ud, const cx_ast *n)
{
    run_ctx *R = ud;
    if (R->stopped || R->paused) return CX_STMT_RELEASE;
    if (R->skip) {
        R->skip--;
        return CX_STMT_RELEASE;
    }
    R->E.keep_stmt = false;
    bool ok = cx_exec_stmt(&R->E, n) == CX_OK;
    /* Output that could not be held ends the run here, as out of memory. */
    if (ok && R->once && R->E.st->held_lost) ok = out_of_memory(R->E.st, n->span) == CX_OK;
    cx_stmt_next keep = n->kind == CX_AST_FN || R->E.keep_stmt ? CX_STMT_KEEP : CX_STMT_RELEASE;
    if (!ok) {
        if (!R->once) return CX_STMT_STOP; /* the unit keeps every node */
        R->stopped = true;                 /* the parse goes on: a syntax error further on wins */
        return keep;
    }
    R->ran++;
    if (R->once && R->E.st->held_bytes > CX_HOLD_BYTES) R->paused = true;
    return keep;
}

/* Parses source `id` into u, handing each statement to the running hook
 * R as it comes; parse errors go to diag. */
static cx_status parse_running(cx_state *st, cx_unit *u, uint32_t id, cx_parse_opts *po, run_ctx *R,
                               cx_diag *diag)
{
    po->on_stmt = run_stmt;
    po->stmt_ud = R;
    po->no_lac = true;
    /* The outermost run marks where the stack starts (includes nest). */
    bool outermost = st->stack_base == 0;
    if (outermost) st->stack_base = (uintptr_t)&R;
    cx_status s = cx_parse(u, &st->sources, id, po, diag);
    if (outermost) st->stack_base = 0;
    return s;
}

/* Parses source `id` into u and runs each statement as it comes: a source
 * known to parse (the syntax pass found no error, no syntax error message
 * can come out), or one a scenario runs again. */
static cx_status run_parsed(cx_state *st, cx_unit *u, uint32_t id, cx_parse_opts *po, cx_span at)
{
    if (!cx_scenarios_run_begin(st, id)) {
        cx_scenarios_run_end(st);
        return out_of_memory(st, at);
    }
    run_ctx R = {.E = {.st = st}};
    cx_status s = parse_running(st, u, id, po, &R, &st->diag);
    cx_scenarios_run_end(st);
    return s;
}

/* Whether source `id` parses without an error, found by the parser without
 * LAC, which stops at the second error; its messages are thrown away. */
static bool parses(cx_state *st, uint32_t id, const cx_parse_opts *opts)
{
    cx_parse_opts po = *opts;
    po.no_lac = true;
    po.max_errors = 1;
    cx_diag quiet;
    cx_diag_init(&quiet);
    cx_unit check;
    cx_status s = cx_parse(&check, &st->sources, id, &po, &quiet);
    cx_unit_free(&check);
    cx_diag_clear(&quiet);
    return s == CX_OK;
}

/* Reports source id's parse errors, with LAC's expected tokens. */
static cx_status report_parse_errors(cx_state *st, uint32_t id, cx_parse_opts *po)
{
    po->on_stmt = check_stmt;
    po->no_lac = false;
    cx_unit check;
    cx_status s = cx_parse(&check, &st->sources, id, po, &st->diag);
    cx_unit_free(&check);
    return s;
}

/* A new unit the state owns (functions defined in it stay callable), or
 * NULL after an out-of-memory error at `at`. */
static cx_unit *new_unit(cx_state *st, cx_span at)
{
    cx_unit *u = calloc(1, sizeof *u);
    if (!u || !CX_GROW(st->units, st->cap_units, st->n_units, 8)) {
        free(u);
        out_of_memory(st, at);
        return NULL;
    }
    st->units[st->n_units++] = u;
    return u;
}

static cx_parse_opts parse_opts(const cx_state *st)
{
    return (cx_parse_opts){.max_source_bytes = st->opt.max_source_bytes,
                           .max_nesting = st->opt.max_nesting,
                           .max_errors = CX_MAX_SYNTAX_ERRORS,
                           .num_ctx = &st->nctx};
}

/* A single run's outermost source (cx_options.single_run), parsed once:
 * each statement runs as soon as it is parsed and its output is held.  At
 * the end of the parse, a parse error throws the run away (its output,
 * checks and errors: a source with a syntax error prints only those) and
 * reports the errors; otherwise the output goes out.  When the held output
 * grows past CX_HOLD_BYTES the statements stop running; after the parse
 * the rest run from a second parse, their output going out at once. */
static cx_status run_once(cx_state *st, cx_unit *u, uint32_t id, cx_parse_opts *po, cx_span at)
{
    size_t passed = st->passed, failed = st->failed, errors = st->diag.len;
    if (!cx_scenarios_run_begin(st, id)) {
        cx_scenarios_run_end(st);
        return out_of_memory(st, at);
    }
    cx_output_hold(st);
    run_ctx R = {.E = {.st = st}, .once = true};
    cx_parse_opts quiet_po = *po;
    quiet_po.max_errors = 1;
    cx_diag quiet;
    cx_diag_init(&quiet);
    cx_status s = parse_running(st, u, id, &quiet_po, &R, &quiet);
    bool parse_failed = quiet.len > 0 || s != CX_OK;
    cx_diag_clear(&quiet);
    if (parse_failed) {
        (void)cx_output_release(st, 0, false);
        st->passed = passed;
        st->failed = failed;
        cx_diag_truncate(&st->diag, errors);
        cx_scenarios_run_end(st);
        if (report_parse_errors(st, id, po) == CX_OK) /* not reached: the same parse */
            return out_of_memory(st, at);
        return CX_FAIL;
    }
    if (!cx_output_release(st, 0, true) && !R.stopped) { /* not reached: run_stmt stops */
        cx_scenarios_run_end(st);
        return out_of_memory(st, at);
    }
    if (!R.stopped && R.paused) {
        cx_unit *rest = new_unit(st, at);
        run_ctx R2 = {.E = {.st = st}, .skip = R.ran};
        cx_parse_opts rest_po = *po;
        s = rest ? parse_running(st, rest, id, &rest_po, &R2, &st->diag) : CX_FAIL;
        R.stopped = s != CX_OK;
    }
    cx_scenarios_run_end(st);
    return R.stopped ? CX_FAIL : CX_OK;
}

/* Parses and evaluates source `id`; the unit joins the state (functions
 * defined in it stay callable).  A single run's script is parsed once
 * (run_once).  Otherwise two passes keep a long script from being whole in
 * memory and a source with a syntax error from running at all: the first
 * parses it all for syntax errors and keeps nothing; the second parses it
 * again and runs each statement as soon as it is parsed, then frees it.
 * Both use the parser without LAC (cx_parse_opts.no_lac), which accepts
 * exactly the same sources: the first pass tries it silently, and only
 * when it finds an error parses again with LAC for the errors to report. */
static cx_status run_source(cx_state *st, uint32_t id, cx_span at)
{
    cx_unit *u = new_unit(st, at);
    if (!u) return CX_FAIL;
    cx_parse_opts po = parse_opts(st);
    if (st->opt.single_run && !st->holding && !st->opt.repl && !st->scen.replay)
        return run_once(st, u, id, &po, at);
    po.on_stmt = check_stmt;
    if (!parses(st, id, &po) && report_parse_errors(st, id, &po) != CX_OK) return CX_FAIL;
    return run_parsed(st, u, id, &po, at);
}

cx_status cx_state_rerun(cx_state *st, uint32_t id)
{
    cx_unit *u = new_unit(st, CX_NO_SPAN);
    if (!u) return CX_FAIL;
    cx_parse_opts po = parse_opts(st);
    return run_parsed(st, u, id, &po, CX_NO_SPAN);
}

static cx_run_status run_status(cx_state *st, size_t failed_before)
{
    if (st->diag.len) {
        switch (st->diag.items[0].kind) {
        case CX_ERRK_LIMIT: return CX_RUN_LIMIT;
        case CX_ERRK_IO: return CX_RUN_IO;
        default: return CX_RUN_ERROR;
        }
    }
    return st->failed > failed_before ? CX_RUN_CHECK_FAILED : CX_RUN_OK;
}

static bool push_include(cx_state *st, const char *resolved)
{
    if (!CX_GROW(st->include_stack, st->include_cap, st->include_depth, 8)) return false;
    char *copy = strdup(resolved);
    if (!copy) return false;
    st->include_stack[st->include_depth++] = copy;
    return true;
}

static void pop_include(cx_state *st) { free(st->include_stack[--st->include_depth]); }

/* Runs the file at `path` (relative to the current directory), written
 * `written` in the script that includes it. */
static cx_status run_path(cx_state *st, const char *path, const char *written, bool entry,
                          cx_span at)
{
    char resolved[PATH_MAX];
    if (!cx_files_find(&st->files, &st->diag, path, written, entry, at, resolved)) return CX_FAIL;
    for (size_t i = 0; i < st->include_depth; i++)
        if (strcmp(st->include_stack[i], resolved) == 0) {
            cx_error *e = cx_diag_add(&st->diag, CX_E_NAME_INCLUDE_CYCLE, at,
                                      "'%s' includes itself (through %zu file%s)", path,
                                      st->include_depth - i, st->include_depth - i == 1 ? "" : "s");
            if (e) cx_error_set_hint(e, "remove one of the include statements of the cycle");
            return CX_FAIL;
        }
    if (st->include_depth > (size_t)st->opt.max_include_depth) {
        cx_error *e = cx_diag_add(&st->diag, CX_E_LIMIT_INCLUDE_DEPTH, at,
                                  "includes nested deeper than %d", st->opt.max_include_depth);
        if (e) cx_error_set_hint(e, "the limit is set with --max-includes N");
        return CX_FAIL;
    }
    if (++st->n_includes > CX_MAX_INCLUDES) {
        cx_diag_add(&st->diag, CX_E_LIMIT_INCLUDE_COUNT, at,
                    "more than %d include statements in one run", CX_MAX_INCLUDES);
        return CX_FAIL;
    }
    uint32_t id = cx_files_load(&st->files, &st->sources, &st->diag, path, resolved,
                                st->opt.max_source_bytes, at);
    if (!id) return CX_FAIL;
    if (!push_include(st, resolved)) return out_of_memory(st, at);
    cx_status s = run_source(st, id, at);
    pop_include(st);
    return s;
}

cx_status cx_state_include(cx_state *st, const char *path, const char *written, cx_span at)
{
    return run_path(st, path, written, false, at);
}

bool cx_state_allow_read(cx_state *st, const char *dir) { return cx_files_allow(&st->files, dir); }

cx_run_status cx_run_file(cx_state *st, const char *path)
{
    st->interrupted = 0; /* a Ctrl-C that came after the last run ended */
    cx_diag_clear(&st->diag);
    st->n_includes = 0;
    cx_budget_start(&st->budget);
    size_t failed = st->failed;
    cx_numalloc_account *prev = cx_numalloc_use(&st->mem);
    run_path(st, path, path, true, CX_NO_SPAN);
    cx_numalloc_use(prev);
    return run_status(st, failed);
}

cx_run_status cx_run_string(cx_state *st, const char *name, const char *text, size_t len)
{
    st->interrupted = 0; /* a Ctrl-C that came after the last run ended */
    cx_diag_clear(&st->diag);
    st->n_includes = 0;
    cx_budget_start(&st->budget);
    size_t failed = st->failed;
    cx_numalloc_account *prev = cx_numalloc_use(&st->mem);
    if ((long)len > st->opt.max_source_bytes) {
        source_too_big(st, name, CX_NO_SPAN);
    } else if (!cx_files_set_root(&st->files, NULL)) {
        cx_diag_add(&st->diag, CX_E_IO_READ, CX_NO_SPAN,
                    "cannot resolve the current directory, the folder %s may read", name);
    } else {
        uint32_t id = cx_sources_add(&st->sources, name, text, len);
        if (!id) cx_diag_add(&st->diag, CX_E_LIMIT_MEMORY, CX_NO_SPAN, "out of memory");
        else run_source(st, id, CX_NO_SPAN);
    }
    cx_numalloc_use(prev);
    return run_status(st, failed);
}

/* ==== errors for the host ================================================== */

size_t cx_error_count(const cx_state *st) { return st->diag.len; }

bool cx_error_get(const cx_state *st, size_t i, cx_error_info *out)
{
    if (i >= st->diag.len) return false;
    const cx_error *e = &st->diag.items[i];
    memset(out, 0, sizeof *out);
    out->kind = e->kind;
    out->code = cx_err_code_text(e->code);
    out->message = e->message;
    out->hint = e->hint;
    out->at_end_of_input = e->at_end_of_input;
    const cx_source *src = cx_sources_get(&st->sources, e->span.src);
    if (src) {
        out->file = src->name;
        cx_source_line_col(src, e->span.start, &out->line, &out->col);
        cx_source_line_col(src, e->span.end, &out->end_line, &out->end_col);
    }
    return true;
}

char *cx_error_render(const cx_state *st, size_t i, bool color)
{
    if (i >= st->diag.len) return NULL;
    return cx_diag_render(&st->diag.items[i], &st->sources, color);
}

void cx_state_each_name(const cx_state *st,
                        void (*fn)(void *ud, const char *name, const char *value), void *ud)
{
    for (size_t i = 0; i < st->env.n_globals; i++) {
        const cx_binding *b = st->env.globals[i];
        const cx_series *ls = b->value.kind == CX_VAL_SERIES ? b->value.u.series : NULL;
        /* A lean recurrence's values are not all there to show (a const
         * state cannot compute them again). */
        char *v = ls && !cx_series_whole(ls)
                      ? cx_strdupf("a series of %zu periods, %llu of them not kept (a long "
                                   "recurrence computes them again when a script reads them)",
                                   ls->len, (unsigned long long)ls->n_unkept)
                      : cx_display_value(&b->value, st->opt.digits);
        for (size_t k = 0; v && k < b->n_bound_periods; k++) { /* the periods that are bounds */
            cx_period p = {b->value.u.series->freq, b->bound_periods[k].ord};
            char pb[32], *bt = cx_display_value(&b->bound_periods[k].value, st->opt.digits);
            cx_period_format(&p, pb, sizeof pb);
            char *t = bt ? cx_strdupf("%s, and %s: %s", v, pb, bt) : NULL;
            free(bt);
            free(v);
            v = t;
        }
        fn(ud, b->name, v ? v : "?");
        free(v);
    }
}

const char *cx_state_name(const cx_state *st, size_t i)
{
    return i < st->env.n_globals ? st->env.globals[i]->name : NULL;
}

cx_run_status cx_state_status(cx_state *st) { return run_status(st, st->failed); }
