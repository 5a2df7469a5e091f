/* chart_svg.c - a chart as an SVG document: title, legend, nice ticks with
 * grid lines, period labels thinned until they fit, bars from zero or
 * lines with markers, in the Okabe-Ito palette (told apart by people with
 * any common colour-vision deficiency).  Every coordinate is computed as a
 * GMP rational and printed with two decimals, so the bytes are the same on
 * every machine.  For screen readers the svg is an image (role="img") named
 * by its <title> and described by a <desc> that lists every value: an HTML
 * table cannot live inside SVG (only through <foreignObject>, which screen
 * readers skip inside role="img"), so the data table is text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "chart.h"

/* The canvas, in user units (px at 100%).  Text widths are estimated at
 * CHAR_W per character of the 12px sans-serif font. */
enum {
    WIDTH = 640,
    PLOT_H = 240,
    CHAR_W = 7,
    PAD = 12,
    MARKERS_UP_TO = 60, /* points on a line with a marker each */
};

/* Okabe & Ito (2008), "Color Universal Design": blue, vermillion, bluish
 * green, orange, reddish purple, sky blue, black, yellow (last: it is the
 * hardest to see on white). */
static const char *const palette[CX_CHART_MAX_SERIES] = {
    "#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"};

/* ---- text ------------------------------------------------------------------------- */

/* The length of the UTF-8 sequence at s (1..4), or 0 when it is not valid. */
static size_t utf8_seq(const unsigned char *s)
{
    size_t n;
    unsigned char c = s[0];
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) n = 3;
    else if (c >= 0xF0 && c <= 0xF4) n = 4;
    else return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0;  /* overlong */
    if (c == 0xED && s[1] >= 0xA0) return 0; /* surrogates */
    if (c == 0xF0 && s[1] < 0x90) return 0;
    if (c == 0xF4 && s[1] >= 0x90) return 0;
    return n;
}

/* Text for XML: & < > " ' escaped, control characters (which XML 1.0
 * cannot carry) as spaces, bytes that are not UTF-8 as U+FFFD. */
static void put_xml(cx_strbuf *b, const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    while (*s) {
        size_t n = utf8_seq(s);
        switch (*s) {
        case '&': cx_strbuf_puts(b, "&amp;"); break;
        case '<': cx_strbuf_puts(b, "&lt;"); break;
        case '>': cx_strbuf_puts(b, "&gt;"); break;
        case '"': cx_strbuf_puts(b, "&quot;"); break;
        case '\'': cx_strbuf_puts(b, "&#39;"); break;
        default:
            if (n == 0) cx_strbuf_puts(b, "\xef\xbf\xbd");
            else if (*s < 0x20 || *s == 0x7F) cx_strbuf_putc(b, ' ');
            else cx_strbuf_put(b, (const char *)s, n);
        }
        s += n ? n : 1;
    }
}

/* Characters (code points) of a text, for its estimated width. */
static size_t chars(const char *text)
{
    size_t n = 0;
    for (const unsigned char *s = (const unsigned char *)text; *s; s++)
        if ((*s & 0xC0) != 0x80) n++;
    return n;
}

/* ---- coordinates -------------------------------------------------------------------- */

typedef struct frame {
    long left, right, top, bottom; /* the plot area */
    cx_chart_ticks ticks;
    mpq_t band; /* the width of one point's slot */
} frame;

/* The y of value v: bottom - (v - lo) / (hi - lo) * PLOT_H, into y. */
static void y_of(const frame *f, const mpq_t v, mpq_t y)
{
    mpq_t k;
    mpq_init(k);
    mpq_sub(y, v, f->ticks.lo);
    mpq_sub(k, f->ticks.hi, f->ticks.lo);
    mpq_div(y, y, k);
    mpq_set_si(k, -PLOT_H, 1);
    mpq_mul(y, y, k);
    mpq_set_si(k, f->bottom, 1);
    mpq_add(y, y, k);
    mpq_clear(k);
}

