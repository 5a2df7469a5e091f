/* bounded.h - bounded values in the interpreter.  `8% to 12%` and
 * `150B ± 10B` (ASCII `+/-`) make a new *input*: every value in the range,
 * none more likely (hard bounds, not a distribution).  Arithmetic carries
 * them as affine forms over the inputs (runtime/affine.h), so `x - x` is
 * exactly 0 and linear work gives the true range; a comparison in an
 * expression must hold for every value or for none; a check decides PASS,
 * FAIL, DEPENDS or UNDECIDED with a witness (check.c asks cx_bounded_verdict).
 * The state keeps a label per input ("growth", "capex 2026") for witnesses. */
#ifndef CX_BOUNDED_H
#define CX_BOUNDED_H

#include <stdbool.h>
#include <stdint.h>
#include "../lang/ast.h"
#include "../runtime/affine.h"
#include "../runtime/value.h"

struct cx_state;
struct cx_eval;

typedef struct cx_input_label {
    char *text;          /* the name the input is bound to, or the bound as written */
    char suffix;         /* how its ends were written ('%', 'b', 'p' or 0), to show it so */
    struct cx_uom *unit; /* its unit (a reference), or NULL */
} cx_input_label;

typedef struct cx_bounds {
    cx_aff_gen gen;
    cx_input_label *labels; /* an input's tag is its index + 1 */
    size_t n, cap;
} cx_bounds;

void cx_bounds_init(cx_bounds *b);
void cx_bounds_free(cx_bounds *b);

/* `lo to hi`, `c ± r` (CX_AST_BOUND n) from its operands' values a, b. */
cx_status cx_bounded_make(struct cx_eval *E, const cx_ast *n, const cx_value *a, const cx_value *b,
                          cx_value *out);
/* a OP b where a or b is a bound and the other a bound or an exact number:
 * arithmetic gives a bound (a number when the result is one value); a
 * comparison gives true or false when it is decided for every value, else
 * an error. */
cx_status cx_bounded_binop(struct cx_eval *E, int op, cx_span span, const cx_value *a,
                           const cx_value *b, cx_value *out);
/* sqrt, ln and exp take a bound (cx_bounded_apply). */
bool cx_bounded_is_fn(const char *name);
/* name(v) for a bound v: [f(lo), f(hi)] rounded outward, marked ≈ when an
 * end was rounded; a unit on v is an error (as for a number). */
cx_status cx_bounded_apply(struct cx_eval *E, const char *name, const cx_value *v, cx_span span,
                           cx_value *out);
/* npv, npv0 and sum are linear: over bounds (a bound, or a list holding
 * one) they run in bound_calls.c, exactly, so their range is the true one. */
bool cx_bounded_is_linear_fn(const char *name);
bool cx_bounded_call_applies(const char *name, const cx_value *args, size_t n);
cx_status cx_bounded_call(struct cx_eval *E, const char *name, const cx_value *args, size_t n,
                          const cx_span *spans, cx_span span, cx_value *out);
/* -v for a bound v, in place. */
cx_status cx_bounded_neg(struct cx_eval *E, cx_value *v, cx_span span);
/* When an assignment binds a bound written there (`growth = 8% to 12%`),
 * its input takes the name (`growth`, `capex 2026`) for witnesses. */
bool cx_bounded_name(struct cx_state *st, const cx_ast *value_node, const cx_value *v,
                     const char *name); /* false: out of memory (name NULL counts as that) */

/* The verdict on `a op b` (a comparison; numbers or bounds) with its
 * witness points (runtime/affine.h). */
cx_status cx_bounded_decide(struct cx_eval *E, int op, cx_span span, const cx_value *a,
                            const cx_value *b, cx_aff_witness *w);
/* "growth = 12%, margin = 20%": a point's inputs, each as written;
 * malloc'ed. */
char *cx_bounded_point_text(struct cx_eval *E, const cx_aff_point *p);
/* An input's value as its bound was written: in its unit, or with its
 * suffix ('%', 'b', 'p') when it has none; malloc'ed. */
char *cx_bounded_show_num(struct cx_eval *E, const cx_num *x, char suffix, struct cx_uom *unit);
/* The label table's entry of an input symbol, or NULL. */
const cx_input_label *cx_bounded_label(const struct cx_state *st, cx_aff_sym s);

/* The verdict on `l op r` (a comparison, one side a bound, shown as ls
 * and rs): the word ("PASS", "FAIL", "DEPENDS", "UNDECIDED") and a detail
 * with the witness, malloc'ed.  *passed is true only for PASS. */
cx_status cx_bounded_verdict(struct cx_eval *E, int op, cx_span span, const cx_value *l,
                             const cx_value *r, const char *ls, const char *rs, const char **word,
                             char **detail, bool *passed);
/* The verdict on "l lies in the interval from ilo to ihi" (each end in it
 * or not) for a bound l: PASS when the whole range is inside, FAIL when
 * none of it is, DEPENDS when part is (an exact range), else UNDECIDED. */
/* How much of a bound an inside verdict found in the interval: "every value
 * in" (PASS), "no value in" (FAIL), "part in" (DEPENDS), or that cx cannot
 * tell. */
const char *cx_bounded_inside_words(const char *word);
cx_status cx_bounded_inside(struct cx_eval *E, cx_span span, const cx_value *l, const cx_num *ilo,
                            bool lo_in, const cx_num *ihi, bool hi_in, struct cx_uom *unit,
                            const char **word, bool *passed);

#endif
