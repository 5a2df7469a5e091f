/* series.c - period-indexed series: a sorted array of ordinals beside an
 * array of numbers, with lookup, ordered insertion, element-wise arithmetic
 * and the explicit aggregations between frequencies (annual, ttm).  It knows
 * neither sources nor values: errors come back as number statuses. */
#include "series.h"
#include "error.h"
#include "strbuf.h"

#include <stdlib.h>
#include <string.h>

/* ==== lifecycle ========================================================== */

cx_series *cx_series_new(cx_freq freq)
{
    cx_series *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->rc = 1;
    s->freq = freq;
    return s;
}

void cx_series_unref(cx_series *s)
{
    if (!s || --s->rc > 0) return;
    for (size_t i = 0; i < s->len; i++) cx_num_clear(&s->vals[i]);
    free(s->ords);
    free(s->vals);
    free(s);
}

/* Makes room for at least `need` periods.  Doubling keeps a run of appends
 * (a recurrence defines its periods in order) O(1) amortised. */
static bool reserve(cx_series *s, size_t need)
{
    if (need <= s->cap) return true;
    size_t cap = s->cap ? s->cap : 4;
    while (cap < need) {
        if (cap > SIZE_MAX / 2 / sizeof(cx_num)) return false;
        cap *= 2;
    }
    int64_t *o = realloc(s->ords, cap * sizeof *o);
    if (!o) return false;
    s->ords = o;
    /* realloc may move the numbers: that relocates each one's single owner,
     * which GMP and MPFR allow (their structs hold no pointer to themselves). */
    cx_num *v = realloc(s->vals, cap * sizeof *v);
    if (!v) return false;
    s->vals = v;
    s->cap = cap;
    return true;
}

cx_series *cx_series_copy(const cx_series *s)
{
    cx_series *c = cx_series_new(s->freq);
    if (!c) return NULL;
    if (!reserve(c, s->len)) {
        cx_series_unref(c);
        return NULL;
    }
    for (size_t i = 0; i < s->len; i++) {
        c->ords[i] = s->ords[i];
        cx_num_init(&c->vals[i]);
        cx_num_set(&c->vals[i], &s->vals[i]);
        c->len = i + 1;
    }
    c->unkept_lo = s->unkept_lo;
    c->n_unkept = s->n_unkept;
    return c;
}

/* ==== lookup and insertion =============================================== */

/* Index of the first ordinal >= ord (s->len when there is none). */
static size_t lower_bound(const cx_series *s, int64_t ord)
{
    size_t lo = 0, hi = s->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->ords[mid] < ord) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* The slot of period ord, kept or not; NULL when there is no such period. */
static cx_num *slot_of(const cx_series *s, int64_t ord)
{
    /* Outside the periods (a period about to be appended): no search. */
    if (!s->len || ord < s->ords[0] || ord > s->ords[s->len - 1]) return NULL;
    /* Most series have no gaps: then the period's place is its distance
     * from the first, and a recurrence's read of t - 1 costs no search. */
    if ((uint64_t)ord - (uint64_t)s->ords[0] < s->len) {
        size_t d = (size_t)((uint64_t)ord - (uint64_t)s->ords[0]);
        if (s->ords[d] == ord) return &s->vals[d];
    }
    size_t i = lower_bound(s, ord);
    return i < s->len && s->ords[i] == ord ? &s->vals[i] : NULL;
}

const cx_num *cx_series_get(const cx_series *s, int64_t ord)
{
    return cx_series_unkept(s, ord) ? NULL : slot_of(s, ord);
}

bool cx_series_has(const cx_series *s, int64_t ord) { return slot_of(s, ord) != NULL; }

bool cx_series_unkeep(cx_series *s, int64_t ord)
{
    if (s->n_unkept && ord != s->unkept_lo + (int64_t)s->n_unkept) return false;
    cx_num *x = slot_of(s, ord);
    if (!x) return false;
    cx_num_clear(x);
    cx_num_init(x);
    if (!s->n_unkept) s->unkept_lo = ord;
    s->n_unkept++;
    return true;
}

/* Opens a slot at index i holding an inited zero; the caller fills it. */
static cx_num *open_slot(cx_series *s, size_t i, int64_t ord, size_t max_len)
{
    if (s->len >= max_len || !reserve(s, s->len + 1)) return NULL;
    if (i < s->len) {
        memmove(&s->ords[i + 1], &s->ords[i], (s->len - i) * sizeof *s->ords);
        memmove(&s->vals[i + 1], &s->vals[i], (s->len - i) * sizeof *s->vals);
    }
    s->ords[i] = ord;
    cx_num_init(&s->vals[i]);
    s->len++;
    return &s->vals[i];
}

/* The first unkept period, once set, is kept again (recomputation sets
 * them in order). */
static void kept_again(cx_series *s, int64_t ord)
{
    if (s->n_unkept && ord == s->unkept_lo) {
        s->unkept_lo++;
        s->n_unkept--;
    }
}

