/* test_value.c - value lifecycle: copies share reference-counted payloads,
 * clears release them (ASan with leak detection proves nothing is lost),
 * moves transfer ownership, constructors release what they replace. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <string.h>
#include "../../runtime/series.h"
#include "../../runtime/unit.h"
#include "../../runtime/value.h"

#define assert_str(got, want) cr_assert(eq(str, (char *)(got), (char *)(want)))

static int64_t get_si(const cx_num *x)
{
    int64_t v = 0;
    cr_assert(cx_num_get_si(x, &v), "not an integer");
    return v;
}

static void num_value(cx_value *v, int64_t x)
{
    cx_num n;
    cx_num_init(&n);
    cx_num_set_si(&n, x);
    cx_value_set_num(v, &n);
    cx_num_clear(&n);
}

static cx_list *list_of(int64_t a, int64_t b)
{
    cx_list *l = cx_list_new(0);
    cr_assert(ne(ptr, l, NULL));
    cx_value it;
    cx_value_init(&it);
    num_value(&it, a);
    cr_assert(cx_list_push_take(l, &it));
    cr_assert(eq(int, (int)it.kind, (int)CX_VAL_NONE), "push moves the item");
    num_value(&it, b);
    cr_assert(cx_list_push_take(l, &it));
    return l;
}

Test(value, init_gives_nothing_and_clear_is_idempotent)
{
    cx_value v;
    cx_value_init(&v);
    cr_assert(eq(int, (int)v.kind, (int)CX_VAL_NONE));
    cx_value_clear(&v);
    cx_value_clear(&v);
    cr_assert(eq(int, (int)v.kind, (int)CX_VAL_NONE));
}

Test(value, kind_names_for_messages)
{
    assert_str(cx_value_kind_name(CX_VAL_NONE), "nothing");
    assert_str(cx_value_kind_name(CX_VAL_NUM), "number");
    assert_str(cx_value_kind_name(CX_VAL_BOOL), "boolean");
    assert_str(cx_value_kind_name(CX_VAL_STR), "string");
    assert_str(cx_value_kind_name(CX_VAL_PERIOD), "period");
    assert_str(cx_value_kind_name(CX_VAL_LIST), "list");
    assert_str(cx_value_kind_name(CX_VAL_SERIES), "series");
    assert_str(cx_value_kind_name(CX_VAL_RANGE), "range");
    assert_str(cx_value_kind_name(CX_VAL_FUNC), "function");
}

Test(value, number_copy_is_deep)
{
    cx_value a, b;
    cx_value_init(&a);
    cx_value_init(&b);
    num_value(&a, 7);
    cx_value_copy(&b, &a);
    num_value(&b, 8); /* changes b in place */
    cr_assert(eq(i64, get_si(&a.u.num), 7));
    cr_assert(eq(i64, get_si(&b.u.num), 8));
    cx_value_clear(&a);
    cx_value_clear(&b);
}

Test(value, string_copy_shares_and_clear_releases)
{
    cx_value a, b;
    cx_value_init(&a);
    cx_value_init(&b);
    cr_assert(cx_value_set_str(&a, "a\0b", 3));
    cr_assert(eq(sz, a.u.str->len, 3));
    cr_assert(eq(int, memcmp(a.u.str->data, "a\0b", 4), 0), "text and a terminating NUL");
    cx_value_copy(&b, &a);
    cr_assert(eq(ptr, b.u.str, a.u.str));
    cr_assert(eq(int, a.u.str->rc, 2));
    cx_value_clear(&a);
    cr_assert(eq(int, a.kind, CX_VAL_NONE));
    cr_assert(eq(int, b.u.str->rc, 1));
    cr_assert(eq(int, b.u.str->data[2], 'b'));
    cx_value_clear(&b);
}

Test(value, empty_string)
{
    cx_value v;
    cx_value_init(&v);
    cr_assert(cx_value_set_str(&v, NULL, 0));
    cr_assert(eq(sz, v.u.str->len, 0));
    assert_str(v.u.str->data, "");
    cx_value_clear(&v);
}

Test(value, list_copy_shares_and_the_last_clear_frees_the_items)
{
    cx_value a, b;
    cx_value_init(&a);
    cx_value_init(&b);
    cx_value_take_list(&a, list_of(1, 2));
    cx_value_copy(&b, &a);
    cr_assert(eq(ptr, b.u.list, a.u.list));
    cr_assert(eq(int, a.u.list->rc, 2));
    cx_value_clear(&a);
    cr_assert(eq(int, b.u.list->rc, 1));
    cr_assert(eq(sz, b.u.list->len, 2));
    cr_assert(eq(i64, get_si(&b.u.list->items[1].u.num), 2));
    cx_value_clear(&b);
}

