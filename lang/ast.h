/* ast.h - the syntax tree: node kinds, the node struct, one constructor per
 * kind.  Nodes live in the unit's arena (lang/arena.h) and are freed with it;
 * number literals own a cx_num that the unit's constant list clears
 * (cx_unit_free).  The grammar only calls these constructors. */
#ifndef CX_AST_H
#define CX_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../runtime/error.h"
#include "../runtime/number.h"
#include "../runtime/period.h"
#include "arena.h"

typedef enum cx_ast_kind {
    /* expressions */
    CX_AST_NUM,    /* number literal: num.value, num.quantum10, num.suffix */
    CX_AST_PERIOD, /* period literal 2025Q3, 2025-06, 2025-06-30 (NOT a bare year) */
    CX_AST_STR,    /* string literal, escapes already decoded: str.text/len */
    CX_AST_BOOL,   /* true / false: boolean */
    CX_AST_NAME,   /* identifier: name */
    CX_AST_UNARY,  /* op: '-', '+', CX_OP_NOT; a */
    CX_AST_BINARY, /* op; a, b */
    /* juxtaposition `capex 2025`, `fcf 2025Q3`: a = NAME node, b = NUM or PERIOD literal */
    CX_AST_AT,
    CX_AST_INDEX, /* a[b]: a any expression, b any expression or a CX_AST_RANGE (slice) */
    CX_AST_CALL,  /* name(args...): name, list; a generator argument is one CX_AST_COMP */
    CX_AST_LIST,  /* [a, b, c]: list */
    CX_AST_RANGE, /* a..b [step c]: a, b, c (c may be NULL) */
    /* a for var in b [if c]: a = element, name = var, b = iterable, c = filter
     * or NULL; a list comprehension `[... for ...]` is the same node with
     * comp_is_list = true */
    CX_AST_COMP,
    CX_AST_IF,    /* if a then b else c */
    CX_AST_BOUND, /* a to b (op CX_OP_TO), a ± b (op CX_OP_PM): a bounded value */
    /* a sum of plain literals folded while parsing (lang/fold.c): num.value
     * only, and computed, not written (no precision, suffix or year) */
    CX_AST_CONST,
    /* a number with its unit, `4.8B USD/qtr` or `$125B/yr`: a = the NUM
     * literal; name = the unit's text (USD/yr for the `$` form), name_span
     * = where it was written */
    CX_AST_UNIT_NUM,
    CX_AST_AS, /* a as UNIT: a; name = the unit's text, name_span; op_span = `as` */
    /* statements */
    CX_AST_ASSIGN, /* name = a */
    /* name PERIOD = b: a = period literal node (NUM year or PERIOD), c = NULL;
     * name RANGE = b: a = first, c = last period literal node */
    CX_AST_ASSIGN_AT,
    /* name[key] = b: a = key, an expression giving a period, a year or a
     * range of them (capex[start..start + 11] = ...) */
    CX_AST_ASSIGN_INDEX,
    CX_AST_EXPR_STMT, /* bare expression: a (prints "text = value") */
    CX_AST_PRINT,     /* print list... */
    /* check a;               check_kind CX_CHECK_COND
     * (boolean: `... in all scenarios`)
     * check a ~ b;           check_kind CX_CHECK_APPROX
     * check a ~ b within c;  check_kind CX_CHECK_WITHIN */
    CX_AST_CHECK,
    CX_AST_FN,      /* fn name(params) = a: params in list (CX_AST_NAME nodes) */
    CX_AST_INCLUDE, /* include "path": str */
    CX_AST_TABLE,   /* table name in b: list (one or more column expressions) */
    CX_AST_SOURCE,  /* source name = "text": str */
    /* chart STYLE exprs [title "text"] [as FORMAT]: list = the series, op =
     * cx_chart_style, check_kind = cx_chart_format, a = the title's string
     * node or NULL; name/name_span = the style word as written */
    CX_AST_CHART,
    /* scenario name: list = its facts, ASSIGN and ASSIGN_AT nodes */
    CX_AST_SCENARIO,
    /* table scenarios: list = the columns (as CX_AST_TABLE's) */
    CX_AST_SCENARIO_TABLE,
    /* tornado a over list: the inputs, NAME nodes */
    CX_AST_TORNADO,
    CX_AST_UNIT_DECL, /* unit employee, customer;: list of NAME nodes */
    CX_AST_ERROR,     /* placeholder after a reported error (never evaluated) */
} cx_ast_kind;

