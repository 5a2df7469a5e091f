/* chart.c - the chart statement: evaluates its series (or lists), lays
 * them on one axis (the periods from the first to the last any series has,
 * or 1..n for lists), keeps every value as an exact rational, and emits a
 * CX_OUT_CHART record whose text is a terminal bar chart.  The SVG is
 * chart_svg.c's, the axis scale chart_scale.c's. */
#include "chart.h"
#include "units.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../runtime/series.h"
#include "eval.h"
#include "output.h"

void cx_chart_free(cx_chart *c)
{
    if (!c) return;
    for (size_t i = 0; c->names && i < c->n_series; i++) free(c->names[i]);
    for (size_t i = 0; c->labels && i < c->n_points; i++) free(c->labels[i]);
    if (c->values)
        for (size_t i = 0; i < c->n_series * c->n_points; i++) mpq_clear(c->values[i]);
    free(c->names);
    free(c->labels);
    free(c->values);
    free(c->present);
    free(c->approx);
    free(c->title);
    free(c);
}

/* ---- the data ------------------------------------------------------------------ */

/* An error with a hint (NULL: none); always CX_FAIL. */
static cx_status fail(cx_eval *E, cx_err_code code, cx_span span, const char *hint, const char *fmt,
                      ...) __attribute__((format(printf, 5, 6)));
static cx_status fail(cx_eval *E, cx_err_code code, cx_span span, const char *hint, const char *fmt,
                      ...)
{
    va_list ap;
    va_start(ap, fmt);
    cx_error *e = cx_diag_vadd(&E->st->diag, code, span, fmt, ap);
    va_end(ap);
    if (e && hint) cx_error_set_hint(e, "%s", hint);
    return CX_FAIL;
}

/* A value too big or too fine to draw, checked before it becomes an mpq. */
static bool drawable(const cx_num *x)
{
    if (x->kind != CX_NUM_APPROX) return cx_num_bits(x) <= CX_CHART_MAX_BITS;
    if (mpfr_zero_p(x->u.f)) return true;
    mpfr_exp_t e = mpfr_get_exp(x->u.f);
    return mpfr_number_p(x->u.f) && e <= CX_CHART_MAX_BITS && e >= -CX_CHART_MAX_BITS;
}

static cx_status too_big(cx_eval *E, cx_span span)
{
    return fail(E, CX_E_LIMIT_CHART, span, "scale the values first, as in x / 1B",
                "a chart draws numbers of up to about 1,000 digits; this one has more");
}

/* Checks one operand: a non-empty series, or a non-empty list of numbers,
 * of the same kind (and frequency) as the first. */
static cx_status check_operand(cx_eval *E, const cx_value *v, const cx_value *first, cx_span span)
{
    if (v->kind != CX_VAL_SERIES && v->kind != CX_VAL_LIST) {
        const char *hint =
            v->kind == CX_VAL_RANGE ? "make it a list: [x for x in 1..10]"
            : v->kind == CX_VAL_NUM
                ? "a chart draws many values: a whole series (capex, not capex 2025) or a list"
                : "chart line capex, fcf; draws two series";
        return fail(E, CX_E_TYPE_CHART, span, hint,
                    "a chart draws series or lists of numbers; this is a %s",
                    cx_value_kind_name(v->kind));
    }
    size_t len = v->kind == CX_VAL_SERIES ? v->u.series->len : v->u.list->len;
    if (len == 0)
        return cx_eval_error(E, CX_E_MATH_EMPTY, span, "a chart of nothing: the %s is empty",
                             cx_value_kind_name(v->kind));
    if (first && first->kind != v->kind) {
        return fail(E, CX_E_TYPE_CHART, span,
                    "series share a period axis and lists are numbered 1..n; "
                    "draw them in separate charts",
                    "a chart draws series or lists, not both: this is a %s, the first a %s",
                    cx_value_kind_name(v->kind), cx_value_kind_name(first->kind));
    }
    if (first && v->kind == CX_VAL_SERIES && v->u.series->freq != first->u.series->freq) {
        return fail(E, CX_E_TYPE_FREQUENCY, span,
                    "aggregate explicitly first: annual(x) sums whole years, "
                    "ttm(x, period) the twelve months to a period",
                    "a chart cannot put %s %s series beside %s %s series",
                    cx_article(cx_freq_name(v->u.series->freq)), cx_freq_name(v->u.series->freq),
                    cx_article(cx_freq_name(first->u.series->freq)),
                    cx_freq_name(first->u.series->freq));
    }
    if (v->kind == CX_VAL_LIST)
        for (size_t i = 0; i < len; i++) {
            const cx_value *it = &v->u.list->items[i];
            if (it->kind != CX_VAL_NUM)
                return cx_eval_error(E, CX_E_TYPE_CHART, span,
                                     "a chart draws numbers; item %zu of the list is a %s", i + 1,
                                     cx_value_kind_name(it->kind));
            if (!drawable(&it->u.num)) return too_big(E, span);
        }
    else
        for (size_t i = 0; i < len; i++)
            if (!drawable(&v->u.series->vals[i])) return too_big(E, span);
    return CX_OK;
}

