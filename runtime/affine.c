/* affine.c - bounded values as affine forms with exact rational coefficients
 * (affine.h).  Every operation builds its result in a local form and swaps
 * it into the output only on success, so outputs may alias inputs and a
 * failure leaves the output as it was.  All arithmetic goes through cx_num,
 * which checks sizes against ctx->num->max_bits before GMP runs. */
#include "affine.h"

#include <stdlib.h>
#include <string.h>

/* ==== small helpers ===================================================== */

static cx_aff_status from_num(cx_num_status s)
{
    switch (s) {
    case CX_NUM_OK: return CX_AFF_OK;
    case CX_NUM_DIV_ZERO: return CX_AFF_DIV_ZERO;
    case CX_NUM_TOO_BIG: return CX_AFF_TOO_BIG;
    case CX_NUM_NOMEM: return CX_AFF_NOMEM;
    case CX_NUM_TOO_SMALL: return CX_AFF_TOO_BIG; /* not representable within the limits */
    default: return CX_AFF_DOMAIN;
    }
}

/* Runs a cx_num operation, and on failure records the status and leaves. */
#define NUM(call)                                                                                  \
    do {                                                                                           \
        cx_num_status ns_ = (call);                                                                \
        if (ns_ != CX_NUM_OK) {                                                                    \
            st = from_num(ns_);                                                                    \
            goto out;                                                                              \
        }                                                                                          \
    } while (0)

#define TRY(call)                                                                                  \
    do {                                                                                           \
        st = (call);                                                                               \
        if (st != CX_AFF_OK) goto out;                                                             \
    } while (0)

static size_t max_terms(const cx_aff_ctx *ctx)
{
    return ctx->max_terms ? ctx->max_terms : CX_AFF_DEFAULT_MAX_TERMS;
}

static cx_aff_status reserve(cx_aff *x, size_t cap)
{
    if (cap <= x->cap) return CX_AFF_OK;
    if (cap > SIZE_MAX / sizeof *x->t) return CX_AFF_NOMEM;
    cx_aff_term *t = realloc(x->t, cap * sizeof *t);
    if (!t) return CX_AFF_NOMEM;
    x->t = t;
    x->cap = cap;
    return CX_AFF_OK;
}

/* Appends a term taking a's value (a becomes 0).  Capacity is reserved. */
static void push(cx_aff *x, cx_aff_sym s, bool noise, cx_num *a)
{
    cx_aff_term *t = &x->t[x->n++];
    t->sym = s;
    t->noise = noise;
    cx_num_init(&t->a);
    cx_num_swap(&t->a, a);
}

static cx_aff_status fresh(cx_aff_gen *g, cx_aff_sym *out)
{
    cx_aff_sym max = g->max_syms ? g->max_syms : UINT32_MAX;
    if (g->last >= max) return CX_AFF_TOO_MANY_SYMBOLS;
    *out = ++g->last;
    return CX_AFF_OK;
}

/* Appends a fresh noise term with coefficient a (a != 0).  Fresh ids are
 * larger than any id in x, so the terms stay sorted. */
static cx_aff_status add_noise(cx_aff *x, cx_num *a, const cx_aff_ctx *ctx)
{
    if (x->n + 1 > max_terms(ctx)) return CX_AFF_TOO_MANY_TERMS;
    cx_aff_status st = reserve(x, x->n + 1);
    if (st != CX_AFF_OK) return st;
    cx_aff_sym s;
    st = fresh(ctx->gen, &s);
    if (st != CX_AFF_OK) return st;
    push(x, s, true, a);
    return CX_AFF_OK;
}

/* ==== generator ========================================================== */

void cx_aff_gen_init(cx_aff_gen *g)
{
    g->last = 0;
    g->max_syms = 0;
    g->inputs = NULL;
    g->n_inputs = g->cap_inputs = 0;
}

void cx_aff_gen_clear(cx_aff_gen *g)
{
    for (size_t i = 0; i < g->n_inputs; i++) {
        cx_num_clear(&g->inputs[i].center);
        cx_num_clear(&g->inputs[i].rad);
    }
    free(g->inputs);
    cx_aff_sym max = g->max_syms;
    cx_aff_gen_init(g);
    g->max_syms = max;
}

const cx_aff_input *cx_aff_gen_input(const cx_aff_gen *g, cx_aff_sym s)
{
    size_t lo = 0, hi = g->n_inputs;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (g->inputs[m].sym < s) lo = m + 1;
        else hi = m;
    }
    return lo < g->n_inputs && g->inputs[lo].sym == s ? &g->inputs[lo] : NULL;
}

cx_aff_status cx_aff_input_value(cx_num *out, const cx_aff_gen *g, cx_aff_sym s, const cx_num *e,
                                 const cx_num_ctx *ctx)
{
    const cx_aff_input *in = cx_aff_gen_input(g, s);
    if (!in) return CX_AFF_NOT_EVALUABLE;
    if (!cx_num_is_exact(e)) return CX_AFF_INEXACT;
    cx_aff_status st = CX_AFF_OK;
    cx_num t;
    cx_num_init(&t);
    NUM(cx_num_mul(&t, &in->rad, e, ctx));
    NUM(cx_num_add(&t, &t, &in->center, ctx));
    cx_num_swap(out, &t);
out:
    cx_num_clear(&t);
    return st;
}

cx_aff_status cx_aff_input_eps(cx_num *out, const cx_aff_gen *g, cx_aff_sym s, const cx_num *v,
                               const cx_num_ctx *ctx)
{
    const cx_aff_input *in = cx_aff_gen_input(g, s);
    if (!in) return CX_AFF_NOT_EVALUABLE;
    if (!cx_num_is_exact(v)) return CX_AFF_INEXACT;
    cx_aff_status st = CX_AFF_OK;
    cx_num t;
    cx_num_init(&t);
    NUM(cx_num_sub(&t, v, &in->center, ctx));
    NUM(cx_num_div(&t, &t, &in->rad, ctx));
    cx_num_swap(out, &t);
out:
    cx_num_clear(&t);
    return st;
}

