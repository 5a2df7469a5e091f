/* test_numalloc.c - runtime/numalloc.c: GMP/MPFR bytes are counted, the
 * soft limit raises a sticky flag without failing the allocation, and
 * install is idempotent.  Criterion runs each test in its own process, so
 * installing the process-wide hooks here touches no other test. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <gmp.h>
#include <mpfr.h>
#include "../../runtime/numalloc.h"

static void setup(void)
{
    cx_numalloc_install();
    cx_numalloc_set_limit(0);
    cx_numalloc_reset();
}

static void teardown(void) { mpfr_free_cache(); }

TestSuite(numalloc, .init = setup, .fini = teardown);

Test(numalloc, gmp_allocations_are_counted_and_released)
{
    size_t before = cx_numalloc_in_use();
    mpz_t z;
    mpz_init(z);
    mpz_ui_pow_ui(z, 10, 100000); /* about 41 KB of limbs */
    size_t during = cx_numalloc_in_use();
    cr_assert(ge(sz, during - before, 40000));
    mpz_clear(z);
    cr_assert(eq(sz, cx_numalloc_in_use(), before));
}

Test(numalloc, mpfr_allocations_are_counted_too)
{
    size_t before = cx_numalloc_in_use();
    mpfr_t f;
    mpfr_init2(f, 100000);
    cr_assert(ge(sz, cx_numalloc_in_use() - before, 100000 / 8));
    mpfr_clear(f);
    cr_assert(eq(sz, cx_numalloc_in_use(), before));
}

Test(numalloc, passing_the_soft_limit_sets_a_sticky_flag)
{
    cx_numalloc_set_limit(cx_numalloc_in_use() + 10000);
    cr_assert(not(cx_numalloc_over_limit()));
    mpz_t z;
    mpz_init(z);
    mpz_ui_pow_ui(z, 3, 200000); /* ~40 KB: over the limit, still computed */
    cr_assert(eq(int, mpz_odd_p(z) != 0, 1));
    cr_assert(cx_numalloc_over_limit());
    mpz_clear(z);
    cr_assert(cx_numalloc_over_limit()); /* sticky after the memory is gone */
    cx_numalloc_reset();
    cr_assert(not(cx_numalloc_over_limit()));
}

Test(numalloc, no_limit_means_no_flag)
{
    mpz_t z;
    mpz_init(z);
    mpz_ui_pow_ui(z, 7, 300000);
    cr_assert(not(cx_numalloc_over_limit()));
    mpz_clear(z);
}

Test(numalloc, install_is_idempotent)
{
    size_t before = cx_numalloc_in_use();
    cx_numalloc_install();
    mpz_t z;
    mpz_init_set_ui(z, 1);
    mpz_mul_2exp(z, z, 80000);
    cr_assert(gt(sz, cx_numalloc_in_use(), before));
    mpz_clear(z);
    cr_assert(eq(sz, cx_numalloc_in_use(), before));
}
