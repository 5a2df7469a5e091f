/* eval.h - the expression evaluator: an expression node and the state's
 * environment in, a value or an error (with its span) out.  No statements,
 * no output records, no files: those are exec.h's and check.h's. */
#ifndef CX_EVAL_H
#define CX_EVAL_H

#include "../lang/ast.h"
#include "../runtime/value.h"
#include "state.h"

/* Evaluates one expression into *out (an inited value). */
cx_status cx_eval_expr(cx_eval *E, const cx_ast *n, cx_value *out);
/* a OP b (arithmetic, comparison) for every value kind that supports it;
 * out is written only on success. */
cx_status cx_eval_binop(cx_eval *E, int op, cx_span span, const cx_value *a, const cx_value *b,
                        cx_value *out);
/* The same, with the operands' spans for a unit mismatch (its notes and
 * hint quote them; an empty span stands for "x", "y"). */
cx_status cx_eval_binop_spans(cx_eval *E, int op, cx_span span, const cx_value *a,
                              const cx_value *b, cx_value *out, cx_span lhs, cx_span rhs);

/* Calls fn for every item of a list, series (its values) or range; fn may
 * move the item out.  Stops at the first failure; a long range polls the
 * limits as it goes. */
typedef cx_status (*cx_item_fn)(cx_eval *E, cx_value *item, void *ud);
cx_status cx_eval_iterate(cx_eval *E, const cx_value *it, cx_span span, cx_item_fn fn, void *ud);

/* A period written in a period position (`capex 2025`, `x 2025Q1..2025Q4`):
 * a period literal, or an integer literal read as a year. */
cx_status cx_eval_literal_period(cx_eval *E, const cx_ast *n, cx_period *out);
/* A period from a value: a period, or an integer year (1 to 9999). */
cx_status cx_eval_value_period(cx_eval *E, const cx_value *v, cx_span span, cx_period *out);

/* ---- errors and limits, for exec.c and check.c too ------------------------ */
cx_status cx_eval_error(cx_eval *E, cx_err_code code, cx_span span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
cx_status cx_eval_num_error(cx_eval *E, cx_num_status st, cx_span span);
cx_status cx_eval_oom(cx_eval *E, cx_span span);
/* Time, memory and Ctrl-C now (runtime/budget.h). */
cx_status cx_eval_poll(cx_eval *E, cx_span span);
/* One evaluation step (a statement, a loop or comprehension item, a call):
 * counted for --max-steps, with the other limits checked every so often. */
cx_status cx_eval_step(cx_eval *E, cx_span span);
/* Computes again every value b's series does not keep (a lean recurrence,
 * recurrence.h), so that it keeps them all; CX_OK at once when it does.
 * Counts steps like the first run and fails as an evaluation does (a
 * limit, out of memory); the error then has a note at `at`, the read that
 * asked for them. */
cx_status cx_eval_fill_series(cx_eval *E, struct cx_binding *b, cx_span at);

/* A value as output shows it (numbers per --digits); malloc'ed. */
char *cx_eval_render(const cx_eval *E, const cx_value *v);

#endif
