/* test_number.c - runtime/number.c: exactness, SMALL/BIG/APPROX transitions,
 * int64 edges, size limits that refuse instantly, powers, roots, rounding
 * and comparisons across kinds. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "../../runtime/format.h"
#include "../../runtime/limits.h"
#include "../../runtime/number.h"
#include "helpers.h"

/* The default limits: 1,000,000 digits, 256 bits of precision. */
static const cx_num_ctx C = {3321929, 256};

static cx_num a, b, r;

static void setup(void)
{
    cx_num_init(&a);
    cx_num_init(&b);
    cx_num_init(&r);
}

static void teardown(void)
{
    cx_num_clear(&a);
    cx_num_clear(&b);
    cx_num_clear(&r);
    mpfr_free_cache();
}

TestSuite(number, .init = setup, .fini = teardown);

/* ---- helpers ---------------------------------------------------------- */

static void dec(cx_num *x, const char *text)
{
    cx_num_status st = cx_num_from_decimal(x, text, strlen(text), 0, &C);
    cr_assert(eq(int, st, CX_NUM_OK), "from_decimal(%s)", text);
}

/* Exact value as "num/den" (or "num"), via GMP, for byte-exact checks. */
static char *qstr(const cx_num *x)
{
    mpq_t q;
    mpq_init(q);
    cx_num_get_mpq(x, q);
    char *s = mpq_get_str(NULL, 10, q);
    char *out = strdup(s);
    void (*gfree)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &gfree);
    gfree(s, strlen(s) + 1);
    mpq_clear(q);
    return out;
}

#define ASSERT_Q(x, expect)                                                                        \
    do {                                                                                           \
        char *s_ = qstr(x);                                                                        \
        cr_assert(eq(str, s_, (char *)(expect)));                                                  \
        free(s_);                                                                                  \
    } while (0)

#define ASSERT_SHOW(x, expect)                                                                     \
    do {                                                                                           \
        char *s_ = cx_fmt_number(x, 10, true);                                                     \
        cr_assert(eq(str, s_, (char *)(expect)));                                                  \
        free(s_);                                                                                  \
    } while (0)

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void set_approx(cx_num *x, const char *text)
{
    mpfr_t f;
    mpfr_init2(f, 256);
    mpfr_set_str(f, text, 10, MPFR_RNDN);
    cx_num_set_mpfr(x, f, &C);
    mpfr_clear(f);
}

/* ---- exactness and literals ------------------------------------------ */

Test(number, zero_point_one_plus_zero_point_two_is_exactly_zero_point_three)
{
    cx_num c;
    cx_num_init(&c);
    dec(&a, "0.1");
    dec(&b, "0.2");
    dec(&c, "0.3");
    cr_assert(eq(int, cx_num_add(&r, &a, &b, &C), CX_NUM_OK));
    cr_assert(cx_num_eq(&r, &c));
    cr_assert(eq(int, cx_num_cmp(&r, &c), 0));
    ASSERT_Q(&r, "3/10");
    cx_num_clear(&c);
}

Test(number, literal_spellings_of_one_value_are_identical)
{
    const char *texts[] = {"125e9", "1.25e11", "125000000000", "0.125E12", "1250000000000e-1"};
    dec(&a, "125e9");
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        dec(&b, texts[i]);
        cr_assert(cx_num_eq(&a, &b), "%s", texts[i]);
    }
    cr_assert(eq(int, cx_num_from_decimal(&b, "125", 3, 9, &C), CX_NUM_OK)); /* 125B */
    cr_assert(cx_num_eq(&a, &b));
    ASSERT_Q(&b, "125000000000");
}

Test(number, decimal_suffix_scales_apply_exactly)
{
    cr_assert(eq(int, cx_num_from_decimal(&a, "13", 2, -2, &C), CX_NUM_OK)); /* 13% */
    ASSERT_Q(&a, "13/100");
    cr_assert(eq(int, cx_num_from_decimal(&a, "25", 2, -4, &C), CX_NUM_OK)); /* 25bp */
    ASSERT_Q(&a, "1/400");
    cr_assert(eq(int, cx_num_from_decimal(&a, "1.5", 3, 12, &C), CX_NUM_OK)); /* 1.5T */
    ASSERT_Q(&a, "1500000000000");
    cr_assert(eq(int, cx_num_from_decimal(&a, "0.000", 5, 0, &C), CX_NUM_OK));
    cr_assert(cx_num_is_zero(&a));
    cr_assert(eq(int, cx_num_from_decimal(&a, "1.", 2, 0, &C), CX_NUM_OK));
    ASSERT_Q(&a, "1");
    cr_assert(eq(int, cx_num_from_decimal(&a, ".5", 2, 0, &C), CX_NUM_OK));
    ASSERT_Q(&a, "1/2");
}

Test(number, decimal_with_many_digits_goes_big_and_stays_exact)
{
    dec(&a, "123456789012345678901234567890.5");
    cr_assert(eq(int, a.kind, CX_NUM_BIG));
    ASSERT_Q(&a, "246913578024691357802469135781/2");
    dec(&a, "0.00000000000000000000000000001");
    ASSERT_Q(&a, "1/100000000000000000000000000000");
}

