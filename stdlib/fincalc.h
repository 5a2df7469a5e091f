/* fincalc.h - shorthand for the exact formulas of the financial families
 * (stdlib/ only): each step runs only while every earlier step succeeded, so a
 * formula reads as a list of operations with one status check at the end,
 * instead of a goto after every line.  Exactness and limits stay number.c's:
 * these are the same cx_num operations, made sticky. */
#ifndef CX_STDLIB_FINCALC_H
#define CX_STDLIB_FINCALC_H

#include "../runtime/number.h"

typedef struct cx_fc {
    const cx_num_ctx *ctx;
    cx_num_status st; /* the first failure; later steps do nothing */
} cx_fc;

static inline void cx_fc_add(cx_fc *f, cx_num *o, const cx_num *a, const cx_num *b)
{
    if (f->st == CX_NUM_OK) f->st = cx_num_add(o, a, b, f->ctx);
}
static inline void cx_fc_sub(cx_fc *f, cx_num *o, const cx_num *a, const cx_num *b)
{
    if (f->st == CX_NUM_OK) f->st = cx_num_sub(o, a, b, f->ctx);
}
static inline void cx_fc_mul(cx_fc *f, cx_num *o, const cx_num *a, const cx_num *b)
{
    if (f->st == CX_NUM_OK) f->st = cx_num_mul(o, a, b, f->ctx);
}
static inline void cx_fc_div(cx_fc *f, cx_num *o, const cx_num *a, const cx_num *b)
{
    if (f->st == CX_NUM_OK) f->st = cx_num_div(o, a, b, f->ctx);
}
static inline void cx_fc_pow(cx_fc *f, cx_num *o, const cx_num *a, const cx_num *b)
{
    if (f->st == CX_NUM_OK) f->st = cx_num_pow(o, a, b, f->ctx);
}
/* o = a + k, a * k, a^k for a machine integer k. */
static inline void cx_fc_addi(cx_fc *f, cx_num *o, const cx_num *a, int64_t k)
{
    cx_num t;
    cx_num_init(&t);
    cx_num_set_si(&t, k);
    cx_fc_add(f, o, a, &t);
    cx_num_clear(&t);
}
static inline void cx_fc_muli(cx_fc *f, cx_num *o, const cx_num *a, int64_t k)
{
    cx_num t;
    cx_num_init(&t);
    cx_num_set_si(&t, k);
    cx_fc_mul(f, o, a, &t);
    cx_num_clear(&t);
}
static inline void cx_fc_powi(cx_fc *f, cx_num *o, const cx_num *a, int64_t k)
{
    cx_num t;
    cx_num_init(&t);
    cx_num_set_si(&t, k);
    cx_fc_pow(f, o, a, &t);
    cx_num_clear(&t);
}

#endif
