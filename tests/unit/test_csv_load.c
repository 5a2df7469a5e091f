/* test_csv_load.c - the pieces of csv() (stdlib/csv_load.c): a cell read as
 * an exact number in every accepted spelling and refused in every other;
 * periods likewise; dates as the first or last day of a period; and the
 * record reader's field places in the file, checked against the bytes for
 * quoted fields holding commas, quotes and line breaks, CRLF, a byte order
 * mark, blank lines, empty fields, malformed quotes and hostile input. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <gmp.h>
#include <stdlib.h>
#include <string.h>
#include "../../runtime/limits.h"
#include "../../stdlib/csv_load.h"

#define STR_EQ(got, want) eq(str, (char *)(got), (char *)(want))

static const cx_num_ctx ctx = {.max_bits = 3322001, .prec = 256};

/* ==== numbers =============================================================== */

static cx_csv_num_status read_num(const char *text, size_t len, cx_num *x, bool *pct, char *why)
{
    size_t digits;
    return cx_csv_number(text, len, &ctx, x, pct, &digits, why, 512);
}

/* `text` reads as exactly `value` ("num/den" or an integer, for mpq_set_str). */
static void expect_num(const char *text, const char *value, bool percent)
{
    cx_num x;
    cx_num_init(&x);
    bool pct = !percent;
    char why[512];
    cr_assert(eq(int, read_num(text, strlen(text), &x, &pct, why), CX_CSV_NUM_OK), "%s: %s", text,
              why);
    cr_assert(cx_num_is_exact(&x), "%s", text);
    mpq_t got, want;
    mpq_init(got);
    mpq_init(want);
    cx_num_get_mpq(&x, got);
    cr_assert(eq(int, mpq_set_str(want, value, 10), 0), "%s", value);
    mpq_canonicalize(want);
    cr_assert(mpq_equal(got, want), "%s: got %s, want %s", text, mpq_get_str(NULL, 10, got), value);
    cr_assert(eq(int, pct, percent), "%s: percent", text);
    mpq_clear(got);
    mpq_clear(want);
    cx_num_clear(&x);
}

/* `text` is refused with `st`, the reason containing `reason`. */
static void expect_not_num(const char *text, size_t len, cx_csv_num_status st, const char *reason)
{
    cx_num x;
    cx_num_init(&x);
    bool pct;
    char why[512];
    cr_assert(eq(int, read_num(text, len, &x, &pct, why), st), "%s", text);
    cr_assert(strstr(why, reason) != NULL, "%s: reason '%s' lacks '%s'", text, why, reason);
    cx_num_clear(&x);
}

#define NOT_NUM(text, st, reason) expect_not_num(text, strlen(text), st, reason)

Test(csv_number, plain_decimals_are_exact)
{
    expect_num("1234.5", "2469/2", false);
    expect_num("0.1", "1/10", false);
    expect_num("0", "0", false);
    expect_num("-0", "0", false);
    expect_num("007", "7", false);
    expect_num(".5", "1/2", false);
    expect_num("5.", "5", false);
    expect_num("0.000000000000000000001", "1/1000000000000000000000", false);
    expect_num("123456789012345678901234567890.25", "12345678901234567890123456789025/100", false);
    expect_num("  42\t", "42", false);
}

Test(csv_number, thousands_separators_between_groups_of_three)
{
    expect_num("1,234", "1234", false);
    expect_num("1,234.5", "2469/2", false);
    expect_num("12,345,678.90", "123456789/10", false);
    expect_num("167,702,000,000", "167702000000", false);
    expect_num("999,999", "999999", false);
}

Test(csv_number, negatives_signs_and_dollars)
{
    expect_num("-1,234", "-1234", false);
    expect_num("+5", "5", false);
    expect_num("(1,234)", "-1234", false);
    expect_num("( 1,234.50 )", "-2469/2", false);
    expect_num("(4,800,000,000)", "-4800000000", false);
    expect_num("$5", "5", false);
    expect_num("-$5", "-5", false);
    expect_num("$-5", "-5", false);
    expect_num("$ 1,234.00", "1234", false);
    expect_num("($1,234.50)", "-2469/2", false);
    expect_num("\xe2\x88\x92"
               "5",
               "-5", false); /* U+2212 MINUS SIGN */
    expect_num("- 5", "-5", false);
}

