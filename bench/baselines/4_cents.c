/* 4_cents.c - v = round(v * 1.13, 2) over 100,000 periods from v = 100, as
 * an mpq_t loop: a rational product, then rounding to cents half away from
 * zero (n = floor((2 |p| 100 + q) / 2q), with p/q's sign).  Keeps only the
 * latest value; cx keeps the last period of its series and computes the
 * others again if they are read (docs/language.md, "Long recurrences"). */
#include "common.h"

/* q = x rounded half away from zero to 2 decimals */
static void round2(mpq_t q, const mpq_t x, mpz_t t)
{
    mpz_mul_ui(t, mpq_numref(x), 200);
    mpz_abs(t, t);
    mpz_add(t, t, mpq_denref(x));
    mpz_mul_2exp(mpq_denref(q), mpq_denref(x), 1);
    mpz_fdiv_q(mpq_numref(q), t, mpq_denref(q));
    if (mpq_sgn(x) < 0)
        mpz_neg(mpq_numref(q), mpq_numref(q));
    mpz_set_ui(mpq_denref(q), 100);
    mpq_canonicalize(q);
}

int main(void)
{
    mpq_t v, rate, prod;
    mpz_t t;
    mpq_inits(v, rate, prod, NULL);
    mpz_init(t);
    set_decimal(rate, "1.13");
    mpq_set_ui(v, 100, 1);
    for (int period = 1; period <= 100000; period++) {
        mpq_mul(prod, v, rate);
        round2(v, prod, t);
    }
    print_exact(v);
    mpq_clears(v, rate, prod, NULL);
    mpz_clear(t);
    return 0;
}