/* ==== lifecycle and construction ======================================== */

void cx_aff_init(cx_aff *x)
{
    cx_num_init(&x->c);
    x->t = NULL;
    x->n = x->cap = 0;
    x->approx = false;
}

void cx_aff_clear(cx_aff *x)
{
    for (size_t i = 0; i < x->n; i++) cx_num_clear(&x->t[i].a);
    free(x->t);
    cx_num_clear(&x->c);
    cx_aff_init(x);
}

void cx_aff_swap(cx_aff *a, cx_aff *b)
{
    /* Whole structs: every pointer keeps exactly one owner. */
    cx_aff t = *a;
    *a = *b;
    *b = t;
}

cx_aff_status cx_aff_set(cx_aff *dst, const cx_aff *src)
{
    if (dst == src) return CX_AFF_OK;
    cx_aff r;
    cx_aff_init(&r);
    cx_aff_status st = reserve(&r, src->n);
    if (st == CX_AFF_OK) {
        cx_num_set(&r.c, &src->c);
        for (size_t i = 0; i < src->n; i++) {
            cx_aff_term *t = &r.t[r.n++];
            t->sym = src->t[i].sym;
            t->noise = src->t[i].noise;
            cx_num_init(&t->a);
            cx_num_set(&t->a, &src->t[i].a);
        }
        r.approx = src->approx;
        cx_aff_swap(dst, &r);
    }
    cx_aff_clear(&r);
    return st;
}

cx_aff_status cx_aff_set_num(cx_aff *x, const cx_num *v)
{
    if (!cx_num_is_exact(v)) return CX_AFF_INEXACT;
    cx_aff r;
    cx_aff_init(&r);
    cx_num_set(&r.c, v);
    cx_aff_swap(x, &r);
    cx_aff_clear(&r);
    return CX_AFF_OK;
}

/* center + rad e with a new input symbol (a point when rad is 0). */
static cx_aff_status make_input(cx_aff *x, cx_aff_sym *sym_out, const cx_num *center,
                                const cx_num *rad, uint64_t tag, const cx_aff_ctx *ctx)
{
    cx_aff_gen *g = ctx->gen;
    cx_aff_status st = CX_AFF_OK;
    cx_aff r;
    cx_aff_init(&r);
    cx_num a;
    cx_num_init(&a);
    cx_aff_sym s = 0;
    cx_num_set(&r.c, center);
    if (!cx_num_is_zero(rad)) {
        if (max_terms(ctx) < 1) {
            st = CX_AFF_TOO_MANY_TERMS;
            goto out;
        }
        TRY(reserve(&r, 1));
        if (g->n_inputs == g->cap_inputs) {
            size_t cap = g->cap_inputs ? 2 * g->cap_inputs : 8;
            if (cap > SIZE_MAX / sizeof *g->inputs) {
                st = CX_AFF_NOMEM;
                goto out;
            }
            cx_aff_input *in = realloc(g->inputs, cap * sizeof *in);
            if (!in) {
                st = CX_AFF_NOMEM;
                goto out;
            }
            g->inputs = in;
            g->cap_inputs = cap;
        }
        TRY(fresh(g, &s));
        cx_aff_input *in = &g->inputs[g->n_inputs++];
        in->sym = s;
        in->tag = tag;
        cx_num_init(&in->center);
        cx_num_init(&in->rad);
        cx_num_set(&in->center, center);
        cx_num_set(&in->rad, rad);
        cx_num_set(&a, rad);
        push(&r, s, false, &a);
    }
    if (sym_out) *sym_out = s;
    cx_aff_swap(x, &r);
out:
    cx_num_clear(&a);
    cx_aff_clear(&r);
    return st;
}

cx_aff_status cx_aff_input_range(cx_aff *x, cx_aff_sym *sym_out, const cx_num *lo, const cx_num *hi,
                                 uint64_t tag, const cx_aff_ctx *ctx)
{
    if (!cx_num_is_exact(lo) || !cx_num_is_exact(hi)) return CX_AFF_INEXACT;
    if (cx_num_cmp(lo, hi) > 0) return CX_AFF_DOMAIN;
    cx_aff_status st = CX_AFF_OK;
    cx_num c, r, two;
    cx_num_init(&c);
    cx_num_init(&r);
    cx_num_init(&two);
    cx_num_set_si(&two, 2);
    NUM(cx_num_add(&c, lo, hi, ctx->num));
    NUM(cx_num_div(&c, &c, &two, ctx->num));
    NUM(cx_num_sub(&r, hi, lo, ctx->num));
    NUM(cx_num_div(&r, &r, &two, ctx->num));
    st = make_input(x, sym_out, &c, &r, tag, ctx);
out:
    cx_num_clear(&c);
    cx_num_clear(&r);
    cx_num_clear(&two);
    return st;
}

cx_aff_status cx_aff_input_pm(cx_aff *x, cx_aff_sym *sym_out, const cx_num *center,
                              const cx_num *rad, uint64_t tag, const cx_aff_ctx *ctx)
{
    if (!cx_num_is_exact(center) || !cx_num_is_exact(rad)) return CX_AFF_INEXACT;
    if (cx_num_sgn(rad) < 0) return CX_AFF_DOMAIN;
    return make_input(x, sym_out, center, rad, tag, ctx);
}

/* ==== linear operations ================================================== */

/* out = al x + be y + ga, exactly (be, y and ga may be NULL).  Terms of the
 * same symbol merge; zero coefficients go. */
