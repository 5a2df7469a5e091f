/* value.c - the lifecycle of cx_value: init, clear, copy and move, the
 * constructors, and the reference-counted payloads (strings, lists, ranges;
 * series live in series.c).  No evaluation and no display here. */
#include "value.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "series.h"
#include "grow.h"
#include "unit.h"

/* ==== payloads =========================================================== */

static void str_unref(cx_str *s)
{
    if (s && --s->rc == 0) free(s);
}

cx_list *cx_list_new(size_t cap)
{
    cx_list *l = calloc(1, sizeof *l);
    if (!l) return NULL;
    if (cap > SIZE_MAX / sizeof(cx_value)) cap = 0;
    if (cap) {
        l->items = malloc(cap * sizeof *l->items);
        if (!l->items) {
            free(l);
            return NULL;
        }
    }
    l->rc = 1;
    l->cap = cap;
    return l;
}

bool cx_list_push_take(cx_list *l, cx_value *item)
{
    /* Moving the items' bytes moves each one's single owner: allowed,
     * since no payload points back into the array. */
    if (!CX_GROW(l->items, l->cap, l->len, 8)) return false;
    cx_value *slot = &l->items[l->len++];
    cx_value_init(slot);
    cx_value_move(slot, item);
    return true;
}

void cx_list_unref(cx_list *l)
{
    if (!l || --l->rc > 0) return;
    for (size_t i = 0; i < l->len; i++) cx_value_clear(&l->items[i]);
    free(l->items);
    free(l);
}

cx_range *cx_range_new(void)
{
    cx_range *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->rc = 1;
    r->pstep = 1;
    cx_num_init(&r->lo);
    cx_num_init(&r->hi);
    cx_num_init(&r->step);
    return r;
}

void cx_range_unref(cx_range *r)
{
    if (!r || --r->rc > 0) return;
    cx_num_clear(&r->lo);
    cx_num_clear(&r->hi);
    cx_num_clear(&r->step);
    free(r);
}

/* ==== lifecycle ========================================================== */

void cx_value_release_slow(cx_value *v)
{
    switch (v->kind) {
    case CX_VAL_NUM: cx_num_clear(&v->u.num); break;
    case CX_VAL_STR: str_unref(v->u.str); break;
    case CX_VAL_LIST: cx_list_unref(v->u.list); break;
    case CX_VAL_SERIES: cx_series_unref(v->u.series); break;
    case CX_VAL_RANGE: cx_range_unref(v->u.range); break;
    case CX_VAL_BOUND: cx_bound_unref(v->u.bound); break;
    case CX_VAL_NONE:
    case CX_VAL_BOOL:
    case CX_VAL_PERIOD:
    case CX_VAL_FUNC: break;
    }
    cx_uom_unref(v->unit);
    v->unit = NULL;
}

void cx_value_copy_slow(cx_value *dst, const cx_value *src)
{
    if (dst == src) return;
    /* Take the new reference before releasing dst's: src may live inside
     * dst's payload (an item of the list dst holds). */
    cx_value t;
    cx_value_init(&t);
    t.kind = src->kind;
    switch (src->kind) {
    case CX_VAL_NUM:
        cx_num_init(&t.u.num);
        cx_num_set(&t.u.num, &src->u.num);
        break;
    case CX_VAL_STR:
        t.u.str = src->u.str;
        t.u.str->rc++;
        break;
    case CX_VAL_LIST:
        t.u.list = src->u.list;
        t.u.list->rc++;
        break;
    case CX_VAL_SERIES:
        t.u.series = src->u.series;
        t.u.series->rc++;
        break;
    case CX_VAL_RANGE:
        t.u.range = src->u.range;
        t.u.range->rc++;
        break;
    case CX_VAL_BOUND:
        t.u.bound = src->u.bound;
        t.u.bound->rc++;
        break;
    case CX_VAL_BOOL: t.u.b = src->u.b; break;
    case CX_VAL_PERIOD: t.u.period = src->u.period; break;
    case CX_VAL_FUNC: t.u.fn = src->u.fn; break;
    case CX_VAL_NONE: break;
    }
    t.unit = cx_uom_ref(src->unit);
    cx_value_clear(dst);
    /* A byte copy out of a temporary that is then forgotten is a move, not
     * a second owner. */
    memcpy(dst, &t, sizeof t);
}

/* ==== constructors ======================================================= */

void cx_value_set_num_slow(cx_value *v, const cx_num *n)
{
    if (v->kind == CX_VAL_NUM) {
        cx_num_set(&v->u.num, n);
        cx_value_set_unit(v, NULL);
        return;
    }
    /* n may point into v's payload (a value of the series v holds): copy it
     * out before v lets go. */
    cx_num t;
    cx_num_init(&t);
    cx_num_set(&t, n);
    cx_value_clear(v);
    v->kind = CX_VAL_NUM;
    cx_num_init(&v->u.num);
    cx_num_swap(&v->u.num, &t);
    cx_num_clear(&t);
}

void cx_value_set_bool(cx_value *v, bool b)
{
    cx_value_clear(v);
    v->kind = CX_VAL_BOOL;
    v->u.b = b;
}

void cx_value_set_period(cx_value *v, const cx_period *p)
{
    cx_period t = *p;
    cx_value_clear(v);
    v->kind = CX_VAL_PERIOD;
    v->u.period = t;
}

bool cx_value_set_str(cx_value *v, const char *s, size_t len)
{
    if (len > SIZE_MAX - sizeof(cx_str) - 1) return false;
    cx_str *str = malloc(sizeof(cx_str) + len + 1);
    if (!str) return false;
    str->rc = 1;
    str->len = len;
    if (len) memcpy(str->data, s, len);
    str->data[len] = '\0';
    cx_value_clear(v);
    v->kind = CX_VAL_STR;
    v->u.str = str;
    return true;
}

void cx_value_take_list(cx_value *v, cx_list *l)
{
    cx_value_clear(v);
    v->kind = CX_VAL_LIST;
    v->u.list = l;
}

void cx_value_take_series(cx_value *v, struct cx_series *s)
{
    cx_value_clear(v);
    v->kind = CX_VAL_SERIES;
    v->u.series = s;
}

void cx_value_take_range(cx_value *v, cx_range *r)
{
    cx_value_clear(v);
    v->kind = CX_VAL_RANGE;
    v->u.range = r;
}

void cx_value_take_bound(cx_value *v, cx_bound *b)
{
    cx_value_clear(v);
    v->kind = CX_VAL_BOUND;
    v->u.bound = b;
}

cx_bound *cx_bound_new(void)
{
    cx_bound *b = malloc(sizeof *b);
    if (!b) return NULL;
    b->rc = 1;
    cx_aff_init(&b->f);
    return b;
}

void cx_bound_unref(cx_bound *b)
{
    if (!b || --b->rc > 0) return;
    cx_aff_clear(&b->f);
    free(b);
}

void cx_value_set_unit(cx_value *v, struct cx_uom *u)
{
    cx_uom_ref(u);
    cx_uom_unref(v->unit);
    v->unit = u;
}

const char *cx_value_kind_name(cx_val_kind k)
{
    switch (k) {
    case CX_VAL_NONE: return "nothing";
    case CX_VAL_NUM: return "number";
    case CX_VAL_BOOL: return "boolean";
    case CX_VAL_STR: return "string";
    case CX_VAL_PERIOD: return "period";
    case CX_VAL_LIST: return "list";
    case CX_VAL_SERIES: return "series";
    case CX_VAL_RANGE: return "range";
    case CX_VAL_BOUND: return "bound";
    case CX_VAL_FUNC: return "function";
    }
    return "value";
}