/* n with ',' between thousands ("12,345"), into buf (at least 32 bytes). */
static const char *grouped(size_t n, char *buf)
{
    char digits[24];
    int len = snprintf(digits, sizeof digits, "%zu", n), k = 0;
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0) buf[k++] = ',';
        buf[k++] = digits[i];
    }
    buf[k] = '\0';
    return buf;
}

/* The axis: its length and first period (series) into *n and *lo. */
static cx_status axis(cx_eval *E, const cx_value *vals, size_t ns, cx_span span, size_t *n,
                      int64_t *lo)
{
    if (vals[0].kind == CX_VAL_LIST) {
        size_t m = 0;
        for (size_t s = 0; s < ns; s++)
            if (vals[s].u.list->len > m) m = vals[s].u.list->len;
        *n = m;
    } else {
        int64_t a = INT64_MAX, b = INT64_MIN;
        for (size_t s = 0; s < ns; s++) {
            const cx_series *sr = vals[s].u.series;
            if (sr->ords[0] < a) a = sr->ords[0];
            if (sr->ords[sr->len - 1] > b) b = sr->ords[sr->len - 1];
        }
        *lo = a;
        *n = (uint64_t)(b - a) + 1 > (uint64_t)SIZE_MAX ? SIZE_MAX : (size_t)(b - a) + 1;
    }
    if (*n <= CX_CHART_MAX_POINTS) return CX_OK;
    char buf[32];
    return fail(E, CX_E_LIMIT_CHART, span,
                vals[0].kind == CX_VAL_SERIES
                    ? "chart a slice, as in x[2015..2025], or aggregate: annual(x)"
                    : "chart a part of the list",
                "a chart has at most 1,000 points; this one has %s", grouped(*n, buf));
}

/* x as a rational.  An approximate value is first rounded to 256 bits: a
 * drawing shows three digits, and a value kept at --precision 1000000
 * would make every coordinate a million-bit fraction. */
static void get_value(const cx_num *x, mpq_t out)
{
    if (x->kind != CX_NUM_APPROX || mpfr_get_prec(x->u.f) <= 256) {
        cx_num_get_mpq(x, out);
        return;
    }
    mpfr_t r;
    mpfr_init2(r, 256);
    mpfr_set(r, x->u.f, MPFR_RNDN);
    mpfr_get_q(out, r);
    mpfr_clear(r);
}

/* Fills the chart's labels and values from the checked operands. */
static bool fill(cx_chart *c, const cx_value *vals, int64_t lo)
{
    size_t np = c->n_points, ns = c->n_series;
    if (!(c->labels = calloc(np, sizeof *c->labels)) ||
        !(c->values = malloc(ns * np * sizeof *c->values)))
        return false;
    for (size_t i = 0; i < ns * np; i++) mpq_init(c->values[i]);
    if (!(c->present = calloc(ns * np, sizeof *c->present)) ||
        !(c->approx = calloc(ns * np, sizeof *c->approx)))
        return false;
    bool series = vals[0].kind == CX_VAL_SERIES;
    c->freq = series ? (int)vals[0].u.series->freq : -1;
    c->first = lo;
    for (size_t i = 0; i < np; i++) {
        char buf[32];
        if (series) {
            cx_period p = {vals[0].u.series->freq, lo + (int64_t)i};
            cx_period_format(&p, buf, sizeof buf);
        } else {
            snprintf(buf, sizeof buf, "%zu", i + 1);
        }
        if (!(c->labels[i] = strdup(buf))) return false;
    }
    for (size_t s = 0; s < ns; s++) {
        if (series) {
            const cx_series *sr = vals[s].u.series;
            for (size_t k = 0; k < sr->len; k++) {
                size_t i = (size_t)(sr->ords[k] - lo);
                get_value(&sr->vals[k], c->values[s * np + i]);
                c->present[s * np + i] = true;
                c->approx[s * np + i] = !cx_num_is_exact(&sr->vals[k]);
            }
        } else {
            const cx_list *l = vals[s].u.list;
            for (size_t i = 0; i < l->len; i++) {
                get_value(&l->items[i].u.num, c->values[s * np + i]);
                c->present[s * np + i] = true;
                c->approx[s * np + i] = !cx_num_is_exact(&l->items[i].u.num);
            }
        }
    }
    return true;
}

