/* test_api_records.c - the values behind output records (cx_output.result,
 * rhs_result, columns): a bare expression's value, a check's two sides, a
 * table's header and rows, read through cx.h during the callback. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cx.h"

/* What the callback saw, copied out as text ("kind:num/den" and the like). */
typedef struct seen {
    char lines[16][160];
    size_t n;
} seen;

static void fraction(char *buf, size_t size, const cx_value *v)
{
    const cx_number *x = cx_value_number(v);
    if (!v) {
        snprintf(buf, size, "-");
        return;
    }
    if (!x) {
        char *t = cx_value_text(v, 10);
        snprintf(buf, size, "%s:%s", cx_kind_name(cx_value_kind(v)), t);
        cx_free(t);
        return;
    }
    char *n = cx_number_numerator(x), *d = cx_number_denominator(x);
    snprintf(buf, size, "%s/%s", n, d);
    cx_free(n);
    cx_free(d);
}

static void on_output(void *ud, const cx_output *o)
{
    seen *s = ud;
    char a[64], b[64];
    char *line = s->lines[s->n++];
    size_t size = sizeof s->lines[0];
    if (o->kind == CX_OUT_TABLE) {
        int k = snprintf(line, size, "table %zu cols:", o->n_columns);
        for (size_t i = 0; i < o->n_columns; i++)
            k += snprintf(line + k, size - (size_t)k, " [%s]", o->columns[i]);
        for (size_t r = 0; r < cx_value_length(o->result); r++) {
            const cx_value *row = cx_value_item(o->result, r);
            k += snprintf(line + k, size - (size_t)k, " |");
            for (size_t i = 0; i < cx_value_length(row); i++) {
                fraction(a, sizeof a, cx_value_item(row, i));
                k += snprintf(line + k, size - (size_t)k, " %s", a);
            }
        }
        return;
    }
    fraction(a, sizeof a, o->result);
    fraction(b, sizeof b, o->rhs_result);
    snprintf(line, size, "%d %s %s", (int)o->kind, a, b);
}

static seen run(const char *src)
{
    seen s = {0};
    cx_state *cx = cx_state_new(NULL);
    cx_state_set_output(cx, on_output, &s);
    cr_assert(eq(int, (int)cx_run_string(cx, "t.cx", src, strlen(src)), (int)CX_RUN_OK));
    cx_state_free(cx);
    return s;
}

Test(api_records, a_value_record_carries_its_value)
{
    seen s = run("x = 1/3; x * 2; print x; [1, 2025Q1];");
    cr_assert(eq(sz, s.n, 3));
    cr_assert(eq(str, s.lines[0], "0 2/3 -"));
    cr_assert(eq(str, s.lines[1], "1 - -")); /* print: text only */
    cr_assert(eq(str, s.lines[2], "0 list:[1, 2025Q1] -"));
}

Test(api_records, a_check_record_carries_both_sides)
{
    seen s = run("a = 6B; check a ~ 5.5B within 1B; check a / 7 > 1; check a > 0 and true;");
    cr_assert(eq(str, s.lines[0], "2 6000000000/1 5500000000/1"));
    cr_assert(eq(str, s.lines[1], "2 6000000000/7 1/1"));
    /* A bare condition: its truth value, no right side. */
    cr_assert(eq(str, s.lines[2], "2 boolean:true -"));
}

Test(api_records, a_table_record_carries_columns_and_rows)
{
    seen s = run("table g in [1%, 2.5%]: 1 + g, g > 2%;");
    cr_assert(eq(str, s.lines[0],
                 "table 3 cols: [g] [1 + g] [g > 2%] | 1/100 101/100 boolean:false"
                 " | 1/40 41/40 boolean:true"));
}
