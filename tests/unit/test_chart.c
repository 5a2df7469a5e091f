/* test_chart.c - the chart's exact scale (nice ticks for equal values,
 * negatives, zero ranges, huge and tiny magnitudes, one point), its labels
 * and fixed-decimal coordinates, and the chart record through cx.h: the
 * SVG is produced only for charts and is the same bytes every time. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cx.h"
#include "../../interp/chart.h"

#define STR_EQ(got, want) eq(str, (char *)(got), (char *)(want))

/* Every tick label of nice_ticks(min, max), joined by " ". */
static char *ticks_of(const char *min, const char *max, bool with_zero, cx_chart_format f)
{
    mpq_t a, b;
    mpq_inits(a, b, NULL);
    cr_assert(eq(int, mpq_set_str(a, min, 10), 0));
    cr_assert(eq(int, mpq_set_str(b, max, 10), 0));
    mpq_canonicalize(a);
    mpq_canonicalize(b);
    cx_chart_ticks t;
    cx_chart_ticks_init(&t);
    cx_chart_nice_ticks(&t, a, b, with_zero);
    cx_strbuf out = {0};
    for (size_t i = 0; i < t.n; i++) {
        char *l = cx_chart_tick_label(&t, i, f);
        cr_assert(l != NULL);
        if (i) cx_strbuf_putc(&out, ' ');
        cx_strbuf_puts(&out, l);
        free(l);
    }
    cx_chart_ticks_clear(&t);
    mpq_clears(a, b, NULL);
    return cx_strbuf_take(&out);
}

static void expect_ticks(const char *min, const char *max, bool with_zero, cx_chart_format f,
                         const char *want)
{
    char *got = ticks_of(min, max, with_zero, f);
    cr_assert(STR_EQ(got, want), "ticks of %s..%s", min, max);
    free(got);
}

Test(chart, ticks_are_one_two_or_five_times_a_power_of_ten)
{
    expect_ticks("61000000000", "125000000000", true, CX_CHART_MONEY, "$0 $50B $100B $150B");
    expect_ticks("61000000000", "125000000000", false, CX_CHART_MONEY,
                 "$60B $80B $100B $120B $140B");
    expect_ticks("0", "1/8", true, CX_CHART_PCT, "0% 5% 10% 15%");
    expect_ticks("3", "17", false, CX_CHART_PLAIN, "0 5 10 15 20");
    expect_ticks("3", "9", false, CX_CHART_PLAIN, "2 4 6 8 10");
    expect_ticks("1", "7/2", true, CX_CHART_PLAIN, "0 1 2 3 4");
}

Test(chart, equal_values_and_a_single_point_run_from_zero)
{
    expect_ticks("7", "7", false, CX_CHART_PLAIN, "0 2 4 6 8");
    expect_ticks("5", "5", true, CX_CHART_PLAIN, "0 1 2 3 4 5");
    expect_ticks("-3", "-3", false, CX_CHART_PLAIN, "-3 -2 -1 0");
}

Test(chart, all_zero_is_a_zero_to_one_axis)
{
    expect_ticks("0", "0", true, CX_CHART_PLAIN, "0 0.2 0.4 0.6 0.8 1.0");
    expect_ticks("0", "0", false, CX_CHART_MONEY, "$0 $0.2 $0.4 $0.6 $0.8 $1.0");
}

Test(chart, negatives)
{
    expect_ticks("-9", "-1", false, CX_CHART_PLAIN, "-10 -8 -6 -4 -2 0");
    expect_ticks("-9000000000", "26000000000", true, CX_CHART_MONEY, "-$10B $0 $10B $20B $30B");
    expect_ticks("-4800000000", "-4800000000", true, CX_CHART_MONEY, "-$5B -$4B -$3B -$2B -$1B $0");
}

