/* affine.h - bounded values: affine forms over symbols with exact rational
 * coefficients, x = c + sum a_i e_i with every e_i in [-1, 1].  A bound is a
 * HARD bound, not a distribution: a form stands for every value in its range
 * and says nothing about which are likely.  docs/bounds.md gives the
 * soundness argument for each operation and the verdict rules.
 *
 * Symbols.  An *input* symbol is made when a script writes a bound
 * (`8% to 12%`: 10% + 2% e); it records the caller's tag (a name id) and the
 * input's center and radius, so a witness can be said in the input's own
 * terms.  A *noise* symbol is made by a non-linear step (a product, a
 * reciprocal, sqrt/ln/exp) to hold what the linear part leaves out; it
 * stands for no input and cannot be evaluated.  Ids come from a generator
 * the caller owns (one per state): no globals, so states in different
 * threads never share anything here.
 *
 * Invariant (soundness).  For every assignment of values in [-1, 1] to the
 * input symbols there is one assignment to all noise symbols made so far
 * under which every form computed so far equals the true value of its
 * expression.  So lo/hi enclose every true value, and forms that share
 * symbols keep their dependence: x - x is exactly 0.
 *
 * Ownership: a cx_aff owns its terms (cx_num coefficients).  Never
 * struct-copy one; use cx_aff_set / cx_aff_swap.  Outputs come first and
 * may alias inputs.  On any status but CX_AFF_OK the output is unchanged. */
#ifndef CX_AFFINE_H
#define CX_AFFINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "number.h"

typedef uint32_t cx_aff_sym; /* 0 is never a symbol */

#define CX_AFF_DEFAULT_MAX_TERMS 10000 /* terms in one form when ctx->max_terms is 0 */

typedef enum cx_aff_status {
    CX_AFF_OK = 0,
    CX_AFF_DIV_ZERO,         /* the divisor's range includes 0 (with noise symbols the
                                range may be wider than the true one: say "may be 0") */
    CX_AFF_TOO_BIG,          /* a rational past ctx->num->max_bits (as CX_NUM_TOO_BIG) */
    CX_AFF_DOMAIN,           /* sqrt/ln outside their domain; lo > hi; radius < 0; |e| > 1 */
    CX_AFF_TOO_MANY_TERMS,   /* a result with more than ctx->max_terms terms: a resource
                                limit, which the caller reports naming its flag */
    CX_AFF_TOO_MANY_SYMBOLS, /* the generator gave out gen->max_syms ids */
    CX_AFF_INEXACT,          /* an approximate cx_num where an exact one is required */
    CX_AFF_NOT_EVALUABLE,    /* evaluation needs a value for a noise symbol or an input
                                symbol the point does not give */
    CX_AFF_NOMEM,            /* malloc/realloc failed */
} cx_aff_status;

/* What the generator remembers of an input symbol. */
typedef struct cx_aff_input {
    cx_aff_sym sym;
    uint64_t tag;  /* the caller's, e.g. a name id ("capex 2026") */
    cx_num center; /* the input is center + rad e */
    cx_num rad;    /* > 0 */
} cx_aff_input;

/* The symbol generator: one per state.  Noise symbols cost nothing but an
 * id; inputs are recorded (ascending ids). */
typedef struct cx_aff_gen {
    cx_aff_sym last;     /* the last id given out (0: none yet) */
    cx_aff_sym max_syms; /* ids given out at most; 0: UINT32_MAX */
    cx_aff_input *inputs;
    size_t n_inputs, cap_inputs;
} cx_aff_gen;

/* Limits and the generator for an operation.  Owned by the state. */
typedef struct cx_aff_ctx {
    const cx_num_ctx *num; /* size limit of every rational, MPFR precision */
    size_t max_terms;      /* terms in one form; 0: CX_AFF_DEFAULT_MAX_TERMS */
    cx_aff_gen *gen;       /* where fresh symbols come from */
} cx_aff_ctx;

typedef struct cx_aff_term {
    cx_aff_sym sym;
    bool noise; /* made by a non-linear step, not an input */
    cx_num a;   /* never 0 */
} cx_aff_term;

typedef struct cx_aff {
    cx_num c;       /* the center (mid) */
    cx_aff_term *t; /* ascending sym, no zero coefficient */
    size_t n, cap;
    bool approx; /* an endpoint was rounded (outward) through MPFR: show ≈ */
} cx_aff;

/* A point: values of e for some symbols (ascending sym, each in [-1, 1]).
 * A corner gives every value as -1 or +1. */
typedef struct cx_aff_point {
    size_t n, cap;
    cx_aff_sym *sym;
    cx_num *eps;
} cx_aff_point;

