/* number.c - cx numbers: exact rationals kept as int64 pairs while they fit
 * (SMALL), GMP rationals when they do not (BIG), and MPFR approximations
 * (APPROX).  Every size limit and zero divisor is checked before GMP could
 * trap or abort.  No printing, no sources: callers map statuses to errors. */
#include "number.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "limits.h"

/* __int128 is a GCC/Clang extension; __extension__ keeps -Wpedantic quiet. */
__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

/* Whatever ctx->max_bits says, never let GMP near its own size field
 * overflow (about 2^37 bits on 64-bit), which aborts the process.  Work
 * bounds below go up to twice the limit. */
#define HARD_MAX_BITS ((int64_t)1 << 34)

#define LIKELY(c)   __builtin_expect(!!(c), 1)
#define UNLIKELY(c) __builtin_expect(!!(c), 0)

/* ==== small helpers ===================================================== */

static inline int bitlen64(uint64_t v) { return v ? 64 - __builtin_clzll(v) : 0; }

static inline uint64_t uabs64(int64_t v) { return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v; }

/* Binary gcd: a handful of cycles per bit.  A side of 1 (every integer's
 * denominator) answers at once, and when one side is far shorter than the
 * other, one division first saves a loop step per bit of the difference. */
static uint64_t gcd64(uint64_t a, uint64_t b)
{
    if (a == 1 || b == 1) return 1;
    if (a == 0) return b;
    if (b == 0) return a;
    if (a > b) {
        uint64_t t = a;
        a = b;
        b = t;
    }
    if ((a & (a - 1)) == 0) { /* a power of two (decimal denominators often are) */
        int za = __builtin_ctzll(a), zb = __builtin_ctzll(b);
        return (uint64_t)1 << (za < zb ? za : zb);
    }
    if ((b >> 16) > a) {
        b %= a;
        if (b == 0) return a;
    }
    int shift = __builtin_ctzll(a | b);
    a >>= __builtin_ctzll(a);
    do {
        b >>= __builtin_ctzll(b);
        if (a > b) {
            uint64_t t = a;
            a = b;
            b = t;
        }
        b -= a;
    } while (b != 0);
    return a << shift;
}

static int64_t limit_bits(const cx_num_ctx *ctx)
{
    int64_t m = ctx->max_bits;
    return (m <= 0 || m > HARD_MAX_BITS) ? HARD_MAX_BITS : m;
}

int64_t cx_num_limit_bits(const cx_num_ctx *ctx) { return limit_bits(ctx); }

static void z_set_u64(mpz_t z, uint64_t v)
{
#if ULONG_MAX >= UINT64_MAX
    mpz_set_ui(z, (unsigned long)v);
#else
    mpz_import(z, 1, -1, sizeof v, 0, 0, &v);
#endif
}

static void z_set_i64(mpz_t z, int64_t v)
{
#if LONG_MAX >= INT64_MAX
    mpz_set_si(z, (long)v);
#else
    z_set_u64(z, uabs64(v));
    if (v < 0) mpz_neg(z, z);
#endif
}

/* |z| < 2^63, so z fits int64 and is not INT64_MIN. */
static bool z_fits_i64(const mpz_t z) { return mpz_sizeinbase(z, 2) <= 63; }

/* z must satisfy z_fits_i64. */
static int64_t z_get_i64(const mpz_t z)
{
#if LONG_MAX >= INT64_MAX
    return (int64_t)mpz_get_si(z);
#else
    uint64_t v = 0;
    mpz_export(&v, NULL, -1, sizeof v, 0, 0, z);
    return mpz_sgn(z) < 0 ? -(int64_t)v : (int64_t)v;
#endif
}

static int64_t z_bits(const mpz_t z) { return mpz_sgn(z) == 0 ? 0 : (int64_t)mpz_sizeinbase(z, 2); }

static bool q_too_big(const mpq_t q, int64_t lim)
{
    return z_bits(mpq_numref(q)) > lim || z_bits(mpq_denref(q)) > lim;
}

/* ==== representation changes =========================================== */

static void release(cx_num *x)
{
    if (x->kind == CX_NUM_BIG) mpq_clear(x->u.q);
    else if (x->kind == CX_NUM_APPROX) mpfr_clear(x->u.f);
    x->kind = CX_NUM_SMALL;
}

/* n/d must already be canonical SMALL values. */
static inline void put_small(cx_num *x, int64_t n, int64_t d)
{
    if (UNLIKELY(x->kind != CX_NUM_SMALL)) release(x);
    x->u.s.num = n;
    x->u.s.den = d;
}

/* x takes the canonical value of q, demoted to SMALL when it fits.  q's
 * contents are swapped out: the caller still clears q.  q may be x->u.q. */
static void take_mpq(cx_num *x, mpq_t q)
{
    if (z_fits_i64(mpq_numref(q)) && z_fits_i64(mpq_denref(q))) {
        int64_t n = z_get_i64(mpq_numref(q)), d = z_get_i64(mpq_denref(q));
        put_small(x, n, d);
        return;
    }
    if (x->kind != CX_NUM_BIG) {
        release(x);
        mpq_init(x->u.q);
        x->kind = CX_NUM_BIG;
    }
    if (x->u.q != q) mpq_swap(x->u.q, q);
}

/* As take_mpq, but q is consumed: the caller does not clear it, and x
 * (not q) holds its limbs, with no mpq made for x first. */
static void move_mpq(cx_num *x, mpq_t q)
{
    if (z_fits_i64(mpq_numref(q)) && z_fits_i64(mpq_denref(q))) {
        int64_t n = z_get_i64(mpq_numref(q)), d = z_get_i64(mpq_denref(q));
        mpq_clear(q);
        put_small(x, n, d);
        return;
    }
    release(x);
    memcpy(x->u.q, q, sizeof(mpq_t)); /* the limbs change owner */
    x->kind = CX_NUM_BIG;
}

/* NaN and infinities never become values: they are statuses. */
static cx_num_status take_mpfr(cx_num *x, mpfr_t r)
{
    if (mpfr_nan_p(r)) return CX_NUM_DOMAIN;
    if (mpfr_inf_p(r)) return CX_NUM_TOO_BIG;
    /* A non-zero result below MPFR's smallest exponent came back as 0: say
     * so rather than print ≈0 (the callers clear the flag first). */
    if (mpfr_zero_p(r) && mpfr_underflow_p()) {
        mpfr_clear_underflow();
        return CX_NUM_TOO_SMALL;
    }
    if (x->kind != CX_NUM_APPROX) {
        release(x);
        mpfr_init2(x->u.f, mpfr_get_prec(r));
        x->kind = CX_NUM_APPROX;
    }
    mpfr_swap(x->u.f, r);
    return CX_NUM_OK;
}

/* Canonical SMALL from unsigned magnitudes, falling back to BIG when a part
 * does not fit int64 (e.g. -INT64_MIN). */
static void set_parts(cx_num *x, bool neg, uint64_t n, uint64_t d)
{
    uint64_t g = gcd64(n, d);
    n /= g;
    d /= g;
    if (n == 0) d = 1;
    if (n <= (uint64_t)INT64_MAX && d <= (uint64_t)INT64_MAX) {
        put_small(x, neg ? -(int64_t)n : (int64_t)n, (int64_t)d);
        return;
    }
    mpq_t q;
    mpq_init(q);
    z_set_u64(mpq_numref(q), n);
    z_set_u64(mpq_denref(q), d);
    if (neg) mpq_neg(q, q);
    take_mpq(x, q);
    mpq_clear(q);
}

/* A read-only mpq view of an exact number (a temporary for SMALL). */
typedef struct qview {
    mpq_t tmp;
    mpq_srcptr q;
    bool owned;
} qview;

