/* csv_load.c - csv(file, column, period_column, frequency): one column of a
 * CSV file as a series of exact numbers.  libcsv, in strict mode, cuts the
 * records; this file works out where each field lies in the file, so an
 * error points into the CSV (file.csv:LINE:COL, the line and a caret, as
 * for a script), and reads periods and decimals in the spellings that
 * spreadsheets export, refusing anything ambiguous.  The file is read
 * through the call record (read_file): confined like an include, and a
 * source of the run. */
#include "csv_load.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../runtime/grow.h"
#include "../runtime/limits.h"
#include "../runtime/strbuf.h"
#include "../runtime/suggest.h"
#include "args.h"
#include "builtins.h"

/* ==== text ================================================================= */

static bool is_blank(char ch) { return ch == ' ' || ch == '\t'; }
static bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }
static bool is_alpha(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }
static char lower(char ch) { return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch; }

/* s[0..*n) without the spaces and tabs around it. */
static const char *trim(const char *s, size_t *n)
{
    size_t a = 0, b = *n;
    while (a < b && is_blank(s[a])) a++;
    while (b > a && is_blank(s[b - 1])) b--;
    *n = b - a;
    return s + a;
}

/* Equal, ASCII letters compared without case. */
static bool same_ci(const char *a, size_t an, const char *b, size_t bn)
{
    if (an != bn) return false;
    for (size_t i = 0; i < an; i++)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

static bool is_word(const char *s, size_t n, const char *w) { return same_ci(s, n, w, strlen(w)); }

/* Length (1-4) of the valid UTF-8 character at s, or 0. */
static size_t utf8_len(const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    if (n == 0) return 0;
    if (s[0] < 0x80) return 1;
    size_t len = s[0] >= 0xC2 && s[0] <= 0xDF   ? 2
                 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
                 : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4
                                                : 0;
    if (len == 0 || len > n) return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    if (len == 3 && s[0] == 0xE0 && s[1] < 0xA0) return 0;  /* overlong */
    if (len == 3 && s[0] == 0xED && s[1] >= 0xA0) return 0; /* surrogate */
    if (len == 4 && s[0] == 0xF0 && s[1] < 0x90) return 0;  /* overlong */
    if (len == 4 && s[0] == 0xF4 && s[1] >= 0x90) return 0; /* past U+10FFFF */
    return len;
}

/* A character nothing may copy to a terminal: C0 but tab, DEL, C1. */
static bool is_control(const char *s, size_t k)
{
    unsigned char c0 = (unsigned char)s[0];
    if (k == 1) return c0 < 0x20 || c0 == 0x7F;
    return k == 2 && c0 == 0xC2 && (unsigned char)s[1] < 0xA0;
}

/* 'x', 'é' or "byte 0xFF": the character at s, for a reason. */
static void describe(char *buf, size_t size, const char *s, size_t n)
{
    size_t k = utf8_len(s, n);
    if (k == 0 || is_control(s, k)) snprintf(buf, size, "byte 0x%02X", (unsigned char)s[0]);
    else snprintf(buf, size, "'%.*s'", (int)k, s);
}

#define WHY(...) (snprintf(why, why_size, __VA_ARGS__))

/* ==== numbers ================================================================ */

/* U+2212 MINUS SIGN, which some exports write for '-'. */
static bool is_minus_sign(const char *s, size_t n)
{
    return n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x88 &&
           (unsigned char)s[2] == 0x92;
}

/* Cells that say "no figure here".  A dash is also how the accounting
 * format shows a zero, so it is no figure either way. */
static const char *missing_reason(const char *s, size_t n)
{
    static const char *const words[] = {"-",   "--",   "\xe2\x80\x93", "\xe2\x80\x94", "n/a", "na",
                                        "nan", "null", "none",         "#n/a",         "n.a."};
    if (n == 0) return "the cell is blank";
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (is_word(s, n, words[i]))
            return i < 4 ? "a dash stands for no figure (or, in the accounting format, for 0)"
                         : "it marks a missing figure";
    return NULL;
}

/* The whole part d[0..n) with ',' only between groups of three digits,
 * the first group of one to three: 1,234,567.  No ',' at all is fine too. */
static bool groups_ok(const char *d, size_t n)
{
    size_t run = 0, groups = 0;
    for (size_t i = 0; i < n; i++) {
        if (d[i] == ',') {
            if (run == 0 || (groups == 0 ? run > 3 : run != 3)) return false;
            groups++;
            run = 0;
        } else {
            run++;
        }
    }
    return groups == 0 || run == 3;
}

cx_csv_num_status cx_csv_number(const char *text, size_t len, const cx_num_ctx *ctx, cx_num *out,
                                bool *percent, size_t *digits, char *why, size_t why_size)
{
    size_t n = len;
    const char *s = trim(text, &n);
    char ch[24];
    *percent = false;
    *digits = 0;
    if (why_size) why[0] = '\0';
    const char *missing = missing_reason(s, n);
    if (missing) return WHY("%s", missing), CX_CSV_NUM_MISSING;
    if (s[0] == '#') return WHY("a spreadsheet error value, not a number"), CX_CSV_NUM_BAD;

    bool neg = false, paren = false, sign = false, dollar = false;
    size_t i = 0, end = n;
    if (s[0] == '(') {
        if (s[n - 1] != ')') return WHY("'(' without its ')'"), CX_CSV_NUM_BAD;
        paren = neg = true;
        i = 1;
        end = n - 1;
    } else if (s[n - 1] == ')') {
        return WHY("')' without its '('"), CX_CSV_NUM_BAD;
    }
    /* Before the digits: a sign and a '$', in either order, with spaces. */
    for (;;) {
        while (i < end && is_blank(s[i])) i++;
        if (i < end && (s[i] == '-' || s[i] == '+' || is_minus_sign(s + i, end - i))) {
            if (paren)
                return WHY("a sign inside parentheses, which already mean a negative number"),
                       CX_CSV_NUM_BAD;
            if (sign) return WHY("two signs"), CX_CSV_NUM_BAD;
            sign = true;
            neg = s[i] != '+';
            i += s[i] == '-' || s[i] == '+' ? 1 : 3;
        } else if (i < end && s[i] == '$') {
            if (dollar) return WHY("two '$'"), CX_CSV_NUM_BAD;
            dollar = true;
            i++;
        } else {
            break;
        }
    }
    /* The digits: a whole part with its separators, then a fraction. */
    size_t whole = i;
    while (i < end && (is_digit(s[i]) || s[i] == ',')) i++;
    size_t whole_end = i, frac = i, frac_end = i;
    bool dot = i < end && s[i] == '.';
    if (dot) {
        frac = ++i;
        while (i < end && is_digit(s[i])) i++;
        frac_end = i;
    }
    for (size_t k = whole; k < whole_end; k++) *digits += s[k] != ',';
    *digits += frac_end - frac;
    while (i < end && is_blank(s[i])) i++;
    if (i < end && s[i] == '%') {
        *percent = true;
        i++;
        while (i < end && is_blank(s[i])) i++;
    }

    if (i < end) { /* something after the number */
        describe(ch, sizeof ch, s + i, end - i);
        if (*digits == 0)
            return is_alpha(s[i]) ? WHY("text, not a number")
                                  : WHY("%s where a number should start", ch),
                   CX_CSV_NUM_BAD;
        if ((s[i] == 'e' || s[i] == 'E') && !*percent && i + 1 < end &&
            (is_digit(s[i + 1]) || s[i + 1] == '+' || s[i + 1] == '-'))
            return WHY("scientific notation, which spreadsheets write when they round a number "
                       "to fit its column; export the full figure"),
                   CX_CSV_NUM_BAD;
        if (s[i] == ',' && dot)
            return WHY("',' after '.': a decimal comma? A CSV file that cx reads writes '.' "
                       "for the decimal point and ',' only between groups of three digits "
                       "(1,234.5)"),
                   CX_CSV_NUM_BAD;
        if (s[i] == '.')
            return WHY("a second '.': '.' is the decimal point, and a number has one"),
                   CX_CSV_NUM_BAD;
        if (s[i] == '-' || s[i] == '+') return WHY("a sign after the digits"), CX_CSV_NUM_BAD;
        if (is_blank(s[i - 1]) && (is_digit(s[i]) || s[i] == '(' || s[i] == '$' || s[i] == '-'))
            return WHY("two numbers, or a space inside one"), CX_CSV_NUM_BAD;
        if (s[i] == '%') return WHY("two '%%'"), CX_CSV_NUM_BAD;
        return WHY("%s after the number", ch), CX_CSV_NUM_BAD;
    }
    if (*digits == 0) return WHY("no digits"), CX_CSV_NUM_BAD;
    if (whole < whole_end && (s[whole] == ',' || s[whole_end - 1] == ','))
        return WHY("',' at an end of the digits"), CX_CSV_NUM_BAD;
    if (!groups_ok(s + whole, whole_end - whole)) {
        size_t commas = 0;
        for (size_t k = whole; k < whole_end; k++) commas += s[k] == ',';
        if (!dot && commas == 1)
            return WHY("',' not between groups of three digits: a decimal comma? A CSV file "
                       "that cx reads writes '.' for the decimal point (1234.5 or 1,234.5)"),
                   CX_CSV_NUM_BAD;
        return WHY("',' not between groups of three digits (1,234,567.5)"), CX_CSV_NUM_BAD;
    }
    if (dollar && *percent) return WHY("both '$' and '%%'"), CX_CSV_NUM_BAD;
    if (*digits > CX_MAX_LITERAL_DIGITS) return CX_CSV_NUM_TOO_LONG;

    /* The digits without their separators, for cx_num_from_decimal. */
    char *clean = malloc(*digits + 2);
    if (!clean) return CX_CSV_NUM_NOMEM;
    size_t m = 0;
    for (size_t k = whole; k < frac_end; k++)
        if (s[k] != ',') clean[m++] = s[k];
    cx_num_status st = cx_num_from_decimal(out, clean, m, *percent ? -2 : 0, ctx);
    free(clean);
    if (st == CX_NUM_TOO_BIG) return CX_CSV_NUM_TOO_BIG;
    if (st != CX_NUM_OK) return WHY("not a number"), CX_CSV_NUM_BAD;
    if (neg) cx_num_neg(out, out);
    return CX_CSV_NUM_OK;
}

/* ==== periods ================================================================ */

static const char *const period_forms =
    "periods are written 2025, 2025H1, 2025Q3, Q3 2025, 2025-Q3, 2025-09 or 2025-09-30";

static size_t digit_run(const char *s, size_t n, size_t i)
{
    size_t k = i;
    while (k < n && is_digit(s[k])) k++;
    return k - i;
}

static bool has_fy(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++)
        if (lower(s[i]) == 'f' && lower(s[i + 1]) == 'y' && (i == 0 || !is_alpha(s[i - 1])) &&
            (i + 2 == n || !is_alpha(s[i + 2])))
            return true;
    return false;
}