Test(value, list_grows_past_its_capacity_and_nests)
{
    cx_list *l = cx_list_new(1);
    cx_value it;
    cx_value_init(&it);
    for (int i = 0; i < 100; i++) {
        if (i % 10 == 0) {
            cx_value_take_list(&it, list_of(i, -i)); /* a list inside the list */
        } else if (i % 10 == 1) {
            cr_assert(cx_value_set_str(&it, "x", 1));
        } else {
            num_value(&it, i);
        }
        cr_assert(cx_list_push_take(l, &it));
    }
    cr_assert(eq(sz, l->len, 100));
    cr_assert(eq(int, (int)l->items[10].kind, (int)CX_VAL_LIST));
    cr_assert(eq(i64, get_si(&l->items[10].u.list->items[1].u.num), -10));
    cr_assert(eq(i64, get_si(&l->items[99].u.num), 99));
    cx_list_unref(l);
}

Test(value, series_copy_shares_and_clear_releases)
{
    cx_series *s = cx_series_new(CX_FREQ_YEAR);
    cx_num n;
    cx_num_init(&n);
    cx_num_set_si(&n, 125);
    cr_assert(cx_series_set(s, 2025, &n, (size_t)-1));
    cx_num_clear(&n);
    cx_value a, b;
    cx_value_init(&a);
    cx_value_init(&b);
    cx_value_take_series(&a, s);
    cx_value_copy(&b, &a);
    cr_assert(eq(ptr, b.u.series, s));
    cr_assert(eq(int, s->rc, 2));
    cx_value_clear(&a);
    cr_assert(eq(int, s->rc, 1));
    cx_value_clear(&b);
}

Test(value, range_new_is_zeroed_and_copies_share)
{
    cx_range *r = cx_range_new();
    cr_assert(ne(ptr, r, NULL));
    cr_assert(eq(int, r->rc, 1));
    cr_assert(not(r->of_periods));
    cr_assert(eq(i64, get_si(&r->lo), 0));
    cr_assert(eq(i64, get_si(&r->hi), 0));
    cr_assert(eq(i64, get_si(&r->step), 0));
    cx_num_set_si(&r->hi, 10);
    cx_num_set_si(&r->step, 1);
    cx_value a, b;
    cx_value_init(&a);
    cx_value_init(&b);
    cx_value_take_range(&a, r);
    cx_value_copy(&b, &a);
    cr_assert(eq(int, r->rc, 2));
    cx_value_clear(&a);
    cr_assert(eq(i64, get_si(&b.u.range->hi), 10));
    cx_value_clear(&b);
}

Test(value, move_transfers_and_empties_the_source)
{
    cx_value a, b;
    cx_value_init(&a);
    cx_value_init(&b);
    cr_assert(cx_value_set_str(&a, "moved", 5));
    cx_str *s = a.u.str;
    cx_value_take_list(&b, list_of(3, 4)); /* released by the move */
    cx_value_move(&b, &a);
    cr_assert(eq(int, (int)a.kind, (int)CX_VAL_NONE));
    cr_assert(eq(int, (int)b.kind, (int)CX_VAL_STR));
    cr_assert(eq(ptr, b.u.str, s));
    cr_assert(eq(int, s->rc, 1));
    cx_value_move(&b, &b); /* moving onto itself keeps the value */
    cr_assert(eq(ptr, b.u.str, s));
    cx_value_clear(&b);
}

Test(value, copy_over_a_value_releases_the_old_payload)
{
    cx_value a, b;
    cx_value_init(&a);
    cx_value_init(&b);
    cr_assert(cx_value_set_str(&a, "old", 3));
    num_value(&b, 5);
    cx_value_copy(&a, &b);
    cr_assert(eq(int, (int)a.kind, (int)CX_VAL_NUM));
    cr_assert(eq(i64, get_si(&a.u.num), 5));
    cx_value_copy(&a, &a);
    cr_assert(eq(i64, get_si(&a.u.num), 5));
    cx_value_clear(&a);
    cx_value_clear(&b);
}