/* x = left + band * (i + num/den), into x. */
static void x_of(const frame *f, size_t i, unsigned long num, unsigned long den, mpq_t x)
{
    mpq_t k;
    mpq_init(k);
    mpq_set_ui(k, num, den);
    mpq_canonicalize(k);
    mpq_set_ui(x, (unsigned long)i, 1);
    mpq_add(x, x, k);
    mpq_mul(x, x, f->band);
    mpq_set_si(k, f->left, 1);
    mpq_add(x, x, k);
    mpq_clear(k);
}

static void put_num(cx_strbuf *b, const mpq_t x) { cx_chart_put_fixed(b, x, 2); }

/* " name=\"x\"" with x to two decimals. */
static void attr(cx_strbuf *b, const char *name, const mpq_t x)
{
    cx_strbuf_printf(b, " %s=\"", name);
    put_num(b, x);
    cx_strbuf_putc(b, '"');
}

/* "capex 2021: $61B" */
static void point_text(cx_strbuf *b, const cx_chart *c, size_t s, size_t i)
{
    put_xml(b, c->names[s]);
    cx_strbuf_putc(b, ' ');
    put_xml(b, c->labels[i]);
    cx_strbuf_puts(b, ": ");
    char *v = cx_chart_point_label(c, s * c->n_points + i);
    if (!v) b->oom = true;
    else put_xml(b, v);
    free(v);
}

/* ---- pieces of the picture ------------------------------------------------------------ */

static void put_desc(cx_strbuf *b, const cx_chart *c)
{
    static const char *const formats[] = {"", ", as money", ", as percentages"};
    cx_strbuf_printf(b, "<desc id=\"cx-chart-%u-desc\">%s chart%s, %s to %s.", c->id,
                     c->style == CX_CHART_BAR ? "Bar" : "Line", formats[c->format], c->labels[0],
                     c->labels[c->n_points - 1]);
    for (size_t s = 0; s < c->n_series; s++) {
        cx_strbuf_puts(b, " ");
        put_xml(b, c->names[s]);
        cx_strbuf_puts(b, ":");
        for (size_t i = 0; i < c->n_points; i++) {
            size_t at = s * c->n_points + i;
            cx_strbuf_puts(b, i ? ", " : " ");
            put_xml(b, c->labels[i]);
            if (!c->present[at]) {
                cx_strbuf_puts(b, " no value");
                continue;
            }
            char *v = cx_chart_point_label(c, at);
            cx_strbuf_putc(b, ' ');
            if (!v) b->oom = true;
            else put_xml(b, v);
            free(v);
        }
        cx_strbuf_puts(b, ".");
    }
    cx_strbuf_puts(b, "</desc>\n");
}

/* The legend from y = top, wrapping at the right edge; returns the y below it. */
static long put_legend(cx_strbuf *b, const cx_chart *c, long top)
{
    long x = PAD, y = top;
    cx_strbuf_puts(b, "<g class=\"legend\">\n");
    for (size_t s = 0; s < c->n_series; s++) {
        long w = 16 + (long)chars(c->names[s]) * CHAR_W + 18;
        if (x > PAD && x + w > WIDTH - PAD) {
            x = PAD;
            y += 18;
        }
        cx_strbuf_printf(b,
                         "<rect x=\"%ld\" y=\"%ld\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                         "<text x=\"%ld\" y=\"%ld\">",
                         x, y, palette[s], x + 16, y + 10);
        put_xml(b, c->names[s]);
        cx_strbuf_puts(b, "</text>\n");
        x += w;
    }
    cx_strbuf_puts(b, "</g>\n");
    return y + 12;
}

