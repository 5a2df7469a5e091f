/* depreciation.c - Excel's depreciation functions: sln (straight line), syd
 * (sum of years' digits), ddb (declining balance), db (fixed declining
 * balance with the rate rounded to three decimals, as Excel does) and vdb
 * (declining balance switching to straight line, over any span of periods,
 * fractional ends pro rata).  All exact; db's rounded rate makes it exact
 * even where the unrounded rate is irrational. */
#include <limits.h>
#include "args.h"
#include "fincalc.h"
#include "finance.h"

/* vdb finds the shape of its schedule by walking it in MPFR; beyond this
 * many periods (a daily schedule over 2,700 years) it refuses. */
#define VDB_MAX_PERIODS 1000000

static cx_status range_error(cx_call *c, int arg, const char *what)
{
    return cx_call_error(c, arg, CX_E_MATH_ARG_RANGE, "%s: %s", c->name, what);
}

static cx_status finish(cx_call *c, cx_fc *k, cx_num *r, cx_value *out)
{
    if (k->st != CX_NUM_OK) return cx_call_num_error(c, -1, k->st);
    cx_value_take_num(out, r);
    return CX_OK;
}

/* An approximate copy of x, for the fallback beyond the exact size limit. */
static void to_approx(cx_num *x, const cx_num_ctx *ctx)
{
    mpfr_t t;
    mpfr_init2(t, ctx->prec);
    cx_num_get_mpfr(x, t);
    cx_num_set_mpfr(x, t, ctx);
    mpfr_clear(t);
}

/* Reads the first `count` arguments as numbers. */
static bool read_nums(cx_call *c, const cx_num **v, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (!(v[i] = cx_arg_num(c, i))) return false;
    return true;
}

/* ==== sln, syd ============================================================= */

cx_status cx_fn_sln(cx_call *c, cx_value *out)
{
    const cx_num *v[3]; /* cost, salvage, life */
    if (!read_nums(c, v, 3)) return CX_FAIL;
    if (cx_num_is_zero(v[2])) return range_error(c, 2, "the life must not be 0");
    cx_fc k = {cx_call_num_ctx(c), CX_NUM_OK};
    cx_num r;
    cx_num_init(&r);
    cx_fc_sub(&k, &r, v[0], v[1]);
    cx_fc_div(&k, &r, &r, v[2]);
    cx_status st = finish(c, &k, &r, out);
    cx_num_clear(&r);
    return st;
}

/* (cost - salvage) (life - per + 1) 2 / (life (life + 1)). */
cx_status cx_fn_syd(cx_call *c, cx_value *out)
{
    const cx_num *v[4]; /* cost, salvage, life, per */
    if (!read_nums(c, v, 4)) return CX_FAIL;
    if (cx_num_sgn(v[2]) <= 0) return range_error(c, 2, "the life must be positive");
    if (cx_num_sgn(v[3]) <= 0 || cx_num_cmp(v[3], v[2]) > 0)
        return range_error(c, 3, "the period must be above 0 and at most the life");
    cx_fc k = {cx_call_num_ctx(c), CX_NUM_OK};
    cx_num r, t;
    cx_num_init(&r);
    cx_num_init(&t);
    cx_fc_sub(&k, &r, v[0], v[1]);
    cx_fc_sub(&k, &t, v[2], v[3]);
    cx_fc_addi(&k, &t, &t, 1);
    cx_fc_mul(&k, &r, &r, &t);
    cx_fc_muli(&k, &r, &r, 2);
    cx_fc_addi(&k, &t, v[2], 1);
    cx_fc_mul(&k, &t, &t, v[2]);
    cx_fc_div(&k, &r, &r, &t);
    cx_status st = finish(c, &k, &r, out);
    cx_num_clear(&r);
    cx_num_clear(&t);
    return st;
}

/* ==== ddb ================================================================== */

/* The declining-balance rate factor / life, at most 1 (a factor above the
 * life writes the asset off at once, as in Excel). */
static void db_rate(cx_fc *k, cx_num *rate, const cx_num *factor, const cx_num *life)
{
    cx_fc_div(k, rate, factor, life);
    if (k->st == CX_NUM_OK) {
        cx_num one;
        cx_num_init(&one);
        cx_num_set_si(&one, 1);
        if (cx_num_cmp(rate, &one) > 0) cx_num_set_si(rate, 1);
        cx_num_clear(&one);
    }
}

