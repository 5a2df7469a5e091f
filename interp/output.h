/* output.h - output records on their way to the host: each gets the file
 * and line of the statement that made it, then goes to the state's output
 * callback. */
#ifndef CX_OUTPUT_H
#define CX_OUTPUT_H

#include "state.h"

void cx_output_emit(struct cx_state *st, cx_output *rec, cx_span span);

/* A note found while a statement runs (a built-in's warning) waits until
 * the statement's own output is out, so it reads after the value it is
 * about.  Takes `detail` (malloc'ed). */
bool cx_output_note_later(struct cx_state *st, char *detail, cx_span span);
/* Emits the waiting notes (keep) or drops them (the statement failed).
 * Both return false when memory ran out and a note was lost: the caller
 * then ends with an out-of-memory error, never with a note missing. */
bool cx_output_flush_notes(struct cx_state *st, bool keep);

#endif