Test(number, malformed_decimal_text_is_refused)
{
    const char *bad[] = {"",   ".",  "1e", "1e+", "1.2.3", "1_000",
                         "-1", "+1", "1x", "e5",  "1e5.0", " 1"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        cr_assert(eq(int, cx_num_from_decimal(&a, bad[i], strlen(bad[i]), 0, &C), CX_NUM_BAD_TEXT),
                  "'%s'", bad[i]);
}

Test(number, huge_decimal_exponents_are_refused_instantly)
{
    double t0 = now();
    cr_assert(eq(int, cx_num_from_decimal(&a, "1e999999999", 11, 0, &C), CX_NUM_TOO_BIG));
    cr_assert(eq(int, cx_num_from_decimal(&a, "1e-999999999", 12, 0, &C), CX_NUM_TOO_BIG));
    cr_assert(
        eq(int, cx_num_from_decimal(&a, "5e99999999999999999999999", 25, 0, &C), CX_NUM_TOO_BIG));
    cr_assert(eq(int, cx_num_from_decimal(&a, "1e3321929", 9, 0, &C), CX_NUM_TOO_BIG));
    cr_assert(now() - t0 < 0.1);
    /* Zero stays zero whatever its exponent. */
    cr_assert(eq(int, cx_num_from_decimal(&a, "0e999999999", 11, 0, &C), CX_NUM_OK));
    cr_assert(cx_num_is_zero(&a));
}

Test(number, decimal_at_the_size_limit_is_accepted)
{
    /* 10^999999 has 3,321,925 bits: just under the default limit. */
    cr_assert(eq(int, cx_num_from_decimal(&a, "1e999999", 8, 0, &C), CX_NUM_OK));
    cr_assert(eq(int, cx_num_bits(&a), 3321925));
    cr_assert(eq(int, cx_num_from_decimal(&a, "1e-999999", 9, 0, &C), CX_NUM_OK));
    cx_num_ctx tiny = {20, 256};
    cr_assert(eq(int, cx_num_from_decimal(&a, "1e6", 3, 0, &tiny), CX_NUM_OK));
    cr_assert(eq(int, cx_num_from_decimal(&a, "1e7", 3, 0, &tiny), CX_NUM_TOO_BIG));
}

/* ---- representation -------------------------------------------------- */

Test(number, small_overflow_promotes_to_big_and_demotes_back)
{
    cx_num one;
    cx_num_init(&one);
    cx_num_set_si(&one, 1);
    cx_num_set_si(&a, INT64_MAX);
    cr_assert(eq(int, cx_num_add(&r, &a, &one, &C), CX_NUM_OK));
    cr_assert(eq(int, r.kind, CX_NUM_BIG));
    ASSERT_Q(&r, "9223372036854775808");
    cr_assert(eq(int, cx_num_sub(&r, &r, &one, &C), CX_NUM_OK));
    cr_assert(eq(int, r.kind, CX_NUM_SMALL));
    cr_assert(cx_num_eq(&r, &a));

    cx_num_set_si(&a, (int64_t)1 << 62);
    cx_num_set_si(&b, 8);
    cr_assert(eq(int, cx_num_mul(&r, &a, &b, &C), CX_NUM_OK));
    cr_assert(eq(int, r.kind, CX_NUM_BIG));
    cr_assert(eq(int, cx_num_div(&r, &r, &b, &C), CX_NUM_OK));
    cr_assert(eq(int, r.kind, CX_NUM_SMALL));
    cr_assert(cx_num_eq(&r, &a));
    cx_num_clear(&one);
}

Test(number, int64_min_is_never_a_small_value)
{
    int64_t v;
    cx_num_set_si(&a, INT64_MIN);
    cr_assert(eq(int, a.kind, CX_NUM_BIG));
    cr_assert(not(cx_num_get_si(&a, &v)));
    ASSERT_Q(&a, "-9223372036854775808");
    cx_num_neg(&r, &a);
    cr_assert(eq(int, r.kind, CX_NUM_BIG));
    ASSERT_Q(&r, "9223372036854775808");
    cx_num_abs(&r, &a);
    ASSERT_Q(&r, "9223372036854775808");

    cx_num_set_si(&a, INT64_MIN + 1);
    cr_assert(eq(int, a.kind, CX_NUM_SMALL));
    cx_num_set_si(&b, 1);
    cr_assert(eq(int, cx_num_sub(&r, &a, &b, &C), CX_NUM_OK));
    cr_assert(eq(int, r.kind, CX_NUM_BIG));
    ASSERT_Q(&r, "-9223372036854775808");
    cx_num_set_si(&b, -1);
    cr_assert(eq(int, cx_num_mul(&r, &a, &b, &C), CX_NUM_OK));
    cr_assert(eq(int, r.kind, CX_NUM_SMALL));
    cr_assert(cx_num_get_si(&r, &v));
    cr_assert(eq(i64, v, INT64_MAX));

    cx_num_set_frac(&a, INT64_MIN, -1);
    ASSERT_Q(&a, "9223372036854775808");
    cx_num_set_frac(&a, INT64_MIN, INT64_MIN);
    ASSERT_Q(&a, "1");
    cr_assert(eq(int, a.kind, CX_NUM_SMALL));
    cx_num_set_frac(&a, 1, INT64_MIN);
    ASSERT_Q(&a, "-1/9223372036854775808");
    cr_assert(eq(int, a.kind, CX_NUM_BIG));
    cx_num_set_frac(&a, INT64_MIN, 2);
    ASSERT_Q(&a, "-4611686018427387904");
    cr_assert(eq(int, a.kind, CX_NUM_SMALL));
}

Test(number, fractions_are_canonical_with_a_positive_denominator)
{
    cx_num_set_frac(&a, 3, -6);
    cr_assert(eq(i64, a.u.s.num, -1));
    cr_assert(eq(i64, a.u.s.den, 2));
    cx_num_set_frac(&a, -4, -8);
    cr_assert(eq(i64, a.u.s.num, 1));
    cr_assert(eq(i64, a.u.s.den, 2));
    cx_num_set_frac(&a, 0, -5);
    cr_assert(eq(i64, a.u.s.num, 0));
    cr_assert(eq(i64, a.u.s.den, 1));
    cx_num_set_frac(&a, 1, 2);
    cx_num_set_frac(&b, -1, 2);
    cr_assert(eq(int, cx_num_add(&r, &a, &b, &C), CX_NUM_OK));
    cr_assert(eq(i64, r.u.s.num, 0));
    cr_assert(eq(i64, r.u.s.den, 1));
}

Test(number, small_fraction_arithmetic_is_exact_and_reduced)
{
    cx_num_set_frac(&a, 1, 6);
    cx_num_set_frac(&b, 1, 3);
    cx_num_add(&r, &a, &b, &C);
    ASSERT_Q(&r, "1/2");
    cx_num_sub(&r, &a, &b, &C);
    ASSERT_Q(&r, "-1/6");
    cx_num_set_frac(&a, 2, 3);
    cx_num_set_frac(&b, 3, 4);
    cx_num_mul(&r, &a, &b, &C);
    ASSERT_Q(&r, "1/2");
    cx_num_set_frac(&a, 1, 3);
    cx_num_set_frac(&b, -2, 9);
    cx_num_div(&r, &a, &b, &C);
    ASSERT_Q(&r, "-3/2");
    cx_num_set_si(&a, 7);
    cx_num_set_si(&b, -14);
    cx_num_div(&r, &a, &b, &C);
    ASSERT_Q(&r, "-1/2");
}

/* Deterministic pseudo-random operands around the int64 edges, checked
 * against plain mpq arithmetic, including the canonical kind. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;
static uint64_t rng(void) { return test_rng(&rng_state); }

static int64_t rnd_i64(void)
{
    uint64_t k = rng();
    int bits = (int)(k % 64); /* any magnitude up to 2^63 - 1 */
    int64_t v = (int64_t)(rng() >> (64 - (bits ? bits : 1)) >> 1);
    if (k & 0x100) v = -v;
    return v;
}