cx_status cx_fn_ddb(cx_call *c, cx_value *out)
{
    const cx_num *v[4]; /* cost, salvage, life, period */
    if (!read_nums(c, v, 4)) return CX_FAIL;
    cx_num two;
    cx_num_init(&two);
    cx_num_set_si(&two, 2);
    const cx_num *factor = cx_arg_num_or(c, 4, &two);
    cx_status st = CX_OK;
    if (!factor) st = CX_FAIL;
    else if (cx_num_sgn(v[0]) < 0 || cx_num_sgn(v[1]) < 0)
        st = range_error(c, cx_num_sgn(v[0]) < 0 ? 0 : 1,
                         "the cost and the salvage must not be negative");
    else if (cx_num_sgn(v[2]) <= 0) st = range_error(c, 2, "the life must be positive");
    else if (cx_num_sgn(v[3]) <= 0 || cx_num_cmp(v[3], v[2]) > 0)
        st = range_error(c, 3, "the period must be above 0 and at most the life");
    else if (cx_num_sgn(factor) <= 0) st = range_error(c, 4, "the factor must be positive");
    if (st != CX_OK) {
        cx_num_clear(&two);
        return st;
    }
    /* Book value before the period: cost (1 - rate)^(period - 1); after it:
     * cost (1 - rate)^period, but never below salvage; the depreciation is
     * the difference, never negative. */
    cx_fc k = {cx_call_num_ctx(c), CX_NUM_TOO_BIG};
    cx_num rate, keep, e, before, after;
    cx_num_init(&rate);
    cx_num_init(&keep);
    cx_num_init(&e);
    cx_num_init(&before);
    cx_num_init(&after);
    /* Exact first; a second pass in MPFR when the exact powers would pass
     * the size limit (a long daily life). */
    for (int pass = 0; pass < 2 && k.st == CX_NUM_TOO_BIG; pass++) {
        k.st = CX_NUM_OK;
        db_rate(&k, &rate, factor, v[2]);
        cx_num_neg(&keep, &rate);
        cx_fc_addi(&k, &keep, &keep, 1);
        if (pass) to_approx(&keep, k.ctx);
        cx_fc_addi(&k, &e, v[3], -1);
        cx_fc_pow(&k, &before, &keep, &e);
        cx_fc_mul(&k, &before, &before, v[0]);
        cx_fc_pow(&k, &after, &keep, v[3]);
        cx_fc_mul(&k, &after, &after, v[0]);
        if (k.st == CX_NUM_OK && cx_num_cmp(&after, v[1]) < 0) cx_num_set(&after, v[1]);
        cx_fc_sub(&k, &before, &before, &after);
        if (k.st == CX_NUM_OK && cx_num_sgn(&before) < 0) cx_num_set_si(&before, 0);
    }
    st = finish(c, &k, &before, out);
    cx_num_clear(&rate);
    cx_num_clear(&keep);
    cx_num_clear(&e);
    cx_num_clear(&before);
    cx_num_clear(&after);
    cx_num_clear(&two);
    return st;
}

/* ==== db =================================================================== */

/* Excel's DB rate: 1 - (salvage / cost)^(1 / life), rounded half away from
 * zero to three decimals, so the rate (and every result) is an exact
 * decimal even when the root is irrational. */
static void db_fixed_rate(cx_fc *k, cx_num *rate, const cx_num *cost, const cx_num *salvage,
                          const cx_num *life)
{
    cx_num t, e, one;
    cx_num_init(&t);
    cx_num_init(&e);
    cx_num_init(&one);
    cx_num_set_si(&one, 1);
    cx_fc_div(k, &t, salvage, cost);
    cx_fc_div(k, &e, &one, life);
    cx_fc_pow(k, &t, &t, &e);
    cx_fc_sub(k, &t, &one, &t);
    if (k->st == CX_NUM_OK && cx_num_is_exact(&t)) {
        k->st = cx_num_round(rate, &t, 3, k->ctx);
    } else if (k->st == CX_NUM_OK) {
        /* Thousandths as an integer in MPFR, then exact. */
        mpfr_t f;
        mpz_t z;
        mpfr_init2(f, k->ctx->prec);
        mpz_init(z);
        cx_num_get_mpfr(&t, f);
        mpfr_mul_ui(f, f, 1000, MPFR_RNDN);
        mpfr_round(f, f);
        mpfr_get_z(z, f, MPFR_RNDN);
        cx_num_set_mpz(rate, z);
        cx_num_set_si(&e, 1000);
        k->st = cx_num_div(rate, rate, &e, k->ctx);
        mpz_clear(z);
        mpfr_clear(f);
    }
    cx_num_clear(&t);
    cx_num_clear(&e);
    cx_num_clear(&one);
}