static void qv_init(qview *v, const cx_num *x)
{
    if (x->kind == CX_NUM_BIG) {
        v->q = x->u.q;
        v->owned = false;
        return;
    }
    mpq_init(v->tmp);
    if (x->kind == CX_NUM_SMALL) {
        z_set_i64(mpq_numref(v->tmp), x->u.s.num);
        z_set_i64(mpq_denref(v->tmp), x->u.s.den);
    } else {
        mpfr_get_q(v->tmp, x->u.f); /* contract breach; stay defined */
    }
    v->q = v->tmp;
    v->owned = true;
}

static void qv_clear(qview *v)
{
    if (v->owned) mpq_clear(v->tmp);
}

/* Exact value into an mpfr, one correct rounding at out's precision. */
static void exact_to_mpfr(mpfr_t out, const cx_num *x)
{
    if (x->kind == CX_NUM_SMALL) {
#if LONG_MAX >= INT64_MAX
        if (x->u.s.den == 1) {
            mpfr_set_si(out, (long)x->u.s.num, MPFR_RNDN);
            return;
        }
        if (mpfr_get_prec(out) >= 64) { /* numerator exact, then one division */
            mpfr_set_si(out, (long)x->u.s.num, MPFR_RNDN);
            mpfr_div_si(out, out, (long)x->u.s.den, MPFR_RNDN);
            return;
        }
#endif
    }
    qview v;
    qv_init(&v, x);
    mpfr_set_q(out, v.q, MPFR_RNDN);
    qv_clear(&v);
}

/* A read-only mpfr view: approximate operands as they are, exact ones
 * rounded to prec. */
typedef struct fview {
    mpfr_t tmp;
    mpfr_srcptr f;
    bool owned;
} fview;

static void fv_init(fview *v, const cx_num *x, mpfr_prec_t prec)
{
    if (x->kind == CX_NUM_APPROX) {
        v->f = x->u.f;
        v->owned = false;
        return;
    }
    mpfr_init2(v->tmp, prec);
    exact_to_mpfr(v->tmp, x);
    v->f = v->tmp;
    v->owned = true;
}

static void fv_clear(fview *v)
{
    if (v->owned) mpfr_clear(v->tmp);
}

static mpfr_prec_t ctx_prec(const cx_num_ctx *ctx)
{
    mpfr_prec_t p = ctx->prec;
    if (p < MPFR_PREC_MIN) p = MPFR_PREC_MIN;
    if (p > MPFR_PREC_MAX) p = MPFR_PREC_MAX;
    return p;
}

/* ==== lifecycle ========================================================= */

void cx_num_release_slow(cx_num *x) { release(x); }

void cx_num_set_slow(cx_num *dst, const cx_num *src)
{
    if (dst == src) return;
    switch (src->kind) {
    case CX_NUM_SMALL: put_small(dst, src->u.s.num, src->u.s.den); break;
    case CX_NUM_BIG:
        if (dst->kind != CX_NUM_BIG) {
            release(dst);
            mpq_init(dst->u.q);
            dst->kind = CX_NUM_BIG;
        }
        mpq_set(dst->u.q, src->u.q);
        break;
    case CX_NUM_APPROX:
        if (dst->kind != CX_NUM_APPROX) {
            release(dst);
            mpfr_init2(dst->u.f, mpfr_get_prec(src->u.f));
            dst->kind = CX_NUM_APPROX;
        } else {
            mpfr_set_prec(dst->u.f, mpfr_get_prec(src->u.f));
        }
        mpfr_set(dst->u.f, src->u.f, MPFR_RNDN); /* same precision: exact */
        break;
    }
}

void cx_num_set_si(cx_num *x, int64_t v)
{
    if (v == INT64_MIN) set_parts(x, true, uabs64(v), 1);
    else put_small(x, v, 1);
}

void cx_num_set_frac(cx_num *x, int64_t num, int64_t den)
{
    if (den == 0) { /* a caller bug; keep x a valid number */
        put_small(x, 0, 1);
        return;
    }
    set_parts(x, (num < 0) != (den < 0), uabs64(num), uabs64(den));
}

void cx_num_set_mpq(cx_num *x, const mpq_t q)
{
    if (x->kind == CX_NUM_BIG && x->u.q == q) {
        take_mpq(x, x->u.q); /* may demote in place */
        return;
    }
    if (z_fits_i64(mpq_numref(q)) && z_fits_i64(mpq_denref(q))) {
        put_small(x, z_get_i64(mpq_numref(q)), z_get_i64(mpq_denref(q)));
        return;
    }
    if (x->kind != CX_NUM_BIG) {
        release(x);
        mpq_init(x->u.q);
        x->kind = CX_NUM_BIG;
    }
    mpq_set(x->u.q, q);
}

void cx_num_set_mpz(cx_num *x, const mpz_t z)
{
    if (z_fits_i64(z)) {
        put_small(x, z_get_i64(z), 1);
        return;
    }
    mpq_t q;
    mpq_init(q);
    mpq_set_z(q, z);
    take_mpq(x, q);
    mpq_clear(q);
}

void cx_num_set_mpfr(cx_num *x, const mpfr_t v, const cx_num_ctx *ctx)
{
    mpfr_t r;
    mpfr_init2(r, ctx_prec(ctx));
    mpfr_set(r, v, MPFR_RNDN); /* v may be x->u.f: read before x changes */
    if (x->kind != CX_NUM_APPROX) {
        release(x);
        mpfr_init2(x->u.f, mpfr_get_prec(r));
        x->kind = CX_NUM_APPROX;
    }
    mpfr_swap(x->u.f, r);
    mpfr_clear(r);
}

/* ==== inspection ======================================================== */

bool cx_num_is_exact(const cx_num *x) { return x->kind != CX_NUM_APPROX; }

bool cx_num_is_zero(const cx_num *x)
{
    switch (x->kind) {
    case CX_NUM_SMALL: return x->u.s.num == 0;
    case CX_NUM_BIG: return false; /* zero always fits SMALL */
    case CX_NUM_APPROX: return mpfr_zero_p(x->u.f) != 0;
    }
    return false;
}

bool cx_num_is_integer(const cx_num *x)
{
    switch (x->kind) {
    case CX_NUM_SMALL: return x->u.s.den == 1;
    case CX_NUM_BIG: return mpz_cmp_ui(mpq_denref(x->u.q), 1) == 0;
    case CX_NUM_APPROX: return false;
    }
    return false;
}

int cx_num_sgn(const cx_num *x)
{
    switch (x->kind) {
    case CX_NUM_SMALL: return (x->u.s.num > 0) - (x->u.s.num < 0);
    case CX_NUM_BIG: return mpq_sgn(x->u.q);
    case CX_NUM_APPROX: return mpfr_sgn(x->u.f);
    }
    return 0;
}

bool cx_num_get_si(const cx_num *x, int64_t *out)
{
    /* A BIG integer never fits int64 (else it would be SMALL). */
    if (x->kind == CX_NUM_SMALL && x->u.s.den == 1) {
        *out = x->u.s.num;
        return true;
    }
    return false;
}

void cx_num_get_mpq(const cx_num *x, mpq_t out)
{
    switch (x->kind) {
    case CX_NUM_SMALL:
        z_set_i64(mpq_numref(out), x->u.s.num);
        z_set_i64(mpq_denref(out), x->u.s.den);
        break;
    case CX_NUM_BIG: mpq_set(out, x->u.q); break;
    case CX_NUM_APPROX: mpfr_get_q(out, x->u.f); break; /* contract breach */
    }
}

void cx_num_get_mpfr(const cx_num *x, mpfr_t out)
{
    if (x->kind == CX_NUM_APPROX) mpfr_set(out, x->u.f, MPFR_RNDN);
    else exact_to_mpfr(out, x);
}