Test(csv_number, percent_is_a_hundredth)
{
    expect_num("12.5%", "1/8", true);
    expect_num("13.33%", "1333/10000", true);
    expect_num("100%", "1", true);
    expect_num("(5%)", "-1/20", true);
    expect_num("-0.25%", "-1/400", true);
    expect_num("12.5 %", "1/8", true);
    expect_num("1,000%", "10", true);
}

Test(csv_number, blank_dash_and_na_are_missing)
{
    NOT_NUM("", CX_CSV_NUM_MISSING, "blank");
    NOT_NUM("   ", CX_CSV_NUM_MISSING, "blank");
    NOT_NUM("-", CX_CSV_NUM_MISSING, "dash");
    NOT_NUM(" - ", CX_CSV_NUM_MISSING, "dash");
    NOT_NUM("--", CX_CSV_NUM_MISSING, "dash");
    NOT_NUM("\xe2\x80\x94", CX_CSV_NUM_MISSING, "dash"); /* em dash */
    NOT_NUM("\xe2\x80\x93", CX_CSV_NUM_MISSING, "dash"); /* en dash */
    NOT_NUM("n/a", CX_CSV_NUM_MISSING, "missing");
    NOT_NUM("N/A", CX_CSV_NUM_MISSING, "missing");
    NOT_NUM("NA", CX_CSV_NUM_MISSING, "missing");
    NOT_NUM("#N/A", CX_CSV_NUM_MISSING, "missing");
    NOT_NUM("NaN", CX_CSV_NUM_MISSING, "missing");
    NOT_NUM("null", CX_CSV_NUM_MISSING, "missing");
}

Test(csv_number, ambiguous_separators_are_refused)
{
    NOT_NUM("1.234,5", CX_CSV_NUM_BAD, "decimal comma");
    NOT_NUM("1,5", CX_CSV_NUM_BAD, "decimal comma");
    NOT_NUM("12,3456", CX_CSV_NUM_BAD, "decimal comma");
    NOT_NUM("1,23,456", CX_CSV_NUM_BAD, "groups of three");
    NOT_NUM("1234,567", CX_CSV_NUM_BAD, "groups of three");
    NOT_NUM("1,234,56.5", CX_CSV_NUM_BAD, "groups of three");
    NOT_NUM(",5", CX_CSV_NUM_BAD, "',' at an end");
    NOT_NUM("5,", CX_CSV_NUM_BAD, "',' at an end");
    NOT_NUM("1.234.567", CX_CSV_NUM_BAD, "second '.'");
    NOT_NUM("1.5.", CX_CSV_NUM_BAD, "second '.'");
}

Test(csv_number, exponents_text_and_two_numbers_are_refused)
{
    NOT_NUM("1e3", CX_CSV_NUM_BAD, "scientific notation");
    NOT_NUM("1.2E+11", CX_CSV_NUM_BAD, "scientific notation");
    NOT_NUM("abc", CX_CSV_NUM_BAD, "text, not a number");
    NOT_NUM("12abc", CX_CSV_NUM_BAD, "'a' after the number");
    NOT_NUM("1 234", CX_CSV_NUM_BAD, "two numbers");
    NOT_NUM("1,234 5,678", CX_CSV_NUM_BAD, "two numbers");
    NOT_NUM("5 -3", CX_CSV_NUM_BAD, "sign after");
    NOT_NUM("5-", CX_CSV_NUM_BAD, "sign after");
    NOT_NUM("#DIV/0!", CX_CSV_NUM_BAD, "spreadsheet error");
    NOT_NUM("#VALUE!", CX_CSV_NUM_BAD, "spreadsheet error");
    NOT_NUM("\xe2\x82\xac"
            "5",
            CX_CSV_NUM_BAD, "'\xe2\x82\xac' where a number should start");
    NOT_NUM("5 USD", CX_CSV_NUM_BAD, "'U' after the number");
    NOT_NUM("5 EUR", CX_CSV_NUM_BAD, "'E' after the number");
}

Test(csv_number, signs_parentheses_and_symbols_are_refused_when_doubled_or_unbalanced)
{
    NOT_NUM("--5", CX_CSV_NUM_BAD, "two signs");
    NOT_NUM("+-5", CX_CSV_NUM_BAD, "two signs");
    NOT_NUM("(-5)", CX_CSV_NUM_BAD, "sign inside parentheses");
    NOT_NUM("(5", CX_CSV_NUM_BAD, "'(' without");
    NOT_NUM("5)", CX_CSV_NUM_BAD, "')' without");
    NOT_NUM("$$5", CX_CSV_NUM_BAD, "two '$'");
    NOT_NUM("5%%", CX_CSV_NUM_BAD, "two '%'");
    NOT_NUM("$5%", CX_CSV_NUM_BAD, "both '$' and '%'");
    NOT_NUM("$", CX_CSV_NUM_BAD, "no digits");
    NOT_NUM("()", CX_CSV_NUM_BAD, "no digits");
    NOT_NUM("%", CX_CSV_NUM_BAD, "no digits");
    NOT_NUM(".", CX_CSV_NUM_BAD, "no digits");
}

