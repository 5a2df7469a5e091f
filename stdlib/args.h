/* args.h - the calling convention of built-ins (stdlib/ only, not part of
 * libcx's contract): errors located at an argument or the call, the
 * services a call carries, typed access to arguments with the standard
 * "NAME expects ... as argument N, got ..." errors, and the walk over the
 * numbers of an aggregate argument.  Implemented in args.c. */
#ifndef CX_STDLIB_ARGS_H
#define CX_STDLIB_ARGS_H

#include <stdbool.h>
#include "../runtime/series.h"
#include "builtins.h"

/* A macro's value as a string literal, for messages: CX_STR(CX_MAX_DIGITS). */
#define CX_STR_(x) #x
#define CX_STR(x)  CX_STR_(x)

/* Reports an error at argument `arg` (or at the whole call when arg < 0).
 * Returns CX_FAIL so callers can `return cx_call_error(...)`. */
cx_status cx_call_error(cx_call *c, int arg, cx_err_code code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Reports a number-operation failure (division by zero, too big, domain) at
 * argument `arg` or the call, with the standard message for `st`. */
cx_status cx_call_num_error(cx_call *c, int arg, cx_num_status st);
const cx_num_ctx *cx_call_num_ctx(const cx_call *c);
int cx_call_digits(const cx_call *c);      /* --digits */
long cx_call_max_series(const cx_call *c); /* --max-series */
/* Leaves a note about a legal result that is almost certainly a mistake
 * (a rate above 100% a period): the value stands, and the output shows the
 * note after it.  Only the first note of a call is kept. */
void cx_call_note(cx_call *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* One step of a built-in's own loop over many items (runtime/budget.h);
 * CX_FAIL (error reported at the call) past a limit. */
cx_status cx_call_step(cx_call *c);
/* cx_call_step for a callback (the rate search's poll): c is a cx_call;
 * non-zero when the run must stop, its limit error recorded. */
int cx_call_poll(void *c);

/* "a number", "an approximate ...": the kind with its article, for messages. */
const char *cx_arg_kind_phrase(const cx_value *v);

/* Argument i as a number; NULL (error reported) when it is something else. */
const cx_num *cx_arg_num(cx_call *c, size_t i);
/* Argument i as a number, or `dflt` when the call has no argument i. */
const cx_num *cx_arg_num_or(cx_call *c, size_t i, const cx_num *dflt);
/* Argument i as a yes/no flag: true/false or the numbers 1/0; `dflt` when
 * the call has no argument i.  false (error reported) otherwise. */
bool cx_arg_flag(cx_call *c, size_t i, bool dflt, bool *out);
/* Argument i as text (a string's bytes, NUL-terminated), or `dflt` when the
 * call has no argument i; NULL (error reported) when it is not a string. */
const char *cx_arg_text_or(cx_call *c, size_t i, const char *dflt);
/* Argument i as a series; NULL (error reported) when it is something else. */
const cx_series *cx_arg_series(cx_call *c, size_t i);
/* Argument i as a whole number in [lo, hi], or `dflt` when the call has no
 * argument i.  false (error reported) otherwise. */
bool cx_arg_long(cx_call *c, size_t i, long lo, long hi, long dflt, const char *what, long *out);
/* Argument i as a period: a period value or an integer year. */
bool cx_arg_period(cx_call *c, size_t i, cx_period *out);
/* Argument i as a number > 0, `what` naming it in the error ("a positive
 * number of years"). */
cx_status cx_arg_positive(cx_call *c, size_t i, const char *what, const cx_num **out);

/* The "name-no-period" error: the series lacks period `ord`, which `what`
 * (e.g. "2024 and 2025") needs; lists the periods it has.  Returns CX_FAIL. */
cx_status cx_arg_no_period(cx_call *c, int arg, const cx_series *s, int64_t ord, const char *what);

/* Stores a malloc'ed string s (taken) as the call's string result; NULL s or
 * a failed copy is reported as out of memory. */
cx_status cx_ret_text(cx_call *c, cx_value *out, char *s);
/* The standard out-of-memory error at the call. */
cx_status cx_call_oom(cx_call *c);
/* The periods s has, for a message: "2021..2024, 2026" (at most 8 pieces) or
 * "no periods"; malloc'ed.  NULL after recording an out-of-memory error, so
 * a failed allocation never reads as "no periods". */
char *cx_call_periods_text(cx_call *c, const cx_series *s);

/* An exact range of numbers in closed form: its item count n (0 when hi < lo)
 * and, when n > 0, its last item lo + (n - 1) * step.  false when a bound or
 * the step is approximate (the caller walks it instead); *st reports a number
 * failure (too big) with true returned. */
bool cx_range_closed(const cx_range *r, cx_num *n, cx_num *last, const cx_num_ctx *ctx,
                     cx_num_status *st);

/* The numbers an aggregate reads: the items of its one list, series or range
 * argument, or its arguments when there are several (or one number).  fn is
 * called for each in order, with its 0-based position; a non-number stops the
 * walk with a type error naming it, and a range longer than --max-series is a
 * limit error.  *count, when not NULL, receives how many numbers fn saw. */
typedef cx_status (*cx_num_visit)(cx_call *c, void *ud, const cx_num *x, size_t index);
cx_status cx_args_each_num(cx_call *c, cx_num_visit fn, void *ud, size_t *count);

#endif
