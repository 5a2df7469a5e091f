/* scenario_run.c - running the script again with a scenario's facts
 * (scenario.h), and the statements that do: `table scenarios:` and
 * `check ... in all scenarios`.  A re-run runs statements (state.c, then
 * exec.c), and exec.c runs these statements: the loop is inherent, as for
 * include (docs/architecture.md). */
#include "scenario.h"

#include <stdlib.h>
#include <string.h>
#include "../runtime/grow.h"
#include "check.h"
#include "display.h"
#include "eval.h"
#include "output.h"
#include "state.h"

/* ==== running the script again ============================================== */

/* What a re-run sets aside and gives back. */
typedef struct saved {
    cx_env env;
    cx_memo memo;
    uint64_t seq, current;
    char **include_stack;
    size_t include_depth, include_cap, n_includes;
    cx_output_fn out_fn;
    void *out_ud;
    size_t n_units, passed, failed;
    unsigned n_charts;
    cx_pending_note *notes;
    size_t n_notes, cap_notes;
    const char *label;
} saved;

static void set_aside(cx_state *st, saved *sv)
{
    sv->env = st->env;
    sv->memo = st->memo;
    sv->seq = st->scen.seq;
    sv->current = st->scen.current;
    sv->include_stack = st->include_stack;
    sv->include_depth = st->include_depth;
    sv->include_cap = st->include_cap;
    sv->n_includes = st->n_includes;
    sv->out_fn = st->out_fn;
    sv->out_ud = st->out_ud;
    sv->n_units = st->n_units;
    sv->passed = st->passed;
    sv->failed = st->failed;
    sv->n_charts = st->n_charts;
    sv->notes = st->notes;
    sv->n_notes = st->n_notes;
    sv->cap_notes = st->cap_notes;
    sv->label = st->scen.label;
    cx_env_init(&st->env);
    cx_memo_init(&st->memo);
    st->include_stack = NULL;
    st->include_depth = st->include_cap = st->n_includes = 0;
    st->out_fn = NULL;
    st->notes = NULL;
    st->n_notes = st->cap_notes = 0;
    st->scen.label = NULL;
}

/* Drops what the re-run made and puts the base back. */
static void give_back(cx_state *st, saved *sv)
{
    cx_memo_free(&st->memo); /* before the units: entries point at their nodes */
    cx_env_free(&st->env);
    for (size_t i = sv->n_units; i < st->n_units; i++) {
        cx_unit_free(st->units[i]);
        free(st->units[i]);
    }
    st->n_units = sv->n_units;
    (void)cx_output_flush_notes(st, false);
    free(st->notes);
    for (size_t i = 0; i < st->include_depth; i++) free(st->include_stack[i]);
    free(st->include_stack);
    st->env = sv->env;
    st->memo = sv->memo;
    st->scen.seq = sv->seq;
    st->scen.current = sv->current;
    st->include_stack = sv->include_stack;
    st->include_depth = sv->include_depth;
    st->include_cap = sv->include_cap;
    st->n_includes = sv->n_includes;
    st->out_fn = sv->out_fn;
    st->out_ud = sv->out_ud;
    st->passed = sv->passed;
    st->failed = sv->failed;
    st->n_charts = sv->n_charts;
    st->notes = sv->notes;
    st->n_notes = sv->n_notes;
    st->cap_notes = sv->cap_notes;
    st->scen.label = sv->label;
}

/* An input the host defined, again: its value (or the scenario's). */
static cx_status replay_input(cx_eval *E, const saved *sv, const char *name)
{
    cx_state *st = E->st;
    const cx_binding *base = cx_env_global(&sv->env, name);
    if (!base) return CX_OK; /* replaced since (the REPL): nothing to give */
    cx_binding *b = cx_env_global(&st->env, name);
    if (!b && !(b = cx_env_define(&st->env, name, base->span))) return cx_eval_oom(E, base->span);
    cx_value_clear(&b->value);
    cx_value_copy(&b->value, &base->value);
    b->figure = base->figure;
    cx_scenario_override(st, name, NULL, &b->value, &b->figure);
    return CX_OK;
}

/* Runs the script again for scenario sc (NULL: as written) up to the
 * statement running now.  On success the state holds the scenario's names
 * until give_back; on failure everything is given back already and the
 * error says which scenario it came from. */
