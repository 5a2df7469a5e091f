/* 6_npv.c - sum(cf(i) / (1 + 8% / 12)^i for i in 1..3000), cf(i) = 1000 + 3i,
 * as an mpq_t loop that raises the rate to the i-th power for every term
 * (numerator and denominator by mpz_pow_ui), as the expression says.
 * Prints the exact fraction p/q. */
#include "common.h"

int main(void)
{
    mpq_t r, pw, cf, t, s;
    mpq_inits(r, pw, cf, t, s, NULL);
    mpq_set_ui(r, 8, 100 * 12); /* 8% / 12 */
    mpq_canonicalize(r);
    mpz_add(mpq_numref(r), mpq_numref(r), mpq_denref(r)); /* 1 + r */
    for (unsigned long i = 1; i <= 3000; i++) {
        /* a power of a canonical fraction is canonical */
        mpz_pow_ui(mpq_numref(pw), mpq_numref(r), i);
        mpz_pow_ui(mpq_denref(pw), mpq_denref(r), i);
        mpq_set_ui(cf, 1000 + 3 * i, 1);
        mpq_div(t, cf, pw);
        mpq_add(s, s, t);
    }
    print_exact(s);
    mpq_clears(r, pw, cf, t, s, NULL);
    return 0;
}
