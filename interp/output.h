/* output.h - output records on their way to the host: each gets the file
 * and line of the statement that made it, then goes to the state's output
 * callback. */
#ifndef CX_OUTPUT_H
#define CX_OUTPUT_H

#include "state.h"

void cx_output_emit(struct cx_state *st, cx_output *rec, cx_span span);

#endif
