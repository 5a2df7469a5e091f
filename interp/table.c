/* table.c - the table statement.  A sensitivity table has one row per value
 * of its variable and one column per expression (headed by its label,
 * `low = ...`, or by the expression as written); a grid has one row per value
 * of its first variable and one column per value of its second, with one
 * expression in the cells.  Cells are kept as values for the host (--json)
 * and rendered for the text: keys in the form their range was written in
 * (a 5%..8% range shows 6%), a four-digit whole key as a year (2031, not
 * 2,031), a column of words left-aligned. */
#include "table.h"

#include <stdlib.h>
#include <string.h>
#include "../runtime/format.h"
#include "../runtime/grow.h"
#include "display.h"
#include "eval.h"
#include "output.h"

enum { MAX_ROWS = 10000, MAX_GRID_COLUMNS = 200 };

typedef struct table {
    char **cells; /* rendered, row-major, `cols` a row, the header first */
    size_t n_cells, cap_cells, cols;
    bool *text;    /* per column: every body cell so far is text */
    cx_list *rows; /* the body as values for the host: a list per row */
} table;

static bool push_cell(table *t, char *cell)
{
    if (!cell) return false;
    if (!CX_GROW(t->cells, t->cap_cells, t->n_cells, 32)) {
        free(cell);
        return false;
    }
    t->cells[t->n_cells++] = cell;
    return true;
}

/* The suffix a range's first end was written with ('%', 'b', 'p'), so its
 * values show in that form; 0 for anything else. */
static char written_suffix(const cx_ast *iter)
{
    if (iter->kind != CX_AST_RANGE) return 0;
    const cx_ast *lo = cx_ast_range_lo(iter);
    while (lo->kind == CX_AST_UNARY && lo->op == '-') lo = cx_ast_operand(lo);
    return lo->kind == CX_AST_NUM ? lo->num.suffix : 0;
}

/* A key (a row's or a grid column's value) as a label: in its range's
 * written form, and a whole number without separators (2031, not 2,031). */
static char *key_text(cx_eval *E, const cx_ast *iter, const cx_value *v)
{
    char suffix = written_suffix(iter);
    if (suffix == '%' || suffix == 'b' || suffix == 'p')
        return cx_display_as(v, suffix, E->st->opt.digits, &E->st->nctx);
    int64_t year;
    if (!suffix && v->kind == CX_VAL_NUM && cx_num_get_si(&v->u.num, &year) && year >= 1000 &&
        year <= 9999) /* a year as a label: 2031 */
        return cx_fmt_number(&v->u.num, E->st->opt.digits, false);
    return cx_eval_render(E, v); /* amounts (8M..16M) keep their separators */
}

/* Is this text a formatted number ("$121.00B", "-4.8%", "+9.28pp",
 * "EUR 6.0B", "≈1.41")?  Such columns stay right-aligned like numbers; a
 * column of words ("Amazon", "est.") is left-aligned. */
static bool numeric_text(const char *s)
{
    size_t n = strlen(s);
    if (n >= 2 && (strcmp(s + n - 2, "pp") == 0 || strcmp(s + n - 2, "bp") == 0)) n -= 2;
    bool digit = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 'a' && s[i] <= 'z') return false;
        if (s[i] >= '0' && s[i] <= '9') digit = true;
    }
    return digit;
}

/* Adds one body cell: its text and, for the host, its value (moved). */
static cx_status add_cell(cx_eval *E, table *t, cx_list *row, cx_value *v, char *text, cx_span span)
{
    size_t col = t->n_cells % t->cols;
    if (v->kind != CX_VAL_STR || numeric_text(v->u.str->data)) t->text[col] = false;
    if (!push_cell(t, text) || !cx_list_push_take(row, v)) return cx_eval_oom(E, span);
    return CX_OK;
}

/* Starts a body row: the list the host sees; false when out of memory. */
static cx_list *new_row(table *t)
{
    cx_list *l = cx_list_new(t->cols);
    if (!l) return NULL;
    cx_value row;
    cx_value_init(&row);
    cx_value_take_list(&row, l);
    if (!cx_list_push_take(t->rows, &row)) {
        cx_value_clear(&row);
        return NULL;
    }
    return l; /* owned by t->rows now */
}

typedef struct row_ctx {
    table *t;
    const cx_ast *n;
    size_t slot;    /* the row variable among the locals */
    cx_value *cols; /* a grid: the column keys */
    size_t n_cols;
    size_t col_slot;
} row_ctx;

static cx_status one_row(cx_eval *E, cx_value *item, void *ud)
{
    row_ctx *r = ud;
    table *t = r->t;
    const cx_ast *n = r->n;
    if (t->rows->len >= MAX_ROWS)
        return cx_eval_error(E, CX_E_LIMIT_TABLE_ROWS, cx_ast_table_iter(n)->span,
                             "a table has at most 10,000 rows");
    cx_list *row = new_row(t);
    if (!row) return cx_eval_oom(E, n->span);
    cx_value key;
    cx_value_init(&key);
    cx_value_copy(&key, item);
    char *kt = key_text(E, cx_ast_table_iter(n), item);
    cx_status st = add_cell(E, t, row, &key, kt, n->span);
    cx_value_clear(&key);
    if (st != CX_OK) return st;
    cx_env *env = &E->st->env;
    cx_value_move(&env->locals[r->slot].value, item);
    size_t ncells = r->cols ? r->n_cols : n->list.len;
    for (size_t i = 0; i < ncells && st == CX_OK; i++) {
        const cx_ast *col = r->cols ? n->list.items[0] : n->list.items[i];
        if (col->kind == CX_AST_ASSIGN) col = cx_ast_value(col); /* a labelled column */
        if (r->cols) cx_value_copy(&env->locals[r->col_slot].value, &r->cols[i]);
        cx_value v;
        cx_value_init(&v);
        st = cx_eval_expr(E, col, &v);
        if (st == CX_OK) st = add_cell(E, t, row, &v, cx_eval_render(E, &v), n->span);
        cx_value_clear(&v);
    }
    return st;
}

