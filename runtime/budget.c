/* budget.c - the clock and the flags behind budget.h.  CLOCK_MONOTONIC: a
 * change of the wall clock neither ends a run early nor lets it run on. */
#include "budget.h"

#include <stdio.h>
#include <string.h>
#include "error.h"
#include "numalloc.h"

void cx_budget_start(cx_budget *b)
{
    b->steps = 0;
    clock_gettime(CLOCK_MONOTONIC, &b->deadline);
    b->deadline.tv_sec += b->timeout_ms / 1000;
    b->deadline.tv_nsec += (b->timeout_ms % 1000) * 1000000L;
    if (b->deadline.tv_nsec >= 1000000000L) {
        b->deadline.tv_sec++;
        b->deadline.tv_nsec -= 1000000000L;
    }
}

cx_budget_status cx_budget_check(cx_budget *b)
{
    if (b->interrupted && atomic_exchange(b->interrupted, 0)) return CX_BUDGET_INTERRUPTED;
    if (cx_numalloc_over_limit()) {
        cx_numalloc_reset();
        return CX_BUDGET_MEMORY;
    }
    if (b->timeout_ms > 0) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec > b->deadline.tv_sec ||
            (now.tv_sec == b->deadline.tv_sec && now.tv_nsec >= b->deadline.tv_nsec))
            return CX_BUDGET_TIME;
    }
    return CX_BUDGET_OK;
}

int cx_budget_error(struct cx_diag *d, const cx_budget *b, cx_budget_status s, cx_span span)
{
    cx_error *e = NULL;
    switch (s) {
    case CX_BUDGET_OK: return CX_OK;
    case CX_BUDGET_STEPS:
        e = cx_diag_add(d, CX_E_LIMIT_STEPS, span, "stopped after %llu evaluation steps",
                        (unsigned long long)b->max_steps);
        if (e) cx_error_set_hint(e, "the limit is set with --max-steps N");
        break;
    case CX_BUDGET_TIME: {
        /* Seconds as written: 5, 0.5, 2.25 (no trailing zeros). */
        char frac[8] = "";
        if (b->timeout_ms % 1000) {
            snprintf(frac, sizeof frac, ".%03ld", b->timeout_ms % 1000);
            for (size_t n = strlen(frac); frac[n - 1] == '0'; n--) frac[n - 1] = '\0';
        }
        e = cx_diag_add(d, CX_E_LIMIT_TIME, span, "ran longer than %ld%s s", b->timeout_ms / 1000,
                        frac);
        if (e) cx_error_set_hint(e, "the limit is set with --timeout SECONDS");
        break;
    }
    case CX_BUDGET_MEMORY:
        e = cx_diag_add(d, CX_E_LIMIT_MEMORY, span, "memory limit of %ld MB exceeded",
                        b->memory_mb);
        if (e) cx_error_set_hint(e, "the limit is set with --max-memory SIZE (64M, 2G)");
        break;
    case CX_BUDGET_INTERRUPTED: cx_diag_add(d, CX_E_INTERRUPTED, span, "interrupted"); break;
    }
    return CX_FAIL;
}
