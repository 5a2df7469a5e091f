/* number.h - cx numbers: exact rationals with a small-integer fast path, and
 * approximate (MPFR) values that stay marked as approximate.
 *
 * Representation.  A GMP mpq operation costs ~300 ns even on tiny operands, so
 * exact numbers whose numerator and denominator fit in int64 are kept as a
 * pair of machine integers (CX_NUM_SMALL) and every operation on them is done
 * with overflow-checked machine arithmetic, promoting to mpq (CX_NUM_BIG) only
 * when a result does not fit.  A BIG result that fits again is demoted, so the
 * representation of a value is always canonical: equal numbers have the same
 * kind and fields.  CX_NUM_APPROX holds an mpfr_t; any operation with an
 * approximate operand gives an approximate result.
 *
 * Ownership (house rule): a cx_num owns its limbs.  Never struct-copy a
 * cx_num; use cx_num_set / cx_num_swap.  Outputs come first and may alias
 * inputs, as in GMP. */
#ifndef CX_NUMBER_H
#define CX_NUMBER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <gmp.h>
#include <mpfr.h>

typedef enum cx_num_kind { CX_NUM_SMALL, CX_NUM_BIG, CX_NUM_APPROX } cx_num_kind;

typedef struct cx_num {
    cx_num_kind kind;
    union {
        struct {
            int64_t num; /* canonical: gcd(num, den) == 1 */
            int64_t den; /* > 0; never INT64_MIN in num or den */
        } s;
        mpq_t q;  /* canonical, and does not fit SMALL */
        mpfr_t f; /* precision from the context; may be NaN only transiently */
    } u;
} cx_num;

/* Outcome of a number operation.  The evaluator turns these into cx_errors
 * with the operator's span; number.c knows nothing of sources. */
typedef enum cx_num_status {
    CX_NUM_OK = 0,
    CX_NUM_DIV_ZERO,  /* division (or modulo, or 0^-n) by zero */
    CX_NUM_TOO_BIG,   /* projected result exceeds ctx->max_bits */
    CX_NUM_DOMAIN,    /* sqrt/ln of a negative, ln 0, (-8)^(1/3), ... */
    CX_NUM_NOT_INT,   /* an integer was required (factorial, digits, ...) */
    CX_NUM_BAD_TEXT,  /* cx_num_from_decimal: malformed text */
    CX_NUM_TOO_SMALL, /* an approximate result too close to 0 to hold (exp(-10^100)) */
    CX_NUM_NOMEM,     /* out of memory (from the functions that say so) */
} cx_num_status;

/* Limits and precision for an operation.  Owned by the state. */
typedef struct cx_num_ctx {
    long max_bits;    /* bound on numerator and on denominator bits */
    mpfr_prec_t prec; /* precision of approximate results, in bits */
} cx_num_ctx;

/* --- lifecycle ------------------------------------------------------------ */
/* The four calls every evaluation step makes are inline: on SMALL numbers
 * they are a few moves, and only BIG or approximate ones call out (the
 * cx_num_*_slow functions, which nothing else should call). */
void cx_num_release_slow(cx_num *x);
void cx_num_set_slow(cx_num *dst, const cx_num *src);

static inline void cx_num_init(cx_num *x) /* x = 0 (SMALL) */
{
    x->kind = CX_NUM_SMALL;
    x->u.s.num = 0;
    x->u.s.den = 1;
}

static inline void cx_num_clear(cx_num *x) /* frees limbs; x must be re-inited to reuse */
{
    if (x->kind != CX_NUM_SMALL) cx_num_release_slow(x);
    cx_num_init(x);
}

static inline void cx_num_set(cx_num *dst, const cx_num *src) /* deep copy; dst already inited */
{
    if (dst->kind == CX_NUM_SMALL && src->kind == CX_NUM_SMALL) {
        dst->u.s.num = src->u.s.num;
        dst->u.s.den = src->u.s.den;
        return;
    }
    cx_num_set_slow(dst, src);
}

static inline void cx_num_swap(cx_num *a, cx_num *b)
{
    /* Swapping whole structs is safe: each limb pointer keeps one owner. */
    cx_num t = *a;
    *a = *b;
    *b = t;
}

