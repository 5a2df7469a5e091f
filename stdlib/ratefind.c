/* ratefind.c - the rate-finding engine behind irr, xirr, irr_all and rate:
 * turns a description of discounted flows (finance.h, cx_rate_problem) into
 * the rates where their value is zero, choosing brackets from the flows' sign
 * structure and handing the arithmetic to stdlib/roots.c. */
#include <math.h>
#include <stdlib.h>
#include "roots.h"
#include "finance.h"
#include "../runtime/grow.h"

/* The scan runs in s with u = A sinh(s), A = 2^SCALE_EXP: samples are dense
 * near u = 0 (rates near 0%, where analysts' rates live) and sparse far out
 * (rates of +1000% or -99.99%), so one grid covers both. */
#define SCALE_EXP (-6)
/* Grid points of the scan, and the evaluation budget that shrinks it for
 * long flows (each evaluation costs `cost` terms). */
#define SCAN_STEPS     4000
#define SCAN_BUDGET    2000000
#define SCAN_MIN_STEPS 400
#define SCAN_PREC      64
/* The outward walk doubles |u| from 2^-2 up to 2^WALK_MAX_EXP: u = 2^12 is
 * already a rate of -100% to within e^-4096. */
#define WALK_MAX_EXP 12

typedef struct mapped {
    cx_rate_problem *p;
} mapped;

/* f(u), after asking the poll: every evaluation is a step of the run, so a
 * search over long flows ends at --max-steps, --timeout or Ctrl-C like any
 * loop.  A stop reads as "cannot evaluate", which ends every search. */
static int f_polled(mpfr_t y, const mpfr_t u, void *ud)
{
    cx_rate_problem *p = ud;
    if (p->stopped || (p->poll && p->poll(p->poll_ud) != 0)) {
        p->stopped = true;
        return 1;
    }
    return p->f(y, u, p->ud);
}

/* f(A sinh(s)): the problem seen through the scan's coordinate. */
static int f_mapped(mpfr_t y, const mpfr_t s, void *ud)
{
    mapped *m = ud;
    mpfr_t u;
    mpfr_init2(u, mpfr_get_prec(y));
    mpfr_sinh(u, s, MPFR_RNDN);
    mpfr_mul_2si(u, u, SCALE_EXP, MPFR_RNDN);
    int r = f_polled(y, u, m->p);
    mpfr_clear(u);
    return r;
}

static void s_of_u(mpfr_t s, const mpfr_t u)
{
    mpfr_mul_2si(s, u, -SCALE_EXP, MPFR_RNDN);
    mpfr_asinh(s, s, MPFR_RNDN);
}

static void u_of_s(mpfr_t u, const mpfr_t s)
{
    mpfr_sinh(u, s, MPFR_RNDN);
    mpfr_mul_2si(u, u, SCALE_EXP, MPFR_RNDN);
}

/* Walks u = dir * 2^k, k = -2 .. WALK_MAX_EXP, until f has sign `want`.
 * true with *u there; false with *u at the farthest point evaluated (or 0)
 * when the sign never came; *eval_failed tells whether f gave up first. */
static bool walk(cx_rate_problem *p, int dir, int want, mpfr_t u, mpfr_prec_t w, bool *eval_failed)
{
    mpfr_t x, y;
    mpfr_init2(x, w);
    mpfr_init2(y, w);
    mpfr_set_zero(u, 1);
    bool found = false;
    for (long k = -2; k <= WALK_MAX_EXP; k++) {
        mpfr_set_si_2exp(x, dir, k, MPFR_RNDN);
        if (f_polled(y, x, p) != 0 || !mpfr_number_p(y)) {
            *eval_failed = true;
            break;
        }
        mpfr_set(u, x, MPFR_RNDN);
        if (mpfr_sgn(y) == want) {
            found = true;
            break;
        }
    }
    mpfr_clear(x);
    mpfr_clear(y);
    return found;
}

static double abs_d(double x) { return x < 0 ? -x : x; }
static double max_d(double x, double y) { return x > y ? x : y; }
static double min_d(double x, double y) { return x < y ? x : y; }

/* The root of f_double in [a, b] where its values differ in sign: Illinois
 * false position with a bisection whenever three steps did not halve the
 * bracket, to double precision.  false when f_double fails or the ends do
 * not differ in sign.  Each evaluation asks the poll, like f's. */
