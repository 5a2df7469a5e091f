/* csv.c - `cx --csv`: tables and series as RFC 4180 CSV on standard output,
 * for a spreadsheet.  Each `table` becomes one CSV block as it comes (its
 * header, then a record per row); every bare expression whose value is a
 * series is kept, and at the end the series of one frequency become one
 * block with a `period` column and a column per series (a cell is empty
 * where a series has no value).  Blocks are separated by an empty line.
 * Numbers are plain decimals (cx_number_decimal), records end in CRLF.
 * Everything else a run produces goes to standard error as text
 * (report.c). */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

/* One series kept for the end: its expression and its cells. */
typedef struct csv_series {
    cx_frequency freq;
    char *header;
    char **periods, **cells; /* n each, in period order */
    long *keys;              /* year, part and day of each period as one number */
    size_t n;
} csv_series;

struct cx_cli_csv {
    csv_series *series;
    size_t n_series;
    bool wrote; /* a block is out: the next one starts after an empty line */
    bool failed;
};

cx_cli_csv *cx_cli_csv_new(void) { return calloc(1, sizeof(cx_cli_csv)); }

static void put(cx_cli_csv *c, const char *s)
{
    if (fputs(s, stdout) == EOF) c->failed = true;
}

/* One field: quoted when it holds a comma, a quote or a line break, with
 * its quotes doubled (RFC 4180, 2.6 and 2.7). */
static void put_field(cx_cli_csv *c, const char *s)
{
    if (!s) s = "";
    if (!strpbrk(s, ",\"\r\n")) {
        put(c, s);
        return;
    }
    put(c, "\"");
    for (const char *p = s; *p; p++) {
        if (*p == '"') put(c, "\"");
        if (putchar(*p) == EOF) c->failed = true;
    }
    put(c, "\"");
}

static void start_block(cx_cli_csv *c)
{
    if (c->wrote) put(c, "\r\n");
    c->wrote = true;
}

/* A cell's text: a plain decimal for a number, the text of a string or a
 * period, true/false, and cx's display for anything else.  malloc'ed. */
static char *cell_text(const cx_value *v, int digits)
{
    cx_period_info p;
    switch (cx_value_kind(v)) {
    case CX_KIND_NUMBER: return cx_number_decimal(cx_value_number(v), digits, NULL);
    case CX_KIND_STRING: return strdup(cx_value_string(v, NULL));
    case CX_KIND_PERIOD: return cx_value_period(v, &p) ? strdup(p.text) : NULL;
    case CX_KIND_BOOLEAN: return strdup(cx_value_boolean(v) ? "true" : "false");
    case CX_KIND_NONE: return strdup("");
    default: return cx_value_text(v, digits);
    }
}

bool cx_cli_csv_table(cx_cli_csv *c, const cx_output *o, int digits)
{
    if (!o->columns || !o->result) return false;
    start_block(c);
    for (size_t i = 0; i < o->n_columns; i++) {
        if (i) put(c, ",");
        put_field(c, o->columns[i]);
    }
    put(c, "\r\n");
    for (size_t r = 0; r < cx_value_length(o->result); r++) {
        const cx_value *row = cx_value_item(o->result, r);
        for (size_t i = 0; i < cx_value_length(row); i++) {
            char *s = cell_text(cx_value_item(row, i), digits);
            if (!s) c->failed = true;
            if (i) put(c, ",");
            put_field(c, s);
            free(s);
        }
        put(c, "\r\n");
    }
    return true;
}

