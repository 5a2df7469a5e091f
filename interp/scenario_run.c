/* scenario_run.c - running the script again with a scenario's facts
 * (scenario.h), and the statements that do: `table scenarios:` and
 * `check ... in all scenarios`.  A re-run runs statements (state.c, then
 * exec.c), and exec.c runs these statements: the loop is inherent, as for
 * include (docs/architecture.md). */
#include "scenario.h"

#include <stdlib.h>
#include <string.h>
#include "../runtime/grow.h"
#include "chart.h"
#include "check.h"
#include "display.h"
#include "eval.h"
#include "output.h"
#include "state.h"
#include "../runtime/series.h"
#include "../runtime/unit.h"

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
    if (!cx_scenario_can_rerun(st, at, 1)) return CX_FAIL;
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
    /* Numbers or bounds in one unit (the difference keeps it, and is a
     * bound when either side is one); anything else shows no difference. */
    bool arith = (v->kind == CX_VAL_NUM || v->kind == CX_VAL_BOUND) &&
                 (base->kind == CX_VAL_NUM || base->kind == CX_VAL_BOUND);
    if (!arith || !cx_uom_equal(v->unit, base->unit)) {
        *text = strdup("");
        return *text ? CX_OK : cx_eval_oom(E, at);
    }
    if (cx_eval_binop(E, CX_OP_SUB, at, v, base, d) != CX_OK) return CX_FAIL;
    char *s = cx_eval_render(E, d);
    *text = s && d->kind == CX_VAL_NUM && cx_num_sgn(&d->u.num) > 0 ? cx_strdupf("+%s", s) : s;
    if (s && *text != s) free(s);
    return *text ? CX_OK : cx_eval_oom(E, at);
}

typedef struct grid {
    char **cells;
    size_t n_cells, cap_cells;
    cx_list *rows;
} grid;

/* Emits the grid as a table record: its text, and its rows (taken) for
 * the host. */
static void emit_grid(cx_state *st, grid *g, size_t cols, const char *text, const char *expr,
                      cx_span span)
{
    cx_value rows;
    cx_value_init(&rows);
    cx_value_take_list(&rows, g->rows);
    g->rows = NULL;
    cx_output rec = {.kind = CX_OUT_TABLE,
                     .text = text,
                     .expr = expr,
                     .result = &rows,
                     .columns = (const char *const *)g->cells,
                     .n_columns = cols};
    cx_output_emit(st, &rec, span);
    cx_value_clear(&rows);
}

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
    if (need_scenarios(E, n->name_span) != CX_OK || !cx_scenario_can_rerun(st, n->span, st->scen.n))
        return CX_FAIL;
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
        if (!label) goto oom;
        if (!cx_value_set_str(&lv, label, strlen(label))) {
            free(label);
            goto oom;
        }
        if (!put_cell(&g, label) || !cx_list_push_take(row, &lv)) { /* put_cell frees label */
            cx_value_clear(&lv);
            goto oom;
        }
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
            if (difference(E, &vals[k * nc + i], base, &d, &dt, c->span) != CX_OK) {
                cx_value_clear(&d);
                goto out;
            }
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
    emit_grid(st, &g, cols, text, expr, n->span);
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
    if (need_scenarios(E, n->span) != CX_OK || !cx_scenario_can_rerun(st, n->span, st->scen.n))
        return CX_FAIL;
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

/* ==== tornado =============================================================== */

enum { MAX_TORNADO_INPUTS = 50 };

typedef struct tornado_input {
    const cx_ast *name; /* its NAME node, or its AT node (`capex 2026`) */
    const char *bname;  /* the binding it sets */
    bool at;            /* a period of a series */
    cx_period period;
    char *label; /* "growth", "capex 2026" */
    char suffix; /* how its bound was written */
    cx_num lo, hi, mid;
    cx_value at_lo, at_hi;
    cx_num swing; /* |at_hi - at_lo| */
    cx_uom *unit; /* the input's (borrowed from its binding) */
} tornado_input;

