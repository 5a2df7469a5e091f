/* check.h - claims: `check COND;`, `check A ~ B;`, `check A ~ B within T;`. */
#ifndef CX_CHECK_H
#define CX_CHECK_H

#include "../lang/ast.h"
#include "state.h"

/* Evaluates the claim and emits a PASS or FAIL record; CX_FAIL only for an
 * error (a side that is not a number, ...), never for a failed claim. */
cx_status cx_check_exec(cx_eval *E, const cx_ast *n);

#endif
