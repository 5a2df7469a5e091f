/* product.h - a product of many numbers kept as a balanced tree: partial
 * products of equal size merge (a stack where two of one level become one
 * of the next), so n factors cost O(M(n) log n) instead of the O(n^2) of a
 * left fold: 200,000! in a fraction of a second.  An exact product does not
 * depend on the order; an approximate one differs only within its
 * rounding. */
#ifndef CX_PRODUCT_H
#define CX_PRODUCT_H

#include <stddef.h>
#include "number.h"

typedef struct cx_product {
    cx_num part[64]; /* part[i] is the product of 2^level[i] factors */
    unsigned level[64];
    size_t depth;
} cx_product;

void cx_product_init(cx_product *p);
/* Multiplies x in. */
cx_num_status cx_product_add(cx_product *p, const cx_num *x, const cx_num_ctx *ctx);
/* *out = the product (1 when empty), and p is empty again. */
cx_num_status cx_product_take(cx_product *p, cx_num *out, const cx_num_ctx *ctx);
/* Frees what p holds (after a failure). */
void cx_product_clear(cx_product *p);

#endif
