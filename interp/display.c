/* display.c - renders values of every kind for output records.  Numbers are
 * delegated to format.c; this file only knows the shapes of compound values. */
#include "display.h"

#include <stdlib.h>
#include <string.h>
#include "../lang/ast.h"
#include "../runtime/error.h"
#include "../runtime/format.h"
#include "../runtime/series.h"
#include "../runtime/strbuf.h"
#include "../runtime/unit.h"

static void put_owned(cx_strbuf *b, char *s)
{
    if (!s) b->oom = true;
    else cx_strbuf_puts(b, s);
    free(s);
}

char *cx_display_bound(const cx_aff *f, const cx_uom *unit, int digits, char suffix)
{
    /* The ends are sums of the form's coefficients: no larger than the
     * numbers the form was made of, which passed the size checks. */
    cx_num_ctx big = {.max_bits = 1L << 40, .prec = 256};
    cx_aff_ctx ctx = {.num = &big};
    cx_num lo, hi;
    cx_num_init(&lo);
    cx_num_init(&hi);
    char *text = NULL;
    if (cx_aff_lo(&lo, f, &ctx) == CX_AFF_OK && cx_aff_hi(&hi, f, &ctx) == CX_AFF_OK) {
        if (f->approx) { /* rounded ends show as approximations do, to --digits */
            mpfr_t t;
            mpfr_init2(t, big.prec);
            cx_num_get_mpfr(&lo, t);
            cx_num_set_mpfr(&lo, t, &big);
            cx_num_get_mpfr(&hi, t);
            cx_num_set_mpfr(&hi, t, &big);
            mpfr_clear(t);
        }
        cx_value a, b;
        cx_value_init(&a);
        cx_value_init(&b);
        cx_value_set_num(&a, &lo);
        cx_value_set_num(&b, &hi);
        char *l =
            suffix ? cx_display_as(&a, suffix, digits, &big) : cx_fmt_number(&lo, digits, true);
        char *h =
            suffix ? cx_display_as(&b, suffix, digits, &big) : cx_fmt_number(&hi, digits, true);
        if (l && h && unit) { /* each end with its unit: $108,000,000,000/yr */
            char *lu = cx_uom_show(l, unit), *hu = cx_uom_show(h, unit);
            free(l);
            free(h);
            l = lu;
            h = hu;
        }
        size_t m = strlen(CX_MARK_APPROX); /* one ≈ for the whole bound */
        const char *ls = l && !strncmp(l, CX_MARK_APPROX, m) ? l + m : l;
        const char *hs = h && !strncmp(h, CX_MARK_APPROX, m) ? h + m : h;
        if (l && h) text = cx_strdupf("%s%s to %s", f->approx ? CX_MARK_APPROX : "", ls, hs);
        free(l);
        free(h);
        cx_value_clear(&a);
        cx_value_clear(&b);
    }
    cx_num_clear(&lo);
    cx_num_clear(&hi);
    return text;
}

/* A number with its unit, if any: $6,000,000,000/yr, 1,200 EUR. */
static void put_num(cx_strbuf *b, const cx_num *x, const cx_uom *unit, int digits)
{
    char *s = cx_fmt_number(x, digits, true);
    if (s && unit) {
        char *t = cx_uom_show(s, unit);
        free(s);
        s = t;
    }
    put_owned(b, s);
}

