/* helpers.h - shared by the unit tests: run cx source through the public API
 * and get back what it printed and the first error, as strings. */
#ifndef CX_TEST_HELPERS_H
#define CX_TEST_HELPERS_H

#include <stdbool.h>
#include <stdint.h>
#include "cx.h"

/* A deterministic pseudo-random sequence (xorshift64) for the tests that
 * check operands against a reference; *state must not start at 0. */
static inline uint64_t test_rng(uint64_t *state)
{
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    return *state;
}

typedef struct run_result {
    cx_run_status status;
    char *out;   /* every output record's text, one per line */
    char *error; /* the first error rendered without colour, or NULL */
    size_t n_errors;
} run_result;

/* Runs `src` in a new state (script mode unless repl). */
run_result run_cx(const char *src, bool repl);
void run_result_free(run_result *r);

/* Asserts that `src` runs without an error and prints exactly `want`. */
void expect_clean_out(const char *src, const char *want);
/* Asserts that `src` stops with a script error whose first line is
 * `first_line`. */
void expect_first_error(const char *src, const char *first_line);

#endif
