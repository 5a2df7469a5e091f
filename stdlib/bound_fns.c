/* bound_fns.c - the built-ins that read a bounded value (`8% to 12%`):
 * lo, hi, mid and width.  A plain number is a bound of width 0.  For a
 * bound marked ≈ (an end rounded through MPFR) lo and hi are its rounded
 * outer ends: still sound. */
#include "args.h"
#include "builtins.h"

typedef enum part { PART_LO, PART_HI, PART_MID, PART_WIDTH } part;

static cx_status bound_part(cx_call *c, cx_value *out, part which)
{
    const cx_value *a = &c->args[0];
    cx_num r;
    cx_num_init(&r);
    cx_aff_status s = CX_AFF_OK;
    if (a->kind == CX_VAL_NUM) {
        if (which != PART_WIDTH) cx_num_set(&r, &a->u.num);
    } else if (a->kind == CX_VAL_BOUND) {
        cx_aff_ctx ctx = {.num = cx_call_num_ctx(c)};
        const cx_aff *f = &a->u.bound->f;
        switch (which) {
        case PART_LO: s = cx_aff_lo(&r, f, &ctx); break;
        case PART_HI: s = cx_aff_hi(&r, f, &ctx); break;
        case PART_MID: cx_aff_mid(&r, f); break;
        case PART_WIDTH: s = cx_aff_width(&r, f, &ctx); break;
        }
    } else {
        cx_num_clear(&r);
        return cx_call_error(c, 0, CX_E_TYPE_ARG, "%s reads a bound or a number, got %s", c->name,
                             cx_arg_kind_phrase(a));
    }
    if (s != CX_AFF_OK) {
        cx_num_clear(&r);
        return s == CX_AFF_NOMEM ? cx_call_oom(c) : cx_call_num_error(c, 0, CX_NUM_TOO_BIG);
    }
    cx_value_take_num(out, &r);
    cx_num_clear(&r);
    return CX_OK;
}

cx_status cx_fn_lo(cx_call *c, cx_value *out) { return bound_part(c, out, PART_LO); }
cx_status cx_fn_hi(cx_call *c, cx_value *out) { return bound_part(c, out, PART_HI); }
cx_status cx_fn_mid(cx_call *c, cx_value *out) { return bound_part(c, out, PART_MID); }
cx_status cx_fn_width(cx_call *c, cx_value *out) { return bound_part(c, out, PART_WIDTH); }
