/* test_period.c - period literals, canonical text, stepping, differences,
 * calendar pieces and the civil-date <-> day-ordinal conversion. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <string.h>
#include "../../runtime/period.h"

/* -Wwrite-strings makes literals const; Criterion's str tag wants char *. */
#define assert_str(got, want) cr_assert(eq(str, (char *)(got), (char *)(want)))

static cx_period parse_ok(const char *text)
{
    cx_period p = {CX_FREQ_YEAR, -1};
    const char *why = NULL;
    bool ok = cx_period_parse(text, strlen(text), &p, &why);
    cr_assert(ok, "'%s' should parse, got: %s", text, why ? why : "(no reason)");
    return p;
}

static const char *parse_err(const char *text)
{
    cx_period p = {CX_FREQ_MONTH, 77};
    const char *why = NULL;
    bool ok = cx_period_parse(text, strlen(text), &p, &why);
    cr_assert(not(ok), "'%s' should be refused", text);
    cr_assert(eq(int, (int)p.freq, (int)CX_FREQ_MONTH), "out left alone");
    cr_assert(eq(i64, p.ord, 77));
    cr_assert(ne(ptr, (void *)why, NULL));
    return why;
}

static void assert_text(const cx_period *p, const char *want)
{
    char buf[32];
    size_t n = cx_period_format(p, buf, sizeof buf);
    assert_str(buf, want);
    cr_assert(eq(sz, n, strlen(want)));
}

/* ==== parsing ============================================================ */

Test(period, parses_every_literal_form)
{
    cx_period p = parse_ok("2025");
    cr_assert(eq(int, (int)p.freq, (int)CX_FREQ_YEAR));
    cr_assert(eq(i64, p.ord, 2025));
    p = parse_ok("2025H2");
    cr_assert(eq(int, (int)p.freq, (int)CX_FREQ_HALF));
    cr_assert(eq(i64, p.ord, 2025 * 2 + 1));
    p = parse_ok("2025Q3");
    cr_assert(eq(int, (int)p.freq, (int)CX_FREQ_QUARTER));
    cr_assert(eq(i64, p.ord, 2025 * 4 + 2));
    p = parse_ok("2025-06");
    cr_assert(eq(int, (int)p.freq, (int)CX_FREQ_MONTH));
    cr_assert(eq(i64, p.ord, 2025 * 12 + 5));
    p = parse_ok("2025-06-30");
    cr_assert(eq(int, (int)p.freq, (int)CX_FREQ_DAY));
    cr_assert(eq(i64, p.ord, cx_days_from_civil(2025, 6, 30)));
}

Test(period, parse_uses_only_the_given_length)
{
    cx_period p;
    cr_assert(cx_period_parse("2025Q3;", 6, &p, NULL));
    cr_assert(eq(int, (int)p.freq, (int)CX_FREQ_QUARTER));
    cr_assert(cx_period_parse("2025-06-30", 7, &p, NULL));
    cr_assert(eq(int, (int)p.freq, (int)CX_FREQ_MONTH));
}

Test(period, refuses_bad_quarter_half_month_with_reasons)
{
    assert_str(parse_err("2025Q5"), "quarter must be 1 to 4");
    assert_str(parse_err("2025Q0"), "quarter must be 1 to 4");
    assert_str(parse_err("2025H3"), "half must be 1 or 2");
    assert_str(parse_err("2025-13"), "month must be 01 to 12");
    assert_str(parse_err("2025-00"), "month must be 01 to 12");
    assert_str(parse_err("2025-13-01"), "month must be 01 to 12");
}

Test(period, refuses_days_not_in_the_month)
{
    assert_str(parse_err("2025-02-29"),
               "day must be 01 to 28 in that month (February, not a leap year)");
    assert_str(parse_err("2024-02-30"),
               "day must be 01 to 29 in that month (February of a leap year)");
    assert_str(parse_err("2025-04-31"), "day must be 01 to 30 in that month");
    assert_str(parse_err("2025-01-32"), "day must be 01 to 31");
    assert_str(parse_err("2025-01-00"), "day must be 01 to 31");
}

