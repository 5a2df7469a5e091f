/* display.c - renders values of every kind for output records.  Numbers are
 * delegated to format.c; this file only knows the shapes of compound values. */
#include "display.h"

#include <stdlib.h>
#include <string.h>
#include "../lang/ast.h"
#include "error.h"
#include "format.h"
#include "series.h"

typedef struct sbuf {
    char *p;
    size_t len, cap;
    bool oom;
} sbuf;

static void put(sbuf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->oom) return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1) cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n + 1);
    b->len += n;
}

static void put_owned(sbuf *b, char *s)
{
    if (!s) b->oom = true;
    else put(b, s);
    free(s);
}

static void put_value(sbuf *b, const cx_value *v, int digits)
{
    char pbuf[32];
    switch (v->kind) {
    case CX_VAL_NONE: put(b, "nothing"); break;
    case CX_VAL_NUM: put_owned(b, cx_fmt_number(&v->u.num, digits, true)); break;
    case CX_VAL_BOOL: put(b, v->u.b ? "true" : "false"); break;
    case CX_VAL_STR: put(b, v->u.str->data); break;
    case CX_VAL_PERIOD:
        cx_period_format(&v->u.period, pbuf, sizeof pbuf);
        put(b, pbuf);
        break;
    case CX_VAL_LIST:
        put(b, "[");
        for (size_t i = 0; i < v->u.list->len; i++) {
            if (i) put(b, ", ");
            const cx_value *it = &v->u.list->items[i];
            if (it->kind == CX_VAL_STR) {
                put(b, "\"");
                put(b, it->u.str->data);
                put(b, "\"");
            } else {
                put_value(b, it, digits);
            }
        }
        put(b, "]");
        break;
    case CX_VAL_SERIES: {
        const cx_series *s = v->u.series;
        put(b, "{");
        for (size_t i = 0; i < s->len; i++) {
            cx_period p = {s->freq, s->ords[i]};
            if (i) put(b, ", ");
            cx_period_format(&p, pbuf, sizeof pbuf);
            put(b, pbuf);
            put(b, ": ");
            put_owned(b, cx_fmt_number(&s->vals[i], digits, true));
        }
        put(b, "}");
        break;
    }
    case CX_VAL_RANGE: {
        const cx_range *r = v->u.range;
        if (r->of_periods) {
            cx_period_format(&r->plo, pbuf, sizeof pbuf);
            put(b, pbuf);
            put(b, "..");
            cx_period_format(&r->phi, pbuf, sizeof pbuf);
            put(b, pbuf);
        } else {
            put_owned(b, cx_fmt_number(&r->lo, digits, true));
            put(b, "..");
            put_owned(b, cx_fmt_number(&r->hi, digits, true));
            put(b, " step ");
            put_owned(b, cx_fmt_number(&r->step, digits, true));
        }
        break;
    }
    case CX_VAL_FUNC: {
        const cx_ast *fn = v->u.fn;
        put(b, "fn ");
        put(b, fn->name);
        put(b, "(");
        for (size_t i = 0; i < fn->list.len; i++) {
            if (i) put(b, ", ");
            put(b, fn->list.items[i]->name);
        }
        put(b, ")");
        break;
    }
    }
}

char *cx_display_value(const cx_value *v, int digits)
{
    sbuf b = {0};
    put(&b, "");
    put_value(&b, v, digits);
    if (b.oom) {
        free(b.p);
        return NULL;
    }
    return b.p;
}
