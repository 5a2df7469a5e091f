/* report.h - what report.c shares with bound.c: evaluating an expression
 * region into a value.  Private to the interpreter. */
#ifndef CX_REPORT_H
#define CX_REPORT_H

#include "state.h"
#include "../runtime/value.h"

/* Parses and evaluates expression region `id` into *out (an inited value);
 * errors go to the state's diagnostics. */
cx_status cx_report_eval(struct cx_state *st, uint32_t id, cx_value *out);

#endif
