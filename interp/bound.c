/* bound.c - a report's bound numbers, `[6.0B](cx:savings)`: the figure an
 * author wrote, read in the forms articles use ($6.0B, 61%, 1,078, −4.8B),
 * checked against an expression with the `~` rule of check.c at the
 * precision the figure was written with.  Never looser than the figure:
 * "$6.0B" holds for [5.95B, 6.05B), "$6B" for [5.5B, 6.5B). */
#include <stdlib.h>
#include <string.h>
#include "../lang/literal.h"
#include "../runtime/format.h"
#include "bounded.h"
#include "check.h"
#include "display.h"
#include "report.h"

/* A figure as cx read it: the literal text cx would write ("6.0B"), its
 * sign, and the display suffix of its form ('%', 'b', 'p' or 0). */
typedef struct figure {
    char text[96];
    bool negative;
    char show;
    /* How it was written, to write a computed value the same way. */
    char sign[4];     /* "-", "+", U+2212 or "" */
    char currency[4]; /* "$", U+20AC, U+00A3 or "" */
    bool sign_first;  /* "-$4.8B" (true) or "$-4.8B" */
    bool commas;      /* 1,078 */
    long decimals;    /* 6.0B: 1 */
    char suffix[12];  /* as written: "bn", "%", " billion", "" */
} figure;

static bool digit(char c) { return c >= '0' && c <= '9'; }

static bool starts(const char *s, size_t n, const char *with)
{
    size_t k = strlen(with);
    return n >= k && memcmp(s, with, k) == 0;
}

/* Reads the figure s[0..n) into *f; false when it is not one.  Accepted:
 * sign ('-', '+', U+2212), currency ($, U+20AC, U+00A3; before or after
 * the sign), digits with commas between groups of three, decimals, and a
 * suffix (k K M m B bn T % bp pp). */
static bool read_figure(const char *s, size_t n, figure *f)
{
    size_t i = 0, o = 0;
    bool sign = false, currency = false;
    memset(f, 0, sizeof *f);
    for (int round = 0; round < 2; round++) {
        size_t was = i;
        if (!sign && i < n && (s[i] == '-' || s[i] == '+')) {
            f->negative = s[i] == '-';
            sign = true;
            i++;
        } else if (!sign && starts(s + i, n - i, "\xE2\x88\x92")) {
            f->negative = sign = true;
            i += 3;
        }
        if (i > was) {
            memcpy(f->sign, s + was, i - was);
            f->sign_first = !currency;
        }
        was = i;
        if (!currency && i < n && s[i] == '$') currency = true, i++;
        else if (!currency && starts(s + i, n - i, "\xE2\x82\xAC")) currency = true, i += 3;
        else if (!currency && starts(s + i, n - i, "\xC2\xA3")) currency = true, i += 2;
        if (i > was) memcpy(f->currency, s + was, i - was);
    }
    /* Integer part: with commas, every group after the first has 3 digits
     * and the first 1 to 3. */
    size_t group = 0, int_digits = 0;
    bool commas = false;
    while (i < n && (digit(s[i]) || s[i] == ',')) {
        if (s[i] == ',') {
            if (group == 0 || group > 3 || (commas && group != 3)) return false;
            commas = true;
            group = 0;
            i++;
            continue;
        }
        if (o + 4 >= sizeof f->text) return false;
        f->text[o++] = s[i++];
        group++;
        int_digits++;
    }
    if (int_digits == 0 || (commas && group != 3)) return false;
    f->commas = commas;
    if (i < n && s[i] == '.') {
        f->text[o++] = s[i++];
        size_t frac = 0;
        while (i < n && digit(s[i])) {
            if (o + 4 >= sizeof f->text) return false;
            f->text[o++] = s[i++];
            frac++;
        }
        if (frac == 0) return false;
        f->decimals = (long)frac;
    }
    static const struct {
        const char *written, *cx;
        char show;
    } suffixes[] = {
        {"bn", "B", 0},       {"bp", "bp", 'b'},    {"pp", "pp", 'p'},     {"k", "k", 0},
        {"K", "k", 0},        {"M", "M", 0},        {"m", "M", 0},         {"mn", "M", 0},
        {"B", "B", 0},        {"T", "T", 0},        {"%", "%", '%'},       {" thousand", "k", 0},
        {" million", "M", 0}, {" billion", "B", 0}, {" trillion", "T", 0}, {" percent", "%", '%'},
        {" bn", "B", 0},      {" m", "M", 0},
    };
    if (i < n) {
        size_t k;
        for (k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++)
            if (strlen(suffixes[k].written) == n - i && starts(s + i, n - i, suffixes[k].written))
                break;
        if (k == sizeof suffixes / sizeof suffixes[0]) return false;
        memcpy(f->text + o, suffixes[k].cx, strlen(suffixes[k].cx) + 1);
        memcpy(f->suffix, suffixes[k].written, strlen(suffixes[k].written) + 1);
        f->show = suffixes[k].show;
    }
    return true;
}