Test(csv_number, control_bytes_and_invalid_utf8_are_named_not_copied)
{
    expect_not_num("5\0", 2, CX_CSV_NUM_BAD, "byte 0x00 after the number");
    expect_not_num("5\xff", 2, CX_CSV_NUM_BAD, "byte 0xFF after the number");
    expect_not_num("\x1b[31m5", 6, CX_CSV_NUM_BAD, "byte 0x1B where a number should start");
    expect_not_num("\xc3", 1, CX_CSV_NUM_BAD, "byte 0xC3");
}

Test(csv_number, digits_and_size_are_bounded)
{
    size_t n = CX_MAX_LITERAL_DIGITS + 1;
    char *big = malloc(n + 1);
    memset(big, '7', n);
    big[n] = '\0';
    cx_num x;
    cx_num_init(&x);
    bool pct;
    size_t digits;
    char why[64];
    cr_assert(eq(int, cx_csv_number(big, n, &ctx, &x, &pct, &digits, why, sizeof why),
                 CX_CSV_NUM_TOO_LONG));
    cr_assert(eq(sz, digits, n));
    /* Exactly at the digit limit it reads (within the size limit). */
    cr_assert(eq(int, cx_csv_number(big, n - 1, &ctx, &x, &pct, &digits, why, sizeof why),
                 CX_CSV_NUM_OK));
    free(big);
    const cx_num_ctx small = {.max_bits = 64, .prec = 64};
    const char *t = "1,000,000,000,000,000,000,000,000,000";
    cr_assert(eq(int, cx_csv_number(t, strlen(t), &small, &x, &pct, &digits, why, sizeof why),
                 CX_CSV_NUM_TOO_BIG));
    cx_num_clear(&x);
}

/* ==== periods =============================================================== */

static void expect_period(const char *text, const char *canonical)
{
    cx_period p;
    char why[256] = "";
    cr_assert(cx_csv_period(text, strlen(text), &p, why, sizeof why), "%s: %s", text, why);
    char buf[32];
    cx_period_format(&p, buf, sizeof buf);
    cr_assert(STR_EQ(buf, canonical), "%s", text);
}

static void expect_not_period(const char *text, const char *reason)
{
    cx_period p;
    char why[256] = "";
    cr_assert(not(cx_csv_period(text, strlen(text), &p, why, sizeof why)), "%s", text);
    cr_assert(strstr(why, reason) != NULL, "%s: reason '%s' lacks '%s'", text, why, reason);
}

Test(csv_period, years_months_and_days)
{
    expect_period("2025", "2025");
    expect_period(" 2025 ", "2025");
    expect_period("0001", "0001");
    expect_period("2025-09", "2025-09");
    expect_period("2025-09-30", "2025-09-30");
    expect_period("2024-02-29", "2024-02-29");
}

Test(csv_period, every_spelling_of_a_quarter)
{
    const char *q3[] = {"2025Q3",  "2025q3",  "2025-Q3", "2025 Q3",
                        "Q3 2025", "q3 2025", "Q3-2025", "\t2025Q3 "};
    for (size_t i = 0; i < sizeof q3 / sizeof q3[0]; i++) expect_period(q3[i], "2025Q3");
}

Test(csv_period, every_spelling_of_a_half)
{
    const char *h2[] = {"2025H2", "2025h2", "2025-H2", "2025 H2", "H2 2025", "h2-2025"};
    for (size_t i = 0; i < sizeof h2 / sizeof h2[0]; i++) expect_period(h2[i], "2025H2");
}

Test(csv_period, fiscal_years_are_refused)
{
    expect_not_period("FY2025", "fiscal year");
    expect_not_period("fy 2025", "fiscal year");
    expect_not_period("Q3 FY25", "fiscal year");
    expect_not_period("FY2025Q3", "fiscal year");
}

