/* test_roots.c - stdlib/roots.c: refining a bracketed root in MPFR to the
 * precision asked for, exact zeros, failures reported as statuses, and the
 * grid scan for every sign change. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <math.h>
#include <stdlib.h>
#include "../../stdlib/roots.h"

static int square_minus_two(mpfr_t y, const mpfr_t x, void *ud)
{
    (void)ud;
    mpfr_sqr(y, x, MPFR_RNDN);
    mpfr_sub_ui(y, y, 2, MPFR_RNDN);
    return 0;
}

static int cube(mpfr_t y, const mpfr_t x, void *ud)
{
    (void)ud;
    mpfr_pow_ui(y, x, 3, MPFR_RNDN);
    return 0;
}

static int no_root(mpfr_t y, const mpfr_t x, void *ud)
{
    (void)ud;
    mpfr_sqr(y, x, MPFR_RNDN);
    mpfr_add_ui(y, y, 1, MPFR_RNDN);
    return 0;
}

static int fails_above_one(mpfr_t y, const mpfr_t x, void *ud)
{
    (void)ud;
    if (mpfr_cmp_ui(x, 1) > 0) return 1;
    mpfr_sub_d(y, x, 5, MPFR_RNDN);
    return 0;
}

/* Flat far from the root, steep near it: plain false position crawls here. */
static int stubborn(mpfr_t y, const mpfr_t x, void *ud)
{
    (void)ud;
    mpfr_sub_d(y, x, 0.9, MPFR_RNDN);
    mpfr_pow_ui(y, y, 11, MPFR_RNDN);
    mpfr_add_d(y, y, 1e-12, MPFR_RNDN);
    return 0;
}

/* (x - 1)(x - 2)(x - 3)(x - 3.001) */
static int four_roots(mpfr_t y, const mpfr_t x, void *ud)
{
    (void)ud;
    mpfr_t t;
    mpfr_init2(t, mpfr_get_prec(y));
    mpfr_sub_ui(y, x, 1, MPFR_RNDN);
    mpfr_sub_ui(t, x, 2, MPFR_RNDN);
    mpfr_mul(y, y, t, MPFR_RNDN);
    mpfr_sub_ui(t, x, 3, MPFR_RNDN);
    mpfr_mul(y, y, t, MPFR_RNDN);
    mpfr_set_str(t, "3.001", 10, MPFR_RNDN);
    mpfr_sub(t, x, t, MPFR_RNDN);
    mpfr_mul(y, y, t, MPFR_RNDN);
    mpfr_clear(t);
    return 0;
}

/* |got - want| <= 2^-bits |want| */
static bool agrees(const mpfr_t got, const mpfr_t want, long bits)
{
    mpfr_t d;
    mpfr_init2(d, mpfr_get_prec(got) + 64);
    mpfr_sub(d, got, want, MPFR_RNDN);
    mpfr_abs(d, d, MPFR_RNDN);
    mpfr_div(d, d, want, MPFR_RNDN);
    mpfr_abs(d, d, MPFR_RNDN);
    bool ok = mpfr_cmp_ui_2exp(d, 1, -bits) <= 0;
    mpfr_clear(d);
    return ok;
}

Test(roots, refines_a_bracketed_root_to_the_precision_asked_for)
{
    mpfr_t lo, hi, r, want;
    mpfr_inits2(256, lo, hi, r, want, (mpfr_ptr)0);
    mpfr_set_ui(lo, 1, MPFR_RNDN);
    mpfr_set_ui(hi, 2, MPFR_RNDN);
    size_t evals = 0;
    cr_assert(
        eq(int, cx_root_bracketed(r, square_minus_two, NULL, lo, hi, 256, &evals), CX_ROOT_OK));
    mpfr_sqrt_ui(want, 2, MPFR_RNDN);
    cr_expect(agrees(r, want, 254));
    cr_expect(evals < 40, "superlinear: %zu evaluations", evals);
    /* the bracket may be given either way round */
    cr_assert(eq(int, cx_root_bracketed(r, square_minus_two, NULL, hi, lo, 256, NULL), CX_ROOT_OK));
    cr_expect(agrees(r, want, 254));
    mpfr_clears(lo, hi, r, want, (mpfr_ptr)0);
}

