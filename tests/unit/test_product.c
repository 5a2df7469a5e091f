/* test_product.c - runtime/product.c: the balanced product equals the left
 * fold, for any number of factors, empty included. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include "../../runtime/product.h"

static const cx_num_ctx C = {3321929, 256};

Test(product, equals_the_left_fold_for_every_count)
{
    for (int n = 0; n <= 70; n++) {
        cx_product p;
        cx_product_init(&p);
        cx_num left, x, got;
        cx_num_init(&left);
        cx_num_init(&x);
        cx_num_init(&got);
        cx_num_set_si(&left, 1);
        for (int i = 1; i <= n; i++) {
            cx_num_set_frac(&x, 1000003LL * i, i % 7 + 1); /* grows past int64 */
            cr_assert(eq(int, cx_num_mul(&left, &left, &x, &C), CX_NUM_OK));
            cr_assert(eq(int, cx_product_add(&p, &x, &C), CX_NUM_OK));
        }
        cr_assert(eq(int, cx_product_take(&p, &got, &C), CX_NUM_OK));
        cr_expect(cx_num_eq(&got, &left), "n = %d", n);
        cr_expect(eq(sz, p.depth, 0));
        cx_product_clear(&p);
        cx_num_clear(&left);
        cx_num_clear(&x);
        cx_num_clear(&got);
    }
}

Test(product, clear_frees_a_product_left_halfway)
{
    cx_product p;
    cx_product_init(&p);
    cx_num x;
    cx_num_init(&x);
    cx_num_set_si(&x, 3);
    for (int i = 0; i < 5; i++) cx_product_add(&p, &x, &C);
    cr_expect(gt(sz, p.depth, 0));
    cx_product_clear(&p);
    cr_expect(eq(sz, p.depth, 0));
    cx_num_clear(&x);
}
