/* scenario.c - scenarios (scenario.h): the run log, which statements a
 * re-run runs, a scenario's facts in place of the written ones, and
 * declaring a scenario.  Running the script again is scenario_run.c's. */
#include "scenario.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../runtime/grow.h"
#include "../runtime/limits.h"
#include "../runtime/series.h"
#include "check.h"
#include "display.h"
#include "eval.h"
#include "exec.h"
#include "output.h"
#include "state.h"

void cx_scenarios_init(cx_scenarios *s) { memset(s, 0, sizeof *s); }

static void scenario_free(cx_scenario *sc)
{
    for (size_t i = 0; i < sc->n; i++) {
        free(sc->ov[i].name);
        cx_value_clear(&sc->ov[i].value);
    }
    free(sc->ov);
    free(sc->name);
}

void cx_scenarios_free(cx_scenarios *s)
{
    for (size_t i = 0; i < s->n; i++) scenario_free(&s->items[i]);
    free(s->items);
    for (size_t i = 0; i < s->n_runs; i++) free(s->runs[i].input);
    free(s->runs);
    free(s->failed);
    memset(s, 0, sizeof *s);
}

/* ==== the run log =========================================================== */

static bool log_run(cx_scenarios *s, uint32_t src, const char *input)
{
    if (!CX_GROW(s->runs, s->cap_runs, s->n_runs, 8)) return false;
    char *copy = input ? strdup(input) : NULL;
    if (input && !copy) return false;
    s->runs[s->n_runs++] =
        (cx_run_entry){.src = src, .input = copy, .seq_begin = s->seq, .seq_end = UINT64_MAX};
    return true;
}

bool cx_scenarios_run_begin(cx_state *st, uint32_t src)
{
    cx_scenarios *s = &st->scen;
    if (s->depth++ > 0 || s->replay) return true;
    s->reruns = 0;
    return log_run(s, src, NULL);
}

void cx_scenarios_run_end(cx_state *st)
{
    cx_scenarios *s = &st->scen;
    if (--s->depth > 0 || s->replay || s->n_runs == 0) return;
    s->runs[s->n_runs - 1].seq_end = s->seq;
}

bool cx_scenarios_log_input(cx_state *st, const char *name)
{
    cx_scenarios *s = &st->scen;
    if (s->replay || s->depth > 0) return true;
    if (!log_run(s, 0, name)) return false;
    s->runs[s->n_runs - 1].seq_end = s->seq;
    return true;
}

/* Statements a re-run runs: the ones that bind a name. */
static bool binds(const cx_ast *n)
{
    switch (n->kind) {
    case CX_AST_ASSIGN:
    case CX_AST_ASSIGN_AT:
    case CX_AST_ASSIGN_INDEX:
    case CX_AST_FN:
    case CX_AST_INCLUDE:
    case CX_AST_SOURCE: return true;
    default: return false;
    }
}

static bool failed_before(const cx_scenarios *s, uint64_t seq)
{
    for (size_t i = 0; i < s->n_failed; i++)
        if (s->failed[i] == seq) return true;
    return false;
}

cx_stmt_gate cx_scenario_gate(cx_state *st, const cx_ast *n)
{
    cx_scenarios *s = &st->scen;
    uint64_t seq = s->seq++;
    s->current = seq;
    cx_replay *r = s->replay;
    if (!r) return CX_GATE_RUN;
    if (seq >= r->stop) {
        r->reached = true;
        return CX_GATE_STOP;
    }
    if (seq >= r->end) return CX_GATE_STOP;
    if (++s->reruns > CX_MAX_RERUN_STATEMENTS) {
        cx_scenario_too_many_reruns(st, n->span);
        return CX_GATE_STOP;
    }
    if (!binds(n) || failed_before(s, seq)) return CX_GATE_SKIP;
    return CX_GATE_RUN;
}

bool cx_scenario_can_rerun(cx_state *st, cx_span at, uint64_t times)
{
    cx_scenarios *s = &st->scen;
    uint64_t first = s->n_runs ? s->runs[0].seq_begin : 0;
    uint64_t cost = s->current > first ? s->current - first : 0;
    if (times <= CX_MAX_RERUN_STATEMENTS && cost <= CX_MAX_RERUN_STATEMENTS &&
        s->reruns + cost * times <= CX_MAX_RERUN_STATEMENTS)
        return true;
    cx_scenario_too_many_reruns(st, at);
    return false;
}