long cx_num_bits(const cx_num *x)
{
    switch (x->kind) {
    case CX_NUM_SMALL: {
        int a = bitlen64(uabs64(x->u.s.num)), b = bitlen64((uint64_t)x->u.s.den);
        return a > b ? a : b;
    }
    case CX_NUM_BIG: {
        int64_t a = z_bits(mpq_numref(x->u.q)), b = z_bits(mpq_denref(x->u.q));
        return (long)(a > b ? a : b);
    }
    case CX_NUM_APPROX: return (long)mpfr_get_prec(x->u.f);
    }
    return 0;
}

int cx_num_cmp(const cx_num *a, const cx_num *b)
{
    if (LIKELY(a->kind == CX_NUM_SMALL && b->kind == CX_NUM_SMALL)) {
        if (a->u.s.den == b->u.s.den) return (a->u.s.num > b->u.s.num) - (a->u.s.num < b->u.s.num);
        /* 63-bit by 63-bit products fit comfortably in 127 bits. */
        i128 l = (i128)a->u.s.num * b->u.s.den, r = (i128)b->u.s.num * a->u.s.den;
        return (l > r) - (l < r);
    }
    int c;
    if (a->kind == CX_NUM_APPROX && b->kind == CX_NUM_APPROX) {
        c = mpfr_cmp(a->u.f, b->u.f);
    } else if (a->kind == CX_NUM_APPROX || b->kind == CX_NUM_APPROX) {
        const cx_num *f = a->kind == CX_NUM_APPROX ? a : b, *e = f == a ? b : a;
        qview v;
        qv_init(&v, e);
        c = mpfr_cmp_q(f->u.f, v.q);
        qv_clear(&v);
        if (f == b) c = -c;
    } else {
        qview va, vb;
        qv_init(&va, a);
        qv_init(&vb, b);
        c = mpq_cmp(va.q, vb.q);
        qv_clear(&vb);
        qv_clear(&va);
    }
    return (c > 0) - (c < 0);
}

bool cx_num_eq(const cx_num *a, const cx_num *b)
{
    if (a->kind == CX_NUM_SMALL && b->kind == CX_NUM_SMALL)
        return a->u.s.num == b->u.s.num && a->u.s.den == b->u.s.den;
    /* Canonical forms: an exact SMALL never equals an exact BIG. */
    if (a->kind != CX_NUM_APPROX && b->kind != CX_NUM_APPROX && a->kind != b->kind) return false;
    if (a->kind == CX_NUM_BIG && b->kind == CX_NUM_BIG) return mpq_equal(a->u.q, b->u.q) != 0;
    return cx_num_cmp(a, b) == 0;
}

/* ==== + - * / =========================================================== */

typedef enum arith_op { OP_ADD, OP_SUB, OP_MUL, OP_DIV } arith_op;

/* The limit is normally far above 63 bits; only a tiny --max-digits makes
 * the SMALL results need a check. */
static inline cx_num_status emit_small(cx_num *out, int64_t n, int64_t d, const cx_num_ctx *ctx)
{
    if (UNLIKELY(ctx->max_bits > 0 && ctx->max_bits < 64)) {
        if (bitlen64(uabs64(n)) > ctx->max_bits || bitlen64((uint64_t)d) > ctx->max_bits)
            return CX_NUM_TOO_BIG;
    }
    put_small(out, n, d);
    return CX_NUM_OK;
}

static inline bool i128_fits(i128 v) { return v > (i128)INT64_MIN && v <= (i128)INT64_MAX; }

/* an/ad + bn/bd with Knuth's gcd trick; false when the result leaves int64. */
static bool add_small(int64_t an, int64_t ad, int64_t bn, int64_t bd, int64_t *rn, int64_t *rd)
{
    uint64_t g = gcd64((uint64_t)ad, (uint64_t)bd);
    i128 n, d;
    if (g == 1) {
        n = (i128)an * bd + (i128)bn * ad;
        d = (i128)ad * bd;
    } else {
        /* 128-bit divisions are library calls: take them in 64 bits when
         * the sum fits, and not at all for a divisor of 1. */
        int64_t ad1 = ad / (int64_t)g, bd1 = bd / (int64_t)g;
        i128 t = (i128)an * bd1 + (i128)bn * ad1;
        if (t == 0) {
            *rn = 0;
            *rd = 1;
            return true;
        }
        bool t64 = i128_fits(t);
        u128 ut = t < 0 ? (u128)0 - (u128)t : (u128)t;
        uint64_t tm = t64 ? (uint64_t)ut % g : (uint64_t)(ut % g);
        uint64_t g2 = gcd64(tm, g);
        if (g2 == 1) {
            n = t;
            d = (i128)ad1 * bd;
        } else {
            n = t64 ? (i128)((int64_t)t / (int64_t)g2) : t / (i128)g2;
            d = (i128)ad1 * (bd / (int64_t)g2);
        }
    }
    if (!i128_fits(n) || !i128_fits(d)) return false;
    *rn = (int64_t)n;
    *rd = (int64_t)d;
    return true;
}

/* an/ad * bn/bd, cross-reducing first so the products stay small. */
static bool mul_small(int64_t an, int64_t ad, int64_t bn, int64_t bd, int64_t *rn, int64_t *rd)
{
    if (an == 0 || bn == 0) {
        *rn = 0;
        *rd = 1;
        return true;
    }
    int64_t g1 = (int64_t)gcd64(uabs64(an), (uint64_t)bd);
    int64_t g2 = (int64_t)gcd64(uabs64(bn), (uint64_t)ad);
    /* A 64-bit division costs tens of cycles: skip the ones by 1. */
    if (g1 != 1) {
        an /= g1;
        bd /= g1;
    }
    if (g2 != 1) {
        bn /= g2;
        ad /= g2;
    }
    int64_t n, d;
    if (__builtin_mul_overflow(an, bn, &n) || n == INT64_MIN || __builtin_mul_overflow(ad, bd, &d))
        return false;
    *rn = n;
    *rd = d;
    return true;
}

static cx_num_status arith_approx(cx_num *out, const cx_num *a, const cx_num *b, arith_op op,
                                  const cx_num_ctx *ctx)
{
    mpfr_clear_underflow();
    mpfr_prec_t prec = ctx_prec(ctx);
    fview fa, fb;
    fv_init(&fa, a, prec);
    fv_init(&fb, b, prec);
    mpfr_t r;
    mpfr_init2(r, prec);
    switch (op) {
    case OP_ADD: mpfr_add(r, fa.f, fb.f, MPFR_RNDN); break;
    case OP_SUB: mpfr_sub(r, fa.f, fb.f, MPFR_RNDN); break;
    case OP_MUL: mpfr_mul(r, fa.f, fb.f, MPFR_RNDN); break;
    case OP_DIV: mpfr_div(r, fa.f, fb.f, MPFR_RNDN); break;
    }
    fv_clear(&fb);
    fv_clear(&fa);
    cx_num_status st = take_mpfr(out, r);
    mpfr_clear(r);
    return st;
}

#if ULONG_MAX >= UINT64_MAX
/* z * k / g into r (k, g > 0; g divides z): one pass when g is 1. */
static void z_mul_div_ui(mpz_ptr r, mpz_srcptr z, unsigned long k, unsigned long g)
{
    if (g == 1) {
        mpz_mul_ui(r, z, k);
        return;
    }
    mpz_divexact_ui(r, z, g);
    if (k != 1) mpz_mul_ui(r, r, k);
}

/* x p/q, x a BIG exact number and p/q a SMALL one (q > 0, p != 0): the
 * cross gcds are each against one machine word (one pass over x's parts)
 * and the result is built at its final size, without mpq_mul's temporaries
 * or a view of p/q.  A number times a rate (compounding, a recurrence) is
 * this case. */
/* q without the prime factors it shares with den, when den fits a word: x
 * = num/den is in lowest terms, so none of those divides num, and gcd(num,
 * q) is gcd(num, the rest), which is often 1 with no pass over num (cents
 * times a rate in cents: q = den = 100). */
static unsigned long beyond_den(unsigned long q, mpz_srcptr den)
{
    if (mpz_size(den) != 1) return q;
    uint64_t d = mpz_getlimbn(den, 0), g;
    while (q > 1 && (g = gcd64(q, d)) > 1) q /= g;
    return q;
}

