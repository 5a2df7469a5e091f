/* test_builtins.c - stdlib/builtins.c: every row of the built-in table is
 * found by its name (the lookup is a binary search over the names sorted
 * once), no two rows share a name, and unknown names are not found. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <string.h>
#include "../../stdlib/builtins.h"

Test(builtins, every_row_is_found_by_its_name)
{
    size_t n = 0;
    const cx_builtin *t = cx_builtin_table(&n);
    cr_assert(gt(sz, n, 40));
    for (size_t i = 0; i < n; i++) {
        cr_expect(eq(ptr, (void *)cx_builtin_find(t[i].name), (void *)&t[i]), "%s", t[i].name);
        for (size_t k = i + 1; k < n; k++)
            cr_expect(ne(int, strcmp(t[i].name, t[k].name), 0), "%s twice", t[i].name);
    }
}

Test(builtins, unknown_names_are_not_found)
{
    const char *unknown[] = {"", "a", "zzz", "roun", "roundx", "ROUND", "npv ", "~"};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
        cr_expect(eq(ptr, (void *)cx_builtin_find(unknown[i]), NULL), "'%s'", unknown[i]);
    cr_expect(eq(ptr, (void *)cx_builtin_find(NULL), NULL));
}