cx_status cx_fn_db(cx_call *c, cx_value *out)
{
    const cx_num *v[4]; /* cost, salvage, life, period */
    long month, life, period;
    if (!read_nums(c, v, 4)) return CX_FAIL;
    if (!cx_arg_long(c, 4, 1, 12, 12, "a whole number of months from 1 to 12", &month))
        return CX_FAIL;
    if (cx_num_sgn(v[0]) <= 0) return range_error(c, 0, "the cost must be positive");
    if (cx_num_sgn(v[1]) < 0) return range_error(c, 1, "the salvage must not be negative");
    if (!cx_arg_long(c, 2, 1, 1000000, 1, "a whole number of periods from 1 to 1,000,000", &life))
        return CX_FAIL;
    long last = month < 12 ? life + 1 : life;
    if (!cx_arg_long(c, 3, 1, LONG_MAX, 1, "a whole period from 1", &period)) return CX_FAIL;
    if (period > last)
        return range_error(c, 3,
                           month < 12 ? "the period must be at most life + 1 (the first year "
                                        "is partial)"
                                      : "the period must be at most the life");
    cx_fc k = {cx_call_num_ctx(c), CX_NUM_TOO_BIG};
    cx_num rate, keep, first, r;
    cx_num_init(&rate);
    cx_num_init(&keep);
    cx_num_init(&first);
    cx_num_init(&r);
    /* Exact first; in MPFR when (1 - rate)^period would pass the size limit. */
    for (int pass = 0; pass < 2 && k.st == CX_NUM_TOO_BIG; pass++) {
        k.st = CX_NUM_OK;
        db_fixed_rate(&k, &rate, v[0], v[1], v[2]);
        /* First period: cost rate month / 12.  Later: the remaining book value
         * times the rate, the book value after the first period shrinking by
         * (1 - rate) each period; the extra period of a partial first year gets
         * the (12 - month) / 12 the first one lacked. */
        cx_fc_mul(&k, &first, v[0], &rate);
        cx_fc_muli(&k, &first, &first, month);
        cx_num_set_si(&r, 12);
        cx_fc_div(&k, &first, &first, &r);
        if (period == 1) {
            cx_num_swap(&r, &first);
        } else {
            cx_num_neg(&keep, &rate);
            cx_fc_addi(&k, &keep, &keep, 1);
            if (pass) to_approx(&keep, k.ctx);
            cx_fc_sub(&k, &r, v[0], &first);
            int64_t e = period == life + 1 ? life - 1 : period - 2;
            cx_fc_powi(&k, &keep, &keep, e);
            cx_fc_mul(&k, &r, &r, &keep);
            cx_fc_mul(&k, &r, &r, &rate);
            if (period == life + 1) {
                cx_fc_muli(&k, &r, &r, 12 - month);
                cx_num_set_si(&first, 12);
                cx_fc_div(&k, &r, &r, &first);
            }
        }
    }
    cx_status st = finish(c, &k, &r, out);
    cx_num_clear(&rate);
    cx_num_clear(&keep);
    cx_num_clear(&first);
    cx_num_clear(&r);
    return st;
}

/* ==== vdb ================================================================== */

/* Excel's VDB schedule: declining balance (book value times rate =
 * factor / life, never below salvage) until straight line over the
 * remaining life gives more, then that straight line to the end (unless
 * no_switch).  Walking it period by period in exact arithmetic costs
 * quadratic time (the book value's denominator grows every period), so the
 * walk is made in MPFR only to find the schedule's shape, and the numbers
 * come from closed forms: before the change, period i depreciates
 * cost q^(i-1) rate (q = 1 - rate) and the first k periods cost (1 - q^k). */
typedef struct vdb_in {
    const cx_num *cost, *salvage, *life, *start, *end, *factor;
    bool no_switch;
    int64_t periods; /* ceil(end) */
} vdb_in;