Test(period, leap_years_follow_the_gregorian_rule)
{
    parse_ok("2024-02-29");  /* divisible by 4 */
    parse_ok("2000-02-29");  /* divisible by 400 */
    parse_err("1900-02-29"); /* divisible by 100 only */
    parse_err("2100-02-29");
    parse_err("2023-02-29");
}

Test(period, refuses_years_outside_1_to_9999)
{
    assert_str(parse_err("0"), "year must be 1 to 9999");
    assert_str(parse_err("10000"), "year must be 1 to 9999");
    assert_str(parse_err("0000Q1"), "year must be 1 to 9999");
    assert_str(parse_err("99999999999999999999999-01"), "year must be 1 to 9999");
    parse_ok("1");
    parse_ok("9999-12-31");
}

Test(period, refuses_malformed_text)
{
    const char *bad[] = {"",         "Q3",          "2025Q",     "2025Q33",     "2025X1",
                         "2025-6",   "2025-006",    "2025-06-3", "2025-06-300", "2025-06-",
                         "2025--06", "2025-06-30x", " 2025",     "2025 ",       "-2025",
                         "2025H1H2"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const char *why = parse_err(bad[i]);
        cr_assert(eq(int, strncmp(why, "not a period", 12), 0), "'%s': %s", bad[i], why);
    }
}

Test(period, from_year_checks_the_range)
{
    cx_period p;
    cr_assert(cx_period_from_year(2025, &p));
    cr_assert(eq(int, (int)p.freq, (int)CX_FREQ_YEAR));
    cr_assert(eq(i64, p.ord, 2025));
    cr_assert(not(cx_period_from_year(0, &p)));
    cr_assert(not(cx_period_from_year(10000, &p)));
    cr_assert(not(cx_period_from_year(-5, &p)));
}

/* ==== text =============================================================== */

Test(period, format_round_trips_canonical_text)
{
    const char *texts[] = {"2025",    "2025H1",     "2025H2",     "2025Q1",    "2025Q4",
                           "2025-01", "2025-12",    "2024-02-29", "0001",      "0001-01-01",
                           "9999Q4",  "9999-12-31", "1969-12-31", "1970-01-01"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        cx_period p = parse_ok(texts[i]);
        assert_text(&p, texts[i]);
    }
}

Test(period, format_pads_small_years_to_four_digits)
{
    cx_period p = parse_ok("25Q3");
    assert_text(&p, "0025Q3");
}

Test(period, format_truncates_to_the_buffer)
{
    cx_period p = parse_ok("2025-06-30");
    char buf[5];
    size_t n = cx_period_format(&p, buf, sizeof buf);
    assert_str(buf, "2025");
    cr_assert(eq(sz, n, 4));
}

/* ==== order and arithmetic =============================================== */

Test(period, compare_orders_by_ordinal)
{
    cx_period a = parse_ok("2025Q3"), b = parse_ok("2025Q4"), c = parse_ok("2025Q3");
    cr_assert(eq(int, cx_period_cmp(&a, &b), -1));
    cr_assert(eq(int, cx_period_cmp(&b, &a), 1));
    cr_assert(eq(int, cx_period_cmp(&a, &c), 0));
    cx_period y = parse_ok("2025");
    cr_assert(cx_period_same_freq(&a, &b));
    cr_assert(not(cx_period_same_freq(&a, &y)));
}

static void assert_add(const char *from, int64_t n, const char *want)
{
    cx_period p = parse_ok(from), r;
    cr_assert(cx_period_add(&p, n, &r), "%s + %lld", from, (long long)n);
    cx_period w = parse_ok(want);
    cr_assert(eq(int, (int)r.freq, (int)w.freq));
    cr_assert(eq(i64, r.ord, w.ord), "%s + %lld", from, (long long)n);
}