bool cx_csv_period(const char *text, size_t len, cx_period *out, char *why, size_t why_size)
{
    size_t n = len;
    const char *s = trim(text, &n);
    char canon[16];
    if (why_size) why[0] = '\0';
    if (n == 0) return WHY("the cell is blank"), false;
    if (has_fy(s, n))
        return WHY("a fiscal year: cx periods are calendar periods, and a fiscal year may end in "
                   "any month; write the calendar period (2025, 2025Q3)"),
               false;
    if (memchr(s, '/', n))
        return WHY("a date with '/': 09/30/2025 and 30/09/2025 are read differently in different "
                   "countries; write 2025-09-30"),
               false;
    size_t i = 0, k;
    char letter = 0, part = 0;
    if (is_digit(s[0])) {
        k = digit_run(s, n, 0);
        i = k;
        if (k != 4) {
            bool shaped =
                i == n || s[i] == '-' || s[i] == ' ' || lower(s[i]) == 'q' || lower(s[i]) == 'h';
            return WHY("%s",
                       shaped && k < 4 ? "write the year with four digits (2025)" : period_forms),
                   false;
        }
        if (i == n) { /* 2025 */
            memcpy(canon, s, 4);
            canon[4] = '\0';
        } else if (s[i] == '-' && i + 1 < n && is_digit(s[i + 1])) {
            k = digit_run(s, n, i + 1);
            if (k != 2) return WHY("write the month with two digits (2025-09)"), false;
            i += 1 + k;
            if (i == n) { /* 2025-09 */
                memcpy(canon, s, 7);
                canon[7] = '\0';
            } else if (s[i] == '-' && digit_run(s, n, i + 1) == 2 && i + 3 == n) { /* 2025-09-30 */
                memcpy(canon, s, 10);
                canon[10] = '\0';
            } else if (s[i] == '-' && digit_run(s, n, i + 1) == 2) {
                return WHY("a date with a time of day: write the date alone (2025-09-30)"), false;
            } else if (s[i] == '-' && digit_run(s, n, i + 1) > 0) {
                return WHY("write the day with two digits (2025-09-05)"), false;
            } else {
                return WHY("%s", period_forms), false;
            }
        } else {
            if (s[i] == '-' || s[i] == ' ') i++; /* 2025-Q3, 2025 Q3 */
            if (i + 2 != n || (lower(s[i]) != 'q' && lower(s[i]) != 'h') || !is_digit(s[i + 1]))
                return WHY("%s", period_forms), false;
            letter = (char)(lower(s[i]) == 'q' ? 'Q' : 'H');
            part = s[i + 1];
        }
        if (letter) snprintf(canon, sizeof canon, "%.4s%c%c", s, letter, part);
    } else if (lower(s[0]) == 'q' || lower(s[0]) == 'h') { /* Q3 2025, Q3-2025 */
        if (n < 2 || !is_digit(s[1]) || digit_run(s, n, 1) != 1)
            return WHY("%s", period_forms), false;
        letter = (char)(lower(s[0]) == 'q' ? 'Q' : 'H');
        part = s[1];
        i = 2;
        if (i == n || (s[i] != ' ' && s[i] != '-')) return WHY("%s", period_forms), false;
        k = digit_run(s, n, ++i);
        if (k == 0 || i + k != n) return WHY("%s", period_forms), false;
        if (k != 4) return WHY("write the year with four digits (Q3 2025)"), false;
        snprintf(canon, sizeof canon, "%.4s%c%c", s + i, letter, part);
    } else {
        return WHY("%s", period_forms), false;
    }
    const char *reason = NULL;
    if (!cx_period_parse(canon, strlen(canon), out, &reason))
        return WHY("%s", reason ? reason : period_forms), false;
    return true;
}