static cx_aff_status lincomb(cx_aff *out, const cx_num *al, const cx_aff *x, const cx_num *be,
                             const cx_aff *y, const cx_num *ga, const cx_aff_ctx *ctx)
{
    const cx_num_ctx *nc = ctx->num;
    size_t xn = x->n, yn = y ? y->n : 0, i = 0, j = 0;
    cx_aff_status st = CX_AFF_OK;
    cx_aff r;
    cx_aff_init(&r);
    cx_num t, u;
    cx_num_init(&t);
    cx_num_init(&u);
    TRY(reserve(&r, xn + yn));
    NUM(cx_num_mul(&r.c, al, &x->c, nc));
    if (y) {
        NUM(cx_num_mul(&t, be, &y->c, nc));
        NUM(cx_num_add(&r.c, &r.c, &t, nc));
    }
    if (ga) NUM(cx_num_add(&r.c, &r.c, ga, nc));
    while (i < xn || j < yn) {
        cx_aff_sym s;
        bool noise;
        if (j >= yn || (i < xn && x->t[i].sym < y->t[j].sym)) {
            s = x->t[i].sym;
            noise = x->t[i].noise;
            NUM(cx_num_mul(&t, al, &x->t[i++].a, nc));
        } else if (i >= xn || y->t[j].sym < x->t[i].sym) {
            s = y->t[j].sym;
            noise = y->t[j].noise;
            NUM(cx_num_mul(&t, be, &y->t[j++].a, nc));
        } else {
            s = x->t[i].sym;
            noise = x->t[i].noise;
            NUM(cx_num_mul(&t, al, &x->t[i++].a, nc));
            NUM(cx_num_mul(&u, be, &y->t[j++].a, nc));
            NUM(cx_num_add(&t, &t, &u, nc));
        }
        if (!cx_num_is_zero(&t)) push(&r, s, noise, &t);
    }
    if (r.n > max_terms(ctx)) {
        st = CX_AFF_TOO_MANY_TERMS;
        goto out;
    }
    r.approx = x->approx || (y && y->approx);
    cx_aff_swap(out, &r);
out:
    cx_num_clear(&t);
    cx_num_clear(&u);
    cx_aff_clear(&r);
    return st;
}

cx_aff_status cx_aff_add(cx_aff *out, const cx_aff *x, const cx_aff *y, const cx_aff_ctx *ctx)
{
    cx_num one;
    cx_num_init(&one);
    cx_num_set_si(&one, 1);
    return lincomb(out, &one, x, &one, y, NULL, ctx); /* SMALL: nothing to clear */
}

cx_aff_status cx_aff_sub(cx_aff *out, const cx_aff *x, const cx_aff *y, const cx_aff_ctx *ctx)
{
    cx_num one, minus;
    cx_num_init(&one);
    cx_num_init(&minus);
    cx_num_set_si(&one, 1);
    cx_num_set_si(&minus, -1);
    return lincomb(out, &one, x, &minus, y, NULL, ctx);
}

cx_aff_status cx_aff_neg(cx_aff *out, const cx_aff *x, const cx_aff_ctx *ctx)
{
    cx_num minus;
    cx_num_init(&minus);
    cx_num_set_si(&minus, -1);
    return lincomb(out, &minus, x, NULL, NULL, NULL, ctx);
}

cx_aff_status cx_aff_add_num(cx_aff *out, const cx_aff *x, const cx_num *k, const cx_aff_ctx *ctx)
{
    if (!cx_num_is_exact(k)) return CX_AFF_INEXACT;
    cx_num one;
    cx_num_init(&one);
    cx_num_set_si(&one, 1);
    return lincomb(out, &one, x, NULL, NULL, k, ctx);
}

cx_aff_status cx_aff_scale(cx_aff *out, const cx_aff *x, const cx_num *k, const cx_aff_ctx *ctx)
{
    if (!cx_num_is_exact(k)) return CX_AFF_INEXACT;
    return lincomb(out, k, x, NULL, NULL, NULL, ctx);
}

cx_aff_status cx_aff_div_num(cx_aff *out, const cx_aff *x, const cx_num *k, const cx_aff_ctx *ctx)
{
    if (!cx_num_is_exact(k)) return CX_AFF_INEXACT;
    if (cx_num_is_zero(k)) return CX_AFF_DIV_ZERO;
    cx_aff_status st = CX_AFF_OK;
    cx_num inv, one;
    cx_num_init(&inv);
    cx_num_init(&one);
    cx_num_set_si(&one, 1);
    NUM(cx_num_div(&inv, &one, k, ctx->num));
    st = lincomb(out, &inv, x, NULL, NULL, NULL, ctx);
out:
    cx_num_clear(&inv);
    return st;
}

/* ==== inspection ========================================================= */

/* Sum of |a_i| over the terms that are (noise) or are not (!noise) noise;
 * both when which is -1. */
static cx_aff_status rad_of(cx_num *out, const cx_aff *x, int which, const cx_num_ctx *nc)
{
    cx_aff_status st = CX_AFF_OK;
    cx_num s, a;
    cx_num_init(&s);
    cx_num_init(&a);
    for (size_t i = 0; i < x->n; i++) {
        if (which >= 0 && x->t[i].noise != (which == 1)) continue;
        cx_num_abs(&a, &x->t[i].a);
        NUM(cx_num_add(&s, &s, &a, nc));
    }
    cx_num_swap(out, &s);
out:
    cx_num_clear(&s);
    cx_num_clear(&a);
    return st;
}

cx_aff_status cx_aff_rad(cx_num *out, const cx_aff *x, const cx_aff_ctx *ctx)
{
    return rad_of(out, x, -1, ctx->num);
}

static cx_aff_status end(cx_num *out, const cx_aff *x, int dir, const cx_aff_ctx *ctx)
{
    cx_aff_status st = CX_AFF_OK;
    cx_num r;
    cx_num_init(&r);
    TRY(rad_of(&r, x, -1, ctx->num));
    if (dir < 0) NUM(cx_num_sub(&r, &x->c, &r, ctx->num));
    else NUM(cx_num_add(&r, &x->c, &r, ctx->num));
    cx_num_swap(out, &r);
out:
    cx_num_clear(&r);
    return st;
}