/* The value of expr with input i at at[i]. */
static cx_status value_at(cx_eval *E, const cx_ast *n, tornado_input *in, size_t k,
                          const cx_num *const *at, cx_value *out)
{
    cx_scenario sc = {.name = (char *)"tornado", .span = n->span, .n = k, .cap_ov = k};
    cx_override *ov = calloc(k, sizeof *ov);
    if (!ov) return cx_eval_oom(E, n->span);
    for (size_t i = 0; i < k; i++) {
        ov[i] = (cx_override){.name = (char *)in[i].bname,
                              .at = in[i].at,
                              .period = in[i].period,
                              .span = in[i].name->span,
                              .figure = {.fact = true}};
        cx_value_init(&ov[i].value);
        cx_value_set_num(&ov[i].value, at[i]);
        cx_value_set_unit(&ov[i].value, in[i].unit);
    }
    sc.ov = ov;
    saved sv;
    cx_status s = enter(E, &sc, &sv, n->span);
    if (s == CX_OK) {
        s = cx_eval_expr(E, n->a, out);
        give_back(E->st, &sv);
    }
    for (size_t i = 0; i < k; i++) cx_value_clear(&ov[i].value);
    free(ov);
    if (s == CX_OK && out->kind != CX_VAL_NUM) {
        cx_error *e = cx_diag_add(&E->st->diag, CX_E_TYPE_BOUND, n->a->span,
                                  out->kind == CX_VAL_BOUND
                                      ? "with its inputs set, the tornado's expression is still "
                                        "a bound"
                                      : "the tornado's expression is a %s, not a number",
                                  cx_value_kind_name(out->kind));
        if (e)
            cx_error_set_hint(e, out->kind == CX_VAL_BOUND
                                     ? "it depends on other bounds too: name them after over"
                                     : "a tornado compares one number");
        s = CX_FAIL;
    }
    return s;
}

/* The value with the inputs at their middles, except input `moved` at `to`. */
static cx_status value_with(cx_eval *E, const cx_ast *n, tornado_input *in, size_t k, size_t moved,
                            const cx_num *to, cx_value *out)
{
    const cx_num **at = malloc(k * sizeof *at);
    if (!at) return cx_eval_oom(E, n->span);
    for (size_t i = 0; i < k; i++) at[i] = i == moved ? to : &in[i].mid;
    cx_status s = value_at(E, n, in, k, at, out);
    free(at);
    return s;
}

/* The lowest and highest value over every corner (each input at its low
 * or high end), and the first corner where the value is not what the
 * inputs' separate effects add to (base + the sum of each input's change
 * alone): *bad_mask gets it, or UINT32_MAX when every corner adds up, as
 * it does when the inputs do not interact. */
static cx_status corner_range(cx_eval *E, const cx_ast *n, tornado_input *in, size_t k,
                              const cx_num *base, cx_num *lo, cx_num *hi, uint32_t *bad_mask,
                              cx_num *bad_value, cx_num *bad_sum)
{
    const cx_num **at = malloc(k * sizeof *at);
    if (!at) return cx_eval_oom(E, n->span);
    cx_status s = CX_OK;
    cx_num sum, d;
    cx_num_init(&sum);
    cx_num_init(&d);
    *bad_mask = UINT32_MAX;
    for (uint32_t mask = 0; mask < (1u << k) && s == CX_OK; mask++) {
        for (size_t i = 0; i < k; i++) at[i] = mask >> i & 1 ? &in[i].hi : &in[i].lo;
        cx_value v;
        cx_value_init(&v);
        s = value_at(E, n, in, k, at, &v);
        cx_num_status ns = CX_NUM_OK;
        cx_num_set(&sum, base);
        for (size_t i = 0; i < k && s == CX_OK && ns == CX_NUM_OK; i++) {
            const cx_value *alone = mask >> i & 1 ? &in[i].at_hi : &in[i].at_lo;
            ns = cx_num_sub(&d, &alone->u.num, base, &E->st->nctx);
            if (ns == CX_NUM_OK) ns = cx_num_add(&sum, &sum, &d, &E->st->nctx);
        }
        if (s == CX_OK && ns != CX_NUM_OK) s = cx_eval_num_error(E, ns, n->span);
        if (s == CX_OK) {
            if (mask == 0 || cx_num_cmp(&v.u.num, lo) < 0) cx_num_set(lo, &v.u.num);
            if (mask == 0 || cx_num_cmp(&v.u.num, hi) > 0) cx_num_set(hi, &v.u.num);
            if (*bad_mask == UINT32_MAX && cx_num_cmp(&v.u.num, &sum) != 0) {
                *bad_mask = mask;
                cx_num_set(bad_value, &v.u.num);
                cx_num_set(bad_sum, &sum);
            }
        }
        cx_value_clear(&v);
    }
    cx_num_clear(&sum);
    cx_num_clear(&d);
    free(at);
    return s;
}

/* An input: a name, or a period of a series, bound to a bound written in
 * the script. */