bool cx_csv_day_to(int64_t day, cx_freq f, cx_period *out, int *edge)
{
    int64_t y;
    int m, d;
    cx_civil_from_days(day, &y, &m, &d);
    cx_period p = {f, day};
    switch (f) {
    case CX_FREQ_YEAR: p.ord = y; break;
    case CX_FREQ_HALF: p.ord = y * 2 + (m - 1) / 6; break;
    case CX_FREQ_QUARTER: p.ord = y * 4 + (m - 1) / 3; break;
    case CX_FREQ_MONTH: p.ord = y * 12 + (m - 1); break;
    case CX_FREQ_DAY:
        *out = p;
        *edge = 0;
        return true;
    }
    if (day == cx_period_first_day(&p)) *edge = -1;
    else if (day == cx_period_last_day(&p)) *edge = 1;
    else return false;
    *out = p;
    return true;
}

/* ==== records ================================================================ */

/* libcsv hands over each field's text but not where it was.  The reader
 * feeds it the file in pieces that end at each ',', CR and LF, the only
 * bytes at which libcsv ends a field or a record: so when a callback runs,
 * the byte that ended the field is the last one fed, and the field's bytes
 * lie between the end of the previous field and that byte (the spaces and
 * line breaks libcsv skips trimmed off).  A ',' or line break inside quotes
 * ends a piece too, but libcsv calls nothing there. */

typedef struct field_at {
    size_t off, len; /* text in the reader's buffer */
    size_t start, end;
    bool quoted;
} field_at;

typedef struct reader {
    const char *text;
    size_t len;
    size_t at;   /* the last byte fed: where a callback happens */
    size_t from; /* where the next field's bytes may begin */
    char *buf;   /* the record's field texts, each NUL-terminated */
    size_t blen, bcap;
    field_at *f;
    size_t n, cap;
    cx_csv_field *view;
    size_t view_cap;
    cx_csv_row_fn fn;
    void *ud;
    int stop;
    bool nomem;
} reader;

/* The bytes [from, to) without the blanks and line breaks around them. */
static void field_bytes(const reader *r, size_t to, size_t *start, size_t *end)
{
    size_t a = r->from, b = to;
    while (a < b && (is_blank(r->text[a]) || r->text[a] == '\r' || r->text[a] == '\n')) a++;
    while (b > a && is_blank(r->text[b - 1])) b--;
    *start = a;
    *end = b;
}

