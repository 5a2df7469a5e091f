/* eval.h - the tree-walking evaluator: runs a unit's statements against the
 * state's environment and emits output records.  No printing. */
#ifndef CX_EVAL_H
#define CX_EVAL_H

#include "../lang/ast.h"
#include "state.h"
#include "../runtime/value.h"

/* Runs every statement of u in order; stops at the first error. */
cx_status cx_eval_unit(cx_eval *E, const cx_unit *u);
/* Runs one top-level statement (then checks the interrupt and memory
 * limits).  A function definition keeps pointing at n afterwards. */
cx_status cx_eval_stmt(cx_eval *E, const cx_ast *n);
/* Evaluates one expression into *out (an inited value). */
cx_status cx_eval_expr(cx_eval *E, const cx_ast *n, cx_value *out);

/* Helpers shared with check.c and state.c. */
cx_status cx_eval_error(cx_eval *E, cx_err_kind kind, const char *code, cx_span span,
                        const char *fmt, ...) __attribute__((format(printf, 5, 6)));
cx_status cx_eval_num_error(cx_eval *E, cx_num_status st, cx_span span);
/* The expression as written, whitespace runs folded to one space; malloc'ed. */
char *cx_eval_source_text(const cx_eval *E, cx_span span);
/* Emits an output record, filling file and line from `span`. */
void cx_eval_emit(cx_eval *E, cx_output *rec, cx_span span);
/* Rendered value for output (numbers per --digits); malloc'ed. */
char *cx_eval_render(const cx_eval *E, const cx_value *v);

/* a OP b (arithmetic, comparison) for every value kind that supports it. */
cx_status cx_eval_binop(cx_eval *E, int op, cx_span span, const cx_value *a, const cx_value *b,
                        cx_value *out);

/* check.c */
cx_status cx_check_exec(cx_eval *E, const cx_ast *n);

#endif