Test(period, add_crosses_year_boundaries_for_every_frequency)
{
    assert_add("2025", 1, "2026");
    assert_add("2025", -26, "1999");
    assert_add("2025H2", 1, "2026H1");
    assert_add("2026H1", -1, "2025H2");
    assert_add("2025H1", 5, "2027H2");
    assert_add("2025Q4", 1, "2026Q1");
    assert_add("2026Q1", -1, "2025Q4");
    assert_add("2025Q3", 10, "2028Q1");
    assert_add("2025-12", 1, "2026-01");
    assert_add("2026-01", -1, "2025-12");
    assert_add("2025-06", 30, "2027-12");
    assert_add("2025-12-31", 1, "2026-01-01");
    assert_add("2024-02-28", 1, "2024-02-29");
    assert_add("2024-03-01", -1, "2024-02-29");
    assert_add("2025-03-01", -1, "2025-02-28");
    assert_add("2025-01-01", 365, "2026-01-01");
    assert_add("2024-01-01", 366, "2025-01-01");
}

Test(period, add_may_alias_its_output)
{
    cx_period p = parse_ok("2025Q4");
    cr_assert(cx_period_add(&p, 2, &p));
    assert_text(&p, "2026Q2");
}

Test(period, add_refuses_to_leave_the_year_range)
{
    cx_period p = parse_ok("9999Q4"), r = {CX_FREQ_YEAR, 5};
    cr_assert(not(cx_period_add(&p, 1, &r)));
    cr_assert(eq(i64, r.ord, 5), "out left alone");
    p = parse_ok("0001-01");
    cr_assert(not(cx_period_add(&p, -1, &r)));
    p = parse_ok("0001-01-01");
    cr_assert(not(cx_period_add(&p, -1, &r)));
    p = parse_ok("9999-12-31");
    cr_assert(not(cx_period_add(&p, 1, &r)));
    p = parse_ok("2025");
    cr_assert(not(cx_period_add(&p, INT64_MAX, &r)));
    cr_assert(not(cx_period_add(&p, INT64_MIN, &r)));
    cr_assert(cx_period_add(&p, 9999 - 2025, &r));
    cr_assert(eq(i64, r.ord, 9999));
}

Test(period, diff_counts_periods_from_a_to_b)
{
    cx_period a = parse_ok("2024Q3"), b = parse_ok("2025Q2");
    cr_assert(eq(i64, cx_period_diff(&a, &b), 3));
    cr_assert(eq(i64, cx_period_diff(&b, &a), -3));
    a = parse_ok("2021");
    b = parse_ok("2025");
    cr_assert(eq(i64, cx_period_diff(&a, &b), 4));
    a = parse_ok("2024-01-01");
    b = parse_ok("2025-01-01");
    cr_assert(eq(i64, cx_period_diff(&a, &b), 366));
    a = parse_ok("2024-11");
    b = parse_ok("2025-02");
    cr_assert(eq(i64, cx_period_diff(&a, &b), 3));
}

/* ==== calendar pieces ==================================================== */

static void assert_days(const char *period, const char *first, const char *last)
{
    cx_period p = parse_ok(period), f = parse_ok(first), l = parse_ok(last);
    cr_assert(eq(i64, cx_period_first_day(&p), f.ord), "first day of %s", period);
    cr_assert(eq(i64, cx_period_last_day(&p), l.ord), "last day of %s", period);
}

Test(period, first_and_last_day_of_each_frequency)
{
    assert_days("2025", "2025-01-01", "2025-12-31");
    assert_days("2025H1", "2025-01-01", "2025-06-30");
    assert_days("2025H2", "2025-07-01", "2025-12-31");
    assert_days("2025Q1", "2025-01-01", "2025-03-31");
    assert_days("2024Q1", "2024-01-01", "2024-03-31");
    assert_days("2025Q3", "2025-07-01", "2025-09-30");
    assert_days("2025Q4", "2025-10-01", "2025-12-31");
    assert_days("2024-02", "2024-02-01", "2024-02-29");
    assert_days("2025-02", "2025-02-01", "2025-02-28");
    assert_days("2025-04", "2025-04-01", "2025-04-30");
    assert_days("2025-06-30", "2025-06-30", "2025-06-30");
    assert_days("9999", "9999-01-01", "9999-12-31");
}

