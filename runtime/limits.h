/* limits.h - every resource limit cx enforces, with its default.
 * Each limit can be changed through cx_options (include/cx.h) and a
 * command-line flag; docs/reliability.md lists them. */
#ifndef CX_LIMITS_H
#define CX_LIMITS_H

#define CX_DEFAULT_MAX_SOURCE_BYTES  (64L * 1024 * 1024) /* --max-source */
#define CX_DEFAULT_MAX_NESTING       256                 /* brackets/operators, --max-nesting */
#define CX_DEFAULT_MAX_CALL_DEPTH    1000                /* user function calls, --max-depth */
#define CX_DEFAULT_MAX_RESULT_DIGITS 1000000L /* decimal digits per number, --max-digits */
#define CX_MAX_LITERAL_DIGITS        100000   /* digits in one number literal */
#define CX_MAX_IDENT_BYTES           1024     /* bytes in one identifier */
#define CX_MAX_STRING_BYTES          (16L * 1024 * 1024)
#define CX_DEFAULT_MAX_INCLUDE_DEPTH 64       /* nested include, --max-includes */
#define CX_MAX_INCLUDES              1000     /* files included in one run */
#define CX_DEFAULT_MAX_SERIES        1000000L /* periods in one series or list, --max-series */
#define CX_DEFAULT_MAX_MEMORY_MB     1024L    /* GMP/MPFR memory, --max-memory */
#define CX_DEFAULT_TIMEOUT_MS        60000L /* one run in the library; the cx program: none (--timeout) */
#define CX_MAX_TIMEOUT_MS            (1000L * 60 * 60 * 24 * 365) /* a year */
#define CX_DEFAULT_PRECISION_BITS    256 /* MPFR precision of approximate values, --precision */
#define CX_MAX_PRECISION_BITS        1000000L
#define CX_DEFAULT_DIGITS            10 /* significant digits shown for cut values, --digits */
#define CX_MAX_DIGITS                1000
#define CX_MAX_SCENARIOS             100 /* scenarios a script declares */
#define CX_MAX_SCENARIOS_TEXT        "100"
#define CX_MAX_RERUN_STATEMENTS      1000000L /* statements run again for scenarios, one run */
#define CX_MAX_BOUND_TERMS           10000    /* inputs and steps one bounded value depends on */
#define CX_MAX_BOUND_SYMBOLS         100000   /* bounded inputs and steps made in one state */
#define CX_MAX_SYNTAX_ERRORS         20       /* syntax errors reported per file */
#define CX_BITS_PER_DIGIT            3.3219280948873623 /* log2(10), used only for estimates */

#endif