Test(number, arithmetic_matches_gmp_on_random_edge_operands)
{
    mpq_t qa, qb, qr, got;
    mpq_init(qa);
    mpq_init(qb);
    mpq_init(qr);
    mpq_init(got);
    for (int i = 0; i < 20000; i++) {
        int64_t an = rnd_i64(), ad = rnd_i64(), bn = rnd_i64(), bd = rnd_i64();
        if (ad == 0) ad = 1;
        if (bd == 0) bd = 1;
        if (i % 3 == 0) ad = bd = 1; /* integer path */
        cx_num_set_frac(&a, an, ad);
        cx_num_set_frac(&b, bn, bd);
        cx_num_get_mpq(&a, qa);
        cx_num_get_mpq(&b, qb);
        for (int op = 0; op < 4; op++) {
            cx_num_status st;
            switch (op) {
            case 0:
                st = cx_num_add(&r, &a, &b, &C);
                mpq_add(qr, qa, qb);
                break;
            case 1:
                st = cx_num_sub(&r, &a, &b, &C);
                mpq_sub(qr, qa, qb);
                break;
            case 2:
                st = cx_num_mul(&r, &a, &b, &C);
                mpq_mul(qr, qa, qb);
                break;
            default:
                if (mpq_sgn(qb) == 0) {
                    cr_assert(eq(int, cx_num_div(&r, &a, &b, &C), CX_NUM_DIV_ZERO));
                    continue;
                }
                st = cx_num_div(&r, &a, &b, &C);
                mpq_div(qr, qa, qb);
            }
            cr_assert(eq(int, st, CX_NUM_OK));
            cx_num_get_mpq(&r, got);
            cr_assert(mpq_equal(got, qr), "op %d on %lld/%lld, %lld/%lld", op, (long long)an,
                      (long long)ad, (long long)bn, (long long)bd);
            bool fits =
                mpz_sizeinbase(mpq_numref(qr), 2) <= 63 && mpz_sizeinbase(mpq_denref(qr), 2) <= 63;
            cr_assert(eq(int, r.kind, fits ? CX_NUM_SMALL : CX_NUM_BIG));
            cr_assert(eq(int, cx_num_cmp(&r, &a),
                         mpq_cmp(qr, qa) > 0   ? 1
                         : mpq_cmp(qr, qa) < 0 ? -1
                                               : 0));
        }
    }
    mpq_clear(got);
    mpq_clear(qr);
    mpq_clear(qb);
    mpq_clear(qa);
}

/* The gcd behind every SMALL operation answers a side of 1 at once and
 * divides first when one side is far shorter: operands of every size class
 * (1, tiny, just around 2^16 and 2^32, near 2^63, negative) against mpq. */
Test(number, gcd_shortcuts_match_gmp_at_every_size)
{
    static const int64_t vals[] = {1,
                                   2,
                                   3,
                                   4,
                                   25,
                                   100,
                                   113,
                                   800001,
                                   65535,
                                   65536,
                                   65537,
                                   (int64_t)1 << 31,
                                   4294967295LL,
                                   4294967296LL,
                                   4294967297LL,
                                   281474976710656LL, /* 2^48 */
                                   3LL * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 *
                                       3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 * 3 *
                                       3 * 3 * 3 * 3 * 3 * 3 * 3 * 3, /* 3^39 */
                                   INT64_MAX / 2,
                                   INT64_MAX - 1,
                                   INT64_MAX};
    size_t nv = sizeof vals / sizeof vals[0];
    mpq_t qa, qb, qr, got;
    mpq_init(qa);
    mpq_init(qb);
    mpq_init(qr);
    mpq_init(got);
    for (size_t i = 0; i < nv; i++)
        for (size_t j = 0; j < nv; j++)
            for (size_t k = 0; k < nv; k += 3)
                for (int sign = 0; sign < 2; sign++) {
                    /* a = ±vals[i] / vals[j], b = vals[k] / vals[(i + k) % nv] */
                    int64_t an = sign ? -vals[i] : vals[i];
                    cx_num_set_frac(&a, an, vals[j]);
                    cx_num_set_frac(&b, vals[k], vals[(i + k) % nv]);
                    cx_num_get_mpq(&a, qa);
                    cx_num_get_mpq(&b, qb);
                    for (int op = 0; op < 4; op++) {
                        cx_num_status st;
                        switch (op) {
                        case 0:
                            st = cx_num_add(&r, &a, &b, &C);
                            mpq_add(qr, qa, qb);
                            break;
                        case 1:
                            st = cx_num_sub(&r, &a, &b, &C);
                            mpq_sub(qr, qa, qb);
                            break;
                        case 2:
                            st = cx_num_mul(&r, &a, &b, &C);
                            mpq_mul(qr, qa, qb);
                            break;
                        default: st = cx_num_div(&r, &a, &b, &C); mpq_div(qr, qa, qb);
                        }
                        cr_assert(eq(int, st, CX_NUM_OK));
                        cx_num_get_mpq(&r, got);
                        cr_assert(mpq_equal(got, qr), "op %d on %lld/%lld, %lld/%lld", op,
                                  (long long)an, (long long)vals[j], (long long)vals[k],
                                  (long long)vals[(i + k) % nv]);
                        bool fits = mpz_sizeinbase(mpq_numref(qr), 2) <= 63 &&
                                    mpz_sizeinbase(mpq_denref(qr), 2) <= 63;
                        cr_assert(eq(int, r.kind, fits ? CX_NUM_SMALL : CX_NUM_BIG));
                    }
                }
    mpq_clear(got);
    mpq_clear(qr);
    mpq_clear(qb);
    mpq_clear(qa);
}

/* Sums of fractions whose denominators share a factor: the cross sum may
 * need 128 bits before the common factor comes out (then a 128-bit
 * division), fit 64 bits (a 64-bit one), or have nothing to divide out. */
Test(number, sums_over_a_shared_denominator_factor_at_the_int64_edge)
{
    struct {
        int64_t an, ad, bn, bd;
        const char *want;
    } cases[] = {
        {INT64_MAX, 6, INT64_MAX, 6, "9223372036854775807/3"},    /* 2 MAX / 6: 128 bits */
        {-INT64_MAX, 6, -INT64_MAX, 6, "-9223372036854775807/3"}, /* and negative */
        {INT64_MAX, 6, -INT64_MAX, 6, "0"},
        {INT64_MAX, 10, INT64_MAX, 6, "36893488147419103228/15"}, /* does not fit: BIG */
        {1, 6, 1, 6, "1/3"},                                      /* 64 bits, factor 2 */
        {1, 6, 1, 10, "4/15"},
        {1, 6, 1, 4, "5/12"}, /* nothing to divide out */
        {-5, 12, 7, 18, "-1/36"},
        {INT64_MAX - 1, 4, 1, 4, "9223372036854775807/4"},
    };
    mpq_t want, got;
    mpq_init(want);
    mpq_init(got);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cx_num_set_frac(&a, cases[i].an, cases[i].ad);
        cx_num_set_frac(&b, cases[i].bn, cases[i].bd);
        cr_assert(eq(int, cx_num_add(&r, &a, &b, &C), CX_NUM_OK));
        cr_assert(eq(int, mpq_set_str(want, cases[i].want, 10), 0));
        cx_num_get_mpq(&r, got);
        cr_assert(mpq_equal(got, want), "case %zu", i);
        bool fits = mpz_sizeinbase(mpq_numref(want), 2) <= 63;
        cr_assert(eq(int, r.kind, fits ? CX_NUM_SMALL : CX_NUM_BIG), "case %zu", i);
        /* a - (-b) takes the same path */
        cx_num_neg(&b, &b);
        cr_assert(eq(int, cx_num_sub(&r, &a, &b, &C), CX_NUM_OK));
        cx_num_get_mpq(&r, got);
        cr_assert(mpq_equal(got, want), "case %zu (sub)", i);
    }
    mpq_clear(got);
    mpq_clear(want);
}

/* cx_num_set, cx_num_clear and cx_num_swap are inline on SMALL values and
 * call out for the rest: every pair of kinds, in both directions. */