static cx_status enter(cx_eval *E, const cx_scenario *sc, saved *sv, cx_span at)
{
    cx_state *st = E->st;
    cx_replay r = {.sc = sc, .stop = st->scen.current};
    cx_replay *outer = st->scen.replay;
    size_t errors = st->diag.len;
    set_aside(st, sv);
    st->scen.replay = &r;
    cx_status s = CX_OK;
    for (size_t i = 0; i < st->scen.n_runs && !r.reached && s == CX_OK; i++) {
        const cx_run_entry *run = &st->scen.runs[i];
        st->scen.seq = run->seq_begin;
        r.end = run->seq_end;
        if (run->input) s = replay_input(E, sv, run->input);
        else cx_state_rerun(st, run->src);
        if (st->diag.len > errors) s = CX_FAIL;
    }
    st->scen.replay = outer;
    if (s == CX_OK && !r.reached) {
        s = CX_FAIL;
        cx_diag_add(&st->diag, CX_E_INTERNAL_SOURCE, at,
                    "the script could not be run again for scenario '%s'", sc ? sc->name : "base");
    }
    if (s != CX_OK) {
        give_back(st, sv);
        if (st->diag.len > errors && sc)
            cx_error_add_note(&st->diag.items[errors], sc->span,
                              "while running the script with scenario '%s'", sc->name);
    }
    return s;
}

/* ==== the scenario table ==================================================== */

static cx_status need_scenarios(cx_eval *E, cx_span at)
{
    if (E->st->scen.n) return CX_OK;
    cx_error *e = cx_diag_add(&E->st->diag, CX_E_NAME_SCENARIO, at, "no scenario is defined");
    if (e) cx_error_set_hint(e, "define one before: scenario bear: growth = 3%%;");
    return CX_FAIL;
}

/* The columns' values, in order, where the state is now. */
static cx_status column_values(cx_eval *E, const cx_ast *n, cx_value *out)
{
    for (size_t i = 0; i < n->list.len; i++) {
        const cx_ast *c = n->list.items[i];
        if (c->kind == CX_AST_ASSIGN) c = cx_ast_value(c);
        if (cx_eval_expr(E, c, &out[i]) != CX_OK) return CX_FAIL;
    }
    return CX_OK;
}

/* The change from the base: a number with its sign; nothing for others. */
static cx_status difference(cx_eval *E, const cx_value *v, const cx_value *base, cx_value *d,
                            char **text, cx_span at)
{
    if (v->kind != CX_VAL_NUM || base->kind != CX_VAL_NUM) {
        *text = strdup("");
        return *text ? CX_OK : cx_eval_oom(E, at);
    }
    cx_num x;
    cx_num_init(&x);
    cx_num_status ns = cx_num_sub(&x, &v->u.num, &base->u.num, &E->st->nctx);
    if (ns != CX_NUM_OK) {
        cx_num_clear(&x);
        return cx_eval_num_error(E, ns, at);
    }
    cx_value_take_num(d, &x);
    cx_num_clear(&x);
    char *s = cx_eval_render(E, d);
    *text = s && cx_num_sgn(&d->u.num) > 0 ? cx_strdupf("+%s", s) : s;
    if (s && *text != s) free(s);
    return *text ? CX_OK : cx_eval_oom(E, at);
}

typedef struct grid {
    char **cells;
    size_t n_cells, cap_cells;
    cx_list *rows;
} grid;

static bool put_cell(grid *g, char *cell)
{
    if (!cell || !CX_GROW(g->cells, g->cap_cells, g->n_cells, 32)) {
        free(cell);
        return false;
    }
    g->cells[g->n_cells++] = cell;
    return true;
}