typedef struct vdb_shape {
    int64_t change; /* the first period that is not plain declining balance, or periods + 1 */
    bool straight;  /* that period switches to straight line (else it reaches salvage) */
} vdb_shape;

/* Walks the schedule in MPFR at the working precision.  Near-ties between
 * the two methods are harmless: at an exact tie both give the same amounts
 * for every later period. */
static vdb_shape vdb_walk(const vdb_in *v, const cx_num *rate, mpfr_prec_t prec)
{
    vdb_shape sh = {v->periods + 1, false};
    mpfr_t b, r, s, l, d, t, sl;
    mpfr_inits2(prec, b, r, s, l, d, t, sl, (mpfr_ptr)0);
    cx_num_get_mpfr(v->cost, b);
    cx_num_get_mpfr(rate, r);
    cx_num_get_mpfr(v->salvage, s);
    cx_num_get_mpfr(v->life, l);
    for (int64_t i = 1; i <= v->periods; i++) {
        mpfr_mul(d, b, r, MPFR_RNDN);
        mpfr_sub(t, b, s, MPFR_RNDN);
        if (mpfr_sgn(t) < 0) mpfr_set_zero(t, 1);
        bool capped = mpfr_cmp(d, t) > 0;
        if (capped) mpfr_set(d, t, MPFR_RNDN);
        if (!v->no_switch) {
            mpfr_sub_si(sl, l, i - 1, MPFR_RNDN); /* periods left, this one included */
            mpfr_div(sl, t, sl, MPFR_RNDN);
            if (mpfr_cmp(sl, d) > 0) {
                sh.change = i;
                sh.straight = true;
                break;
            }
        }
        if (capped) {
            sh.change = i;
            break;
        }
        mpfr_sub(b, b, d, MPFR_RNDN);
    }
    mpfr_clears(b, r, s, l, d, t, sl, (mpfr_ptr)0);
    return sh;
}

/* Depreciation of period i (1-based) and of the first k periods, in closed
 * form on the shape. */
static void vdb_period(cx_fc *k, cx_num *out, const vdb_in *v, const cx_num *rate, const cx_num *q,
                       const vdb_shape *sh, int64_t i)
{
    cx_num t, u;
    cx_num_init(&t);
    cx_num_init(&u);
    int64_t e = i < sh->change ? i - 1 : sh->change - 1;
    cx_fc_powi(k, &t, q, e);
    cx_fc_mul(k, &t, &t, v->cost); /* book value before period min(i, change) */
    if (i < sh->change) {
        cx_fc_mul(k, out, &t, rate);
    } else if (sh->straight) {
        cx_fc_sub(k, &t, &t, v->salvage);
        cx_num_set_si(&u, sh->change - 1);
        cx_fc_sub(k, &u, v->life, &u);
        cx_fc_div(k, out, &t, &u);
    } else if (i == sh->change) {
        cx_fc_sub(k, out, &t, v->salvage);
        if (k->st == CX_NUM_OK && cx_num_sgn(out) < 0) cx_num_set_si(out, 0);
    } else {
        cx_num_set_si(out, 0);
    }
    cx_num_clear(&t);
    cx_num_clear(&u);
}

static void vdb_first(cx_fc *k, cx_num *out, const vdb_in *v, const cx_num *rate, const cx_num *q,
                      const vdb_shape *sh, int64_t n)
{
    cx_num t, d;
    cx_num_init(&t);
    cx_num_init(&d);
    int64_t plain = n < sh->change ? n : sh->change - 1; /* declining-balance periods */
    cx_fc_powi(k, &t, q, plain);
    cx_num_neg(&t, &t);
    cx_fc_addi(k, &t, &t, 1);
    cx_fc_mul(k, out, &t, v->cost);
    if (n >= sh->change) {
        vdb_period(k, &d, v, rate, q, sh, sh->change);
        if (sh->straight) cx_fc_muli(k, &d, &d, n - sh->change + 1);
        cx_fc_add(k, out, out, &d);
    }
    cx_num_clear(&t);
    cx_num_clear(&d);
}

/* Depreciation up to time x: the whole periods before it plus its share
 * of the period it falls in. */
