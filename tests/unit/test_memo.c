/* test_memo.c - remembered user function results: hits and misses by
 * arguments and generation, every argument count, kinds that are not
 * remembered, the index growing past thousands of entries, and starting
 * over at the bound (ASan's leak check proves every argument is freed). */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdint.h>
#include "../../interp/memo.h"

/* The memo knows a function by its node's address only. */
static const int fn_a_node = 0, fn_b_node = 0;
#define FN_A ((const cx_ast *)(const void *)&fn_a_node)
#define FN_B ((const cx_ast *)(const void *)&fn_b_node)

static void num(cx_value *v, int64_t n, int64_t d)
{
    cx_num x;
    cx_num_init(&x);
    cx_num_set_frac(&x, n, d);
    cx_value_init(v);
    cx_value_set_num(v, &x);
    cx_num_clear(&x);
}

static int64_t got_si(const cx_value *v)
{
    int64_t x = 0;
    cr_assert(eq(int, (int)v->kind, (int)CX_VAL_NUM));
    cr_assert(cx_num_get_si(&v->u.num, &x));
    return x;
}

Test(memo, remembers_by_function_arguments_and_generation)
{
    cx_memo m;
    cx_memo_init(&m);
    cx_value args[3], res, out;
    num(&args[0], 1, 3);
    num(&args[1], 2, 1);
    cx_value_init(&args[2]);
    cr_assert(cx_value_set_str(&args[2], "q", 1));
    num(&res, 42, 1);
    cx_value_init(&out);
    cr_assert(not(cx_memo_get(&m, FN_A, args, 1, 7, &out))); /* empty */
    cx_memo_put(&m, FN_A, NULL, 0, 7, &res);                 /* no arguments */
    cx_memo_put(&m, FN_A, args, 1, 7, &res);
    cx_memo_put(&m, FN_A, args, 3, 7, &res); /* three, one a string */
    cr_assert(cx_memo_get(&m, FN_A, NULL, 0, 7, &out));
    cr_assert(cx_memo_get(&m, FN_A, args, 1, 7, &out));
    cr_assert(eq(i64, got_si(&out), 42));
    cr_assert(cx_memo_get(&m, FN_A, args, 3, 7, &out));
    cr_assert(not(cx_memo_get(&m, FN_A, args, 2, 7, &out))); /* other count */
    cr_assert(not(cx_memo_get(&m, FN_B, args, 1, 7, &out))); /* other function */
    cr_assert(not(cx_memo_get(&m, FN_A, args, 1, 8, &out))); /* names changed since */
    cx_value other;
    num(&other, 1, 4);
    cr_assert(not(cx_memo_get(&m, FN_A, &other, 1, 7, &out))); /* other value */
    /* A new generation's result replaces the old one. */
    cx_value res2;
    num(&res2, 43, 1);
    cx_memo_put(&m, FN_A, args, 1, 8, &res2);
    cr_assert(cx_memo_get(&m, FN_A, args, 1, 8, &out));
    cr_assert(eq(i64, got_si(&out), 43));
    cr_assert(not(cx_memo_get(&m, FN_A, args, 1, 7, &out)));
    cr_assert(eq(sz, m.len, 3));
    /* A list argument is not remembered. */
    cx_value list;
    cx_value_init(&list);
    cx_value_take_list(&list, cx_list_new(0));
    cx_memo_put(&m, FN_B, &list, 1, 8, &res);
    cr_assert(not(cx_memo_get(&m, FN_B, &list, 1, 8, &out)));
    cr_assert(eq(sz, m.len, 3));
    for (int i = 0; i < 3; i++) cx_value_clear(&args[i]);
    cx_value_clear(&other);
    cx_value_clear(&list);
    cx_value_clear(&res);
    cx_value_clear(&res2);
    cx_value_clear(&out);
    cx_memo_free(&m);
}

Test(memo, many_entries_then_starting_over_at_the_bound)
{
    cx_memo m;
    cx_memo_init(&m);
    cx_value arg, res, out;
    cx_value_init(&arg);
    cx_value_init(&res);
    cx_value_init(&out);
    /* Numbers past int64 as arguments and results: GMP limbs to free. */
    static const cx_num_ctx ctx = {3321929, 256};
    cx_num big, k;
    cx_num_init(&big);
    cx_num_init(&k);
    cx_num_set_si(&big, INT64_MAX);
    for (int64_t i = 0; i < CX_MEMO_MAX_ENTRIES; i++) {
        cx_num_set_si(&k, i);
        cr_assert(eq(int, cx_num_add(&k, &k, &big, &ctx), CX_NUM_OK));
        cx_value_set_num(&arg, &k);
        cx_value_set_num(&res, &k);
        cx_memo_put(&m, FN_A, &arg, 1, 1, &res);
    }
    cr_assert(eq(sz, m.len, CX_MEMO_MAX_ENTRIES));
    for (int64_t i = 0; i < CX_MEMO_MAX_ENTRIES; i += 997) {
        cx_num_set_si(&k, i);
        cr_assert(eq(int, cx_num_add(&k, &k, &big, &ctx), CX_NUM_OK));
        cx_value_set_num(&arg, &k);
        cr_assert(cx_memo_get(&m, FN_A, &arg, 1, 1, &out), "entry %lld", (long long)i);
        cr_assert(eq(int, cx_num_cmp(&out.u.num, &k), 0));
    }
    /* One more: the table starts over, then holds the newcomer. */
    cx_num_set_si(&k, -5);
    cx_value_set_num(&arg, &k);
    cx_memo_put(&m, FN_B, &arg, 1, 1, &res);
    cr_assert(eq(sz, m.len, 1));
    cr_assert(cx_memo_get(&m, FN_B, &arg, 1, 1, &out));
    cx_num_set_si(&k, 0);
    cr_assert(eq(int, cx_num_add(&k, &k, &big, &ctx), CX_NUM_OK));
    cx_value_set_num(&arg, &k);
    cr_assert(not(cx_memo_get(&m, FN_A, &arg, 1, 1, &out)));
    cx_num_clear(&big);
    cx_num_clear(&k);
    cx_value_clear(&arg);
    cx_value_clear(&res);
    cx_value_clear(&out);
    cx_memo_free(&m);
}
