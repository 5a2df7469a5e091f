/* env.c - global bindings (a hash index over an ordered array) and the stack
 * of local bindings.  No evaluation and no error reporting here: exec.c
 * decides what a redefinition means. */
#include "env.h"
#include "../runtime/grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void cx_env_init(cx_env *e) { memset(e, 0, sizeof *e); }

/* CX_GROW for a binding's 32-bit counts. */
static bool grow32(void *arrp, uint32_t *cap, uint32_t len, size_t size, size_t first)
{
    if (len == UINT32_MAX) return false;
    size_t c = *cap;
    if (!cx_grow(arrp, &c, len, size, first)) return false;
    *cap = c > UINT32_MAX ? UINT32_MAX : (uint32_t)c;
    return true;
}

void cx_binding_clear_bound_periods(cx_binding *b)
{
    for (size_t i = 0; i < b->n_bound_periods; i++) cx_value_clear(&b->bound_periods[i].value);
    b->n_bound_periods = 0;
}

const cx_value *cx_binding_bound_period(const cx_binding *b, int64_t ord)
{
    for (size_t i = 0; i < b->n_bound_periods; i++)
        if (b->bound_periods[i].ord == ord) return &b->bound_periods[i].value;
    return NULL;
}

bool cx_binding_set_bound_period(cx_binding *b, int64_t ord, const cx_value *v)
{
    for (size_t i = 0; i < b->n_bound_periods; i++)
        if (b->bound_periods[i].ord == ord) {
            if (v) {
                cx_value_copy(&b->bound_periods[i].value, v);
            } else {
                cx_value_clear(&b->bound_periods[i].value);
                b->bound_periods[i] = b->bound_periods[--b->n_bound_periods];
            }
            return true;
        }
    if (!v) return true;
    if (!grow32(&b->bound_periods, &b->cap_bound_periods, b->n_bound_periods,
                sizeof *b->bound_periods, 4))
        return false;
    cx_bound_period *p = &b->bound_periods[b->n_bound_periods++];
    p->ord = ord;
    cx_value_init(&p->value);
    cx_value_copy(&p->value, v);
    return true;
}

static void free_binding(cx_binding *b)
{
    cx_binding_clear_bound_periods(b);
    free(b->bound_periods);
    cx_value_clear(&b->value);
    free(b->period_notes);
    free(b);
}

void cx_env_free(cx_env *e)
{
    for (size_t i = 0; i < e->n_globals; i++) free_binding(e->globals[i]);
    free(e->globals);
    free(e->index);
    cx_env_pop_locals(e, 0);
    free(e->locals);
    memset(e, 0, sizeof *e);
}

