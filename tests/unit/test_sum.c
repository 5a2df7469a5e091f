/* test_sum.c - runtime/sum.c: the postponed-reduction sum equals term by
 * term addition (chained, unrelated and mixed denominators, signs, small and
 * big terms), turns approximate with an approximate term, and stops at the
 * same partial sum as term by term addition under the size limit. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include "../../runtime/sum.h"
#include "helpers.h"

static const cx_num_ctx C = {3321929, 256};

/* x = num / den^k, canonical. */
static void term(cx_num *x, int64_t num, int64_t den, int k)
{
    cx_num b, p;
    cx_num_init(&b);
    cx_num_init(&p);
    cx_num_set_si(&b, den);
    cx_num_set_si(&p, k);
    cr_assert(eq(int, cx_num_pow(&p, &b, &p, &C), CX_NUM_OK));
    cx_num_set_si(&b, num);
    cr_assert(eq(int, cx_num_div(x, &b, &p, &C), CX_NUM_OK));
    cx_num_clear(&b);
    cx_num_clear(&p);
}

/* The i-th of n terms of a sequence; kind picks the denominators. */
typedef void (*term_maker)(cx_num *x, int i, int n, int kind);

static void chained_term(cx_num *x, int i, int n, int kind)
{
    switch (kind) {
    case 0: term(x, 1000 + 3 * i, 151, i); break;                 /* d | next d */
    case 1: term(x, i % 2 ? 7 : -11, 151, n - i + 1); break;      /* next d | d */
    case 2: term(x, 1, i + 1, 1); break;                          /* unrelated */
    default: term(x, i, i % 3 == 0 ? 10 : 151, i % 5 + 1); break; /* mixed */
    }
}

/* Adds n terms both ways and compares value and canonical form. */
static void compare_with(int n, term_maker make, int kind)
{
    cx_sum s;
    cx_sum_init(&s);
    cx_num left, x, got;
    cx_num_init(&left);
    cx_num_init(&x);
    cx_num_init(&got);
    for (int i = 1; i <= n; i++) {
        make(&x, i, n, kind);
        cr_assert(eq(int, cx_num_add(&left, &left, &x, &C), CX_NUM_OK));
        cr_assert(eq(int, cx_sum_add(&s, &x, &C), CX_NUM_OK));
    }
    cr_assert(eq(int, cx_sum_take(&s, &got, &C), CX_NUM_OK));
    cr_expect(cx_num_eq(&got, &left), "n = %d, kind %d", n, kind);
    cr_expect(eq(int, got.kind, left.kind), "canonical form, n = %d, kind %d", n, kind);
    cx_sum_clear(&s);
    cx_num_clear(&left);
    cx_num_clear(&x);
    cx_num_clear(&got);
}

static void compare(int n, int kind) { compare_with(n, chained_term, kind); }

Test(sum, equals_term_by_term_addition)
{
    for (int kind = 0; kind < 4; kind++)
        for (int n = 0; n <= 60; n += 7) compare(n, kind);
    compare(400, 0);
}

Test(sum, a_sum_that_cancels_comes_back_small)
{
    cx_sum s;
    cx_sum_init(&s);
    cx_num x, got;
    cx_num_init(&x);
    cx_num_init(&got);
    for (int i = 1; i <= 30; i++) {
        term(&x, 5, 151, i);
        cr_assert(eq(int, cx_sum_add(&s, &x, &C), CX_NUM_OK));
    }
    for (int i = 30; i >= 1; i--) {
        term(&x, -5, 151, i);
        cr_assert(eq(int, cx_sum_add(&s, &x, &C), CX_NUM_OK));
    }
    cx_num_set_si(&x, 42);
    cr_assert(eq(int, cx_sum_add(&s, &x, &C), CX_NUM_OK));
    cr_assert(eq(int, cx_sum_take(&s, &got, &C), CX_NUM_OK));
    int64_t v = 0;
    cr_expect(cx_num_get_si(&got, &v));
    cr_expect(eq(i64, v, 42));
    cr_expect(eq(int, got.kind, CX_NUM_SMALL));
    cx_num_clear(&x);
    cx_num_clear(&got);
}

