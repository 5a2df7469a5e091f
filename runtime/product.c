/* product.c - the balanced product (product.h). */
#include "product.h"

void cx_product_init(cx_product *p) { p->depth = 0; }

cx_num_status cx_product_add(cx_product *p, const cx_num *x, const cx_num_ctx *ctx)
{
    cx_num_status st = CX_NUM_OK;
    cx_num_init(&p->part[p->depth]);
    cx_num_set(&p->part[p->depth], x);
    p->level[p->depth++] = 0;
    while (p->depth >= 2 && p->level[p->depth - 1] == p->level[p->depth - 2]) {
        st =
            cx_num_mul(&p->part[p->depth - 2], &p->part[p->depth - 2], &p->part[p->depth - 1], ctx);
        cx_num_clear(&p->part[--p->depth]);
        p->level[p->depth - 1]++;
        if (st != CX_NUM_OK) break;
    }
    return st;
}

cx_num_status cx_product_take(cx_product *p, cx_num *out, const cx_num_ctx *ctx)
{
    cx_num_status st = CX_NUM_OK;
    cx_num_set_si(out, 1);
    /* The smallest parts first, into the running result. */
    while (p->depth > 0) {
        if (st == CX_NUM_OK) st = cx_num_mul(out, out, &p->part[p->depth - 1], ctx);
        cx_num_clear(&p->part[--p->depth]);
    }
    return st;
}

void cx_product_clear(cx_product *p)
{
    while (p->depth > 0) cx_num_clear(&p->part[--p->depth]);
}