typedef enum cx_op {
    CX_OP_ADD = '+',
    CX_OP_SUB = '-',
    CX_OP_MUL = '*',
    CX_OP_DIV = '/',
    CX_OP_POW = '^',
    CX_OP_LT = '<',
    CX_OP_GT = '>',
    CX_OP_EQ = 256,
    CX_OP_NE,
    CX_OP_LE,
    CX_OP_GE,
    CX_OP_AND,
    CX_OP_OR,
    CX_OP_NOT,
    CX_OP_IN, /* x in a..b, x in [list]: membership */
    CX_OP_TO, /* a to b: a bound (CX_AST_BOUND) */
    CX_OP_PM, /* a ± b: a bound (CX_AST_BOUND) */
} cx_op;

typedef enum cx_check_kind { CX_CHECK_COND, CX_CHECK_APPROX, CX_CHECK_WITHIN } cx_check_kind;

/* A chart's look (CX_AST_CHART): how values are drawn and labelled. */
typedef enum cx_chart_style { CX_CHART_LINE, CX_CHART_BAR } cx_chart_style;
typedef enum cx_chart_format { CX_CHART_PLAIN, CX_CHART_MONEY, CX_CHART_PCT } cx_chart_format;

typedef struct cx_ast cx_ast;

/* A growable array of node pointers, in the arena. */
typedef struct cx_ast_list {
    cx_ast **items;
    size_t len, cap;
} cx_ast_list;

struct cx_ast {
    uint8_t kind;       /* cx_ast_kind */
    uint8_t check_kind; /* cx_check_kind */
    bool boolean;
    bool comp_is_list;
    int op;          /* cx_op */
    cx_span span;    /* the whole construct; for BINARY/UNARY also see op_span */
    cx_span op_span; /* the operator token (BINARY, UNARY, AT, INDEX '[', CHECK '~') */
    const char
        *name; /* NAME, CALL, ASSIGN*, FN, TABLE, SOURCE, COMP: NUL-terminated, in the arena */
    cx_span name_span;
    cx_ast *a, *b, *c;
    /* Kind-specific parts share storage: a node uses at most one of them
     * (CALL/LIST/PRINT/FN/TABLE: list; NUM: num; PERIOD: period).  Keeps a 30,000-statement script small. */
    union {
        cx_ast_list list;
        struct {
            cx_num *value; /* owned by the unit's constant list */
            /* the written precision is 10^quantum10: "4.8B" -> 8, "61%" -> -2,
             * "125e9" -> 9, "30000" -> 0, "0.25" -> -2 */
            int64_t quantum10;
            char suffix;      /* 0, 'k', 'M', 'B', 'T', '%', or 'b' for bp */
            bool is_int_text; /* written as plain digits/underscores only (a year candidate) */
        } num;
        cx_period period; /* PERIOD */
    };
    struct {
        /* STR/INCLUDE/SOURCE: decoded bytes, NUL-terminated; NUM: the
         * literal as written (for the AST dump) */
        const char *text;
        size_t len;
    } str;
};

/* ---- what each child is ------------------------------------------------------
 * Nodes keep up to three children in a, b and c; these say which is which
 * for each kind, so the evaluator reads as the grammar does. */
#define CX_AST_CHILD(fn, field)                                                                    \
    static inline const cx_ast *fn(const cx_ast *n) { return n->field; }
