/* embed.c - a host program that embeds cx through its public API (cx.h,
 * linked with `pkg-config --cflags --libs cx`): one script, run once per
 * discount rate set from the host, with the exact values read back.
 *
 *   make -C examples/embed && ./examples/embed/embed examples/embed/project.cx
 *
 * For each rate it defines the input `rate` (read with cx's own literal
 * rules), runs the script, prints every check's verdict as it comes, then
 * reads `value` back as an exact fraction and as a plain decimal.  Exit
 * status 0, or 2 when a script or an input has an error. */
#include <stdio.h>
#include <stdlib.h>
#include "cx.h"

static void on_output(void *ud, const cx_output *o)
{
    (void)ud;
    if (o->kind == CX_OUT_CHECK) printf("  %s\n", o->text);
}

/* Prints the first error of the last run or definition. */
static void report(const cx_state *cx)
{
    char *msg = cx_error_render(cx, 0, false);
    if (msg) fputs(msg, stderr);
    cx_free(msg);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: embed SCRIPT.cx\n");
        return 64;
    }
    const char *rates[] = {"6%", "8%", "10%", "12.5%"};
    for (size_t i = 0; i < sizeof rates / sizeof *rates; i++) {
        cx_state *cx = cx_state_new(NULL);
        if (!cx) return 4;
        cx_state_set_output(cx, on_output, NULL);
        printf("rate %s:\n", rates[i]);
        cx_run_status st = cx_define(cx, "rate", rates[i]);
        if (st == CX_RUN_OK) st = cx_run_file(cx, argv[1]);
        if (st != CX_RUN_OK && st != CX_RUN_CHECK_FAILED) {
            report(cx);
            cx_state_free(cx);
            return 2;
        }
        const cx_number *v = cx_value_number(cx_state_value(cx, "value"));
        const cx_number *y = cx_value_number(cx_state_value(cx, "yield"));
        char *num = cx_number_numerator(v), *den = cx_number_denominator(v);
        char *dec = cx_number_decimal(v, 12, NULL), *irr = cx_number_decimal(y, 6, NULL);
        printf("  value = %s/%s = %s\n", num, den, dec);
        printf("  yield %s %s\n", cx_number_is_approx(y) ? "~" : "=", irr);
        printf("  checks: %zu passed, %zu failed\n", cx_checks_passed(cx), cx_checks_failed(cx));
        cx_free(num);
        cx_free(den);
        cx_free(dec);
        cx_free(irr);
        cx_state_free(cx);
    }
    return 0;
}