/* Grid lines and tick labels; the zero line darker when it is inside. */
static void put_ticks(cx_strbuf *b, const frame *f, char **labels)
{
    mpq_t v, y;
    mpq_inits(v, y, NULL);
    cx_strbuf_puts(b, "<g class=\"y-axis\">\n");
    for (size_t i = 0; i < f->ticks.n; i++) {
        cx_chart_tick_value(&f->ticks, i, v);
        y_of(f, v, y);
        bool zero = mpq_sgn(v) == 0;
        cx_strbuf_printf(b, "<line x1=\"%ld\" x2=\"%ld\"", f->left, f->right);
        attr(b, "y1", y);
        attr(b, "y2", y);
        cx_strbuf_printf(b, " stroke=\"%s\"/>", zero ? "#444444" : "#dddddd");
        cx_strbuf_printf(b, "<text x=\"%ld\"", f->left - 6);
        mpq_set_ui(v, 4, 1);
        mpq_add(y, y, v);
        attr(b, "y", y);
        cx_strbuf_puts(b, " text-anchor=\"end\">");
        put_xml(b, labels[i]);
        cx_strbuf_puts(b, "</text>\n");
    }
    cx_strbuf_puts(b, "</g>\n");
    mpq_clears(v, y, NULL);
}

/* The smallest round number of periods at least `need`: months 1 2 3 6
 * 12 24 60 120 ..., quarters 1 2 4 8 20 40 ..., halves 1 2 4 10 20 ...,
 * days 1 2 7 14 35 70 ..., years and list items 1 2 5 10 20 50 ... */
static unsigned long round_step(int freq, unsigned long need)
{
    static const unsigned long months[] = {1, 2, 3, 6}, quarters[] = {1, 2}, halves[] = {1},
                               days[] = {1, 2}, mults[] = {1, 2, 5};
    const unsigned long *small = NULL;
    size_t n = 0;
    unsigned long unit = 1;
    switch (freq) {
    case CX_FREQ_MONTH: small = months, n = 4, unit = 12; break;
    case CX_FREQ_QUARTER: small = quarters, n = 2, unit = 4; break;
    case CX_FREQ_HALF: small = halves, n = 1, unit = 2; break;
    case CX_FREQ_DAY: small = days, n = 2, unit = 7; break;
    default: break;
    }
    for (size_t i = 0; i < n; i++)
        if (small[i] >= need) return small[i];
    /* need <= the points (at most 1,000): this ends long before overflow */
    for (unsigned long p = unit;; p *= 10)
        for (size_t i = 0; i < 3; i++)
            if (p * mults[i] >= need) return p * mults[i];
}

/* Period labels under the plot: every k-th, k the smallest round step that
 * keeps neighbours from overlapping, on round periods (January, Q1, years
 * ending in 0 or 5, list items 10, 20, ...) when the step is more than one. */
static void put_x_labels(cx_strbuf *b, const cx_chart *c, const frame *f)
{
    size_t widest = 0;
    for (size_t i = 0; i < c->n_points; i++)
        if (chars(c->labels[i]) > widest) widest = chars(c->labels[i]);
    /* need = ceil(label width / band) = ceil(w * n / plot width), in integers */
    unsigned long w = (unsigned long)widest * CHAR_W + 8;
    unsigned long pw = (unsigned long)(f->right - f->left);
    unsigned long k = round_step(c->freq, (w * c->n_points + pw - 1) / pw);
    size_t from = 0;
    if (k > 1 && c->freq != CX_FREQ_DAY) {
        /* series: the ordinal a multiple of k; lists: the item number */
        int64_t at = c->freq < 0 ? 1 : c->first, m = (int64_t)k;
        from = (size_t)(((m - at % m) % m + m) % m);
        if (from >= c->n_points) from = 0;
    }
    mpq_t x, edge;
    mpq_inits(x, edge, NULL);
    cx_strbuf_puts(b, "<g class=\"x-axis\" text-anchor=\"middle\">\n");
    for (size_t i = from; i < c->n_points; i += k) {
        x_of(f, i, 1, 2, x);
        /* A label that would run off the canvas is pinned to its edge. */
        long half = (long)(chars(c->labels[i]) * CHAR_W / 2);
        const char *anchor = "";
        mpq_set_si(edge, half, 1);
        mpq_add(edge, edge, x);
        if (mpq_cmp_si(edge, WIDTH - 2, 1) > 0) {
            mpq_set_si(x, WIDTH - 2, 1);
            anchor = " text-anchor=\"end\"";
        }
        mpq_set_si(edge, -half, 1);
        mpq_add(edge, edge, x);
        if (mpq_cmp_si(edge, 2, 1) < 0) {
            mpq_set_si(x, 2, 1);
            anchor = " text-anchor=\"start\"";
        }
        cx_strbuf_puts(b, "<text");
        attr(b, "x", x);
        cx_strbuf_printf(b, " y=\"%ld\"%s>", f->bottom + 18, anchor);
        put_xml(b, c->labels[i]);
        cx_strbuf_puts(b, "</text>\n");
    }
    cx_strbuf_puts(b, "</g>\n");
    mpq_clears(x, edge, NULL);
}