static cx_num_status mul_big_small(cx_num *out, mpq_srcptr x, int64_t p, int64_t q, int64_t lim)
{
    unsigned long up = (unsigned long)uabs64(p), uq = (unsigned long)q;
    unsigned long g1 = up == 1 ? 1 : mpz_gcd_ui(NULL, mpq_denref(x), up);
    unsigned long uq1 = beyond_den(uq, mpq_denref(x));
    unsigned long g2 = uq1 == 1 ? 1 : mpz_gcd_ui(NULL, mpq_numref(x), uq1);
    mpq_t r; /* each part allocated once, at its final size */
    mpz_init2(mpq_numref(r), mpz_sizeinbase(mpq_numref(x), 2) + 64);
    mpz_init2(mpq_denref(r), mpz_sizeinbase(mpq_denref(x), 2) + 64);
    z_mul_div_ui(mpq_numref(r), mpq_numref(x), up / g1, g2);
    if (p < 0) mpz_neg(mpq_numref(r), mpq_numref(r));
    z_mul_div_ui(mpq_denref(r), mpq_denref(x), uq / g2, g1);
    if (q_too_big(r, lim)) {
        mpq_clear(r);
        return CX_NUM_TOO_BIG;
    }
    move_mpq(out, r); /* out may be x's number: x is not read after this */
    return CX_NUM_OK;
}
#endif

static cx_num_status arith_big(cx_num *out, const cx_num *a, const cx_num *b, arith_op op,
                               const cx_num_ctx *ctx)
{
    int64_t lim = limit_bits(ctx);
#if ULONG_MAX >= UINT64_MAX
    /* A big number times or over a small one (the small side not 0: a
     * division by 0 was refused before). */
    if ((op == OP_MUL || op == OP_DIV) && a->kind == CX_NUM_BIG && b->kind == CX_NUM_SMALL &&
        b->u.s.num != 0) {
        int64_t p = b->u.s.num, q = b->u.s.den;
        if (op == OP_MUL) return mul_big_small(out, a->u.q, p, q, lim);
        return mul_big_small(out, a->u.q, p < 0 ? -q : q, p < 0 ? -p : p, lim);
    }
    if (op == OP_MUL && a->kind == CX_NUM_SMALL && b->kind == CX_NUM_BIG && a->u.s.num != 0)
        return mul_big_small(out, b->u.q, a->u.s.num, a->u.s.den, lim);
#endif
    qview va, vb;
    qv_init(&va, a);
    qv_init(&vb, b);
    int64_t an = z_bits(mpq_numref(va.q)), ad = z_bits(mpq_denref(va.q));
    int64_t bn = z_bits(mpq_numref(vb.q)), bd = z_bits(mpq_denref(vb.q));
    int64_t en, ed; /* upper bounds of the result's numerator/denominator bits */
    switch (op) {
    case OP_ADD:
    case OP_SUB:
        en = (an + bd > bn + ad ? an + bd : bn + ad) + 1;
        ed = ad + bd;
        break;
    case OP_MUL:
        en = an + bn;
        ed = ad + bd;
        break;
    default:
        en = an + bd;
        ed = ad + bn;
        break;
    }
    cx_num_status st = CX_NUM_OK;
    /* Operands within the limit give at most ~2x the limit, which is cheap to
     * compute; the real verdict is the exact size of the result below.  The
     * estimate only stops operands from a larger earlier limit. */
    if (en > 2 * lim + 2 || ed > 2 * lim + 2) {
        st = CX_NUM_TOO_BIG;
    } else {
        mpq_t r;
        mpq_init(r);
        switch (op) {
        case OP_ADD: mpq_add(r, va.q, vb.q); break;
        case OP_SUB: mpq_sub(r, va.q, vb.q); break;
        case OP_MUL: mpq_mul(r, va.q, vb.q); break;
        case OP_DIV: mpq_div(r, va.q, vb.q); break; /* divisor checked by the caller */
        }
        if (q_too_big(r, lim)) st = CX_NUM_TOO_BIG;
        else take_mpq(out, r);
        mpq_clear(r);
    }
    qv_clear(&vb);
    qv_clear(&va);
    return st;
}

static cx_num_status arith_slow(cx_num *out, const cx_num *a, const cx_num *b, arith_op op,
                                const cx_num_ctx *ctx)
{
    /* Check the divisor first: GMP raises SIGFPE on zero, MPFR gives inf. */
    if (op == OP_DIV && cx_num_is_zero(b)) return CX_NUM_DIV_ZERO;
    if (a->kind == CX_NUM_APPROX || b->kind == CX_NUM_APPROX)
        return arith_approx(out, a, b, op, ctx);
    return arith_big(out, a, b, op, ctx);
}

cx_num_status cx_num_add(cx_num *out, const cx_num *a, const cx_num *b, const cx_num_ctx *ctx)
{
    if (LIKELY(a->kind == CX_NUM_SMALL && b->kind == CX_NUM_SMALL)) {
        int64_t n, d;
        if (a->u.s.den == 1 && b->u.s.den == 1) {
            if (!__builtin_add_overflow(a->u.s.num, b->u.s.num, &n) && n != INT64_MIN)
                return emit_small(out, n, 1, ctx);
        } else if (add_small(a->u.s.num, a->u.s.den, b->u.s.num, b->u.s.den, &n, &d)) {
            return emit_small(out, n, d, ctx);
        }
    }
    return arith_slow(out, a, b, OP_ADD, ctx);
}

cx_num_status cx_num_sub(cx_num *out, const cx_num *a, const cx_num *b, const cx_num_ctx *ctx)
{
    if (LIKELY(a->kind == CX_NUM_SMALL && b->kind == CX_NUM_SMALL)) {
        int64_t n, d;
        if (a->u.s.den == 1 && b->u.s.den == 1) {
            if (!__builtin_sub_overflow(a->u.s.num, b->u.s.num, &n) && n != INT64_MIN)
                return emit_small(out, n, 1, ctx);
        } else if (add_small(a->u.s.num, a->u.s.den, -b->u.s.num, b->u.s.den, &n, &d)) {
            /* -num is safe: a SMALL numerator is never INT64_MIN. */
            return emit_small(out, n, d, ctx);
        }
    }
    return arith_slow(out, a, b, OP_SUB, ctx);
}

cx_num_status cx_num_mul(cx_num *out, const cx_num *a, const cx_num *b, const cx_num_ctx *ctx)
{
    if (LIKELY(a->kind == CX_NUM_SMALL && b->kind == CX_NUM_SMALL)) {
        int64_t n, d;
        if (a->u.s.den == 1 && b->u.s.den == 1) {
            if (!__builtin_mul_overflow(a->u.s.num, b->u.s.num, &n) && n != INT64_MIN)
                return emit_small(out, n, 1, ctx);
        } else if (mul_small(a->u.s.num, a->u.s.den, b->u.s.num, b->u.s.den, &n, &d)) {
            return emit_small(out, n, d, ctx);
        }
    }
    return arith_slow(out, a, b, OP_MUL, ctx);
}

cx_num_status cx_num_div(cx_num *out, const cx_num *a, const cx_num *b, const cx_num_ctx *ctx)
{
    if (LIKELY(a->kind == CX_NUM_SMALL && b->kind == CX_NUM_SMALL)) {
        int64_t bn = b->u.s.num, bd = b->u.s.den, n, d;
        if (bn == 0) return CX_NUM_DIV_ZERO;
        if (bn < 0) { /* 1/b with a positive denominator; neither is INT64_MIN */
            bn = -bn;
            bd = -bd;
        }
        if (mul_small(a->u.s.num, a->u.s.den, bd, bn, &n, &d)) return emit_small(out, n, d, ctx);
    }
    return arith_slow(out, a, b, OP_DIV, ctx);
}

