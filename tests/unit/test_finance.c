/* test_finance.c - the financial built-ins (stdlib/tvm.c, cashflow.c,
 * depreciation.c, growth_fns.c, ratefind.c) run through libcx's public API
 * against independent references: tests/finance/refs_mpmath.inc (exact
 * fractions and 80-digit mpmath, from gen_refs.py) and refs_gnumeric.inc
 * (gnumeric's recalculation of the same calls as Excel formulas, including
 * Microsoft's documentation examples, from gen_gnumeric.py); then property
 * tests (npv at the irr is zero, round trips) and errors with their spans. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <mpfr.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cx.h"

typedef struct ref {
    const char *expr, *value;
    char kind;
    const char *how;
} ref;

static const ref mp_refs[] = {
#include "../finance/refs_mpmath.inc"
};

typedef struct gref {
    const char *expr, *value, *formula, *tol;
} gref;

static const gref gn_refs[] = {
#include "../finance/refs_gnumeric.inc"
};

/* ---- running cx ------------------------------------------------------------- */

typedef struct result {
    char *value; /* the last bare expression's value, or NULL */
    bool approx;
    char *code; /* the first error's code, or NULL */
    size_t line, col, end_col;
    char *message;
} result;

static void on_output(void *ud, const cx_output *o)
{
    result *r = ud;
    if (o->kind != CX_OUT_VALUE) return;
    free(r->value);
    r->value = strdup(o->value);
    r->approx = o->approx;
}

/* Runs src (a ';' is appended) with `digits` significant digits shown. */
static result run(const char *src, int digits)
{
    result r = {0};
    cx_options o;
    cx_options_default(&o);
    o.digits = digits;
    cx_state *cx = cx_state_new(&o);
    cr_assert(cx != NULL);
    cx_state_set_output(cx, on_output, &r);
    size_t n = strlen(src);
    char *text = malloc(n + 2);
    memcpy(text, src, n);
    memcpy(text + n, ";", 2);
    cx_run_string(cx, "<test>", text, n + 1);
    cx_error_info e;
    if (cx_error_get(cx, 0, &e)) {
        r.code = strdup(e.code);
        r.message = strdup(e.message);
        r.line = e.line;
        r.col = e.col;
        r.end_col = e.end_col;
        free(r.value);
        r.value = NULL;
    }
    free(text);
    cx_state_free(cx);
    return r;
}

static void result_free(result *r)
{
    free(r->value);
    free(r->code);
    free(r->message);
}

/* The number in a rendered value: "≈", "…" and ',' removed. */
static bool parse_number(mpfr_t x, const char *text)
{
    char *buf = malloc(strlen(text) + 1), *w = buf;
    for (const char *p = text; *p;) {
        if (strncmp(p, "\xe2\x89\x88", 3) == 0 || strncmp(p, "\xe2\x80\xa6", 3) == 0) p += 3;
        else if (*p == ',' || *p == ' ') p++;
        else *w++ = *p++;
    }
    *w = 0;
    bool ok = mpfr_set_str(x, buf, 10, MPFR_RNDN) == 0;
    free(buf);
    return ok;
}

/* |got - want| <= tol |want| (or <= tol when want is 0). */
static bool close_enough(const char *got, const char *want, const char *tol)
{
    mpfr_t g, w, t, d;
    mpfr_inits2(512, g, w, t, d, (mpfr_ptr)0);
    bool ok =
        parse_number(g, got) && parse_number(w, want) && mpfr_set_str(t, tol, 10, MPFR_RNDN) == 0;
    if (ok) {
        mpfr_sub(d, g, w, MPFR_RNDN);
        mpfr_abs(d, d, MPFR_RNDN);
        if (!mpfr_zero_p(w)) {
            mpfr_abs(w, w, MPFR_RNDN);
            mpfr_mul(t, t, w, MPFR_RNDN);
        }
        ok = mpfr_cmp(d, t) <= 0;
    }
    mpfr_clears(g, w, t, d, (mpfr_ptr)0);
    return ok;
}

/* A list "[a, b, c]" compared item by item; an item ends at ", " (numbers
 * hold ',' only between digits) or at the closing ']'. */
static bool lists_close(const char *got, const char *want, const char *tol)
{
    if (got[0] != '[' || want[0] != '[') return false;
    const char *p = got + 1, *q = want + 1;
    for (;;) {
        char gi[256], wi[256];
        size_t n = 0;
        while (*p && *p != ']' && !(p[0] == ',' && p[1] == ' ') && n < 255) gi[n++] = *p++;
        gi[n] = 0;
        n = 0;
        while (*q && *q != ']' && !(q[0] == ',' && q[1] == ' ') && n < 255) wi[n++] = *q++;
        wi[n] = 0;
        if (!close_enough(gi, wi, tol)) return false;
        if (*p != ',' || *q != ',') return *p == ']' && *q == ']';
        p += 2;
        q += 2;
    }
}