static bool estimate_in_doubles(cx_rate_problem *p, double a, double b, double *root)
{
    double fa, fb, fx;
    if (p->poll && p->poll(p->poll_ud) != 0) {
        p->stopped = true;
        return false;
    }
    if (p->f_double(&fa, a, p->ud) != 0 || p->f_double(&fb, b, p->ud) != 0) return false;
    if (fa == 0 || fb == 0) {
        *root = fa == 0 ? a : b;
        return true;
    }
    if ((fa < 0) == (fb < 0)) return false;
    double ga = fa, gb = fb, w0 = abs_d(b - a);
    int kept = 0, window = 0;
    bool bisect = false;
    for (int iter = 0; iter < 400; iter++) {
        double wdt = abs_d(b - a), big = max_d(abs_d(a), abs_d(b));
        if (wdt <= 0x1p-50 * big || wdt <= 0x1p-1000) break;
        double x = bisect ? a + (b - a) / 2 : b - gb * (b - a) / (gb - ga);
        if (!isfinite(x) || !(x > min_d(a, b) && x < max_d(a, b))) {
            x = a + (b - a) / 2;
            kept = 0;
        }
        if (x == a || x == b) break; /* no double strictly between */
        if (p->poll && p->poll(p->poll_ud) != 0) {
            p->stopped = true;
            return false;
        }
        if (p->f_double(&fx, x, p->ud) != 0) return false;
        if (fx == 0) {
            a = b = x;
            break;
        }
        if ((fx < 0) == (fb < 0)) {
            b = x;
            fb = gb = fx;
            if (kept == -1) ga /= 2;
            kept = -1;
        } else {
            a = x;
            fa = ga = fx;
            if (kept == 1) gb /= 2;
            kept = 1;
        }
        bisect = false;
        if (++window == 3) {
            double wn = abs_d(b - a);
            bisect = wn > w0 / 2;
            w0 = wn;
            window = 0;
        }
    }
    *root = abs_d(fa) <= abs_d(fb) ? a : b;
    return isfinite(*root);
}

/* The single root in [ua, ub] from an estimate in doubles: f (full
 * precision) refines it from a bracket of relative width 2^-32 around the
 * estimate, widened twice by 2^16 when f does not confirm a sign change
 * there.  CX_ROOT_NO_SIGN_CHANGE when there is no estimate or it was not
 * confirmed: the caller then searches [ua, ub] as if there were none. */
static cx_root_status refine_estimate(cx_rate_problem *p, mpfr_t root, const mpfr_t ua,
                                      const mpfr_t ub, mpfr_prec_t prec)
{
    if (!p->f_double) return CX_ROOT_NO_SIGN_CHANGE;
    double da = mpfr_get_d(ua, MPFR_RNDN), db = mpfr_get_d(ub, MPFR_RNDN), r0;
    if (!isfinite(da) || !isfinite(db) || !estimate_in_doubles(p, da, db, &r0))
        return p->stopped ? CX_ROOT_EVAL : CX_ROOT_NO_SIGN_CHANGE;
    mpfr_prec_t w = mpfr_get_prec(ua);
    mpfr_t a, b, d;
    mpfr_inits2(w, a, b, d, (mpfr_ptr)0);
    cx_root_status rs = CX_ROOT_NO_SIGN_CHANGE;
    double half = max_d(abs_d(r0) * 0x1p-32, 0x1p-64);
    for (int k = 0; k < 3 && rs == CX_ROOT_NO_SIGN_CHANGE; k++, half *= 0x1p16) {
        mpfr_set_d(d, half, MPFR_RNDN);
        mpfr_set_d(a, r0, MPFR_RNDN);
        mpfr_sub(a, a, d, MPFR_RNDD);
        mpfr_set_d(b, r0, MPFR_RNDN);
        mpfr_add(b, b, d, MPFR_RNDU);
        if (mpfr_cmp(a, ua) < 0) mpfr_set(a, ua, MPFR_RNDN);
        if (mpfr_cmp(b, ub) > 0) mpfr_set(b, ub, MPFR_RNDN);
        rs = cx_root_bracketed(root, f_polled, p, a, b, prec, NULL);
    }
    mpfr_clears(a, b, d, (mpfr_ptr)0);
    return rs;
}

