/* 5_compound.c - product(1 + 5% for i in 1..30000) * 1000 as an mpq_t loop,
 * printed as the exact decimal (60,636 digits). */
#include "common.h"

int main(void)
{
    mpq_t p, rate, k;
    mpq_inits(p, rate, k, NULL);
    mpq_set_ui(rate, 105, 100);
    mpq_canonicalize(rate);
    mpq_set_ui(p, 1, 1);
    for (int i = 1; i <= 30000; i++)
        mpq_mul(p, p, rate);
    mpq_set_ui(k, 1000, 1);
    mpq_mul(p, p, k);
    print_exact(p);
    mpq_clears(p, rate, k, NULL);
    return 0;
}
