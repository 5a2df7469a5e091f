/* test_bounds_eval.c - bounded values through the language: on random
 * small linear models written as cx scripts, the check's verdict (PASS,
 * FAIL, DEPENDS) agrees with evaluating every corner exactly; x - x is
 * exactly 0 for any bounded form, linear or not. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cx.h"
#include "helpers.h"

static unsigned long rng_state = 12345;

static long rnd(long lo, long hi) /* inclusive; a fixed sequence for reproducible runs */
{
    rng_state = rng_state * 6364136223846793005ul + 1442695040888963407ul;
    return lo + (long)((rng_state >> 33) % (unsigned long)(hi - lo + 1));
}

static const char *const ops[] = {"<", "<=", ">", ">=", "==", "!="};

/* The verdict a linear model over a box must get: its values are every
 * number from min to max (a continuous range), so the claim holds for all,
 * none or some of them. */
static const char *expected(long min, long max, int op, long t)
{
    bool all, none;
    switch (op) {
    case 0: all = max < t, none = min >= t; break;
    case 1: all = max <= t, none = min > t; break;
    case 2: all = min > t, none = max <= t; break;
    case 3: all = min >= t, none = max < t; break;
    case 4: all = min == t && max == t, none = t < min || t > max; break;
    default: all = t < min || t > max, none = min == t && max == t; break;
    }
    return all ? "PASS" : none ? "FAIL" : "DEPENDS";
}

Test(bounds_eval, verdicts_agree_with_every_corner_on_linear_models)
{
    for (int trial = 0; trial < 300; trial++) {
        int k = (int)rnd(1, 4);
        long lo[4], hi[4], c[4];
        char src[1024];
        size_t n = 0;
        for (int i = 0; i < k; i++) {
            lo[i] = rnd(-20, 20);
            hi[i] = lo[i] + rnd(1, 15);
            c[i] = rnd(-5, 5);
            n += (size_t)snprintf(src + n, sizeof src - n, "x%d = %ld to %ld;\n", i, lo[i], hi[i]);
        }
        long d = rnd(-50, 50), t = rnd(-100, 100);
        int op = (int)rnd(0, 5);
        n += (size_t)snprintf(src + n, sizeof src - n, "e = %ld", d);
        for (int i = 0; i < k; i++)
            n += (size_t)snprintf(src + n, sizeof src - n, " + %ld * x%d", c[i], i);
        snprintf(src + n, sizeof src - n, ";\ncheck e %s %ld;\n", ops[op], t);
        /* Every corner, exactly: a linear model takes its extremes there. */
        long min = 0, max = 0;
        for (int mask = 0; mask < (1 << k); mask++) {
            long v = d;
            for (int i = 0; i < k; i++) v += c[i] * (mask >> i & 1 ? hi[i] : lo[i]);
            if (mask == 0 || v < min) min = v;
            if (mask == 0 || v > max) max = v;
        }
        run_result r = run_cx(src, false);
        const char *want = expected(min, max, op, t);
        cr_assert(
            r.out != NULL && strncmp(r.out, want, strlen(want)) == 0 && r.out[strlen(want)] == ' ',
            "%s\nwant %s (corners %ld..%ld), got %s", src, want, min, max, r.out ? r.out : r.error);
        /* DEPENDS and FAIL fail the run; PASS does not. */
        cr_assert(eq(int, (int)r.status,
                     (int)(strcmp(want, "PASS") == 0 ? CX_RUN_OK : CX_RUN_CHECK_FAILED)));
        run_result_free(&r);
    }
}

Test(bounds_eval, a_form_minus_itself_is_exactly_zero)
{
    static const char *const forms[] = {
        "x", "x * y", "x / y", "x * x - 3 * y", "(x + y) ^ 3", "sqrt(x)", "1 / (x + y) + x",
    };
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
        char src[256];
        snprintf(src, sizeof src,
                 "x = 2 to 5; y = 1/3 to 7/2; f = %s; d = f - f; d; check f - f == 0;", forms[i]);
        run_result r = run_cx(src, false);
        /* One value, 0 (≈0 after an MPFR step), and the claim passes. */
        cr_assert(r.out && (strncmp(r.out, "d = 0\nPASS", 10) == 0 || strncmp(r.out,
                                                                              "d = \xe2\x89\x88"
                                                                              "0\nPASS",
                                                                              13) == 0),
                  "%s\n%s", src, r.out ? r.out : r.error);
        run_result_free(&r);
    }
}

Test(bounds_eval, a_break_even_is_exact)
{
    /* 100 * (1 + g) > 110 holds when g > 10%: exactly, not about. */
    run_result r = run_cx("g = 8% to 12%; r = 100 * (1 + g); check r > 110;", false);
    cr_assert(eq(str, r.out,
                 "DEPENDS  r > 110  [108 to 112 > 110: fails at g = 8%; holds when g > 10%]\n"));
    cr_assert(eq(int, (int)r.status, (int)CX_RUN_CHECK_FAILED));
    run_result_free(&r);
}