static void put_value(cx_strbuf *b, const cx_value *v, int digits)
{
    char pbuf[32];
    switch (v->kind) {
    case CX_VAL_NONE: cx_strbuf_puts(b, "nothing"); break;
    case CX_VAL_NUM: put_num(b, &v->u.num, v->unit, digits); break;
    case CX_VAL_BOUND: put_owned(b, cx_display_bound(&v->u.bound->f, v->unit, digits, 0)); break;
    case CX_VAL_BOOL: cx_strbuf_puts(b, v->u.b ? "true" : "false"); break;
    case CX_VAL_STR: cx_strbuf_puts(b, v->u.str->data); break;
    case CX_VAL_PERIOD:
        cx_period_format(&v->u.period, pbuf, sizeof pbuf);
        cx_strbuf_puts(b, pbuf);
        break;
    case CX_VAL_LIST:
        cx_strbuf_puts(b, "[");
        for (size_t i = 0; i < v->u.list->len; i++) {
            if (i) cx_strbuf_puts(b, ", ");
            const cx_value *it = &v->u.list->items[i];
            if (it->kind == CX_VAL_STR) {
                cx_strbuf_puts(b, "\"");
                cx_strbuf_puts(b, it->u.str->data);
                cx_strbuf_puts(b, "\"");
            } else {
                put_value(b, it, digits);
            }
        }
        cx_strbuf_puts(b, "]");
        break;
    case CX_VAL_SERIES: {
        const cx_series *s = v->u.series;
        cx_strbuf_puts(b, "{");
        for (size_t i = 0; i < s->len; i++) {
            cx_period p = {s->freq, s->ords[i]};
            if (i) cx_strbuf_puts(b, ", ");
            cx_period_format(&p, pbuf, sizeof pbuf);
            cx_strbuf_puts(b, pbuf);
            cx_strbuf_puts(b, ": ");
            put_num(b, &s->vals[i], v->unit, digits);
        }
        cx_strbuf_puts(b, "}");
        break;
    }
    case CX_VAL_RANGE: {
        const cx_range *r = v->u.range;
        if (r->of_periods) {
            cx_period_format(&r->plo, pbuf, sizeof pbuf);
            cx_strbuf_puts(b, pbuf);
            cx_strbuf_puts(b, "..");
            cx_period_format(&r->phi, pbuf, sizeof pbuf);
            cx_strbuf_puts(b, pbuf);
        } else {
            put_owned(b, cx_fmt_number(&r->lo, digits, true));
            cx_strbuf_puts(b, "..");
            put_owned(b, cx_fmt_number(&r->hi, digits, true));
            cx_strbuf_puts(b, " step ");
            put_owned(b, cx_fmt_number(&r->step, digits, true));
        }
        break;
    }
    case CX_VAL_FUNC: {
        const cx_ast *fn = v->u.fn;
        cx_strbuf_puts(b, "fn ");
        cx_strbuf_puts(b, fn->name);
        cx_strbuf_puts(b, "(");
        for (size_t i = 0; i < fn->list.len; i++) {
            if (i) cx_strbuf_puts(b, ", ");
            cx_strbuf_puts(b, fn->list.items[i]->name);
        }
        cx_strbuf_puts(b, ")");
        break;
    }
    }
}

char *cx_display_value(const cx_value *v, int digits)
{
    cx_strbuf b = {0};
    put_value(&b, v, digits);
    return cx_strbuf_take(&b);
}

/* ==== tables ============================================================== */

/* Columns are measured in characters, so "€" or "≈" pads like one letter. */
static size_t display_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) w++;
    return w;
}

static void put_repeat(cx_strbuf *b, char c, size_t n)
{
    while (n--) cx_strbuf_putc(b, c);
}

char *cx_display_table(char *const *cells, size_t n_cells, size_t cols, const bool *left)
{
    size_t *w = calloc(cols, sizeof *w);
    if (!w) return NULL;
    for (size_t i = 0; i < n_cells; i++) {
        size_t dw = display_width(cells[i]);
        if (dw > w[i % cols]) w[i % cols] = dw;
    }
    cx_strbuf b = {0};
    /* The header row, a rule under it, then the rows; every cell is
     * right-aligned in its column and columns are joined by " | ". */
    size_t rows = n_cells / cols;
    for (size_t r = 0; r <= rows; r++) {
        if (r) cx_strbuf_putc(&b, '\n');
        for (size_t c = 0; c < cols; c++) {
            if (c) cx_strbuf_puts(&b, " | ");
            if (r == 1) {
                put_repeat(&b, '-', w[c]);
                continue;
            }
            const char *cell = cells[(r == 0 ? 0 : r - 1) * cols + c];
            size_t pad = w[c] - display_width(cell);
            if (left && left[c]) {
                cx_strbuf_puts(&b, cell);
                if (c + 1 < cols) put_repeat(&b, ' ', pad); /* no spaces at the line's end */
            } else {
                put_repeat(&b, ' ', pad);
                cx_strbuf_puts(&b, cell);
            }
        }
    }
    free(w);
    return cx_strbuf_take(&b);
}

/* ==== a number in its written form ======================================== */

char *cx_display_as(const cx_value *v, char suffix, int digits, const cx_num_ctx *ctx)
{
    if (v->kind == CX_VAL_BOUND && (suffix == '%' || suffix == 'b' || suffix == 'p'))
        return cx_display_bound(&v->u.bound->f, v->unit, digits, suffix);
    if (v->kind != CX_VAL_NUM || (suffix != '%' && suffix != 'b' && suffix != 'p'))
        return cx_display_value(v, digits);
    cx_num k, x;
    cx_num_init(&k);
    cx_num_init(&x);
    cx_num_set_si(&k, suffix == 'b' ? 10000 : 100);
    char *r = NULL;
    if (cx_num_mul(&x, &v->u.num, &k, ctx) == CX_NUM_OK) {
        char *s = cx_fmt_number(&x, digits, true);
        r = s ? cx_strdupf("%s%s", s, suffix == '%' ? "%" : suffix == 'b' ? "bp" : "pp") : NULL;
        free(s);
    }
    cx_num_clear(&k);
    cx_num_clear(&x);
    return r;
}