/* --- generator ------------------------------------------------------------ */
void cx_aff_gen_init(cx_aff_gen *g);
void cx_aff_gen_clear(cx_aff_gen *g);
/* The record of input symbol s, or NULL (a noise symbol, or not from g). */
const cx_aff_input *cx_aff_gen_input(const cx_aff_gen *g, cx_aff_sym s);
/* The input's value center + rad e at e (|e| <= 1 is not checked). */
cx_aff_status cx_aff_input_value(cx_num *out, const cx_aff_gen *g, cx_aff_sym s, const cx_num *e,
                                 const cx_num_ctx *ctx);
/* The e at which input s has the value v: (v - center) / rad. */
cx_aff_status cx_aff_input_eps(cx_num *out, const cx_aff_gen *g, cx_aff_sym s, const cx_num *v,
                               const cx_num_ctx *ctx);

/* --- lifecycle and construction ------------------------------------------- */
void cx_aff_init(cx_aff *x); /* x = 0 */
void cx_aff_clear(cx_aff *x);
cx_aff_status cx_aff_set(cx_aff *dst, const cx_aff *src); /* deep copy */
void cx_aff_swap(cx_aff *a, cx_aff *b);
/* x = v, a point.  v must be exact (CX_AFF_INEXACT). */
cx_aff_status cx_aff_set_num(cx_aff *x, const cx_num *v);
/* A new input `lo to hi` (lo <= hi, exact): center (lo+hi)/2 and one new
 * input symbol with coefficient (hi-lo)/2.  lo == hi makes a point and no
 * symbol.  *sym_out (may be NULL) gets the symbol, or 0. */
cx_aff_status cx_aff_input_range(cx_aff *x, cx_aff_sym *sym_out, const cx_num *lo, const cx_num *hi,
                                 uint64_t tag, const cx_aff_ctx *ctx);
/* A new input `center ± rad` (rad >= 0, exact). */
cx_aff_status cx_aff_input_pm(cx_aff *x, cx_aff_sym *sym_out, const cx_num *center,
                              const cx_num *rad, uint64_t tag, const cx_aff_ctx *ctx);

/* --- exact linear operations ----------------------------------------------- */
cx_aff_status cx_aff_add(cx_aff *out, const cx_aff *x, const cx_aff *y, const cx_aff_ctx *ctx);
cx_aff_status cx_aff_sub(cx_aff *out, const cx_aff *x, const cx_aff *y, const cx_aff_ctx *ctx);
cx_aff_status cx_aff_neg(cx_aff *out, const cx_aff *x, const cx_aff_ctx *ctx);
/* x + k, x * k, x / k for an exact number k (k != 0 for the division). */
cx_aff_status cx_aff_add_num(cx_aff *out, const cx_aff *x, const cx_num *k, const cx_aff_ctx *ctx);
cx_aff_status cx_aff_scale(cx_aff *out, const cx_aff *x, const cx_num *k, const cx_aff_ctx *ctx);
cx_aff_status cx_aff_div_num(cx_aff *out, const cx_aff *x, const cx_num *k, const cx_aff_ctx *ctx);

/* --- non-linear operations (sound; may add one fresh noise symbol) -------- */
/* x * y: the linear part exactly, the quadratic part bounded with e_i^2 in
 * [0, 1] for the symbols x and y share and |e_i e_j| <= 1 for the rest.
 * Sound, not always tight: (a e)^2 is exactly [0, a^2], but (6 + 2e)^2
 * comes out as [12, 64] for the true [16, 64]. */
cx_aff_status cx_aff_mul(cx_aff *out, const cx_aff *x, const cx_aff *y, const cx_aff_ctx *ctx);
/* 1 / x by the min-range linearization (rational, exact arithmetic); a
 * range of x that includes 0 is CX_AFF_DIV_ZERO. */
cx_aff_status cx_aff_recip(cx_aff *out, const cx_aff *x, const cx_aff_ctx *ctx);
/* x / y: exact when y is a point, else x * (1 / y). */
cx_aff_status cx_aff_div(cx_aff *out, const cx_aff *x, const cx_aff *y, const cx_aff_ctx *ctx);
/* x^n by squaring; x^0 = 1; n < 0 is (1/x)^-n (CX_AFF_DIV_ZERO when the
 * range of x includes 0). */
cx_aff_status cx_aff_pow(cx_aff *out, const cx_aff *x, int64_t n, const cx_aff_ctx *ctx);

typedef enum cx_aff_fn { CX_AFF_SQRT, CX_AFF_LN, CX_AFF_EXP } cx_aff_fn;
/* f(x) for an increasing function: [RD f(RD lo), RU f(RU hi)] through MPFR
 * at ctx->num->prec, as a point when both are exact and equal, else center
 * plus one fresh noise symbol; marked approx when any rounding happened.
 * sqrt needs lo >= 0, ln lo > 0 (CX_AFF_DOMAIN).  The result does not
 * depend on x's symbols any more (sqrt(x) - sqrt(x) is not 0). */