cx_aff_status cx_aff_lo(cx_num *out, const cx_aff *x, const cx_aff_ctx *ctx)
{
    return end(out, x, -1, ctx);
}

cx_aff_status cx_aff_hi(cx_num *out, const cx_aff *x, const cx_aff_ctx *ctx)
{
    return end(out, x, 1, ctx);
}

void cx_aff_mid(cx_num *out, const cx_aff *x) { cx_num_set(out, &x->c); }

cx_aff_status cx_aff_width(cx_num *out, const cx_aff *x, const cx_aff_ctx *ctx)
{
    cx_aff_status st = CX_AFF_OK;
    cx_num r;
    cx_num_init(&r);
    TRY(rad_of(&r, x, -1, ctx->num));
    NUM(cx_num_add(&r, &r, &r, ctx->num));
    cx_num_swap(out, &r);
out:
    cx_num_clear(&r);
    return st;
}

bool cx_aff_is_point(const cx_aff *x) { return x->n == 0; }

bool cx_aff_has_noise(const cx_aff *x)
{
    for (size_t i = 0; i < x->n; i++)
        if (x->t[i].noise) return true;
    return false;
}

size_t cx_aff_inputs(const cx_aff *x, cx_aff_sym *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < x->n; i++) {
        if (x->t[i].noise) continue;
        if (k < cap) out[k] = x->t[i].sym;
        k++;
    }
    return k;
}

/* ==== non-linear operations ============================================= */

/* x * y.  With x = x0 + sum a_i e_i and y = y0 + sum b_i e_i:
 *   x y = x0 y0 + sum (y0 a_i + x0 b_i) e_i + Q,   Q = sum_ij a_i b_j e_i e_j.
 * Q's diagonal d_i e_i^2 (d_i = a_i b_i, shared symbols) lies in
 * [min(0, d_i), max(0, d_i)] since e_i^2 is in [0, 1]; the rest is at most
 * rx ry - sum |d_i| in size (rx = sum |a_i|, ry = sum |b_j|).  So Q is
 * within sum d_i / 2 +- (rx ry - sum |d_i| / 2): the center moves by
 * sum d_i / 2 and one fresh noise symbol takes the radius. */
cx_aff_status cx_aff_mul(cx_aff *out, const cx_aff *x, const cx_aff *y, const cx_aff_ctx *ctx)
{
    if (x->n == 0 || y->n == 0) {
        const cx_aff *p = x->n == 0 ? x : y, *f = p == x ? y : x;
        bool approx = x->approx || y->approx;
        cx_aff_status st = lincomb(out, &p->c, f, NULL, NULL, NULL, ctx);
        if (st == CX_AFF_OK) out->approx = approx;
        return st;
    }
    const cx_num_ctx *nc = ctx->num;
    cx_aff_status st = CX_AFF_OK;
    cx_aff r;
    cx_aff_init(&r);
    cx_num g, rx, ry, dsum, dabs, t;
    cx_num_init(&g);
    cx_num_init(&rx);
    cx_num_init(&ry);
    cx_num_init(&dsum);
    cx_num_init(&dabs);
    cx_num_init(&t);
    bool approx = x->approx || y->approx;
    TRY(rad_of(&rx, x, -1, nc));
    TRY(rad_of(&ry, y, -1, nc));
    for (size_t i = 0, j = 0; i < x->n && j < y->n;) {
        if (x->t[i].sym < y->t[j].sym) i++;
        else if (y->t[j].sym < x->t[i].sym) j++;
        else {
            NUM(cx_num_mul(&t, &x->t[i++].a, &y->t[j++].a, nc));
            NUM(cx_num_add(&dsum, &dsum, &t, nc));
            cx_num_abs(&t, &t);
            NUM(cx_num_add(&dabs, &dabs, &t, nc));
        }
    }
    /* g = sum d_i / 2 - x0 y0: the linear part's constant plus the shift. */
    NUM(cx_num_mul(&g, &x->c, &y->c, nc));
    cx_num_set_si(&t, 2);
    NUM(cx_num_div(&dsum, &dsum, &t, nc));
    NUM(cx_num_sub(&g, &dsum, &g, nc));
    TRY(lincomb(&r, &y->c, x, &x->c, y, &g, ctx));
    /* the radius: rx ry - sum |d_i| / 2 (>= rx ry / 2 > 0) */
    NUM(cx_num_mul(&rx, &rx, &ry, nc));
    NUM(cx_num_div(&dabs, &dabs, &t, nc));
    NUM(cx_num_sub(&rx, &rx, &dabs, nc));
    if (!cx_num_is_zero(&rx)) TRY(add_noise(&r, &rx, ctx));
    r.approx = approx;
    cx_aff_swap(out, &r);
out:
    cx_num_clear(&g);
    cx_num_clear(&rx);
    cx_num_clear(&ry);
    cx_num_clear(&dsum);
    cx_num_clear(&dabs);
    cx_num_clear(&t);
    cx_aff_clear(&r);
    return st;
}

/* 1 / x for x in [a, b], 0 < a < b (x negative: -(1 / -x)).  The min-range
 * linearization of the convex, decreasing 1/t takes the slope at b,
 * al = -1/b^2; then 1/t - al t falls on [a, b] (its derivative is
 * 1/b^2 - 1/t^2 <= 0) from 1/a + a/b^2 to 2/b, so
 *   1/t = al t + ze + de e',  ze = (1/a + a/b^2 + 2/b) / 2,
 *                             de = (1/a + a/b^2 - 2/b) / 2 = (b - a)^2 / (2 a b^2).
 * Everything is rational: no rounding, so no outward widening is needed. */
