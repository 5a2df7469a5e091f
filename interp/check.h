/* check.h - claims: `check COND;`, `check A ~ B;`, `check A ~ B within T;`. */
#ifndef CX_CHECK_H
#define CX_CHECK_H

#include "../lang/ast.h"
#include "state.h"

/* Evaluates the claim and emits a PASS or FAIL record; CX_FAIL only for an
 * error (a side that is not a number, ...), never for a failed claim. */
cx_status cx_check_exec(cx_eval *E, const cx_ast *n);

/* The `~` rule: whether a rounds, half away from zero, to the figure
 * `shown` written to a precision of 10^q10 (4.8B: 10^8).  *lo and *hi
 * (inited) get the interval's ends; *passed the verdict.  A number failure
 * (a figure too large to rebuild) is returned, *passed then false.  Used
 * by `check A ~ B` and by a report's bound numbers (bound.c). */
cx_num_status cx_check_rounds_to(const cx_num *a, const cx_num *shown, int64_t q10, cx_num *lo,
                                 cx_num *hi, bool *passed, const cx_num_ctx *ctx);

#endif