Test(number, set_clear_and_swap_across_every_pair_of_kinds)
{
    cx_num src[3];
    for (int i = 0; i < 3; i++) cx_num_init(&src[i]);
    cx_num_set_frac(&src[0], -7, 3);
    cx_num_set_si(&src[1], INT64_MAX);
    cx_num_set_si(&b, 2);
    cr_assert(eq(int, cx_num_add(&src[1], &src[1], &b, &C), CX_NUM_OK)); /* 2^63 + 1: BIG */
    cr_assert(eq(int, src[1].kind, CX_NUM_BIG));
    set_approx(&src[2], "0.1");
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) {
            cx_num d;
            cx_num_init(&d);
            cx_num_set(&d, &src[i]); /* d takes kind i */
            cx_num_set(&d, &src[j]); /* then kind j over it */
            cr_assert(eq(int, d.kind, src[j].kind));
            cr_assert(eq(int, cx_num_cmp(&d, &src[j]), 0));
            cx_num_set(&d, &d); /* aliasing is a no-op */
            cr_assert(eq(int, cx_num_cmp(&d, &src[j]), 0));
            cx_num e;
            cx_num_init(&e);
            cx_num_set(&e, &src[i]);
            cx_num_swap(&d, &e);
            cr_assert(eq(int, cx_num_cmp(&d, &src[i]), 0));
            cr_assert(eq(int, cx_num_cmp(&e, &src[j]), 0));
            cx_num_clear(&d);
            cx_num_clear(&e);
            cr_assert(eq(int, d.kind, CX_NUM_SMALL));
            cr_assert(cx_num_is_zero(&d) && cx_num_is_integer(&e));
        }
    /* A BIG value that shrinks back demotes, and SMALL set over it works. */
    cx_num_set_si(&b, -2);
    cr_assert(eq(int, cx_num_add(&src[1], &src[1], &b, &C), CX_NUM_OK));
    cr_assert(eq(int, src[1].kind, CX_NUM_SMALL));
    int64_t v;
    cr_assert(cx_num_get_si(&src[1], &v) && v == INT64_MAX);
    for (int i = 0; i < 3; i++) cx_num_clear(&src[i]);
}

Test(number, outputs_may_alias_inputs)
{
    cx_num_set_si(&a, 3);
    cx_num_add(&a, &a, &a, &C);
    ASSERT_Q(&a, "6");
    dec(&a, "123456789012345678901234567890");
    cx_num_mul(&a, &a, &a, &C);
    ASSERT_Q(&a, "15241578753238836750495351562536198787501905199875019052100");
    cx_num_set_si(&b, 2);
    cx_num_sqrt(&b, &b, &C);
    cx_num_mul(&b, &b, &b, &C);
    cr_assert(eq(int, b.kind, CX_NUM_APPROX));
    ASSERT_SHOW(&b, "≈2");
}

/* ---- errors and limits ----------------------------------------------- */

Test(number, division_by_zero_is_an_error_and_leaves_the_output_alone)
{
    cx_num zero;
    cx_num_init(&zero);
    cx_num_set_si(&r, 42);
    cx_num_set_si(&a, 1);
    cr_assert(eq(int, cx_num_div(&r, &a, &zero, &C), CX_NUM_DIV_ZERO));
    dec(&a, "123456789012345678901234567890");
    cr_assert(eq(int, cx_num_div(&r, &a, &zero, &C), CX_NUM_DIV_ZERO));
    set_approx(&b, "0");
    cr_assert(eq(int, cx_num_div(&r, &a, &b, &C), CX_NUM_DIV_ZERO));
    set_approx(&a, "1.5");
    cr_assert(eq(int, cx_num_div(&r, &a, &zero, &C), CX_NUM_DIV_ZERO));
    ASSERT_Q(&r, "42");
    cx_num_clear(&zero);
}

Test(number, exact_results_past_the_size_limit_are_refused)
{
    cx_num_ctx small = {64, 256};
    cx_num_set_si(&a, INT64_MAX);
    cr_assert(eq(int, cx_num_add(&r, &a, &a, &small), CX_NUM_OK));      /* 64 bits */
    cr_assert(eq(int, cx_num_add(&r, &r, &r, &small), CX_NUM_TOO_BIG)); /* 65 bits */
    cx_num_ctx tiny = {10, 256};
    cx_num_set_si(&a, 1000);
    cx_num_set_si(&b, 23);
    cr_assert(eq(int, cx_num_add(&r, &a, &b, &tiny), CX_NUM_OK)); /* 1023: 10 bits */
    cx_num_set_si(&b, 24);
    cr_assert(eq(int, cx_num_add(&r, &a, &b, &tiny), CX_NUM_TOO_BIG));
    ASSERT_Q(&r, "1023");
}

Test(number, a_number_times_its_reciprocal_works_near_the_limit)
{
    cx_num_ctx lim = {200, 256};
    cx_num two;
    cx_num_init(&two);
    cx_num_set_si(&two, 2);
    cx_num_set_si(&b, 190);
    cr_assert(eq(int, cx_num_pow(&a, &two, &b, &lim), CX_NUM_OK));
    cx_num_set_si(&b, 1);
    cr_assert(eq(int, cx_num_div(&b, &b, &a, &lim), CX_NUM_OK));
    cr_assert(eq(int, cx_num_mul(&r, &a, &b, &lim), CX_NUM_OK));
    ASSERT_Q(&r, "1");
    cr_assert(eq(int, cx_num_mul(&r, &a, &a, &lim), CX_NUM_TOO_BIG));
    cx_num_clear(&two);
}

/* ---- powers ---------------------------------------------------------- */

static cx_num_status pow_si(cx_num *out, int64_t base, int64_t e)
{
    cx_num x, y;
    cx_num_init(&x);
    cx_num_init(&y);
    cx_num_set_si(&x, base);
    cx_num_set_si(&y, e);
    cx_num_status st = cx_num_pow(out, &x, &y, &C);
    cx_num_clear(&y);
    cx_num_clear(&x);
    return st;
}

Test(number, power_edge_cases)
{
    cr_assert(eq(int, pow_si(&r, 0, 0), CX_NUM_OK));
    ASSERT_Q(&r, "1");
    cr_assert(eq(int, pow_si(&r, 0, -1), CX_NUM_DIV_ZERO));
    cr_assert(eq(int, pow_si(&r, 0, 5), CX_NUM_OK));
    ASSERT_Q(&r, "0");
    cr_assert(eq(int, pow_si(&r, 2, 10), CX_NUM_OK));
    ASSERT_Q(&r, "1024");
    cr_assert(eq(int, pow_si(&r, 2, -2), CX_NUM_OK));
    ASSERT_Q(&r, "1/4");
    cr_assert(eq(int, pow_si(&r, -2, 3), CX_NUM_OK));
    ASSERT_Q(&r, "-8");
    cr_assert(eq(int, pow_si(&r, -2, -3), CX_NUM_OK));
    ASSERT_Q(&r, "-1/8");
    cr_assert(eq(int, pow_si(&r, 3, 40), CX_NUM_OK));
    ASSERT_Q(&r, "12157665459056928801");
    cx_num_set_frac(&a, -2, 3);
    cx_num_set_si(&b, -3);
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_OK));
    ASSERT_Q(&r, "-27/8");
}