cx_status cx_exec_scenario_table(cx_eval *E, const cx_ast *n)
{
    cx_state *st = E->st;
    if (need_scenarios(E, n->name_span) != CX_OK) return CX_FAIL;
    size_t ns = st->scen.n, nc = n->list.len, nv = (ns + 1) * nc;
    cx_value *vals = calloc(nv, sizeof *vals); /* [scenario][column], the base first */
    if (!vals) return cx_eval_oom(E, n->span);
    for (size_t i = 0; i < nv; i++) cx_value_init(&vals[i]);
    grid g = {.rows = cx_list_new(nc)};
    char *text = NULL, *expr = NULL;
    cx_status s = g.rows ? column_values(E, n, vals) : cx_eval_oom(E, n->span);
    for (size_t k = 0; k < ns && s == CX_OK; k++) {
        saved sv;
        const cx_scenario *sc = &st->scen.items[k];
        if ((s = enter(E, sc, &sv, n->span)) != CX_OK) break;
        s = column_values(E, n, &vals[(k + 1) * nc]);
        give_back(st, &sv);
        if (s != CX_OK && st->diag.len)
            cx_error_add_note(&st->diag.items[st->diag.len - 1], sc->span, "in scenario '%s'",
                              sc->name);
    }
    if (s != CX_OK) goto out;
    /* The header: the expressions' column, the base, then each scenario and
     * its change from the base. */
    size_t cols = 2 + 2 * ns;
    s = CX_FAIL;
    if (!put_cell(&g, strdup("scenario")) || !put_cell(&g, strdup("base"))) goto oom;
    for (size_t k = 0; k < ns; k++)
        if (!put_cell(&g, strdup(st->scen.items[k].name)) ||
            !put_cell(&g, cx_strdupf("%s - base", st->scen.items[k].name)))
            goto oom;
    for (size_t i = 0; i < nc; i++) {
        const cx_ast *c = n->list.items[i];
        cx_list *row = cx_list_new(cols);
        cx_value rv;
        cx_value_init(&rv);
        if (!row) goto oom;
        cx_value_take_list(&rv, row);
        if (!cx_list_push_take(g.rows, &rv)) {
            cx_value_clear(&rv);
            goto oom;
        }
        char *label =
            c->kind == CX_AST_ASSIGN ? strdup(c->name) : cx_sources_text(&st->sources, c->span);
        cx_value lv;
        cx_value_init(&lv);
        if (!label || !cx_value_set_str(&lv, label, strlen(label)) || !put_cell(&g, label) ||
            !cx_list_push_take(row, &lv))
            goto oom;
        const cx_value *base = &vals[i];
        for (size_t k = 0; k <= ns; k++) {
            cx_value v;
            cx_value_init(&v);
            cx_value_copy(&v, &vals[k * nc + i]);
            if (!put_cell(&g, cx_eval_render(E, &v)) || !cx_list_push_take(row, &v)) {
                cx_value_clear(&v);
                goto oom;
            }
            if (k == 0) continue;
            cx_value d;
            char *dt;
            cx_value_init(&d);
            if (difference(E, &vals[k * nc + i], base, &d, &dt, c->span) != CX_OK) goto out;
            if (!put_cell(&g, dt) || !cx_list_push_take(row, &d)) {
                cx_value_clear(&d);
                goto oom;
            }
        }
    }
    bool *left = calloc(cols, sizeof *left);
    if (!left) goto oom;
    left[0] = true;
    text = cx_display_table(g.cells, g.n_cells, cols, left);
    free(left);
    expr = cx_sources_text(&st->sources, n->span);
    if (!text || !expr) goto oom;
    cx_value rows;
    cx_value_init(&rows);
    cx_value_take_list(&rows, g.rows);
    g.rows = NULL;
    cx_output rec = {.kind = CX_OUT_TABLE,
                     .text = text,
                     .expr = expr,
                     .result = &rows,
                     .columns = (const char *const *)g.cells,
                     .n_columns = cols};
    cx_output_emit(st, &rec, n->span);
    cx_value_clear(&rows);
    s = CX_OK;
    goto out;
oom:
    s = cx_eval_oom(E, n->span);
out:
    for (size_t i = 0; i < nv; i++) cx_value_clear(&vals[i]);
    free(vals);
    for (size_t i = 0; i < g.n_cells; i++) free(g.cells[i]);
    free(g.cells);
    if (g.rows) cx_list_unref(g.rows);
    free(text);
    free(expr);
    return s;
}

/* ==== checks in all scenarios =============================================== */

cx_status cx_check_all_scenarios(cx_eval *E, const cx_ast *n)
{
    cx_state *st = E->st;
    if (need_scenarios(E, n->span) != CX_OK) return CX_FAIL;
    st->scen.label = "base";
    cx_status s = cx_check_exec(E, n);
    st->scen.label = NULL;
    for (size_t k = 0; k < st->scen.n && s == CX_OK; k++) {
        const cx_scenario *sc = &st->scen.items[k];
        saved sv;
        if ((s = enter(E, sc, &sv, n->span)) != CX_OK) break;
        /* The verdict is the run's: output and counts go to the base's. */
        cx_output_fn fn = st->out_fn;
        void *ud = st->out_ud;
        st->out_fn = sv.out_fn;
        st->out_ud = sv.out_ud;
        st->passed = sv.passed;
        st->failed = sv.failed;
        st->scen.label = sc->name;
        s = cx_check_exec(E, n);
        sv.passed = st->passed;
        sv.failed = st->failed;
        st->out_fn = fn;
        st->out_ud = ud;
        give_back(st, &sv);
        if (s != CX_OK && st->diag.len)
            cx_error_add_note(&st->diag.items[st->diag.len - 1], sc->span, "in scenario '%s'",
                              sc->name);
    }
    return s;
}
