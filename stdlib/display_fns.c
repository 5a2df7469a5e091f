/* display_fns.c - the built-ins that turn a number into text: pct, money
 * and fmt.  The digits themselves come from format.c (deterministic, no
 * locale, an approximate number keeps its "≈"); this file checks arguments. */
#include <stdlib.h>
#include <string.h>
#include "../runtime/format.h"
#include "../runtime/limits.h"
#include "args.h"
#include "builtins.h"

/* Argument 1: places, `dflt` when absent, bounded by the display digit limit
 * (more decimals than that only prints noise). */
static bool places_arg(cx_call *c, long dflt, long *places)
{
    return cx_arg_long(c, 1, 0, CX_MAX_DIGITS, dflt,
                       "a whole number of places from 0 to " CX_STR(CX_MAX_DIGITS), places);
}

/* A text the author rounded on purpose: with `places` written, an
 * approximate value shows without "≈", because the author chose what to
 * keep (256 bits of precision leave no doubt at the places shown).  The
 * scientific fallback for huge values keeps it: its digits are not the
 * author's.  Takes and returns s. */
static char *as_rounded(cx_call *c, char *s)
{
    size_t m = strlen(CX_MARK_APPROX);
    if (!s || c->n < 2 || strncmp(s, CX_MARK_APPROX, m) != 0 || strchr(s, 'e')) return s;
    memmove(s, s + m, strlen(s + m) + 1);
    return s;
}

/* A bound in a display form: both ends, joined by an en dash (the compact
 * form a report writes: $140B–$160B, 8.0%–12.0%).  fmt formats one end. */
typedef char *(*end_fmt)(const cx_num *x, long places, const char *symbol);

static cx_status bound_text(cx_call *c, cx_value *out, long places, const char *symbol, end_fmt fmt)
{
    const cx_aff *f = &c->args[0].u.bound->f;
    cx_aff_ctx ctx = {.num = cx_call_num_ctx(c)};
    cx_num lo, hi;
    cx_num_init(&lo);
    cx_num_init(&hi);
    char *text = NULL;
    if (cx_aff_lo(&lo, f, &ctx) == CX_AFF_OK && cx_aff_hi(&hi, f, &ctx) == CX_AFF_OK) {
        char *l = as_rounded(c, fmt(&lo, places, symbol));
        char *h = as_rounded(c, fmt(&hi, places, symbol));
        if (l && h) text = cx_strdupf("%s%s–%s", f->approx ? CX_MARK_APPROX : "", l, h);
        free(l);
        free(h);
    }
    cx_num_clear(&lo);
    cx_num_clear(&hi);
    return cx_ret_text(c, out, text);
}

static char *pct_end(const cx_num *x, long places, const char *symbol)
{
    (void)symbol;
    return cx_fmt_pct(x, places);
}

static char *money_end(const cx_num *x, long places, const char *symbol)
{
    return cx_fmt_money_as(x, places, symbol);
}

cx_status cx_fn_pct(cx_call *c, cx_value *out)
{
    long places;
    if (c->args[0].kind == CX_VAL_BOUND)
        return places_arg(c, 1, &places) ? bound_text(c, out, places, NULL, pct_end) : CX_FAIL;
    const cx_num *x = cx_arg_num(c, 0);
    if (!x || !places_arg(c, 1, &places)) return CX_FAIL;
    return cx_ret_text(c, out, as_rounded(c, cx_fmt_pct(x, places)));
}

/* pp(x, places = 2): a change of a rate in percentage points, always signed
 * (it is a difference): 0.0928 -> "+9.28pp", -0.005 -> "-0.50pp". */
cx_status cx_fn_pp(cx_call *c, cx_value *out)
{
    const cx_num *x = cx_arg_num(c, 0);
    long places;
    if (!x || !places_arg(c, 2, &places)) return CX_FAIL;
    char *p = cx_fmt_pct(x, places);
    if (!p) return cx_call_oom(c);
    size_t n = strlen(p);
    /* "≈-9.28%" -> "≈-9.28pp"; a plus where there is no minus (not on 0). */
    bool approx = strncmp(p, CX_MARK_APPROX, strlen(CX_MARK_APPROX)) == 0;
    const char *body = p + (approx ? strlen(CX_MARK_APPROX) : 0);
    bool zero = strspn(body, "0.%") == strlen(body);
    char *r = n && p[n - 1] == '%'
                  ? cx_strdupf("%s%s%.*spp", approx ? CX_MARK_APPROX : "",
                               body[0] == '-' || zero ? "" : "+", (int)strlen(body) - 1, body)
                  : NULL;
    free(p);
    return cx_ret_text(c, out, as_rounded(c, r));
}

/* money(x, places = 2, symbol = "$"): format.c's cx_fmt_money_as says when
 * a scale letter is kept and where the symbol goes. */
cx_status cx_fn_money(cx_call *c, cx_value *out)
{
    long places;
    if (c->args[0].kind == CX_VAL_BOUND) {
        const char *symbol = cx_arg_text_or(c, 2, "$");
        return symbol && places_arg(c, 2, &places) ? bound_text(c, out, places, symbol, money_end)
                                                   : CX_FAIL;
    }
    const cx_num *x = cx_arg_num(c, 0);
    if (!x || !places_arg(c, 2, &places)) return CX_FAIL;
    const char *symbol = cx_arg_text_or(c, 2, "$");
    if (!symbol) return CX_FAIL;
    return cx_ret_text(c, out, as_rounded(c, cx_fmt_money_as(x, places, symbol)));
}

/* fmt(x, places = 0, separators = true): false writes a label, "2031". */
cx_status cx_fn_fmt(cx_call *c, cx_value *out)
{
    const cx_num *x = cx_arg_num(c, 0);
    long places;
    bool sep;
    if (!x || !places_arg(c, 0, &places) || !cx_arg_flag(c, 2, true, &sep)) return CX_FAIL;
    return cx_ret_text(
        c, out, as_rounded(c, sep ? cx_fmt_fixed(x, places) : cx_fmt_fixed_plain(x, places)));
}
