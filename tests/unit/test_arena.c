/* test_arena.c - the bump allocator: zeroed memory, marks and resets
 * (memory from before a mark survives a reset, also across block
 * boundaries and dedicated big blocks), and the spare block a reset keeps. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <string.h>
#include "../../lang/arena.h"

/* -Wwrite-strings makes literals const; Criterion's str tag wants char *. */
#define STR_EQ(got, want) eq(str, (char *)(got), (char *)(want))

Test(arena, allocations_are_zeroed_and_strings_copied)
{
    cx_arena a;
    cx_arena_init(&a);
    unsigned char *p = cx_arena_alloc(&a, 100);
    cr_assert(ne(ptr, p, NULL));
    for (int i = 0; i < 100; i++) cr_assert(eq(u8, p[i], 0));
    char *s = cx_arena_strndup(&a, "abcdef", 3);
    cr_assert(STR_EQ(s, "abc"));
    cx_arena_free(&a);
}

Test(arena, reset_keeps_what_came_before_the_mark)
{
    cx_arena a;
    cx_arena_init(&a);
    char *keep = cx_arena_strndup(&a, "kept", 4);
    size_t before = a.used_bytes;
    cx_arena_mark m = cx_arena_get_mark(&a);
    /* Past several block boundaries and one dedicated big block. */
    for (int i = 0; i < 1000; i++) cr_assert(ne(ptr, cx_arena_alloc(&a, 200), NULL));
    cr_assert(ne(ptr, cx_arena_alloc(&a, (size_t)3 * 1024 * 1024), NULL));
    cx_arena_reset(&a, m);
    cr_assert(eq(sz, a.used_bytes, before));
    cr_assert(STR_EQ(keep, "kept"));
    /* Allocation goes on, zeroed, after a reset. */
    unsigned char *p = cx_arena_alloc(&a, 64);
    for (int i = 0; i < 64; i++) cr_assert(eq(u8, p[i], 0));
    cr_assert(STR_EQ(keep, "kept"));
    cx_arena_free(&a);
}

Test(arena, a_big_block_made_behind_the_marked_block_is_released)
{
    cx_arena a;
    cx_arena_init(&a);
    char *keep = cx_arena_strndup(&a, "first", 5);
    cx_arena_mark m = cx_arena_get_mark(&a);
    /* Bigger than any block: it goes behind the current (marked) one. */
    char *big = cx_arena_alloc(&a, (size_t)2 * 1024 * 1024);
    cr_assert(ne(ptr, big, NULL));
    memset(big, 'x', 16);
    cx_arena_reset(&a, m);
    cr_assert(STR_EQ(keep, "first"));
    cx_arena_mark m2 = cx_arena_get_mark(&a);
    cr_assert(eq(ptr, m2.block, m.block));
    cr_assert(eq(ptr, m2.next, m.next));
    cr_assert(eq(sz, m2.used, m.used));
    cx_arena_free(&a);
}

Test(arena, reset_to_an_empty_arena_then_reuse_the_spare_block)
{
    cx_arena a;
    cx_arena_init(&a);
    cx_arena_mark empty = cx_arena_get_mark(&a);
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 100; i++) {
            char *s = cx_arena_strndup(&a, "abc", 3);
            cr_assert(STR_EQ(s, "abc"));
        }
        cx_arena_reset(&a, empty);
        cr_assert(eq(sz, a.used_bytes, 0));
        cr_assert(eq(ptr, a.head, NULL));
        /* The freed block waits as the spare for the next growth. */
        cr_assert(ne(ptr, a.spare, NULL));
    }
    cx_arena_free(&a);
    cr_assert(eq(ptr, a.spare, NULL));
}

Test(arena, pop_gives_back_only_the_newest_allocations)
{
    cx_arena a;
    cx_arena_init(&a);
    char *keep = cx_arena_strndup(&a, "keep", 4);
    size_t before = a.used_bytes;
    void *node = cx_arena_alloc(&a, 48);
    char *text = cx_arena_strndup(&a, "12", 2);
    /* `node` is not the newest allocation: nothing is given back. */
    cr_assert(not(cx_arena_pop(&a, keep, node, 48)));
    cr_assert(cx_arena_pop(&a, node, text, 3));
    cr_assert(eq(sz, a.used_bytes, before));
    cr_assert(STR_EQ(keep, "keep"));
    /* The space is handed out again, zeroed. */
    unsigned char *again = cx_arena_alloc(&a, 48);
    cr_assert(eq(ptr, again, node));
    cr_assert(eq(u8, again[0], 0));
    /* A pointer after `last` is refused. */
    char *t2 = cx_arena_strndup(&a, "x", 1);
    cr_assert(not(cx_arena_pop(&a, t2 + 1, t2, 2)));
    cx_arena_free(&a);
}
