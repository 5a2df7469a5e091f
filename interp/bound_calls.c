/* bound_calls.c - the linear built-ins over bounds (bounded.h): npv, npv0
 * and sum of flows where a flow is a bound run here through the operators,
 * exactly, so their range is the true one and units follow npv's rule. */
#include <stdlib.h>
#include <string.h>
#include "../runtime/unit.h"
#include "bounded.h"
#include "eval.h"
#include "state.h"

bool cx_bounded_is_linear_fn(const char *name)
{
    return !strcmp(name, "npv") || !strcmp(name, "npv0") || !strcmp(name, "sum");
}

static bool holds_bound(const cx_value *v)
{
    if (v->kind == CX_VAL_BOUND) return true;
    if (v->kind != CX_VAL_LIST) return false;
    for (size_t i = 0; i < v->u.list->len; i++)
        if (v->u.list->items[i].kind == CX_VAL_BOUND) return true;
    return false;
}

bool cx_bounded_call_applies(const char *name, const cx_value *args, size_t n)
{
    if (!cx_bounded_is_linear_fn(name)) return false;
    for (size_t i = 0; i < n; i++)
        if (holds_bound(&args[i])) return true;
    return false;
}

/* The flows of a call from argument `from` on: one list, or the values. */
static void flows_of(const cx_value *args, size_t n, size_t from, const cx_value **items,
                     size_t *count)
{
    if (n == from + 1 && args[from].kind == CX_VAL_LIST) {
        *items = args[from].u.list->items;
        *count = args[from].u.list->len;
    } else {
        *items = args + from;
        *count = n - from;
    }
}

cx_status cx_bounded_call(cx_eval *E, const char *name, const cx_value *args, size_t n,
                          const cx_span *spans, cx_span span, cx_value *out)
{
    cx_state *st = E->st;
    bool is_sum = !strcmp(name, "sum");
    size_t from = is_sum ? 0 : 1;
    if (!is_sum &&
        (n < 2 || args[0].kind != CX_VAL_NUM || args[0].unit || !cx_num_is_exact(&args[0].u.num)))
        return cx_eval_error(E, CX_E_TYPE_ARG, n ? spans[0] : span,
                             "%s of bounds takes an exact rate without a unit", name);
    const cx_value *items;
    size_t count;
    flows_of(args, n, from, &items, &count);
    cx_value acc, term, factor;
    cx_value_init(&acc);
    cx_value_init(&term);
    cx_value_init(&factor);
    cx_num one, f;
    cx_num_init(&one);
    cx_num_init(&f);
    cx_status s = CX_OK;
    /* Each flow discounted by (1 + r)^-(i + shift): exact, and linear in the
     * flows, so the range of the sum is the true one. */
    if (!is_sum) {
        cx_num_set_si(&one, 1);
        cx_num_status ns = cx_num_add(&f, &one, &args[0].u.num, &st->nctx);
        if (ns == CX_NUM_OK && cx_num_is_zero(&f)) ns = CX_NUM_DIV_ZERO;
        if (ns == CX_NUM_OK) ns = cx_num_div(&f, &one, &f, &st->nctx);
        if (ns != CX_NUM_OK) s = cx_eval_num_error(E, ns, spans[0]);
        cx_num_set(&one, !strcmp(name, "npv") ? &f : &one); /* the first flow's factor */
        cx_value_set_num(&factor, &one);
    }
    for (size_t i = 0; i < count && s == CX_OK; i++) {
        const cx_value *it = &items[i];
        if (it->kind != CX_VAL_NUM && it->kind != CX_VAL_BOUND) {
            s = cx_eval_error(E, CX_E_TYPE_ARG, spans[n > from ? from : 0],
                              "%s takes numbers and bounds, got %s", name,
                              cx_value_kind_name(it->kind));
            break;
        }
        cx_value_clear(&term);
        if (is_sum) cx_value_copy(&term, it);
        else s = cx_eval_binop(E, CX_OP_MUL, span, it, &factor, &term);
        if (s != CX_OK) break;
        if (i == 0) cx_value_move(&acc, &term);
        else s = cx_eval_binop(E, CX_OP_ADD, span, &acc, &term, &acc);
        if (!is_sum && s == CX_OK) {
            cx_num_status ns = cx_num_mul(&factor.u.num, &factor.u.num, &f, &st->nctx);
            if (ns != CX_NUM_OK) s = cx_eval_num_error(E, ns, span);
        }
        if (s == CX_OK) s = cx_eval_step(E, span);
    }
    if (s == CX_OK && count == 0) { /* no flows: 0 */
        cx_num_set_si(&one, 0);
        cx_value_set_num(&acc, &one);
    }
    /* npv: a flow per period (USD/yr) discounts to an amount (USD). */
    if (s == CX_OK && !is_sum && acc.unit && cx_uom_time_denominator(acc.unit, NULL)) {
        cx_uom *u = cx_uom_with_time(acc.unit, NULL);
        if (!u && acc.unit->n > 1) s = cx_eval_oom(E, span);
        else {
            cx_value_set_unit(&acc, u);
            cx_uom_unref(u);
        }
    }
    if (s == CX_OK) cx_value_move(out, &acc);
    cx_value_clear(&acc);
    cx_value_clear(&term);
    cx_value_clear(&factor);
    cx_num_clear(&one);
    cx_num_clear(&f);
    return s;
}