Test(csv_period, ambiguous_dates_are_refused)
{
    expect_not_period("09/30/2025", "'/'");
    expect_not_period("30/09/2025", "'/'");
    expect_not_period("2025/09/30", "'/'");
    expect_not_period("2025-09-30T00:00:00", "time of day");
    expect_not_period("2025-09-30 12:00", "time of day");
    expect_not_period("25Q3", "four digits");
    expect_not_period("Q3 25", "four digits");
    expect_not_period("25", "four digits");
    expect_not_period("2025-9", "month with two digits");
    expect_not_period("2025-09-5", "day with two digits");
}

Test(csv_period, invalid_periods_and_other_text_are_refused)
{
    expect_not_period("2025Q5", "quarter must be 1 to 4");
    expect_not_period("Q0 2025", "quarter must be 1 to 4");
    expect_not_period("2025H3", "half");
    expect_not_period("2025-13", "month must be 01 to 12");
    expect_not_period("2025-02-29", "day must be 01 to 28");
    expect_not_period("2025-04-31", "day must be 01 to 30");
    expect_not_period("0000", "year");
    expect_not_period("", "blank");
    expect_not_period("Sep 2025", "periods are written");
    expect_not_period("2025.0", "periods are written");
    expect_not_period("20250", "periods are written");
    expect_not_period("Q3", "periods are written");
    expect_not_period("2025Q03", "periods are written");
    expect_not_period("Q32025", "periods are written");
    expect_not_period("Q3  2025", "periods are written");
    expect_not_period("2025-Q3-1", "periods are written");
    expect_not_period("2025\xff", "periods are written");
}

static int64_t day(int64_t y, int m, int d) { return cx_days_from_civil(y, m, d); }

static void expect_day_to(int64_t d, cx_freq f, const char *period, int edge)
{
    cx_period p;
    int e = 99;
    cr_assert(cx_csv_day_to(d, f, &p, &e));
    char buf[32];
    cx_period_format(&p, buf, sizeof buf);
    cr_assert(STR_EQ(buf, period));
    cr_assert(eq(int, e, edge), "%s", period);
}

Test(csv_period, a_date_is_the_period_it_starts_or_ends)
{
    expect_day_to(day(2025, 9, 30), CX_FREQ_QUARTER, "2025Q3", 1);
    expect_day_to(day(2025, 7, 1), CX_FREQ_QUARTER, "2025Q3", -1);
    expect_day_to(day(2025, 12, 31), CX_FREQ_YEAR, "2025", 1);
    expect_day_to(day(2025, 1, 1), CX_FREQ_YEAR, "2025", -1);
    expect_day_to(day(2025, 6, 30), CX_FREQ_HALF, "2025H1", 1);
    expect_day_to(day(2024, 2, 29), CX_FREQ_MONTH, "2024-02", 1);
    expect_day_to(day(2025, 2, 1), CX_FREQ_MONTH, "2025-02", -1);
    expect_day_to(day(2025, 8, 15), CX_FREQ_DAY, "2025-08-15", 0);
    cx_period p;
    int e;
    cr_assert(not(cx_csv_day_to(day(2025, 8, 15), CX_FREQ_QUARTER, &p, &e)));
    cr_assert(
        not(cx_csv_day_to(day(2025, 9, 27), CX_FREQ_QUARTER, &p, &e))); /* a fiscal quarter end */
    cr_assert(not(cx_csv_day_to(day(2025, 2, 28), CX_FREQ_QUARTER, &p, &e)));
    cr_assert(not(cx_csv_day_to(day(2025, 6, 30), CX_FREQ_YEAR, &p, &e)));
}

/* ==== records =============================================================== */

typedef struct rec_field {
    char *text;
    size_t len, start, end;
    bool quoted;
} rec_field;

typedef struct recs {
    rec_field f[64];
    size_t n;
    size_t rows[16]; /* fields in each record */
    size_t n_rows;
    size_t stop_after; /* 0: never */
} recs;

static int keep(void *ud, const cx_csv_field *f, size_t n)
{
    recs *r = ud;
    for (size_t i = 0; i < n && r->n < 64; i++) {
        rec_field *d = &r->f[r->n++];
        d->text = malloc(f[i].len + 1);
        memcpy(d->text, f[i].text, f[i].len + 1);
        d->len = f[i].len;
        d->start = f[i].start;
        d->end = f[i].end;
        d->quoted = f[i].quoted;
        cr_assert(eq(chr, f[i].text[f[i].len], '\0'));
    }
    if (r->n_rows < 16) r->rows[r->n_rows] = n;
    r->n_rows++;
    return r->stop_after && r->n_rows == r->stop_after ? 7 : 0;
}

static void recs_free(recs *r)
{
    for (size_t i = 0; i < r->n; i++) free(r->f[i].text);
}

