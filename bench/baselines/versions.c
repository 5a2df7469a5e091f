/* versions.c - not a workload: prints the GMP and MPFR versions the C
 * baselines were linked with, for the footer of the table. */
#include <gmp.h>
#include <mpfr.h>
#include <stdio.h>

int main(void)
{
    printf("GMP %s, MPFR %s\n", gmp_version, mpfr_get_version());
    return 0;
}