Test(number, unit_bases_take_any_exponent)
{
    dec(&b, "1e100"); /* does not fit an unsigned long */
    cx_num_set_si(&a, 1);
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_OK));
    ASSERT_Q(&r, "1");
    cx_num_set_si(&a, -1);
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_OK));
    ASSERT_Q(&r, "1");
    dec(&b, "10000000000000000000000000000000000000000000000000000000000000000000000000"
            "000000000000000000000000001");
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_OK));
    ASSERT_Q(&r, "-1");
    cx_num_set_si(&a, 0);
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_OK));
    ASSERT_Q(&r, "0");
    cx_num_neg(&b, &b);
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_DIV_ZERO));
    cx_num_set_si(&a, 2);
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_TOO_BIG));
}

Test(number, tower_of_twos_works_at_the_default_limit)
{
    /* 2^2^2^2^2 = 2^65536, right-associative. */
    cx_num two;
    cx_num_init(&two);
    cx_num_set_si(&two, 2);
    cx_num_set_si(&r, 2);
    for (int i = 0; i < 4; i++) cr_assert(eq(int, cx_num_pow(&r, &two, &r, &C), CX_NUM_OK));
    cr_assert(eq(int, r.kind, CX_NUM_BIG));
    cr_assert(eq(int, cx_num_bits(&r), 65537));
    double t0 = now();
    cr_assert(eq(int, cx_num_pow(&r, &two, &r, &C), CX_NUM_TOO_BIG)); /* 2^2^2^2^2^2 */
    cr_assert(eq(int, pow_si(&r, 10, 1000000000000LL), CX_NUM_TOO_BIG));
    cr_assert(eq(int, pow_si(&r, 2, INT64_MAX), CX_NUM_TOO_BIG));
    cr_assert(eq(int, pow_si(&r, 2, -INT64_MAX), CX_NUM_TOO_BIG));
    cx_num_set_frac(&a, 1, 2);
    cx_num_set_si(&b, 1000000000000LL);
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_TOO_BIG));
    cr_assert(now() - t0 < 0.1);
    cx_num_clear(&two);
}

Test(number, power_size_limit_is_exact_at_the_boundary)
{
    cx_num_ctx lim = {100, 256};
    cx_num_set_si(&a, 2);
    cx_num_set_si(&b, 99);
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &lim), CX_NUM_OK)); /* 100 bits */
    cx_num_set_si(&b, 100);
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &lim), CX_NUM_TOO_BIG)); /* 101 bits */
    cx_num_set_si(&a, 3);
    cx_num_set_si(&b, 63);
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &lim), CX_NUM_OK)); /* 100 bits */
    cx_num_set_si(&b, 64);
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &lim), CX_NUM_TOO_BIG)); /* 102 bits */
}

Test(number, fractional_powers_of_perfect_powers_stay_exact)
{
    cx_num_set_si(&a, 4);
    cx_num_set_frac(&b, 1, 2);
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_OK));
    ASSERT_Q(&r, "2");
    cx_num_set_frac(&b, -1, 2);
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_OK));
    ASSERT_Q(&r, "1/2");
    cx_num_set_frac(&a, 8, 27);
    cx_num_set_frac(&b, 2, 3);
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_OK));
    ASSERT_Q(&r, "4/9");
    cx_num_set_si(&a, 0);
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_OK));
    ASSERT_Q(&r, "0");
    cx_num_set_frac(&b, -2, 3);
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_DIV_ZERO));
}

Test(number, other_fractional_powers_are_approximate)
{
    cx_num_set_si(&a, 2);
    cx_num_set_frac(&b, 1, 2);
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_OK));
    cr_assert(eq(int, r.kind, CX_NUM_APPROX));
    ASSERT_SHOW(&r, "≈1.414213562");
    cx_num_set_si(&a, -8);
    cx_num_set_frac(&b, 1, 3);
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_DOMAIN));
    set_approx(&b, "0.5");
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_DOMAIN));
    set_approx(&b, "3");
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_OK)); /* integral: fine */
    ASSERT_SHOW(&r, "≈-512");
    set_approx(&a, "2");
    cx_num_set_si(&b, 10);
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_OK));
    ASSERT_SHOW(&r, "≈1,024");
    set_approx(&a, "0");
    cx_num_set_si(&b, -1);
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_DIV_ZERO));
    set_approx(&a, "10");
    dec(&b, "1e12");
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_TOO_BIG)); /* overflow, never inf */
}

/* ---- sqrt, exp, ln --------------------------------------------------- */

Test(number, sqrt_of_a_perfect_square_rational_is_exact)
{
    cx_num_set_frac(&a, 9, 4);
    cr_assert(eq(int, cx_num_sqrt(&r, &a, &C), CX_NUM_OK));
    ASSERT_Q(&r, "3/2");
    dec(&a, "1e200");
    cr_assert(eq(int, cx_num_sqrt(&r, &a, &C), CX_NUM_OK));
    cr_assert(cx_num_is_exact(&r));
    cr_assert(eq(int, cx_num_sqrt(&r, &r, &C), CX_NUM_OK));
    dec(&b, "1e50");
    cr_assert(cx_num_eq(&r, &b));
    cx_num_set_si(&a, 0);
    cr_assert(eq(int, cx_num_sqrt(&r, &a, &C), CX_NUM_OK));
    ASSERT_Q(&r, "0");
}

Test(number, sqrt_exp_ln_of_other_values_are_approximate)
{
    cx_num_set_si(&a, 2);
    cr_assert(eq(int, cx_num_sqrt(&r, &a, &C), CX_NUM_OK));
    ASSERT_SHOW(&r, "≈1.414213562");
    cx_num_set_si(&a, 1000);
    cr_assert(eq(int, cx_num_exp(&r, &a, &C), CX_NUM_OK));
    ASSERT_SHOW(&r, "≈1.970071114e434");
    cx_num_set_si(&a, 10);
    cr_assert(eq(int, cx_num_ln(&r, &a, &C), CX_NUM_OK));
    ASSERT_SHOW(&r, "≈2.302585093");
    cr_assert(eq(int, cx_num_exp(&r, &r, &C), CX_NUM_OK));
    ASSERT_SHOW(&r, "≈10");
    set_approx(&a, "6.25");
    cr_assert(eq(int, cx_num_sqrt(&r, &a, &C), CX_NUM_OK));
    cr_assert(eq(int, r.kind, CX_NUM_APPROX)); /* approximate in, approximate out */
    ASSERT_SHOW(&r, "≈2.5");
}

Test(number, exp_of_zero_and_ln_of_one_are_exact)
{
    cr_assert(eq(int, cx_num_exp(&r, &a, &C), CX_NUM_OK));
    ASSERT_Q(&r, "1");
    cx_num_set_si(&a, 1);
    cr_assert(eq(int, cx_num_ln(&r, &a, &C), CX_NUM_OK));
    ASSERT_Q(&r, "0");
}

Test(number, domain_errors)
{
    cx_num_set_si(&a, -1);
    cr_assert(eq(int, cx_num_sqrt(&r, &a, &C), CX_NUM_DOMAIN));
    cr_assert(eq(int, cx_num_ln(&r, &a, &C), CX_NUM_DOMAIN));
    cx_num_set_si(&a, 0);
    cr_assert(eq(int, cx_num_ln(&r, &a, &C), CX_NUM_DOMAIN));
    set_approx(&a, "-0.5");
    cr_assert(eq(int, cx_num_sqrt(&r, &a, &C), CX_NUM_DOMAIN));
    cr_assert(eq(int, cx_num_ln(&r, &a, &C), CX_NUM_DOMAIN));
}

