/* values.c - implements the "values, exactly" part of include/cx.h: a host
 * reads any value of a state (or of an output record) by kind, numbers as
 * exact numerator and denominator digits, plain decimals or display text,
 * lists and series item by item.  Everything here reads; nothing changes a
 * value, so pointers stay borrowed from the state. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "display.h"
#include "state.h"
#include "../runtime/unit.h"
#include "../runtime/format.h"
#include "../runtime/limits.h"
#include "../runtime/series.h"

/* Past this binary exponent an approximate number's exact fraction would
 * run to hundreds of thousands of digits: refused (format.c's bound). */
#define EXACT_EXP_MAX ((mpfr_exp_t)1 << 21)

const cx_value *cx_state_value(const cx_state *st, const char *name)
{
    if (!st || !name) return NULL;
    const cx_binding *b = cx_env_global(&st->env, name);
    /* A series with a bound in a period is not numbers only: no host reads
     * it as if it were (cx.h); nor one that does not keep every value. */
    if (!b || b->n_bound_periods) return NULL;
    if (b->value.kind == CX_VAL_SERIES && !cx_series_whole(b->value.u.series)) return NULL;
    return &b->value;
}

cx_kind cx_value_kind(const cx_value *v)
{
    if (!v) return CX_KIND_NONE;
    switch (v->kind) {
    case CX_VAL_NONE: return CX_KIND_NONE;
    case CX_VAL_NUM: return CX_KIND_NUMBER;
    case CX_VAL_BOOL: return CX_KIND_BOOLEAN;
    case CX_VAL_STR: return CX_KIND_STRING;
    case CX_VAL_PERIOD: return CX_KIND_PERIOD;
    case CX_VAL_LIST: return CX_KIND_LIST;
    case CX_VAL_SERIES: return CX_KIND_SERIES;
    case CX_VAL_RANGE: return CX_KIND_RANGE;
    case CX_VAL_FUNC: return CX_KIND_FUNCTION;
    case CX_VAL_BOUND: return CX_KIND_BOUND;
    }
    return CX_KIND_NONE;
}

const char *cx_kind_name(cx_kind kind)
{
    static const char *const names[] = {"none", "number", "boolean", "string",   "period",
                                        "list", "series", "range",   "function", "bound"};
    unsigned k = (unsigned)kind;
    return k < sizeof names / sizeof *names ? names[k] : "none";
}

char *cx_value_text(const cx_value *v, int digits)
{
    if (!v) return NULL;
    if (digits < 1) digits = 1;
    if (digits > CX_MAX_DIGITS) digits = CX_MAX_DIGITS;
    return cx_display_value(v, digits);
}

char *cx_value_unit(const cx_value *v)
{
    if (!v || !v->unit) return NULL;
    return cx_uom_text(v->unit);
}

const cx_number *cx_value_number(const cx_value *v)
{
    return v && v->kind == CX_VAL_NUM ? &v->u.num : NULL;
}

bool cx_value_boolean(const cx_value *v) { return v && v->kind == CX_VAL_BOOL && v->u.b; }

const char *cx_value_string(const cx_value *v, size_t *len)
{
    if (!v || v->kind != CX_VAL_STR) return NULL;
    if (len) *len = v->u.str->len;
    return v->u.str->data;
}

static void period_info(const cx_period *p, cx_period_info *out)
{
    memset(out, 0, sizeof *out);
    cx_period_format(p, out->text, sizeof out->text);
    out->year = (int)cx_period_year(p);
    switch (p->freq) {
    case CX_FREQ_YEAR: out->frequency = CX_FREQUENCY_YEAR; break;
    case CX_FREQ_HALF:
        out->frequency = CX_FREQUENCY_HALF;
        out->part = (int)(p->ord - (int64_t)out->year * 2) + 1;
        break;
    case CX_FREQ_QUARTER:
        out->frequency = CX_FREQUENCY_QUARTER;
        out->part = (int)(p->ord - (int64_t)out->year * 4) + 1;
        break;
    case CX_FREQ_MONTH:
        out->frequency = CX_FREQUENCY_MONTH;
        out->part = (int)(p->ord - (int64_t)out->year * 12) + 1;
        break;
    case CX_FREQ_DAY: {
        int64_t y;
        cx_civil_from_days(p->ord, &y, &out->part, &out->day);
        out->frequency = CX_FREQUENCY_DAY;
        break;
    }
    }
}