cx_aff_status cx_aff_apply(cx_aff *out, const cx_aff *x, cx_aff_fn fn, const cx_aff_ctx *ctx);

/* --- inspection ------------------------------------------------------------ */
/* lo = c - rad, hi = c + rad, mid = c, width = 2 rad, rad = sum |a_i|. */
cx_aff_status cx_aff_lo(cx_num *out, const cx_aff *x, const cx_aff_ctx *ctx);
cx_aff_status cx_aff_hi(cx_num *out, const cx_aff *x, const cx_aff_ctx *ctx);
cx_aff_status cx_aff_rad(cx_num *out, const cx_aff *x, const cx_aff_ctx *ctx);
void cx_aff_mid(cx_num *out, const cx_aff *x);
cx_aff_status cx_aff_width(cx_num *out, const cx_aff *x, const cx_aff_ctx *ctx);
bool cx_aff_is_point(const cx_aff *x); /* no terms: lo == hi */
/* With a noise symbol the range may be wider than the true range. */
bool cx_aff_has_noise(const cx_aff *x);
/* The input symbols of x, ascending: writes at most cap, returns how many. */
size_t cx_aff_inputs(const cx_aff *x, cx_aff_sym *out, size_t cap);

/* --- points and evaluation ------------------------------------------------- */
void cx_aff_point_init(cx_aff_point *p);
void cx_aff_point_clear(cx_aff_point *p);
/* Gives s the value e (|e| <= 1, exact), replacing any value it had. */
cx_aff_status cx_aff_point_set(cx_aff_point *p, cx_aff_sym s, const cx_num *e);
/* Every value is -1 or +1. */
bool cx_aff_point_is_corner(const cx_aff_point *p);
/* x with the symbols p gives replaced by their values; the others stay. */
cx_aff_status cx_aff_subst(cx_aff *out, const cx_aff *x, const cx_aff_point *p,
                           const cx_aff_ctx *ctx);
/* The exact value of x at p.  CX_AFF_NOT_EVALUABLE when x has a noise
 * symbol (its value is unknown: it stands for what a non-linear step left
 * out) or an input symbol p does not give. */
cx_aff_status cx_aff_eval(cx_num *out, const cx_aff *x, const cx_aff_point *p,
                          const cx_aff_ctx *ctx);

/* --- verdicts --------------------------------------------------------------- */
typedef enum cx_aff_op {
    CX_AFF_LT,
    CX_AFF_LE,
    CX_AFF_GT,
    CX_AFF_GE,
    CX_AFF_EQ,
    CX_AFF_NE
} cx_aff_op;

typedef enum cx_aff_verdict {
    CX_AFF_PASS,     /* holds for every value of the inputs */
    CX_AFF_FAIL,     /* fails for every value */
    CX_AFF_DEPENDS,  /* certainly holds for some and fails for others */
    CX_AFF_UNDECIDED /* the over-approximation straddles; no certainty either way */
} cx_aff_verdict;

/* The verdict on `d op 0` and its witness.  Points list d's input symbols.
 *   PASS:    hold = the worst corner (nearest to failing).
 *   FAIL:    fail = the best corner (nearest to holding).
 *   DEPENDS: hold and fail, a point where it holds and one where it fails
 *            (corners, except where only a point with d == 0 will do: the
 *            hold point of == and the fail point of !=); and when d has no
 *            noise and exactly one input symbol s, the break-even: d == 0
 *            when input s is be_value, and the comparison holds when
 *            `input be_op be_value` (e.g. capex 2026 < 151.3B).
 *   UNDECIDED: no points. */
typedef struct cx_aff_witness {
    cx_aff_verdict verdict;
    cx_aff_point hold, fail;
    bool has_break_even;
    cx_aff_sym be_sym;
    uint64_t be_tag;
    cx_num be_value;
    cx_aff_op be_op;
} cx_aff_witness;

void cx_aff_witness_init(cx_aff_witness *w);
void cx_aff_witness_clear(cx_aff_witness *w);
/* Decides `d op 0` (d = A - B).  PASS/FAIL when the whole range agrees;
 * DEPENDS when d has no noise (its range is then exact and every value in
 * it is taken) or, with noise, when one corner certainly holds and another
 * certainly fails (the corner's range, noise included, is all on one side);
 * otherwise UNDECIDED.  == passes only when d is exactly the point 0. */
cx_aff_status cx_aff_decide(cx_aff_witness *w, const cx_aff *d, cx_aff_op op,
                            const cx_aff_ctx *ctx);

#endif
