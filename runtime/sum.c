/* sum.c - the running sum with postponed reduction (sum.h). */
#include "sum.h"

void cx_sum_init(cx_sum *s)
{
    cx_num_init(&s->small);
    s->big = false;
    s->reduced = true;
    s->pend = false;
}

void cx_sum_clear(cx_sum *s)
{
    if (s->big) mpz_clears(s->n, s->d, (mpz_ptr)0);
    s->big = false;
    s->pend = false;
    cx_num_clear(&s->small);
    cx_num_init(&s->small);
}

static int64_t bits(const mpz_t z) { return mpz_sgn(z) == 0 ? 0 : (int64_t)mpz_sizeinbase(z, 2); }

static void reduce(cx_sum *s)
{
    if (s->reduced) return;
    mpz_t g;
    mpz_init(g);
    mpz_gcd(g, s->n, s->d);
    if (mpz_cmp_ui(g, 1) != 0) {
        mpz_divexact(s->n, s->n, g);
        mpz_divexact(s->d, s->d, g);
    }
    mpz_clear(g);
    s->reduced = true;
}

/* The sum back into `small` as a canonical number; s stops being big. */
static void settle(cx_sum *s)
{
    if (!s->big) return;
    reduce(s);
    mpq_t q;
    mpq_init(q);
    mpz_swap(mpq_numref(q), s->n);
    mpz_swap(mpq_denref(q), s->d);
    cx_num_set_mpq(&s->small, q);
    mpq_clear(q);
    mpz_clears(s->n, s->d, (mpz_ptr)0);
    s->big = false;
}

/* From `small` (an exact number) to n/d. */
static void go_big(cx_sum *s)
{
    mpq_t q;
    mpq_init(q);
    cx_num_get_mpq(&s->small, q);
    mpz_init(s->n);
    mpz_init(s->d);
    mpz_swap(s->n, mpq_numref(q));
    mpz_swap(s->d, mpq_denref(q));
    mpq_clear(q);
    cx_num_set_si(&s->small, 0);
    s->big = true;
    s->reduced = true;
}

/* n/d + a/b, with b > 0 and a/b in lowest terms. */
static void add_big(cx_sum *s, const mpz_t a, const mpz_t b)
{
    if (mpz_cmp(b, s->d) == 0) {
        mpz_add(s->n, s->n, a);
        s->reduced = false;
    } else if (mpz_divisible_p(b, s->d)) { /* b = d k: n k + a over b */
        mpz_t k;
        mpz_init(k);
        mpz_divexact(k, b, s->d);
        mpz_mul(s->n, s->n, k);
        mpz_add(s->n, s->n, a);
        mpz_set(s->d, b);
        mpz_clear(k);
        s->reduced = false;
    } else if (mpz_divisible_p(s->d, b)) { /* d = b k: n + a k over d */
        mpz_t k;
        mpz_init(k);
        mpz_divexact(k, s->d, b);
        mpz_addmul(s->n, a, k);
        mpz_clear(k);
        s->reduced = false;
    } else {
        /* Unrelated denominators: as term by term addition does, so the
         * denominator never grows past the reduced one. */
        reduce(s);
        mpq_t q, t;
        mpq_init(q);
        mpq_init(t);
        mpz_swap(mpq_numref(q), s->n);
        mpz_swap(mpq_denref(q), s->d);
        mpz_set(mpq_numref(t), a);
        mpz_set(mpq_denref(t), b);
        mpq_add(q, q, t);
        mpz_swap(mpq_numref(q), s->n);
        mpz_swap(mpq_denref(q), s->d);
        mpq_clear(q);
        mpq_clear(t);
        s->reduced = true;
    }
}

/* ---- the pending sum of small terms --------------------------------------
 * While every term is a SMALL number, the sum is pn/pd: pd the least common
 * multiple of the denominators so far (it fits int64), pn kept below 2^125
 * so that adding one term (below 2^126) cannot overflow.  Most terms share
 * the denominator or divide it, and then cost no gcd at all; the fraction is
 * reduced once, when the sum is read.  Used only when the size limit is at
 * least 128 bits, so no partial sum could have stopped at the limit. */
typedef __int128 i128;
#define PEND_MAX (((i128)1) << 125)