cx_aff_status cx_aff_recip(cx_aff *out, const cx_aff *x, const cx_aff_ctx *ctx)
{
    const cx_num_ctx *nc = ctx->num;
    cx_aff_status st = CX_AFF_OK;
    cx_aff r;
    cx_aff_init(&r);
    cx_num a, b, al, ze, de, t, one;
    cx_num_init(&a);
    cx_num_init(&b);
    cx_num_init(&al);
    cx_num_init(&ze);
    cx_num_init(&de);
    cx_num_init(&t);
    cx_num_init(&one);
    cx_num_set_si(&one, 1);
    if (x->n == 0) {
        if (cx_num_is_zero(&x->c)) {
            st = CX_AFF_DIV_ZERO;
            goto out;
        }
        NUM(cx_num_div(&r.c, &one, &x->c, nc));
        r.approx = x->approx;
        cx_aff_swap(out, &r);
        goto out;
    }
    TRY(end(&a, x, -1, ctx));
    TRY(end(&b, x, 1, ctx));
    bool neg = cx_num_sgn(&b) < 0;
    if (!neg && cx_num_sgn(&a) <= 0) {
        st = CX_AFF_DIV_ZERO;
        goto out;
    }
    if (neg) { /* work on -x in [-b, -a] */
        cx_num_neg(&t, &a);
        cx_num_neg(&a, &b);
        cx_num_set(&b, &t);
    }
    NUM(cx_num_mul(&t, &b, &b, nc)); /* b^2 */
    NUM(cx_num_div(&al, &one, &t, nc));
    cx_num_neg(&al, &al);             /* -1/b^2 */
    NUM(cx_num_div(&ze, &a, &t, nc)); /* a/b^2 */
    NUM(cx_num_div(&t, &one, &a, nc));
    NUM(cx_num_add(&ze, &ze, &t, nc)); /* d(a) = 1/a + a/b^2 */
    NUM(cx_num_div(&t, &one, &b, nc));
    NUM(cx_num_add(&t, &t, &t, nc));   /* d(b) = 2/b */
    NUM(cx_num_sub(&de, &ze, &t, nc)); /* d(a) - d(b) */
    NUM(cx_num_add(&ze, &ze, &t, nc)); /* d(a) + d(b) */
    cx_num_set_si(&t, 2);
    NUM(cx_num_div(&de, &de, &t, nc));
    NUM(cx_num_div(&ze, &ze, &t, nc));
    /* x = -(-x): 1/x = al x - ze -+ de e', and e' is symmetric. */
    if (neg) cx_num_neg(&ze, &ze);
    TRY(lincomb(&r, &al, x, NULL, NULL, &ze, ctx));
    if (!cx_num_is_zero(&de)) TRY(add_noise(&r, &de, ctx));
    cx_aff_swap(out, &r);
out:
    cx_num_clear(&a);
    cx_num_clear(&b);
    cx_num_clear(&al);
    cx_num_clear(&ze);
    cx_num_clear(&de);
    cx_num_clear(&t);
    cx_aff_clear(&r);
    return st;
}

cx_aff_status cx_aff_div(cx_aff *out, const cx_aff *x, const cx_aff *y, const cx_aff_ctx *ctx)
{
    if (y->n == 0) {
        bool approx = x->approx || y->approx;
        cx_aff_status st = cx_aff_div_num(out, x, &y->c, ctx);
        if (st == CX_AFF_OK) out->approx = approx;
        return st;
    }
    cx_aff r;
    cx_aff_init(&r);
    cx_aff_status st = cx_aff_recip(&r, y, ctx);
    if (st == CX_AFF_OK) st = cx_aff_mul(out, x, &r, ctx);
    cx_aff_clear(&r);
    return st;
}

cx_aff_status cx_aff_pow(cx_aff *out, const cx_aff *x, int64_t n, const cx_aff_ctx *ctx)
{
    cx_aff_status st = CX_AFF_OK;
    cx_aff base, acc;
    cx_aff_init(&base);
    cx_aff_init(&acc);
    cx_num_set_si(&acc.c, 1);
    uint64_t e = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
    if (n < 0) TRY(cx_aff_recip(&base, x, ctx));
    else TRY(cx_aff_set(&base, x));
    bool first = true;
    while (e) {
        if (e & 1) {
            if (first) TRY(cx_aff_set(&acc, &base));
            else TRY(cx_aff_mul(&acc, &acc, &base, ctx));
            first = false;
        }
        e >>= 1;
        if (e) TRY(cx_aff_mul(&base, &base, &base, ctx));
    }
    cx_aff_swap(out, &acc);
out:
    cx_aff_clear(&base);
    cx_aff_clear(&acc);
    return st;
}

/* An MPFR number as an exact cx_num, within the size limit. */
static cx_aff_status mpfr_to_num(cx_num *out, mpfr_t f, const cx_num_ctx *nc)
{
    if (mpfr_nan_p(f)) return CX_AFF_DOMAIN;
    if (mpfr_inf_p(f)) return CX_AFF_TOO_BIG;
    if (mpfr_zero_p(f)) {
        cx_num_set_si(out, 0);
        return CX_AFF_OK;
    }
    int64_t lim = cx_num_limit_bits(nc), e = (int64_t)mpfr_get_exp(f);
    /* |f| >= 2^(e-1) needs e bits of numerator; |f| < 2^e, a denominator of
     * more than -e bits: refuse before building a huge mpq. */
    if (e > lim || -e > lim) return CX_AFF_TOO_BIG;
    mpq_t q;
    mpq_init(q);
    mpfr_get_q(q, f);
    cx_aff_status st = CX_AFF_OK;
    if ((int64_t)mpz_sizeinbase(mpq_numref(q), 2) > lim ||
        (int64_t)mpz_sizeinbase(mpq_denref(q), 2) > lim)
        st = CX_AFF_TOO_BIG;
    else cx_num_set_mpq(out, q);
    mpq_clear(q);
    return st;
}