Test(number, exp_overflow_is_too_big_not_infinity)
{
    dec(&a, "1e10");
    double t0 = now();
    cr_assert(eq(int, cx_num_exp(&r, &a, &C), CX_NUM_TOO_BIG));
    dec(&a, "1e100000");
    cr_assert(eq(int, cx_num_exp(&r, &a, &C), CX_NUM_TOO_BIG));
    set_approx(&a, "1e10");
    cr_assert(eq(int, cx_num_exp(&r, &a, &C), CX_NUM_TOO_BIG));
    cr_assert(now() - t0 < 0.5);
    cr_assert(cx_num_is_zero(&r) && cx_num_is_exact(&r)); /* untouched */
}

/* ---- approximate propagation ----------------------------------------- */

Test(number, any_approximate_operand_gives_an_approximate_result)
{
    cx_num_set_si(&a, 2);
    cx_num_sqrt(&b, &a, &C); /* ≈1.414… */
    cx_num_set_si(&a, 1);
    cr_assert(eq(int, cx_num_add(&r, &a, &b, &C), CX_NUM_OK));
    cr_assert(not(cx_num_is_exact(&r)));
    ASSERT_SHOW(&r, "≈2.414213562");
    cr_assert(eq(int, cx_num_sub(&r, &a, &b, &C), CX_NUM_OK));
    ASSERT_SHOW(&r, "≈-0.4142135624");
    cr_assert(eq(int, cx_num_mul(&r, &b, &b, &C), CX_NUM_OK));
    ASSERT_SHOW(&r, "≈2");
    cx_num_set_frac(&a, 1, 3);
    cr_assert(eq(int, cx_num_div(&r, &a, &b, &C), CX_NUM_OK));
    ASSERT_SHOW(&r, "≈0.2357022604");
    cx_num_neg(&r, &r);
    ASSERT_SHOW(&r, "≈-0.2357022604");
    cr_assert(eq(long, cx_num_bits(&r), 256));
}

Test(number, set_mpfr_rounds_to_the_context_precision)
{
    mpfr_t f;
    mpfr_init2(f, 1000);
    mpfr_const_pi(f, MPFR_RNDN);
    cx_num_ctx p53 = {3321929, 53};
    cx_num_set_mpfr(&a, f, &p53);
    cr_assert(eq(long, cx_num_bits(&a), 53));
    cr_assert(eq(int, mpfr_cmp_d(a.u.f, 3.141592653589793), 0));
    mpfr_clear(f);
}

/* ---- rounding -------------------------------------------------------- */

static void round_check(const char *x, long places, const char *expect)
{
    cx_num v, out;
    cx_num_init(&v);
    cx_num_init(&out);
    dec(&v, x);
    cr_assert(eq(int, cx_num_round(&out, &v, places, &C), CX_NUM_OK));
    char *s = qstr(&out);
    cr_assert(eq(str, s, (char *)expect), "round(%s, %ld)", x, places);
    free(s);
    cx_num_neg(&v, &v);
    cr_assert(eq(int, cx_num_round(&out, &v, places, &C), CX_NUM_OK));
    cx_num_neg(&out, &out);
    s = qstr(&out);
    cr_assert(eq(str, s, (char *)expect), "round(-%s, %ld) is symmetric", x, places);
    free(s);
    cx_num_clear(&out);
    cx_num_clear(&v);
}

/* Rounding to 1..18 places with a denominator that fits a machine word
 * takes a word-sized path (SMALL and BIG numerators); past 18 places or a
 * wider denominator the general one.  Both against GMP: half away from
 * zero is sgn(x) floor(|x| 10^p + 1/2) / 10^p. */
static void round_ref(mpq_t want, const mpq_t x, long p)
{
    mpz_t s, t;
    mpz_init(s);
    mpz_init(t);
    mpz_ui_pow_ui(s, 10, (unsigned long)p);
    mpz_abs(t, mpq_numref(x));
    mpz_mul(t, t, s);
    mpz_mul_2exp(t, t, 1);
    mpz_add(t, t, mpq_denref(x));
    mpz_mul_2exp(mpq_denref(want), mpq_denref(x), 1);
    mpz_fdiv_q(mpq_numref(want), t, mpq_denref(want));
    if (mpq_sgn(x) < 0) mpz_neg(mpq_numref(want), mpq_numref(want));
    mpz_set(mpq_denref(want), s);
    mpq_canonicalize(want);
    mpz_clear(t);
    mpz_clear(s);
}

Test(number, rounding_to_places_matches_gmp_for_word_and_wide_denominators)
{
    mpq_t x, want, got;
    mpq_init(x);
    mpq_init(want);
    mpq_init(got);
    static const char *const dens[] = {"1",
                                       "2",
                                       "8",
                                       "3",
                                       "7",
                                       "100",
                                       "400",
                                       "625",
                                       "1000000000000000000",
                                       "3000000000000000000",
                                       "9223372036854775807",
                                       "9223372036854775808",  /* 2^63: BIG, still a word */
                                       "18446744073709551615", /* 2^64 - 1 */
                                       "18446744073709551616", /* 2^64: the general path */
                                       "340282366920938463463374607431768211297"};
    static const char *const nums[] = {"1",
                                       "5",
                                       "13",
                                       "1000001",
                                       "9223372036854775807",
                                       "9223372036854775809",
                                       "123456789012345678901234567890123",
                                       "4611686018427387904"};
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++)
        for (size_t j = 0; j < sizeof dens / sizeof dens[0]; j++)
            for (long p = 1; p <= 20; p++)
                for (int sign = 0; sign < 2; sign++) {
                    cr_assert(eq(int, mpz_set_str(mpq_numref(x), nums[i], 10), 0));
                    cr_assert(eq(int, mpz_set_str(mpq_denref(x), dens[j], 10), 0));
                    if (sign) mpz_neg(mpq_numref(x), mpq_numref(x));
                    mpq_canonicalize(x);
                    cx_num_set_mpq(&a, x);
                    cr_assert(eq(int, cx_num_round(&r, &a, p, &C), CX_NUM_OK));
                    round_ref(want, x, p);
                    cx_num_get_mpq(&r, got);
                    cr_assert(mpq_equal(got, want), "round(%s%s/%s, %ld)", sign ? "-" : "", nums[i],
                              dens[j], p);
                    bool fits = mpz_sizeinbase(mpq_numref(want), 2) <= 63 &&
                                mpz_sizeinbase(mpq_denref(want), 2) <= 63;
                    cr_assert(eq(int, r.kind, fits ? CX_NUM_SMALL : CX_NUM_BIG));
                }
    /* Ties round away from zero: 1/8 = 0.125 to 2 places, 5/16 to 3. */
    round_check("0.125", 2, "13/100");
    round_check("0.3125", 3, "313/1000");
    /* A size limit below 64 bits refuses a result it cannot hold. */
    const cx_num_ctx tiny = {8, 64};
    cx_num_set_frac(&a, 1, 3);
    cr_assert(eq(int, cx_num_round(&r, &a, 2, &tiny), CX_NUM_OK));      /* 33/100: 7 bits */
    cr_assert(eq(int, cx_num_round(&r, &a, 3, &tiny), CX_NUM_TOO_BIG)); /* 333/1000 */
    mpq_clear(got);
    mpq_clear(want);
    mpq_clear(x);
}