/* Appends the rate for root u (r = e^-u - 1) when it lies in [lo, hi]. */
static bool keep_rate(cx_num **rates, size_t *n, size_t *cap, const mpfr_t u, const mpfr_t *lo,
                      const mpfr_t *hi, const cx_num_ctx *ctx)
{
    mpfr_t r;
    mpfr_init2(r, mpfr_get_prec(u));
    mpfr_neg(r, u, MPFR_RNDN);
    mpfr_expm1(r, r, MPFR_RNDN);
    bool ok = true;
    if ((!lo || mpfr_cmp(r, *lo) >= 0) && (!hi || mpfr_cmp(r, *hi) <= 0) && mpfr_number_p(r)) {
        ok = CX_GROW(*rates, *cap, *n, 4);
        if (ok) {
            cx_num_init(&(*rates)[*n]);
            cx_num_set_mpfr(&(*rates)[(*n)++], r, ctx);
        }
    }
    mpfr_clear(r);
    return ok;
}

void cx_rate_free(cx_num *rates, size_t n)
{
    for (size_t i = 0; i < n; i++) cx_num_clear(&rates[i]);
    free(rates);
}

/* Reverses rates[0..n): roots come in ascending u, which is descending r. */
static void reverse(cx_num *rates, size_t n)
{
    for (size_t i = 0; i + 1 < n - i; i++) cx_num_swap(&rates[i], &rates[n - 1 - i]);
}