static cx_status tornado_input_of(cx_eval *E, const cx_ast *name, tornado_input *t)
{
    cx_state *st = E->st;
    t->at = name->kind == CX_AST_AT;
    const cx_ast *nn = t->at ? cx_ast_at_series(name) : name;
    const cx_binding *b = cx_env_global(&st->env, nn->name);
    if (!b) return cx_eval_error(E, CX_E_NAME_UNKNOWN, nn->span, "unknown name '%s'", nn->name);
    const cx_value *v = &b->value;
    bool fact = b->figure.fact;
    if (t->at) {
        if (b->value.kind != CX_VAL_SERIES)
            return cx_eval_error(E, CX_E_TYPE_NOT_SERIES, nn->span, "'%s' is not a series",
                                 nn->name);
        if (cx_eval_literal_period(E, cx_ast_at_period(name), &t->period) != CX_OK) return CX_FAIL;
        v = t->period.freq == b->value.u.series->freq ? cx_binding_bound_period(b, t->period.ord)
                                                      : NULL;
        fact = v && cx_binding_period_figure(b, t->period.ord).fact;
    }
    if (!(t->label = cx_sources_text(&st->sources, name->span))) return cx_eval_oom(E, name->span);
    if (!v || v->kind != CX_VAL_BOUND || !fact) {
        cx_error *e = cx_diag_add(&st->diag, CX_E_TYPE_BOUND, name->span,
                                  "'%s' is not a bound the script gives: a tornado moves each "
                                  "input from its low to its high end",
                                  t->label);
        if (e)
            cx_error_set_hint(e, "give it a range where it is defined: %s = 8%% to 12%%;",
                              t->label);
        return CX_FAIL;
    }
    t->bname = b->name;
    const cx_aff *f = &v->u.bound->f;
    cx_aff_ctx ctx = cx_bounds_ctx(st);
    if (cx_aff_lo(&t->lo, f, &ctx) != CX_AFF_OK || cx_aff_hi(&t->hi, f, &ctx) != CX_AFF_OK)
        return cx_eval_num_error(E, CX_NUM_TOO_BIG, name->span);
    cx_aff_mid(&t->mid, f);
    t->unit = v->unit;
    const cx_aff_input *in = f->n == 1 ? cx_aff_gen_input(&st->bounds.gen, f->t[0].sym) : NULL;
    t->suffix =
        in && in->tag >= 1 && in->tag <= st->bounds.n ? st->bounds.labels[in->tag - 1].suffix : 0;
    t->name = name;
    return CX_OK;
}

/* The line under the table: the joint range over the corners, and whether
 * the inputs interact: every corner is what the separate effects add to
 * exactly when they do not (an additive model). */
enum { MAX_TORNADO_CORNERS_LOG2 = 10 };

static char *interaction_text(cx_eval *E, const cx_ast *n, tornado_input *in, size_t k,
                              const cx_num *swings)
{
    char *text = NULL, *sw = cx_bounded_show_num(E, swings, 0, in[0].at_lo.unit), *what = NULL,
         *ls = NULL, *hs = NULL, *vs = NULL, *ss = NULL, *corner = strdup("");
    cx_value base;
    cx_value_init(&base);
    cx_num lo, hi, bad_value, bad_sum;
    cx_num_init(&lo);
    cx_num_init(&hi);
    cx_num_init(&bad_value);
    cx_num_init(&bad_sum);
    uint32_t bad = UINT32_MAX;
    if (!sw || !corner || !(what = cx_sources_text(&E->st->sources, n->a->span))) goto out;
    if (k > MAX_TORNADO_CORNERS_LOG2) {
        text = cx_strdupf("the swings add to %s; with more than %d inputs the corners are not "
                          "run, so interactions are not shown",
                          sw, MAX_TORNADO_CORNERS_LOG2);
        goto out;
    }
    if (value_with(E, n, in, k, k, NULL, &base) != CX_OK ||
        corner_range(E, n, in, k, &base.u.num, &lo, &hi, &bad, &bad_value, &bad_sum) != CX_OK)
        goto out;
    if (!(ls = cx_bounded_show_num(E, &lo, 0, in[0].at_lo.unit)) ||
        !(hs = cx_bounded_show_num(E, &hi, 0, in[0].at_lo.unit)))
        goto out;
    if (bad == UINT32_MAX) {
        text = cx_strdupf("the swings add to %s; over all %u corners %s runs from %s to %s, "
                          "and at each corner the inputs' separate effects add up: they do not "
                          "interact",
                          sw, 1u << k, what, ls, hs);
        goto out;
    }
    for (size_t i = 0; i < k && corner; i++) {
        char *v =
            cx_bounded_show_num(E, bad >> i & 1 ? &in[i].hi : &in[i].lo, in[i].suffix, in[i].unit);
        char *c = v ? cx_strdupf("%s%s%s = %s", corner, i ? ", " : "", in[i].label, v) : NULL;
        free(v);
        free(corner);
        corner = c;
    }
    if (corner && (vs = cx_bounded_show_num(E, &bad_value, 0, in[0].at_lo.unit)) &&
        (ss = cx_bounded_show_num(E, &bad_sum, 0, in[0].at_lo.unit)))
        text = cx_strdupf("the swings add to %s; over all %u corners %s runs from %s to %s; "
                          "the inputs interact: at %s it is %s, not the %s their separate "
                          "effects add to",
                          sw, 1u << k, what, ls, hs, corner, vs, ss);
out:
    if (!text && !E->st->diag.len) cx_eval_oom(E, n->span);
    free(sw);
    free(what);
    free(ls);
    free(hs);
    free(vs);
    free(ss);
    free(corner);
    cx_value_clear(&base);
    cx_num_clear(&lo);
    cx_num_clear(&hi);
    cx_num_clear(&bad_value);
    cx_num_clear(&bad_sum);
    return text;
}