Test(chart, huge_and_tiny_magnitudes_stay_exact)
{
    expect_ticks("1000000000000000000000000000000", "5000000000000000000000000000000", false,
                 CX_CHART_PLAIN, "1e30 2e30 3e30 4e30 5e30");
    expect_ticks("1/1000000000000", "3/1000000000000", false, CX_CHART_PLAIN,
                 "1e-12 1.5e-12 2e-12 2.5e-12 3e-12");
    /* Neighbouring ticks on a huge base never print alike. */
    expect_ticks("100000000000000000001", "100000000000000000005", false, CX_CHART_PLAIN,
                 "1.00000000000000000001e20 1.00000000000000000002e20 "
                 "1.00000000000000000003e20 1.00000000000000000004e20 "
                 "1.00000000000000000005e20");
    expect_ticks("0", "2500000000000", true, CX_CHART_MONEY, "$0 $0.5T $1.0T $1.5T $2.0T $2.5T");
}

static void expect_label(const char *v, cx_chart_format f, const char *want)
{
    mpq_t q;
    mpq_init(q);
    cr_assert(eq(int, mpq_set_str(q, v, 10), 0));
    mpq_canonicalize(q);
    char *got = cx_chart_value_label(q, f);
    cr_assert(STR_EQ(got, want), "label of %s", v);
    free(got);
    mpq_clear(q);
}

Test(chart, value_labels_use_m_b_t_never_g)
{
    expect_label("4800000000", CX_CHART_MONEY, "$4.8B");
    expect_label("-9000000000", CX_CHART_MONEY, "-$9B");
    expect_label("125000000000", CX_CHART_PLAIN, "125B");
    expect_label("2500000", CX_CHART_MONEY, "$2.5M");
    expect_label("1234567000000", CX_CHART_MONEY, "$1.23T");
    expect_label("2500", CX_CHART_MONEY, "$2,500");
    expect_label("12345/10", CX_CHART_PLAIN, "1,234.5");
    expect_label("0", CX_CHART_MONEY, "$0");
    expect_label("0", CX_CHART_PCT, "0%");
}

Test(chart, value_labels_round_half_away_from_zero)
{
    expect_label("253/500", CX_CHART_PCT, "50.6%");
    expect_label("1/3", CX_CHART_PLAIN, "0.333");
    expect_label("-2/3", CX_CHART_PLAIN, "-0.667");
    expect_label("5/3", CX_CHART_PLAIN, "1.67");
    expect_label("12345/1000000", CX_CHART_PLAIN, "0.0123");
    expect_label("1/200", CX_CHART_PCT, "0.5%");
    expect_label("-1/800", CX_CHART_PLAIN, "-0.00125");
    expect_label("2000000000000000000", CX_CHART_MONEY, "$2e18");
    expect_label("1/1000000000000", CX_CHART_PLAIN, "1e-12");
    expect_label("9999/1000000000000000", CX_CHART_PLAIN, "1e-11");
}

Test(chart, floor_log10)
{
    static const struct {
        const char *x;
        long e;
    } cases[] = {{"1", 0},    {"999/1000", -1}, {"10", 1}, {"1/3", -1},
                 {"-250", 2}, {"1/100", -2},    {"99", 1}, {"100000000000000000000", 20}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        mpq_t q;
        mpq_init(q);
        mpq_set_str(q, cases[i].x, 10);
        mpq_canonicalize(q);
        cr_assert(eq(long, cx_chart_floor_log10(q), cases[i].e), "floor_log10(%s)", cases[i].x);
        mpq_clear(q);
    }
}

