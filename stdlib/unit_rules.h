/* unit_rules.h - how each built-in treats units of measure (docs/stdlib.md,
 * "Units"): which arguments are amounts, and what unit the result has.  The
 * evaluator applies the rule (interp/unit_calls.c); a built-in itself only
 * ever sees plain numbers.  A built-in without a row here refuses values
 * with units (an error naming it), so no function drops a unit silently. */
#ifndef CX_UNIT_RULES_H
#define CX_UNIT_RULES_H

#include <stdbool.h>
#include <stddef.h>

typedef enum cx_unit_rule {
    CX_UR_NONE,   /* takes no units */
    CX_UR_KEEP,   /* the amounts share a unit; the result has it */
    CX_UR_COUNT,  /* any units; the result is a plain count */
    CX_UR_CANCEL, /* the amounts share a unit; the result is a plain ratio */
    CX_UR_PER,    /* per_head(a, b): the unit of a over the unit of b */
    CX_UR_FLOW,   /* a flow per half, quarter or month (USD/qtr) becomes one per year */
    CX_UR_STOCK,  /* flows per period (USD/yr) discounted to an amount (USD) */
    CX_UR_SQUARE, /* var, varp: the unit squared */
    CX_UR_MONEY,  /* money(): the text shows the unit ($6.0B/yr, 1.2k EUR) */
} cx_unit_rule;

enum { CX_UR_ALL = -1 }; /* every argument is an amount */

typedef struct cx_unit_rule_row {
    const char *name;
    cx_unit_rule rule;
    int amounts;     /* bit i: argument i is an amount; CX_UR_ALL: all of them */
    const char *doc; /* one line for docs/stdlib.md */
} cx_unit_rule_row;

/* The row of a built-in; a CX_UR_NONE row for one not listed. */
cx_unit_rule_row cx_unit_rule_of(const char *name);
/* The whole table (for docs/stdlib.md). */
const cx_unit_rule_row *cx_unit_rules(size_t *count);

#endif