Test(roots, a_root_at_zero_comes_out_exactly_zero)
{
    mpfr_t lo, hi, r;
    mpfr_inits2(128, lo, hi, r, (mpfr_ptr)0);
    mpfr_set_si(lo, -1, MPFR_RNDN);
    mpfr_set_ui(hi, 3, MPFR_RNDN);
    cr_assert(eq(int, cx_root_bracketed(r, cube, NULL, lo, hi, 128, NULL), CX_ROOT_OK));
    bool zero = mpfr_zero_p(r) != 0;
    cr_expect(zero);
    mpfr_clears(lo, hi, r, (mpfr_ptr)0);
}

Test(roots, failures_are_statuses_not_wrong_roots)
{
    mpfr_t lo, hi, r;
    mpfr_inits2(128, lo, hi, r, (mpfr_ptr)0);
    mpfr_set_si(lo, -1, MPFR_RNDN);
    mpfr_set_ui(hi, 3, MPFR_RNDN);
    cr_expect(
        eq(int, cx_root_bracketed(r, no_root, NULL, lo, hi, 128, NULL), CX_ROOT_NO_SIGN_CHANGE));
    cr_expect(
        eq(int, cx_root_bracketed(r, fails_above_one, NULL, lo, hi, 128, NULL), CX_ROOT_EVAL));
    mpfr_clears(lo, hi, r, (mpfr_ptr)0);
}

Test(roots, the_bisection_safeguard_bounds_the_work_on_a_stubborn_function)
{
    mpfr_t lo, hi, r, want;
    mpfr_inits2(256, lo, hi, r, want, (mpfr_ptr)0);
    mpfr_set_ui(lo, 0, MPFR_RNDN);
    mpfr_set_ui(hi, 5, MPFR_RNDN);
    size_t evals = 0;
    cr_assert(eq(int, cx_root_bracketed(r, stubborn, NULL, lo, hi, 256, &evals), CX_ROOT_OK));
    /* root: 0.9 - (1e-12)^(1/11), with the same binary constants as f */
    mpfr_set_d(want, 1e-12, MPFR_RNDN);
    mpfr_rootn_ui(want, want, 11, MPFR_RNDN);
    mpfr_neg(want, want, MPFR_RNDN);
    mpfr_add_d(want, want, 0.9, MPFR_RNDN);
    cr_expect(agrees(r, want, 200));
    cr_expect(evals < 4 * (256 + 64), "%zu evaluations", evals);
    mpfr_clears(lo, hi, r, want, (mpfr_ptr)0);
}

Test(roots, the_scan_finds_every_sign_change_including_exact_zeros_on_the_grid)
{
    mpfr_t lo, hi, want;
    mpfr_inits2(200, lo, hi, want, (mpfr_ptr)0);
    mpfr_set_ui(lo, 0, MPFR_RNDN);
    mpfr_set_ui(hi, 4, MPFR_RNDN);
    mpfr_t *roots;
    size_t n;
    /* a grid of 0.04 puts 1, 2 and 3 on grid points and cannot separate 3
     * from 3.001: both vanish together, so the sign does not change there */
    cr_assert(eq(int, cx_root_all(&roots, &n, four_roots, NULL, lo, hi, 100, 200), CX_ROOT_OK));
    cr_assert(eq(sz, n, 3));
    for (size_t i = 0; i < 3; i++) {
        mpfr_set_ui(want, i + 1, MPFR_RNDN);
        cr_expect(agrees(roots[i], want, 190), "root %zu", i);
    }
    cx_root_values_free(roots, n);
    /* a finer grid separates them */
    cr_assert(eq(int, cx_root_all(&roots, &n, four_roots, NULL, lo, hi, 10000, 200), CX_ROOT_OK));
    cr_assert(eq(sz, n, 4));
    mpfr_set_str(want, "3.001", 10, MPFR_RNDN);
    cr_expect(agrees(roots[3], want, 190));
    cx_root_values_free(roots, n);
    mpfr_clears(lo, hi, want, (mpfr_ptr)0);
}

Test(roots, a_scan_without_sign_changes_finds_nothing)
{
    mpfr_t lo, hi;
    mpfr_inits2(64, lo, hi, (mpfr_ptr)0);
    mpfr_set_si(lo, -5, MPFR_RNDN);
    mpfr_set_ui(hi, 5, MPFR_RNDN);
    cx_root_bracket *b;
    size_t n;
    cr_assert(eq(int, cx_root_scan(&b, &n, no_root, NULL, lo, hi, 50, 64), CX_ROOT_OK));
    cr_expect(eq(sz, n, 0));
    cx_root_brackets_free(b, n);
    mpfr_clears(lo, hi, (mpfr_ptr)0);
}