void cx_num_neg(cx_num *out, const cx_num *a)
{
    switch (a->kind) {
    case CX_NUM_SMALL: put_small(out, -a->u.s.num, a->u.s.den); break;
    case CX_NUM_BIG:
        /* |value| is unchanged, so the result stays BIG (even -(-2^63)). */
        cx_num_set(out, a);
        mpq_neg(out->u.q, out->u.q);
        break;
    case CX_NUM_APPROX:
        cx_num_set(out, a);
        mpfr_neg(out->u.f, out->u.f, MPFR_RNDN);
        break;
    }
}

void cx_num_abs(cx_num *out, const cx_num *a)
{
    if (cx_num_sgn(a) < 0) cx_num_neg(out, a);
    else cx_num_set(out, a);
}

/* ==== powers ============================================================ */

/* base^e in uint64, false on overflow past INT64_MAX. */
static bool pow_u64(uint64_t base, uint64_t e, uint64_t *out)
{
    uint64_t r = 1;
    while (e) {
        if (e & 1) {
            if (__builtin_mul_overflow(r, base, &r) || r > (uint64_t)INT64_MAX) return false;
        }
        e >>= 1;
        if (e && (__builtin_mul_overflow(base, base, &base) || base > (uint64_t)INT64_MAX))
            return false;
    }
    *out = r;
    return true;
}

/* z^e has more than lim bits for sure (z >= 2): z^e >= 2^(e*(bits(z)-1)). */
static bool pow_surely_too_big(int64_t zbits, uint64_t e, int64_t lim)
{
    uint64_t lower;
    if (zbits <= 1) return false;
    if (__builtin_mul_overflow((uint64_t)(zbits - 1), e, &lower)) return true;
    return lower >= (uint64_t)lim;
}

/* a^b for exact a and exact integer b. */
static cx_num_status pow_exact_int(cx_num *out, const cx_num *a, const cx_num *b,
                                   const cx_num_ctx *ctx)
{
    int sa = cx_num_sgn(a), sb = cx_num_sgn(b);
    if (sb == 0) { /* 0^0 = 1 by convention */
        put_small(out, 1, 1);
        return CX_NUM_OK;
    }
    if (sa == 0) {
        if (sb < 0) return CX_NUM_DIV_ZERO;
        put_small(out, 0, 1);
        return CX_NUM_OK;
    }
    bool odd = b->kind == CX_NUM_SMALL ? (b->u.s.num & 1) != 0 : mpz_odd_p(mpq_numref(b->u.q)) != 0;
    if (a->kind == CX_NUM_SMALL && a->u.s.den == 1 && (a->u.s.num == 1 || a->u.s.num == -1)) {
        put_small(out, (a->u.s.num < 0 && odd) ? -1 : 1, 1);
        return CX_NUM_OK;
    }
    /* Any other base to an exponent beyond int64 is astronomically large
     * (or, for a negative exponent, has such a denominator). */
    if (b->kind != CX_NUM_SMALL) return CX_NUM_TOO_BIG;

    int64_t lim = limit_bits(ctx);
    uint64_t e = uabs64(b->u.s.num);
    bool neg = sa < 0 && odd;

    if (a->kind == CX_NUM_SMALL) {
        uint64_t n = uabs64(a->u.s.num), d = (uint64_t)a->u.s.den, rn, rd;
        if (pow_surely_too_big(bitlen64(n), e, lim) || pow_surely_too_big(bitlen64(d), e, lim))
            return CX_NUM_TOO_BIG;
        if (pow_u64(n, e, &rn) && pow_u64(d, e, &rd)) {
            /* gcd(n^e, d^e) = 1: already canonical. */
            if (b->u.s.num < 0) {
                uint64_t t = rn;
                rn = rd;
                rd = t;
            }
            int64_t sn = neg ? -(int64_t)rn : (int64_t)rn;
            return emit_small(out, sn, (int64_t)rd, ctx);
        }
    }

    qview v;
    qv_init(&v, a);
    cx_num_status st = CX_NUM_OK;
    if (pow_surely_too_big(z_bits(mpq_numref(v.q)), e, lim) ||
        pow_surely_too_big(z_bits(mpq_denref(v.q)), e, lim)) {
        st = CX_NUM_TOO_BIG;
    } else {
        /* Here e*(bits-1) < lim <= 2^34, so e fits unsigned long and each
         * power has at most about twice the limit in bits. */
        mpq_t r;
        mpq_init(r);
        mpz_pow_ui(mpq_numref(r), mpq_numref(v.q), (unsigned long)e);
        mpz_pow_ui(mpq_denref(r), mpq_denref(v.q), (unsigned long)e);
        if (b->u.s.num < 0) {
            mpz_swap(mpq_numref(r), mpq_denref(r));
            if (mpz_sgn(mpq_denref(r)) < 0) {
                mpz_neg(mpq_denref(r), mpq_denref(r));
                mpz_neg(mpq_numref(r), mpq_numref(r));
            }
        }
        if (q_too_big(r, lim)) st = CX_NUM_TOO_BIG;
        else take_mpq(out, r);
        mpq_clear(r);
    }
    qv_clear(&v);
    return st;
}

/* Exact a^(p/q) when num and den of a are perfect q-th powers: the q-th root
 * as an exact number into *root, true on success. */
static bool exact_root(cx_num *root, const cx_num *a, unsigned long q)
{
    qview v;
    qv_init(&v, a);
    mpq_t r;
    mpq_init(r);
    bool ok = mpz_root(mpq_numref(r), mpq_numref(v.q), q) != 0 &&
              mpz_root(mpq_denref(r), mpq_denref(v.q), q) != 0;
    if (ok) take_mpq(root, r); /* roots of coprime numbers stay coprime */
    mpq_clear(r);
    qv_clear(&v);
    return ok;
}

cx_num_status cx_num_pow(cx_num *out, const cx_num *a, const cx_num *b, const cx_num_ctx *ctx)
{
    mpfr_clear_underflow();
    bool a_exact = a->kind != CX_NUM_APPROX, b_exact = b->kind != CX_NUM_APPROX;

    if (a_exact && b_exact && cx_num_is_integer(b)) return pow_exact_int(out, a, b, ctx);

    int sa = cx_num_sgn(a), sb = cx_num_sgn(b);
    bool b_int = b_exact ? cx_num_is_integer(b) : mpfr_integer_p(b->u.f) != 0;
    if (sa == 0 && sb < 0) return CX_NUM_DIV_ZERO;
    if (sa < 0 && !b_int) return CX_NUM_DOMAIN;

    /* An exact rational to an exact fraction p/q stays exact when the q-th
     * root is exact: 4^(1/2) = 2, (8/27)^(2/3) = 4/9. */
    if (a_exact && b_exact && sa > 0) {
        qview vb;
        qv_init(&vb, b);
        bool small_q = mpz_cmp_ui(mpq_denref(vb.q), 64) <= 0;
        unsigned long q = small_q ? mpz_get_ui(mpq_denref(vb.q)) : 0;
        cx_num root, p;
        cx_num_init(&root);
        cx_num_init(&p);
        cx_num_status st = CX_NUM_OK;
        bool done = false;
        if (small_q && exact_root(&root, a, q)) {
            cx_num_set_mpz(&p, mpq_numref(vb.q));
            st = pow_exact_int(out, &root, &p, ctx);
            done = true;
        }
        cx_num_clear(&p);
        cx_num_clear(&root);
        qv_clear(&vb);
        if (done) return st;
    }
    mpfr_prec_t prec = ctx_prec(ctx);
    fview fa;
    fv_init(&fa, a, prec);
    mpfr_t r;
    mpfr_init2(r, prec);
    if (b_exact && cx_num_is_integer(b)) {
        qview vb;
        qv_init(&vb, b);
        mpfr_pow_z(r, fa.f, mpq_numref(vb.q), MPFR_RNDN);
        qv_clear(&vb);
    } else {
        fview fb;
        fv_init(&fb, b, prec);
        mpfr_pow(r, fa.f, fb.f, MPFR_RNDN);
        fv_clear(&fb);
    }
    fv_clear(&fa);
    cx_num_status st = take_mpfr(out, r); /* overflow -> TOO_BIG, never inf */
    mpfr_clear(r);
    return st;
}

