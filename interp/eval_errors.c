/* eval_errors.c - how the evaluator and the statements it serves fail: an
 * error with its span, a number operation's failure, out of memory, the
 * run's budget (steps, time, memory, Ctrl-C), and a value as output shows
 * it. */
#include "eval.h"

#include <stdarg.h>
#include "display.h"

cx_status cx_eval_error(cx_eval *E, cx_err_code code, cx_span span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cx_diag_vadd(&E->st->diag, code, span, fmt, ap);
    va_end(ap);
    return CX_FAIL;
}

cx_status cx_eval_num_error(cx_eval *E, cx_num_status st, cx_span span)
{
    return cx_num_error(&E->st->diag, st, span, E->st->opt.max_result_digits);
}

cx_status cx_eval_oom(cx_eval *E, cx_span span)
{
    return cx_eval_error(E, CX_E_LIMIT_MEMORY, span, "out of memory");
}

cx_status cx_eval_poll(cx_eval *E, cx_span span)
{
    cx_budget_status s = cx_budget_check(&E->st->budget);
    return s == CX_BUDGET_OK ? CX_OK : cx_budget_error(&E->st->diag, &E->st->budget, s, span);
}

cx_status cx_eval_step(cx_eval *E, cx_span span)
{
    cx_budget_status s = cx_budget_step(&E->st->budget);
    return s == CX_BUDGET_OK ? CX_OK : cx_budget_error(&E->st->diag, &E->st->budget, s, span);
}

char *cx_eval_render(const cx_eval *E, const cx_value *v)
{
    return cx_display_value(v, E->st->opt.digits);
}