typedef int (*mpfr_unary)(mpfr_ptr, mpfr_srcptr, mpfr_rnd_t);

cx_aff_status cx_aff_apply(cx_aff *out, const cx_aff *x, cx_aff_fn fn, const cx_aff_ctx *ctx)
{
    const cx_num_ctx *nc = ctx->num;
    mpfr_unary f = fn == CX_AFF_SQRT ? mpfr_sqrt : fn == CX_AFF_LN ? mpfr_log : mpfr_exp;
    mpfr_prec_t prec = nc->prec;
    if (prec < MPFR_PREC_MIN) prec = MPFR_PREC_MIN;
    if (prec > MPFR_PREC_MAX) prec = MPFR_PREC_MAX;
    cx_aff_status st = CX_AFF_OK;
    cx_aff r;
    cx_aff_init(&r);
    cx_num lo, hi, two;
    cx_num_init(&lo);
    cx_num_init(&hi);
    cx_num_init(&two);
    mpfr_t fl, fh;
    mpfr_init2(fl, prec);
    mpfr_init2(fh, prec);
    mpq_t q;
    mpq_init(q);
    TRY(end(&lo, x, -1, ctx));
    TRY(end(&hi, x, 1, ctx));
    if ((fn == CX_AFF_SQRT && cx_num_sgn(&lo) < 0) || (fn == CX_AFF_LN && cx_num_sgn(&lo) <= 0)) {
        st = CX_AFF_DOMAIN;
        goto out;
    }
    /* An increasing f: rounding the argument and the result down gives a
     * lower bound of f(lo), rounding both up an upper bound of f(hi). */
    int inexact = 0;
    cx_num_get_mpq(&lo, q);
    inexact |= mpfr_set_q(fl, q, MPFR_RNDD);
    inexact |= f(fl, fl, MPFR_RNDD);
    cx_num_get_mpq(&hi, q);
    inexact |= mpfr_set_q(fh, q, MPFR_RNDU);
    inexact |= f(fh, fh, MPFR_RNDU);
    TRY(mpfr_to_num(&lo, fl, nc));
    TRY(mpfr_to_num(&hi, fh, nc));
    cx_num_set_si(&two, 2);
    NUM(cx_num_add(&r.c, &lo, &hi, nc));
    NUM(cx_num_div(&r.c, &r.c, &two, nc));
    NUM(cx_num_sub(&hi, &hi, &lo, nc));
    NUM(cx_num_div(&hi, &hi, &two, nc));
    if (!cx_num_is_zero(&hi)) TRY(add_noise(&r, &hi, ctx));
    r.approx = x->approx || inexact != 0;
    cx_aff_swap(out, &r);
out:
    mpq_clear(q);
    mpfr_clear(fl);
    mpfr_clear(fh);
    cx_num_clear(&lo);
    cx_num_clear(&hi);
    cx_num_clear(&two);
    cx_aff_clear(&r);
    return st;
}

/* ==== points and evaluation ============================================= */

void cx_aff_point_init(cx_aff_point *p)
{
    p->n = p->cap = 0;
    p->sym = NULL;
    p->eps = NULL;
}

void cx_aff_point_clear(cx_aff_point *p)
{
    for (size_t i = 0; i < p->n; i++) cx_num_clear(&p->eps[i]);
    free(p->sym);
    free(p->eps);
    cx_aff_point_init(p);
}

/* The index of s in p, or where it would go. */
static size_t point_find(const cx_aff_point *p, cx_aff_sym s)
{
    size_t lo = 0, hi = p->n;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (p->sym[m] < s) lo = m + 1;
        else hi = m;
    }
    return lo;
}

cx_aff_status cx_aff_point_set(cx_aff_point *p, cx_aff_sym s, const cx_num *e)
{
    if (!cx_num_is_exact(e)) return CX_AFF_INEXACT;
    cx_num one, ae;
    cx_num_init(&one);
    cx_num_init(&ae);
    cx_num_set_si(&one, 1);
    cx_num_abs(&ae, e);
    bool out_of_range = cx_num_cmp(&ae, &one) > 0;
    cx_num_clear(&ae);
    if (out_of_range) return CX_AFF_DOMAIN;
    size_t k = point_find(p, s);
    if (k < p->n && p->sym[k] == s) {
        cx_num_set(&p->eps[k], e);
        return CX_AFF_OK;
    }
    if (p->n == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 4;
        if (cap > SIZE_MAX / sizeof(cx_num)) return CX_AFF_NOMEM;
        cx_aff_sym *ns = realloc(p->sym, cap * sizeof *ns);
        if (!ns) return CX_AFF_NOMEM;
        p->sym = ns;
        cx_num *ne = realloc(p->eps, cap * sizeof *ne);
        if (!ne) return CX_AFF_NOMEM; /* p->sym is bigger, which is harmless */
        p->eps = ne;
        p->cap = cap;
    }
    memmove(&p->sym[k + 1], &p->sym[k], (p->n - k) * sizeof *p->sym);
    memmove(&p->eps[k + 1], &p->eps[k], (p->n - k) * sizeof *p->eps); /* moves owners */
    p->sym[k] = s;
    cx_num_init(&p->eps[k]);
    cx_num_set(&p->eps[k], e);
    p->n++;
    return CX_AFF_OK;
}

bool cx_aff_point_is_corner(const cx_aff_point *p)
{
    for (size_t i = 0; i < p->n; i++) {
        int64_t v;
        if (!cx_num_get_si(&p->eps[i], &v) || (v != 1 && v != -1)) return false;
    }
    return true;
}

