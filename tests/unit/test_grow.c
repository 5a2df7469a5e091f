/* test_grow.c - runtime/grow.c: the doubling step behind every array. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdint.h>
#include <stdlib.h>
#include "../../runtime/grow.h"

Test(grow, first_step_takes_the_first_capacity_then_doubles)
{
    int *a = NULL;
    size_t cap = 0, len = 0;
    for (int i = 0; i < 100; i++) {
        cr_assert(CX_GROW(a, cap, len, 4));
        a[len++] = i;
    }
    cr_expect(eq(sz, cap, 128));
    for (int i = 0; i < 100; i++) cr_expect(eq(int, a[i], i));
    free(a);
}

Test(grow, no_change_while_there_is_room)
{
    long *a = malloc(8 * sizeof *a);
    long *before = a;
    size_t cap = 8;
    cr_assert(CX_GROW(a, cap, 7, 4));
    cr_expect(a == before);
    cr_expect(eq(sz, cap, 8));
    free(a);
}

Test(grow, a_size_that_would_overflow_changes_nothing)
{
    char(*a)[1 << 20] = NULL;
    size_t cap = SIZE_MAX / (1 << 20) / 2 + 1, len = cap;
    cr_expect(not(CX_GROW(a, cap, len, 4)));
    cr_expect(a == NULL);
    cr_expect(eq(sz, cap, SIZE_MAX / (1 << 20) / 2 + 1));
}