/* A grid's column keys: the values of its second iterable, in order. */
typedef struct keys {
    cx_value *items;
    size_t n, cap;
    cx_span span; /* the iterable, for errors */
} keys;

static cx_status collect_key(cx_eval *E, cx_value *item, void *ud)
{
    keys *k = ud;
    if (k->n >= MAX_GRID_COLUMNS)
        return cx_eval_error(E, CX_E_LIMIT_TABLE_ROWS, k->span, "a grid has at most %d columns",
                             MAX_GRID_COLUMNS);
    if (!CX_GROW(k->items, k->cap, k->n, 8)) return cx_eval_oom(E, k->span);
    cx_value_init(&k->items[k->n]);
    cx_value_move(&k->items[k->n++], item);
    return CX_OK;
}

cx_status cx_exec_table(cx_eval *E, const cx_ast *n)
{
    const cx_ast *col_var = cx_ast_table_col_var(n);
    keys k = {.span = col_var ? cx_ast_table_col_iter(n)->span : n->span};
    table t = {.rows = cx_list_new(16)};
    cx_env *env = &E->st->env;
    size_t mark = env->n_locals;
    cx_value iter, none;
    cx_value_init(&iter);
    cx_value_init(&none);
    char *text = NULL, *expr = NULL, *corner = NULL;
    cx_status st = CX_FAIL;
    if (!t.rows) goto oom;
    if (col_var) { /* a grid: the column keys first, so the header can show them */
        cx_value cols;
        cx_value_init(&cols);
        st = cx_eval_expr(E, cx_ast_table_col_iter(n), &cols);
        if (st == CX_OK)
            st = cx_eval_iterate(E, &cols, cx_ast_table_col_iter(n)->span, collect_key, &k);
        cx_value_clear(&cols);
        if (st != CX_OK) goto out;
        st = CX_FAIL;
    }
    t.cols = 1 + (col_var ? k.n : n->list.len);
    if (!(t.text = malloc(t.cols * sizeof *t.text))) goto oom;
    for (size_t i = 0; i < t.cols; i++) t.text[i] = true;
    /* The header: the variable(s), then each column's label, text or key. */
    corner = col_var ? cx_strdupf("%s \\ %s", n->name, col_var->name) : strdup(n->name);
    if (!push_cell(&t, corner)) {
        corner = NULL;
        goto oom;
    }
    corner = NULL;
    for (size_t i = 0; i < t.cols - 1; i++) {
        char *h;
        if (col_var) {
            h = key_text(E, cx_ast_table_col_iter(n), &k.items[i]);
        } else {
            const cx_ast *c = n->list.items[i];
            h = c->kind == CX_AST_ASSIGN ? strdup(c->name)
                                         : cx_sources_text(&E->st->sources, c->span);
        }
        if (!push_cell(&t, h)) goto oom;
    }
    if (cx_eval_expr(E, cx_ast_table_iter(n), &iter) != CX_OK) goto out;
    if (!cx_env_push_local(env, n->name, &none)) goto oom;
    row_ctx r = {.t = &t, .n = n, .slot = mark, .cols = k.items, .n_cols = k.n};
    if (col_var) {
        if (!cx_env_push_local(env, col_var->name, &none)) goto oom;
        r.col_slot = mark + 1;
    }
    if (cx_eval_iterate(E, &iter, cx_ast_table_iter(n)->span, one_row, &r) != CX_OK) goto out;
    /* A column is left-aligned when all its cells are text (and it has some). */
    bool *left = t.text;
    if (t.rows->len == 0)
        for (size_t i = 0; i < t.cols; i++) left[i] = false;
    if (!(text = cx_display_table(t.cells, t.n_cells, t.cols, left))) goto oom;
    expr = cx_sources_text(&E->st->sources, n->span);
    cx_value rows;
    cx_value_init(&rows);
    cx_value_take_list(&rows, t.rows);
    t.rows = NULL;
    cx_output rec = {.kind = CX_OUT_TABLE,
                     .text = text,
                     .expr = expr,
                     .result = &rows,
                     .columns = (const char *const *)t.cells,
                     .n_columns = t.cols};
    cx_output_emit(E->st, &rec, n->span);
    cx_value_clear(&rows);
    st = CX_OK;
    goto out;
oom:
    st = cx_eval_oom(E, n->span);
out:
    cx_env_pop_locals(env, mark);
    cx_value_clear(&iter);
    for (size_t i = 0; i < k.n; i++) cx_value_clear(&k.items[i]);
    free(k.items);
    for (size_t i = 0; i < t.n_cells; i++) free(t.cells[i]);
    free(t.cells);
    free(t.text);
    if (t.rows) cx_list_unref(t.rows);
    free(text);
    free(expr);
    free(corner);
    return st;
}
