/* budget.h - what a run may spend: evaluation steps (--max-steps, the same
 * on every machine), wall-clock time (--timeout), memory for numbers
 * (--max-memory, counted by numalloc.c) and a host's interrupt (Ctrl-C).
 * The evaluator takes a step at every statement, loop or comprehension item
 * and call, and built-ins at every item of their own loops; a step that
 * passes a limit says which, and the caller reports it with its span. */
#ifndef CX_BUDGET_H
#define CX_BUDGET_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>
#include "../include/cx.h"

typedef enum cx_budget_status {
    CX_BUDGET_OK = 0,
    CX_BUDGET_STEPS,       /* more than max_steps steps */
    CX_BUDGET_TIME,        /* past the deadline */
    CX_BUDGET_MEMORY,      /* numbers hold more than the memory limit */
    CX_BUDGET_INTERRUPTED, /* the host asked the run to stop */
} cx_budget_status;

typedef struct cx_budget {
    uint64_t steps;     /* taken so far in this run */
    uint64_t max_steps; /* 0: no limit */
    long timeout_ms;    /* 0: no limit */
    struct timespec deadline;
    atomic_int *interrupted; /* the state's flag, set from any thread; may be NULL */
    long memory_mb;          /* the memory limit, for its message */
} cx_budget;

/* Starts a run's budget: no steps taken, the deadline timeout_ms from now. */
void cx_budget_start(cx_budget *b);

/* Everything but the step count: time, memory, interrupt.  An interrupt or
 * the memory flag is cleared as it is reported. */
cx_budget_status cx_budget_check(cx_budget *b);

/* One step: counted, and every so often (and at the step limit) checked. */
static inline cx_budget_status cx_budget_step(cx_budget *b)
{
    b->steps++;
    if (b->max_steps && b->steps > b->max_steps) return CX_BUDGET_STEPS;
    if ((b->steps & 255) == 0) return cx_budget_check(b);
    return CX_BUDGET_OK;
}

/* Reports a status other than OK as the limit error it is, at `span`, with
 * the flag that raises the limit.  Returns CX_FAIL. */
struct cx_diag;
int cx_budget_error(struct cx_diag *d, const cx_budget *b, cx_budget_status s, cx_span span);

#endif