void cx_num_set_si(cx_num *x, int64_t v);
void cx_num_set_frac(cx_num *x, int64_t num, int64_t den); /* den != 0; canonicalizes */
void cx_num_set_mpq(cx_num *x, const mpq_t q);             /* q canonical; demotes when it fits */
void cx_num_set_mpz(cx_num *x, const mpz_t z);
/* Makes x approximate with value v, rounded to ctx->prec. */
void cx_num_set_mpfr(cx_num *x, const mpfr_t v, const cx_num_ctx *ctx);

/* --- inspection ----------------------------------------------------------- */
bool cx_num_is_exact(const cx_num *x);
bool cx_num_is_zero(const cx_num *x);
bool cx_num_is_integer(const cx_num *x); /* exact and denominator 1 */
int cx_num_sgn(const cx_num *x);
/* true and *out set when x is an exact integer that fits int64. */
bool cx_num_get_si(const cx_num *x, int64_t *out);
/* Exact value into an inited mpq.  x must be exact. */
void cx_num_get_mpq(const cx_num *x, mpq_t out);
/* Value into an inited mpfr (rounded to nearest at out's precision). */
void cx_num_get_mpfr(const cx_num *x, mpfr_t out);
/* The size limit that applies under ctx, in bits of numerator or
 * denominator (ctx->max_bits, or the hard ceiling when that is unset). */
int64_t cx_num_limit_bits(const cx_num_ctx *ctx);
/* Bits of numerator and denominator (the larger), for size estimates. */
long cx_num_bits(const cx_num *x);
/* Three-way compare; exact against approximate compares the values. */
int cx_num_cmp(const cx_num *a, const cx_num *b);
bool cx_num_eq(const cx_num *a, const cx_num *b);

/* --- exact-when-possible arithmetic -------------------------------------- */
cx_num_status cx_num_add(cx_num *out, const cx_num *a, const cx_num *b, const cx_num_ctx *ctx);
cx_num_status cx_num_sub(cx_num *out, const cx_num *a, const cx_num *b, const cx_num_ctx *ctx);
cx_num_status cx_num_mul(cx_num *out, const cx_num *a, const cx_num *b, const cx_num_ctx *ctx);
cx_num_status cx_num_div(cx_num *out, const cx_num *a, const cx_num *b, const cx_num_ctx *ctx);
void cx_num_neg(cx_num *out, const cx_num *a);
void cx_num_abs(cx_num *out, const cx_num *a);
/* a^b.  Exact when a is exact and b an exact integer (0^0 = 1, 0^-n is
 * CX_NUM_DIV_ZERO); a power whose projected size exceeds ctx->max_bits is
 * CX_NUM_TOO_BIG before anything is computed.  Otherwise approximate via
 * MPFR; a negative base with a non-integer exponent is CX_NUM_DOMAIN. */
cx_num_status cx_num_pow(cx_num *out, const cx_num *a, const cx_num *b, const cx_num_ctx *ctx);
/* Exact rounding to an integer (floor, ceil, half away from zero) and to
 * `places` decimal places, half away from zero (places may be negative).
 * An approximate input is rounded in MPFR and stays approximate. */
cx_num_status cx_num_floor(cx_num *out, const cx_num *a, const cx_num_ctx *ctx);
cx_num_status cx_num_ceil(cx_num *out, const cx_num *a, const cx_num_ctx *ctx);
cx_num_status cx_num_round(cx_num *out, const cx_num *a, long places, const cx_num_ctx *ctx);

/* --- approximate functions (MPFR; result marked approximate) -------------- */
/* sqrt of an exact perfect square (e.g. 9/4) stays exact. */
cx_num_status cx_num_sqrt(cx_num *out, const cx_num *a, const cx_num_ctx *ctx);
cx_num_status cx_num_exp(cx_num *out, const cx_num *a, const cx_num_ctx *ctx);
cx_num_status cx_num_ln(cx_num *out, const cx_num *a, const cx_num_ctx *ctx);

/* --- text ------------------------------------------------------------------ */
/* Exact value of a plain decimal: digits with an optional '.', optional
 * exponent "e[+-]digits", no sign, no underscores, no suffix.  `scale10` is
 * added to the exponent (suffixes: k=3, M=6, B=9, T=12, %=-2, bp=-4).
 * Refuses a projected size over ctx->max_bits (CX_NUM_TOO_BIG) before any
 * big power of ten is computed. */
cx_num_status cx_num_from_decimal(cx_num *out, const char *text, size_t len, long scale10,
                                  const cx_num_ctx *ctx);

#endif