Test(sum, an_approximate_term_makes_the_sum_approximate)
{
    cx_sum s;
    cx_sum_init(&s);
    cx_num x, got;
    cx_num_init(&x);
    cx_num_init(&got);
    term(&x, 1, 151, 20);
    cr_assert(eq(int, cx_sum_add(&s, &x, &C), CX_NUM_OK));
    cx_num_set_si(&x, 2);
    cr_assert(eq(int, cx_num_sqrt(&x, &x, &C), CX_NUM_OK));
    cr_assert(eq(int, cx_sum_add(&s, &x, &C), CX_NUM_OK));
    term(&x, 1, 151, 21);
    cr_assert(eq(int, cx_sum_add(&s, &x, &C), CX_NUM_OK));
    cr_assert(eq(int, cx_sum_take(&s, &got, &C), CX_NUM_OK));
    cr_expect(not(cx_num_is_exact(&got)));
    cx_num_clear(&x);
    cx_num_clear(&got);
}

/* Adds terms both ways under `ctx` until both stopped at the size limit
 * (or max_terms); they must stop at the same term. */
static void same_stop(const cx_num_ctx *ctx, int max_terms, void (*make)(cx_num *x, int i))
{
    cx_sum s;
    cx_sum_init(&s);
    cx_num left, x;
    cx_num_init(&left);
    cx_num_init(&x);
    int stop_left = 0, stop_sum = 0;
    for (int i = 1; i <= max_terms && !(stop_left && stop_sum); i++) {
        make(&x, i);
        if (!stop_left && cx_num_add(&left, &left, &x, ctx) == CX_NUM_TOO_BIG) stop_left = i;
        if (!stop_sum && cx_sum_add(&s, &x, ctx) == CX_NUM_TOO_BIG) stop_sum = i;
    }
    cr_expect(ne(int, stop_left, 0));
    cr_expect(eq(int, stop_sum, stop_left));
    cx_sum_clear(&s);
    cx_num_clear(&left);
    cx_num_clear(&x);
}

static void power_of_151(cx_num *x, int i) { term(x, 3, 151, i); }

/* Under a limit of 200 bits, 151^-k passes it at k = 28 (7.24 bits each):
 * both ways stop at the same term. */
Test(sum, the_size_limit_stops_the_same_partial_sum)
{
    const cx_num_ctx tight = {200, 64};
    same_stop(&tight, 40, power_of_151);
}

/* ---- small terms: the pending machine-word sum (pn/pd) ------------------- */

static uint64_t rng_state = 0x9e3779b97f4a7c15u;
static uint64_t rng(void) { return test_rng(&rng_state); }

/* A small term whose numerator and denominator come from `shape`: shared
 * decimal denominators, denominators that divide each other, unrelated ones
 * whose common multiple leaves int64, and numerators at the int64 edges, so
 * the pending sum crosses its 2^125 guard and falls back. */
static void small_term(cx_num *x, int shape)
{
    static const int64_t decimal[] = {1, 2, 4, 5, 10, 20, 25, 40, 50, 100, 200, 400, 1000};
    static const int64_t primes[] = {999999937, 999999929, 1000000007, 2147483647, 4294967291};
    int64_t num, den;
    switch (shape) {
    case 0: /* everyday decimals */
        num = (int64_t)(rng() % 2000000001) - 1000000000;
        den = decimal[rng() % (sizeof decimal / sizeof decimal[0])];
        break;
    case 1: /* numerators near the int64 edges */
        num = (int64_t)(rng() >> 1) * (rng() % 2 ? 1 : -1);
        if (rng() % 4 == 0) num = rng() % 2 ? INT64_MAX : -INT64_MAX;
        den = decimal[rng() % 4];
        break;
    case 3: /* a denominator near 2^62, then integers near INT64_MAX: each adds
             * about 2^125 to the pending numerator */
        num = rng() % 8 == 0 ? 1 : INT64_MAX - (int64_t)(rng() % 5);
        den = num == 1 ? (int64_t)1 << 61 : 1 + (int64_t)(rng() % 2);
        break;
    case 2: /* large unrelated denominators: the common multiple overflows */
        num = (int64_t)(rng() % 1000) + 1;
        den = primes[rng() % (sizeof primes / sizeof primes[0])];
        break;
    default: /* a mix */ small_term(x, (int)(rng() % 4)); return;
    }
    cx_num_set_frac(x, num, den);
}

/* small_term as a term_maker; every term must be SMALL. */
static void small_term_at(cx_num *x, int i, int n, int shape)
{
    (void)i;
    (void)n;
    small_term(x, shape);
    cr_assert(eq(int, x->kind, CX_NUM_SMALL));
}

Test(sum, small_terms_equal_term_by_term_addition_at_every_word_edge)
{
    for (int shape = 0; shape < 5; shape++)
        for (int trial = 0; trial < 40; trial++)
            compare_with(1 + (int)(rng() % 400), small_term_at, shape);
}