bool cx_value_period(const cx_value *v, cx_period_info *out)
{
    if (!v || v->kind != CX_VAL_PERIOD || !out) return false;
    period_info(&v->u.period, out);
    return true;
}

size_t cx_value_length(const cx_value *v)
{
    if (!v) return 0;
    if (v->kind == CX_VAL_LIST) return v->u.list->len;
    if (v->kind == CX_VAL_SERIES) return v->u.series->len;
    return 0;
}

const cx_value *cx_value_item(const cx_value *v, size_t i)
{
    if (!v || v->kind != CX_VAL_LIST || i >= v->u.list->len) return NULL;
    return &v->u.list->items[i];
}

bool cx_value_series_period(const cx_value *v, size_t i, cx_period_info *out)
{
    if (!v || v->kind != CX_VAL_SERIES || i >= v->u.series->len || !out) return false;
    cx_period p = {v->u.series->freq, v->u.series->ords[i]};
    period_info(&p, out);
    return true;
}

const cx_number *cx_value_series_number(const cx_value *v, size_t i)
{
    if (!v || v->kind != CX_VAL_SERIES || i >= v->u.series->len) return NULL;
    return &v->u.series->vals[i];
}

/* ==== numbers ============================================================= */

bool cx_number_is_approx(const cx_number *x) { return x && !cx_num_is_exact(x); }

int cx_number_sign(const cx_number *x) { return x ? cx_num_sgn(x) : 0; }

/* Digits of z into a buffer from malloc (not GMP's allocator: the host
 * frees it with free() or cx_free). */
static char *z_text(const mpz_t z)
{
    char *s = malloc(mpz_sizeinbase(z, 10) + 2);
    if (s) mpz_get_str(s, 10, z);
    return s;
}

static char *i64_text(int64_t v)
{
    char buf[24];
    int n = snprintf(buf, sizeof buf, "%lld", (long long)v);
    return n > 0 ? strdup(buf) : NULL;
}

/* The exact fraction of x into q (inited); false for an approximate number
 * too large or too small to write out, NaN or an infinity. */
static bool exact_fraction(const cx_number *x, mpq_t q)
{
    if (cx_num_is_exact(x)) {
        cx_num_get_mpq(x, q);
        return true;
    }
    mpfr_srcptr f = x->u.f;
    if (!mpfr_number_p(f)) return false;
    if (mpfr_zero_p(f)) {
        mpq_set_ui(q, 0, 1);
        return true;
    }
    mpfr_exp_t e = mpfr_get_exp(f);
    if (e > EXACT_EXP_MAX || e < -EXACT_EXP_MAX) return false;
    mpfr_get_q(q, f);
    return true;
}

/* Numerator (den false) or denominator of x. */
static char *fraction_part(const cx_number *x, bool den)
{
    if (!x) return NULL;
    if (x->kind == CX_NUM_SMALL) return i64_text(den ? x->u.s.den : x->u.s.num);
    char *s = NULL;
    mpq_t q;
    mpq_init(q);
    if (exact_fraction(x, q)) s = z_text(den ? mpq_denref(q) : mpq_numref(q));
    mpq_clear(q);
    return s;
}

char *cx_number_numerator(const cx_number *x) { return fraction_part(x, false); }

char *cx_number_denominator(const cx_number *x) { return fraction_part(x, true); }

char *cx_number_decimal(const cx_number *x, int digits, bool *exact)
{
    if (exact) *exact = false;
    return x ? cx_fmt_plain(x, digits, exact) : NULL;
}

char *cx_number_text(const cx_number *x, int digits)
{
    return x ? cx_fmt_number(x, digits, true) : NULL;
}

double cx_number_to_double(const cx_number *x)
{
    if (!x) return 0.0;
    if (x->kind == CX_NUM_APPROX) return mpfr_get_d(x->u.f, MPFR_RNDN);
    if (x->kind == CX_NUM_SMALL && x->u.s.den == 1 && x->u.s.num > -(INT64_C(1) << 53) &&
        x->u.s.num < (INT64_C(1) << 53))
        return (double)x->u.s.num;
    /* One correct rounding of the exact fraction. */
    mpq_t q;
    mpfr_t f;
    mpq_init(q);
    mpfr_init2(f, 53);
    cx_num_get_mpq(x, q);
    mpfr_set_q(f, q, MPFR_RNDN);
    double d = mpfr_get_d(f, MPFR_RNDN);
    mpfr_clear(f);
    mpq_clear(q);
    return d;
}

void cx_free(void *p) { free(p); }
