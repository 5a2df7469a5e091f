/* value.h - cx_value, the tagged union every expression evaluates to, and its
 * copy / move / clear.  Heavy payloads (strings, lists, series, ranges) are
 * immutable once shared and reference counted, so copying a value is cheap;
 * a writer that holds the only reference may change it in place.
 * House rule: never struct-copy a cx_value (it may hold a cx_num); use
 * cx_value_copy or cx_value_move. */
#ifndef CX_VALUE_H
#define CX_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include "affine.h"
#include "number.h"
#include "period.h"

struct cx_ast;
struct cx_builtin;
struct cx_series;
struct cx_uom;

typedef enum cx_val_kind {
    CX_VAL_NONE, /* no value (a statement's result) */
    CX_VAL_NUM,
    CX_VAL_BOOL,
    CX_VAL_STR,
    CX_VAL_PERIOD,
    CX_VAL_LIST,
    CX_VAL_SERIES,
    CX_VAL_RANGE,
    CX_VAL_FUNC,  /* a user function: its CX_AST_FN node */
    CX_VAL_BOUND, /* a bounded value (`8% to 12%`): an affine form, runtime/affine.h */
} cx_val_kind;

typedef struct cx_str {
    int rc;
    size_t len;
    char data[]; /* len bytes plus a terminating NUL (the text may hold none) */
} cx_str;

typedef struct cx_list {
    int rc;
    size_t len, cap;
    struct cx_value *items;
} cx_list;

/* lo..hi step s over numbers, or over periods of one frequency. */
typedef struct cx_range {
    int rc;
    bool of_periods;
    cx_period plo, phi;  /* of_periods */
    int64_t pstep;       /* of_periods: step in periods (> 0) */
    cx_num lo, hi, step; /* numbers: step > 0 */
    bool has_step;       /* written with `step` (else 1): `x in a..b` is then on the grid */
} cx_range;

/* A bounded value: every value in [lo, hi] of its form, none more likely. */
typedef struct cx_bound {
    int rc;
    cx_aff f;
} cx_bound;

typedef struct cx_value {
    cx_val_kind kind;
    union {
        cx_num num;
        bool b;
        cx_str *str;
        cx_period period;
        cx_list *list;
        struct cx_series *series;
        cx_range *range;
        cx_bound *bound;
        const struct cx_ast *fn;
    } u;
    /* The unit of measure (runtime/unit.h), orthogonal to the kind: a
     * number's, or every value of a series'.  NULL: a plain value.  A
     * reference of its own; the constructors below leave it NULL. */
    struct cx_uom *unit;
} cx_value;

/* cx_value_copy's and cx_value_set_num's out-of-line parts (nothing else
 * should call them). */
void cx_value_copy_slow(cx_value *dst, const cx_value *src);
void cx_value_set_num_slow(cx_value *v, const cx_num *n);

/* Releases what v holds without resetting it; cx_value_clear's out-of-line
 * part for payloads (nothing else should call it). */
void cx_value_release_slow(cx_value *v);

/* Every evaluation step inits, clears and moves several values, so these
 * are inline: on a small number or a plain value they are a few moves. */
static inline void cx_value_init(cx_value *v) /* CX_VAL_NONE */
{
    /* Only what a NONE value is read for: its kind and its unit (clearing
     * the whole union costs a third of a small product's step). */
    v->kind = CX_VAL_NONE;
    v->unit = NULL;
}

/* Whether clearing v has anything to release (a unit counts). */
static inline bool cx_value_holds_payload(const cx_value *v)
{
    if (v->unit) return true;
    switch (v->kind) {
    case CX_VAL_NUM: return v->u.num.kind != CX_NUM_SMALL;
    case CX_VAL_STR:
    case CX_VAL_LIST:
    case CX_VAL_SERIES:
    case CX_VAL_RANGE:
    case CX_VAL_BOUND: return true;
    default: return false;
    }
}

static inline void cx_value_clear(cx_value *v) /* releases; v becomes NONE */
{
    if (cx_value_holds_payload(v)) cx_value_release_slow(v);
    cx_value_init(v);
}

static inline void cx_value_move(cx_value *dst,
                                 cx_value *src) /* dst cleared first; src becomes NONE */
{
    if (dst == src) return;
    cx_value t;
    memcpy(&t, src, sizeof t);
    cx_value_init(src);
    cx_value_clear(dst);
    memcpy(dst, &t, sizeof t);
}

/* dst inited; shares heavy payloads.  A small number without a unit into a
 * value that holds no payload is a plain copy. */
static inline void cx_value_copy(cx_value *dst, const cx_value *src)
{
    if (src->kind == CX_VAL_NUM && src->u.num.kind == CX_NUM_SMALL && !src->unit && dst != src &&
        !cx_value_holds_payload(dst)) {
        dst->kind = CX_VAL_NUM;
        dst->u.num.kind = CX_NUM_SMALL;
        dst->u.num.u.s.num = src->u.num.u.s.num;
        dst->u.num.u.s.den = src->u.num.u.s.den;
        return;
    }
    cx_value_copy_slow(dst, src);
}

/* Constructors: v must be inited (any previous content is released). */
static inline void cx_value_set_num(cx_value *v, const cx_num *n) /* copies n; no unit */
{
    if (v->kind == CX_VAL_NUM && !v->unit) {
        cx_num_set(&v->u.num, n);
        return;
    }
    if (n->kind == CX_NUM_SMALL && !cx_value_holds_payload(v)) {
        v->kind = CX_VAL_NUM;
        v->u.num.kind = CX_NUM_SMALL;
        v->u.num.u.s.num = n->u.s.num;
        v->u.num.u.s.den = n->u.s.den;
        return;
    }
    cx_value_set_num_slow(v, n);
}

static inline void cx_value_take_num(cx_value *v, cx_num *n) /* moves n; n left as exact 0 */
{
    if (v->kind == CX_VAL_NUM && n == &v->u.num) return;
    cx_num t;
    cx_num_init(&t);
    cx_num_swap(&t, n); /* n is now an exact 0; n may live in v's payload */
    cx_value_clear(v);
    v->kind = CX_VAL_NUM;
    memcpy(&v->u.num, &t, sizeof t); /* t is forgotten: a move */
}
void cx_value_set_bool(cx_value *v, bool b);
void cx_value_set_period(cx_value *v, const cx_period *p);
bool cx_value_set_str(cx_value *v, const char *s, size_t len); /* false on allocation failure */
void cx_value_take_list(cx_value *v, cx_list *l);              /* takes the caller's reference */
void cx_value_take_series(cx_value *v, struct cx_series *s);
void cx_value_take_range(cx_value *v, cx_range *r);
void cx_value_take_bound(cx_value *v, cx_bound *b); /* takes the caller's reference */

cx_list *cx_list_new(size_t cap);                   /* rc 1, len 0; NULL on failure */
bool cx_list_push_take(cx_list *l, cx_value *item); /* moves item in */
void cx_list_unref(cx_list *l);
cx_range *cx_range_new(void); /* rc 1, numbers zeroed */
void cx_range_unref(cx_range *r);
cx_bound *cx_bound_new(void); /* rc 1, the point 0; NULL on failure */
void cx_bound_unref(cx_bound *b);

/* Gives v the unit u (a new reference; NULL removes v's unit). */
void cx_value_set_unit(cx_value *v, struct cx_uom *u);

const char *cx_value_kind_name(cx_val_kind k); /* "number", "series", ... for messages */

#endif