/* Small terms, then a big one, then small again, then an approximate one:
 * each change of kind settles the pending sum first. */
Test(sum, small_big_small_and_approximate_terms_mix)
{
    cx_sum s;
    cx_sum_init(&s);
    cx_num left, x, got;
    cx_num_init(&left);
    cx_num_init(&x);
    cx_num_init(&got);
    for (int round = 0; round < 3; round++) {
        for (int i = 1; i <= 50; i++) {
            cx_num_set_frac(&x, INT64_MAX - i, 4);
            cr_assert(eq(int, cx_num_add(&left, &left, &x, &C), CX_NUM_OK));
            cr_assert(eq(int, cx_sum_add(&s, &x, &C), CX_NUM_OK));
        }
        term(&x, 7, 151, 12); /* BIG */
        cr_assert(eq(int, x.kind, CX_NUM_BIG));
        cr_assert(eq(int, cx_num_add(&left, &left, &x, &C), CX_NUM_OK));
        cr_assert(eq(int, cx_sum_add(&s, &x, &C), CX_NUM_OK));
    }
    cr_assert(eq(int, cx_sum_take(&s, &got, &C), CX_NUM_OK));
    cr_expect(cx_num_eq(&got, &left));
    cx_sum_clear(&s);
    /* an approximate term after pending small ones */
    cx_sum_init(&s);
    cx_num_set_frac(&x, 1, 3);
    cr_assert(eq(int, cx_sum_add(&s, &x, &C), CX_NUM_OK));
    cx_num_set_si(&x, 2);
    cr_assert(eq(int, cx_num_sqrt(&x, &x, &C), CX_NUM_OK));
    cr_assert(eq(int, cx_sum_add(&s, &x, &C), CX_NUM_OK));
    cr_assert(eq(int, cx_sum_take(&s, &got, &C), CX_NUM_OK));
    cr_expect(not(cx_num_is_exact(&got)));
    cx_sum_clear(&s);
    cx_num_clear(&left);
    cx_num_clear(&x);
    cx_num_clear(&got);
}

static void near_prime_term(cx_num *x, int i)
{
    cx_num_set_frac(x, INT64_MAX / 3 + i, 1000000007 + 2 * (i % 50));
}

/* Under a limit below 128 bits the pending sum is not used: a partial sum
 * past 100 bits stops where term by term addition stops. */
Test(sum, a_limit_below_128_bits_stops_small_terms_term_by_term)
{
    const cx_num_ctx tight = {100, 64};
    same_stop(&tight, 400, near_prime_term);
}

/* Promotion and demotion through the pending sum: past int64 and back, the
 * result is SMALL again; left past it, BIG; both exact. */
Test(sum, the_pending_sum_promotes_and_demotes_at_the_int64_edge)
{
    cx_sum s;
    cx_num x, got;
    cx_num_init(&x);
    cx_num_init(&got);
    for (int back = 0; back < 2; back++) {
        cx_sum_init(&s);
        cx_num_set_frac(&x, INT64_MAX, 3);
        for (int i = 0; i < 6; i++) cr_assert(eq(int, cx_sum_add(&s, &x, &C), CX_NUM_OK));
        cx_num_set_frac(&x, -INT64_MAX, 3);
        for (int i = 0; i < (back ? 3 : 2); i++)
            cr_assert(eq(int, cx_sum_add(&s, &x, &C), CX_NUM_OK));
        cr_assert(eq(int, cx_sum_take(&s, &got, &C), CX_NUM_OK));
        if (back) { /* 3 (2^63 - 1) / 3 */
            int64_t v = 0;
            cr_expect(cx_num_get_si(&got, &v));
            cr_expect(eq(i64, v, INT64_MAX));
            cr_expect(eq(int, got.kind, CX_NUM_SMALL));
        } else { /* 4 (2^63 - 1) / 3 */
            cr_expect(eq(int, got.kind, CX_NUM_BIG));
            mpq_t want;
            mpq_init(want);
            mpz_set_si(mpq_numref(want), INT64_MAX);
            mpz_mul_ui(mpq_numref(want), mpq_numref(want), 4);
            mpz_set_ui(mpq_denref(want), 3);
            mpq_canonicalize(want);
            cr_expect(eq(int, mpq_cmp(got.u.q, want), 0));
            mpq_clear(want);
        }
        cx_sum_clear(&s);
    }
    cx_num_clear(&x);
    cx_num_clear(&got);
}
