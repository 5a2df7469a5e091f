/* 1_startup.c - the start-up floor: a C program that links GMP, computes
 * 1 + 1 as rationals and prints 2.  Its time is process creation, dynamic
 * loading of libgmp and libmpfr, and one printf. */
#include <gmp.h>

int main(void)
{
    mpq_t a;
    mpq_init(a);
    mpq_set_ui(a, 1, 1);
    mpq_add(a, a, a);
    gmp_printf("%Qd\n", a);
    mpq_clear(a);
    return 0;
}