Test(period, year_of_every_frequency)
{
    const char *texts[] = {"2025", "2025H2", "2025Q4", "2025-12", "2025-12-31", "0001-01-01"};
    int64_t want[] = {2025, 2025, 2025, 2025, 2025, 1};
    for (size_t i = 0; i < 6; i++) {
        cx_period p = parse_ok(texts[i]);
        cr_assert(eq(i64, cx_period_year(&p), want[i]), "%s", texts[i]);
    }
}

Test(period, frequency_names_and_periods_per_year)
{
    assert_str(cx_freq_name(CX_FREQ_YEAR), "annual");
    assert_str(cx_freq_name(CX_FREQ_HALF), "half-yearly");
    assert_str(cx_freq_name(CX_FREQ_QUARTER), "quarterly");
    assert_str(cx_freq_name(CX_FREQ_MONTH), "monthly");
    assert_str(cx_freq_name(CX_FREQ_DAY), "daily");
    cr_assert(eq(int, cx_freq_per_year(CX_FREQ_YEAR), 1));
    cr_assert(eq(int, cx_freq_per_year(CX_FREQ_HALF), 2));
    cr_assert(eq(int, cx_freq_per_year(CX_FREQ_QUARTER), 4));
    cr_assert(eq(int, cx_freq_per_year(CX_FREQ_MONTH), 12));
    cr_assert(eq(int, cx_freq_per_year(CX_FREQ_DAY), 0));
}

/* ==== civil dates ======================================================== */

Test(period, civil_conversion_known_values)
{
    cr_assert(eq(i64, cx_days_from_civil(1970, 1, 1), 0));
    cr_assert(eq(i64, cx_days_from_civil(1970, 1, 2), 1));
    cr_assert(eq(i64, cx_days_from_civil(1969, 12, 31), -1));
    cr_assert(eq(i64, cx_days_from_civil(2000, 3, 1), 11017));
    cr_assert(eq(i64, cx_days_from_civil(2025, 6, 30), 20269));
    cr_assert(eq(i64, cx_days_from_civil(1, 1, 1), -719162));
    cr_assert(eq(i64, cx_days_from_civil(9999, 12, 31), 2932896));
    cr_assert(eq(i64, cx_days_from_civil(0, 3, 1), -719468));
    cr_assert(eq(i64, cx_days_from_civil(-1, 12, 31), -719529));
}

Test(period, civil_from_negative_ordinals)
{
    int64_t y;
    int m, d;
    cx_civil_from_days(-1, &y, &m, &d);
    cr_assert(eq(i64, y, 1969));
    cr_assert(eq(int, m, 12));
    cr_assert(eq(int, d, 31));
    cx_civil_from_days(-719162, &y, &m, &d);
    cr_assert(eq(i64, y, 1));
    cr_assert(eq(int, m, 1));
    cr_assert(eq(int, d, 1));
    cx_civil_from_days(-719529, &y, &m, &d);
    cr_assert(eq(i64, y, -1));
    cr_assert(eq(int, m, 12));
    cr_assert(eq(int, d, 31));
}

Test(period, civil_round_trips_every_day_over_many_centuries)
{
    /* Walks day by day and checks that the date advances like a calendar:
     * the conversion and its inverse agree, and months have their lengths. */
    int64_t start = cx_days_from_civil(-401, 1, 1), end = cx_days_from_civil(2401, 1, 1);
    int64_t py;
    int pm, pd;
    cx_civil_from_days(start - 1, &py, &pm, &pd);
    cr_assert(eq(i64, py, -402));
    for (int64_t z = start; z < end; z++) {
        int64_t y;
        int m, d;
        cx_civil_from_days(z, &y, &m, &d);
        if (cx_days_from_civil(y, m, d) != z) cr_fatal("round trip fails at %lld", (long long)z);
        if (d == 1) {
            bool next_month = (m == pm + 1 && y == py) || (m == 1 && pm == 12 && y == py + 1);
            if (!next_month) cr_fatal("bad month step at %lld", (long long)z);
        } else if (!(d == pd + 1 && m == pm && y == py)) {
            cr_fatal("bad day step at %lld", (long long)z);
        }
        py = y;
        pm = m;
        pd = d;
    }
}
