/* 8_factorial.c - product(i for i in 1..50000), 50,000!, as an mpz loop
 * (one mpz_mul_ui per factor; not mpz_fac_ui), printed in full. */
#include <gmp.h>
#include <stdio.h>

int main(void)
{
    mpz_t f;
    mpz_init_set_ui(f, 1);
    for (unsigned long i = 1; i <= 50000; i++)
        mpz_mul_ui(f, f, i);
    mpz_out_str(stdout, 10, f);
    putchar('\n');
    mpz_clear(f);
    return 0;
}
