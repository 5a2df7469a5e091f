/* memo.c - the table of remembered user function results (memo.h): open
 * addressing over a hash of the function and its scalar arguments. */
#include "memo.h"

#include <stdlib.h>
#include <string.h>
#include "../runtime/grow.h"

void cx_memo_init(cx_memo *m) { memset(m, 0, sizeof *m); }

static void clear_entry(cx_memo_entry *e)
{
    if (e->nargs) cx_value_clear(&e->arg0);
    for (size_t i = 1; i < e->nargs; i++) cx_value_clear(&e->more[i - 1]);
    free(e->more);
    cx_value_clear(&e->result);
    memset(e, 0, sizeof *e);
}

static void clear_all(cx_memo *m)
{
    for (size_t i = 0; i < m->len; i++) clear_entry(&m->entries[i]);
    m->len = 0;
    if (m->index) memset(m->index, 0, m->index_cap * sizeof *m->index);
}

void cx_memo_free(cx_memo *m)
{
    clear_all(m);
    free(m->entries);
    free(m->index);
    cx_memo_init(m);
}

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdULL;
}

static uint64_t hash_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 0x100000001b3ULL;
    return h;
}

/* A hash of a remembered argument; false for a kind that is not. */
static bool hash_value(const cx_value *v, uint64_t *h)
{
    if (v->unit) return false; /* a call with units is not remembered (5 USD is not 5 EUR) */
    *h = mix(*h, (uint64_t)v->kind);
    switch (v->kind) {
    case CX_VAL_BOOL: *h = mix(*h, v->u.b); return true;
    case CX_VAL_PERIOD:
        *h = mix(mix(*h, (uint64_t)v->u.period.freq), (uint64_t)v->u.period.ord);
        return true;
    case CX_VAL_STR: *h = hash_bytes(*h, v->u.str->data, v->u.str->len); return true;
    case CX_VAL_NUM: {
        const cx_num *x = &v->u.num;
        *h = mix(*h, (uint64_t)x->kind);
        if (x->kind == CX_NUM_SMALL) {
            *h = mix(mix(*h, (uint64_t)x->u.s.num), (uint64_t)x->u.s.den);
        } else if (x->kind == CX_NUM_BIG) {
            const mpz_srcptr n = mpq_numref(x->u.q), d = mpq_denref(x->u.q);
            *h = mix(*h, (uint64_t)mpz_sgn(n));
            *h = hash_bytes(*h, n->_mp_d, sizeof(mp_limb_t) * (size_t)abs(n->_mp_size));
            *h = hash_bytes(*h, d->_mp_d, sizeof(mp_limb_t) * (size_t)abs(d->_mp_size));
        } else {
            /* Approximate: equal values may differ in precision; the
             * equality test decides, the hash only spreads. */
            *h = mix(*h, (uint64_t)mpfr_sgn(x->u.f));
        }
        return true;
    }
    default: return false;
    }
}

static bool same_value(const cx_value *a, const cx_value *b)
{
    if (a->kind != b->kind) return false;
    switch (a->kind) {
    case CX_VAL_BOOL: return a->u.b == b->u.b;
    case CX_VAL_PERIOD:
        return a->u.period.freq == b->u.period.freq && a->u.period.ord == b->u.period.ord;
    case CX_VAL_STR:
        return a->u.str->len == b->u.str->len &&
               memcmp(a->u.str->data, b->u.str->data, a->u.str->len) == 0;
    case CX_VAL_NUM:
        /* 1 and ≈1 are different arguments: the result's exactness differs. */
        return cx_num_is_exact(&a->u.num) == cx_num_is_exact(&b->u.num) &&
               cx_num_eq(&a->u.num, &b->u.num) &&
               (cx_num_is_exact(&a->u.num) ||
                mpfr_get_prec(a->u.num.u.f) == mpfr_get_prec(b->u.num.u.f));
    default: return false;
    }
}

