/* roots.h - bracketed root finding in MPFR for the financial built-ins (irr,
 * xirr, rate): refine a root from a guaranteed sign change, and find every
 * sign change of a function on a grid.  Nothing here is specific to money.
 *
 * The function is given as a callback that writes f(x) into y at y's
 * precision (the working precision, chosen here as prec + CX_ROOT_GUARD).
 * A callback that cannot evaluate (overflow, domain) returns non-zero and the
 * search stops with CX_ROOT_EVAL: never a wrong root. */
#ifndef CX_ROOTS_H
#define CX_ROOTS_H

#include <stdbool.h>
#include <stddef.h>
#include <mpfr.h>

/* Extra bits the search works with beyond the precision asked for. */
#define CX_ROOT_GUARD 32

typedef int (*cx_root_fn)(mpfr_t y, const mpfr_t x, void *ud);

typedef enum cx_root_status {
    CX_ROOT_OK = 0,
    CX_ROOT_NO_SIGN_CHANGE, /* f(lo) and f(hi) are both non-zero with the same sign */
    CX_ROOT_EVAL,           /* the callback could not evaluate f somewhere */
    CX_ROOT_NO_CONVERGENCE, /* the iteration budget ran out (not expected: bisection bounds it) */
    CX_ROOT_NOMEM,
} cx_root_status;

/* A root of f in [lo, hi] (either order) where f(lo) and f(hi) differ in sign
 * or one is zero.  Illinois false position, with a bisection step whenever
 * three steps did not halve the bracket, so it never takes more than a few
 * times the bisection count.  Stops when the bracket is narrower than
 * 2^-prec of its smaller end (or than 2^-2prec absolutely, for a root at 0)
 * or f is exactly zero; *root (any precision) receives the end with the
 * smaller |f|.  *evals, when not NULL, counts the evaluations. */
cx_root_status cx_root_bracketed(mpfr_t root, cx_root_fn f, void *ud, const mpfr_t lo,
                                 const mpfr_t hi, mpfr_prec_t prec, size_t *evals);

/* A bracket [a, b] with a sign change (a == b for an exact zero). */
typedef struct cx_root_bracket {
    mpfr_t a, b;
} cx_root_bracket;

/* Samples f at steps + 1 equally spaced points of [lo, hi] (lo < hi) and
 * returns every interval between neighbours where the sign changes, and every
 * sample where f is exactly 0, in ascending order: *out is a malloc'ed array
 * of *n brackets (inited at prec + CX_ROOT_GUARD bits) that the caller frees
 * with cx_root_brackets_free.  Two roots closer together than the grid, or a
 * root where f touches zero without crossing, are not seen: callers that
 * need every root say so in their documentation. */
cx_root_status cx_root_scan(cx_root_bracket **out, size_t *n, cx_root_fn f, void *ud,
                            const mpfr_t lo, const mpfr_t hi, size_t steps, mpfr_prec_t prec);
void cx_root_brackets_free(cx_root_bracket *b, size_t n);

/* Every root seen by cx_root_scan, each refined by cx_root_bracketed:
 * *roots is a malloc'ed array of *n ascending values (inited at prec bits);
 * free it with cx_root_values_free. */
cx_root_status cx_root_all(mpfr_t **roots, size_t *n, cx_root_fn f, void *ud, const mpfr_t lo,
                           const mpfr_t hi, size_t steps, mpfr_prec_t prec);
void cx_root_values_free(mpfr_t *roots, size_t n);

#endif