/* What the bytes [start, end) of a field say: an unquoted field as it is,
 * a quoted one without its outer quotes and with "" read as ". */
static char *decode(const char *text, size_t start, size_t end, size_t *len)
{
    char *out = malloc(end - start + 1);
    size_t n = 0;
    if (end > start && text[start] == '"') {
        cr_assert(end - start >= 2 && text[end - 1] == '"');
        for (size_t i = start + 1; i < end - 1; i++) {
            out[n++] = text[i];
            if (text[i] == '"') {
                cr_assert(eq(chr, text[i + 1], '"'));
                i++;
            }
        }
    } else {
        memcpy(out, text + start, end - start);
        n = end - start;
    }
    out[n] = '\0';
    *len = n;
    return out;
}

/* Reads text; every field's place must say exactly its text. */
static void read_ok(const char *text, size_t len, recs *r)
{
    size_t at = 0;
    const char *why = NULL;
    cr_assert(eq(int, cx_csv_read(text, len, keep, r, &at, &why), CX_CSV_OK), "%s", why ? why : "");
    for (size_t i = 0; i < r->n; i++) {
        size_t dl;
        char *d = decode(text, r->f[i].start, r->f[i].end, &dl);
        cr_assert(eq(sz, dl, r->f[i].len), "field %zu", i);
        cr_assert(memcmp(d, r->f[i].text, dl) == 0, "field %zu: '%s' vs '%s'", i, d, r->f[i].text);
        cr_assert(
            eq(int, r->f[i].quoted, text[r->f[i].start] == '"' && r->f[i].end > r->f[i].start));
        free(d);
    }
}

Test(csv_read, plain_fields_and_their_places)
{
    const char *t = "quarter,revenue\n2025Q1,5\n2025Q2,6\n";
    recs r = {0};
    read_ok(t, strlen(t), &r);
    cr_assert(eq(sz, r.n_rows, 3));
    cr_assert(eq(sz, r.n, 6));
    cr_assert(STR_EQ(r.f[3].text, "5"));
    cr_assert(eq(sz, r.f[3].start, 23));
    cr_assert(eq(sz, r.f[3].end, 24));
    cr_assert(eq(sz, r.f[4].start, 25));
    recs_free(&r);
}

Test(csv_read, quoted_fields_with_commas_quotes_and_line_breaks)
{
    const char *t = "q,v,w\n"
                    "2025Q1,\"1,234.5\",\"say \"\"hi\"\"\"\n"
                    "\"2025Q2\",\"two\nlines, and \"\"quotes\"\"\",\"\"\n"
                    "2025Q3,\"a\r\nb\",\",\"\n";
    recs r = {0};
    read_ok(t, strlen(t), &r);
    cr_assert(eq(sz, r.n_rows, 4));
    cr_assert(STR_EQ(r.f[4].text, "1,234.5"));
    cr_assert(STR_EQ(r.f[5].text, "say \"hi\""));
    cr_assert(STR_EQ(r.f[6].text, "2025Q2"));
    cr_assert(STR_EQ(r.f[7].text, "two\nlines, and \"quotes\""));
    cr_assert(STR_EQ(r.f[8].text, ""));
    cr_assert(r.f[8].quoted);
    cr_assert(STR_EQ(r.f[10].text, "a\r\nb"));
    cr_assert(STR_EQ(r.f[11].text, ","));
    /* The field after a multi-line one starts where its bytes are. */
    cr_assert(eq(sz, r.f[9].start, (size_t)(strstr(t, "2025Q3") - t)));
    recs_free(&r);
}

Test(csv_read, spaces_around_fields_are_outside_their_places)
{
    const char *t = "  a  ,\t\"b c\"  , d e \n";
    recs r = {0};
    read_ok(t, strlen(t), &r);
    cr_assert(STR_EQ(r.f[0].text, "a"));
    cr_assert(eq(sz, r.f[0].start, 2));
    cr_assert(eq(sz, r.f[0].end, 3));
    cr_assert(STR_EQ(r.f[1].text, "b c"));
    cr_assert(eq(sz, r.f[1].start, 7));
    cr_assert(eq(sz, r.f[1].end, 12));
    cr_assert(STR_EQ(r.f[2].text, "d e"));
    recs_free(&r);
}

