/* sum.h - a running sum that reduces its fraction only when it must.  Adding
 * fractions term by term costs a gcd per term; when each denominator divides
 * the next (a discounted cash flow: 151/150 to the powers 1, 2, 3, ...) the
 * sum can stay n/d with d the latest denominator and be reduced once at the
 * end: sum(cf(i) / (1 + 8%/12)^i for i in 1..3000) runs several times
 * faster, with the same exact value.  The size limit is checked as term by
 * term addition would: an unreduced sum past the limit is reduced, and only
 * a reduced sum past it is CX_NUM_TOO_BIG, so the same partial sum stops. */
#ifndef CX_SUM_H
#define CX_SUM_H

#include <stdbool.h>
#include <gmp.h>
#include "number.h"

typedef struct cx_sum {
    cx_num small; /* the sum while `big` and `pend` are false (small, or approximate) */
    bool big;     /* the sum is n/d */
    bool reduced; /* n/d is in lowest terms */
    /* Small terms over a common denominator: the sum is pn/pd, unreduced, in
     * machine words (a million short decimals add without a gcd each). */
    bool pend;
    __int128 pn;
    int64_t pd;
    mpz_t n, d; /* d > 0; inited only while big */
} cx_sum;

void cx_sum_init(cx_sum *s); /* s = 0 */
/* Adds x in. */
cx_num_status cx_sum_add(cx_sum *s, const cx_num *x, const cx_num_ctx *ctx);
/* *out = the sum, and s is 0 again. */
cx_num_status cx_sum_take(cx_sum *s, cx_num *out, const cx_num_ctx *ctx);
/* Frees what s holds. */
void cx_sum_clear(cx_sum *s);

#endif
