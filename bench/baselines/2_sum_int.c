/* 2_sum_int.c - sum(i * (i + 1) for i in 1..1000000) with mpz, GMP's exact
 * integer type (the work is integer-only, so mpq would only add a
 * denominator of 1 to every operation). */
#include <gmp.h>

int main(void)
{
    mpz_t s, t;
    mpz_inits(s, t, NULL);
    for (unsigned long i = 1; i <= 1000000; i++) {
        mpz_set_ui(t, i);
        mpz_mul_ui(t, t, i + 1);
        mpz_add(s, s, t);
    }
    gmp_printf("%Zd\n", s);
    mpz_clears(s, t, NULL);
    return 0;
}
