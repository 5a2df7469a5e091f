/* finance.h - the financial families of built-ins, registered in builtins.c
 * like the others (builtins.h): time value of money (tvm.c), cash flows
 * (cashflow.c), depreciation (depreciation.c) and growth and ratio helpers
 * (growth_fns.c).  Excel's names, argument order, defaults and signs (money
 * paid out is negative); docs/stdlib.md lists every deliberate difference. */
#ifndef CX_STDLIB_FINANCE_H
#define CX_STDLIB_FINANCE_H

#include "builtins.h"

/* tvm.c */
cx_status cx_fn_pv(cx_call *c, cx_value *out);
cx_status cx_fn_fv(cx_call *c, cx_value *out);
cx_status cx_fn_pmt(cx_call *c, cx_value *out);
cx_status cx_fn_ipmt(cx_call *c, cx_value *out);
cx_status cx_fn_ppmt(cx_call *c, cx_value *out);
cx_status cx_fn_nper(cx_call *c, cx_value *out);
cx_status cx_fn_rate(cx_call *c, cx_value *out);
cx_status cx_fn_cumipmt(cx_call *c, cx_value *out);
cx_status cx_fn_cumprinc(cx_call *c, cx_value *out);
cx_status cx_fn_effect(cx_call *c, cx_value *out);
cx_status cx_fn_nominal(cx_call *c, cx_value *out);

/* cashflow.c */
cx_status cx_fn_npv(cx_call *c, cx_value *out);
cx_status cx_fn_npv0(cx_call *c, cx_value *out);
cx_status cx_fn_xnpv(cx_call *c, cx_value *out);
cx_status cx_fn_irr(cx_call *c, cx_value *out);
cx_status cx_fn_irr_all(cx_call *c, cx_value *out);
cx_status cx_fn_xirr(cx_call *c, cx_value *out);
cx_status cx_fn_mirr(cx_call *c, cx_value *out);
cx_status cx_fn_payback(cx_call *c, cx_value *out);
cx_status cx_fn_discounted_payback(cx_call *c, cx_value *out);

/* depreciation.c */
cx_status cx_fn_sln(cx_call *c, cx_value *out);
cx_status cx_fn_syd(cx_call *c, cx_value *out);
cx_status cx_fn_ddb(cx_call *c, cx_value *out);
cx_status cx_fn_db(cx_call *c, cx_value *out);
cx_status cx_fn_vdb(cx_call *c, cx_value *out);

/* growth_fns.c */
cx_status cx_fn_yoy(cx_call *c, cx_value *out);
cx_status cx_fn_qoq(cx_call *c, cx_value *out);
cx_status cx_fn_annualize(cx_call *c, cx_value *out);
cx_status cx_fn_share(cx_call *c, cx_value *out);
cx_status cx_fn_margin(cx_call *c, cx_value *out);
cx_status cx_fn_per_head(cx_call *c, cx_value *out);
cx_status cx_fn_ratio(cx_call *c, cx_value *out);

/* ---- the rate-finding engine (ratefind.c), shared by irr, xirr, irr_all, rate */

/* The rates r > -1 at which f(u) = 0, where u = -ln(1 + r), so a flow t
 * periods out is discounted by (1 + r)^-t = e^(t u).  The caller describes f
 * and the sign structure of its flows; the engine brackets, scans and refines
 * in MPFR (stdlib/roots.h). */
typedef struct cx_rate_problem {
    /* f at u, into y at y's precision; non-zero when it cannot be evaluated. */
    int (*f)(mpfr_t y, const mpfr_t u, void *ud);
    void *ud;
    /* Optional (NULL: none): f at u in machine doubles, with ud, non-zero
     * when that cannot be done (a value beyond double's range).  A single
     * rate is then located in doubles first and refined by f from a narrow
     * bracket around it that f itself confirms; f alone decides the
     * result, so a poor estimate costs time, never accuracy. */
    int (*f_double)(double *y, double u, void *ud);
    int sign_high; /* sign of f as r -> +inf (u -> -inf): the earliest flow's */
    int sign_low;  /* sign of f as r -> -1 (u -> +inf): the latest flow's */
    /* Descartes' count V over the flows: at most V rates, and exactly one
     * when V is 1 */
    int sign_changes;
    /* Proven bounds on every root in u, or has_bounds false to walk outwards
     * from u = 0 until f takes its limiting signs. */
    bool has_bounds;
    mpfr_t u_min, u_max; /* inited by the caller when has_bounds */
    size_t cost;         /* terms per evaluation, to size the scan */
    /* Asked before every evaluation of f (NULL: never): non-zero ends the
     * search with CX_RATE_STOPPED, the poll having recorded why (a step,
     * time or memory budget, an interrupt).  `stopped` tells it happened. */
    int (*poll)(void *poll_ud);
    void *poll_ud;
    bool stopped;
} cx_rate_problem;

typedef enum cx_rate_result {
    CX_RATE_FOUND,
    CX_RATE_NONE, /* no rate: the flows never change sign, or the scan saw no crossing */
    CX_RATE_EVAL, /* f could not be evaluated near a root (beyond MPFR's range) */
    CX_RATE_NOMEM,
    CX_RATE_STOPPED, /* the poll ended the search: its error is recorded */
} cx_rate_result;

/* Every rate found in [lo, hi] (either may be NULL: unbounded), ascending,
 * as approximate numbers at ctx->prec: a malloc'ed array of *n inited
 * cx_nums (free with cx_rate_free).  With V = 1 this is the one rate; with
 * V >= 2 it is every sign change on a fine grid. */
cx_rate_result cx_rate_all(cx_rate_problem *p, const cx_num *lo, const cx_num *hi,
                           const cx_num_ctx *ctx, cx_num **rates, size_t *n);
void cx_rate_free(cx_num *rates, size_t n);
/* The rate nearest `guess` (Excel's default guess is 10%) into *r. */
cx_rate_result cx_rate_solve(cx_rate_problem *p, const cx_num *guess, const cx_num_ctx *ctx,
                             cx_num *r);

#endif