void cx_bound_result_free(cx_bound_result *r)
{
    if (!r) return;
    free(r->value);
    free(r->figure);
    free(r->detail);
    memset(r, 0, sizeof *r);
}

static char *show_num(const cx_num *x, char suffix, const cx_state *st)
{
    cx_value v;
    cx_value_init(&v);
    cx_value_set_num(&v, x);
    char *s = cx_display_as(&v, suffix, st->opt.digits, &st->nctx);
    cx_value_clear(&v);
    return s;
}

/* x written the way figure f was: its currency, sign character, commas,
 * decimals and suffix ("$6.0B" and 6,012,000,000 -> "$6.0B", "−4.8B" and
 * -4.75B -> "−4.8B"), rounded half away from zero.  NULL when out of
 * memory or too large. */
static char *styled(const cx_num *x, const figure *f, long scale10, const cx_num_ctx *ctx,
                    bool *oom)
{
    *oom = false;
    cx_num unit, y;
    cx_num_init(&unit);
    cx_num_init(&y);
    char *digits = NULL, *out = NULL;
    cx_num_status ns = cx_num_from_decimal(&unit, "1", 1, scale10, ctx);
    if (ns == CX_NUM_OK) ns = cx_num_div(&y, x, &unit, ctx);
    if (ns == CX_NUM_OK) {
        cx_num_abs(&unit, &y);
        digits = cx_fmt_fixed(&unit, f->decimals);
        if (!digits) *oom = true;
    }
    if (ns == CX_NUM_NOMEM) *oom = true;
    if (digits) {
        /* An approximate value's mark does not belong in prose. */
        const char *d = strncmp(digits, CX_MARK_APPROX, 3) == 0 ? digits + 3 : digits;
        size_t n = 0;
        char *plain = malloc(strlen(d) + 1);
        if (!plain) *oom = true;
        for (size_t i = 0; plain && d[i]; i++)
            if (d[i] != ',' || f->commas) plain[n++] = d[i];
        if (plain) plain[n] = '\0';
        bool zero = plain && strspn(plain, "0.") == n;
        const char *minus = f->sign[0] && f->sign[0] != '+' ? f->sign : "-";
        const char *sign = cx_num_sgn(&y) < 0 && !zero ? minus : "";
        /* A figure of another scale can round a value away ("0M" for
         * 6,012): then say the value as cx shows it. */
        if (zero && cx_num_sgn(x) != 0) {
            free(plain);
            plain = NULL;
        }
        if (plain) {
            out = f->sign_first || !f->currency[0]
                      ? cx_strdupf("%s%s%s%s", sign, f->currency, plain, f->suffix)
                      : cx_strdupf("%s%s%s%s", f->currency, sign, plain, f->suffix);
            if (!out) *oom = true;
        }
        free(plain);
    }
    free(digits);
    cx_num_clear(&unit);
    cx_num_clear(&y);
    return out;
}

/* The verdict on value v against figure f (its exact value `fig`, written
 * to 10^q10) into *out. */
