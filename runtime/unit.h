/* unit.h - units of measure: an exact rational scale over a vector of
 * integer exponents of base dimensions.  A unit is kept as the author wrote
 * it (its symbols and their exponents, in written order: USD/employee/yr),
 * so it displays the way it was written; its dimension and scale are read
 * from the symbols:
 *
 *   currencies   ISO 4217 codes (USD, EUR, ...): one dimension each, never
 *                converted into one another (an exchange rate is a fact the
 *                script states: 1.17 USD/EUR);
 *   time (yr)    yr, half, qtr, mo: exactly 1, 1/2, 1/4, 1/12 yr;
 *   time (day)   day, week: 1 and 7 day.  The two time families are two
 *                dimensions: crossing needs a day count the author writes
 *                (365 day/yr);
 *   counts       any other name, declared by the script (`unit employee;`);
 *                the caller decides which names are declared.
 *
 * The type is cx_uom (unit of measure): lang/ast.h's cx_unit is a parsed
 * source.
 *
 * NULL is the unit of a plain number (dimensionless, scale 1).  Units are
 * immutable and reference counted; every function here that returns a
 * cx_uom * returns a new reference (or NULL for "no unit"). */
#ifndef CX_UOM_H
#define CX_UOM_H

#include <stdbool.h>
#include <stddef.h>
#include <gmp.h>

enum {
    CX_UOM_MAX_FACTORS = 16, /* distinct symbols in one unit */
    CX_UOM_MAX_SYM = 64,     /* bytes in one symbol */
    CX_UOM_MAX_EXP = 64,     /* |exponent| of one symbol */
};

typedef struct cx_uom_term {
    char sym[CX_UOM_MAX_SYM + 1];
    int exp; /* never 0 */
} cx_uom_term;

typedef struct cx_uom {
    int rc;
    int n; /* 1..CX_UOM_MAX_FACTORS */
    cx_uom_term f[CX_UOM_MAX_FACTORS];
} cx_uom;

/* What a symbol is. */
typedef enum cx_uom_sym_kind {
    CX_UOM_SYM_CURRENCY,
    CX_UOM_SYM_TIME_YR,  /* yr half qtr mo */
    CX_UOM_SYM_TIME_DAY, /* day week */
    CX_UOM_SYM_COUNT,    /* declared by the script */
    CX_UOM_SYM_UNKNOWN,
} cx_uom_sym_kind;

/* Whether name[0..len) is a declared count (the caller's registry). */
typedef bool (*cx_uom_is_count)(void *ud, const char *name, size_t len);

/* The kind of a symbol: built-in ones, then is_count (may be NULL). */
cx_uom_sym_kind cx_uom_sym_kind_of(const char *sym, size_t len, cx_uom_is_count is_count, void *ud);
/* Whether name is a built-in unit (a currency or a time unit): a count may
 * not be declared with such a name. */
bool cx_uom_is_builtin(const char *name, size_t len);
/* Whether name is an ISO 4217 currency code in use. */
bool cx_uom_is_iso_currency(const char *name, size_t len);

/* Why a unit's text did not parse. */
typedef enum cx_uom_parse_status {
    CX_UOM_PARSE_OK,
    CX_UOM_PARSE_UNKNOWN,   /* a symbol that is no unit: at/len name it */
    CX_UOM_PARSE_SYNTAX,    /* malformed text at `at` */
    CX_UOM_PARSE_TOO_LARGE, /* too many symbols, an exponent past the limit */
    CX_UOM_PARSE_NOMEM,
} cx_uom_parse_status;

/* Parses `USD/qtr`, `USD/employee/yr`, `day/yr`, `USD*yr^2`: symbols joined
 * by `*` and `/` (each `/` divides by the one symbol after it), each with an
 * optional `^N` (N a whole number, maybe negative).  *out is the unit, or
 * NULL when the symbols cancel (`yr/yr`); the text's own exact factor of
 * such a cancellation (`yr/qtr` is 4) goes to `factor` (may be NULL, then
 * it must be 1).  On failure *at and *len locate the fault in text. */
cx_uom_parse_status cx_uom_parse(const char *text, size_t len, cx_uom_is_count is_count, void *ud,
                                 cx_uom **out, mpq_t factor, size_t *at, size_t *bad_len);

cx_uom *cx_uom_ref(cx_uom *u); /* NULL-safe; returns u */
void cx_uom_unref(cx_uom *u);  /* NULL-safe */

/* How a product or power of units went: out of memory is not a unit too
 * large (the caller reports each as what it is). */
typedef enum cx_uom_status { CX_UOM_OK = 0, CX_UOM_TOO_LARGE, CX_UOM_NOMEM } cx_uom_status;

/* The product a * b^sign (sign +1 multiplies, -1 divides).  Symbols of one
 * dimension are brought to the first one written (USD/qtr * yr is 4 USD):
 * the exact factor this takes multiplies the value and is stored in
 * `factor` (set to 1 first).  *out is NULL when the result is
 * dimensionless. */
cx_uom_status cx_uom_mul(const cx_uom *a, const cx_uom *b, int sign, cx_uom **out, mpq_t factor);
/* a^n (n may be negative or 0). */
cx_uom_status cx_uom_pow(const cx_uom *a, long n, cx_uom **out);

/* Whether a and b measure the same dimension (NULL: dimensionless). */
bool cx_uom_same_dim(const cx_uom *a, const cx_uom *b);
/* Whether a and b are written with the same symbols and exponents. */
bool cx_uom_equal(const cx_uom *a, const cx_uom *b);
/* The factor that turns an amount in `from` into one in `to`:
 * x from == x * factor to.  Requires cx_uom_same_dim(from, to). */
void cx_uom_factor(const cx_uom *from, const cx_uom *to, mpq_t factor);

/* Whether the unit is a flow: exactly one time symbol, with exponent -1
 * (USD/qtr, employee/yr).  *sym is that symbol's index. */
bool cx_uom_time_denominator(const cx_uom *u, int *sym);
/* u with its time denominator replaced by `sym` (yr) or removed (NULL sym). */
cx_uom *cx_uom_with_time(const cx_uom *u, const char *sym);

/* Text, malloc'ed (NULL on failure):
 *   cx_uom_text      the unit as written: "USD/employee/yr", "USD*yr", "1/yr"
 *   cx_uom_dim_text  its dimension: "USD / time(yr)", "1 (no unit)"
 *   cx_uom_show      a number's text with its unit: "$6,000,000,000/yr",
 *                     "-$4.8B/qtr", "1,200 EUR", "30,000 employee",
 *                     "8%/yr"; USD^1 first shows as a `$` prefix. */
char *cx_uom_text(const cx_uom *u);
char *cx_uom_dim_text(const cx_uom *u);
char *cx_uom_show(const char *num_text, const cx_uom *u);

/* A factor for a hint: "×4", "÷4", "×2/3". */
char *cx_uom_factor_text(const mpq_t f);

/* The message and hint of a dimension or scale mismatch between two sides
 * written as lhs and rhs (source text, quoted in the hint), for operator
 * op ("+", "<", "as", ...).  *msg, *hint and *notes are malloc'ed (notes:
 * two lines aligning both sides' units and dimensions, Numbat-style, joined
 * by '\n').  false when out of memory. */
bool cx_uom_mismatch(const cx_uom *a, const cx_uom *b, const char *lhs, const char *rhs,
                     const char *op, char **msg, char **hint, char **notes);

#endif