static void put_bars(cx_strbuf *b, const cx_chart *c, const frame *f)
{
    mpq_t zero, y0, y, x, w, h, k;
    mpq_inits(zero, y0, y, x, w, h, k, NULL);
    y_of(f, zero, y0);
    /* Each slot: a tenth empty on each side, the rest shared by the series. */
    mpq_set_ui(k, 4, 5 * (unsigned long)c->n_series);
    mpq_canonicalize(k);
    mpq_mul(w, f->band, k);
    for (size_t s = 0; s < c->n_series; s++) {
        cx_strbuf_printf(b, "<g class=\"series\" fill=\"%s\">\n", palette[s]);
        for (size_t i = 0; i < c->n_points; i++) {
            size_t at = s * c->n_points + i;
            if (!c->present[at]) continue;
            x_of(f, i, 1, 10, x);
            mpq_set_ui(k, (unsigned long)s, 1);
            mpq_mul(k, k, w);
            mpq_add(x, x, k);
            y_of(f, c->values[at], y);
            mpq_sub(h, y0, y);
            if (mpq_sgn(h) < 0) {
                mpq_neg(h, h);
                mpq_set(y, y0);
            }
            cx_strbuf_puts(b, "<rect");
            attr(b, "x", x);
            attr(b, "y", y);
            attr(b, "width", w);
            attr(b, "height", h);
            cx_strbuf_puts(b, "><title>");
            point_text(b, c, s, i);
            cx_strbuf_puts(b, "</title></rect>\n");
        }
        cx_strbuf_puts(b, "</g>\n");
    }
    mpq_clears(zero, y0, y, x, w, h, k, NULL);
}

static void put_lines(cx_strbuf *b, const cx_chart *c, const frame *f)
{
    mpq_t x, y;
    mpq_inits(x, y, NULL);
    size_t np = c->n_points;
    for (size_t s = 0; s < c->n_series; s++) {
        const bool *has = c->present + s * np;
        cx_strbuf_printf(b, "<g class=\"series\" stroke=\"%s\" fill=\"%s\" stroke-width=\"2\">\n",
                         palette[s], palette[s]);
        /* One polyline per run of periods that have values: a gap stays a gap. */
        for (size_t i = 0; i < np;) {
            if (!has[i]) {
                i++;
                continue;
            }
            size_t j = i;
            while (j < np && has[j]) j++;
            if (j - i > 1) {
                cx_strbuf_puts(b, "<polyline fill=\"none\" points=\"");
                for (size_t p = i; p < j; p++) {
                    x_of(f, p, 1, 2, x);
                    y_of(f, c->values[s * np + p], y);
                    if (p > i) cx_strbuf_putc(b, ' ');
                    put_num(b, x);
                    cx_strbuf_putc(b, ',');
                    put_num(b, y);
                }
                cx_strbuf_puts(b, "\"/>\n");
            }
            for (size_t p = i; p < j; p++) {
                if (np > MARKERS_UP_TO && j - i > 1) break; /* a dense line: no markers */
                x_of(f, p, 1, 2, x);
                y_of(f, c->values[s * np + p], y);
                cx_strbuf_puts(b, "<circle");
                attr(b, "cx", x);
                attr(b, "cy", y);
                cx_strbuf_puts(b, " r=\"3\"><title>");
                point_text(b, c, s, p);
                cx_strbuf_puts(b, "</title></circle>\n");
            }
            i = j;
        }
        cx_strbuf_puts(b, "</g>\n");
    }
    mpq_clears(x, y, NULL);
}

