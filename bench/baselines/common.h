/* common.h - what the C baselines share: printing an exact rational the way
 * cx shows it (a terminating decimal in full, otherwise p/q) and a checked
 * start.  Each baseline is the floor for one workload: the same exact work,
 * written the plain way on GMP (and MPFR for the IRR), with no cleverness
 * beyond what a C programmer would write on a first try. */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prints q in full: as a decimal when its denominator is 2^a 5^b (every
 * digit, no exponent), otherwise as p/q.  Either form is exact. */
static inline void print_exact(const mpq_t q)
{
    mpz_t rest, scaled;
    mpz_inits(rest, scaled, NULL);
    mp_bitcnt_t twos = mpz_scan1(mpq_denref(q), 0);
    mpz_tdiv_q_2exp(rest, mpq_denref(q), twos);
    mpz_t five;
    mpz_init_set_ui(five, 5);
    mp_bitcnt_t fives = mpz_remove(rest, rest, five);
    mpz_clear(five);
    if (mpz_cmp_ui(rest, 1) != 0) { /* does not terminate */
        gmp_printf("%Qd\n", q);
        mpz_clears(rest, scaled, NULL);
        return;
    }
    unsigned long places = twos > fives ? twos : fives;
    /* scaled = |p| * 10^places / q, exact */
    mpz_ui_pow_ui(scaled, 10, places);
    mpz_mul(scaled, scaled, mpq_numref(q));
    mpz_abs(scaled, scaled);
    mpz_divexact(scaled, scaled, mpq_denref(q));
    char *digits = mpz_get_str(NULL, 10, scaled);
    size_t len = strlen(digits);
    if (mpq_sgn(q) < 0)
        putchar('-');
    if (places == 0) {
        fputs(digits, stdout);
    } else if (len > places) {
        fwrite(digits, 1, len - places, stdout);
        putchar('.');
        fputs(digits + len - places, stdout);
    } else {
        fputs("0.", stdout);
        for (size_t i = len; i < places; i++)
            putchar('0');
        fputs(digits, stdout);
    }
    putchar('\n');
    void (*gmp_free)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &gmp_free);
    gmp_free(digits, len + 1);
    mpz_clears(rest, scaled, NULL);
}

/* Sets q to the decimal literal s ("200000.25"), exactly. */
static inline void set_decimal(mpq_t q, const char *s)
{
    const char *dot = strchr(s, '.');
    size_t places = dot ? strlen(dot + 1) : 0;
    char *buf = malloc(strlen(s) + 1);
    char *o = buf;
    for (const char *p = s; *p; p++)
        if (*p != '.')
            *o++ = *p;
    *o = '\0';
    if (mpz_set_str(mpq_numref(q), buf, 10) != 0) {
        fprintf(stderr, "not a decimal: %s\n", s);
        exit(2);
    }
    free(buf);
    mpz_ui_pow_ui(mpq_denref(q), 10, places);
    mpq_canonicalize(q);
}

#endif