Test(csv_read, crlf_cr_bom_blank_lines_and_no_final_newline)
{
    const char *crlf = "\xef\xbb\xbf"
                       "a,b\r\n\r\n1,2\r\n  \r\n3,4";
    recs r = {0};
    read_ok(crlf, strlen(crlf), &r);
    cr_assert(eq(sz, r.n_rows, 3));
    cr_assert(STR_EQ(r.f[0].text, "a"));
    cr_assert(eq(sz, r.f[0].start, 3));
    cr_assert(STR_EQ(r.f[5].text, "4"));
    cr_assert(eq(sz, r.f[5].end, strlen(crlf)));
    recs_free(&r);
    const char *cr = "a,b\r1,2\r";
    recs r2 = {0};
    read_ok(cr, strlen(cr), &r2);
    cr_assert(eq(sz, r2.n_rows, 2));
    recs_free(&r2);
}

Test(csv_read, empty_fields_have_empty_places_where_they_are)
{
    const char *t = "a,,c\n,,\n\"\",x,\n";
    recs r = {0};
    read_ok(t, strlen(t), &r);
    cr_assert(eq(sz, r.n_rows, 3));
    cr_assert(eq(sz, r.rows[1], 3));
    cr_assert(eq(sz, r.f[1].start, 2));
    cr_assert(eq(sz, r.f[1].end, 2));
    cr_assert(eq(sz, r.f[3].start, 5)); /* ",," : the first empty field, at the ',' */
    cr_assert(eq(sz, r.f[5].start, 7)); /* the last one, at the line break */
    cr_assert(eq(sz, r.f[8].start, 13));
    cr_assert(eq(sz, r.f[8].end, 13));
    recs_free(&r);
}

static void expect_syntax(const char *t, size_t at, const char *reason)
{
    recs r = {0};
    size_t got = 0;
    const char *why = "";
    cr_assert(eq(int, cx_csv_read(t, strlen(t), keep, &r, &got, &why), CX_CSV_SYNTAX), "%s", t);
    cr_assert(eq(sz, got, at), "%s", t);
    cr_assert(strstr(why, reason) != NULL, "%s: %s", t, why);
    recs_free(&r);
}

Test(csv_read, malformed_quotes_are_located)
{
    expect_syntax("a,b\n1,\"2\n", 6, "not closed");
    expect_syntax("a,b\n1,2\"3\"\n", 7, "does not start with one");
    expect_syntax("a,b\n1,\"2\"3\n", 9, "after the closing");
    expect_syntax("a,b\n1,\"2\" \"3\"\n", 10, "after the closing");
    expect_syntax("\"a\nb,c", 0, "not closed");
    expect_syntax("\xff\xfeq\0,\0", 0, "UTF-16");
    expect_syntax("\xfe\xff\0q", 0, "UTF-16");
}

Test(csv_read, a_callback_stops_the_reading)
{
    const char *t = "a\n1\n2\n3\n";
    recs r = {.stop_after = 2};
    size_t at;
    const char *why;
    cr_assert(eq(int, cx_csv_read(t, strlen(t), keep, &r, &at, &why), CX_CSV_STOPPED));
    cr_assert(eq(sz, r.n_rows, 2));
    recs_free(&r);
}

Test(csv_read, hostile_input_does_not_crash)
{
    /* A megabyte field, quoted and not; a NUL byte; invalid UTF-8. */
    size_t n = 1 << 20;
    char *big = malloc(n + 8);
    big[0] = '"';
    memset(big + 1, 'x', n);
    memcpy(big + n + 1, "\",y\n", 5);
    recs r = {0};
    read_ok(big, n + 5, &r);
    cr_assert(eq(sz, r.f[0].len, n));
    cr_assert(eq(sz, r.f[0].end, n + 2));
    recs_free(&r);
    memset(big, '7', n + 4);
    recs r2 = {0};
    read_ok(big, n + 4, &r2);
    cr_assert(eq(sz, r2.f[0].len, n + 4));
    recs_free(&r2);
    free(big);
    const char nul[] = "a,b\n1\0x,\xff\xfe\n";
    recs r3 = {0};
    read_ok(nul, sizeof nul - 1, &r3);
    cr_assert(eq(sz, r3.f[2].len, 3));
    cr_assert(eq(chr, r3.f[2].text[1], '\0'));
    recs_free(&r3);
    recs r4 = {0};
    size_t at;
    const char *why;
    cr_assert(eq(int, cx_csv_read("\"", 1, keep, &r4, &at, &why), CX_CSV_SYNTAX));
    cr_assert(eq(int, cx_csv_read("", 0, keep, &r4, &at, &why), CX_CSV_OK));
    cr_assert(eq(sz, r4.n_rows, 0));
}