/* ---- the document ------------------------------------------------------------------------ */

char *cx_chart_svg(const cx_chart *c)
{
    cx_strbuf b = {0};
    frame f;
    cx_chart_ticks_init(&f.ticks);
    mpq_init(f.band);
    mpq_t min, max;
    mpq_inits(min, max, NULL);
    char **labels = NULL;
    bool first = true;
    for (size_t i = 0; i < c->n_series * c->n_points; i++) {
        if (!c->present[i]) continue;
        if (first || mpq_cmp(c->values[i], min) < 0) mpq_set(min, c->values[i]);
        if (first || mpq_cmp(c->values[i], max) > 0) mpq_set(max, c->values[i]);
        first = false;
    }
    /* Bars start at zero; a line's axis may start elsewhere. */
    cx_chart_nice_ticks(&f.ticks, min, max, c->style == CX_CHART_BAR);
    if (!(labels = calloc(f.ticks.n, sizeof *labels))) goto oom;
    size_t widest = 0;
    for (size_t i = 0; i < f.ticks.n; i++) {
        if (!(labels[i] = cx_chart_tick_label(&f.ticks, i, c->format))) goto oom;
        if (chars(labels[i]) > widest) widest = chars(labels[i]);
    }

    /* Heights top down: the title, the legend, the plot, the period labels. */
    long legend_top = c->title ? 36 : PAD;
    cx_strbuf head = {0};
    long legend_bottom = put_legend(&head, c, legend_top);
    f.top = legend_bottom + 16;
    f.bottom = f.top + PLOT_H;
    f.left = PAD + (long)widest * CHAR_W + 8;
    f.right = WIDTH - 16;
    long height = f.bottom + 32;
    mpq_set_ui(f.band, (unsigned long)(f.right - f.left), (unsigned long)c->n_points);
    mpq_canonicalize(f.band);

    cx_strbuf_printf(&b,
                     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%ld\" "
                     "viewBox=\"0 0 %d %ld\" role=\"img\" "
                     "aria-labelledby=\"cx-chart-%u-title\" aria-describedby=\"cx-chart-%u-desc\" "
                     "font-family=\"sans-serif\" font-size=\"12\">\n",
                     WIDTH, height, WIDTH, height, c->id, c->id);
    cx_strbuf_printf(&b, "<title id=\"cx-chart-%u-title\">", c->id);
    if (c->title) {
        put_xml(&b, c->title);
    } else {
        for (size_t s = 0; s < c->n_series; s++) {
            cx_strbuf_puts(&b, s == 0 ? "" : s + 1 == c->n_series ? " and " : ", ");
            put_xml(&b, c->names[s]);
        }
    }
    cx_strbuf_puts(&b, "</title>\n");
    put_desc(&b, c);
    cx_strbuf_printf(&b, "<rect width=\"%d\" height=\"%ld\" fill=\"#ffffff\"/>\n", WIDTH, height);
    if (c->title) {
        cx_strbuf_printf(&b, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">", PAD);
        put_xml(&b, c->title);
        cx_strbuf_puts(&b, "</text>\n");
    }
    char *legend = cx_strbuf_take(&head);
    if (!legend) goto oom;
    cx_strbuf_puts(&b, legend);
    free(legend);
    put_ticks(&b, &f, labels);
    put_x_labels(&b, c, &f);
    if (c->style == CX_CHART_BAR) put_bars(&b, c, &f);
    else put_lines(&b, c, &f);
    cx_strbuf_puts(&b, "</svg>\n");
    goto out;
oom:
    b.oom = true;
out:
    for (size_t i = 0; labels && i < f.ticks.n; i++) free(labels[i]);
    free(labels);
    mpq_clears(min, max, f.band, NULL);
    cx_chart_ticks_clear(&f.ticks);
    return cx_strbuf_take(&b);
}

char *cx_output_chart_svg(const cx_output *out)
{
    if (!out || out->kind != CX_OUT_CHART || !out->chart) return NULL;
    return cx_chart_svg(out->chart);
}