bool cx_series_set(cx_series *s, int64_t ord, const cx_num *v, size_t max_len)
{
    /* Appending past the last period is the common case: skip the search. */
    size_t i = s->len == 0 || s->ords[s->len - 1] < ord ? s->len : lower_bound(s, ord);
    cx_num *slot = i < s->len && s->ords[i] == ord ? &s->vals[i] : open_slot(s, i, ord, max_len);
    if (!slot) return false;
    cx_num_set(slot, v);
    kept_again(s, ord);
    return true;
}

bool cx_series_set_take(cx_series *s, int64_t ord, cx_num *v, size_t max_len)
{
    size_t i = s->len == 0 || s->ords[s->len - 1] < ord ? s->len : lower_bound(s, ord);
    cx_num *slot = i < s->len && s->ords[i] == ord ? &s->vals[i] : open_slot(s, i, ord, max_len);
    if (!slot) return false;
    cx_num_swap(slot, v);
    kept_again(s, ord);
    return true;
}

/* Appends a period known to come after every existing one, taking the
 * number (x is left as an inited zero). */
static bool append_take(cx_series *s, int64_t ord, cx_num *x)
{
    cx_num *slot = open_slot(s, s->len, ord, (size_t)-1);
    if (!slot) return false;
    cx_num_swap(slot, x);
    return true;
}

/* ==== periods text ======================================================= */

static void tput_period(cx_strbuf *b, cx_freq f, int64_t ord)
{
    char pb[32];
    cx_period p = {f, ord};
    cx_period_format(&p, pb, sizeof pb);
    cx_strbuf_puts(b, pb);
}

/* A run of three or more consecutive periods is one piece "a..b"; shorter
 * runs list each period, since "2024..2025" says no more than "2024, 2025".
 * max_items == 0 means no cap. */
char *cx_periods_text(cx_freq freq, const int64_t *ords, size_t n, size_t max_items)
{
    if (n == 0) return NULL;
    cx_strbuf b = {0};
    size_t pieces = 0;
    for (size_t i = 0; i < n && !b.oom;) {
        size_t j = i;
        while (j + 1 < n && ords[j + 1] == ords[j] + 1) j++;
        size_t run_pieces = j - i + 1 >= 3 ? 1 : j - i + 1;
        for (size_t k = 0; k < run_pieces; k++) {
            if (max_items && pieces == max_items) {
                cx_strbuf_puts(&b, ", \xe2\x80\xa6"); /* ", …" */
                goto done;
            }
            if (pieces) cx_strbuf_puts(&b, ", ");
            if (run_pieces == 1 && j > i) {
                tput_period(&b, freq, ords[i]);
                cx_strbuf_puts(&b, "..");
                tput_period(&b, freq, ords[j]);
            } else {
                tput_period(&b, freq, ords[i + k]);
            }
            pieces++;
        }
        i = j + 1;
    }
done:
    return cx_strbuf_take(&b);
}

char *cx_series_periods_text(const cx_series *s, size_t max_items)
{
    return s ? cx_periods_text(s->freq, s->ords, s->len, max_items) : NULL;
}

size_t cx_series_lacking(const cx_series *have, const cx_series *want, int64_t *first,
                         size_t max_first)
{
    size_t n = 0, i = 0;
    for (size_t j = 0; j < want->len; j++) {
        while (i < have->len && have->ords[i] < want->ords[j]) i++;
        if (i < have->len && have->ords[i] == want->ords[j]) continue;
        if (n < max_first) first[n] = want->ords[j];
        n++;
    }
    return n;
}

uint64_t cx_series_lacking_range(const cx_series *s, int64_t lo, int64_t hi, int64_t step,
                                 int64_t *first, size_t max_first)
{
    if (hi < lo) return 0;
    uint64_t want = (uint64_t)(hi - lo) / (uint64_t)step + 1, have = 0;
    for (size_t i = 0; i < s->len; i++)
        if (s->ords[i] >= lo && s->ords[i] <= hi && (s->ords[i] - lo) % step == 0) have++;
    /* The first missing ones: a walk over the grid that ends once they are
     * found, so it passes at most the series' own periods besides them. */
    size_t found = 0, i = 0;
    for (int64_t p = lo; p <= hi && found < max_first && found < want - have; p += step) {
        while (i < s->len && s->ords[i] < p) i++;
        if (i < s->len && s->ords[i] == p) continue;
        first[found++] = p;
        if (p > hi - step) break;
    }
    return want - have;
}

/* ==== element-wise arithmetic ============================================ */