/* The tornado as a bar chart: per input, largest swing first, the value at
 * its low and at its high end (a report draws it as SVG). */
static cx_status tornado_chart(cx_eval *E, const cx_ast *n, const tornado_input *in,
                               const size_t *order, size_t k)
{
    if (k > CX_CHART_MAX_POINTS) return CX_OK;
    cx_state *st = E->st;
    cx_chart *c = calloc(1, sizeof *c);
    char *text = NULL, *expr = NULL, *unit = NULL;
    cx_value list;
    cx_value_init(&list);
    cx_status s = CX_FAIL;
    if (!c) goto oom;
    c->style = CX_CHART_BAR;
    c->format = CX_CHART_PLAIN;
    c->n_series = 2;
    c->n_points = k;
    c->freq = -1;
    if (!(c->names = calloc(2, sizeof *c->names)) || !(c->labels = calloc(k, sizeof *c->labels)) ||
        !(c->values = calloc(2 * k, sizeof *c->values)) ||
        !(c->present = calloc(2 * k, sizeof *c->present)) ||
        !(c->approx = calloc(2 * k, sizeof *c->approx)))
        goto oom;
    for (size_t i = 0; i < 2 * k; i++) mpq_init(c->values[i]);
    if (!(c->names[0] = strdup("at low")) || !(c->names[1] = strdup("at high"))) goto oom;
    char *what = cx_sources_text(&st->sources, n->a->span);
    unit = in[0].at_lo.unit ? cx_uom_text(in[0].at_lo.unit) : NULL;
    if (in[0].at_lo.unit && !unit) {
        free(what);
        goto oom;
    }
    c->title = what ? cx_strdupf("tornado: %s%s%s%s", what, unit ? " (" : "", unit ? unit : "",
                                 unit ? ")" : "")
                    : NULL;
    free(what);
    if (!c->title) goto oom;
    for (size_t r = 0; r < k; r++) {
        const tornado_input *t = &in[order[r]];
        if (!(c->labels[r] = strdup(t->label))) goto oom;
        const cx_value *ends[2] = {&t->at_lo, &t->at_hi};
        for (size_t e = 0; e < 2; e++) {
            const cx_num *x = &ends[e]->u.num;
            if (!cx_num_is_exact(x)) { /* exact charts only; the table has it */
                s = CX_OK;
                goto out;
            }
            cx_num_get_mpq(x, c->values[e * k + r]);
            c->present[e * k + r] = true;
        }
    }
    c->id = ++st->n_charts;
    if (!(text = cx_chart_text(c)) || !(expr = cx_sources_text(&st->sources, n->span))) goto oom;
    cx_output rec = {.kind = CX_OUT_CHART,
                     .text = text,
                     .expr = expr,
                     .columns = (const char *const *)c->names,
                     .n_columns = 2,
                     .chart_style = "bar",
                     .chart_format = "plain",
                     .chart_title = c->title,
                     .chart = c};
    cx_output_emit_chart(st, &rec, n->span, &c, cx_chart_free);
    s = CX_OK;
    goto out;
oom:
    s = cx_eval_oom(E, n->span);
out:
    cx_chart_free(c);
    cx_value_clear(&list);
    free(text);
    free(expr);
    free(unit);
    return s;
}

