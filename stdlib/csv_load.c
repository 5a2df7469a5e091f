/* csv_load.c - reading CSV data for csv(): libcsv, in strict mode, cuts
 * the records; this file works out where each field lies in the file, so
 * an error can point into the CSV (file.csv:LINE:COL, the line and a
 * caret, as for a script), and reads periods and decimals in the spellings
 * that spreadsheets export, refusing anything ambiguous. */
#include "csv_load.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../runtime/grow.h"
#include "../runtime/limits.h"

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