static cx_status decide(cx_state *st, const cx_value *v, const figure *f, const cx_num *fig,
                        const cx_literal_info *info, cx_span at, cx_bound_result *out)
{
    cx_num lo, hi;
    cx_num_init(&lo);
    cx_num_init(&hi);
    cx_status s = CX_FAIL;
    bool passed = false;
    cx_num_status ns =
        cx_check_rounds_to(&v->u.num, fig, info->quantum10, &lo, &hi, &passed, &st->nctx);
    if (ns != CX_NUM_OK) {
        if (ns == CX_NUM_NOMEM) cx_diag_add(&st->diag, CX_E_LIMIT_MEMORY, at, "out of memory");
        else cx_diag_add(&st->diag, CX_E_LIMIT_RESULT_SIZE, at, "the figure is too large to check");
        goto out;
    }
    int sign = cx_num_sgn(fig);
    char *ls = show_num(&lo, f->show, st), *hs = show_num(&hi, f->show, st);
    out->checked = true;
    out->passed = passed;
    char *shown = cx_display_as(v, f->show, st->opt.digits, &st->nctx);
    bool oom;
    out->value = styled(&v->u.num, f, info->scale10, &st->nctx, &oom);
    if (!out->value && !oom) out->value = cx_display_as(v, f->show, st->opt.digits, &st->nctx);
    out->figure = cx_strdupf("%s%s", f->negative ? "-" : "", f->text);
    if (ls && hs && shown)
        out->detail = cx_strdupf("%s is %s %s%s .. %s%s", shown, passed ? "in" : "outside",
                                 sign > 0 ? "[" : "(", ls, hs, sign < 0 ? "]" : ")");
    free(shown);
    free(ls);
    free(hs);
    if (!out->value || !out->figure || !out->detail) {
        cx_diag_add(&st->diag, CX_E_LIMIT_MEMORY, at, "out of memory");
        goto out;
    }
    if (passed) st->passed++;
    else st->failed++;
    s = CX_OK;
out:
    cx_num_clear(&lo);
    cx_num_clear(&hi);
    return s;
}

/* A bound against the figure: all, none or part of its range in the
 * interval the figure allows (PASS, FAIL, DEPENDS; UNDECIDED after a
 * non-linear step).  Only PASS passes; the value is written as the figure
 * was, each end: "$5.9B–$6.1B". */
static cx_status decide_bound(cx_state *st, const cx_value *v, const figure *f, const cx_num *fig,
                              const cx_literal_info *info, cx_span at, cx_bound_result *out)
{
    cx_num lo, hi, vlo, vhi;
    cx_num_init(&lo);
    cx_num_init(&hi);
    cx_num_init(&vlo);
    cx_num_init(&vhi);
    cx_status s = CX_FAIL;
    bool unused = false, passed = false;
    char *ls = NULL, *hs = NULL, *shown = NULL, *a = NULL, *b = NULL;
    const char *word = NULL;
    cx_eval E = {.st = st};
    cx_num_status ns = cx_check_rounds_to(fig, fig, info->quantum10, &lo, &hi, &unused, &st->nctx);
    if (ns != CX_NUM_OK) {
        if (ns == CX_NUM_NOMEM) cx_diag_add(&st->diag, CX_E_LIMIT_MEMORY, at, "out of memory");
        else cx_diag_add(&st->diag, CX_E_LIMIT_RESULT_SIZE, at, "the figure is too large to check");
        goto out;
    }
    int sign = cx_num_sgn(fig);
    if (cx_bounded_inside(&E, at, v, &lo, sign > 0, &hi, sign <= 0, v->unit, &word, &passed) !=
        CX_OK)
        goto out;
    cx_aff_ctx ctx = cx_bounds_ctx(st);
    bool oom = false;
    if (cx_aff_lo(&vlo, &v->u.bound->f, &ctx) != CX_AFF_OK ||
        cx_aff_hi(&vhi, &v->u.bound->f, &ctx) != CX_AFF_OK) {
        cx_diag_add(&st->diag, CX_E_LIMIT_MEMORY, at, "out of memory");
        goto out;
    }
    a = styled(&vlo, f, info->scale10, &st->nctx, &oom);
    b = oom ? NULL : styled(&vhi, f, info->scale10, &st->nctx, &oom);
    ls = show_num(&lo, f->show, st);
    hs = show_num(&hi, f->show, st);
    shown = cx_display_as(v, f->show, st->opt.digits, &st->nctx);
    const char *how = cx_bounded_inside_words(word);
    out->checked = true;
    out->passed = passed;
    out->value = a && b ? cx_strdupf("%s–%s", a, b) : oom ? NULL : shown ? strdup(shown) : NULL;
    out->figure = cx_strdupf("%s%s", f->negative ? "-" : "", f->text);
    if (ls && hs && shown)
        out->detail = cx_strdupf("%s: %s %s%s .. %s%s", shown, how, sign > 0 ? "[" : "(", ls, hs,
                                 sign > 0 ? ")" : "]");
    if (!out->value || !out->figure || !out->detail) {
        cx_diag_add(&st->diag, CX_E_LIMIT_MEMORY, at, "out of memory");
        goto out;
    }
    if (passed) st->passed++;
    else st->failed++;
    s = CX_OK;
out:
    free(ls);
    free(hs);
    free(shown);
    free(a);
    free(b);
    cx_num_clear(&lo);
    cx_num_clear(&hi);
    cx_num_clear(&vlo);
    cx_num_clear(&vhi);
    return s;
}