/* ---- the text chart ---------------------------------------------------------- */

char *cx_chart_point_label(const cx_chart *c, size_t i)
{
    char *v = cx_chart_value_label(c->values[i], c->format);
    if (!v || !c->approx[i]) return v;
    char *marked = cx_strdupf("\xe2\x89\x88%s", v); /* ≈ */
    free(v);
    return marked;
}

enum { TEXT_BAR_CELLS = 40, TEXT_WIDTH = 72 };

/* Characters (code points) of a UTF-8 text. */
static size_t text_chars(const char *t)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)t; *p; p++)
        if ((*p & 0xC0) != 0x80) n++;
    return n;
}

/* One glyph per series, told apart without colour. */
static const char *const glyphs[CX_CHART_MAX_SERIES] = {
    "\xe2\x96\x88", "\xe2\x96\x92", "\xe2\x96\x91", "#", "=", "+", "*", "~"};

/* round(|x| / span * cells), half up; span > 0. */
static size_t cells_of(const mpq_t x, const mpq_t span)
{
    mpq_t q;
    mpz_t z;
    mpq_init(q);
    mpz_init(z);
    mpq_abs(q, x);
    mpq_div(q, q, span);
    mpz_mul_ui(mpq_numref(q), mpq_numref(q), 2 * TEXT_BAR_CELLS);
    mpz_add(mpq_numref(q), mpq_numref(q), mpq_denref(q));
    mpz_mul_ui(mpq_denref(q), mpq_denref(q), 2);
    mpz_fdiv_q(z, mpq_numref(q), mpq_denref(q)); /* floor((2x*cells + 1) / 2) */
    size_t n = mpz_cmp_ui(z, TEXT_BAR_CELLS) > 0 ? TEXT_BAR_CELLS : (size_t)mpz_get_ui(z);
    mpq_clear(q);
    mpz_clear(z);
    return n;
}

char *cx_chart_text(const cx_chart *c)
{
    cx_strbuf b = {0};
    size_t np = c->n_points, ns = c->n_series, lw = 0;
    mpq_t lo, hi, span, neg;
    mpq_inits(lo, hi, span, neg, NULL);
    /* The bars run from zero: the scale spans min(0, values) .. max(0, values). */
    for (size_t i = 0; i < ns * np; i++) {
        if (!c->present[i]) continue;
        if (mpq_cmp(c->values[i], lo) < 0) mpq_set(lo, c->values[i]);
        if (mpq_cmp(c->values[i], hi) > 0) mpq_set(hi, c->values[i]);
    }
    mpq_sub(span, hi, lo);
    mpq_neg(neg, lo);
    size_t zero = mpq_sgn(span) ? cells_of(neg, span) : 0;
    bool negatives = mpq_sgn(lo) < 0;
    for (size_t i = 0; i < np; i++)
        if (strlen(c->labels[i]) > lw) lw = strlen(c->labels[i]);
    if (c->title) {
        cx_strbuf_puts(&b, c->title);
        cx_strbuf_putc(&b, '\n');
    }
    /* The legend, wrapped before it passes TEXT_WIDTH characters. */
    size_t used = 0;
    for (size_t s = 0; s < ns; s++) {
        size_t w = 2 + text_chars(c->names[s]);
        if (s > 0 && used + 2 + w > TEXT_WIDTH) {
            cx_strbuf_putc(&b, '\n');
            used = 0;
        } else if (s > 0) {
            cx_strbuf_puts(&b, "  ");
            used += 2;
        }
        cx_strbuf_puts(&b, glyphs[s]);
        cx_strbuf_putc(&b, ' ');
        cx_strbuf_puts(&b, c->names[s]);
        used += w;
    }
    for (size_t i = 0; i < np; i++)
        for (size_t s = 0; s < ns; s++) {
            const char *label = s == 0 ? c->labels[i] : "";
            cx_strbuf_putc(&b, '\n');
            cx_strbuf_puts(&b, label);
            for (size_t k = strlen(label); k < lw + 1; k++) cx_strbuf_putc(&b, ' ');
            size_t at = s * np + i, from = zero, to = zero;
            if (c->present[at] && mpq_sgn(span)) {
                size_t len = cells_of(c->values[at], span);
                if (mpq_sgn(c->values[at]) < 0) from = len > zero ? 0 : zero - len;
                else to = zero + len > TEXT_BAR_CELLS ? TEXT_BAR_CELLS : zero + len;
            }
            /* With negative values a rule marks zero, between the two sides. */
            for (size_t k = 0; k <= TEXT_BAR_CELLS; k++) {
                if (negatives && k == zero) cx_strbuf_puts(&b, "\xe2\x94\x82"); /* │ */
                if (k < TEXT_BAR_CELLS) cx_strbuf_puts(&b, k >= from && k < to ? glyphs[s] : " ");
            }
            cx_strbuf_putc(&b, ' ');
            if (!c->present[at]) {
                cx_strbuf_puts(&b, "no value");
                continue;
            }
            char *v = cx_chart_point_label(c, at);
            if (!v) b.oom = true;
            else cx_strbuf_puts(&b, v);
            free(v);
        }
    mpq_clears(lo, hi, span, neg, NULL);
    return cx_strbuf_take(&b);
}