/* ---- the references ----------------------------------------------------------- */

static const char *kind_text(char k)
{
    switch (k) {
    case 'X': return "exact fraction";
    case 'E': return "exact, 45 digits";
    case 'A': return "approximate, 40 digits";
    case 'L': return "list of approximate values, 40 digits";
    default: return "40 digits";
    }
}

/* One mpmath/fractions reference; false (with a message) on a mismatch. */
static void check_mp_ref(const ref *f)
{
    result r = run(f->expr, 60);
    cr_expect(r.value != NULL, "%s: error %s: %s (reference: %s)", f->expr, r.code ? r.code : "?",
              r.message ? r.message : "", f->how);
    if (!r.value) {
        result_free(&r);
        return;
    }
    switch (f->kind) {
    case 'X': {
        cr_expect(r.approx == false, "%s = %s should be exact (%s)", f->expr, r.value, f->how);
        /* exact equality, decided by cx itself on the last statement */
        const char *semi = strrchr(f->expr, ';');
        size_t head = semi ? (size_t)(semi - f->expr) + 1 : 0;
        size_t len = strlen(f->expr) + strlen(f->value) + 16;
        char *src = malloc(len);
        snprintf(src, len, "%.*s(%s) == %s", (int)head, f->expr, f->expr + head, f->value);
        result e = run(src, 10);
        cr_expect(e.value && strcmp(e.value, "true") == 0, "%s = %s, want exactly %s (%s)", f->expr,
                  r.value, f->value, f->how);
        result_free(&e);
        free(src);
        break;
    }
    case 'E':
        cr_expect(r.approx == false, "%s = %s should be exact (%s)", f->expr, r.value, f->how);
        cr_expect(close_enough(r.value, f->value, "1e-45"), "%s = %s, want %s (%s)", f->expr,
                  r.value, f->value, f->how);
        break;
    case 'A':
    case 'L':
        /* a list's record is not flagged; its items carry the mark */
        cr_expect(f->kind == 'L' ? strstr(r.value, "\xe2\x89\x88") != NULL : r.approx,
                  "%s = %s should be marked approximate (%s)", f->expr, r.value, f->how);
        /* fall through */
    default:
        cr_expect(f->kind == 'L' ? lists_close(r.value, f->value, "1e-40")
                                 : close_enough(r.value, f->value, "1e-40"),
                  "%s = %s, want %s to 40 digits (%s; %s)", f->expr, r.value, f->value, f->how,
                  kind_text(f->kind));
    }
    result_free(&r);
}

Test(finance, every_function_matches_exact_and_80_digit_mpmath_references)
{
    for (size_t i = 0; i < sizeof mp_refs / sizeof mp_refs[0]; i++) check_mp_ref(&mp_refs[i]);
}

Test(finance, every_function_matches_gnumeric_and_the_microsoft_examples)
{
    for (size_t i = 0; i < sizeof gn_refs / sizeof gn_refs[0]; i++) {
        const gref *g = &gn_refs[i];
        result r = run(g->expr, 30);
        cr_expect(r.value && close_enough(r.value, g->value, g->tol),
                  "%s = %s, gnumeric %s gives %s (tolerance %s)", g->expr,
                  r.value ? r.value : r.message, g->formula, g->value, g->tol);
        result_free(&r);
    }
}

/* ---- exactness ------------------------------------------------------------------- */

static void expect_value(const char *src, const char *want, bool approx)
{
    result r = run(src, 10);
    cr_expect(r.value != NULL, "%s: error %s", src, r.message ? r.message : "?");
    if (r.value) {
        cr_expect(eq(str, r.value, (char *)want), "%s", src);
        cr_expect(r.approx == approx, "%s = %s: approximate should be %d", src, r.value, approx);
    }
    result_free(&r);
}