/* The error for a figure that is none, at `at`. */
static void not_a_figure(cx_state *st, cx_span at)
{
    cx_error *e = cx_diag_add(&st->diag, CX_E_SYNTAX_REPORT, at,
                              "the text of a bound number must be a figure");
    if (e)
        cx_error_set_hint(e, "write it as an article would: 6.0B, $125B, 61%%, 1,078, "
                             "\xE2\x88\x92"
                             "4.8B; or leave it empty to have it filled in: [](cx:...)");
}

static cx_span span_in(const cx_state *st, uint32_t src, size_t start, size_t len)
{
    const cx_source *s = cx_sources_get(&st->sources, src);
    if (s && start <= s->len && len <= s->len - start)
        return (cx_span){src, (uint32_t)start, (uint32_t)(start + len)};
    return CX_NO_SPAN;
}

cx_run_status cx_figure_check(cx_state *st, uint32_t src, size_t start, size_t len)
{
    cx_diag_clear(&st->diag);
    const cx_source *s = cx_sources_get(&st->sources, src);
    figure f;
    if (len > 0 &&
        (!s || start > s->len || len > s->len - start || !read_figure(s->text + start, len, &f)))
        not_a_figure(st, span_in(st, src, start, len));
    return cx_state_status(st);
}

cx_run_status cx_region_bound(cx_state *st, uint32_t region, uint32_t src, size_t fig_start,
                              size_t fig_len, cx_bound_result *out)
{
    memset(out, 0, sizeof *out);
    cx_diag_clear(&st->diag);
    cx_numalloc_account *prev = cx_numalloc_use(&st->mem);
    size_t failed = st->failed;
    const cx_source *s = cx_sources_get(&st->sources, src);
    cx_span at = span_in(st, src, fig_start, fig_len);
    cx_value v;
    cx_value_init(&v);
    cx_num fig;
    cx_num_init(&fig);
    figure f;
    /* Read the figure first: a figure that is no figure is the author's
     * slip, whatever the expression does. */
    if (fig_len > 0 && (!s || at.src == 0 || !read_figure(s->text + fig_start, fig_len, &f))) {
        not_a_figure(st, at);
        goto out;
    }
    cx_literal_info info;
    if (fig_len > 0) {
        cx_literal_status ls = cx_literal_number(f.text, strlen(f.text), &st->nctx, &fig, &info);
        if (ls == CX_LIT_NOMEM) {
            cx_diag_add(&st->diag, CX_E_LIMIT_MEMORY, at, "out of memory");
            goto out;
        }
        if (ls != CX_LIT_OK) {
            cx_diag_add(&st->diag,
                        ls == CX_LIT_TOO_BIG || ls == CX_LIT_TOO_LONG ? CX_E_LIMIT_LITERAL_DIGITS
                                                                      : CX_E_SYNTAX_REPORT,
                        at, "cannot read the figure '%s'", f.text);
            goto out;
        }
        if (f.negative) cx_num_neg(&fig, &fig);
    }
    if (cx_report_eval(st, region, &v) != CX_OK) goto out;
    if (fig_len == 0) {
        /* Nothing to check: the host fills the text in. */
        out->value = cx_display_value(&v, st->opt.digits);
        if (!out->value) cx_diag_add(&st->diag, CX_E_LIMIT_MEMORY, at, "out of memory");
        goto out;
    }
    if (v.kind == CX_VAL_BOUND) {
        decide_bound(st, &v, &f, &fig, &info, at, out);
        goto out;
    }
    if (v.kind != CX_VAL_NUM) {
        const cx_source *r = cx_sources_get(&st->sources, region);
        cx_span whole = {region, 0, r ? r->mapped : 0};
        cx_diag_add(&st->diag, CX_E_TYPE_CHECK_NUMBER, whole,
                    "a bound number's expression must give a number, got %s",
                    cx_value_kind_name(v.kind));
        goto out;
    }
    decide(st, &v, &f, &fig, &info, at, out);
out:
    cx_value_clear(&v);
    cx_num_clear(&fig);
    cx_numalloc_use(prev);
    cx_run_status rs = cx_state_status(st);
    if (rs == CX_RUN_OK && st->failed > failed) rs = CX_RUN_CHECK_FAILED;
    if (rs != CX_RUN_OK && rs != CX_RUN_CHECK_FAILED) cx_bound_result_free(out);
    return rs;
}
