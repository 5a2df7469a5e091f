/* test_affine.c - runtime/affine.c: bounded values as affine forms.  Exact
 * linear work, x - x == 0, soundness of the non-linear steps (many points of
 * random small forms, checked exactly), verdicts against exhaustive corner
 * evaluation of random linear models, break-evens plugged back, and the
 * limit, overflow and error statuses. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdlib.h>
#include "../../runtime/affine.h"

static const cx_num_ctx C = {3321929, 256};

/* ==== helpers ============================================================ */

typedef struct env {
    cx_aff_gen g;
    cx_aff_ctx x;
} env;

static void env_init(env *e, const cx_num_ctx *nc, size_t max_terms)
{
    cx_aff_gen_init(&e->g);
    e->x.num = nc;
    e->x.max_terms = max_terms;
    e->x.gen = &e->g;
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rnd(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

/* A uniform integer in [lo, hi]. */
static int64_t rnd_in(int64_t lo, int64_t hi)
{
    return lo + (int64_t)(rnd() % (uint64_t)(hi - lo + 1));
}

static void frac(cx_num *x, int64_t n, int64_t d) { cx_num_set_frac(x, n, d); }

/* An input n/d ± r/d. */
static cx_aff_sym input(cx_aff *x, env *e, int64_t c, int64_t r, int64_t d, uint64_t tag)
{
    cx_num cn, rn;
    cx_num_init(&cn);
    cx_num_init(&rn);
    frac(&cn, c, d);
    frac(&rn, r, d);
    cx_aff_sym s = 0;
    cr_assert(eq(int, cx_aff_input_pm(x, &s, &cn, &rn, tag, &e->x), CX_AFF_OK));
    cx_num_clear(&cn);
    cx_num_clear(&rn);
    return s;
}

static bool num_is(const cx_num *x, int64_t n, int64_t d)
{
    cx_num y;
    cx_num_init(&y);
    frac(&y, n, d);
    bool eq = cx_num_eq(x, &y);
    cx_num_clear(&y);
    return eq;
}

static void expect_range(const cx_aff *x, env *e, int64_t lon, int64_t lod, int64_t hin,
                         int64_t hid)
{
    cx_num lo, hi;
    cx_num_init(&lo);
    cx_num_init(&hi);
    cr_assert(eq(int, cx_aff_lo(&lo, x, &e->x), CX_AFF_OK));
    cr_assert(eq(int, cx_aff_hi(&hi, x, &e->x), CX_AFF_OK));
    cr_expect(num_is(&lo, lon, lod), "lo");
    cr_expect(num_is(&hi, hin, hid), "hi");
    cx_num_clear(&lo);
    cx_num_clear(&hi);
}

/* Forms keep ascending symbols and no zero coefficient. */
static void expect_canonical(const cx_aff *x)
{
    for (size_t i = 0; i < x->n; i++) {
        cr_expect(not(cx_num_is_zero(&x->t[i].a)));
        if (i) cr_expect(lt(u32, x->t[i - 1].sym, x->t[i].sym));
    }
}

/* A random linear form over the inputs in[0..k): c + sum q_i in_i. */
static void random_linear(cx_aff *out, cx_aff *in, int k, env *e)
{
    cx_aff t;
    cx_aff_init(&t);
    cx_num q;
    cx_num_init(&q);
    frac(&q, rnd_in(-40, 40), rnd_in(1, 12));
    cr_assert(eq(int, cx_aff_set_num(out, &q), CX_AFF_OK));
    for (int i = 0; i < k; i++) {
        if (rnd() % 4 == 0) continue; /* some inputs left out */
        frac(&q, rnd_in(-9, 9), rnd_in(1, 6));
        cr_assert(eq(int, cx_aff_scale(&t, &in[i], &q, &e->x), CX_AFF_OK));
        cr_assert(eq(int, cx_aff_add(out, out, &t, &e->x), CX_AFF_OK));
    }
    cx_aff_clear(&t);
    cx_num_clear(&q);
}

static void make_inputs(cx_aff *in, int k, env *e)
{
    for (int i = 0; i < k; i++) {
        cx_aff_init(&in[i]);
        int64_t d = rnd_in(1, 8);
        input(&in[i], e, rnd_in(-30, 30), rnd_in(1, 10), d, (uint64_t)i);
    }
}

static void clear_all(cx_aff *a, int k)
{
    for (int i = 0; i < k; i++) cx_aff_clear(&a[i]);
}

/* The point giving inputs syms[i] the value num[i]/den. */
static void point_of(cx_aff_point *p, const cx_aff_sym *syms, const int64_t *num, int64_t den,
                     int k)
{
    cx_num e;
    cx_num_init(&e);
    for (int i = 0; i < k; i++) {
        frac(&e, num[i], den);
        cr_assert(eq(int, cx_aff_point_set(p, syms[i], &e), CX_AFF_OK));
    }
    cx_num_clear(&e);
}

/* true lies in the range of z once the point's inputs are put in. */
static bool encloses(const cx_aff *z, const cx_aff_point *p, const cx_num *truth, env *e)
{
    cx_aff s;
    cx_aff_init(&s);
    cx_num lo, hi;
    cx_num_init(&lo);
    cx_num_init(&hi);
    cr_assert(eq(int, cx_aff_subst(&s, z, p, &e->x), CX_AFF_OK));
    cr_assert(not(cx_aff_inputs(&s, NULL, 0)), "every input has a value");
    cr_assert(eq(int, cx_aff_lo(&lo, &s, &e->x), CX_AFF_OK));
    cr_assert(eq(int, cx_aff_hi(&hi, &s, &e->x), CX_AFF_OK));
    bool in = cx_num_cmp(&lo, truth) <= 0 && cx_num_cmp(truth, &hi) <= 0;
    cx_aff_clear(&s);
    cx_num_clear(&lo);
    cx_num_clear(&hi);
    return in;
}

static void value_at(cx_num *out, const cx_aff *x, const cx_aff_point *p, env *e)
{
    cr_assert(eq(int, cx_aff_eval(out, x, p, &e->x), CX_AFF_OK));
}

/* ==== construction and inspection ======================================= */

Test(affine, a_range_is_its_center_and_one_input_symbol)
{
    env e;
    env_init(&e, &C, 0);
    cx_num lo, hi, v;
    cx_num_init(&lo);
    cx_num_init(&hi);
    cx_num_init(&v);
    frac(&lo, 8, 100);
    frac(&hi, 12, 100);
    cx_aff g;
    cx_aff_init(&g);
    cx_aff_sym s = 0;
    cr_assert(eq(int, cx_aff_input_range(&g, &s, &lo, &hi, 42, &e.x), CX_AFF_OK));
    cr_expect(ne(u32, s, 0));
    cr_expect(eq(sz, g.n, 1));
    cr_expect(num_is(&g.c, 1, 10));
    cr_expect(num_is(&g.t[0].a, 1, 50));
    cr_expect(not(g.t[0].noise));
    cr_expect(not(cx_aff_has_noise(&g)));
    cr_expect(not(cx_aff_is_point(&g)));
    expect_range(&g, &e, 2, 25, 3, 25);
    cx_aff_mid(&v, &g);
    cr_expect(num_is(&v, 1, 10));
    cr_assert(eq(int, cx_aff_width(&v, &g, &e.x), CX_AFF_OK));
    cr_expect(num_is(&v, 1, 25));
    const cx_aff_input *in = cx_aff_gen_input(&e.g, s);
    cr_assert(in != NULL);
    cr_expect(eq(u64, in->tag, 42));
    cr_expect(num_is(&in->center, 1, 10));
    cr_expect(num_is(&in->rad, 1, 50));
    cx_aff_sym syms[4];
    cr_expect(eq(sz, cx_aff_inputs(&g, syms, 4), 1));
    cr_expect(eq(u32, syms[0], s));
    /* the input's value at e and back */
    frac(&v, -1, 2);
    cr_assert(eq(int, cx_aff_input_value(&v, &e.g, s, &v, &C), CX_AFF_OK));
    cr_expect(num_is(&v, 9, 100));
    cr_assert(eq(int, cx_aff_input_eps(&v, &e.g, s, &v, &C), CX_AFF_OK));
    cr_expect(num_is(&v, -1, 2));
    cr_expect(eq(int, cx_aff_input_value(&v, &e.g, s + 1, &v, &C), CX_AFF_NOT_EVALUABLE));
    cx_aff_clear(&g);
    cx_num_clear(&lo);
    cx_num_clear(&hi);
    cx_num_clear(&v);
    cx_aff_gen_clear(&e.g);
}

Test(affine, plus_minus_points_and_refusals)
{
    env e;
    env_init(&e, &C, 0);
    cx_aff x;
    cx_aff_init(&x);
    cx_aff_sym s = input(&x, &e, 150, 10, 1, 7); /* 150 ± 10 */
    expect_range(&x, &e, 140, 1, 160, 1);
    cx_num a, b;
    cx_num_init(&a);
    cx_num_init(&b);
    /* lo == hi: a point, no symbol given out */
    cx_aff_sym last = e.g.last;
    frac(&a, 3, 2);
    cr_assert(eq(int, cx_aff_input_range(&x, &s, &a, &a, 1, &e.x), CX_AFF_OK));
    cr_expect(eq(u32, s, 0));
    cr_expect(cx_aff_is_point(&x));
    cr_expect(eq(u32, e.g.last, last));
    /* refusals leave x as it was */
    frac(&b, 1, 2);
    cr_expect(eq(int, cx_aff_input_range(&x, NULL, &a, &b, 1, &e.x), CX_AFF_DOMAIN));
    cr_expect(eq(int, cx_aff_input_pm(&x, NULL, &a, &a, 1, &e.x), CX_AFF_OK));
    cx_num_neg(&b, &b);
    cr_expect(eq(int, cx_aff_input_pm(&x, NULL, &a, &b, 1, &e.x), CX_AFF_DOMAIN));
    cr_assert(eq(int, cx_num_sqrt(&b, &a, &C), CX_NUM_OK)); /* approximate */
    cr_expect(eq(int, cx_aff_input_pm(&x, NULL, &a, &b, 1, &e.x), CX_AFF_INEXACT));
    cr_expect(eq(int, cx_aff_set_num(&x, &b), CX_AFF_INEXACT));
    cr_expect(eq(int, cx_aff_scale(&x, &x, &b, &e.x), CX_AFF_INEXACT));
    cr_expect(eq(int, cx_aff_add_num(&x, &x, &b, &e.x), CX_AFF_INEXACT));
    cr_expect(num_is(&x.c, 3, 2));
    cr_expect(eq(sz, x.n, 1));
    cx_aff_clear(&x);
    cx_num_clear(&a);
    cx_num_clear(&b);
    cx_aff_gen_clear(&e.g);
}

/* ==== exact linear work ================================================== */

Test(affine, linear_combinations_are_exact)
{
    env e;
    env_init(&e, &C, 0);
    cx_aff g, c, z, t;
    cx_aff_init(&g);
    cx_aff_init(&c);
    cx_aff_init(&z);
    cx_aff_init(&t);
    cx_aff_sym sg = input(&g, &e, 10, 2, 1, 1);   /* 8 to 12 */
    cx_aff_sym sc = input(&c, &e, 150, 10, 1, 2); /* 140 to 160 */
    cx_num k;
    cx_num_init(&k);
    /* z = 2 g - 3 c / 4 + 5 */
    frac(&k, 2, 1);
    cr_assert(eq(int, cx_aff_scale(&z, &g, &k, &e.x), CX_AFF_OK));
    frac(&k, 4, 3);
    cr_assert(eq(int, cx_aff_div_num(&t, &c, &k, &e.x), CX_AFF_OK));
    cr_assert(eq(int, cx_aff_sub(&z, &z, &t, &e.x), CX_AFF_OK));
    frac(&k, 5, 1);
    cr_assert(eq(int, cx_aff_add_num(&z, &z, &k, &e.x), CX_AFF_OK));
    expect_canonical(&z);
    cr_expect(num_is(&z.c, 20 * 4 - 450 + 20, 4));
    cr_assert(eq(sz, z.n, 2));
    cr_expect(eq(u32, z.t[0].sym, sg));
    cr_expect(eq(u32, z.t[1].sym, sc));
    cr_expect(num_is(&z.t[0].a, 4, 1));
    cr_expect(num_is(&z.t[1].a, -30, 4));
    /* true range: 2 [8,12] - 3/4 [140,160] + 5 = [16 - 120 + 5, 24 - 105 + 5] */
    expect_range(&z, &e, -99, 1, -76, 1);
    /* a sum that cancels one input: (z + 3c/4) has only g */
    cr_assert(eq(int, cx_aff_add(&z, &z, &t, &e.x), CX_AFF_OK));
    cr_expect(eq(sz, z.n, 1));
    cr_expect(eq(u32, z.t[0].sym, sg));
    cr_assert(eq(int, cx_aff_neg(&z, &z, &e.x), CX_AFF_OK));
    expect_range(&z, &e, -29, 1, -21, 1);
    cr_expect(eq(int, cx_aff_div_num(&z, &z, &t.c, &e.x), CX_AFF_OK));
    cx_num_set_si(&k, 0);
    cr_expect(eq(int, cx_aff_div_num(&z, &z, &k, &e.x), CX_AFF_DIV_ZERO));
    cr_expect(eq(int, cx_aff_scale(&z, &z, &k, &e.x), CX_AFF_OK));
    cr_expect(cx_aff_is_point(&z));
    cr_expect(cx_num_is_zero(&z.c));
    cx_aff_clear(&g);
    cx_aff_clear(&c);
    cx_aff_clear(&z);
    cx_aff_clear(&t);
    cx_num_clear(&k);
    cx_aff_gen_clear(&e.g);
}

Test(affine, outputs_may_alias_inputs)
{
    env e;
    env_init(&e, &C, 0);
    cx_aff x;
    cx_aff_init(&x);
    input(&x, &e, 3, 1, 1, 0); /* [2, 4] */
    cr_assert(eq(int, cx_aff_add(&x, &x, &x, &e.x), CX_AFF_OK));
    expect_range(&x, &e, 4, 1, 8, 1);
    /* 36 + 24 e + 4 e^2: sound, and wider than the true [16, 64] (e and
     * e^2 are bounded apart) */
    cr_assert(eq(int, cx_aff_mul(&x, &x, &x, &e.x), CX_AFF_OK));
    expect_range(&x, &e, 12, 1, 64, 1);
    cr_assert(eq(int, cx_aff_sub(&x, &x, &x, &e.x), CX_AFF_OK));
    cr_expect(cx_aff_is_point(&x));
    cr_expect(cx_num_is_zero(&x.c));
    cx_aff_clear(&x);
    cx_aff_gen_clear(&e.g);
}

Test(affine, x_minus_x_is_exactly_zero_for_random_forms)
{
    env e;
    env_init(&e, &C, 0);
    for (int round = 0; round < 200; round++) {
        cx_aff in[4], x, y, d;
        make_inputs(in, 4, &e);
        cx_aff_init(&x);
        cx_aff_init(&y);
        cx_aff_init(&d);
        random_linear(&x, in, 4, &e);
        if (round % 3 == 1) { /* with noise symbols too */
            random_linear(&y, in, 4, &e);
            cr_assert(eq(int, cx_aff_mul(&x, &x, &y, &e.x), CX_AFF_OK));
        } else if (round % 3 == 2) {
            cr_assert(eq(int, cx_aff_pow(&x, &x, 3, &e.x), CX_AFF_OK));
        }
        cr_assert(eq(int, cx_aff_sub(&d, &x, &x, &e.x), CX_AFF_OK));
        cr_expect(cx_aff_is_point(&d), "round %d", round);
        cr_expect(cx_num_is_zero(&d.c), "round %d", round);
        /* (x + y) - y - x as well */
        random_linear(&y, in, 4, &e);
        cr_assert(eq(int, cx_aff_add(&d, &x, &y, &e.x), CX_AFF_OK));
        cr_assert(eq(int, cx_aff_sub(&d, &d, &y, &e.x), CX_AFF_OK));
        cr_assert(eq(int, cx_aff_sub(&d, &d, &x, &e.x), CX_AFF_OK));
        cr_expect(cx_aff_is_point(&d) && cx_num_is_zero(&d.c), "round %d", round);
        clear_all(in, 4);
        cx_aff_clear(&x);
        cx_aff_clear(&y);
        cx_aff_clear(&d);
    }
    cx_aff_gen_clear(&e.g);
}

/* ==== soundness of the non-linear steps ================================ */

typedef enum op_kind { K_MUL, K_DIV, K_POW, K_CHAIN } op_kind;

/* Checks z against the exact truth at every corner and at interior points
 * (eighths) of k inputs: truth computed from the linear forms' values. */
static void check_soundness(op_kind kind, int rounds)
{
    env e;
    env_init(&e, &C, 0);
    int checked = 0;
    for (int round = 0; round < rounds; round++) {
        int k = (int)rnd_in(1, 3);
        cx_aff in[3], x, y, z, t;
        make_inputs(in, k, &e);
        cx_aff_init(&x);
        cx_aff_init(&y);
        cx_aff_init(&z);
        cx_aff_init(&t);
        random_linear(&x, in, k, &e);
        random_linear(&y, in, k, &e);
        int64_t n = rnd_in(-3, 5);
        cx_aff_status st = CX_AFF_OK;
        switch (kind) {
        case K_MUL: st = cx_aff_mul(&z, &x, &y, &e.x); break;
        case K_DIV: st = cx_aff_div(&z, &x, &y, &e.x); break;
        case K_POW: st = cx_aff_pow(&z, &x, n, &e.x); break;
        case K_CHAIN: /* (x y) / (y y + 1) - x: shares noise symbols */
            st = cx_aff_mul(&z, &x, &y, &e.x);
            if (st == CX_AFF_OK) st = cx_aff_mul(&t, &y, &y, &e.x);
            cx_num one;
            cx_num_init(&one);
            cx_num_set_si(&one, 1);
            if (st == CX_AFF_OK) st = cx_aff_add_num(&t, &t, &one, &e.x);
            if (st == CX_AFF_OK) st = cx_aff_div(&z, &z, &t, &e.x);
            if (st == CX_AFF_OK) st = cx_aff_sub(&z, &z, &x, &e.x);
            break;
        }
        if (st == CX_AFF_DIV_ZERO) { /* a divisor whose range includes 0 */
            clear_all(in, k);
            cx_aff_clear(&x);
            cx_aff_clear(&y);
            cx_aff_clear(&z);
            cx_aff_clear(&t);
            continue;
        }
        cr_assert(eq(int, st, CX_AFF_OK), "round %d", round);
        expect_canonical(&z);
        cx_aff_sym syms[3];
        for (int i = 0; i < k; i++) syms[i] = in[i].t[0].sym;
        /* corners (den 1) and interior points (den 8) */
        int npts = 0;
        for (int den = 1; den <= 8; den += 7) {
            int64_t num[3] = {0, 0, 0};
            int per = den == 1 ? 2 : 5, total = 1;
            for (int i = 0; i < k; i++) total *= per;
            for (int idx = 0; idx < total; idx++) {
                int r = idx;
                for (int i = 0; i < k; i++) {
                    num[i] = den == 1 ? (r % 2 ? 1 : -1) : rnd_in(-8, 8);
                    r /= per;
                }
                cx_aff_point p;
                cx_aff_point_init(&p);
                point_of(&p, syms, num, den, k);
                cx_num vx, vy, truth, tmp;
                cx_num_init(&vx);
                cx_num_init(&vy);
                cx_num_init(&truth);
                cx_num_init(&tmp);
                value_at(&vx, &x, &p, &e);
                value_at(&vy, &y, &p, &e);
                bool skip = false;
                switch (kind) {
                case K_MUL: cx_num_mul(&truth, &vx, &vy, &C); break;
                case K_DIV: cx_num_div(&truth, &vx, &vy, &C); break;
                case K_POW:
                    cx_num_set_si(&tmp, n);
                    skip = cx_num_pow(&truth, &vx, &tmp, &C) != CX_NUM_OK;
                    break;
                case K_CHAIN:
                    cx_num_mul(&truth, &vx, &vy, &C);
                    cx_num_mul(&tmp, &vy, &vy, &C);
                    cx_num_set_si(&vy, 1);
                    cx_num_add(&tmp, &tmp, &vy, &C);
                    cx_num_div(&truth, &truth, &tmp, &C);
                    cx_num_sub(&truth, &truth, &vx, &C);
                    break;
                }
                if (!skip) {
                    cr_expect(encloses(&z, &p, &truth, &e), "kind %d round %d point %d", kind,
                              round, idx);
                    npts++;
                }
                cx_num_clear(&vx);
                cx_num_clear(&vy);
                cx_num_clear(&truth);
                cx_num_clear(&tmp);
                cx_aff_point_clear(&p);
            }
        }
        checked += npts > 0;
        clear_all(in, k);
        cx_aff_clear(&x);
        cx_aff_clear(&y);
        cx_aff_clear(&z);
        cx_aff_clear(&t);
    }
    cr_expect(gt(int, checked, rounds / 4), "enough cases had no zero divisor: %d", checked);
    cx_aff_gen_clear(&e.g);
}

Test(affine, mul_is_sound) { check_soundness(K_MUL, 150); }
Test(affine, div_is_sound) { check_soundness(K_DIV, 150); }
Test(affine, pow_is_sound) { check_soundness(K_POW, 150); }
Test(affine, chains_sharing_noise_are_sound) { check_soundness(K_CHAIN, 120); }

Test(affine, squares_and_reciprocals_are_tight_on_one_input)
{
    env e;
    env_init(&e, &C, 0);
    cx_aff x, z;
    cx_aff_init(&x);
    cx_aff_init(&z);
    input(&x, &e, 0, 1, 1, 0); /* [-1, 1] */
    cr_assert(eq(int, cx_aff_mul(&z, &x, &x, &e.x), CX_AFF_OK));
    expect_range(&z, &e, 0, 1, 1, 1); /* not [-1, 1] */
    cr_expect(cx_aff_has_noise(&z));
    cr_assert(eq(int, cx_aff_pow(&z, &x, 2, &e.x), CX_AFF_OK));
    expect_range(&z, &e, 0, 1, 1, 1);
    cr_expect(eq(int, cx_aff_recip(&z, &x, &e.x), CX_AFF_DIV_ZERO));
    cr_expect(eq(int, cx_aff_pow(&z, &x, -2, &e.x), CX_AFF_DIV_ZERO));
    cr_expect(eq(int, cx_aff_div(&z, &x, &x, &e.x), CX_AFF_DIV_ZERO));
    cr_expect(eq(int, cx_aff_pow(&z, &x, 0, &e.x), CX_AFF_OK));
    cr_expect(cx_aff_is_point(&z) && num_is(&z.c, 1, 1));
    /* 1/x on [1, 2]: the min-range form's range is exactly [1/2, 1] */
    input(&x, &e, 3, 1, 2, 0);
    cr_assert(eq(int, cx_aff_recip(&z, &x, &e.x), CX_AFF_OK));
    expect_range(&z, &e, 1, 2, 1, 1);
    cr_expect(num_is(&z.c, 3, 4));
    /* and on [-2, -1], [-1, -1/2] */
    cr_assert(eq(int, cx_aff_neg(&x, &x, &e.x), CX_AFF_OK));
    cr_assert(eq(int, cx_aff_recip(&z, &x, &e.x), CX_AFF_OK));
    expect_range(&z, &e, -1, 1, -1, 2);
    /* a product by a point has no noise */
    cx_aff p;
    cx_aff_init(&p);
    cx_num k;
    cx_num_init(&k);
    frac(&k, -3, 7);
    cr_assert(eq(int, cx_aff_set_num(&p, &k), CX_AFF_OK));
    cr_assert(eq(int, cx_aff_mul(&z, &x, &p, &e.x), CX_AFF_OK));
    cr_expect(not(cx_aff_has_noise(&z)));
    expect_range(&z, &e, 3, 7, 6, 7);
    cr_assert(eq(int, cx_aff_div(&z, &x, &p, &e.x), CX_AFF_OK));
    expect_range(&z, &e, 7, 3, 14, 3);
    cx_aff_clear(&p);
    cx_num_clear(&k);
    cx_aff_clear(&x);
    cx_aff_clear(&z);
    cx_aff_gen_clear(&e.g);
}

/* ==== approximate functions ============================================ */

/* f(v) lies in [lo, hi] of z at the point where x is v: checked with MPFR
 * at a higher precision, rounding toward the side that must hold. */
static void expect_fn_encloses(cx_aff_fn fn, const cx_aff *z, const cx_num *v, env *e)
{
    cx_num lo, hi;
    cx_num_init(&lo);
    cx_num_init(&hi);
    cr_assert(eq(int, cx_aff_lo(&lo, z, &e->x), CX_AFF_OK));
    cr_assert(eq(int, cx_aff_hi(&hi, z, &e->x), CX_AFF_OK));
    mpq_t q;
    mpq_init(q);
    mpfr_t a, r;
    mpfr_init2(a, 1024);
    mpfr_init2(r, 1024);
    cx_num_get_mpq(v, q);
    for (int side = 0; side < 2; side++) {
        mpfr_rnd_t m = side ? MPFR_RNDU : MPFR_RNDD;
        mpfr_set_q(a, q, m);
        if (fn == CX_AFF_SQRT) mpfr_sqrt(r, a, m);
        else if (fn == CX_AFF_LN) mpfr_log(r, a, m);
        else mpfr_exp(r, a, m);
        mpq_t b;
        mpq_init(b);
        cx_num_get_mpq(side ? &hi : &lo, b);
        if (side) cr_expect(le(int, mpfr_cmp_q(r, b), 0), "f(v) <= hi");
        else cr_expect(ge(int, mpfr_cmp_q(r, b), 0), "f(v) >= lo");
        mpq_clear(b);
    }
    mpfr_clears(a, r, (mpfr_ptr)0);
    mpq_clear(q);
    cx_num_clear(&lo);
    cx_num_clear(&hi);
}

Test(affine, increasing_functions_round_outward)
{
    env e;
    env_init(&e, &C, 0);
    cx_aff x, z;
    cx_aff_init(&x);
    cx_aff_init(&z);
    cx_num v;
    cx_num_init(&v);
    /* exact when MPFR is: sqrt(9/4) and sqrt([4, 9]) */
    frac(&v, 9, 4);
    cr_assert(eq(int, cx_aff_set_num(&x, &v), CX_AFF_OK));
    cr_assert(eq(int, cx_aff_apply(&z, &x, CX_AFF_SQRT, &e.x), CX_AFF_OK));
    cr_expect(cx_aff_is_point(&z) && num_is(&z.c, 3, 2));
    cr_expect(not(z.approx));
    input(&x, &e, 13, 5, 2, 0);
    cr_assert(eq(int, cx_aff_apply(&z, &x, CX_AFF_SQRT, &e.x), CX_AFF_OK));
    expect_range(&z, &e, 2, 1, 3, 1);
    cr_expect(not(z.approx));
    cr_expect(cx_aff_has_noise(&z));
    /* sqrt, ln, exp over [1/3, 7/3]: ends and interior points enclosed */
    static const cx_aff_fn fns[] = {CX_AFF_SQRT, CX_AFF_LN, CX_AFF_EXP};
    input(&x, &e, 4, 3, 3, 0);
    for (int f = 0; f < 3; f++) {
        cr_assert(eq(int, cx_aff_apply(&z, &x, fns[f], &e.x), CX_AFF_OK));
        cr_expect(z.approx);
        for (int i = 1; i <= 7; i++) {
            frac(&v, i, 3);
            expect_fn_encloses(fns[f], &z, &v, &e);
        }
    }
    /* a point: a tight enclosure of sqrt(2), marked approximate */
    cx_num_set_si(&v, 2);
    cr_assert(eq(int, cx_aff_set_num(&x, &v), CX_AFF_OK));
    cr_assert(eq(int, cx_aff_apply(&z, &x, CX_AFF_SQRT, &e.x), CX_AFF_OK));
    cr_expect(z.approx);
    expect_fn_encloses(CX_AFF_SQRT, &z, &v, &e);
    cr_assert(eq(int, cx_aff_width(&v, &z, &e.x), CX_AFF_OK));
    cx_num eps;
    cx_num_init(&eps);
    frac(&eps, 1, 1000000);
    cr_expect(lt(int, cx_num_cmp(&v, &eps), 0));
    /* domains and overflow */
    input(&x, &e, 0, 1, 1, 0);
    cr_expect(eq(int, cx_aff_apply(&z, &x, CX_AFF_SQRT, &e.x), CX_AFF_DOMAIN));
    cr_expect(eq(int, cx_aff_apply(&z, &x, CX_AFF_LN, &e.x), CX_AFF_DOMAIN));
    input(&x, &e, 1, 1, 1, 0); /* [0, 2]: sqrt fine, ln not */
    cr_expect(eq(int, cx_aff_apply(&z, &x, CX_AFF_SQRT, &e.x), CX_AFF_OK));
    cr_expect(eq(int, cx_aff_apply(&z, &x, CX_AFF_LN, &e.x), CX_AFF_DOMAIN));
    cx_num_set_si(&v, 1000000000000LL);
    cr_assert(eq(int, cx_aff_set_num(&x, &v), CX_AFF_OK));
    cr_expect(eq(int, cx_aff_apply(&z, &x, CX_AFF_EXP, &e.x), CX_AFF_TOO_BIG));
    cx_num_clear(&eps);
    cx_num_clear(&v);
    cx_aff_clear(&x);
    cx_aff_clear(&z);
    cx_aff_gen_clear(&e.g);
}

/* ==== evaluation ======================================================= */

Test(affine, evaluation_needs_every_input_and_no_noise)
{
    env e;
    env_init(&e, &C, 0);
    cx_aff x, y, z;
    cx_aff_init(&x);
    cx_aff_init(&y);
    cx_aff_init(&z);
    cx_aff_sym sx = input(&x, &e, 10, 2, 1, 0), sy = input(&y, &e, 5, 1, 1, 1);
    cr_assert(eq(int, cx_aff_add(&z, &x, &y, &e.x), CX_AFF_OK));
    cx_aff_point p;
    cx_aff_point_init(&p);
    cx_num v;
    cx_num_init(&v);
    cx_num_set_si(&v, 1);
    cr_assert(eq(int, cx_aff_point_set(&p, sy, &v), CX_AFF_OK));
    cr_expect(eq(int, cx_aff_eval(&v, &z, &p, &e.x), CX_AFF_NOT_EVALUABLE));
    cx_num_set_si(&v, -1);
    cr_assert(eq(int, cx_aff_point_set(&p, sx, &v), CX_AFF_OK));
    cr_expect(cx_aff_point_is_corner(&p));
    cr_assert(eq(int, cx_aff_eval(&v, &z, &p, &e.x), CX_AFF_OK));
    cr_expect(num_is(&v, 8 + 6, 1));
    frac(&v, 1, 2);
    cr_assert(eq(int, cx_aff_point_set(&p, sx, &v), CX_AFF_OK)); /* replaces */
    cr_expect(eq(sz, p.n, 2));
    cr_expect(not(cx_aff_point_is_corner(&p)));
    cr_assert(eq(int, cx_aff_eval(&v, &z, &p, &e.x), CX_AFF_OK));
    cr_expect(num_is(&v, 11 + 6, 1));
    frac(&v, 3, 2);
    cr_expect(eq(int, cx_aff_point_set(&p, sx, &v), CX_AFF_DOMAIN));
    cr_assert(eq(int, cx_aff_mul(&z, &x, &y, &e.x), CX_AFF_OK));
    cr_expect(eq(int, cx_aff_eval(&v, &z, &p, &e.x), CX_AFF_NOT_EVALUABLE));
    cx_aff_sym syms[3];
    cr_expect(eq(sz, cx_aff_inputs(&z, syms, 1), 2)); /* counts past cap */
    cr_expect(eq(u32, syms[0], sx));
    cx_aff_point_clear(&p);
    cx_num_clear(&v);
    cx_aff_clear(&x);
    cx_aff_clear(&y);
    cx_aff_clear(&z);
    cx_aff_gen_clear(&e.g);
}

/* ==== verdicts ========================================================== */

static bool holds(cx_aff_op op, int s)
{
    switch (op) {
    case CX_AFF_LT: return s < 0;
    case CX_AFF_LE: return s <= 0;
    case CX_AFF_GT: return s > 0;
    case CX_AFF_GE: return s >= 0;
    case CX_AFF_EQ: return s == 0;
    default: return s != 0;
    }
}

/* Whether `d op 0` holds at point p. */
static bool holds_at(const cx_aff *d, cx_aff_op op, const cx_aff_point *p, env *e)
{
    cx_num v;
    cx_num_init(&v);
    value_at(&v, d, p, e);
    bool h = holds(op, cx_num_sgn(&v));
    cx_num_clear(&v);
    return h;
}

/* Whether `v be_op value` holds for the input's value v. */
static bool input_side(const cx_num *v, cx_aff_op op, const cx_num *value)
{
    int c = cx_num_cmp(v, value);
    return holds(op, c);
}

Test(affine, verdicts_agree_with_exhaustive_corners_on_linear_models)
{
    env e;
    env_init(&e, &C, 0);
    int seen[4] = {0, 0, 0, 0}, break_evens = 0;
    for (int round = 0; round < 400; round++) {
        int k = (int)rnd_in(1, 4);
        cx_aff in[4], a, b, d;
        make_inputs(in, k, &e);
        cx_aff_init(&a);
        cx_aff_init(&b);
        cx_aff_init(&d);
        random_linear(&a, in, k, &e);
        random_linear(&b, in, k, &e);
        /* push the center near the range so every verdict comes up */
        if (round % 2 == 0) {
            cx_num lo;
            cx_num_init(&lo);
            cr_assert(eq(int, cx_aff_lo(&lo, &a, &e.x), CX_AFF_OK));
            cr_assert(eq(int, cx_aff_set_num(&b, &lo), CX_AFF_OK));
            cx_num_clear(&lo);
            if (round % 4 == 0) cr_assert(eq(int, cx_aff_set(&b, &a), CX_AFF_OK));
        }
        cr_assert(eq(int, cx_aff_sub(&d, &a, &b, &e.x), CX_AFF_OK));
        cx_aff_sym syms[4];
        int n = (int)cx_aff_inputs(&d, syms, 4);
        /* every corner of d's inputs */
        cx_num lo, hi, v;
        cx_num_init(&lo);
        cx_num_init(&hi);
        cx_num_init(&v);
        for (int m = 0; m < (1 << n); m++) {
            int64_t num[4];
            for (int i = 0; i < n; i++) num[i] = (m >> i) & 1 ? 1 : -1;
            cx_aff_point p;
            cx_aff_point_init(&p);
            point_of(&p, syms, num, 1, n);
            value_at(&v, &d, &p, &e);
            if (m == 0 || cx_num_cmp(&v, &lo) < 0) cx_num_set(&lo, &v);
            if (m == 0 || cx_num_cmp(&v, &hi) > 0) cx_num_set(&hi, &v);
            cx_aff_point_clear(&p);
        }
        /* the corners span [lo, hi], and a linear d takes every value in it */
        int slo = cx_num_sgn(&lo), shi = cx_num_sgn(&hi);
        for (int op = CX_AFF_LT; op <= CX_AFF_NE; op++) {
            bool any = false, all = true; /* over the values in [lo, hi] */
            switch (op) {
            case CX_AFF_EQ:
                any = slo <= 0 && shi >= 0;
                all = slo == 0 && shi == 0;
                break;
            case CX_AFF_NE:
                any = !(slo == 0 && shi == 0);
                all = slo > 0 || shi < 0;
                break;
            default: /* an ordering: the extremes decide; the corners are them */
                any = holds(op, slo) || holds(op, shi);
                all = holds(op, slo) && holds(op, shi);
                break;
            }
            cx_aff_verdict want = all ? CX_AFF_PASS : !any ? CX_AFF_FAIL : CX_AFF_DEPENDS;
            cx_aff_witness w;
            cx_aff_witness_init(&w);
            cr_assert(eq(int, cx_aff_decide(&w, &d, op, &e.x), CX_AFF_OK));
            cr_expect(eq(int, w.verdict, want), "round %d op %d", round, op);
            seen[w.verdict]++;
            if (w.verdict == CX_AFF_PASS || w.verdict == CX_AFF_DEPENDS) {
                cr_expect(eq(sz, w.hold.n, (size_t)n));
                cr_expect(holds_at(&d, op, &w.hold, &e), "round %d op %d hold", round, op);
            }
            if (w.verdict == CX_AFF_FAIL || w.verdict == CX_AFF_DEPENDS) {
                cr_expect(eq(sz, w.fail.n, (size_t)n));
                cr_expect(not(holds_at(&d, op, &w.fail, &e)), "round %d op %d fail", round, op);
            }
            if (w.verdict != CX_AFF_DEPENDS) cr_expect(not(w.has_break_even));
            /* corners where they can be */
            if (w.verdict == CX_AFF_DEPENDS && op != CX_AFF_EQ)
                cr_expect(cx_aff_point_is_corner(&w.hold));
            if (w.verdict == CX_AFF_DEPENDS && op != CX_AFF_NE)
                cr_expect(cx_aff_point_is_corner(&w.fail));
            cr_expect(eq(int, w.has_break_even, w.verdict == CX_AFF_DEPENDS && n == 1));
            if (w.has_break_even) {
                break_evens++;
                /* plug it back: d is 0 there */
                cx_aff_point p;
                cx_aff_point_init(&p);
                cr_expect(eq(u32, w.be_sym, syms[0]));
                cr_assert(
                    eq(int, cx_aff_input_eps(&v, &e.g, w.be_sym, &w.be_value, &C), CX_AFF_OK));
                cr_assert(eq(int, cx_aff_point_set(&p, w.be_sym, &v), CX_AFF_OK));
                value_at(&v, &d, &p, &e);
                cr_expect(cx_num_is_zero(&v), "round %d op %d break-even", round, op);
                /* the side: the hold point's input value is on it, the fail
                 * point's is not */
                cr_assert(
                    eq(int, cx_aff_input_value(&v, &e.g, w.be_sym, &w.hold.eps[0], &C), CX_AFF_OK));
                cr_expect(input_side(&v, w.be_op, &w.be_value), "round %d op %d", round, op);
                cr_assert(
                    eq(int, cx_aff_input_value(&v, &e.g, w.be_sym, &w.fail.eps[0], &C), CX_AFF_OK));
                cr_expect(not(input_side(&v, w.be_op, &w.be_value)), "round %d op %d", round, op);
                cx_aff_point_clear(&p);
            }
            cx_aff_witness_clear(&w);
        }
        cx_num_clear(&lo);
        cx_num_clear(&hi);
        cx_num_clear(&v);
        clear_all(in, k);
        cx_aff_clear(&a);
        cx_aff_clear(&b);
        cx_aff_clear(&d);
    }
    cr_expect(gt(int, seen[CX_AFF_PASS], 50));
    cr_expect(gt(int, seen[CX_AFF_FAIL], 50));
    cr_expect(gt(int, seen[CX_AFF_DEPENDS], 50));
    cr_expect(eq(int, seen[CX_AFF_UNDECIDED], 0));
    cr_expect(gt(int, break_evens, 20));
    cx_aff_gen_clear(&e.g);
}

Test(affine, break_even_in_the_inputs_own_terms)
{
    env e;
    env_init(&e, &C, 0);
    cx_aff capex, d, t;
    cx_aff_init(&capex);
    cx_aff_init(&d);
    cx_aff_init(&t);
    int64_t B = 1000000000;
    input(&capex, &e, 150 * B, 10 * B, 1, 2026); /* 150B ± 10B */
    cx_num k;
    cx_num_init(&k);
    /* check 200B - capex > 48.7B: holds when capex < 151.3B */
    cx_num_set_si(&k, -200 * B);
    cr_assert(eq(int, cx_aff_add_num(&d, &capex, &k, &e.x), CX_AFF_OK));
    cr_assert(eq(int, cx_aff_neg(&d, &d, &e.x), CX_AFF_OK));
    cx_num_set_si(&k, -487 * B / 10);
    cr_assert(eq(int, cx_aff_add_num(&d, &d, &k, &e.x), CX_AFF_OK));
    cx_aff_witness w;
    cx_aff_witness_init(&w);
    cr_assert(eq(int, cx_aff_decide(&w, &d, CX_AFF_GT, &e.x), CX_AFF_OK));
    cr_expect(eq(int, w.verdict, CX_AFF_DEPENDS));
    cr_assert(w.has_break_even);
    cr_expect(eq(u64, w.be_tag, 2026));
    cr_expect(num_is(&w.be_value, 1513 * B / 10, 1));
    cr_expect(eq(int, w.be_op, CX_AFF_LT));
    cr_expect(num_is(&w.fail.eps[0], 1, 1), "fails at capex 160B");
    /* growth 8% to 12%: 100 (1 + growth) >= 111 holds when growth >= 11% */
    cx_aff g;
    cx_aff_init(&g);
    input(&g, &e, 10, 2, 100, 1);
    cx_num_set_si(&k, 100);
    cr_assert(eq(int, cx_aff_scale(&t, &g, &k, &e.x), CX_AFF_OK));
    cx_num_set_si(&k, 100 - 111);
    cr_assert(eq(int, cx_aff_add_num(&t, &t, &k, &e.x), CX_AFF_OK));
    cr_assert(eq(int, cx_aff_decide(&w, &t, CX_AFF_GE, &e.x), CX_AFF_OK));
    cr_expect(eq(int, w.verdict, CX_AFF_DEPENDS));
    cr_expect(num_is(&w.be_value, 11, 100));
    cr_expect(eq(int, w.be_op, CX_AFF_GE));
    cr_expect(eq(u64, w.be_tag, 1));
    /* == and != keep their operator */
    cr_assert(eq(int, cx_aff_decide(&w, &t, CX_AFF_EQ, &e.x), CX_AFF_OK));
    cr_expect(eq(int, w.verdict, CX_AFF_DEPENDS));
    cr_expect(eq(int, w.be_op, CX_AFF_EQ));
    cr_expect(num_is(&w.hold.eps[0], 1, 2), "d == 0 at growth 11%%, e = 1/2");
    cr_assert(eq(int, cx_aff_decide(&w, &t, CX_AFF_NE, &e.x), CX_AFF_OK));
    cr_expect(eq(int, w.be_op, CX_AFF_NE));
    /* two inputs decide it: no break-even */
    cr_assert(eq(int, cx_aff_add(&t, &t, &capex, &e.x), CX_AFF_OK));
    cx_num_set_si(&k, -150 * B);
    cr_assert(eq(int, cx_aff_add_num(&t, &t, &k, &e.x), CX_AFF_OK));
    cr_assert(eq(int, cx_aff_decide(&w, &t, CX_AFF_GE, &e.x), CX_AFF_OK));
    cr_expect(eq(int, w.verdict, CX_AFF_DEPENDS));
    cr_expect(not(w.has_break_even));
    cx_aff_witness_clear(&w);
    cx_num_clear(&k);
    cx_aff_clear(&g);
    cx_aff_clear(&capex);
    cx_aff_clear(&d);
    cx_aff_clear(&t);
    cx_aff_gen_clear(&e.g);
}

Test(affine, noise_makes_depends_only_when_corners_are_certain)
{
    env e;
    env_init(&e, &C, 0);
    cx_aff x, y, d;
    cx_aff_init(&x);
    cx_aff_init(&y);
    cx_aff_init(&d);
    cx_aff_witness w;
    cx_aff_witness_init(&w);
    cx_num k;
    cx_num_init(&k);
    /* x in [-1, 1]: x x > 0 holds except at 0; x x = 1/2 + 1/2 e' gives no
     * certain corner, so UNDECIDED, never a guess */
    input(&x, &e, 0, 1, 1, 0);
    cr_assert(eq(int, cx_aff_mul(&d, &x, &x, &e.x), CX_AFF_OK));
    cr_assert(eq(int, cx_aff_decide(&w, &d, CX_AFF_GT, &e.x), CX_AFF_OK));
    cr_expect(eq(int, w.verdict, CX_AFF_UNDECIDED));
    cr_expect(eq(sz, w.hold.n + w.fail.n, 0));
    cr_assert(eq(int, cx_aff_decide(&w, &d, CX_AFF_GE, &e.x), CX_AFF_OK));
    cr_expect(eq(int, w.verdict, CX_AFF_PASS));
    cr_assert(eq(int, cx_aff_decide(&w, &d, CX_AFF_EQ, &e.x), CX_AFF_OK));
    cr_expect(eq(int, w.verdict, CX_AFF_UNDECIDED));
    cx_num_set_si(&k, -2);
    cr_assert(eq(int, cx_aff_add_num(&d, &d, &k, &e.x), CX_AFF_OK));
    cr_assert(eq(int, cx_aff_decide(&w, &d, CX_AFF_EQ, &e.x), CX_AFF_OK));
    cr_expect(eq(int, w.verdict, CX_AFF_FAIL));
    cr_assert(eq(int, cx_aff_decide(&w, &d, CX_AFF_NE, &e.x), CX_AFF_OK));
    cr_expect(eq(int, w.verdict, CX_AFF_PASS));
    /* x, y in [1, 3]: x y - 5 < 0 holds for sure at (1, 1) ([-6, -4]) and
     * fails for sure at (3, 3) ([2, 4]) */
    input(&x, &e, 2, 1, 1, 1);
    input(&y, &e, 2, 1, 1, 2);
    cr_assert(eq(int, cx_aff_mul(&d, &x, &y, &e.x), CX_AFF_OK));
    cx_num_set_si(&k, -5);
    cr_assert(eq(int, cx_aff_add_num(&d, &d, &k, &e.x), CX_AFF_OK));
    cr_assert(eq(int, cx_aff_decide(&w, &d, CX_AFF_LT, &e.x), CX_AFF_OK));
    cr_expect(eq(int, w.verdict, CX_AFF_DEPENDS));
    cr_expect(not(w.has_break_even));
    cr_assert(eq(sz, w.hold.n, 2));
    cr_expect(num_is(&w.hold.eps[0], -1, 1) && num_is(&w.hold.eps[1], -1, 1));
    cr_expect(num_is(&w.fail.eps[0], 1, 1) && num_is(&w.fail.eps[1], 1, 1));
    cr_assert(eq(int, cx_aff_decide(&w, &d, CX_AFF_GT, &e.x), CX_AFF_OK));
    cr_expect(eq(int, w.verdict, CX_AFF_DEPENDS));
    cr_expect(num_is(&w.hold.eps[0], 1, 1));
    /* x y + 2 > 0 passes: the worst corner is (1, 1) */
    cx_num_set_si(&k, 7);
    cr_assert(eq(int, cx_aff_add_num(&d, &d, &k, &e.x), CX_AFF_OK));
    cr_assert(eq(int, cx_aff_decide(&w, &d, CX_AFF_GT, &e.x), CX_AFF_OK));
    cr_expect(eq(int, w.verdict, CX_AFF_PASS));
    cr_expect(num_is(&w.hold.eps[0], -1, 1));
    cx_num_clear(&k);
    cx_aff_witness_clear(&w);
    cx_aff_clear(&x);
    cx_aff_clear(&y);
    cx_aff_clear(&d);
    cx_aff_gen_clear(&e.g);
}

Test(affine, equality_passes_only_on_the_point_zero)
{
    env e;
    env_init(&e, &C, 0);
    cx_aff x, d;
    cx_aff_init(&x);
    cx_aff_init(&d);
    cx_aff_witness w;
    cx_aff_witness_init(&w);
    input(&x, &e, 5, 1, 1, 0);
    cr_assert(eq(int, cx_aff_sub(&d, &x, &x, &e.x), CX_AFF_OK));
    cr_assert(eq(int, cx_aff_decide(&w, &d, CX_AFF_EQ, &e.x), CX_AFF_OK));
    cr_expect(eq(int, w.verdict, CX_AFF_PASS));
    cr_assert(eq(int, cx_aff_decide(&w, &d, CX_AFF_NE, &e.x), CX_AFF_OK));
    cr_expect(eq(int, w.verdict, CX_AFF_FAIL));
    cr_assert(eq(int, cx_aff_decide(&w, &d, CX_AFF_LE, &e.x), CX_AFF_OK));
    cr_expect(eq(int, w.verdict, CX_AFF_PASS));
    cr_assert(eq(int, cx_aff_decide(&w, &d, CX_AFF_LT, &e.x), CX_AFF_OK));
    cr_expect(eq(int, w.verdict, CX_AFF_FAIL));
    /* [4, 6] - 5 == 0 depends: holds at 5, fails at a corner */
    cx_num k;
    cx_num_init(&k);
    cx_num_set_si(&k, -5);
    cr_assert(eq(int, cx_aff_add_num(&d, &x, &k, &e.x), CX_AFF_OK));
    cr_assert(eq(int, cx_aff_decide(&w, &d, CX_AFF_EQ, &e.x), CX_AFF_OK));
    cr_expect(eq(int, w.verdict, CX_AFF_DEPENDS));
    cr_expect(num_is(&w.hold.eps[0], 0, 1));
    cr_expect(num_is(&w.be_value, 5, 1));
    cx_num_clear(&k);
    cx_aff_witness_clear(&w);
    cx_aff_clear(&x);
    cx_aff_clear(&d);
    cx_aff_gen_clear(&e.g);
}

/* ==== limits and sizes ================================================== */

Test(affine, the_term_limit_is_a_status_and_leaves_the_output)
{
    env e;
    env_init(&e, &C, 3);
    cx_aff in[4], s, t;
    make_inputs(in, 4, &e);
    cx_aff_init(&s);
    cx_aff_init(&t);
    cr_assert(eq(int, cx_aff_add(&s, &in[0], &in[1], &e.x), CX_AFF_OK));
    cr_assert(eq(int, cx_aff_add(&s, &s, &in[2], &e.x), CX_AFF_OK));
    cr_expect(eq(sz, s.n, 3));
    cr_expect(eq(int, cx_aff_add(&s, &s, &in[3], &e.x), CX_AFF_TOO_MANY_TERMS));
    cr_expect(eq(sz, s.n, 3), "unchanged");
    /* a product needs one more for its noise symbol */
    cr_expect(eq(int, cx_aff_mul(&t, &s, &in[0], &e.x), CX_AFF_TOO_MANY_TERMS));
    cr_assert(eq(int, cx_aff_add(&t, &in[0], &in[1], &e.x), CX_AFF_OK));
    cr_expect(eq(int, cx_aff_mul(&t, &t, &in[1], &e.x), CX_AFF_OK));
    cr_expect(eq(sz, t.n, 3));
    /* a sum that cancels within the limit is fine */
    cr_assert(eq(int, cx_aff_sub(&t, &s, &in[2], &e.x), CX_AFF_OK));
    cr_expect(eq(int, cx_aff_add(&t, &t, &in[3], &e.x), CX_AFF_OK));
    clear_all(in, 4);
    cx_aff_clear(&s);
    cx_aff_clear(&t);
    cx_aff_gen_clear(&e.g);
}

Test(affine, the_symbol_generator_runs_out_with_a_status)
{
    env e;
    env_init(&e, &C, 0);
    e.g.max_syms = 2;
    cx_aff a, b, z;
    cx_aff_init(&a);
    cx_aff_init(&b);
    cx_aff_init(&z);
    input(&a, &e, 1, 1, 2, 0);
    input(&b, &e, 1, 1, 3, 0);
    cr_expect(eq(int, cx_aff_mul(&z, &a, &b, &e.x), CX_AFF_TOO_MANY_SYMBOLS));
    cx_num c;
    cx_num_init(&c);
    cx_num_set_si(&c, 1);
    cr_expect(eq(int, cx_aff_input_pm(&z, NULL, &c, &c, 9, &e.x), CX_AFF_TOO_MANY_SYMBOLS));
    cr_expect(eq(sz, e.g.n_inputs, 2));
    cr_expect(cx_aff_is_point(&z));
    cx_num_clear(&c);
    cx_aff_clear(&a);
    cx_aff_clear(&b);
    cx_aff_clear(&z);
    cx_aff_gen_clear(&e.g);
}

Test(affine, coefficients_past_int64_promote_and_come_back)
{
    env e;
    env_init(&e, &C, 0);
    cx_aff x, y;
    cx_aff_init(&x);
    cx_aff_init(&y);
    int64_t big = INT64_MAX / 2 + 1; /* 2^62 */
    input(&x, &e, big, big, 1, 0);
    cr_assert(eq(int, cx_aff_add(&y, &x, &x, &e.x), CX_AFF_OK)); /* 2^63: past int64 */
    cr_expect(eq(int, y.c.kind, CX_NUM_BIG));
    cr_expect(eq(int, y.t[0].a.kind, CX_NUM_BIG));
    cx_num hi, want;
    cx_num_init(&hi);
    cx_num_init(&want);
    cr_assert(eq(int, cx_aff_hi(&hi, &y, &e.x), CX_AFF_OK)); /* 2^64 */
    mpq_t q;
    mpq_init(q);
    mpq_set_ui(q, 1, 1);
    mpz_mul_2exp(mpq_numref(q), mpq_numref(q), 64);
    cx_num_set_mpq(&want, q);
    cr_expect(cx_num_eq(&hi, &want));
    /* x x: 2^124-sized coefficients, still exact */
    cr_assert(eq(int, cx_aff_mul(&y, &y, &x, &e.x), CX_AFF_OK));
    cr_assert(eq(int, cx_aff_hi(&hi, &y, &e.x), CX_AFF_OK));
    mpz_mul_2exp(mpq_numref(q), mpq_numref(q), 63); /* 2^127 = 2^64 2^63: tight */
    cx_num_set_mpq(&want, q);
    cr_expect(cx_num_eq(&hi, &want), "the upper end of [0, 2^64] [0, 2^63]");
    /* and back: y - y is the SMALL 0, big coefficients cancel */
    cr_assert(eq(int, cx_aff_sub(&y, &y, &y, &e.x), CX_AFF_OK));
    cr_expect(cx_aff_is_point(&y));
    cr_expect(eq(int, y.c.kind, CX_NUM_SMALL));
    /* (x + x) / 2 comes back to int64 */
    cr_assert(eq(int, cx_aff_add(&y, &x, &x, &e.x), CX_AFF_OK));
    cx_num_set_si(&hi, 2);
    cr_assert(eq(int, cx_aff_div_num(&y, &y, &hi, &e.x), CX_AFF_OK));
    cr_expect(eq(int, y.c.kind, CX_NUM_SMALL));
    cr_expect(cx_num_eq(&y.c, &x.c) && cx_num_eq(&y.t[0].a, &x.t[0].a));
    mpq_clear(q);
    cx_num_clear(&hi);
    cx_num_clear(&want);
    cx_aff_clear(&x);
    cx_aff_clear(&y);
    cx_aff_gen_clear(&e.g);
}

Test(affine, the_size_limit_stops_big_rationals)
{
    const cx_num_ctx tight = {200, 64};
    env e;
    env_init(&e, &tight, 0);
    cx_aff x, y;
    cx_aff_init(&x);
    cx_aff_init(&y);
    input(&x, &e, 3, 1, 7, 0); /* [2/7, 4/7] */
    /* powers grow: x^1000 passes 200 bits and stops with a status */
    cr_expect(eq(int, cx_aff_pow(&y, &x, 1000, &e.x), CX_AFF_TOO_BIG));
    cr_expect(eq(int, cx_aff_pow(&y, &x, INT64_MIN, &e.x), CX_AFF_TOO_BIG));
    cr_expect(cx_aff_is_point(&y) && cx_num_is_zero(&y.c), "unchanged");
    cr_expect(eq(int, cx_aff_pow(&y, &x, 5, &e.x), CX_AFF_OK));
    /* a scale past the limit */
    cx_num k;
    cx_num_init(&k);
    cx_num_set_si(&k, 3);
    cx_num n;
    cx_num_init(&n);
    cx_num_set_si(&n, 150);
    cr_assert(eq(int, cx_num_pow(&k, &k, &n, &C), CX_NUM_OK)); /* 3^150: 238 bits */
    cr_expect(eq(int, cx_aff_scale(&y, &x, &k, &e.x), CX_AFF_TOO_BIG));
    /* an approximate function whose end is past the limit */
    cx_num_set_si(&k, 1000);
    cr_assert(eq(int, cx_aff_set_num(&x, &k), CX_AFF_OK));
    cr_expect(eq(int, cx_aff_apply(&y, &x, CX_AFF_EXP, &e.x), CX_AFF_TOO_BIG));
    cx_num_clear(&k);
    cx_num_clear(&n);
    cx_aff_clear(&x);
    cx_aff_clear(&y);
    cx_aff_gen_clear(&e.g);
}

Test(affine, forms_and_witnesses_free_cleanly_after_failures)
{
    env e;
    env_init(&e, &C, 0);
    cx_aff x;
    cx_aff_init(&x);
    cx_aff_clear(&x); /* clear twice is fine */
    cx_aff_clear(&x);
    cx_aff_witness w;
    cx_aff_witness_init(&w);
    cx_aff_witness_clear(&w);
    cx_aff_witness_clear(&w);
    cx_aff_point p;
    cx_aff_point_init(&p);
    cx_aff_point_clear(&p);
    cx_aff_gen_clear(&e.g);
    cx_aff_gen_clear(&e.g);
}