void cx_scenario_too_many_reruns(cx_state *st, cx_span at)
{
    /* Each table or check over scenarios runs the script once per scenario:
     * a long script asking often would not end. */
    cx_error *e = cx_diag_add(&st->diag, CX_E_LIMIT_SCENARIOS, at,
                              "scenarios would run more than 1,000,000 statements again");
    if (e)
        cx_error_set_hint(e, "each table scenarios and check ... in all scenarios runs the script "
                             "once per scenario; ask fewer times, with more columns");
}

void cx_scenario_failed(cx_state *st)
{
    cx_scenarios *s = &st->scen;
    /* Only the REPL goes on after a failed statement; a script ends. */
    if (s->replay || !st->opt.repl) return;
    if (CX_GROW(s->failed, s->cap_failed, s->n_failed, 8)) s->failed[s->n_failed++] = s->current;
}

void cx_scenario_override(cx_state *st, const char *name, const cx_period *p, cx_value *v,
                          cx_figure *fig)
{
    cx_replay *r = st->scen.replay;
    if (!r || !r->sc) return;
    for (size_t i = 0; i < r->sc->n; i++) {
        const cx_override *o = &r->sc->ov[i];
        if (o->at != (p != NULL) || strcmp(o->name, name) != 0) continue;
        if (p && !(o->period.freq == p->freq && o->period.ord == p->ord)) continue;
        cx_value_clear(v);
        cx_value_copy(v, &o->value);
        if (fig) *fig = o->figure;
        return;
    }
}

/* ==== declaring a scenario ================================================== */

static cx_status scenario_error(cx_eval *E, cx_err_code code, cx_span at, const char *hint,
                                const char *msg, const char *name)
{
    cx_error *e = cx_diag_add(&E->st->diag, code, at, msg, name);
    if (e && hint) cx_error_set_hint(e, "%s", hint);
    return CX_FAIL;
}

/* The fact an override names: a name bound to a constant, or a period of
 * a series bound to one. */
static cx_status find_fact(cx_eval *E, const cx_ast *o, cx_override *ov)
{
    const cx_binding *b = cx_env_global(&E->st->env, o->name);
    if (!b)
        return scenario_error(E, CX_E_NAME_UNKNOWN, o->name_span,
                              "a scenario sets facts the script defines before it",
                              "'%s' is not defined", o->name);
    if (o->kind == CX_AST_ASSIGN) {
        if (b->value.kind == CX_VAL_SERIES)
            return scenario_error(
                E, CX_E_TYPE_SCENARIO, o->name_span, "name the period: capex 2026 = 140B",
                "'%s' is a series: a scenario sets its periods one by one", o->name);
        if (!b->figure.fact) goto derived;
        return CX_OK;
    }
    if (b->value.kind != CX_VAL_SERIES)
        return scenario_error(E, CX_E_TYPE_SCENARIO, cx_ast_first_period(o)->span,
                              "write the name alone: growth = 3%", "'%s' is not a series", o->name);
    if (cx_eval_literal_period(E, cx_ast_first_period(o), &ov->period) != CX_OK) return CX_FAIL;
    ov->at = true;
    if ((!cx_series_has(b->value.u.series, ov->period.ord) &&
         !cx_binding_bound_period(b, ov->period.ord)) ||
        b->value.u.series->freq != ov->period.freq) {
        char pb[32];
        cx_period_format(&ov->period, pb, sizeof pb);
        cx_error *e = cx_diag_add(&E->st->diag, CX_E_NAME_NO_PERIOD, o->span,
                                  "'%s' has no period %s to set", o->name, pb);
        if (e) cx_error_set_hint(e, "a scenario sets facts the script defines before it");
        return CX_FAIL;
    }
    if (!cx_binding_period_figure(b, ov->period.ord).fact) goto derived;
    return CX_OK;
derived : {
    char what[CX_MAX_IDENT_BYTES + 40];
    if (ov->at) {
        char pb[32];
        cx_period_format(&ov->period, pb, sizeof pb);
        snprintf(what, sizeof what, "%s %s", o->name, pb);
    } else {
        snprintf(what, sizeof what, "%s", o->name);
    }
    cx_error *e =
        cx_diag_add(&E->st->diag, CX_E_TYPE_SCENARIO, o->span,
                    "'%s' is computed from other names: a scenario sets facts only", what);
    if (e) {
        cx_error_add_note(e, ov->at ? cx_binding_period_span(b, ov->period.ord) : b->span,
                          "'%s' is computed here", what);
        cx_error_set_hint(e, "set the facts it is computed from, so the logic stays the same in "
                             "every scenario");
    }
    return CX_FAIL;
}
}

