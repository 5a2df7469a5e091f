/* display_fns.c - the built-ins that turn a number into text: pct, money
 * and fmt.  The digits themselves come from format.c (deterministic, no
 * locale, an approximate number keeps its "≈"); this file checks arguments. */
#include "../runtime/format.h"
#include "../runtime/limits.h"
#include "args.h"
#include "builtins.h"

typedef char *(*text_fn)(const cx_num *x, long places);

/* f(x, places) as a string; places defaults to `dflt` and is bounded by the
 * display digit limit (more decimals than that only prints noise). */
static cx_status as_text(cx_call *c, cx_value *out, text_fn f, long dflt)
{
    const cx_num *x = cx_arg_num(c, 0);
    long places;
    if (!x) return CX_FAIL;
    if (!cx_arg_long(c, 1, 0, CX_MAX_DIGITS, dflt,
                     "a whole number of places from 0 to " CX_STR(CX_MAX_DIGITS), &places))
        return CX_FAIL;
    return cx_ret_text(c, out, f(x, places));
}

cx_status cx_fn_pct(cx_call *c, cx_value *out) { return as_text(c, out, cx_fmt_pct, 1); }
cx_status cx_fn_money(cx_call *c, cx_value *out) { return as_text(c, out, cx_fmt_money, 2); }
cx_status cx_fn_fmt(cx_call *c, cx_value *out) { return as_text(c, out, cx_fmt_fixed, 0); }