Test(value, copy_from_an_item_of_the_destination_list)
{
    cx_value v;
    cx_value_init(&v);
    cx_value_take_list(&v, list_of(11, 12));
    /* The source lives inside the list v holds: the copy must be taken
     * before v lets go of the list. */
    cx_value_copy(&v, &v.u.list->items[1]);
    cr_assert(eq(int, (int)v.kind, (int)CX_VAL_NUM));
    cr_assert(eq(i64, get_si(&v.u.num), 12));
    cx_value_clear(&v);
}

Test(value, set_num_from_the_series_the_value_holds)
{
    cx_series *s = cx_series_new(CX_FREQ_YEAR);
    cx_num n;
    cx_num_init(&n);
    cx_num_set_si(&n, 83);
    cr_assert(cx_series_set(s, 2024, &n, (size_t)-1));
    cx_num_clear(&n);
    cx_value v;
    cx_value_init(&v);
    cx_value_take_series(&v, s);
    cx_value_set_num(&v, cx_series_get(v.u.series, 2024));
    cr_assert(eq(i64, get_si(&v.u.num), 83));
    cx_value_clear(&v);
}

Test(value, take_num_moves_and_leaves_zero)
{
    cx_num n;
    cx_num_init(&n);
    cx_num_set_si(&n, 99);
    cx_value v;
    cx_value_init(&v);
    cr_assert(cx_value_set_str(&v, "replaced", 8));
    cx_value_take_num(&v, &n);
    cr_assert(eq(i64, get_si(&v.u.num), 99));
    cr_assert(eq(i64, get_si(&n), 0));
    cx_num_clear(&n);
    cx_value_clear(&v);
}

/* clear, move and take_num are inline and call out only for a payload: a
 * BIG number (past int64) through each of them, and taken from the series
 * the value itself holds (ASan's leak check proves the limbs are freed). */
Test(value, big_numbers_move_take_and_clear_through_the_inline_paths)
{
    static const cx_num_ctx ctx = {3321929, 256};
    cx_num big, two;
    cx_num_init(&big);
    cx_num_init(&two);
    cx_num_set_si(&big, INT64_MAX);
    cx_num_set_si(&two, 2);
    cr_assert(eq(int, cx_num_mul(&big, &big, &two, &ctx), CX_NUM_OK)); /* 2^64 - 2 */
    cr_assert(eq(int, (int)big.kind, (int)CX_NUM_BIG));
    cx_value a, b;
    cx_value_init(&a);
    cx_value_init(&b);
    cx_value_set_num(&a, &big);
    cr_assert(cx_value_holds_payload(&a));
    cx_value_copy(&b, &a);
    cx_value_move(&b, &a); /* b's own BIG copy is released first */
    cr_assert(eq(int, (int)a.kind, (int)CX_VAL_NONE));
    cr_assert(not(cx_value_holds_payload(&a)));
    cr_assert(eq(int, cx_num_cmp(&b.u.num, &big), 0));
    cx_value_take_num(&b, &two); /* a SMALL number over a BIG one */
    cr_assert(eq(i64, get_si(&b.u.num), 2));
    cr_assert(not(cx_value_holds_payload(&b)));
    cx_value_take_num(&b, &big); /* and a BIG one over a SMALL one */
    cr_assert(eq(int, (int)b.u.num.kind, (int)CX_NUM_BIG));
    cr_assert(eq(i64, get_si(&big), 0));
    cx_value_clear(&b);
    cx_value_clear(&b); /* idempotent */

    /* take_num from inside the series the value holds. */
    cx_series *s = cx_series_new(CX_FREQ_YEAR);
    cx_num_set_si(&big, INT64_MAX);
    cx_num_set_si(&two, 3);
    cr_assert(eq(int, cx_num_mul(&big, &big, &two, &ctx), CX_NUM_OK));
    cr_assert(cx_series_set(s, 2024, &big, (size_t)-1));
    cx_value_take_series(&a, s);
    cx_num *inside = (cx_num *)cx_series_get(a.u.series, 2024);
    cx_value_take_num(&a, inside);
    cr_assert(eq(int, (int)a.kind, (int)CX_VAL_NUM));
    cr_assert(eq(int, cx_num_cmp(&a.u.num, &big), 0));
    cx_value_clear(&a);
    cx_num_clear(&big);
    cx_num_clear(&two);
}

/* copy and set_num take a plain path for a small number into a value with
 * no payload, and the full one otherwise: over a string, a BIG number, a
 * bool, onto itself. */