Test(finance, rational_results_are_exact_and_root_finding_results_approximate)
{
    expect_value("pmt(10%, 2, 1000)", "-576.1904762…", false);
    expect_value("pmt(10%, 2, 1000) == -12100/21", "true", false);
    expect_value("fv(10%, 2, -100)", "210", false);
    expect_value("npv(10%, [110, 121])", "200", false);
    expect_value("cumipmt(10%, 2, 1000, 1, 2, 0)", "-152.3809524…", false);
    expect_value("db(1000, 100, 3, 1)", "536", false);
    expect_value("vdb(2400, 300, 10, 0, 0.875, 1.5)", "315", false);
    expect_value("sln(10, 1, 4)", "2.25", false);
    expect_value("effect(10%, 2)", "0.1025", false);
    expect_value("nominal(10.25%, 2)", "0.1", false);
    expect_value("nper(10%, -576.19, 1000) > 1.99", "true", false);
    expect_value("nper(10%, pmt(10%, 2, 1000), 1000)", "2", false);
    expect_value("irr([-100, 110])",
                 "\xe2\x89\x88"
                 "0.1",
                 true);
    expect_value("rate(1, 0, -100, 110)",
                 "\xe2\x89\x88"
                 "0.1",
                 true);
    expect_value("xnpv(10%, [-1000, 1100], [2025-01-01, 2026-01-01])", "0", false);
    expect_value("xnpv(10%, [-1000, 1100], [2024-01-01, 2025-01-01])",
                 "\xe2\x89\x88"
                 "-0.2610896904",
                 true);
}

Test(finance, long_horizons_stay_exact_until_the_size_limit_then_turn_approximate)
{
    expect_value("pv(5%, 1000, -1) == (1 - 1.05^-1000) / 5%", "true", false);
    /* 10^7 periods: the exact fraction would have ~10^8 digits; cx answers
     * in MPFR instead of failing. */
    result r = run("pv(5%, 10000000, -1)", 12);
    cr_expect(r.value != NULL && r.approx, "pv over 10^7 periods: %s",
              r.value ? r.value : r.message);
    if (r.value)
        cr_expect(eq(str, r.value,
                     (char *)"\xe2\x89\x88"
                             "20"));
    result_free(&r);
}

Test(finance, ipmt_with_type_1_has_no_interest_in_the_first_period_as_in_excel)
{
    /* Excel (and LibreOffice, numpy-financial) return 0 here: the payment at
     * the start of period 1 comes before any interest has accrued.
     * gnumeric 1.12.55 returns -pv * rate / (1 + rate) instead (-66.12 for
     * this call), which breaks sum(ppmt) = -pv; so this case is checked
     * here rather than against gnumeric. */
    expect_value("ipmt(10%/12, 1, 36, 8000, 0, 1)", "0", false);
    expect_value("ppmt(10%/12, 1, 36, 8000, 0, 1) == pmt(10%/12, 36, 8000, 0, 1)", "true", false);
    expect_value("cumipmt(10%/12, 36, 8000, 1, 1, 1)", "0", false);
}

/* ---- properties -------------------------------------------------------------------- */

static const char *const flow_sets[] = {
    "[-70000, 12000, 15000, 18000, 21000, 26000]",
    "[-100, 230, -132]",
    "[-1000000000000, 1000000000001]",
    "[-100, 0.0001]",
    "[1000, -300, -400, -500]",
    "[-0.000001, 0.0000004, 0.0000007]",
    "[-5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]",
    "[-1000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5000]",
};

Test(finance, npv_at_the_irr_is_zero_within_the_working_precision)
{
    for (size_t i = 0; i < sizeof flow_sets / sizeof flow_sets[0]; i++) {
        char src[512];
        /* relative to the largest flow: 2^-200 is far below the 256-bit precision's noise floor */
        snprintf(src, sizeof src,
                 "cf = %s; abs(npv0(irr(cf), cf)) <= 2^-200 * max([abs(x) for x in cf])",
                 flow_sets[i]);
        result r = run(src, 10);
        cr_expect(r.value && strcmp(r.value, "true") == 0, "%s: %s", src,
                  r.value ? r.value : r.message);
        result_free(&r);
        snprintf(src, sizeof src, "cf = %s; npv(irr(cf), cf) * 10^30", flow_sets[i]);
        result z = run(src, 5);
        cr_expect(z.value != NULL, "%s", src);
        result_free(&z);
    }
    result x = run("v = [-10000, 2750, 4250, 3250, 2750]; d = [2008-01-01, 2008-03-01, "
                   "2008-10-30, 2009-02-15, 2009-04-01]; abs(xnpv(xirr(v, d), v, d)) < 1e-65",
                   10);
    cr_expect(x.value && strcmp(x.value, "true") == 0, "xnpv at the xirr: %s",
              x.value ? x.value : x.message);
    result_free(&x);
}

/* A single rate is first located in machine doubles and then refined at
 * full precision from a narrow bracket that full precision confirms
 * (ratefind.c): the result must be the same root to the working precision
 * where the estimate is good (long flows, whose ends overflow doubles
 * unless scaled), where there is none (flows beyond double's range), and
 * where the flows cancel (a root at 0%). */