/* ==== rounding ========================================================== */

/* r = n/d rounded half away from zero (d > 0). */
static void round_half_away(mpz_t r, const mpz_t n, const mpz_t d)
{
    mpz_t t, d2;
    mpz_init(t);
    mpz_init(d2);
    mpz_abs(t, n);
    mpz_mul_2exp(t, t, 1);
    mpz_add(t, t, d);
    mpz_mul_2exp(d2, d, 1);
    int s = mpz_sgn(n);
    mpz_fdiv_q(r, t, d2);
    if (s < 0) mpz_neg(r, r);
    mpz_clear(d2);
    mpz_clear(t);
}

static int64_t floor_div64(int64_t n, int64_t d) /* d > 0 */
{
    int64_t q = n / d;
    return (n % d != 0 && n < 0) ? q - 1 : q;
}

typedef enum round_mode { RM_FLOOR, RM_CEIL, RM_HALF } round_mode;

static cx_num_status round_approx_int(cx_num *out, const cx_num *a, round_mode m,
                                      const cx_num_ctx *ctx)
{
    mpfr_t r;
    mpfr_init2(r, ctx_prec(ctx));
    switch (m) {
    case RM_FLOOR: mpfr_floor(r, a->u.f); break;
    case RM_CEIL: mpfr_ceil(r, a->u.f); break;
    case RM_HALF: mpfr_round(r, a->u.f); break; /* ties away from zero */
    }
    cx_num_status st = take_mpfr(out, r);
    mpfr_clear(r);
    return st;
}

static cx_num_status round_int(cx_num *out, const cx_num *a, round_mode m, const cx_num_ctx *ctx)
{
    if (a->kind == CX_NUM_APPROX) return round_approx_int(out, a, m, ctx);
    if (a->kind == CX_NUM_SMALL) {
        int64_t n = a->u.s.num, d = a->u.s.den, r;
        if (d == 1) {
            put_small(out, n, 1);
            return CX_NUM_OK;
        }
        switch (m) {
        case RM_FLOOR: r = floor_div64(n, d); break;
        case RM_CEIL: r = -floor_div64(-n, d); break;
        default: {
            int64_t q = n / d, rem = n % d;
            if (2 * uabs64(rem) >= (uint64_t)d) /* 2|rem| < 2^64: no overflow */
                q += n < 0 ? -1 : 1;
            r = q;
        }
        }
        put_small(out, r, 1);
        return CX_NUM_OK;
    }
    mpz_t r;
    mpz_init(r);
    switch (m) {
    case RM_FLOOR: mpz_fdiv_q(r, mpq_numref(a->u.q), mpq_denref(a->u.q)); break;
    case RM_CEIL: mpz_cdiv_q(r, mpq_numref(a->u.q), mpq_denref(a->u.q)); break;
    case RM_HALF: round_half_away(r, mpq_numref(a->u.q), mpq_denref(a->u.q)); break;
    }
    cx_num_set_mpz(out, r); /* never larger than the input */
    mpz_clear(r);
    return CX_NUM_OK;
}

cx_num_status cx_num_floor(cx_num *out, const cx_num *a, const cx_num_ctx *ctx)
{
    return round_int(out, a, RM_FLOOR, ctx);
}

cx_num_status cx_num_ceil(cx_num *out, const cx_num *a, const cx_num_ctx *ctx)
{
    return round_int(out, a, RM_CEIL, ctx);
}

/* Exact x rounded to a multiple of 10^-places, half away from zero. */
static const uint64_t pow10_u64[19] = {
    1ULL,
    10ULL,
    100ULL,
    1000ULL,
    10000ULL,
    100000ULL,
    1000000ULL,
    10000000ULL,
    100000000ULL,
    1000000000ULL,
    10000000000ULL,
    100000000000ULL,
    1000000000000ULL,
    10000000000000ULL,
    100000000000000ULL,
    1000000000000000ULL,
    10000000000000000ULL,
    100000000000000000ULL,
    1000000000000000000ULL,
};

/* round_exact_places for 1 <= p <= 18 places when the denominator D fits a
 * machine word (every decimal, most fractions): |x| = Q + R/D, so
 * |x| 10^p = Q 10^p + R 10^p / D, where R 10^p / D takes one 128-bit
 * division and Q one pass over the numerator (none when it is SMALL).  The
 * same value, half away from zero, as the general code below; false when D
 * does not fit (the general code then answers). */
static bool round_places_word_den(cx_num *out, const cx_num *a, int p, const cx_num_ctx *ctx,
                                  cx_num_status *st)
{
    uint64_t D;
    if (a->kind == CX_NUM_SMALL) {
        D = (uint64_t)a->u.s.den;
    } else {
#if ULONG_MAX >= UINT64_MAX
        if (a->kind != CX_NUM_BIG || mpz_sizeinbase(mpq_denref(a->u.q), 2) > 64) return false;
        D = (uint64_t)mpz_get_ui(mpq_denref(a->u.q));
#else
        return false;
#endif
    }
    /* A decimal with at most p places is its own rounding. */
    int v2 = __builtin_ctzll(D), v5 = 0;
    uint64_t d5 = D >> v2;
    while (d5 % 5 == 0) {
        d5 /= 5;
        v5++;
    }
    if (d5 == 1 && v2 <= p && v5 <= p) {
        cx_num_set(out, a);
        *st = CX_NUM_OK;
        return true;
    }
    uint64_t P = pow10_u64[p];
    if (a->kind == CX_NUM_SMALL) {
        bool neg = a->u.s.num < 0;
        uint64_t m = uabs64(a->u.s.num), Q = m / D, R = m % D;
        u128 F = (u128)R * P;
        uint64_t fq = (uint64_t)(F / D), fr = (uint64_t)(F % D);
        if (fr >= D - fr) fq++; /* half away from zero */
        /* In lowest terms as below: the common factor of Q 10^p + fq and
         * 10^p is gcd(fq mod 10^p, 10^p). */
        uint64_t g = gcd64(fq % P, P), den = P / g;
        u128 N = (u128)Q * den + fq / g; /* below 2^63 10^18 + 10^18 */
        if (N <= (u128)INT64_MAX) {
            *st = emit_small(out, neg ? -(int64_t)N : (int64_t)N, (int64_t)den, ctx);
            return true;
        }
        mpq_t q;
        mpq_init(q);
        uint64_t parts[2] = {(uint64_t)N, (uint64_t)(N >> 64)};
        mpz_import(mpq_numref(q), 2, -1, sizeof parts[0], 0, 0, parts);
        if (neg) mpz_neg(mpq_numref(q), mpq_numref(q));
        z_set_u64(mpq_denref(q), den);
        *st = q_too_big(q, limit_bits(ctx)) ? CX_NUM_TOO_BIG : CX_NUM_OK;
        if (*st == CX_NUM_OK) take_mpq(out, q);
        mpq_clear(q);
        return true;
    }
#if ULONG_MAX >= UINT64_MAX
    mpq_t q;
    mpz_ptr N = mpq_numref(q);
    bool neg = mpz_sgn(mpq_numref(a->u.q)) < 0;
    /* N = floor(|num| / D), R = |num| mod D: on the magnitude, so the
     * rounding below is half away from zero on both sides.  Truncating
     * division gives both from num in one pass (and |N| is a sign flip);
     * N is made its final size first, so the steps below never move it. */
    mpz_init2(N, mpz_sizeinbase(mpq_numref(a->u.q), 2) + 64);
    mpz_init2(mpq_denref(q), 64);
    uint64_t R = mpz_tdiv_ui(mpq_numref(a->u.q), (unsigned long)D);
    u128 F = (u128)R * P;
    uint64_t fq = (uint64_t)(F / D), fr = (uint64_t)(F % D);
    if (fr >= D - fr) fq++;
    /* N 10^p + fq over 10^p, in lowest terms: N 10^p is a multiple of
     * 10^p, so the common factor is gcd(fq mod 10^p, 10^p) = g, and the
     * numerator is N (10^p / g) + fq / g.  N (10^p / g) is (|num| - R)
     * (10^p / g) / D: with c = gcd(D, 10^p / g), an exact division by D / c
     * and a product by 10^p / g / c (1 for a product of decimals). */
    uint64_t g = gcd64(fq % P, P), c = gcd64(D, P / g);
    mpz_abs(N, mpq_numref(a->u.q));
    mpz_sub_ui(N, N, (unsigned long)R);
    mpz_divexact_ui(N, N, (unsigned long)(D / c));
    if (P / g / c > 1) mpz_mul_ui(N, N, (unsigned long)(P / g / c));
    mpz_add_ui(N, N, (unsigned long)(fq / g));
    if (neg) mpz_neg(N, N);
    z_set_u64(mpq_denref(q), P / g);
    *st = q_too_big(q, limit_bits(ctx)) ? CX_NUM_TOO_BIG : CX_NUM_OK;
    if (*st == CX_NUM_OK) move_mpq(out, q); /* out may be a: a is not read after this */
    else mpq_clear(q);
    return true;
#endif
}

