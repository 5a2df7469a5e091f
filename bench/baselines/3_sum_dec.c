/* 3_sum_dec.c - sum((i * 200000.25) * 1.13 for i in 1..10^6) as an mpq_t
 * loop: each term is two rational products, then one rational sum. */
#include "common.h"

int main(void)
{
    mpq_t a, b, s, t;
    mpq_inits(a, b, s, t, NULL);
    set_decimal(a, "200000.25");
    set_decimal(b, "1.13");
    for (unsigned long i = 1; i <= 1000000; i++) {
        mpq_set_ui(t, i, 1);
        mpq_mul(t, t, a);
        mpq_mul(t, t, b);
        mpq_add(s, s, t);
    }
    print_exact(s);
    mpq_clears(a, b, s, t, NULL);
    return 0;
}