/* ---- the statement ---------------------------------------------------------- */

static const char *const style_names[] = {"line", "bar"};
static const char *const format_names[] = {"plain", "money", "pct"};

cx_status cx_exec_chart(cx_eval *E, const cx_ast *n)
{
    size_t ns = n->list.len;
    cx_status st = CX_FAIL;
    cx_value *vals = NULL, list;
    cx_value_init(&list);
    cx_chart *c = NULL;
    char *text = NULL, *expr = NULL;
    if (ns > CX_CHART_MAX_SERIES)
        return cx_eval_error(E, CX_E_LIMIT_CHART, n->list.items[CX_CHART_MAX_SERIES]->span,
                             "a chart has at most %d series", CX_CHART_MAX_SERIES);
    if (!(vals = calloc(ns, sizeof *vals))) return cx_eval_oom(E, n->span);
    for (size_t s = 0; s < ns; s++) cx_value_init(&vals[s]);
    for (size_t s = 0; s < ns; s++) {
        const cx_ast *item = n->list.items[s];
        if (cx_eval_expr(E, item, &vals[s]) != CX_OK ||
            cx_units_refuse(E, &vals[s], item->span, "a chart") != CX_OK ||
            check_operand(E, &vals[s], s ? &vals[0] : NULL, item->span) != CX_OK)
            goto out;
    }
    cx_span all = {n->span.src, n->list.items[0]->span.start, n->list.items[ns - 1]->span.end};
    size_t np;
    int64_t lo = 0;
    if (axis(E, vals, ns, all, &np, &lo) != CX_OK) goto out;
    if (!(c = calloc(1, sizeof *c)) || !(c->names = calloc(ns, sizeof *c->names))) goto oom;
    c->style = (cx_chart_style)n->op;
    c->format = (cx_chart_format)n->check_kind;
    c->n_series = ns;
    c->n_points = np;
    const cx_ast *title = cx_ast_chart_title(n);
    if (title && title->str.text[0] && !(c->title = strdup(title->str.text))) goto oom;
    for (size_t s = 0; s < ns; s++)
        if (!(c->names[s] = cx_sources_text(&E->st->sources, n->list.items[s]->span))) goto oom;
    if (!fill(c, vals, lo)) goto oom;
    c->id = ++E->st->n_charts;
    if (!(text = cx_chart_text(c))) goto oom;
    if (!(expr = cx_sources_text(&E->st->sources, n->span))) goto oom;
    cx_list *l = cx_list_new(ns);
    if (!l) goto oom;
    cx_value_take_list(&list, l);
    for (size_t s = 0; s < ns; s++)
        if (!cx_list_push_take(l, &vals[s])) goto oom;
    cx_output rec = {.kind = CX_OUT_CHART,
                     .text = text,
                     .expr = expr,
                     .result = &list,
                     .columns = (const char *const *)c->names,
                     .n_columns = ns,
                     .chart_style = style_names[c->style],
                     .chart_format = format_names[c->format],
                     .chart_title = c->title,
                     .chart = c};
    cx_output_emit_chart(E->st, &rec, n->span, &c, cx_chart_free);
    st = CX_OK;
    goto out;
oom:
    st = cx_eval_oom(E, n->span);
out:
    for (size_t s = 0; s < ns; s++) cx_value_clear(&vals[s]);
    free(vals);
    cx_value_clear(&list);
    cx_chart_free(c);
    free(text);
    free(expr);
    return st;
}
