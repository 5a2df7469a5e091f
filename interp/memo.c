/* memo.c - the table of remembered user function results (memo.h): open
 * addressing over a hash of the function and its scalar arguments. */
#include "memo.h"

#include <stdlib.h>
#include <string.h>

void cx_memo_init(cx_memo *m) { memset(m, 0, sizeof *m); }

static void clear_entry(cx_memo_entry *e)
{
    for (size_t i = 0; i < e->nargs; i++) cx_value_clear(&e->args[i]);
    free(e->args);
    cx_value_clear(&e->result);
    memset(e, 0, sizeof *e);
}

void cx_memo_free(cx_memo *m)
{
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].fn) clear_entry(&m->slots[i]);
    free(m->slots);
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

static cx_memo_entry *find(const cx_memo *m, const cx_ast *fn, const cx_value *args, size_t nargs,
                           uint64_t h)
{
    if (!m->cap) return NULL;
    for (size_t i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        cx_memo_entry *e = &m->slots[i];
        if (!e->fn) return e;
        if (e->fn == fn && e->hash == h && e->nargs == nargs) {
            size_t k = 0;
            while (k < nargs && same_value(&e->args[k], &args[k])) k++;
            if (k == nargs) return e;
        }
    }
}

bool cx_memo_get(const cx_memo *m, const cx_ast *fn, const cx_value *args, size_t nargs,
                 uint64_t generation, cx_value *out)
{
    uint64_t h;
    if (!key_hash(fn, args, nargs, &h)) return false;
    cx_memo_entry *e = find(m, fn, args, nargs, h);
    if (!e || !e->fn || e->generation != generation) return false;
    cx_value_copy(out, &e->result);
    return true;
}

void cx_memo_put(cx_memo *m, const cx_ast *fn, const cx_value *args, size_t nargs,
                 uint64_t generation, const cx_value *result)
{
    uint64_t h;
    if (!key_hash(fn, args, nargs, &h)) return;
    /* Kept at most half full; past the bound the table starts over. */
    if ((m->len + 1) * 2 > m->cap) {
        if (m->cap >= 2 * CX_MEMO_MAX_ENTRIES) {
            for (size_t i = 0; i < m->cap; i++)
                if (m->slots[i].fn) clear_entry(&m->slots[i]);
            m->len = 0;
        } else {
            size_t ncap = m->cap ? m->cap * 2 : 64;
            cx_memo_entry *ns = calloc(ncap, sizeof *ns);
            if (!ns) return;
            cx_memo old = *m;
            m->slots = ns;
            m->cap = ncap;
            for (size_t i = 0; i < old.cap; i++)
                if (old.slots[i].fn)
                    *find(m, old.slots[i].fn, old.slots[i].args, old.slots[i].nargs,
                          old.slots[i].hash) = old.slots[i];
            free(old.slots);
        }
    }
    cx_memo_entry *e = find(m, fn, args, nargs, h);
    if (e->fn) clear_entry(e);
    else m->len++;
    cx_value *copy = nargs ? calloc(nargs, sizeof *copy) : NULL;
    if (nargs && !copy) {
        m->len--;
        return;
    }
    for (size_t i = 0; i < nargs; i++) {
        cx_value_init(&copy[i]);
        cx_value_copy(&copy[i], &args[i]);
    }
    e->fn = fn;
    e->hash = h;
    e->generation = generation;
    e->args = copy;
    e->nargs = nargs;
    cx_value_init(&e->result);
    cx_value_copy(&e->result, result);
}