static void vdb_upto(cx_fc *k, cx_num *out, const vdb_in *v, const cx_num *rate, const cx_num *q,
                     const vdb_shape *sh, const cx_num *x)
{
    cx_num fl, frac, d;
    cx_num_init(&fl);
    cx_num_init(&frac);
    cx_num_init(&d);
    int64_t n = 0;
    if (k->st == CX_NUM_OK) k->st = cx_num_floor(&fl, x, k->ctx);
    if (k->st == CX_NUM_OK && !cx_num_get_si(&fl, &n)) k->st = CX_NUM_TOO_BIG;
    vdb_first(k, out, v, rate, q, sh, n);
    cx_fc_sub(k, &frac, x, &fl);
    if (k->st == CX_NUM_OK && !cx_num_is_zero(&frac)) {
        vdb_period(k, &d, v, rate, q, sh, n + 1);
        cx_fc_mul(k, &d, &d, &frac);
        cx_fc_add(k, out, out, &d);
    }
    cx_num_clear(&fl);
    cx_num_clear(&frac);
    cx_num_clear(&d);
}

static void vdb_sum(cx_fc *k, cx_num *out, const vdb_in *v, bool approx)
{
    cx_num rate, q, a, b;
    cx_num_init(&rate);
    cx_num_init(&q);
    cx_num_init(&a);
    cx_num_init(&b);
    db_rate(k, &rate, v->factor, v->life);
    cx_num_neg(&q, &rate);
    cx_fc_addi(k, &q, &q, 1);
    if (approx) {
        to_approx(&rate, k->ctx);
        to_approx(&q, k->ctx);
    }
    if (k->st == CX_NUM_OK) {
        vdb_shape sh = vdb_walk(v, &rate, k->ctx->prec + 64);
        vdb_upto(k, &b, v, &rate, &q, &sh, v->end);
        vdb_upto(k, &a, v, &rate, &q, &sh, v->start);
        cx_fc_sub(k, out, &b, &a);
    }
    cx_num_clear(&rate);
    cx_num_clear(&q);
    cx_num_clear(&a);
    cx_num_clear(&b);
}

cx_status cx_fn_vdb(cx_call *c, cx_value *out)
{
    const cx_num *v[5]; /* cost, salvage, life, start, end */
    if (!read_nums(c, v, 5)) return CX_FAIL;
    cx_num two;
    cx_num_init(&two);
    cx_num_set_si(&two, 2);
    const cx_num *factor = cx_arg_num_or(c, 5, &two);
    bool no_switch = false;
    cx_status st = CX_OK;
    if (!factor || !cx_arg_flag(c, 6, false, &no_switch)) st = CX_FAIL;
    else if (cx_num_sgn(v[0]) < 0 || cx_num_sgn(v[1]) < 0)
        st = range_error(c, cx_num_sgn(v[0]) < 0 ? 0 : 1,
                         "the cost and the salvage must not be negative");
    else if (cx_num_sgn(v[2]) <= 0) st = range_error(c, 2, "the life must be positive");
    else if (cx_num_sgn(v[3]) < 0) st = range_error(c, 3, "the start must not be negative");
    else if (cx_num_cmp(v[3], v[4]) > 0) st = range_error(c, 4, "the end is before the start");
    else if (cx_num_cmp(v[4], v[2]) > 0) st = range_error(c, 4, "the end is after the life");
    else if (cx_num_sgn(factor) <= 0) st = range_error(c, 5, "the factor must be positive");
    if (st != CX_OK) {
        cx_num_clear(&two);
        return st;
    }
    cx_fc k = {cx_call_num_ctx(c), CX_NUM_OK};
    cx_num n, r;
    cx_num_init(&n);
    cx_num_init(&r);
    int64_t periods = 0;
    k.st = cx_num_ceil(&n, v[4], k.ctx);
    if (k.st == CX_NUM_OK && (!cx_num_get_si(&n, &periods) || periods > VDB_MAX_PERIODS)) {
        st = range_error(c, 4,
                         "vdb follows its schedule period by period and stops at "
                         "1,000,000 periods");
    } else {
        vdb_in in = {v[0], v[1], v[2], v[3], v[4], factor, no_switch, periods};
        vdb_sum(&k, &r, &in, false);
        if (k.st == CX_NUM_TOO_BIG) {
            /* A schedule too long for exact powers: the same closed forms
             * in MPFR. */
            k.st = CX_NUM_OK;
            vdb_sum(&k, &r, &in, true);
        }
        st = finish(c, &k, &r, out);
    }
    cx_num_clear(&n);
    cx_num_clear(&r);
    cx_num_clear(&two);
    return st;
}