cx_aff_status cx_aff_subst(cx_aff *out, const cx_aff *x, const cx_aff_point *p,
                           const cx_aff_ctx *ctx)
{
    const cx_num_ctx *nc = ctx->num;
    cx_aff_status st = CX_AFF_OK;
    cx_aff r;
    cx_aff_init(&r);
    cx_num t;
    cx_num_init(&t);
    TRY(reserve(&r, x->n));
    cx_num_set(&r.c, &x->c);
    for (size_t i = 0, k = 0; i < x->n; i++) {
        while (k < p->n && p->sym[k] < x->t[i].sym) k++;
        if (k < p->n && p->sym[k] == x->t[i].sym) {
            NUM(cx_num_mul(&t, &x->t[i].a, &p->eps[k], nc));
            NUM(cx_num_add(&r.c, &r.c, &t, nc));
        } else {
            cx_num_set(&t, &x->t[i].a);
            push(&r, x->t[i].sym, x->t[i].noise, &t);
        }
    }
    r.approx = x->approx;
    cx_aff_swap(out, &r);
out:
    cx_num_clear(&t);
    cx_aff_clear(&r);
    return st;
}

cx_aff_status cx_aff_eval(cx_num *out, const cx_aff *x, const cx_aff_point *p,
                          const cx_aff_ctx *ctx)
{
    if (cx_aff_has_noise(x)) return CX_AFF_NOT_EVALUABLE;
    cx_aff r;
    cx_aff_init(&r);
    cx_aff_status st = cx_aff_subst(&r, x, p, ctx);
    if (st == CX_AFF_OK && r.n != 0) st = CX_AFF_NOT_EVALUABLE;
    if (st == CX_AFF_OK) cx_num_swap(out, &r.c);
    cx_aff_clear(&r);
    return st;
}

/* ==== verdicts =========================================================== */

void cx_aff_witness_init(cx_aff_witness *w)
{
    w->verdict = CX_AFF_UNDECIDED;
    cx_aff_point_init(&w->hold);
    cx_aff_point_init(&w->fail);
    w->has_break_even = false;
    w->be_sym = 0;
    w->be_tag = 0;
    cx_num_init(&w->be_value);
    w->be_op = CX_AFF_EQ;
}

void cx_aff_witness_clear(cx_aff_witness *w)
{
    cx_aff_point_clear(&w->hold);
    cx_aff_point_clear(&w->fail);
    cx_num_clear(&w->be_value);
    cx_aff_witness_init(w);
}

static cx_aff_op negate(cx_aff_op op)
{
    switch (op) {
    case CX_AFF_LT: return CX_AFF_GE;
    case CX_AFF_LE: return CX_AFF_GT;
    case CX_AFF_GT: return CX_AFF_LE;
    case CX_AFF_GE: return CX_AFF_LT;
    case CX_AFF_EQ: return CX_AFF_NE;
    default: return CX_AFF_EQ;
    }
}

/* Does `v op 0` hold for every v in [lo, hi]?  (Signs of lo and hi.) */
static bool all_hold(cx_aff_op op, int slo, int shi)
{
    switch (op) {
    case CX_AFF_LT: return shi < 0;
    case CX_AFF_LE: return shi <= 0;
    case CX_AFF_GT: return slo > 0;
    case CX_AFF_GE: return slo >= 0;
    case CX_AFF_EQ: return slo == 0 && shi == 0;
    default: return slo > 0 || shi < 0;
    }
}

static bool all_fail(cx_aff_op op, int slo, int shi) { return all_hold(negate(op), slo, shi); }

/* The corner of d's input symbols where the input part is least (dir < 0)
 * or greatest (dir > 0): e_i = dir sgn(a_i). */
static cx_aff_status corner(cx_aff_point *p, const cx_aff *d, int dir)
{
    cx_num e;
    cx_num_init(&e);
    for (size_t i = 0; i < d->n; i++) {
        if (d->t[i].noise) continue;
        cx_num_set_si(&e, dir * cx_num_sgn(&d->t[i].a));
        cx_aff_status st = cx_aff_point_set(p, d->t[i].sym, &e);
        if (st != CX_AFF_OK) return st;
    }
    return CX_AFF_OK;
}

/* A point where d (no noise, lo <= 0 <= hi) is exactly 0: from the least
 * corner, move one symbol after another to its other end until the next
 * move would pass 0, then move that one just far enough. */
static cx_aff_status zero_point(cx_aff_point *p, const cx_aff *d, const cx_num *lo,
                                const cx_num_ctx *nc)
{
    cx_aff_status st = CX_AFF_OK;
    cx_num v, a2, e;
    cx_num_init(&v);
    cx_num_init(&a2);
    cx_num_init(&e);
    cx_num_set(&v, lo);
    bool done = cx_num_is_zero(&v);
    for (size_t i = 0; i < d->n; i++) {
        int s = cx_num_sgn(&d->t[i].a);
        if (done) {
            cx_num_set_si(&e, -s);
        } else {
            cx_num_abs(&a2, &d->t[i].a);
            NUM(cx_num_add(&a2, &a2, &a2, nc)); /* the move from -|a| to |a| */
            NUM(cx_num_add(&e, &v, &a2, nc));
            if (cx_num_sgn(&e) < 0) { /* still below 0: move all the way */
                cx_num_swap(&v, &e);
                cx_num_set_si(&e, s);
            } else { /* a e = -|a| - v, so e = (-|a| - v) / a */
                cx_num_abs(&a2, &d->t[i].a);
                cx_num_neg(&a2, &a2);
                NUM(cx_num_sub(&e, &a2, &v, nc));
                NUM(cx_num_div(&e, &e, &d->t[i].a, nc));
                done = true;
            }
        }
        TRY(cx_aff_point_set(p, d->t[i].sym, &e));
    }
out:
    cx_num_clear(&v);
    cx_num_clear(&a2);
    cx_num_clear(&e);
    return st;
}

/* d = c + a e_s with one input symbol: d == 0 at e = -c/a, which is the
 * input's value center + rad e; d grows with the input when a > 0. */