Test(chart, coordinates_have_two_fixed_decimals)
{
    static const struct {
        const char *x, *want;
    } cases[] = {{"1/3", "0.33"},    {"2/3", "0.67"},   {"-1/200", "-0.01"},   {"1/250", "0.00"},
                 {"-1/250", "0.00"}, {"304", "304.00"}, {"2359/10", "235.90"}, {"5/8", "0.63"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        mpq_t q;
        mpq_init(q);
        mpq_set_str(q, cases[i].x, 10);
        mpq_canonicalize(q);
        cx_strbuf b = {0};
        cx_chart_put_fixed(&b, q, 2);
        char *got = cx_strbuf_take(&b);
        cr_assert(STR_EQ(got, cases[i].want), "fixed(%s)", cases[i].x);
        free(got);
        mpq_clear(q);
    }
}

/* ---- through cx.h ----------------------------------------------------------------- */

typedef struct svgs {
    char *svg[4];
    size_t n, others;
    char kinds[4][16];
} svgs;

static void keep_svg(void *ud, const cx_output *o)
{
    svgs *s = ud;
    char *svg = cx_output_chart_svg(o);
    if (o->kind != CX_OUT_CHART) {
        cr_assert(svg == NULL);
        s->others++;
        return;
    }
    cr_assert(svg != NULL);
    snprintf(s->kinds[s->n], sizeof s->kinds[0], "%s %s", o->chart_style, o->chart_format);
    s->svg[s->n++] = svg;
}

static void run_charts(const char *src, svgs *s)
{
    cx_options opt;
    cx_options_default(&opt);
    cx_state *cx = cx_state_new(&opt);
    cx_state_set_output(cx, keep_svg, s);
    cr_assert(eq(int, cx_run_string(cx, "t.cx", src, strlen(src)), CX_RUN_OK));
    cx_state_free(cx);
}

Test(chart, svg_only_for_charts_and_the_same_bytes_every_time)
{
    const char *src = "x 2021..2023 = [1B, -2B, 3.5B];\n"
                      "x;\n"
                      "chart bar x, x * 2 title \"A <&> \\\"B\\\"\" as money;\n"
                      "chart line [1, 2, 3];\n";
    svgs a = {0}, b = {0};
    run_charts(src, &a);
    run_charts(src, &b);
    cr_assert(eq(sz, a.n, 2));
    cr_assert(eq(sz, a.others, 1));
    cr_assert(STR_EQ(a.kinds[0], "bar money"));
    cr_assert(STR_EQ(a.kinds[1], "line plain"));
    for (size_t i = 0; i < a.n; i++) cr_assert(STR_EQ(a.svg[i], b.svg[i]));
    /* The title is escaped; the ids count the state's charts. */
    cr_assert(strstr(a.svg[0], "<title id=\"cx-chart-1-title\">A &lt;&amp;&gt; &quot;B&quot;") !=
              NULL);
    cr_assert(strstr(a.svg[1], "id=\"cx-chart-2-desc\"") != NULL);
    cr_assert(strstr(a.svg[0], "<rect") != NULL && strstr(a.svg[1], "<polyline") != NULL);
    cr_assert(eq(ptr, cx_output_chart_svg(NULL), NULL));
    for (size_t i = 0; i < a.n; i++) {
        free(a.svg[i]);
        free(b.svg[i]);
    }
}

Test(chart, svg_coordinates_are_the_exact_values_rounded_to_two_decimals)
{
    /* chart bar [1, 3]: ticks 0, 1, 2, 3; the plot runs from x 27 (12 + one
     * character of 7 + 8) to 624 and from y 40 to 280, so a slot is 597/2 =
     * 298.5 wide and a bar 4/5 of it, 238.8, a tenth of a slot (29.85) in. */
    svgs s = {0};
    run_charts("chart bar [1, 3];", &s);
    cr_assert(eq(sz, s.n, 1));
    cr_assert(strstr(s.svg[0],
                     "<rect x=\"56.85\" y=\"200.00\" width=\"238.80\" height=\"80.00\">") != NULL);
    cr_assert(strstr(s.svg[0],
                     "<rect x=\"355.35\" y=\"40.00\" width=\"238.80\" height=\"240.00\">") != NULL);
    cr_assert(strstr(s.svg[0], "<line x1=\"27\" x2=\"624\" y1=\"280.00\" y2=\"280.00\" "
                               "stroke=\"#444444\"/>") != NULL);
    /* [0, 1/7]: ticks 0, 0.05, 0.10, 0.15 (labels 4 wide: x from 48, slots of
     * 288); 1/7 is at 280 - (1/7) / 0.15 * 240 = 51.428571..., printed 51.43. */
    svgs t = {0};
    run_charts("chart line [0, 1/7];", &t);
    cr_assert(strstr(t.svg[0], "points=\"192.00,280.00 480.00,51.43\"") != NULL);
    free(s.svg[0]);
    free(t.svg[0]);
}