/* Names are short: comparing them here beats a call to strcmp. */
static inline bool same_name(const char *a, const char *b)
{
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

/* FNV-1a: names are short and this is cheap. */
static size_t hash_name(const char *s)
{
    size_t h = 1469598103934665603ull;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

cx_binding *cx_env_global(const cx_env *e, const char *name)
{
    if (!e->index_cap) return NULL;
    size_t mask = e->index_cap - 1;
    for (size_t i = hash_name(name) & mask;; i = (i + 1) & mask) {
        uint32_t slot = e->index[i];
        if (!slot) return NULL;
        cx_binding *b = e->globals[slot - 1];
        if (same_name(b->name, name)) return b;
    }
}

static bool grow_index(cx_env *e)
{
    size_t cap = e->index_cap ? e->index_cap * 2 : 64;
    /* Slots hold global numbers + 1 in 32 bits (half the index of size_t). */
    if (cap / 2 > UINT32_MAX) return false;
    uint32_t *idx = calloc(cap, sizeof *idx);
    if (!idx) return false;
    for (size_t g = 0; g < e->n_globals; g++) {
        size_t i = hash_name(e->globals[g]->name) & (cap - 1);
        while (idx[i]) i = (i + 1) & (cap - 1);
        idx[i] = (uint32_t)(g + 1);
    }
    free(e->index);
    e->index = idx;
    e->index_cap = cap;
    return true;
}

cx_binding *cx_env_define(cx_env *e, const char *name, cx_span span)
{
    /* Keep the load factor under one half so probes stay short. */
    if ((e->n_globals + 1) * 2 > e->index_cap && !grow_index(e)) return NULL;
    if (!CX_GROW(e->globals, e->cap_globals, e->n_globals, 32)) return NULL;
    size_t len = strlen(name);
    if (len > SIZE_MAX - sizeof(cx_binding) - 1) return NULL;
    cx_binding *b = calloc(1, sizeof *b + len + 1);
    if (!b) return NULL;
    memcpy(b->name_buf, name, len + 1);
    b->name = b->name_buf;
    b->span = span;
    cx_value_init(&b->value);
    e->globals[e->n_globals++] = b;
    e->generation++;
    size_t mask = e->index_cap - 1, i = hash_name(name) & mask;
    while (e->index[i]) i = (i + 1) & mask;
    e->index[i] = (uint32_t)e->n_globals;
    return b;
}

static bool same_note(const cx_period_note *n, cx_span span, cx_figure fig)
{
    return n->span.src == span.src && n->span.start == span.start && n->span.end == span.end &&
           n->figure.quantum10 == fig.quantum10 && n->figure.suffix == fig.suffix &&
           n->figure.written == fig.written && n->figure.fact == fig.fact;
}

static bool in_note(const cx_period_note *n, int64_t ord)
{
    return ord >= n->ord && (uint64_t)ord - (uint64_t)n->ord < (uint64_t)n->count;
}

bool cx_binding_note_period(cx_binding *b, int64_t ord, cx_span span, cx_figure fig)
{
    /* The next period of the latest run, set by the same code the same way,
     * extends the run. */
    if (b->n_periods) {
        cx_period_note *last = &b->period_notes[b->n_periods - 1];
        if (same_note(last, span, fig) && last->count < INT64_MAX && ord > last->ord &&
            (uint64_t)ord - (uint64_t)last->ord == (uint64_t)last->count) {
            last->count++;
            return true;
        }
    }
    if (!grow32(&b->period_notes, &b->cap_periods, b->n_periods, sizeof *b->period_notes, 8))
        return false;
    b->period_notes[b->n_periods++] = (cx_period_note){ord, 1, span, fig};
    return true;
}

cx_figure cx_binding_period_figure(const cx_binding *b, int64_t ord)
{
    for (size_t i = b->n_periods; i-- > 0;)
        if (in_note(&b->period_notes[i], ord)) return b->period_notes[i].figure;
    return (cx_figure){0, 0, false, false};
}

cx_span cx_binding_period_span(const cx_binding *b, int64_t ord)
{
    /* Only used to explain an error, so a linear search is fine. */
    for (size_t i = 0; i < b->n_periods; i++)
        if (in_note(&b->period_notes[i], ord)) return b->period_notes[i].span;
    return b->span;
}

cx_value *cx_env_local(cx_env *e, const char *name)
{
    for (size_t i = e->n_locals; i > e->frame_base; i--)
        if (same_name(e->locals[i - 1].name, name)) return &e->locals[i - 1].value;
    return NULL;
}

bool cx_env_push_local(cx_env *e, const char *name, cx_value *v)
{
    if (!CX_GROW(e->locals, e->cap_locals, e->n_locals, 16)) return false;
    cx_local *l = &e->locals[e->n_locals++];
    l->name = name;
    cx_value_init(&l->value);
    cx_value_move(&l->value, v);
    return true;
}

void cx_env_pop_locals(cx_env *e, size_t mark)
{
    while (e->n_locals > mark) cx_value_clear(&e->locals[--e->n_locals].value);
}

/* A number literal, possibly negated, keeps its written precision and
 * suffix; anything else is computed.  A constant (no names) is a fact. */
cx_figure cx_written_figure(const cx_ast *n)
{
    bool fact = cx_ast_not_constant(n) == NULL;
    while (n->kind == CX_AST_UNARY && (n->op == '-' || n->op == '+')) n = cx_ast_operand(n);
    if (n->kind == CX_AST_UNIT_NUM) n = n->a; /* 4.8B USD/qtr: written as 4.8B */
    if (n->kind != CX_AST_NUM) return (cx_figure){0, 0, false, fact};
    return (cx_figure){n->num.quantum10, n->num.suffix, true, fact};
}