Test(number, round_is_half_away_from_zero_on_both_sides)
{
    round_check("2.5", 0, "3");
    round_check("2.4", 0, "2");
    round_check("0.5", 0, "1");
    round_check("0.125", 2, "13/100");
    round_check("1234", -2, "1200");
    round_check("1250", -2, "1300");
    round_check("1249.99", -2, "1200");
    round_check("49", -2, "0");
    round_check("50", -2, "100");
    round_check("1.005", 2, "101/100");
    round_check("123456789012345678901234567.5", 0, "123456789012345678901234568");
    cx_num_set_frac(&a, 2, 3);
    cr_assert(eq(int, cx_num_round(&r, &a, 3, &C), CX_NUM_OK));
    ASSERT_Q(&r, "667/1000");
    cx_num_set_frac(&a, -1, 3);
    cr_assert(eq(int, cx_num_round(&r, &a, 2, &C), CX_NUM_OK));
    ASSERT_Q(&r, "-33/100");
}

Test(number, round_with_extreme_places_answers_instantly)
{
    double t0 = now();
    cx_num_set_frac(&a, 1, 2);
    cr_assert(eq(int, cx_num_round(&r, &a, 1000000000000L, &C), CX_NUM_OK));
    ASSERT_Q(&r, "1/2");
    cx_num_set_frac(&a, 1, 3);
    cr_assert(eq(int, cx_num_round(&r, &a, 1000000000000L, &C), CX_NUM_TOO_BIG));
    cx_num_set_si(&a, 1234);
    cr_assert(eq(int, cx_num_round(&r, &a, -1000000000000L, &C), CX_NUM_OK));
    ASSERT_Q(&r, "0");
    cr_assert(eq(int, cx_num_round(&r, &a, LONG_MIN, &C), CX_NUM_OK));
    ASSERT_Q(&r, "0");
    cr_assert(eq(int, cx_num_round(&r, &a, LONG_MAX, &C), CX_NUM_OK));
    ASSERT_Q(&r, "1234");
    set_approx(&a, "1234.5");
    cr_assert(eq(int, cx_num_round(&r, &a, LONG_MAX, &C), CX_NUM_OK));
    ASSERT_SHOW(&r, "≈1,234.5");
    cr_assert(eq(int, cx_num_round(&r, &a, LONG_MIN, &C), CX_NUM_OK));
    ASSERT_SHOW(&r, "≈0");
    cr_assert(now() - t0 < 0.1);
}

Test(number, floor_and_ceil_are_exact)
{
    int64_t v;
    cx_num_set_frac(&a, -7, 2);
    cx_num_floor(&r, &a, &C);
    cr_assert(cx_num_get_si(&r, &v) && v == -4);
    cx_num_ceil(&r, &a, &C);
    cr_assert(cx_num_get_si(&r, &v) && v == -3);
    cx_num_set_frac(&a, 7, 2);
    cx_num_floor(&r, &a, &C);
    cr_assert(cx_num_get_si(&r, &v) && v == 3);
    cx_num_ceil(&r, &a, &C);
    cr_assert(cx_num_get_si(&r, &v) && v == 4);
    cx_num_set_si(&a, -5);
    cx_num_floor(&r, &a, &C);
    cr_assert(cx_num_get_si(&r, &v) && v == -5);
    dec(&a, "123456789012345678901234567890.5");
    cx_num_neg(&a, &a);
    cx_num_floor(&r, &a, &C);
    ASSERT_Q(&r, "-123456789012345678901234567891");
    cx_num_ceil(&r, &a, &C);
    ASSERT_Q(&r, "-123456789012345678901234567890");
    dec(&a, "9223372036854775807.5"); /* floor of the negation is -2^63: BIG */
    cx_num_neg(&a, &a);
    cx_num_floor(&r, &a, &C);
    cr_assert(eq(int, r.kind, CX_NUM_BIG));
    ASSERT_Q(&r, "-9223372036854775808");
}

Test(number, rounding_an_approximate_value_stays_approximate)
{
    set_approx(&a, "-2.5");
    cr_assert(eq(int, cx_num_round(&r, &a, 0, &C), CX_NUM_OK));
    cr_assert(eq(int, r.kind, CX_NUM_APPROX));
    ASSERT_SHOW(&r, "≈-3");
    cx_num_floor(&r, &a, &C);
    ASSERT_SHOW(&r, "≈-3");
    cx_num_ceil(&r, &a, &C);
    ASSERT_SHOW(&r, "≈-2");
    set_approx(&a, "1.125"); /* exact in binary: a true tie */
    cr_assert(eq(int, cx_num_round(&r, &a, 2, &C), CX_NUM_OK));
    ASSERT_SHOW(&r, "≈1.13");
    set_approx(&a, "-1.125");
    cx_num_round(&r, &a, 2, &C);
    ASSERT_SHOW(&r, "≈-1.13");
    set_approx(&a, "1250");
    cx_num_round(&r, &a, -2, &C);
    ASSERT_SHOW(&r, "≈1,300");
    set_approx(&a, "0.004");
    cx_num_round(&r, &a, 2, &C);
    ASSERT_SHOW(&r, "≈0");
}

/* ---- comparison and inspection --------------------------------------- */

Test(number, compare_across_kinds)
{
    cx_num_set_frac(&a, 1, 3);
    cx_num_set_frac(&b, 1, 2);
    cr_assert(eq(int, cx_num_cmp(&a, &b), -1));
    cr_assert(eq(int, cx_num_cmp(&b, &a), 1));
    cx_num_set_frac(&a, INT64_MAX, INT64_MAX - 1);
    cx_num_set_frac(&b, INT64_MAX - 1, INT64_MAX - 2);
    cr_assert(eq(int, cx_num_cmp(&a, &b), -1)); /* needs 128-bit products */
    dec(&a, "1e30");
    cx_num_set_si(&b, INT64_MAX);
    cr_assert(eq(int, cx_num_cmp(&a, &b), 1));
    cr_assert(eq(int, cx_num_cmp(&b, &a), -1));
    cx_num_neg(&a, &a);
    cr_assert(eq(int, cx_num_cmp(&a, &b), -1));
    cx_num_set_si(&a, 2);
    cx_num_sqrt(&b, &a, &C);
    cx_num_set_frac(&a, 7, 5);
    cr_assert(eq(int, cx_num_cmp(&a, &b), -1));
    cr_assert(eq(int, cx_num_cmp(&b, &a), 1));
    cx_num_set_frac(&a, 3, 2);
    cr_assert(eq(int, cx_num_cmp(&b, &a), -1));
    set_approx(&a, "2");
    cx_num_set_si(&b, 2);
    cr_assert(eq(int, cx_num_cmp(&a, &b), 0));
    cr_assert(cx_num_eq(&a, &b));
    cr_assert(cx_num_eq(&b, &a));
}