static void on_field(void *data, size_t len, void *ud)
{
    reader *r = ud;
    if (r->stop || r->nomem) return;
    if (r->blen + len + 1 > r->bcap) {
        size_t cap = r->bcap ? r->bcap : 256;
        while (cap < r->blen + len + 1) cap *= 2;
        char *nb = realloc(r->buf, cap);
        if (!nb) {
            r->nomem = true;
            return;
        }
        r->buf = nb;
        r->bcap = cap;
    }
    if (!CX_GROW(r->f, r->cap, r->n, 16)) {
        r->nomem = true;
        return;
    }
    field_at *f = &r->f[r->n++];
    f->off = r->blen;
    f->len = len;
    if (len) memcpy(r->buf + r->blen, data, len);
    r->buf[r->blen + len] = '\0';
    r->blen += len + 1;
    field_bytes(r, r->at, &f->start, &f->end);
    f->quoted = f->end > f->start && r->text[f->start] == '"';
    r->from = r->at + 1;
}

static void on_record(int c, void *ud)
{
    (void)c;
    reader *r = ud;
    if (r->stop || r->nomem) return;
    if (r->n > r->view_cap) {
        cx_csv_field *v = realloc(r->view, r->n * sizeof *v);
        if (!v) {
            r->nomem = true;
            return;
        }
        r->view = v;
        r->view_cap = r->n;
    }
    for (size_t i = 0; i < r->n; i++)
        r->view[i] = (cx_csv_field){r->buf + r->f[i].off, r->f[i].len, r->f[i].start, r->f[i].end,
                                    r->f[i].quoted};
    r->stop = r->fn(r->ud, r->view, r->n);
    r->n = r->blen = 0;
    r->from = r->at + 1;
}

/* Pieces of ordinary bytes are fed at most this long, so libcsv's buffer,
 * which grows by its block size, can be made to double (below). */
#define CSV_PIECE 4096

cx_csv_status cx_csv_read(const char *text, size_t len, cx_csv_row_fn fn, void *ud, size_t *at,
                          const char **why)
{
    if (len >= 2 && (memcmp(text, "\xff\xfe", 2) == 0 || memcmp(text, "\xfe\xff", 2) == 0)) {
        *at = 0;
        *why = "the file is UTF-16 (its first bytes say so); save it as CSV in UTF-8";
        return CX_CSV_SYNTAX;
    }
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) return CX_CSV_NOMEM;
    reader r = {.text = text, .len = len, .fn = fn, .ud = ud};
    size_t i = len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
    r.from = i;
    cx_csv_status st = CX_CSV_OK;
    while (i < len && st == CX_CSV_OK) {
        size_t j = i;
        while (j < len && j - i < CSV_PIECE && text[j] != ',' && text[j] != '\r' && text[j] != '\n')
            j++;
        if (j < len && j - i < CSV_PIECE) j++; /* the ',' or line break ends the piece */
        r.at = j - 1;
        /* libcsv grows a field's buffer by a fixed block: make the block as
         * big as the buffer, so a megabyte field costs a few reallocations,
         * not thousands. */
        size_t have = csv_get_buffer_size(&p);
        csv_set_blk_size(&p, have < 128 ? 128 : have);
        size_t done = csv_parse(&p, text + i, j - i, on_field, on_record, &r);
        if (r.nomem) st = CX_CSV_NOMEM;
        else if (r.stop) st = CX_CSV_STOPPED;
        else if (done < j - i && csv_error(&p) == CSV_EPARSE) {
            size_t start, end;
            field_bytes(&r, i + done, &start, &end);
            *at = i + done;
            *why = start < end && text[start] == '"'
                       ? "text after the closing '\"' of a quoted field (a '\"' inside quotes "
                         "is written twice: \"\")"
                       : "a '\"' inside a field that does not start with one (a field with a "
                         "'\"' in it is quoted whole and the '\"' written twice: \"a \"\"b\"\"\")";
            st = CX_CSV_SYNTAX;
        } else if (done < j - i) {
            st = CX_CSV_NOMEM;
        }
        i = j;
    }
    if (st == CX_CSV_OK) {
        r.at = len;
        if (csv_fini(&p, on_field, on_record, &r) != 0) {
            size_t start, end;
            field_bytes(&r, len, &start, &end);
            *at = start;
            *why = "a quoted field is not closed: its '\"' has no closing '\"' before the end "
                   "of the file";
            st = CX_CSV_SYNTAX;
        } else if (r.nomem) {
            st = CX_CSV_NOMEM;
        } else if (r.stop) {
            st = CX_CSV_STOPPED;
        }
    }
    csv_free(&p);
    free(r.buf);
    free(r.f);
    free(r.view);
    return st;
}

/* ==== csv() ================================================================= */

typedef struct row {
    int64_t ord;
    size_t idx; /* its place among the rows of the file */
    cx_span at; /* its period cell */
    cx_num val;
} row;

typedef struct loader {
    cx_call *c;
    uint32_t src;
    const char *file, *want, *want_period; /* want_period NULL: find it */
    bool convert;                          /* a fourth argument: dates become periods of `to` */
    cx_freq to;
    bool header_seen;
    size_t ncols, vcol, pcol;
    char *file_shown, *vname, *pname; /* for messages */
    /* What the first row of data fixed: the frequency as written, whether
     * dates mark the first or the last day of their periods, whether the
     * figures are written with '%'. */
    bool have_freq;
    cx_freq freq;
    cx_span freq_at;
    int edge; /* 0 unknown, -1 first days, 1 last days */
    cx_span edge_at;
    int pct; /* -1 unknown, 0 plain, 1 '%' */
    cx_span pct_at;
    row *rows;
    size_t n, cap;
} loader;