Test(value, copy_and_set_num_of_small_numbers_over_every_kind)
{
    static const cx_num_ctx ctx = {3321929, 256};
    cx_value small, dst;
    cx_value_init(&small);
    cx_value_init(&dst);
    num_value(&small, -42);
    cx_value_copy(&dst, &small); /* into NONE */
    cr_assert(eq(i64, get_si(&dst.u.num), -42));
    cr_assert(cx_value_set_str(&dst, "text", 4));
    cx_value_copy(&dst, &small); /* over a string: released */
    cr_assert(eq(i64, get_si(&dst.u.num), -42));
    cx_value_set_bool(&dst, true);
    cx_value_set_num(&dst, &small.u.num); /* over a bool */
    cr_assert(eq(int, (int)dst.kind, (int)CX_VAL_NUM));
    cr_assert(eq(i64, get_si(&dst.u.num), -42));
    cx_num big, two;
    cx_num_init(&big);
    cx_num_init(&two);
    cx_num_set_si(&big, INT64_MAX);
    cx_num_set_si(&two, 4);
    cr_assert(eq(int, cx_num_mul(&big, &big, &two, &ctx), CX_NUM_OK));
    cx_value_set_num(&dst, &big); /* BIG over SMALL */
    cr_assert(eq(int, (int)dst.u.num.kind, (int)CX_NUM_BIG));
    cx_value_copy(&dst, &small); /* SMALL over BIG: the limbs are freed */
    cr_assert(eq(i64, get_si(&dst.u.num), -42));
    cx_value_set_num(&dst, &big);
    cx_value_set_num(&dst, &small.u.num);
    cr_assert(eq(int, (int)dst.u.num.kind, (int)CX_NUM_SMALL));
    cx_value_copy(&dst, &dst); /* onto itself */
    cr_assert(eq(i64, get_si(&dst.u.num), -42));
    cx_value_clear(&dst);
    cx_value_clear(&small);
    cx_num_clear(&big);
    cx_num_clear(&two);
}

/* A unit is a payload of its own: the inline copy, set_num, move and clear
 * take the full path for a value with a unit (the copy shares the unit, a
 * number set over it drops it, the last clear frees it: ASan checks). */
Test(value, a_unit_takes_the_full_path_through_copy_set_num_and_clear)
{
    cx_uom *usd = NULL;
    size_t at, len;
    cr_assert(eq(int, cx_uom_parse("USD", 3, NULL, NULL, &usd, NULL, &at, &len), CX_UOM_PARSE_OK));
    cx_value a, b;
    cx_value_init(&a);
    cx_value_init(&b);
    num_value(&a, 5);           /* a small number... */
    cx_value_set_unit(&a, usd); /* ...with a unit */
    cr_assert(cx_value_holds_payload(&a));
    cx_value_copy(&b, &a);
    cr_assert(eq(ptr, b.unit, usd));
    cr_assert(eq(i64, get_si(&b.u.num), 5));
    cx_num n;
    cx_num_init(&n);
    cx_num_set_si(&n, 7);
    cx_value_set_num(&b, &n); /* a plain number: the unit goes */
    cr_assert(eq(ptr, b.unit, NULL));
    cr_assert(eq(i64, get_si(&b.u.num), 7));
    cx_value_copy(&b, &a);
    cx_value_take_num(&b, &n); /* takes the number, drops the unit */
    cr_assert(eq(ptr, b.unit, NULL));
    cx_value_copy(&b, &a);
    cx_value_move(&b, &a); /* b's copy released, a's moved in */
    cr_assert(eq(ptr, b.unit, usd));
    cr_assert(eq(ptr, a.unit, NULL));
    cx_value_clear(&b);
    cr_assert(eq(ptr, b.unit, NULL));
    cx_value_clear(&a);
    cx_num_clear(&n);
    cx_uom_unref(usd);
}

Test(value, bool_and_period_and_function_hold_no_payload)
{
    cx_value a, b;
    cx_value_init(&a);
    cx_value_init(&b);
    cx_value_set_bool(&a, true);
    cx_value_copy(&b, &a);
    cr_assert(b.u.b);
    cx_period p = {CX_FREQ_QUARTER, 2025 * 4 + 2};
    cx_value_set_period(&a, &p);
    cr_assert(eq(int, (int)a.kind, (int)CX_VAL_PERIOD));
    cr_assert(eq(i64, a.u.period.ord, p.ord));
    cx_value_set_period(&a, &a.u.period); /* aliasing its own period */
    cr_assert(eq(i64, a.u.period.ord, p.ord));
    cx_value_clear(&a);
    cx_value_clear(&b);
}