static cx_status one_override(cx_eval *E, const cx_ast *o, cx_scenario *sc)
{
    cx_override ov = {.span = o->span};
    cx_value_init(&ov.value);
    if (find_fact(E, o, &ov) != CX_OK) return CX_FAIL;
    for (size_t i = 0; i < sc->n; i++)
        if (strcmp(sc->ov[i].name, o->name) == 0 && sc->ov[i].at == ov.at &&
            (!ov.at || sc->ov[i].period.ord == ov.period.ord)) {
            cx_error *e = cx_diag_add(&E->st->diag, CX_E_NAME_REDEFINED, o->span,
                                      "the scenario sets '%s' twice", o->name);
            if (e) cx_error_add_note(e, sc->ov[i].span, "first set here");
            return CX_FAIL;
        }
    const cx_ast *value = ov.at ? cx_ast_period_value(o) : cx_ast_value(o);
    const cx_ast *bad = cx_ast_not_constant(value);
    if (bad) {
        cx_error *e = cx_diag_add(&E->st->diag, CX_E_TYPE_SCENARIO, bad->span,
                                  "a scenario sets a fact to a constant");
        if (e) cx_error_set_hint(e, "write the value: growth = 3%%, capex 2026 = 140B");
        return CX_FAIL;
    }
    if (cx_eval_expr(E, value, &ov.value) != CX_OK) return CX_FAIL;
    if (ov.at && ov.value.kind != CX_VAL_NUM) {
        cx_value_clear(&ov.value);
        return cx_eval_error(E, CX_E_TYPE_SERIES_VALUE, value->span,
                             "a period of a series holds a number, got %s",
                             cx_value_kind_name(ov.value.kind));
    }
    ov.figure = cx_written_figure(value);
    if (!CX_GROW(sc->ov, sc->cap_ov, sc->n, 4) || !(ov.name = strdup(o->name))) {
        cx_value_clear(&ov.value);
        return cx_eval_oom(E, o->span);
    }
    sc->ov[sc->n++] = ov;
    return CX_OK;
}

cx_status cx_exec_scenario(cx_eval *E, const cx_ast *n)
{
    cx_scenarios *s = &E->st->scen;
    if (strcmp(n->name, "base") == 0)
        return scenario_error(E, CX_E_NAME_REDEFINED, n->name_span,
                              "the base is the script as written; give the scenario another name",
                              "'%s' is the script as written", n->name);
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->items[i].name, n->name) == 0) {
            if (E->st->opt.repl) { /* the REPL replaces it */
                scenario_free(&s->items[i]);
                memmove(&s->items[i], &s->items[i + 1], (s->n - i - 1) * sizeof *s->items);
                s->n--;
                break;
            }
            cx_error *e = cx_diag_add(&E->st->diag, CX_E_NAME_REDEFINED, n->name_span,
                                      "scenario '%s' is already defined", n->name);
            if (e) cx_error_add_note(e, s->items[i].span, "first defined here");
            return CX_FAIL;
        }
    if (s->n >= CX_MAX_SCENARIOS)
        return scenario_error(E, CX_E_LIMIT_SCENARIOS, n->name_span,
                              "each scenario runs the script again; compare fewer at a time",
                              "more than %s scenarios", CX_MAX_SCENARIOS_TEXT);
    cx_scenario sc = {.span = n->span};
    cx_status st = (sc.name = strdup(n->name)) ? CX_OK : cx_eval_oom(E, n->span);
    for (size_t i = 0; i < n->list.len && st == CX_OK; i++)
        st = one_override(E, n->list.items[i], &sc);
    if (st == CX_OK && !CX_GROW(s->items, s->cap, s->n, 4)) st = cx_eval_oom(E, n->span);
    if (st != CX_OK) {
        scenario_free(&sc);
        return CX_FAIL;
    }
    s->items[s->n++] = sc;
    return CX_OK;
}