cx_num_status cx_series_binop(cx_series **out, const cx_series *a, const cx_series *b,
                              cx_num_binop op, const cx_num_ctx *ctx, int64_t *bad_ord)
{
    cx_num_status st = CX_NUM_OK;
    cx_num t;
    cx_series *r = cx_series_new(a->freq);
    *out = NULL;
    if (!r) return CX_NUM_OK; /* *out NULL with OK: out of memory */
    if (!reserve(r, a->len < b->len ? a->len : b->len)) {
        cx_series_unref(r);
        return CX_NUM_OK;
    }
    cx_num_init(&t);
    /* Both ordinal arrays are sorted: one merge walk finds the common periods. */
    size_t i = 0, j = 0;
    while (i < a->len && j < b->len) {
        if (a->ords[i] < b->ords[j]) {
            i++;
        } else if (a->ords[i] > b->ords[j]) {
            j++;
        } else {
            st = op(&t, &a->vals[i], &b->vals[j], ctx);
            if (st != CX_NUM_OK) {
                if (bad_ord) *bad_ord = a->ords[i];
                goto fail;
            }
            if (!append_take(r, a->ords[i], &t)) goto fail;
            i++;
            j++;
        }
    }
    cx_num_clear(&t);
    *out = r;
    return CX_NUM_OK;
fail:
    cx_num_clear(&t);
    cx_series_unref(r);
    return st;
}

cx_num_status cx_series_scalar(cx_series **out, const cx_series *s, const cx_num *x,
                               bool scalar_left, cx_num_binop op, const cx_num_ctx *ctx,
                               int64_t *bad_ord)
{
    cx_num_status st = CX_NUM_OK;
    cx_num t;
    cx_series *r = cx_series_new(s->freq);
    *out = NULL;
    if (!r) return CX_NUM_OK;
    if (!reserve(r, s->len)) {
        cx_series_unref(r);
        return CX_NUM_OK;
    }
    cx_num_init(&t);
    for (size_t i = 0; i < s->len; i++) {
        st = scalar_left ? op(&t, x, &s->vals[i], ctx) : op(&t, &s->vals[i], x, ctx);
        if (st != CX_NUM_OK) {
            if (bad_ord) *bad_ord = s->ords[i];
            goto fail;
        }
        if (!append_take(r, s->ords[i], &t)) goto fail;
    }
    cx_num_clear(&t);
    *out = r;
    return CX_NUM_OK;
fail:
    cx_num_clear(&t);
    cx_series_unref(r);
    return st;
}

/* ==== aggregation between frequencies ==================================== */

/* Floor division for ordinals (all valid ones are positive, but a caller's
 * stray negative must not land in the wrong year). */
static int64_t year_of(int64_t ord, int per)
{
    int64_t q = ord / per;
    return ord % per != 0 && ord < 0 ? q - 1 : q;
}

/* NULL on allocation failure, when a sum fails (a number over the size
 * limit), or for a daily series, whose years have no fixed length. */
cx_series *cx_series_annual(const cx_series *s, const cx_num_ctx *ctx)
{
    int per = cx_freq_per_year(s->freq);
    if (per == 0) return NULL;
    cx_series *r = cx_series_new(CX_FREQ_YEAR);
    if (!r) return NULL;
    cx_num sum;
    cx_num_init(&sum);
    bool ok = true;
    for (size_t i = 0; i < s->len && ok;) {
        int64_t y = year_of(s->ords[i], per);
        size_t j = i;
        while (j < s->len && year_of(s->ords[j], per) == y) j++;
        /* Ordinals are unique, so a year is complete exactly when it holds
         * `per` of them. */
        if (j - i == (size_t)per) {
            cx_num_set(&sum, &s->vals[i]);
            for (size_t k = i + 1; k < j && ok; k++)
                ok = cx_num_add(&sum, &sum, &s->vals[k], ctx) == CX_NUM_OK;
            if (ok) ok = append_take(r, y, &sum);
        }
        i = j;
    }
    cx_num_clear(&sum);
    if (!ok) {
        cx_series_unref(r);
        return NULL;
    }
    return r;
}

/* A failed addition (a number over the size limit) also returns false; then
 * *missing_ord names a period the series does have, which the caller can tell
 * apart with cx_series_has. */
bool cx_series_ttm(cx_num *out, const cx_series *s, int64_t end, const cx_num_ctx *ctx,
                   int64_t *missing_ord)
{
    int per = cx_freq_per_year(s->freq);
    if (per == 0) {
        if (missing_ord) *missing_ord = end;
        return false;
    }
    /* Report the earliest missing period: that is where a reader looks first. */
    for (int64_t k = per - 1; k >= 0; k--) {
        if (!cx_series_has(s, end - k)) {
            if (missing_ord) *missing_ord = end - k;
            return false;
        }
    }
    cx_num sum;
    cx_num_init(&sum);
    for (int64_t k = per - 1; k >= 0; k--) {
        if (cx_num_add(&sum, &sum, cx_series_get(s, end - k), ctx) != CX_NUM_OK) {
            if (missing_ord) *missing_ord = end - k;
            cx_num_clear(&sum);
            return false;
        }
    }
    cx_num_swap(out, &sum);
    cx_num_clear(&sum);
    return true;
}

char *cx_periods_missing_text(cx_freq freq, const int64_t *first, size_t shown, uint64_t total)
{
    char *list = cx_periods_text(freq, first, shown, 0);
    if (!list) return NULL;
    if (total <= shown) return list;
    char *t = cx_strdupf("%s and %llu more", list, (unsigned long long)(total - shown));
    free(list);
    return t;
}