Test(number, inspection_helpers)
{
    int64_t v = 0;
    cr_assert(cx_num_is_zero(&a) && cx_num_is_integer(&a) && cx_num_is_exact(&a));
    cr_assert(eq(int, cx_num_sgn(&a), 0));
    cr_assert(eq(long, cx_num_bits(&a), 1));
    cx_num_set_frac(&a, 255, 256);
    cr_assert(eq(long, cx_num_bits(&a), 9));
    cr_assert(not(cx_num_is_integer(&a)));
    cr_assert(not(cx_num_get_si(&a, &v)));
    cx_num_set_si(&a, -17);
    cr_assert(cx_num_get_si(&a, &v));
    cr_assert(eq(i64, v, -17));
    cr_assert(eq(int, cx_num_sgn(&a), -1));
    dec(&a, "1e20");
    cr_assert(cx_num_is_integer(&a));
    cr_assert(not(cx_num_get_si(&a, &v)));
    cr_assert(eq(long, cx_num_bits(&a), 67));
    mpfr_t f;
    mpfr_init2(f, 100);
    cx_num_get_mpfr(&a, f);
    cr_assert(eq(int, mpfr_cmp_ui_2exp(f, 1, 0) > 0, 1));
    mpfr_clear(f);
}

Test(number, set_swap_and_mpz_round_trip)
{
    mpz_t z;
    mpz_init_set_str(z, "-123456789012345678901234567890", 10);
    cx_num_set_mpz(&a, z);
    cr_assert(eq(int, a.kind, CX_NUM_BIG));
    mpz_set_si(z, -5);
    cx_num_set_mpz(&b, z);
    cr_assert(eq(int, b.kind, CX_NUM_SMALL));
    cx_num_swap(&a, &b);
    ASSERT_Q(&a, "-5");
    ASSERT_Q(&b, "-123456789012345678901234567890");
    cx_num_set(&r, &b);
    cr_assert(cx_num_eq(&r, &b));
    cx_num_set(&r, &a); /* BIG -> SMALL frees the limbs */
    ASSERT_Q(&r, "-5");
    mpq_t q;
    mpq_init(q);
    mpq_set_str(q, "6/4", 10);
    mpq_canonicalize(q);
    cx_num_set_mpq(&r, q);
    ASSERT_Q(&r, "3/2");
    mpq_clear(q);
    mpz_clear(z);
}

Test(number, an_approximate_exponent_makes_the_power_approximate)
{
    set_approx(&b, "0.5");
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_OK)); /* 0^≈0.5 */
    cr_assert(eq(int, r.kind, CX_NUM_APPROX));
    ASSERT_SHOW(&r, "≈0");
    cx_num_set_si(&a, 4);
    cr_assert(eq(int, cx_num_pow(&r, &a, &b, &C), CX_NUM_OK));
    ASSERT_SHOW(&r, "≈2");
}

/* ---- a big number times or over a small one ------------------------------- */

static uint64_t xs = 0x2545F4914F6CDD1Du;
static uint64_t next_rand(void) { return test_rng(&xs); }

/* A BIG number whose numerator and denominator carry the factors 2, 3, 5
 * and 7 now and then, so the cross gcds with a small side are often > 1. */
static void random_big(cx_num *x, mpq_t ref)
{
    mpz_set_ui(mpq_numref(ref), 1);
    mpz_set_ui(mpq_denref(ref), 1);
    static const unsigned long f[] = {2, 3, 5, 7, 11, 100, 113, 1000003};
    for (int i = 0; i < 6; i++) {
        mpz_mul_ui(mpq_numref(ref), mpq_numref(ref), (unsigned long)(next_rand() | 1));
        mpz_mul_ui(mpq_numref(ref), mpq_numref(ref), f[next_rand() % 8]);
    }
    for (int i = 0; i < 1 + (int)(next_rand() % 4); i++)
        mpz_mul_ui(mpq_denref(ref), mpq_denref(ref),
                   f[next_rand() % 8] * (next_rand() % 2 ? 1 : 3));
    if (next_rand() % 2) mpz_neg(mpq_numref(ref), mpq_numref(ref));
    mpq_canonicalize(ref);
    cx_num_set_mpq(x, ref);
}

static void random_small(cx_num *x, mpq_t ref)
{
    static const int64_t nums[] = {1, -1, 2, 113, -113, 3, 7, 1000003, INT64_MAX, -INT64_MAX, 0};
    static const int64_t dens[] = {1, 100, 4, 3, 21, 1000003, INT64_MAX};
    int64_t n = nums[next_rand() % 11], d = dens[next_rand() % 7];
    cx_num_set_frac(x, n, d);
    cx_num_get_mpq(x, ref);
}

Test(number, big_times_or_over_small_equals_mpq)
{
    mpq_t x, y, want, got;
    mpq_inits(x, y, want, got, NULL);
    for (int i = 0; i < 3000; i++) {
        random_big(&a, x);
        random_small(&b, y);
        cr_assert(eq(int, a.kind, CX_NUM_BIG));
        int op = (int)(next_rand() % 3); /* big * small, small * big, big / small */
        cx_num_status st;
        if (op == 0) {
            mpq_mul(want, x, y);
            st = cx_num_mul(&r, &a, &b, &C);
        } else if (op == 1) {
            mpq_mul(want, y, x);
            st = cx_num_mul(&r, &b, &a, &C);
        } else {
            if (mpq_sgn(y) == 0) continue;
            mpq_div(want, x, y);
            st = cx_num_div(&a, &a, &b, &C); /* in place */
            cx_num_set(&r, &a);
        }
        cr_assert(eq(int, st, CX_NUM_OK));
        cx_num_get_mpq(&r, got);
        cr_assert(mpq_equal(got, want), "case %d, op %d", i, op);
        /* canonical: SMALL exactly when it fits */
        bool fits = mpz_fits_slong_p(mpq_numref(want)) && mpz_fits_slong_p(mpq_denref(want)) &&
                    mpz_cmp_si(mpq_numref(want), LONG_MIN) != 0;
        cr_assert(eq(int, r.kind, fits ? CX_NUM_SMALL : CX_NUM_BIG), "case %d", i);
    }
    mpq_clears(x, y, want, got, NULL);
}

/* Rounding a big number of either sign to places, in one pass from its
 * numerator: half away from zero, against a reference made with mpz. */
Test(number, rounding_big_numbers_of_either_sign_to_places)
{
    mpq_t x, want, have;
    mpq_inits(x, want, have, NULL);
    for (int i = 0; i < 2000; i++) {
        random_big(&a, x);
        int places = 1 + (int)(next_rand() % 6);
        if (i % 2) { /* in place */
            cx_num_set(&r, &a);
            cr_assert(eq(int, cx_num_round(&r, &r, places, &C), CX_NUM_OK));
        } else {
            cr_assert(eq(int, cx_num_round(&r, &a, places, &C), CX_NUM_OK));
        }
        round_ref(want, x, places);
        cx_num_get_mpq(&r, have);
        cr_assert(mpq_equal(have, want), "case %d, %d places", i, places);
    }
    mpq_clears(x, want, have, NULL);
}