static cx_num_status round_exact_places(cx_num *out, const cx_num *a, long places,
                                        const cx_num_ctx *ctx)
{
    if (places == 0) return round_int(out, a, RM_HALF, ctx);
    if (places > 0 && cx_num_is_integer(a)) {
        cx_num_set(out, a);
        return CX_NUM_OK;
    }
    cx_num_status fast;
    if (places > 0 && places <= 18 && round_places_word_den(out, a, (int)places, ctx, &fast))
        return fast;
    int64_t lim = limit_bits(ctx);
    qview v;
    qv_init(&v, a);
    mpz_t s, r, t;
    mpz_init(s);
    mpz_init(r);
    mpz_init(t);
    mpq_t q;
    mpq_init(q);
    cx_num_status st = CX_NUM_OK;
    enum { KEEP, ZERO, RESULT } what = RESULT;
    if (places > 0) {
        uint64_t p = (uint64_t)places;
        /* A decimal with at most `places` digits is its own rounding, however
         * large `places` is (round(0.5, 10^12) must not build 10^(10^12)). */
        mpz_set(t, mpq_denref(v.q));
        uint64_t v2 = mpz_scan1(t, 0);
        mpz_fdiv_q_2exp(t, t, v2);
        mpz_set_ui(s, 5);
        uint64_t v5 = mpz_remove(t, t, s);
        if (mpz_cmp_ui(t, 1) == 0 && v2 <= p && v5 <= p) {
            what = KEEP;
        } else if (p > (uint64_t)(2 * lim + 64) / 3) {
            st = CX_NUM_TOO_BIG; /* 10^p alone would be far past the limit */
        } else {
            mpz_ui_pow_ui(s, 10, (unsigned long)p);
            mpz_mul(t, mpq_numref(v.q), s);
            round_half_away(r, t, mpq_denref(v.q));
            mpz_swap(mpq_numref(q), r);
            mpz_swap(mpq_denref(q), s);
            mpq_canonicalize(q);
        }
    } else {
        uint64_t k = (uint64_t)0 - (uint64_t)places; /* also right for LONG_MIN */
        /* |x| < 2^hb; when 2^hb <= 10^k / 2 the answer is 0 without 10^k. */
        int64_t hb = z_bits(mpq_numref(v.q)) - z_bits(mpq_denref(v.q)) + 1;
        if (k > ((uint64_t)1 << 40) || hb <= (int64_t)(3 * k) - 1) {
            what = ZERO;
        } else {
            mpz_ui_pow_ui(s, 10, (unsigned long)k); /* k < (hb+1)/3: no bigger than x */
            mpz_mul(t, mpq_denref(v.q), s);
            round_half_away(r, mpq_numref(v.q), t);
            mpz_mul(r, r, s);
            mpq_set_z(q, r);
        }
    }
    if (st == CX_NUM_OK) {
        if (what == KEEP) cx_num_set(out, a);
        else if (what == ZERO) put_small(out, 0, 1);
        else if (q_too_big(q, lim)) st = CX_NUM_TOO_BIG;
        else take_mpq(out, q);
    }
    mpq_clear(q);
    mpz_clear(t);
    mpz_clear(r);
    mpz_clear(s);
    qv_clear(&v);
    return st;
}

/* Approximate x rounded at 10^-places in MPFR; stays approximate.  Scaling
 * is done at the working precision max(prec(x), ctx->prec) + 64, so for
 * everyday places (10^p exact in that precision) ties are decided on the
 * exact binary value.  Two shortcuts keep absurd `places` cheap: when the
 * scaled value is below 1/2 the result is 0, and when it already has more
 * integer bits than the precision the rounding cannot move it. */
static cx_num_status round_approx_places(cx_num *out, const cx_num *a, long places,
                                         const cx_num_ctx *ctx)
{
    mpfr_srcptr x = a->u.f;
    mpfr_prec_t prec = ctx_prec(ctx);
    mpfr_t r;
    mpfr_init2(r, prec);
    cx_num_status st;
    int64_t p = places, limp = 4000000000LL;
    p = p > limp ? limp : p < -limp ? -limp : p;
    if (!mpfr_regular_p(x)) {
        mpfr_set(r, x, MPFR_RNDN);
        st = take_mpfr(out, r);
        mpfr_clear(r);
        return st;
    }
    int64_t e = (int64_t)mpfr_get_exp(x), px = (int64_t)mpfr_get_prec(x);
    /* |x| in [2^(e-1), 2^e); bounds of e + p*log2(10), scaled by 10^4. */
    int64_t hi = e * 10000 + p * (p >= 0 ? 33220 : 33219);
    int64_t lo = (e - 1) * 10000 + p * (p >= 0 ? 33219 : 33220);
    if ((p >= 0 && p >= px - e) || lo > ((int64_t)prec + 2) * 10000) {
        mpfr_set(r, x, MPFR_RNDN); /* already a multiple of 10^-p, or as good as */
    } else if (hi <= -10000) {
        mpfr_set_zero(r, 1);
    } else {
        mpfr_prec_t w = (px > prec ? (mpfr_prec_t)px : prec) + 64;
        mpfr_t t, y;
        mpfr_init2(t, w);
        mpfr_init2(y, w);
        mpfr_ui_pow_ui(t, 10, (unsigned long)(p >= 0 ? p : -p), MPFR_RNDN);
        if (p >= 0) mpfr_mul(y, x, t, MPFR_RNDN);
        else mpfr_div(y, x, t, MPFR_RNDN);
        mpfr_round(y, y);
        if (p >= 0) mpfr_div(r, y, t, MPFR_RNDN);
        else mpfr_mul(r, y, t, MPFR_RNDN);
        if (mpfr_inf_p(t)) mpfr_set_inf(r, 1); /* 10^p left MPFR's range: reported as too big */
        mpfr_clear(y);
        mpfr_clear(t);
    }
    st = take_mpfr(out, r);
    mpfr_clear(r);
    return st;
}

cx_num_status cx_num_round(cx_num *out, const cx_num *a, long places, const cx_num_ctx *ctx)
{
    if (a->kind == CX_NUM_APPROX)
        return places == 0 ? round_approx_int(out, a, RM_HALF, ctx)
                           : round_approx_places(out, a, places, ctx);
    return round_exact_places(out, a, places, ctx);
}

/* ==== sqrt, exp, ln ===================================================== */