static cx_aff_status break_even(cx_aff_witness *w, const cx_aff *d, cx_aff_op op,
                                const cx_aff_ctx *ctx)
{
    const cx_aff_input *in = cx_aff_gen_input(ctx->gen, d->t[0].sym);
    if (!in) return CX_AFF_OK;
    cx_aff_status st = CX_AFF_OK;
    cx_num e;
    cx_num_init(&e);
    NUM(cx_num_div(&e, &d->c, &d->t[0].a, ctx->num));
    cx_num_neg(&e, &e);
    TRY(cx_aff_input_value(&w->be_value, ctx->gen, in->sym, &e, ctx->num));
    bool up = cx_num_sgn(&d->t[0].a) > 0;
    w->has_break_even = true;
    w->be_sym = in->sym;
    w->be_tag = in->tag;
    w->be_op = op;
    if (!up) { /* the input and d move in opposite directions */
        switch (op) {
        case CX_AFF_LT: w->be_op = CX_AFF_GT; break;
        case CX_AFF_LE: w->be_op = CX_AFF_GE; break;
        case CX_AFF_GT: w->be_op = CX_AFF_LT; break;
        case CX_AFF_GE: w->be_op = CX_AFF_LE; break;
        default: w->be_op = op; break;
        }
    }
out:
    cx_num_clear(&e);
    return st;
}

cx_aff_status cx_aff_decide(cx_aff_witness *w, const cx_aff *d, cx_aff_op op, const cx_aff_ctx *ctx)
{
    const cx_num_ctx *nc = ctx->num;
    cx_aff_status st = CX_AFF_OK;
    cx_aff_witness r;
    cx_aff_witness_init(&r);
    cx_num rin, rn, lo, hi, vmin, vmax, t;
    cx_num_init(&rin);
    cx_num_init(&rn);
    cx_num_init(&lo);
    cx_num_init(&hi);
    cx_num_init(&vmin);
    cx_num_init(&vmax);
    cx_num_init(&t);
    TRY(rad_of(&rin, d, 0, nc));
    TRY(rad_of(&rn, d, 1, nc));
    NUM(cx_num_sub(&vmin, &d->c, &rin, nc)); /* the input part at its least corner */
    NUM(cx_num_add(&vmax, &d->c, &rin, nc));
    NUM(cx_num_sub(&lo, &vmin, &rn, nc));
    NUM(cx_num_add(&hi, &vmax, &rn, nc));
    int slo = cx_num_sgn(&lo), shi = cx_num_sgn(&hi);
    if (all_hold(op, slo, shi)) {
        r.verdict = CX_AFF_PASS;
        /* the worst corner: nearest to failing */
        int dir = op == CX_AFF_LT || op == CX_AFF_LE ? 1
                  : op == CX_AFF_NE                  ? (slo > 0 ? -1 : 1)
                                                     : -1;
        TRY(corner(&r.hold, d, dir));
    } else if (all_fail(op, slo, shi)) {
        r.verdict = CX_AFF_FAIL;
        /* the best corner: nearest to holding */
        int dir = op == CX_AFF_GT || op == CX_AFF_GE ? 1
                  : op == CX_AFF_EQ                  ? (slo > 0 ? -1 : 1)
                                                     : -1;
        TRY(corner(&r.fail, d, dir));
    } else if (cx_num_is_zero(&rn)) {
        /* No noise: d is the true value for every input, its range is exact
         * and every value in it is taken. */
        r.verdict = CX_AFF_DEPENDS;
        switch (op) {
        case CX_AFF_LT:
        case CX_AFF_LE:
            TRY(corner(&r.hold, d, -1));
            TRY(corner(&r.fail, d, 1));
            break;
        case CX_AFF_GT:
        case CX_AFF_GE:
            TRY(corner(&r.hold, d, 1));
            TRY(corner(&r.fail, d, -1));
            break;
        case CX_AFF_EQ:
            TRY(zero_point(&r.hold, d, &lo, nc));
            TRY(corner(&r.fail, d, shi > 0 ? 1 : -1));
            break;
        case CX_AFF_NE:
            TRY(corner(&r.hold, d, shi > 0 ? 1 : -1));
            TRY(zero_point(&r.fail, d, &lo, nc));
            break;
        }
        if (d->n == 1) TRY(break_even(&r, d, op, ctx));
    } else {
        /* At a corner the inputs are fixed and the true value lies within
         * the input part +- the noise radius.  The least and greatest
         * corners are the best candidates to hold or fail for sure. */
        NUM(cx_num_sub(&lo, &vmin, &rn, nc));
        NUM(cx_num_add(&t, &vmin, &rn, nc));
        int mlo = cx_num_sgn(&lo), mhi = cx_num_sgn(&t);
        NUM(cx_num_sub(&lo, &vmax, &rn, nc));
        NUM(cx_num_add(&t, &vmax, &rn, nc));
        int Mlo = cx_num_sgn(&lo), Mhi = cx_num_sgn(&t);
        int hold_dir = 0;
        if (all_hold(op, mlo, mhi) && all_fail(op, Mlo, Mhi)) hold_dir = -1;
        else if (all_hold(op, Mlo, Mhi) && all_fail(op, mlo, mhi)) hold_dir = 1;
        if (hold_dir) {
            r.verdict = CX_AFF_DEPENDS;
            TRY(corner(&r.hold, d, hold_dir));
            TRY(corner(&r.fail, d, -hold_dir));
        }
    }
    /* swap r into w; the old contents of w are cleared with r */
    cx_aff_witness tmp = *w;
    *w = r;
    r = tmp;
out:
    cx_aff_witness_clear(&r);
    cx_num_clear(&rin);
    cx_num_clear(&rn);
    cx_num_clear(&lo);
    cx_num_clear(&hi);
    cx_num_clear(&vmin);
    cx_num_clear(&vmax);
    cx_num_clear(&t);
    return st;
}
