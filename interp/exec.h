/* exec.h - running statements: the unit of work the state hands over, one
 * top-level statement at a time, as the parser produces them. */
#ifndef CX_EXEC_H
#define CX_EXEC_H

#include "../lang/ast.h"
#include "state.h"

/* Runs one top-level statement, then polls the interrupt and memory limits.
 * A function definition keeps pointing at n afterwards (the caller keeps
 * its nodes). */
cx_status cx_exec_stmt(cx_eval *E, const cx_ast *n);

#endif
