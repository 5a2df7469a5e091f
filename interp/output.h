/* output.h - output records on their way to the host: each gets the file
 * and line of the statement that made it, then goes to the state's output
 * callback, or waits while the state holds output back (a source that runs
 * as it is parsed, state.c: its records go out once the parse has reached
 * its end without a syntax error). */
#ifndef CX_OUTPUT_H
#define CX_OUTPUT_H

#include "state.h"

struct cx_chart;

/* A record held back: its strings and values are copies it owns, and its
 * chart is freed with free_chart. */
typedef struct cx_held_output {
    cx_output rec;
    void (*free_chart)(struct cx_chart *);
} cx_held_output;

void cx_output_emit(struct cx_state *st, cx_output *rec, cx_span span);
/* The same for a CHART record: when the record waits, it takes the chart
 * (*chart becomes NULL), to be freed with free_chart; otherwise the caller
 * still frees it. */
void cx_output_emit_chart(struct cx_state *st, cx_output *rec, cx_span span,
                          struct cx_chart **chart, void (*free_chart)(struct cx_chart *));

/* Records wait instead of going out from now on; held records are counted
 * from `mark` (st->n_held) for cx_output_release. */
void cx_output_hold(struct cx_state *st);
/* Ends the wait: every held record from index `from` on goes out (send) or
 * is dropped (a syntax error after all); the ones before it are left.
 * false when a record could not be held for lack of memory: then only the
 * records before it went out, and the caller ends with an out-of-memory
 * error, never with output missing. */
bool cx_output_release(struct cx_state *st, size_t from, bool send);

/* A note found while a statement runs (a built-in's warning) waits until
 * the statement's own output is out, so it reads after the value it is
 * about.  Takes `detail` (malloc'ed). */
bool cx_output_note_later(struct cx_state *st, char *detail, cx_span span);
/* Emits the waiting notes (keep) or drops them (the statement failed).
 * Both return false when memory ran out and a note was lost: the caller
 * then ends with an out-of-memory error, never with a note missing. */
bool cx_output_flush_notes(struct cx_state *st, bool keep);

#endif