Test(finance, irr_from_a_double_estimate_is_the_same_root_at_full_precision)
{
    /* The benchmark's flows; bench.py proves these 30 digits independently. */
    result b = run("irr([if i == 0 then -1000000 else 1000 + 3 * i for i in 0..9999])", 30);
    cr_expect(b.value && strcmp(b.value, "\xe2\x89\x88"
                                         "0.00230469223670066593453351775306") == 0,
              "the benchmark's irr: %s", b.value ? b.value : b.message);
    result_free(&b);
    static const char *const sets[] = {
        "[if i == 0 then -1000000 else 1000 + 3 * i for i in 0..2999]",
        "[if i == 0 then -10^400 else 10^398 for i in 0..150]",    /* beyond doubles */
        "[if i == 0 then -(10^-320) else 10^-321 for i in 0..12]", /* below normal doubles */
        "[-3, 1, 1, 1]",                                           /* exactly 0% */
        "[if i == 0 then -1 else 1000 for i in 0..400]",           /* a rate of ~100,000% */
        "[if i == 0 then -1000 else 1/1000 for i in 0..5000]",     /* near -100% */
    };
    for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
        char src[512];
        snprintf(src, sizeof src,
                 "cf = %s; abs(npv0(irr(cf), cf)) <= 2^-200 * max([abs(x) for x in cf])", sets[i]);
        result r = run(src, 10);
        cr_expect(r.value && strcmp(r.value, "true") == 0, "%s: %s", src,
                  r.value ? r.value : r.message);
        result_free(&r);
    }
    expect_value("irr([-3, 1, 1, 1])",
                 "\xe2\x89\x88"
                 "0",
                 true);
    /* xirr (dated flows, gaps of days) takes the same path. */
    result x = run("v = [-10000, 2750, 4250, 3250, 2750]; d = [2008-01-01, 2008-03-01, "
                   "2008-10-30, 2009-02-15, 2009-04-01]; xirr(v, d)",
                   30);
    cr_expect(x.value && strcmp(x.value, "\xe2\x89\x88"
                                         "0.373362533518831510308455411915") == 0,
              "xirr: %s", x.value ? x.value : x.message);
    result_free(&x);
}

Test(finance, pv_fv_pmt_nper_and_rate_round_trip)
{
    static const char *const cases[] = {
        "pv(7%, 30, pmt(7%, 30, 250000, 10000, 1), 10000, 1) == 250000",
        "fv(7%, 30, pmt(7%, 30, 0, 1000000), 0) == 1000000",
        "pmt(-4%, 12, pv(-4%, 12, -100, 50), 50) == -100",
        "pv(0, 12, pmt(0, 12, 1200)) == 1200",
        "nper(7%, pmt(7%, 30, 250000, 10000, 1), 250000, 10000, 1) == 30",
        "nper(0.000000000001, pmt(0.000000000001, 1000, 1), 1) == 1000",
        "abs(rate(30, pmt(7%, 30, 250000, 10000, 1), 250000, 10000, 1) - 7%) < 1e-70",
        "abs(rate(1000, pmt(0.000000000001, 1000, 1), 1) - 0.000000000001) < 1e-80",
        "abs(rate(360, pmt(-0.5%, 360, 1000), 1000) + 0.5%) < 1e-70",
        "abs(nper(7%, -1000, 5000) - nper(7%, -1000, 5000, 0, 0)) == 0",
        "fv(7%, nper(7%, -1000, 5000), -1000, 5000) < 1e-60",
        "ipmt(6%, 7, 20, 1000) + ppmt(6%, 7, 20, 1000) == pmt(6%, 20, 1000)",
        "sum([ipmt(6%, p, 20, 1000, 0, 1) for p in 1..20]) == cumipmt(6%, 20, 1000, 1, 20, 1)",
        "sum([ppmt(6%, p, 20, 1000, 0, 1) for p in 1..20]) == -1000",
        "effect(nominal(9%, 12), 12) - 9% < 1e-70",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        result r = run(cases[i], 10);
        cr_expect(r.value && strcmp(r.value, "true") == 0, "%s: %s", cases[i],
                  r.value ? r.value : r.message);
        result_free(&r);
    }
}

