/* units.h - units of measure on values (docs/language.md, "Units"): the
 * declared counts, a literal's unit, `x as UNIT`, operators on values with
 * units, built-in calls under their unit rule (stdlib/unit_rules.h), and a
 * value's unit when it is shown.  The algebra itself is runtime/unit.h. */
#ifndef CX_UNITS_H
#define CX_UNITS_H

#include "../lang/ast.h"
#include "../runtime/unit.h"
#include "../runtime/value.h"
#include "state.h"

/* `unit employee, customer;` */
cx_status cx_units_declare(cx_eval *E, const cx_ast *n);
/* `4.8B USD/qtr`, `$125B/yr` (CX_AST_UNIT_NUM), and `x as USD/yr`
 * (CX_AST_AS) of v, the value of x (v is used up). */
cx_status cx_units_literal(cx_eval *E, const cx_ast *n, cx_value *out);
cx_status cx_units_as(cx_eval *E, const cx_ast *n, cx_value *v, cx_value *out);

/* A built-in called under its unit rule (stdlib/unit_rules.h); without
 * units anywhere in its arguments, the plain call.  unit_calls.c. */
struct cx_builtin;
struct cx_call;
cx_status cx_units_call(cx_eval *E, const struct cx_builtin *bi, struct cx_call *c, cx_value *out);

/* The error for two units that do not meet (op: "+", "~", "as", ...):
 * both sides' units and dimensions as notes at ls and rs, and a hint with
 * the explicit conversions.  Returns CX_FAIL. */
cx_status cx_units_mismatch(cx_eval *E, const cx_uom *a, const cx_uom *b, cx_span span, cx_span ls,
                            cx_span rs, const char *op);

/* Whether v, or any item of a list v, has a unit. */
bool cx_units_any(const cx_value *v);
/* A value that must have no unit here (`what`: "a range's end", ...): an
 * error naming what takes no units, never a silent drop. */
cx_status cx_units_refuse(cx_eval *E, const cx_value *v, cx_span span, const char *what);

/* Multiplies v (a number or a series) by the exact factor f. */
cx_status cx_units_scale(cx_eval *E, cx_value *v, const mpq_t f, cx_span span);

/* The text of v shown with its unit ("$6,000,000,000/yr"); takes `text`
 * (malloc'ed) and returns the new text, or text itself when v has none. */
char *cx_units_decorate(char *text, const cx_value *v);

#endif
