/* table.h - the table statement: a sensitivity table or a two-way grid. */
#ifndef CX_TABLE_H
#define CX_TABLE_H

#include "../lang/ast.h"
#include "state.h"

/* Runs `table x in R: col, label = col;` (one row per value of x, one
 * column per expression) or `table r in R1, c in R2: cell;` (a grid) and
 * emits the table as an output record, its cells as values too. */
cx_status cx_exec_table(cx_eval *E, const cx_ast *n);

#endif