Test(finance, irr_returns_the_root_nearest_the_guess_and_irr_all_lists_every_root)
{
    expect_value("irr([-100, 230, -132])",
                 "\xe2\x89\x88"
                 "0.1",
                 true);
    expect_value("irr([-100, 230, -132], 16%)",
                 "\xe2\x89\x88"
                 "0.2",
                 true);
    expect_value("irr([-100, 230, -132], -50%)",
                 "\xe2\x89\x88"
                 "0.1",
                 true);
    expect_value("irr_all([-1, 10, -35, 50, -24])",
                 "[\xe2\x89\x88"
                 "0, \xe2\x89\x88"
                 "1, \xe2\x89\x88"
                 "2, \xe2\x89\x88"
                 "3]",
                 false);
    expect_value("irr_all([-1, 10, -35, 50, -24], 50%, 250%)",
                 "[\xe2\x89\x88"
                 "1, \xe2\x89\x88"
                 "2]",
                 false);
    expect_value("irr_all([-100, 50])",
                 "[\xe2\x89\x88"
                 "-0.5]",
                 false);
    expect_value("count(irr_all([100, 50]))", "0", false);
    /* a one-sign-change set: the guess cannot change the answer */
    expect_value("irr([-100, 60, 60], 500%) == irr([-100, 60, 60], -90%)", "true", false);
}

/* ---- errors ------------------------------------------------------------------------------ */

static void expect_error(const char *src, const char *code, size_t col, const char *fragment)
{
    result r = run(src, 10);
    cr_expect(r.code != NULL, "%s should fail with %s, gave %s", src, code,
              r.value ? r.value : "?");
    if (r.code) {
        cr_expect(eq(str, r.code, (char *)code), "%s: %s", src, r.message);
        cr_expect(r.line == 1 && r.col == col, "%s: error at %zu:%zu, want 1:%zu", src, r.line,
                  r.col, col);
        cr_expect(strstr(r.message, fragment) != NULL, "%s: message '%s' lacks '%s'", src,
                  r.message, fragment);
    }
    result_free(&r);
}

Test(finance, errors_name_the_problem_and_point_at_the_argument)
{
    expect_error("irr([100, 50, 0])", "math-no-root", 5, "never change sign");
    expect_error("xirr([-1, -2], [2025-01-01, 2026-01-01])", "math-no-root", 6,
                 "never change sign");
    expect_error("rate(10, 100, 100)", "math-no-root", 1, "same sign");
    expect_error("irr([-100, 230, -133])", "math-no-root", 5, "does not cross zero");
    expect_error("xnpv(5%, [-1, 2], [2025-06-30, 2025-01-01])", "math-date-order", 19,
                 "date 2 (2025-01-01) is before the first date (2025-06-30)");
    expect_error("xirr([-1, 2, 3], [2025-06-30, 2025-07-01])", "type-list-length", 18,
                 "3 values but 2 dates");
    expect_error("xnpv(5%, [-1, 2], [2025-06-30, 2025Q3])", "type-arg", 19, "quarterly");
    expect_error("pv(5%, 10, -100, 0, 2)", "type-arg", 21, "0 (payments at the end");
    expect_error("s 2025 = 1; pv(s, 10, -100)", "type-arg", 16, "got a series");
    expect_error("pv(5%, 10)", "type-arity", 1, "takes 3 to 5 arguments, got 2");
    expect_error("ipmt(5%, 11, 10, 1000)", "math-arg-range", 10, "per must be a whole period");
    expect_error("cumipmt(5%, 10, 1000, 5, 3, 0)", "math-arg-range", 23, "after the end");
    expect_error("npv(-100%, [1, 2])", "math-div-zero", 5, "-100%");
    expect_error("payback([-100, 20, 30])", "math-no-payback", 9, "never pay back");
    expect_error("mirr([1, 2, 3], 10%, 10%)", "math-domain", 6, "one negative and one positive");
    expect_error("q 2025Q1..2025Q4 = [1, 2, 3, 4]; yoy(q, 2025Q4)", "name-no-period", 41,
                 "no value for 2024Q4");
    expect_error("q 2025Q1..2025Q4 = [1, 2, 3, 4]; cagr(q, 2025Q1, 2026Q1)", "name-no-period", 50,
                 "no value for 2026Q1");
    expect_error("ddb(2400, 300, 10, 11)", "math-arg-range", 20, "at most the life");
    expect_error("db(1000, 100, 5, 6)", "math-arg-range", 18, "at most the life");
    expect_error("vdb(2400, 300, 10, 4, 3)", "math-arg-range", 23, "before the start");
    expect_error("nper(5%, -50, 1000)", "math-no-root", 10, "only covers the interest");
    expect_error("share(1, 0)", "math-div-zero", 10, "the total is 0");
    expect_error("a 2024..2025 = [1, 2]; b 2024..2025 = [3, 0]; margin(a, b)", "math-div-zero", 57,
                 "the revenue for 2025 is 0");
}