cx_rate_result cx_rate_all(cx_rate_problem *p, const cx_num *lo, const cx_num *hi,
                           const cx_num_ctx *ctx, cx_num **rates, size_t *n)
{
    *rates = NULL;
    *n = 0;
    p->stopped = false;
    if (p->sign_changes <= 0) return CX_RATE_NONE;
    mpfr_prec_t prec = ctx->prec, w = prec + CX_ROOT_GUARD;
    size_t cap = 0;
    cx_rate_result res = CX_RATE_FOUND;
    mpfr_t ua, ub, rlo, rhi, t, root;
    mpfr_inits2(w, ua, ub, rlo, rhi, t, root, (mpfr_ptr)0);
    if (lo) cx_num_get_mpfr(lo, rlo);
    if (hi) cx_num_get_mpfr(hi, rhi);
    const mpfr_t *plo = lo ? (const mpfr_t *)&rlo : NULL, *phi = hi ? (const mpfr_t *)&rhi : NULL;

    /* [ua, ub] in u holds every root (proven bounds) or at least the
     * limiting signs (the walk). */
    bool failed = false, signs_ok = true;
    if (p->has_bounds) {
        mpfr_sub_ui(ua, p->u_min, 1, MPFR_RNDD);
        mpfr_add_ui(ub, p->u_max, 1, MPFR_RNDU);
    } else {
        signs_ok = walk(p, -1, p->sign_high, ua, w, &failed);
        signs_ok = walk(p, +1, p->sign_low, ub, w, &failed) && signs_ok;
    }

    if (p->sign_changes == 1 && signs_ok) {
        /* Exactly one rate, and the bracket's ends have the limiting signs,
         * which differ: the root is in [ua, ub], guaranteed.  Located in
         * doubles first when the problem can, it takes a few evaluations
         * of f instead of some thirty. */
        cx_root_status rs = refine_estimate(p, root, ua, ub, prec + 16);
        if (rs == CX_ROOT_NO_SIGN_CHANGE || (rs == CX_ROOT_EVAL && !p->stopped))
            rs = cx_root_bracketed(root, f_polled, p, ua, ub, prec + 16, NULL);
        if (rs == CX_ROOT_OK) {
            if (!keep_rate(rates, n, &cap, root, plo, phi, ctx)) res = CX_RATE_NOMEM;
            goto out;
        }
        if (rs == CX_ROOT_EVAL) {
            res = CX_RATE_EVAL;
            goto out;
        }
        /* Anything else: fall through to the scan, which reports honestly. */
    }

    /* Several possible rates: scan the range (narrowed to [lo, hi]) for sign
     * changes.  u = -ln(1 + r) decreases as r grows. */
    if (hi && mpfr_cmp_si(rhi, -1) > 0) {
        mpfr_log1p(t, rhi, MPFR_RNDN);
        mpfr_neg(t, t, MPFR_RNDN);
        if (mpfr_cmp(t, ua) > 0) mpfr_set(ua, t, MPFR_RNDN);
    }
    if (lo && mpfr_cmp_si(rlo, -1) > 0) {
        mpfr_log1p(t, rlo, MPFR_RNDN);
        mpfr_neg(t, t, MPFR_RNDN);
        if (mpfr_cmp(t, ub) < 0) mpfr_set(ub, t, MPFR_RNDN);
    }
    if (mpfr_cmp(ua, ub) < 0) {
        mpfr_t sa, sb;
        mpfr_inits2(w, sa, sb, (mpfr_ptr)0);
        s_of_u(sa, ua);
        s_of_u(sb, ub);
        size_t steps = SCAN_STEPS;
        if (p->cost > 0 && p->cost * steps > SCAN_BUDGET) {
            steps = SCAN_BUDGET / p->cost;
            if (steps < SCAN_MIN_STEPS) steps = SCAN_MIN_STEPS;
        }
        /* The grid is sampled at SCAN_PREC bits (the sign of the value is
         * all it needs, and that is several times cheaper), then each
         * crossing is refined at full precision; a crossing that full
         * precision does not confirm (a sample within 2^-64 of a root) is
         * dropped rather than guessed at. */
        mapped m = {p};
        cx_root_bracket *br = NULL;
        size_t nb = 0;
        cx_root_status rs = cx_root_scan(&br, &nb, f_mapped, &m, sa, sb, steps, SCAN_PREC);
        if (rs == CX_ROOT_NOMEM) res = CX_RATE_NOMEM;
        else if (rs != CX_ROOT_OK) res = CX_RATE_EVAL;
        mpfr_t s;
        mpfr_init2(s, w);
        for (size_t i = 0; i < nb && res == CX_RATE_FOUND; i++) {
            rs = cx_root_bracketed(s, f_mapped, &m, br[i].a, br[i].b, prec + 16, NULL);
            if (rs == CX_ROOT_NO_SIGN_CHANGE && mpfr_equal_p(br[i].a, br[i].b)) {
                /* a sample that was exactly 0 at the scan's precision: look
                 * one grid step either side at full precision */
                mpfr_sub(t, sb, sa, MPFR_RNDN);
                mpfr_div_ui(t, t, (unsigned long)steps, MPFR_RNDN);
                mpfr_sub(br[i].a, br[i].a, t, MPFR_RNDN);
                mpfr_add(br[i].b, br[i].b, t, MPFR_RNDN);
                rs = cx_root_bracketed(s, f_mapped, &m, br[i].a, br[i].b, prec + 16, NULL);
            }
            if (rs == CX_ROOT_NO_SIGN_CHANGE) continue;
            if (rs != CX_ROOT_OK) {
                res = rs == CX_ROOT_NOMEM ? CX_RATE_NOMEM : CX_RATE_EVAL;
                break;
            }
            u_of_s(root, s);
            if (!keep_rate(rates, n, &cap, root, plo, phi, ctx)) res = CX_RATE_NOMEM;
        }
        mpfr_clear(s);
        cx_root_brackets_free(br, nb);
        mpfr_clears(sa, sb, (mpfr_ptr)0);
    }
    if (res == CX_RATE_FOUND && *n == 0) res = failed ? CX_RATE_EVAL : CX_RATE_NONE;
out:
    mpfr_clears(ua, ub, rlo, rhi, t, root, (mpfr_ptr)0);
    if (p->stopped && res != CX_RATE_NOMEM) res = CX_RATE_STOPPED;
    if (res != CX_RATE_FOUND) {
        cx_rate_free(*rates, *n);
        *rates = NULL;
        *n = 0;
    } else {
        reverse(*rates, *n);
    }
    return res;
}

cx_rate_result cx_rate_solve(cx_rate_problem *p, const cx_num *guess, const cx_num_ctx *ctx,
                             cx_num *r)
{
    cx_num *rates;
    size_t n;
    cx_rate_result res = cx_rate_all(p, NULL, NULL, ctx, &rates, &n);
    if (res != CX_RATE_FOUND) return res;
    /* Nearest to the guess; on a tie the lower rate. */
    mpfr_prec_t w = ctx->prec + CX_ROOT_GUARD;
    mpfr_t g, d, best, x;
    mpfr_inits2(w, g, d, best, x, (mpfr_ptr)0);
    cx_num_get_mpfr(guess, g);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        cx_num_get_mpfr(&rates[i], x);
        mpfr_sub(d, x, g, MPFR_RNDN);
        mpfr_abs(d, d, MPFR_RNDN);
        if (i == 0 || mpfr_cmp(d, best) < 0) {
            mpfr_set(best, d, MPFR_RNDN);
            k = i;
        }
    }
    cx_num_swap(r, &rates[k]);
    mpfr_clears(g, d, best, x, (mpfr_ptr)0);
    cx_rate_free(rates, n);
    return CX_RATE_FOUND;
}