static const char *freq_noun(cx_freq f)
{
    switch (f) {
    case CX_FREQ_YEAR: return "year";
    case CX_FREQ_HALF: return "half-year";
    case CX_FREQ_QUARTER: return "quarter";
    case CX_FREQ_MONTH: return "month";
    case CX_FREQ_DAY: return "day";
    }
    return "period";
}

static cx_span span_of(const loader *L, size_t start, size_t end)
{
    /* Spans hold 32-bit offsets; a source never passes 4 GiB in practice
     * (--max-source), and a clamped caret is still in the right file. */
    uint32_t s = start > UINT32_MAX ? UINT32_MAX : (uint32_t)start;
    uint32_t e = end > UINT32_MAX ? UINT32_MAX : (uint32_t)end;
    return (cx_span){L->src, s, e};
}

static cx_span field_span(const loader *L, const cx_csv_field *f)
{
    return span_of(L, f->start, f->end);
}

/* Text from a file or a script, for a message: at most `max` characters
 * (then "…"), a control character or invalid UTF-8 as U+FFFD, so nothing
 * raw reaches the terminal. */
static void put_shown(cx_strbuf *b, const char *s, size_t n, size_t max)
{
    size_t chars = 0;
    for (size_t i = 0; i < n;) {
        if (chars++ == max) {
            cx_strbuf_puts(b, "…");
            return;
        }
        size_t k = utf8_len(s + i, n - i);
        if (k == 0 || is_control(s + i, k) || s[i] == '\t') cx_strbuf_puts(b, "\xef\xbf\xbd");
        else cx_strbuf_put(b, s + i, k);
        i += k ? k : 1;
    }
}

/* Adds the error whose message b holds; NULL (out of memory reported) when
 * the message could not be made. */
static cx_error *emit(loader *L, cx_err_code code, cx_span at, cx_strbuf *b)
{
    char *msg = cx_strbuf_take(b);
    if (!msg) {
        cx_diag_add(L->c->diag, CX_E_LIMIT_MEMORY, at, "out of memory");
        return NULL;
    }
    cx_error *e = cx_diag_add(L->c->diag, code, at, "%s", msg);
    free(msg);
    return e;
}

/* A cell's text, trimmed and quoted, for a message. */
static void put_cell(cx_strbuf *b, const cx_csv_field *f)
{
    size_t n = f->len;
    const char *s = trim(f->text, &n);
    cx_strbuf_putc(b, '\'');
    put_shown(b, s, n, 40);
    cx_strbuf_putc(b, '\'');
}

static char *shown(const char *s, size_t n)
{
    cx_strbuf b = {0};
    put_shown(&b, s, n, 60);
    return cx_strbuf_take(&b);
}

static bool header_is(const cx_csv_field *f, const char *name)
{
    size_t n = f->len;
    const char *s = trim(f->text, &n);
    return same_ci(s, n, name, strlen(name));
}

/* "quarter, revenue, capex": the header's names for a message. */
static void put_columns(cx_strbuf *b, const cx_csv_field *f, size_t n)
{
    for (size_t i = 0; i < n && i < 12; i++) {
        size_t len = f[i].len;
        const char *s = trim(f[i].text, &len);
        if (i) cx_strbuf_puts(b, ", ");
        if (len) put_shown(b, s, len, 40);
        else cx_strbuf_puts(b, "(blank)");
    }
    if (n > 12) cx_strbuf_printf(b, ", … (%zu columns)", n);
}

/* The column called `name`, letter case aside: its index, or -1 after an
 * error at argument `arg`. */
static long find_column(loader *L, const cx_csv_field *f, size_t n, const char *name, int arg)
{
    long hit = -1;
    cx_strbuf b = {0};
    for (size_t i = 0; i < n; i++) {
        if (!header_is(&f[i], name)) continue;
        if (hit < 0) {
            hit = (long)i;
            continue;
        }
        cx_strbuf_puts(&b, "two columns of '");
        cx_strbuf_puts(&b, L->file_shown);
        cx_strbuf_puts(&b, "' are named ");
        put_cell(&b, &f[i]);
        cx_error *e = emit(L, CX_E_IO_CSV_COLUMN, field_span(L, &f[i]), &b);
        if (e) {
            cx_error_add_note(e, field_span(L, &f[hit]), "the first one");
            cx_error_set_hint(e, "give each column a name of its own");
        }
        return -1;
    }
    if (hit >= 0) return hit;
    cx_strbuf_puts(&b, "no column '");
    put_shown(&b, name, strlen(name), 40);
    cx_strbuf_puts(&b, "' in '");
    cx_strbuf_puts(&b, L->file_shown);
    cx_strbuf_puts(&b, "'; its columns are ");
    put_columns(&b, f, n);
    cx_error *e = emit(L, CX_E_IO_CSV_COLUMN, L->c->arg_spans[arg], &b);
    if (e && n == 1 && (memchr(f[0].text, ';', f[0].len) || memchr(f[0].text, '\t', f[0].len))) {
        cx_error_set_hint(e,
                          "the header has one column: are the fields separated by %s? csv "
                          "reads ',' only",
                          memchr(f[0].text, ';', f[0].len) ? "';'" : "tabs");
        return -1;
    }
    cx_suggest sg;
    cx_suggest_init(&sg, name);
    for (size_t i = 0; i < n; i++)
        if (!memchr(f[i].text, '\0', f[i].len)) cx_suggest_offer(&sg, f[i].text);
    if (e && sg.best) {
        char *best = shown(sg.best, strlen(sg.best));
        if (best) cx_error_set_hint(e, "did you mean '%s'?", best);
        free(best);
    }
    return -1;
}

/* Column names a period column goes by, when the call names none. */
static const char *const period_names[] = {"period", "quarter", "date", "year", "month"};