CX_AST_CHILD(cx_ast_operand, a) /* UNARY */
CX_AST_CHILD(cx_ast_lhs, a)     /* BINARY */
CX_AST_CHILD(cx_ast_rhs, b)
CX_AST_CHILD(cx_ast_at_series, a)  /* AT: the NAME node of `capex 2025` */
CX_AST_CHILD(cx_ast_at_period, b)  /*     its NUM or PERIOD literal */
CX_AST_CHILD(cx_ast_index_base, a) /* INDEX: base[key] */
CX_AST_CHILD(cx_ast_index_key, b)
CX_AST_CHILD(cx_ast_range_lo, a) /* RANGE: lo..hi step (NULL: none) */
CX_AST_CHILD(cx_ast_range_hi, b)
CX_AST_CHILD(cx_ast_range_step, c)
CX_AST_CHILD(cx_ast_comp_elem, a) /* COMP: elem for name in iter if filter */
CX_AST_CHILD(cx_ast_comp_iter, b)
CX_AST_CHILD(cx_ast_comp_filter, c) /*       NULL: no filter */
CX_AST_CHILD(cx_ast_if_cond, a)     /* IF: if cond then then else else */
CX_AST_CHILD(cx_ast_if_then, b)
CX_AST_CHILD(cx_ast_if_else, c)
CX_AST_CHILD(cx_ast_value, a)        /* ASSIGN: name = value; EXPR_STMT: value */
CX_AST_CHILD(cx_ast_first_period, a) /* ASSIGN_AT: name first[..last] = period_value */
CX_AST_CHILD(cx_ast_last_period, c)  /*            NULL: one period */
CX_AST_CHILD(cx_ast_period_value, b) /*            and ASSIGN_INDEX's value */
CX_AST_CHILD(cx_ast_period_key, a)   /* ASSIGN_INDEX: name[key] = period_value */
CX_AST_CHILD(cx_ast_claim, a)        /* CHECK: check claim; or check lhs ~ rhs [within tol] */
CX_AST_CHILD(cx_ast_check_lhs, a)
CX_AST_CHILD(cx_ast_check_rhs, b)
CX_AST_CHILD(cx_ast_tolerance, c)      /*        NULL: no `within` */
CX_AST_CHILD(cx_ast_fn_body, a)        /* FN: fn name(params) = body; `boolean`: its calls */
                                       /* are worth remembering (cx_ast_fn_remembers) */
CX_AST_CHILD(cx_ast_table_iter, b)     /* TABLE: table name in iter: columns (list; a */
                                       /* labelled column is an ASSIGN node) */
CX_AST_CHILD(cx_ast_table_col_var, a)  /* a grid, table r in iter, c in col_iter: cell: */
CX_AST_CHILD(cx_ast_table_col_iter, c) /* the column variable (NAME), its iterable */
CX_AST_CHILD(cx_ast_path_node, a)      /* INCLUDE: the string literal node, for its span */
CX_AST_CHILD(cx_ast_chart_title, a)    /* CHART: the title's string node; NULL: none */
#undef CX_AST_CHILD

/* The result of parsing one source: its statements and what owns them. */
typedef struct cx_unit {
    uint32_t src;    /* the source's id */
    cx_arena arena;  /* every node and string */
    cx_num **consts; /* literal values to clear (a malloc'ed array; each in the arena) */
    size_t n_consts, cap_consts;
    cx_ast_list stmts;
} cx_unit;

/* Frees the arena and clears every constant.  u itself is not freed. */
void cx_unit_free(cx_unit *u);

/* Constructors.  P is the parse context (lang/parse.h); every node gets a span.
 * They return NULL only on allocation failure (the parse then fails). */
struct cx_parse_ctx;
cx_ast *cx_ast_new(struct cx_parse_ctx *P, cx_ast_kind kind, cx_span span);
cx_ast *cx_ast_num(struct cx_parse_ctx *P,
                   cx_span span); /* reads the literal's text from the source; literal.c */
cx_ast *cx_ast_period(struct cx_parse_ctx *P, cx_span span);
cx_ast *cx_ast_str(struct cx_parse_ctx *P,
                   cx_span span); /* decodes escapes; bad escape -> error node */
cx_ast *cx_ast_name(struct cx_parse_ctx *P, cx_span span);
cx_ast *cx_ast_unary(struct cx_parse_ctx *P, int op, cx_span op_span, cx_ast *a, cx_span span);
cx_ast *cx_ast_binary(struct cx_parse_ctx *P, int op, cx_span op_span, cx_ast *a, cx_ast *b,
                      cx_span span);
bool cx_ast_list_push(struct cx_parse_ctx *P, cx_ast_list *l, cx_ast *item);

/* Whether calls of FN node n are remembered (interp/memo.h): false for a
 * body of arithmetic on the arguments, which costs less than the lookup. */
static inline bool cx_ast_fn_remembers(const cx_ast *n) { return n->boolean; }

/* The first part of n that is not a constant, or NULL when n is one:
 * literals, operators and lists of them (no names, no calls). */
const cx_ast *cx_ast_not_constant(const cx_ast *n);

/* The operator as written: "+", "==", "and", "not"; "?" for anything else. */
const char *cx_ast_op_text(int op);
/* < > <= >= == != */
bool cx_ast_op_is_comparison(int op);

/* S-expression dump for tests and `cx --dump-ast`, malloc'ed:
 * "1 + 2 * 3;" -> "(+ 1 (* 2 3))"; statements separated by "\n". */
char *cx_ast_dump(const cx_unit *u);
char *cx_ast_dump_node(const cx_ast *n);

#endif