/* x - 2, failing strictly between 1.5 and 1.9 (where a refinement looks). */
static int fails_inside(mpfr_t y, const mpfr_t x, void *ud)
{
    (void)ud;
    if (mpfr_cmp_d(x, 1.5) > 0 && mpfr_cmp_d(x, 1.9) < 0) return 1;
    mpfr_sub_ui(y, x, 2, MPFR_RNDN);
    return 0;
}

/* x^2 - 2, failing between 1.2 and 1.3, where the first step from [1, 3]
 * lands (1 + 2 * 1/8 = 1.25). */
static int fails_near_the_first_step(mpfr_t y, const mpfr_t x, void *ud)
{
    if (mpfr_cmp_d(x, 1.2) > 0 && mpfr_cmp_d(x, 1.3) < 0) return 1;
    return square_minus_two(y, x, ud);
}

Test(roots, a_root_at_the_upper_end_is_that_end)
{
    mpfr_t lo, hi, r;
    mpfr_inits2(64, lo, hi, r, (mpfr_ptr)0);
    mpfr_set_ui(lo, 0, MPFR_RNDN);
    mpfr_set_ui(hi, 2, MPFR_RNDN);
    cr_assert(eq(int, cx_root_bracketed(r, fails_inside, NULL, lo, hi, 64, NULL), CX_ROOT_OK));
    cr_assert(eq(int, mpfr_cmp_ui(r, 2), 0));
    mpfr_clears(lo, hi, r, (mpfr_ptr)0);
}

Test(roots, a_failed_evaluation_inside_the_bracket_is_reported)
{
    mpfr_t lo, hi, r;
    mpfr_inits2(64, lo, hi, r, (mpfr_ptr)0);
    mpfr_set_ui(lo, 1, MPFR_RNDN);
    mpfr_set_ui(hi, 3, MPFR_RNDN);
    cr_assert(eq(int, cx_root_bracketed(r, fails_near_the_first_step, NULL, lo, hi, 64, NULL),
                 CX_ROOT_EVAL));
    mpfr_clears(lo, hi, r, (mpfr_ptr)0);
}

Test(roots, a_failed_evaluation_stops_the_scan_and_finds_nothing)
{
    mpfr_t lo, hi;
    mpfr_inits2(64, lo, hi, (mpfr_ptr)0);
    mpfr_set_ui(lo, 0, MPFR_RNDN);
    mpfr_set_ui(hi, 4, MPFR_RNDN);
    cx_root_bracket *br = NULL;
    size_t n = 99;
    cr_assert(eq(int, cx_root_scan(&br, &n, fails_inside, NULL, lo, hi, 40, 64), CX_ROOT_EVAL));
    cr_assert(eq(ptr, br, NULL));
    cr_assert(eq(sz, n, 0));
    mpfr_t *roots = NULL;
    n = 99;
    cr_assert(eq(int, cx_root_all(&roots, &n, fails_inside, NULL, lo, hi, 40, 64), CX_ROOT_EVAL));
    cr_assert(eq(sz, n, 0));
    mpfr_clears(lo, hi, (mpfr_ptr)0);
}

Test(roots, every_root_refined_in_ascending_order)
{
    mpfr_t lo, hi;
    mpfr_inits2(64, lo, hi, (mpfr_ptr)0);
    mpfr_set_d(lo, -3, MPFR_RNDN);
    mpfr_set_d(hi, 3, MPFR_RNDN);
    mpfr_t *roots = NULL;
    size_t n = 0;
    cr_assert(eq(int, cx_root_all(&roots, &n, square_minus_two, NULL, lo, hi, 50, 64), CX_ROOT_OK));
    cr_assert(eq(sz, n, 2));
    cr_assert(lt(dbl, fabs(mpfr_get_d(roots[0], MPFR_RNDN) + 1.4142135623730951), 1e-15));
    cr_assert(lt(dbl, fabs(mpfr_get_d(roots[1], MPFR_RNDN) - 1.4142135623730951), 1e-15));
    cx_root_values_free(roots, n);
    mpfr_clears(lo, hi, (mpfr_ptr)0);
}