bool cx_cli_csv_keep_series(cx_cli_csv *c, const cx_output *o, int digits)
{
    const cx_value *v = o->result;
    if (o->kind != CX_OUT_VALUE || cx_value_kind(v) != CX_KIND_SERIES) return false;
    csv_series *grown = realloc(c->series, (c->n_series + 1) * sizeof *grown);
    if (!grown) {
        c->failed = true;
        return true;
    }
    c->series = grown;
    csv_series *s = &c->series[c->n_series++];
    size_t n = cx_value_length(v);
    *s = (csv_series){.header = strdup(o->expr ? o->expr : ""),
                      .periods = calloc(n + 1, sizeof(char *)),
                      .cells = calloc(n + 1, sizeof(char *)),
                      .keys = calloc(n + 1, sizeof(long)),
                      .n = n};
    if (!s->header || !s->periods || !s->cells || !s->keys) {
        c->failed = true;
        s->n = n = 0;
    }
    for (size_t i = 0; i < n; i++) {
        cx_period_info p;
        if (cx_value_series_period(v, i, &p)) {
            s->freq = p.frequency;
            s->periods[i] = strdup(p.text);
            s->keys[i] = (long)p.year * 10000 + p.part * 100 + p.day;
        }
        s->cells[i] = cx_number_decimal(cx_value_series_number(v, i), digits, NULL);
        if (!s->periods[i] || !s->cells[i]) c->failed = true;
    }
    return true;
}

/* A period of the union: its place in time and its text. */
typedef struct csv_period {
    long key;
    const char *text;
} csv_period;

static int cmp_period(const void *a, const void *b)
{
    long x = ((const csv_period *)a)->key, y = ((const csv_period *)b)->key;
    return (x > y) - (x < y);
}

/* The series of one frequency as one block: the union of their periods,
 * in order. */
static void write_frequency(cx_cli_csv *c, cx_frequency f)
{
    size_t total = 0, n = 0;
    for (size_t i = 0; i < c->n_series; i++)
        if (c->series[i].freq == f) total += c->series[i].n;
    if (total == 0) return;
    csv_period *all = malloc(total * sizeof *all);
    if (!all) {
        c->failed = true;
        return;
    }
    for (size_t i = 0; i < c->n_series; i++)
        for (size_t k = 0; c->series[i].freq == f && k < c->series[i].n; k++)
            if (c->series[i].periods[k])
                all[n++] = (csv_period){c->series[i].keys[k], c->series[i].periods[k]};
    qsort(all, n, sizeof *all, cmp_period);
    start_block(c);
    put(c, "period");
    for (size_t i = 0; i < c->n_series; i++) {
        if (c->series[i].freq != f || !c->series[i].n) continue;
        put(c, ",");
        put_field(c, c->series[i].header);
    }
    put(c, "\r\n");
    size_t *at = calloc(c->n_series, sizeof *at); /* each series' next period */
    for (size_t r = 0; at && r < n; r++) {
        if (r > 0 && all[r].key == all[r - 1].key) continue;
        put_field(c, all[r].text);
        for (size_t i = 0; i < c->n_series; i++) {
            csv_series *s = &c->series[i];
            if (s->freq != f || !s->n) continue;
            put(c, ",");
            if (at[i] < s->n && s->keys[at[i]] == all[r].key) put_field(c, s->cells[at[i]++]);
        }
        put(c, "\r\n");
    }
    if (!at) c->failed = true;
    free(at);
    free(all);
}

bool cx_cli_csv_end(cx_cli_csv *c)
{
    static const cx_frequency order[] = {CX_FREQUENCY_YEAR, CX_FREQUENCY_HALF, CX_FREQUENCY_QUARTER,
                                         CX_FREQUENCY_MONTH, CX_FREQUENCY_DAY};
    for (size_t i = 0; i < sizeof order / sizeof *order; i++) write_frequency(c, order[i]);
    bool ok = !c->failed;
    for (size_t i = 0; i < c->n_series; i++) {
        csv_series *s = &c->series[i];
        for (size_t k = 0; k < s->n; k++) {
            free(s->periods[k]);
            free(s->cells[k]);
        }
        free(s->periods);
        free(s->cells);
        free(s->keys);
        free(s->header);
    }
    free(c->series);
    free(c);
    return ok;
}