static bool key_hash(const cx_ast *fn, const cx_value *args, size_t nargs, uint64_t *h)
{
    *h = mix(0x84222325cbf29ce4ULL, (uint64_t)(uintptr_t)fn);
    for (size_t i = 0; i < nargs; i++)
        if (!hash_value(&args[i], h)) return false;
    return true;
}

static const cx_value *arg_of(const cx_memo_entry *e, size_t k)
{
    return k == 0 ? &e->arg0 : &e->more[k - 1];
}

/* The index slot of fn(args): the slot that holds its entry, or the empty
 * slot where it would go. */
static uint32_t *find(const cx_memo *m, const cx_ast *fn, const cx_value *args, size_t nargs,
                      uint64_t h)
{
    size_t mask = m->index_cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t *slot = &m->index[i];
        if (!*slot) return slot;
        const cx_memo_entry *e = &m->entries[*slot - 1];
        if (e->fn == fn && e->hash == h && e->nargs == nargs) {
            size_t k = 0;
            while (k < nargs && same_value(arg_of(e, k), &args[k])) k++;
            if (k == nargs) return slot;
        }
    }
}

/* Room for one more entry with the index under half full; false when
 * there is no memory for it. */
static bool make_room(cx_memo *m)
{
    if (m->len >= CX_MEMO_MAX_ENTRIES) clear_all(m); /* past the bound: start over */
    if (!CX_GROW(m->entries, m->cap, m->len, 64)) return false;
    if ((m->len + 1) * 2 <= m->index_cap) return true;
    size_t ncap = m->index_cap ? m->index_cap * 2 : 128;
    uint32_t *idx = calloc(ncap, sizeof *idx);
    if (!idx) return false;
    for (size_t k = 0; k < m->len; k++) {
        size_t i = m->entries[k].hash & (ncap - 1);
        while (idx[i]) i = (i + 1) & (ncap - 1);
        idx[i] = (uint32_t)(k + 1);
    }
    free(m->index);
    m->index = idx;
    m->index_cap = ncap;
    return true;
}

bool cx_memo_get(const cx_memo *m, const cx_ast *fn, const cx_value *args, size_t nargs,
                 uint64_t generation, cx_value *out)
{
    uint64_t h;
    if (!m->len || !key_hash(fn, args, nargs, &h)) return false;
    uint32_t *slot = find(m, fn, args, nargs, h);
    if (!*slot) return false;
    const cx_memo_entry *e = &m->entries[*slot - 1];
    if (e->generation != generation) return false;
    cx_value_copy(out, &e->result);
    return true;
}

bool cx_memo_put(cx_memo *m, const cx_ast *fn, const cx_value *args, size_t nargs,
                 uint64_t generation, const cx_value *result)
{
    uint64_t h;
    if (!key_hash(fn, args, nargs, &h)) return true;
    if (m->len) {
        uint32_t *slot = find(m, fn, args, nargs, h);
        if (*slot) { /* remembered at an older generation: the new result replaces it */
            cx_memo_entry *e = &m->entries[*slot - 1];
            e->generation = generation;
            cx_value_copy(&e->result, result);
            return true;
        }
    }
    cx_value *more = NULL;
    if (nargs > 1 && !(more = calloc(nargs - 1, sizeof *more))) return false;
    if (!make_room(m)) {
        free(more);
        return false;
    }
    cx_memo_entry *e = &m->entries[m->len];
    memset(e, 0, sizeof *e);
    e->fn = fn;
    e->hash = h;
    e->generation = generation;
    e->nargs = nargs;
    e->more = more;
    cx_value_init(&e->arg0);
    if (nargs) cx_value_copy(&e->arg0, &args[0]);
    for (size_t i = 1; i < nargs; i++) {
        cx_value_init(&more[i - 1]);
        cx_value_copy(&more[i - 1], &args[i]);
    }
    cx_value_init(&e->result);
    cx_value_copy(&e->result, result);
    m->len++;
    *find(m, fn, args, nargs, h) = (uint32_t)m->len;
    return true;
}