/* Exact inputs are converted with guard bits so the function's own correct
 * rounding is what the user gets, not a double rounding. */
#define GUARD_BITS 64

typedef int (*mpfr_unary)(mpfr_ptr, mpfr_srcptr, mpfr_rnd_t);

static cx_num_status approx_unary(cx_num *out, const cx_num *a, mpfr_unary fn,
                                  const cx_num_ctx *ctx)
{
    mpfr_clear_underflow();
    mpfr_prec_t prec = ctx_prec(ctx);
    fview fa;
    fv_init(&fa, a, prec + GUARD_BITS);
    mpfr_t r;
    mpfr_init2(r, prec);
    fn(r, fa.f, MPFR_RNDN);
    fv_clear(&fa);
    cx_num_status st = take_mpfr(out, r); /* exp overflow -> TOO_BIG */
    mpfr_clear(r);
    return st;
}

cx_num_status cx_num_sqrt(cx_num *out, const cx_num *a, const cx_num_ctx *ctx)
{
    int s = cx_num_sgn(a);
    if (s < 0) return CX_NUM_DOMAIN;
    if (a->kind != CX_NUM_APPROX) {
        if (s == 0) {
            put_small(out, 0, 1);
            return CX_NUM_OK;
        }
        qview v;
        qv_init(&v, a);
        bool exact = mpz_perfect_square_p(mpq_numref(v.q)) && mpz_perfect_square_p(mpq_denref(v.q));
        if (exact) {
            mpq_t r;
            mpq_init(r);
            mpz_sqrt(mpq_numref(r), mpq_numref(v.q));
            mpz_sqrt(mpq_denref(r), mpq_denref(v.q));
            take_mpq(out, r); /* roots of coprime squares are coprime */
            mpq_clear(r);
        }
        qv_clear(&v);
        if (exact) return CX_NUM_OK;
    }
    return approx_unary(out, a, mpfr_sqrt, ctx);
}

cx_num_status cx_num_exp(cx_num *out, const cx_num *a, const cx_num_ctx *ctx)
{
    if (a->kind != CX_NUM_APPROX && cx_num_is_zero(a)) {
        put_small(out, 1, 1); /* exp(0) = 1 exactly */
        return CX_NUM_OK;
    }
    return approx_unary(out, a, mpfr_exp, ctx);
}

cx_num_status cx_num_ln(cx_num *out, const cx_num *a, const cx_num_ctx *ctx)
{
    if (cx_num_sgn(a) <= 0) return CX_NUM_DOMAIN;
    if (a->kind == CX_NUM_SMALL && a->u.s.num == 1 && a->u.s.den == 1) {
        put_small(out, 0, 1); /* ln(1) = 0 exactly */
        return CX_NUM_OK;
    }
    return approx_unary(out, a, mpfr_log, ctx);
}

/* ==== decimal text ====================================================== */

/* Exponents are saturated here: anything this large is refused anyway
 * unless the mantissa is zero. */
#define EXP_CAP 1000000000000000LL /* 10^15 */

cx_num_status cx_num_from_decimal(cx_num *out, const char *text, size_t len, long scale10,
                                  const cx_num_ctx *ctx)
{
    /* Mantissa: digits with at most one '.'. */
    size_t i = 0, ndig = 0, nfrac = 0, first_nz = SIZE_MAX, last_nz = 0;
    bool dot = false;
    for (; i < len; i++) {
        char c = text[i];
        if (c >= '0' && c <= '9') {
            if (c != '0') {
                if (first_nz == SIZE_MAX) first_nz = ndig;
                last_nz = ndig;
            }
            ndig++;
            nfrac += dot;
        } else if (c == '.' && !dot) {
            dot = true;
        } else {
            break;
        }
    }
    size_t mant_end = i;
    if (ndig == 0) return CX_NUM_BAD_TEXT;
    int64_t exp10 = 0;
    if (i < len && (text[i] == 'e' || text[i] == 'E')) {
        bool eneg = false;
        if (++i < len && (text[i] == '+' || text[i] == '-')) eneg = text[i++] == '-';
        size_t start = i;
        for (; i < len && text[i] >= '0' && text[i] <= '9'; i++)
            if (exp10 < EXP_CAP) exp10 = exp10 * 10 + (text[i] - '0');
        if (i == start) return CX_NUM_BAD_TEXT;
        if (eneg) exp10 = -exp10;
    }
    if (i != len) return CX_NUM_BAD_TEXT;
    if (first_nz == SIZE_MAX) { /* 0, 0.000, 0e999999999 */
        put_small(out, 0, 1);
        return CX_NUM_OK;
    }
    if (len > (size_t)EXP_CAP) return CX_NUM_TOO_BIG;

    /* value = M * 10^E with M the significant digits (no trailing zeros). */
    int64_t sig = (int64_t)(last_nz - first_nz + 1);
    int64_t tz = (int64_t)(ndig - 1 - last_nz);
    int64_t sc = scale10 > EXP_CAP ? EXP_CAP : scale10 < -EXP_CAP ? -EXP_CAP : scale10;
    int64_t E = exp10 + sc - (int64_t)nfrac + tz;

    if (sig <= 18 && E >= -18 && E <= 18) { /* machine fast path */
        uint64_t M = 0;
        size_t k = 0;
        for (size_t j = 0; j < mant_end; j++) {
            if (text[j] == '.') continue;
            if (k >= first_nz && k <= last_nz) M = M * 10 + (uint64_t)(text[j] - '0');
            k++;
        }
        if (E >= 0) {
            uint64_t v;
            if (!__builtin_mul_overflow(M, pow10_u64[E], &v) && v <= (uint64_t)INT64_MAX)
                return emit_small(out, (int64_t)v, 1, ctx);
        } else {
            uint64_t d = pow10_u64[-E], g = gcd64(M, d);
            return emit_small(out, (int64_t)(M / g), (int64_t)(d / g), ctx);
        }
    }

    int64_t lim = limit_bits(ctx);
    if (E >= 0) {
        /* value >= 10^(sig-1+E), so its bits exceed (sig-1+E) * 3.3219. */
        int64_t mag = sig - 1 + E;
        if (mag > 10000000000000LL || mag * 33219 >= lim * 10000) return CX_NUM_TOO_BIG;
    } else if (-E >= lim) {
        /* M has no factor 10, so the reduced denominator keeps all of 2^|E|
         * or all of 5^|E|: at least |E| + 1 bits. */
        return CX_NUM_TOO_BIG;
    }

    /* The significant digits as a C string, from GMP's allocator so the
     * memory is accounted like every other number. */
    void *(*gmp_alloc)(size_t);
    void (*gmp_free)(void *, size_t);
    mp_get_memory_functions(&gmp_alloc, NULL, &gmp_free);
    size_t bufsize = (size_t)sig + 1;
    char *buf = gmp_alloc(bufsize);
    if (buf == NULL) return CX_NUM_TOO_BIG;
    size_t k = 0, n = 0;
    for (size_t j = 0; j < mant_end; j++) {
        if (text[j] == '.') continue;
        if (k >= first_nz && k <= last_nz) buf[n++] = text[j];
        k++;
    }
    buf[n] = '\0';
    mpq_t q;
    mpq_init(q);
    mpz_set_str(mpq_numref(q), buf, 10);
    gmp_free(buf, bufsize);
    if (E >= 0) {
        mpz_t p;
        mpz_init(p);
        mpz_ui_pow_ui(p, 10, (unsigned long)E);
        mpz_mul(mpq_numref(q), mpq_numref(q), p);
        mpz_clear(p);
    } else {
        mpz_ui_pow_ui(mpq_denref(q), 10, (unsigned long)-E);
        mpq_canonicalize(q);
    }
    cx_num_status st = CX_NUM_OK;
    if (q_too_big(q, lim)) st = CX_NUM_TOO_BIG;
    else take_mpq(out, q);
    mpq_clear(q);
    return st;
}