cx_status cx_exec_tornado(cx_eval *E, const cx_ast *n)
{
    cx_state *st = E->st;
    size_t k = n->list.len;
    if (k > MAX_TORNADO_INPUTS)
        return cx_eval_error(E, CX_E_LIMIT_SCENARIOS, n->list.items[MAX_TORNADO_INPUTS]->span,
                             "a tornado has at most %d inputs", MAX_TORNADO_INPUTS);
    /* Two runs an input, the base, and the corners. */
    uint64_t runs = 2 * k + 1 + (k <= MAX_TORNADO_CORNERS_LOG2 ? (uint64_t)1 << k : 0);
    if (!cx_scenario_can_rerun(st, n->span, runs)) return CX_FAIL;
    tornado_input *in = calloc(k, sizeof *in);
    size_t *order = calloc(k, sizeof *order);
    grid g = {0};
    char *table = NULL, *expr = NULL, *footer = NULL;
    cx_num total;
    cx_num_init(&total);
    cx_status s = in && order ? CX_OK : cx_eval_oom(E, n->span);
    for (size_t i = 0; in && i < k; i++) {
        cx_num_init(&in[i].lo);
        cx_num_init(&in[i].hi);
        cx_num_init(&in[i].mid);
        cx_num_init(&in[i].swing);
        cx_value_init(&in[i].at_lo);
        cx_value_init(&in[i].at_hi);
    }
    for (size_t i = 0; i < k && s == CX_OK; i++) {
        s = tornado_input_of(E, n->list.items[i], &in[i]);
        for (size_t j = 0; j < i && s == CX_OK; j++)
            if (strcmp(in[i].label, in[j].label) == 0)
                s = cx_eval_error(E, CX_E_NAME_REDEFINED, n->list.items[i]->span,
                                  "'%s' is named twice", in[i].label);
    }
    for (size_t i = 0; i < k && s == CX_OK; i++) {
        s = value_with(E, n, in, k, i, &in[i].lo, &in[i].at_lo);
        if (s == CX_OK) s = value_with(E, n, in, k, i, &in[i].hi, &in[i].at_hi);
        cx_num_status ns = CX_NUM_OK;
        if (s == CX_OK)
            ns = cx_num_sub(&in[i].swing, &in[i].at_hi.u.num, &in[i].at_lo.u.num, &st->nctx);
        if (ns == CX_NUM_OK && s == CX_OK) cx_num_abs(&in[i].swing, &in[i].swing);
        if (ns == CX_NUM_OK && s == CX_OK) ns = cx_num_add(&total, &total, &in[i].swing, &st->nctx);
        if (ns != CX_NUM_OK) s = cx_eval_num_error(E, ns, n->span);
        order[i] = i;
    }
    if (s != CX_OK) goto out;
    /* Largest swing first; ties keep the order written. */
    for (size_t i = 1; i < k; i++)
        for (size_t j = i; j > 0 && cx_num_cmp(&in[order[j]].swing, &in[order[j - 1]].swing) > 0;
             j--) {
            size_t t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    s = CX_FAIL;
    const char *head[] = {"input", "low", "high", "at low", "at high", "swing"};
    if (!(g.rows = cx_list_new(k))) goto oom;
    for (size_t i = 0; i < 6; i++)
        if (!put_cell(&g, strdup(head[i]))) goto oom;
    for (size_t r = 0; r < k; r++) {
        tornado_input *t = &in[order[r]];
        cx_list *row = cx_list_new(6);
        cx_value rv;
        cx_value_init(&rv);
        if (!row) goto oom;
        cx_value_take_list(&rv, row);
        if (!cx_list_push_take(g.rows, &rv)) {
            cx_value_clear(&rv);
            goto oom;
        }
        cx_value cells[6];
        for (size_t c = 0; c < 6; c++) cx_value_init(&cells[c]);
        bool ok = cx_value_set_str(&cells[0], t->label, strlen(t->label));
        cx_value_set_num(&cells[1], &t->lo);
        cx_value_set_unit(&cells[1], t->unit);
        cx_value_set_num(&cells[2], &t->hi);
        cx_value_set_unit(&cells[2], t->unit);
        cx_value_copy(&cells[3], &t->at_lo);
        cx_value_copy(&cells[4], &t->at_hi);
        cx_value_set_num(&cells[5], &t->swing);
        cx_value_set_unit(&cells[5], t->at_lo.unit);
        char *texts[6] = {strdup(t->label),
                          cx_bounded_show_num(E, &t->lo, t->suffix, t->unit),
                          cx_bounded_show_num(E, &t->hi, t->suffix, t->unit),
                          cx_eval_render(E, &t->at_lo),
                          cx_eval_render(E, &t->at_hi),
                          cx_bounded_show_num(E, &t->swing, 0, t->at_lo.unit)};
        for (size_t c = 0; c < 6; c++) {
            if (ok) ok = put_cell(&g, texts[c]) && cx_list_push_take(row, &cells[c]);
            else free(texts[c]);
            cx_value_clear(&cells[c]);
        }
        if (!ok) goto oom;
    }
    bool left[6] = {true, false, false, false, false, false};
    table = cx_display_table(g.cells, g.n_cells, 6, left);
    footer = interaction_text(E, n, in, k, &total);
    if (!footer) goto out;
    expr = cx_sources_text(&st->sources, n->span);
    if (!table || !footer || !expr) goto oom;
    emit_grid(st, &g, 6, table, expr, n->span);
    /* The interaction line follows the table as a line of its own. */
    cx_output line = {.kind = CX_OUT_PRINT, .text = footer};
    cx_output_emit(st, &line, n->span);
    if (tornado_chart(E, n, in, order, k) != CX_OK) goto out;
    s = CX_OK;
    goto out;
oom:
    s = cx_eval_oom(E, n->span);
out:
    for (size_t i = 0; in && i < k; i++) {
        cx_num_clear(&in[i].lo);
        cx_num_clear(&in[i].hi);
        cx_num_clear(&in[i].mid);
        cx_num_clear(&in[i].swing);
        cx_value_clear(&in[i].at_lo);
        cx_value_clear(&in[i].at_hi);
        free(in[i].label);
    }
    free(in);
    free(order);
    cx_num_clear(&total);
    for (size_t i = 0; i < g.n_cells; i++) free(g.cells[i]);
    free(g.cells);
    if (g.rows) cx_list_unref(g.rows);
    free(table);
    free(footer);
    free(expr);
    return s;
}

/* ==== splitting bounds ====================================================== */

enum { MAX_SPLIT_RUNS = 64 };

/* An input of the claim and the part of its range a box holds. */
typedef struct split_box {
    cx_num *lo, *hi; /* one per input */
} split_box;

static void box_free(split_box *b, size_t k)
{
    for (size_t i = 0; i < k && b->lo; i++) {
        cx_num_clear(&b->lo[i]);
        cx_num_clear(&b->hi[i]);
    }
    free(b->lo);
    free(b->hi);
    b->lo = b->hi = NULL;
}

static bool box_new(split_box *b, size_t k)
{
    b->lo = calloc(k, sizeof *b->lo);
    b->hi = calloc(k, sizeof *b->hi);
    if (!b->lo || !b->hi) {
        free(b->lo);
        free(b->hi);
        b->lo = b->hi = NULL;
        return false;
    }
    for (size_t i = 0; i < k; i++) {
        cx_num_init(&b->lo[i]);
        cx_num_init(&b->hi[i]);
    }
    return true;
}

/* The claim's verdict with each input bound to its part of the box. */
static cx_status decide_in_box(cx_eval *E, const cx_ast *claim, const char *const *names,
                               cx_uom *const *units, const uint64_t *tags, size_t k,
                               const split_box *b, cx_aff_witness *w)
{
    cx_state *st = E->st;
    cx_aff_ctx ctx = cx_bounds_ctx(st);
    cx_override *ov = calloc(k, sizeof *ov);
    if (!ov) return cx_eval_oom(E, claim->span);
    cx_status s = CX_OK;
    for (size_t i = 0; i < k; i++) {
        ov[i] =
            (cx_override){.name = (char *)names[i], .span = claim->span, .figure = {.fact = true}};
        cx_value_init(&ov[i].value);
    }
    for (size_t i = 0; i < k && s == CX_OK; i++) {
        cx_bound *bd = cx_bound_new();
        if (!bd) {
            s = cx_eval_oom(E, claim->span);
            break;
        }
        cx_aff_status as = cx_aff_input_range(&bd->f, NULL, &b->lo[i], &b->hi[i], tags[i], &ctx);
        if (as != CX_AFF_OK) {
            cx_bound_unref(bd);
            s = cx_eval_error(
                E, CX_E_LIMIT_BOUNDS, claim->span, "cannot split the bounds further: %s",
                as == CX_AFF_TOO_MANY_SYMBOLS ? "too many bounds in one run" : "out of memory");
            break;
        }
        cx_value_take_bound(&ov[i].value, bd);
        cx_value_set_unit(&ov[i].value, units[i]);
    }
    cx_scenario sc = {.name = (char *)"split", .span = claim->span, .ov = ov, .n = k, .cap_ov = k};
    saved sv;
    if (s == CX_OK && (s = enter(E, &sc, &sv, claim->span)) == CX_OK) {
        cx_value l, r;
        cx_value_init(&l);
        cx_value_init(&r);
        s = cx_eval_expr(E, cx_ast_lhs(claim), &l);
        if (s == CX_OK) s = cx_eval_expr(E, cx_ast_rhs(claim), &r);
        if (s == CX_OK) s = cx_bounded_decide(E, claim->op, claim->op_span, &l, &r, w);
        cx_value_clear(&l);
        cx_value_clear(&r);
        give_back(st, &sv);
    }
    for (size_t i = 0; i < k; i++) cx_value_clear(&ov[i].value);
    free(ov);
    return s;
}

/* The claim at each corner of the full box, exactly (every input a number):
 * a corner that holds and one that fails make it DEPENDS for certain.
 * *fail_at gets the first failing corner as text. */
enum { MAX_EXACT_CORNERS_LOG2 = 6 };

static cx_status exact_corners(cx_eval *E, const cx_ast *claim, const char *const *names,
                               cx_uom *const *units, const cx_aff_sym *syms, size_t k,
                               const split_box *b, bool *held, bool *failed, char **fail_at)
{
    cx_state *st = E->st;
    cx_override *ov = calloc(k, sizeof *ov);
    if (!ov) return cx_eval_oom(E, claim->span);
    for (size_t i = 0; i < k; i++) {
        ov[i] =
            (cx_override){.name = (char *)names[i], .span = claim->span, .figure = {.fact = true}};
        cx_value_init(&ov[i].value);
    }
    cx_scenario sc = {.name = (char *)"corner", .span = claim->span, .ov = ov, .n = k, .cap_ov = k};
    cx_status s = CX_OK;
    for (uint32_t mask = 0; mask < (1u << k) && s == CX_OK && !(*held && *failed); mask++) {
        for (size_t i = 0; i < k; i++) {
            cx_value_set_num(&ov[i].value, mask >> i & 1 ? &b->hi[i] : &b->lo[i]);
            cx_value_set_unit(&ov[i].value, units[i]);
        }
        saved sv;
        if ((s = enter(E, &sc, &sv, claim->span)) != CX_OK) break;
        cx_value l, r;
        cx_value_init(&l);
        cx_value_init(&r);
        cx_aff_witness w;
        cx_aff_witness_init(&w);
        s = cx_eval_expr(E, cx_ast_lhs(claim), &l);
        if (s == CX_OK) s = cx_eval_expr(E, cx_ast_rhs(claim), &r);
        if (s == CX_OK) s = cx_bounded_decide(E, claim->op, claim->op_span, &l, &r, &w);
        give_back(st, &sv);
        if (s == CX_OK && w.verdict == CX_AFF_PASS) *held = true;
        if (s == CX_OK && w.verdict == CX_AFF_FAIL && !*failed) {
            *failed = true;
            char *text = strdup("");
            for (size_t i = 0; i < k && text; i++) {
                const cx_input_label *lab = cx_bounded_label(st, syms[i]);
                char *v =
                    cx_bounded_show_num(E, &ov[i].value.u.num, lab ? lab->suffix : 0, units[i]);
                char *t = v ? cx_strdupf("%s%s%s = %s", text, i ? ", " : "", names[i], v) : NULL;
                free(v);
                free(text);
                text = t;
            }
            if (!text) s = cx_eval_oom(E, claim->span);
            *fail_at = text;
        }
        cx_aff_witness_clear(&w);
        cx_value_clear(&l);
        cx_value_clear(&r);
    }
    for (size_t i = 0; i < k; i++) cx_value_clear(&ov[i].value);
    free(ov);
    return s;
}

cx_status cx_bounded_split(cx_eval *E, const cx_ast *claim, const cx_value *l, const cx_value *r,
                           const char *ls, const char *rs, const char **word, char **detail,
                           bool *passed)
{
    cx_state *st = E->st;
    /* The inputs of l - r, each a name the script binds to it. */
    cx_aff_ctx ctx = cx_bounds_ctx(st);
    cx_aff d, y;
    cx_aff_init(&d);
    cx_aff_init(&y);
    cx_aff_status as =
        l->kind == CX_VAL_BOUND ? cx_aff_set(&d, &l->u.bound->f) : cx_aff_set_num(&d, &l->u.num);
    if (as == CX_AFF_OK)
        as = r->kind == CX_VAL_BOUND ? cx_aff_set(&y, &r->u.bound->f)
                                     : cx_aff_set_num(&y, &r->u.num);
    if (as == CX_AFF_OK) as = cx_aff_sub(&d, &d, &y, &ctx);
    if (as == CX_AFF_NOMEM) {
        cx_aff_clear(&d);
        cx_aff_clear(&y);
        return cx_eval_oom(E, claim->span);
    }
    size_t k = as == CX_AFF_OK ? cx_aff_inputs(&d, NULL, 0) : 0;
    cx_aff_sym *syms = k ? calloc(k, sizeof *syms) : NULL;
    const char **names = k ? calloc(k, sizeof *names) : NULL;
    uint64_t *tags = k ? calloc(k, sizeof *tags) : NULL;
    cx_uom **units = k ? calloc(k, sizeof *units) : NULL;
    split_box *q = NULL;
    size_t nq = 0, head = 0, runs = 0, n_pass = 0, n_fail = 0;
    char *fail_at = NULL;
    bool depends = false;
    cx_status s = CX_OK;
    if (!k) goto out; /* nothing to split: stays UNDECIDED */
    if (!syms || !names || !tags || !units) goto oom;
    cx_aff_inputs(&d, syms, k);
    if (!(q = calloc(2 * MAX_SPLIT_RUNS + 1, sizeof *q)) || !box_new(&q[0], k)) goto oom;
    nq = 1;
    for (size_t i = 0; i < k; i++) {
        const cx_input_label *lab = cx_bounded_label(st, syms[i]);
        const cx_binding *b = lab ? cx_env_global(&st->env, lab->text) : NULL;
        const cx_aff_input *in = cx_aff_gen_input(&st->bounds.gen, syms[i]);
        /* Only an input bound to a name as written can be set again. */
        if (!b || !b->figure.fact || b->value.kind != CX_VAL_BOUND || b->value.u.bound->f.n != 1 ||
            b->value.u.bound->f.t[0].sym != syms[i] || !in) {
            char *why = cx_strdupf("%s %s %s: the ranges overlap, and after a non-linear step "
                                   "they are wider than the true ones; the input %s is not a "
                                   "name, so cx cannot split it and tell",
                                   ls, cx_ast_op_text(claim->op), rs, lab ? lab->text : "?");
            if (!why) goto oom;
            free(*detail);
            *detail = why;
            goto out;
        }
        names[i] = b->name;
        units[i] = b->value.unit;
        tags[i] = in->tag;
        if (cx_aff_lo(&q[0].lo[i], &b->value.u.bound->f, &ctx) != CX_AFF_OK ||
            cx_aff_hi(&q[0].hi[i], &b->value.u.bound->f, &ctx) != CX_AFF_OK)
            goto oom; /* its ends were computed before: only memory can fail */
    }
    if (k <= MAX_EXACT_CORNERS_LOG2) {
        bool held = false, failed = false;
        s = exact_corners(E, claim, names, units, syms, k, &q[0], &held, &failed, &fail_at);
        if (s != CX_OK) goto out;
        runs += 1u << k;
        depends = held && failed;
    }
    while (head < nq && runs < MAX_SPLIT_RUNS && !depends) {
        split_box *b = &q[head++];
        runs++;
        cx_aff_witness w;
        cx_aff_witness_init(&w);
        s = decide_in_box(E, claim, names, units, tags, k, b, &w);
        if (s == CX_OK) {
            if (w.verdict == CX_AFF_PASS) n_pass++;
            if (w.verdict == CX_AFF_FAIL || w.verdict == CX_AFF_DEPENDS) {
                n_fail += w.verdict == CX_AFF_FAIL;
                depends = w.verdict == CX_AFF_DEPENDS;
                if (!fail_at || w.verdict == CX_AFF_DEPENDS) {
                    free(fail_at);
                    if (!(fail_at = cx_bounded_point_text(E, &w.fail))) {
                        cx_aff_witness_clear(&w);
                        goto oom;
                    }
                }
            }
            if (w.verdict == CX_AFF_UNDECIDED) {
                /* Halve the input with the widest part of its range left. */
                size_t j = 0;
                cx_num wj, wi;
                cx_num_init(&wj);
                cx_num_init(&wi);
                for (size_t i = 0; i < k; i++) {
                    cx_num_sub(&wi, &b->hi[i], &b->lo[i], &st->nctx);
                    if (i == 0 || cx_num_cmp(&wi, &wj) > 0) {
                        cx_num_set(&wj, &wi);
                        j = i;
                    }
                }
                cx_num_clear(&wi);
                cx_num_clear(&wj);
                if (!box_new(&q[nq], k)) {
                    cx_aff_witness_clear(&w);
                    goto oom;
                }
                if (!box_new(&q[nq + 1], k)) {
                    box_free(&q[nq], k);
                    cx_aff_witness_clear(&w);
                    goto oom;
                }
                cx_num m, two;
                cx_num_init(&m);
                cx_num_init(&two);
                cx_num_set_si(&two, 2);
                cx_num_status ns = cx_num_add(&m, &b->lo[j], &b->hi[j], &st->nctx);
                if (ns == CX_NUM_OK) ns = cx_num_div(&m, &m, &two, &st->nctx);
                for (size_t i = 0; i < k; i++) {
                    cx_num_set(&q[nq].lo[i], &b->lo[i]);
                    cx_num_set(&q[nq].hi[i], i == j ? &m : &b->hi[i]);
                    cx_num_set(&q[nq + 1].lo[i], i == j ? &m : &b->lo[i]);
                    cx_num_set(&q[nq + 1].hi[i], &b->hi[i]);
                }
                cx_num_clear(&m);
                cx_num_clear(&two);
                nq += 2;
                if (ns != CX_NUM_OK) s = cx_eval_num_error(E, ns, claim->span);
            }
        }
        cx_aff_witness_clear(&w);
        if (s != CX_OK) goto out;
    }
    const char *ops = cx_ast_op_text(claim->op);
    char *new_detail = NULL;
    if (depends || (n_pass && n_fail)) {
        *word = "DEPENDS";
        new_detail = cx_strdupf("%s %s %s: fails at %s (found by running the script again with "
                                "the inputs set, %zu time%s)",
                                ls, ops, rs, fail_at ? fail_at : "?", runs, runs == 1 ? "" : "s");
    } else if (head == nq && n_fail == 0) {
        *word = "PASS";
        *passed = true;
        new_detail = cx_strdupf("%s %s %s for every value (the ranges split into %zu parts)", ls,
                                ops, rs, n_pass);
    } else if (head == nq && n_pass == 0) {
        *word = "FAIL";
        new_detail = cx_strdupf("%s %s %s for no value (the ranges split into %zu parts)", ls, ops,
                                rs, n_fail);
    } else {
        new_detail = cx_strdupf("%s %s %s: the ranges overlap, and after a non-linear step they "
                                "are wider than the true ones; splitting them %d times did not "
                                "settle it",
                                ls, ops, rs, MAX_SPLIT_RUNS);
    }
    if (!new_detail) goto oom;
    free(*detail);
    *detail = new_detail;
    goto out;
oom:
    s = cx_eval_oom(E, claim->span);
out:
    for (size_t i = 0; q && i < nq; i++) box_free(&q[i], k);
    free(q);
    free(syms);
    free(names);
    free(tags);
    free(units);
    free(fail_at);
    cx_aff_clear(&d);
    cx_aff_clear(&y);
    return s;
}