/* The period column: the one the call names, or the one column (other
 * than the figures' column v) named like one; -1 after an error. */
static long find_period_column(loader *L, const cx_csv_field *f, size_t n, long v)
{
    if (L->want_period) return find_column(L, f, n, L->want_period, 2);
    long hit = -1;
    cx_strbuf b = {0};
    for (size_t i = 0; i < n; i++) {
        bool named = false;
        if ((long)i == v) continue;
        for (size_t k = 0; k < sizeof period_names / sizeof period_names[0]; k++)
            named = named || header_is(&f[i], period_names[k]);
        if (!named) continue;
        if (hit < 0) {
            hit = (long)i;
            continue;
        }
        cx_strbuf_puts(&b, "two columns of '");
        cx_strbuf_puts(&b, L->file_shown);
        cx_strbuf_puts(&b, "' could hold the periods: ");
        put_cell(&b, &f[hit]);
        cx_strbuf_puts(&b, " and ");
        put_cell(&b, &f[i]);
        cx_error *e = emit(L, CX_E_IO_CSV_COLUMN, L->c->span, &b);
        if (e)
            cx_error_set_hint(e,
                              "name one as the third argument: csv(file, column, period_column)");
        return -1;
    }
    if (hit >= 0) return hit;
    cx_strbuf_puts(&b, "no period column in '");
    cx_strbuf_puts(&b, L->file_shown);
    cx_strbuf_puts(&b,
                   "': no column is named period, quarter, date, year or month; its columns are ");
    put_columns(&b, f, n);
    cx_error *e = emit(L, CX_E_IO_CSV_COLUMN, L->c->span, &b);
    if (e) cx_error_set_hint(e, "name it as the third argument: csv(file, column, period_column)");
    return -1;
}

static char *column_name(const cx_csv_field *f)
{
    size_t n = f->len;
    const char *s = trim(f->text, &n);
    return shown(s, n);
}

static int on_header(loader *L, const cx_csv_field *f, size_t n)
{
    L->header_seen = true;
    L->ncols = n;
    long v = find_column(L, f, n, L->want, 1);
    if (v < 0) return 1;
    long p = find_period_column(L, f, n, v);
    if (p < 0) return 1;
    if (p == v) {
        cx_strbuf b = {0};
        put_cell(&b, &f[v]);
        cx_strbuf_puts(&b, " cannot be both the column of figures and the period column");
        emit(L, CX_E_IO_CSV_COLUMN, L->c->arg_spans[2], &b);
        return 1;
    }
    L->vcol = (size_t)v;
    L->pcol = (size_t)p;
    L->vname = column_name(&f[v]);
    L->pname = column_name(&f[p]);
    if (!L->vname || !L->pname) return cx_call_oom(L->c), 1;
    return 0;
}

/* A row's period: read, of the column's one frequency, and turned into a
 * period of the fourth argument's frequency when it is a date. */
static bool row_period(loader *L, const cx_csv_field *pf, cx_period *out)
{
    char why[256];
    cx_span at = field_span(L, pf);
    cx_strbuf b = {0};
    cx_error *e;
    if (!cx_csv_period(pf->text, pf->len, out, why, sizeof why)) {
        size_t n = pf->len;
        trim(pf->text, &n);
        if (n == 0) {
            cx_strbuf_printf(&b, "a row without a period: its cell in column '%s' is blank",
                             L->pname);
        } else {
            put_cell(&b, pf);
            cx_strbuf_printf(&b, " in column '%s' is not a period: %s", L->pname, why);
        }
        emit(L, CX_E_IO_CSV_PERIOD, at, &b);
        return false;
    }
    if (!L->have_freq) {
        L->have_freq = true;
        L->freq = out->freq;
        L->freq_at = at;
    } else if (out->freq != L->freq) {
        put_cell(&b, pf);
        cx_strbuf_printf(&b, " in column '%s' is %s %s, but the column's first period is %s %s",
                         L->pname, cx_article(freq_noun(out->freq)), freq_noun(out->freq),
                         cx_article(freq_noun(L->freq)), freq_noun(L->freq));
        if ((e = emit(L, CX_E_IO_CSV_PERIOD, at, &b))) {
            cx_error_add_note(e, L->freq_at, "the column's first period");
            cx_error_set_hint(e, "a column holds periods of one frequency");
        }
        return false;
    }
    if (!L->convert || out->freq == L->to) return true;
    const char *to = freq_noun(L->to);
    if (out->freq != CX_FREQ_DAY) {
        put_cell(&b, pf);
        cx_strbuf_printf(&b,
                         " in column '%s' is %s %s, not a date: the fourth argument \"%s\" "
                         "turns dates into %ss",
                         L->pname, cx_article(freq_noun(out->freq)), freq_noun(out->freq), to, to);
        if ((e = emit(L, CX_E_IO_CSV_PERIOD, at, &b))) {
            if (L->to == CX_FREQ_YEAR && out->freq != CX_FREQ_YEAR)
                cx_error_set_hint(e, "leave the fourth argument out; annual(s) then sums each "
                                     "complete year");
            else cx_error_set_hint(e, "leave the fourth argument out");
        }
        return false;
    }
    int edge;
    cx_period p;
    if (!cx_csv_day_to(out->ord, L->to, &p, &edge)) {
        put_cell(&b, pf);
        cx_strbuf_printf(&b, " in column '%s' is neither the first nor the last day of %s %s",
                         L->pname, cx_article(to), to);
        if ((e = emit(L, CX_E_IO_CSV_PERIOD, at, &b)))
            cx_error_set_hint(e,
                              "csv reads a date as the %s it starts or ends; a date inside "
                              "one may be a report date or the end of a fiscal period",
                              to);
        return false;
    }
    if (L->edge == 0) {
        L->edge = edge;
        L->edge_at = at;
    } else if (edge != L->edge) {
        char pb[32];
        cx_period_format(&p, pb, sizeof pb);
        put_cell(&b, pf);
        cx_strbuf_printf(&b,
                         " in column '%s' is the %s day of %s, but the column's first date "
                         "is the %s day of its %s",
                         L->pname, edge < 0 ? "first" : "last", pb, edge < 0 ? "last" : "first",
                         to);
        if ((e = emit(L, CX_E_IO_CSV_PERIOD, at, &b))) {
            cx_error_add_note(e, L->edge_at, "the column's first date");
            cx_error_set_hint(e,
                              "the dates of a column mark each %s by its first day or by its "
                              "last, not both",
                              to);
        }
        return false;
    }
    *out = p;
    return true;
}