static uint64_t gcd_u64(uint64_t a, uint64_t b)
{
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* pn/pd += xn/xd (xd > 0); false, with the sum unchanged, when a word
 * would overflow. */
static bool pend_add(cx_sum *s, int64_t xn, int64_t xd)
{
    i128 n = s->pn, t;
    int64_t d = s->pd;
    if (xd == d) {
        t = xn;
    } else if (xd < d && d % xd == 0) {
        t = (i128)xn * (d / xd);
    } else {
        int64_t g = (int64_t)gcd_u64((uint64_t)d, (uint64_t)xd), l;
        if (__builtin_mul_overflow(d / g, xd, &l)) return false;
        if (__builtin_mul_overflow(n, (i128)(xd / g), &n)) return false;
        if (n > PEND_MAX || n < -PEND_MAX) return false;
        t = (i128)xn * (d / g);
        d = l;
    }
    n += t;
    if (n > PEND_MAX || n < -PEND_MAX) return false;
    s->pn = n;
    s->pd = d;
    return true;
}

/* The pending sum, reduced, back into `small`; s stops pending. */
static void pend_settle(cx_sum *s)
{
    if (!s->pend) return;
    s->pend = false;
    i128 n = s->pn;
    int64_t d = s->pd;
    unsigned __int128 un =
        n < 0 ? (unsigned __int128)0 - (unsigned __int128)n : (unsigned __int128)n;
    int64_t g = (int64_t)gcd_u64((uint64_t)d, (uint64_t)(un % (uint64_t)d));
    if (g > 1) {
        n /= g;
        d /= g;
        un /= (uint64_t)g;
    }
    if (n >= -(i128)INT64_MAX && n <= (i128)INT64_MAX) {
        cx_num_set_frac(&s->small, (int64_t)n, d);
        return;
    }
    uint64_t w[2] = {(uint64_t)un, (uint64_t)(un >> 64)};
    mpq_t q;
    mpq_init(q);
    mpz_import(mpq_numref(q), 2, -1, sizeof w[0], 0, 0, w);
    if (n < 0) mpz_neg(mpq_numref(q), mpq_numref(q));
    mpz_set_si(mpq_denref(q), d);
    cx_num_set_mpq(&s->small, q);
    mpq_clear(q);
}

cx_num_status cx_sum_add(cx_sum *s, const cx_num *x, const cx_num_ctx *ctx)
{
    if (x->kind == CX_NUM_SMALL && !s->big) {
        if (s->pend && pend_add(s, x->u.s.num, x->u.s.den)) return CX_NUM_OK;
        if (!s->pend && s->small.kind == CX_NUM_SMALL && cx_num_limit_bits(ctx) >= 128) {
            s->pn = s->small.u.s.num;
            s->pd = s->small.u.s.den;
            s->pend = true;
            if (pend_add(s, x->u.s.num, x->u.s.den)) return CX_NUM_OK;
        }
    }
    pend_settle(s);
    if (!s->big) {
        bool exact_big = cx_num_is_exact(x) && cx_num_is_exact(&s->small) &&
                         (x->kind == CX_NUM_BIG || s->small.kind == CX_NUM_BIG);
        if (!exact_big) return cx_num_add(&s->small, &s->small, x, ctx);
        go_big(s);
    } else if (!cx_num_is_exact(x)) {
        settle(s); /* an approximate term makes the sum approximate */
        return cx_num_add(&s->small, &s->small, x, ctx);
    }
    int64_t lim = cx_num_limit_bits(ctx);
    if (x->kind == CX_NUM_SMALL) {
        mpq_t t;
        mpq_init(t);
        cx_num_get_mpq(x, t);
        add_big(s, mpq_numref(t), mpq_denref(t));
        mpq_clear(t);
    } else {
        add_big(s, mpq_numref(x->u.q), mpq_denref(x->u.q));
    }
    if (bits(s->n) > lim || bits(s->d) > lim) {
        reduce(s);
        if (bits(s->n) > lim || bits(s->d) > lim) return CX_NUM_TOO_BIG;
    }
    return CX_NUM_OK;
}

cx_num_status cx_sum_take(cx_sum *s, cx_num *out, const cx_num_ctx *ctx)
{
    (void)ctx;
    pend_settle(s);
    settle(s);
    cx_num_swap(out, &s->small);
    cx_num_clear(&s->small);
    cx_num_init(&s->small);
    return CX_NUM_OK;
}
