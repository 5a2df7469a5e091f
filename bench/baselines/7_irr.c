/* 7_irr.c - the IRR of 10,000 periodic flows (-1,000,000, then 1000 + 3i) by
 * Newton's method in MPFR at 256 bits (cx's default precision), on
 * P(x) = sum f[i] x^i with x = 1 / (1 + r) (Horner's rule, with P'(x)), from
 * a guess of 0.1% a period until a step is below 10^-45.  Prints r to 30
 * significant digits. */
#include <mpfr.h>
#include <stdio.h>

#define N 10000

int main(void)
{
    static mpfr_t f[N];
    mpfr_t x, p, d, step, eps, r;
    mpfr_set_default_prec(256);
    for (int i = 0; i < N; i++)
        mpfr_init_set_si(f[i], i == 0 ? -1000000 : 1000 + 3 * i, MPFR_RNDN);
    mpfr_inits(x, p, d, step, eps, r, (mpfr_ptr)0);
    mpfr_set_str(eps, "1e-45", 10, MPFR_RNDN);
    mpfr_set_str(x, "1.001", 10, MPFR_RNDN);
    mpfr_ui_div(x, 1, x, MPFR_RNDN);
    for (int k = 0; k < 100; k++) {
        mpfr_set_ui(p, 0, MPFR_RNDN);
        mpfr_set_ui(d, 0, MPFR_RNDN);
        for (int i = N - 1; i >= 0; i--) {
            mpfr_mul(d, d, x, MPFR_RNDN); /* d = d x + p */
            mpfr_add(d, d, p, MPFR_RNDN);
            mpfr_mul(p, p, x, MPFR_RNDN); /* p = p x + f[i] */
            mpfr_add(p, p, f[i], MPFR_RNDN);
        }
        mpfr_div(step, p, d, MPFR_RNDN);
        mpfr_sub(x, x, step, MPFR_RNDN);
        if (mpfr_cmpabs(step, eps) < 0)
            break;
    }
    mpfr_ui_div(r, 1, x, MPFR_RNDN);
    mpfr_sub_ui(r, r, 1, MPFR_RNDN);
    mpfr_printf("%.30RNg\n", r);
    for (int i = 0; i < N; i++)
        mpfr_clear(f[i]);
    mpfr_clears(x, p, d, step, eps, r, (mpfr_ptr)0);
    return 0;
}