/* A row's figure, exact; false after an error. */
static bool row_value(loader *L, const cx_csv_field *vf, const cx_period *p, cx_num *out)
{
    char why[512], pb[32];
    bool pct;
    size_t digits;
    cx_span at = field_span(L, vf);
    cx_strbuf b = {0};
    cx_error *e;
    switch (cx_csv_number(vf->text, vf->len, L->c->nctx, out, &pct, &digits, why, sizeof why)) {
    case CX_CSV_NUM_OK: break;
    case CX_CSV_NUM_MISSING:
        cx_period_format(p, pb, sizeof pb);
        cx_strbuf_printf(&b, "no figure for %s in column '%s': %s", pb, L->vname, why);
        if ((e = emit(L, CX_E_IO_CSV_MISSING, at, &b)))
            cx_error_set_hint(e, "cx never drops or invents a figure: delete the row if the "
                                 "period has none (a series may have gaps), or write 0");
        return false;
    case CX_CSV_NUM_BAD:
        put_cell(&b, vf);
        cx_strbuf_printf(&b, " in column '%s' is not a number: %s", L->vname, why);
        emit(L, CX_E_IO_CSV_NUMBER, at, &b);
        return false;
    case CX_CSV_NUM_TOO_LONG:
        cx_diag_add(L->c->diag, CX_E_LIMIT_LITERAL_DIGITS, at,
                    "number of %zu digits in column '%s' (limit " CX_STR(CX_MAX_LITERAL_DIGITS) ")",
                    digits, L->vname);
        return false;
    case CX_CSV_NUM_TOO_BIG:
        e = cx_diag_add(L->c->diag, CX_E_LIMIT_RESULT_SIZE, at,
                        "number in column '%s' too large: more than %ld digits", L->vname,
                        L->c->opt->max_result_digits);
        if (e) cx_error_set_hint(e, "the limit is set with --max-digits N");
        return false;
    case CX_CSV_NUM_NOMEM: cx_call_oom(L->c); return false;
    }
    if (cx_num_is_zero(out)) return true; /* 0 and 0% are one figure */
    if (L->pct < 0) {
        L->pct = pct;
        L->pct_at = at;
    } else if (L->pct != (int)pct) {
        put_cell(&b, vf);
        cx_strbuf_printf(&b,
                         pct ? " in column '%s' is written with '%%', but the column's first "
                               "figure is not"
                             : " in column '%s' is written without '%%', but the column's first "
                               "figure has one: a percentage or not?",
                         L->vname);
        if ((e = emit(L, CX_E_IO_CSV_NUMBER, at, &b))) {
            cx_error_add_note(e, L->pct_at, "the column's first figure");
            cx_error_set_hint(e, "write every figure of a column the same way");
        }
        return false;
    }
    return true;
}

static int on_data(loader *L, const cx_csv_field *f, size_t n)
{
    bool blank = true;
    for (size_t i = 0; i < n && blank; i++) blank = f[i].len == 0;
    if (blank) return 0; /* ",,," as spreadsheets write below a table: no data in it */
    cx_strbuf b = {0};
    if (n != L->ncols) {
        cx_span at =
            n > L->ncols ? field_span(L, &f[L->ncols]) : span_of(L, f[n - 1].end, f[n - 1].end);
        cx_strbuf_printf(&b, "a row of %zu fields under a header of %zu", n, L->ncols);
        cx_error *e = emit(L, CX_E_IO_CSV_FIELDS, at, &b);
        if (e && n > L->ncols)
            cx_error_set_hint(e, "a number with ',' in it is quoted whole: \"1,234.5\"");
        return 1;
    }
    if (L->n >= (size_t)cx_call_max_series(L->c)) {
        cx_error *e =
            cx_diag_add(L->c->diag, CX_E_LIMIT_SERIES, span_of(L, f[0].start, f[n - 1].end),
                        "'%s' has more than %ld rows", L->file_shown, cx_call_max_series(L->c));
        if (e) cx_error_set_hint(e, "the limit is set with --max-series N");
        return 1;
    }
    if (cx_call_step(L->c) != CX_OK) return 1;
    cx_period p;
    if (!row_period(L, &f[L->pcol], &p)) return 1;
    if (!CX_GROW(L->rows, L->cap, L->n, 64)) return cx_call_oom(L->c), 1;
    row *r = &L->rows[L->n];
    cx_num_init(&r->val);
    if (!row_value(L, &f[L->vcol], &p, &r->val)) {
        cx_num_clear(&r->val);
        return 1;
    }
    r->ord = p.ord;
    r->idx = L->n;
    r->at = field_span(L, &f[L->pcol]);
    L->n++;
    return 0;
}

static int on_row(void *ud, const cx_csv_field *f, size_t n)
{
    loader *L = ud;
    return L->header_seen ? on_data(L, f, n) : on_header(L, f, n);
}

static int by_period(const void *a, const void *b)
{
    const row *x = a, *y = b;
    if (x->ord != y->ord) return x->ord < y->ord ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* The rows as a series, in period order; an error when two rows share a
 * period (the first such pair in the file is named). */
static cx_status make_series(loader *L, cx_value *out)
{
    qsort(L->rows, L->n, sizeof *L->rows, by_period);
    size_t dup = SIZE_MAX, first = 0;
    for (size_t i = 1, g = 0; i < L->n; i++) {
        if (L->rows[i].ord != L->rows[i - 1].ord) {
            g = i;
            continue;
        }
        if (i == g + 1 && (dup == SIZE_MAX || L->rows[i].idx < L->rows[dup].idx)) {
            dup = i;
            first = g;
        }
    }
    cx_freq f = L->convert ? L->to : L->freq;
    if (dup != SIZE_MAX) {
        char pb[32];
        cx_period p = {f, L->rows[dup].ord};
        cx_period_format(&p, pb, sizeof pb);
        cx_error *e = cx_diag_add(L->c->diag, CX_E_IO_CSV_DUPLICATE, L->rows[dup].at,
                                  "a second row for %s in column '%s'", pb, L->pname);
        if (e) {
            cx_error_add_note(e, L->rows[first].at, "the first row for %s", pb);
            cx_error_set_hint(e, "a series has one figure per period");
        }
        return CX_FAIL;
    }
    cx_series *s = cx_series_new(f);
    if (!s) return cx_call_oom(L->c);
    for (size_t i = 0; i < L->n; i++)
        if (!cx_series_set(s, L->rows[i].ord, &L->rows[i].val, (size_t)-1)) {
            cx_series_unref(s);
            return cx_call_oom(L->c);
        }
    cx_value_take_series(out, s);
    return CX_OK;
}

/* Argument i as text without a NUL in it. */
static const char *text_arg(cx_call *c, size_t i)
{
    const char *s = cx_arg_text_or(c, i, NULL);
    if (s && strlen(s) != c->args[i].u.str->len) {
        cx_call_error(c, (int)i, CX_E_TYPE_ARG,
                      "%s expects text without a NUL character as argument %zu", c->name, i + 1);
        return NULL;
    }
    return s;
}

static const struct {
    const char *word;
    cx_freq f;
} freq_words[] = {
    {"year", CX_FREQ_YEAR},        {"half", CX_FREQ_HALF},         {"quarter", CX_FREQ_QUARTER},
    {"month", CX_FREQ_MONTH},      {"day", CX_FREQ_DAY},           {"annual", CX_FREQ_YEAR},
    {"half-yearly", CX_FREQ_HALF}, {"quarterly", CX_FREQ_QUARTER}, {"monthly", CX_FREQ_MONTH},
    {"daily", CX_FREQ_DAY},
};

static bool freq_arg(cx_call *c, size_t i, cx_freq *out)
{
    const char *w = text_arg(c, i);
    if (!w) return false;
    for (size_t k = 0; k < sizeof freq_words / sizeof freq_words[0]; k++)
        if (is_word(w, strlen(w), freq_words[k].word)) {
            *out = freq_words[k].f;
            return true;
        }
    char *got = shown(w, strlen(w));
    if (!got) {
        cx_call_oom(c);
        return false;
    }
    cx_call_error(c, (int)i, CX_E_TYPE_ARG,
                  "%s expects \"year\", \"half\", \"quarter\", \"month\" or \"day\" as argument "
                  "%zu, got \"%s\"",
                  c->name, i + 1, got);
    free(got);
    return false;
}

cx_status cx_fn_csv(cx_call *c, cx_value *out)
{
    loader L = {.c = c, .pct = -1};
    if (!(L.file = text_arg(c, 0)) || !(L.want = text_arg(c, 1))) return CX_FAIL;
    if (c->n > 2 && !(L.want_period = text_arg(c, 2))) return CX_FAIL;
    if (c->n > 3) {
        if (!freq_arg(c, 3, &L.to)) return CX_FAIL;
        L.convert = true;
    }
    if (!c->read_file || !c->sources)
        return cx_call_error(c, -1, CX_E_IO_READ, "%s cannot read files here", c->name);
    L.src = c->read_file(c->read_ud, L.file, c->arg_spans[0]);
    if (!L.src) return CX_FAIL;
    const cx_source *src = cx_sources_get(c->sources, L.src);
    if (!src) return cx_call_error(c, 0, CX_E_INTERNAL, "the file read has no source");
    if (!(L.file_shown = shown(L.file, strlen(L.file)))) return cx_call_oom(c);

    size_t at = 0;
    const char *why = NULL;
    cx_status st = CX_FAIL;
    switch (cx_csv_read(src->text, src->len, on_row, &L, &at, &why)) {
    case CX_CSV_OK:
        if (!L.header_seen)
            cx_call_error(c, 0, CX_E_IO_CSV_EMPTY,
                          "'%s' is empty: a CSV file starts with a row of column names",
                          L.file_shown);
        else if (L.n == 0)
            cx_call_error(c, 0, CX_E_IO_CSV_EMPTY, "'%s' has column names but no rows",
                          L.file_shown);
        else st = make_series(&L, out);
        break;
    case CX_CSV_SYNTAX:
        cx_diag_add(c->diag, CX_E_IO_CSV_SYNTAX, span_of(&L, at, at + 1), "%s", why);
        break;
    case CX_CSV_NOMEM: cx_call_oom(c); break;
    case CX_CSV_STOPPED: break;
    }
    for (size_t i = 0; i < L.n; i++) cx_num_clear(&L.rows[i].val);
    free(L.rows);
    free(L.file_shown);
    free(L.vname);
    free(L.pname);
    return st;
}
