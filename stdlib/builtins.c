/* builtins.c - THE built-in table (one row per function: name, arity, C
 * function, how it folds a comprehension, signature, doc line, example,
 * notes), its lookup and the public cx_builtins() view of the same rows.
 * The calling convention is args.c's; the functions themselves live in
 * math.c, series_fns.c, stats_fns.c, period_fns.c, display_fns.c, csv_load.c and the
 * financial files (finance.h). */
#include "builtins.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "../runtime/format.h"
#include "../runtime/limits.h"
#include "args.h"
#include "finance.h"

/* ==== the table ========================================================== */

/* Each row is written once, here; the evaluator's table and the public
 * cx_builtin_info rows (REPL :help, docs/stdlib.md) are both expanded from
 * it, so the docs cannot drift from what the evaluator calls.  Rows are in
 * name order, which is the order help lists them in.  Examples are runnable
 * scripts: the series functions define a small series first. */
/* One field a line reads as a table: clang-format leaves it alone. */
/* clang-format off */
#define CX_BUILTIN_ROWS(X)                                                                         \
    X("abs", 1, 1, cx_fn_abs, CX_FOLD_NONE,                                                        \
      "abs(x)",                                                                                    \
      "the absolute value of x; of a list or a series, item by item",                              \
      "abs(-3)",                                                                                   \
      "abs([-3, 2]) is [3, 2]; a series gives a series over the same periods.")                    \
    X("all", 1, -1, cx_fn_all, CX_FOLD_NONE,                                                       \
      "all(bs) | all(b1, b2, ...)",                                                                \
      "true when every boolean of a list, or every argument, is true (true for an empty list)",    \
      "all(x > 0 for x in [3, 1, 4])",                                                             \
      "Excel's AND. Every item is checked, even once the answer is known. Differs from Excel: "    \
      "only booleans are accepted (a number is an error, never read as true or skipped), and "     \
      "an empty list gives true (AND of nothing is #VALUE!).")                                     \
    X("annual", 1, 1, cx_fn_annual, CX_FOLD_NONE,                                                  \
      "annual(s)",                                                                                 \
      "the sum of each complete calendar year of a half-yearly, quarterly or monthly series "      \
      "(years with a missing period are left out)",                                                \
      "q 2025Q1..2025Q4 = [1B, 2B, 3B, 4B]; annual(q)",                                            \
      NULL)                                                                                        \
    X("annualize", 1, 2, cx_fn_annualize, CX_FOLD_NONE,                                            \
      "annualize(rate, periods_per_year) | annualize(s) | annualize(s, p)",                        \
      "a rate per period compounded to a year, (1 + rate)^n - 1; or a half-yearly, "               \
      "quarterly or monthly flow series at its yearly run rate (each value times the "             \
      "periods in a year)",                                                                        \
      "annualize(1%, 12)",                                                                         \
      "Not in Excel. Exact for a whole number of periods.")                                        \
    X("any", 1, -1, cx_fn_any, CX_FOLD_NONE,                                                       \
      "any(bs) | any(b1, b2, ...)",                                                                \
      "true when at least one boolean of a list, or one argument, is true (false for an empty "    \
      "list)",                                                                                     \
      "any(x > 3 for x in [3, 1, 4])",                                                             \
      "Excel's OR. Every item is checked, even once the answer is known. Differs from Excel: "     \
      "only booleans are accepted (a number is an error, never read as true or skipped), and "     \
      "an empty list gives false (OR of nothing is #VALUE!).")                                     \
    X("avg", 1, -1, cx_fn_avg, CX_FOLD_NONE,                                                       \
      "avg(xs) | avg(x, y, ...)",                                                                  \
      "the mean of a list, series or range, or of several numbers",                                \
      "avg([1, 2, 3, 4])",                                                                         \
      NULL)                                                                                        \
    X("cagr", 1, 3, cx_fn_cagr, CX_FOLD_NONE,                                                      \
      "cagr(s) | cagr(s, p1, p2) | cagr(start, end, years)",                                       \
      "compound annual growth rate (end / start)^(1 / years) - 1: of a series from its "           \
      "first to its last period or between two of its periods, or from three numbers (exact "      \
      "when the root is)",                                                                         \
      "cagr(100, 121, 2)",                                                                         \
      "Years between periods are counted by the series' frequency (4 quarters, 12 months, "        \
      "365 days a year).")                                                                         \
    X("ceil", 1, 1, cx_fn_ceil, CX_FOLD_NONE,                                                      \
      "ceil(x)",                                                                                   \
      "the smallest integer not below x; of a list or a series, item by item",                     \
      "ceil(-1.5)",                                                                                \
      NULL)                                                                                        \
    X("count", 1, -1, cx_fn_count, CX_FOLD_NONE,                                                   \
      "count(xs) | count(x, y, ...)",                                                              \
      "how many items a list, series or range has, or how many arguments",                         \
      "count([3, 1, 4])",                                                                          \
      NULL)                                                                                        \
    X("csv", 2, 4, cx_fn_csv, CX_FOLD_NONE,                                                        \
      "csv(file, column, period_column = found, frequency = as written)",                          \
      "the figures of one column of a CSV file as a series of exact numbers, by the periods of "   \
      "its period column",                                                                         \
      "csv(\"examples/data/amazon_revenue.csv\", \"revenue\", \"quarter ending\", \"quarter\")",     \
      "The file is read like an include: relative to the script, only inside its folder (or an "  \
      "--allow-read folder). The first row names the columns, matched without regard to letter "  \
      "case; with no period_column, the one column named period, quarter, date, year or month. "  \
      "Periods: 2025, 2025H1, 2025Q3, Q3 2025, 2025-Q3, 2025-09, 2025-09-30, one frequency a "     \
      "column; frequency (\"year\", \"half\", \"quarter\", \"month\") reads dates that are all "  \
      "first or all last days of their periods as those periods. Figures: 1234.5, 1,234.5, "     \
      "-1,234, (1,234), $1,234, 12.5%; a blank cell, a dash, a decimal comma, an exponent or a "   \
      "repeated period is an error located in the file (docs/language.md, Data from CSV).")        \
    X("cumipmt", 6, 6, cx_fn_cumipmt, CX_FOLD_NONE,                                                \
      "cumipmt(rate, nper, pv, start, end, type)",                                                 \
      "the interest paid on a loan from period start to period end, both included (negative "      \
      "for a borrower, as in Excel)",                                                              \
      "cumipmt(9%/12, 30*12, 125000, 13, 24, 0)",                                                  \
      "Every argument is required, as in Excel. Exact, in closed form (no loop over the "          \
      "periods). Differs from Excel: a rate of 0 or below and a pv of 0 or below are "             \
      "computed rather than refused (#NUM! in Excel), and nper, start and end must be whole "      \
      "numbers (Excel truncates them).")                                                           \
    X("cumprinc", 6, 6, cx_fn_cumprinc, CX_FOLD_NONE,                                              \
      "cumprinc(rate, nper, pv, start, end, type)",                                                \
      "the principal repaid on a loan from period start to period end, both included "             \
      "(negative for a borrower, as in Excel)",                                                    \
      "cumprinc(9%/12, 30*12, 125000, 13, 24, 0)",                                                 \
      "Every argument is required, as in Excel. Exact, in closed form. Differs from Excel: "       \
      "a rate of 0 or below and a pv of 0 or below are computed rather than refused (#NUM! "       \
      "in Excel), and nper, start and end must be whole numbers (Excel truncates them).")          \
    X("db", 4, 5, cx_fn_db, CX_FOLD_NONE,                                                          \
      "db(cost, salvage, life, period, month = 12)",                                               \
      "fixed-declining-balance depreciation for a period; month is the number of months in "       \
      "the first year",                                                                            \
      "db(1000000, 100000, 6, 1, 7)",                                                              \
      "The rate 1 - (salvage / cost)^(1 / life) is rounded to three decimals, as Excel "           \
      "does, so every result is an exact decimal. With month < 12 the asset has a period "         \
      "life + 1 for the rest of the last year. Differs from Excel: life and period must be "       \
      "whole numbers.")                                                                            \
    X("ddb", 4, 5, cx_fn_ddb, CX_FOLD_NONE,                                                        \
      "ddb(cost, salvage, life, period, factor = 2)",                                              \
      "double-declining-balance depreciation for a period (or factor-declining), never "           \
      "below salvage",                                                                             \
      "ddb(2400, 300, 10, 1)",                                                                     \
      "Excel's formula: min(book value x factor / life, book value - salvage), never "             \
      "negative; a factor above life writes the asset off in period 1. Exact for a whole "         \
      "period.")                                                                                   \
    X("discounted_payback", 2, 2, cx_fn_discounted_payback, CX_FOLD_NONE,                          \
      "discounted_payback(rate, flows)",                                                           \
      "the number of periods until the flows, each discounted at rate (the first at t = 0), "      \
      "pay back; interpolated within the period",                                                  \
      "discounted_payback(10%, [-1000, 500, 500, 500])",                                           \
      "Not in Excel. As payback, on discounted flows. Exact.")                                     \
    X("effect", 2, 2, cx_fn_effect, CX_FOLD_NONE,                                                  \
      "effect(nominal_rate, npery)",                                                               \
      "the effective annual rate of a nominal rate compounded npery times a year, (1 + "           \
      "nominal_rate / npery)^npery - 1",                                                           \
      "effect(5.25%, 4)",                                                                          \
      "Exact. Differs from Excel: npery must be a whole number (Excel truncates it) and a "        \
      "nominal rate of 0 or below is computed (#NUM! in Excel).")                                  \
    X("exp", 1, 1, cx_fn_exp, CX_FOLD_NONE,                                                        \
      "exp(x)",                                                                                    \
      "e to the power x (approximate)",                                                            \
      "exp(1)",                                                                                    \
      NULL)                                                                                        \
    X("first", 1, 1, cx_fn_first, CX_FOLD_NONE,                                                    \
      "first(xs)",                                                                                 \
      "the first item of a list, or the value of a series' earliest period",                       \
      "first([3, 1, 4])",                                                                          \
      NULL)                                                                                        \
    X("floor", 1, 1, cx_fn_floor, CX_FOLD_NONE,                                                    \
      "floor(x)",                                                                                  \
      "the largest integer not above x; of a list or a series, item by item",                      \
      "floor(-1.5)",                                                                               \
      NULL)                                                                                        \
    X("fmt", 2, 3, cx_fn_fmt, CX_FOLD_NONE,                                                        \
      "fmt(x, places, separators = true)",                                                         \
      "x as text with `places` decimals, with thousands separators unless separators is false "    \
      "(for a label such as a year)",                                                              \
      "fmt(1234.5, 2)",                                                                            \
      "fmt(2031, 0, false) is 2031. Rounds half away from zero. Excel's FIXED(x, places, "         \
      "no_commas), with the flag the other way round.")                                            \
    X("fv", 3, 5, cx_fn_fv, CX_FOLD_NONE,                                                          \
      "fv(rate, nper, pmt, pv = 0, type = 0)",                                                     \
      "the future value of pv now and pmt every period (type 1: at the start of each "             \
      "period) at rate per period",                                                                \
      "fv(6%/12, 10, -200, -500, 1)",                                                              \
      "Excel's signs: money paid out is negative. Exact for a whole nper; approximate for a "      \
      "fractional one, or when the exact fraction would pass the result-size limit. Differs "      \
      "from Excel: type must be 0 or 1.")                                                          \
    X("growth", 1, 2, cx_fn_growth, CX_FOLD_NONE,                                                  \
      "growth(s, p) | growth(s)",                                                                  \
      "period-over-period growth s[p] / s[p - 1] - 1; without p, the series of that growth "       \
      "for every period whose previous period exists",                                             \
      "capex 2024 = 83B; capex 2025 = 125B; growth(capex, 2025)",                                  \
      NULL)                                                                                        \
    X("half", 1, 1, cx_fn_half, CX_FOLD_NONE,                                                      \
      "half(p)",                                                                                   \
      "the half of its year (1 or 2) that a half-year, quarter, month or day is in",               \
      "half(2025Q3)",                                                                              \
      "Not in Excel. A year spans both halves and is an error.")                                   \
    X("hi", 1, 1, cx_fn_hi, CX_FOLD_NONE,                                                         \
      "hi(b)",                                                                                   \
      "the high end of a bound (8% to 12% has 12%); of a number, the number",                                                                                   \
      "hi(8% to 12%)",                                                                                    \
      "A bound holds every value from lo to hi, none more likely.")                                                                                    \
    X("ipmt", 4, 6, cx_fn_ipmt, CX_FOLD_NONE,                                                      \
      "ipmt(rate, per, nper, pv, fv = 0, type = 0)",                                               \
      "the interest part of payment number per of a loan or annuity",                              \
      "ipmt(10%/12, 1, 3*12, 8000)",                                                               \
      "Excel's convention: with type 1 the payment at the start of a period pays the "             \
      "interest of the period before, so period 1 has none (gnumeric 1.12.55 charges -pv "         \
      "rate / (1 + rate) there; Excel, LibreOffice and numpy-financial give 0). Exact for a "      \
      "whole nper. Differs from Excel: per must be a whole number from 1 to nper, and type "       \
      "0 or 1.")                                                                                   \
    X("irr", 1, 2, cx_fn_irr, CX_FOLD_NONE,                                                        \
      "irr(flows, guess = 10%)",                                                                   \
      "the internal rate of return of periodic flows (the first at t = 0): the rate at "           \
      "which their NPV is zero",                                                                   \
      "irr([-70000, 12000, 15000, 18000, 21000, 26000])",                                          \
      "Found from a guaranteed bracket in MPFR (Illinois steps with bisection): "                  \
      "approximate, with at least 40 correct digits at the default precision. Flows that "         \
      "never change sign have no IRR: an error (#NUM! in Excel). One sign change means "           \
      "exactly one IRR (Descartes' rule of signs); with several there may be several, and "        \
      "irr_all lists them all. Differs from Excel: the guess does not matter when there is "       \
      "one IRR; with several, cx returns the one nearest the guess (default 10%), where "          \
      "Excel returns wherever Newton's method from the guess converges (usually the same "         \
      "one).")                                                                                     \
    X("irr_all", 1, 3, cx_fn_irr_all, CX_FOLD_NONE,                                                \
      "irr_all(flows, lo, hi)",                                                                    \
      "every internal rate of return of the flows, ascending, as a list (only those from lo "      \
      "to hi when given)",                                                                         \
      "irr_all([-100, 230, -132])",                                                                \
      "Not in Excel. Every sign change of the NPV on a grid of up to 4,000 rates (fewer for "      \
      "very long flows; dense near 0%, reaching every rate the flows allow), each refined "        \
      "to full precision. A rate where the NPV touches zero without crossing it is not "           \
      "listed; no rate gives the empty list.")                                                     \
    X("last", 1, 1, cx_fn_last, CX_FOLD_NONE,                                                      \
      "last(xs)",                                                                                  \
      "the last item of a list, or the value of a series' latest period",                          \
      "last([3, 1, 4])",                                                                           \
      NULL)                                                                                        \
    X("ln", 1, 1, cx_fn_ln, CX_FOLD_NONE,                                                          \
      "ln(x)",                                                                                     \
      "the natural logarithm of x > 0 (approximate)",                                              \
      "ln(10)",                                                                                    \
      NULL)                                                                                        \
    X("lo", 1, 1, cx_fn_lo, CX_FOLD_NONE,                                                         \
      "lo(b)",                                                                                   \
      "the low end of a bound (8% to 12% has 8%); of a number, the number",                                                                                   \
      "lo(150B +/- 10B)",                                                                                    \
      NULL)                                                                                    \
    X("margin", 2, 2, cx_fn_margin, CX_FOLD_NONE,                                                  \
      "margin(profit, revenue)",                                                                   \
      "profit / revenue, for numbers, or element-wise for series (over the periods both "          \
      "have)",                                                                                     \
      "margin(12B, 80B)",                                                                          \
      "Not in Excel. A zero revenue is an error naming its period.")                               \
    X("max", 1, -1, cx_fn_max, CX_FOLD_NONE,                                                       \
      "max(xs) | max(x, y, ...)",                                                                  \
      "the largest number of a list, series or range, or of several numbers",                      \
      "max([4, 9, 2])",                                                                            \
      NULL)                                                                                        \
    X("median", 1, -1, cx_fn_median, CX_FOLD_NONE,                                                 \
      "median(xs) | median(x, y, ...)",                                                            \
      "the middle number of a list, series or range, or of several numbers (for an even "          \
      "count, the mean of the two middle ones)",                                                   \
      "median([3, 1, 4, 1, 5, 9])",                                                                \
      "Excel's MEDIAN. Exact. Nothing to take the median of is an error. Differs from Excel: "     \
      "an item that is not a number is an error (Excel skips text and booleans in a range).")      \
    X("mid", 1, 1, cx_fn_mid, CX_FOLD_NONE,                                                         \
      "mid(b)",                                                                                   \
      "the middle of a bound: (lo + hi) / 2; of a number, the number",                                                                                   \
      "mid(8% to 12%)",                                                                                    \
      NULL)                                                                                    \
    X("min", 1, -1, cx_fn_min, CX_FOLD_NONE,                                                       \
      "min(xs) | min(x, y, ...)",                                                                  \
      "the smallest number of a list, series or range, or of several numbers",                     \
      "min(3, 1, 2)",                                                                              \
      NULL)                                                                                        \
    X("mirr", 3, 3, cx_fn_mirr, CX_FOLD_NONE,                                                      \
      "mirr(flows, finance_rate, reinvest_rate)",                                                  \
      "the modified internal rate of return: negative flows discounted at finance_rate, "          \
      "positive ones compounded at reinvest_rate",                                                 \
      "mirr([-120000, 39000, 30000, 21000, 37000, 46000], 10%, 12%)",                              \
      "Excel's formula (-FV(positive flows) / PV(negative flows))^(1 / n) - 1 over the n "         \
      "periods the flows span. Exact when that root is, otherwise approximate. Flows "             \
      "without both signs are an error (#DIV/0! in Excel).")                                       \
    X("money", 1, 3, cx_fn_money, CX_FOLD_NONE,                                                    \
      "money(x, places = 2, symbol = \"$\")",                                                      \
      "x as money with `places` decimals: $1,234.50 below a million, scaled to M, B or T "         \
      "above; symbol is any currency sign or code",                                                \
      "money(1_580_192, 0)",                                                                       \
      "A scale letter is used only when the figure keeps at least two significant digits or "      \
      "is exact, so no figure loses more than `places` asks: money(1.58M, 1) is $1.6M, "           \
      "money(6B, 0) is $6B, money(4.8B, 0) is $4,800M. A symbol that ends with a letter is a "     \
      "code and is followed by a space: money(6B, 1, \"EUR\") is EUR 6.0B; money(6B, 0, "          \
      "\"€\") is €6B; \"\" writes no symbol. The sign comes first: -$4.80B. Not in Excel (its "    \
      "DOLLAR never scales).")                                                                     \
    X("month", 1, 1, cx_fn_month, CX_FOLD_NONE,                                                    \
      "month(p)",                                                                                  \
      "the month (1 to 12) of a month or a day",                                                   \
      "month(2025-06-30)",                                                                         \
      "Excel's MONTH, for a date or a month period. A quarter, half or year spans several "        \
      "months and is an error.")                                                                   \
    X("nominal", 2, 2, cx_fn_nominal, CX_FOLD_NONE,                                                \
      "nominal(effect_rate, npery)",                                                               \
      "the nominal annual rate that, compounded npery times a year, gives effect_rate",            \
      "nominal(5.3543%, 4)",                                                                       \
      "Exact when the root is, otherwise approximate. Differs from Excel: npery must be a "        \
      "whole number (Excel truncates it) and an effective rate of 0 or below is computed "         \
      "(#NUM! in Excel).")                                                                         \
    X("npv", 2, -1, cx_fn_npv, CX_FOLD_NONE,                                                       \
      "npv(rate, flows) | npv(rate, v1, v2, ...)",                                                 \
      "the net present value of periodic flows, Excel's way: the first flow is discounted "        \
      "one full period (see npv0)",                                                                \
      "npv(10%, [-10000, 3000, 4200, 6800])",                                                      \
      "Exact. The rate is per period. A series is discounted by its periods: the first "           \
      "period one period out, a missing period a zero flow.")                                      \
    X("npv0", 2, -1, cx_fn_npv0, CX_FOLD_NONE,                                                     \
      "npv0(rate, flows) | npv0(rate, v1, v2, ...)",                                               \
      "the net present value with the first flow at t = 0, undiscounted: the textbook NPV "        \
      "(Excel: first + NPV(rate, rest))",                                                          \
      "npv0(8%, [-40000, 8000, 9200, 10000, 12000, 14500])",                                       \
      "Not in Excel under this name. Exact.")                                                      \
    X("nper", 3, 5, cx_fn_nper, CX_FOLD_NONE,                                                      \
      "nper(rate, pmt, pv, fv = 0, type = 0)",                                                     \
      "the number of periods for pv to become fv with payment pmt each period",                    \
      "nper(12%/12, -100, -1000, 10000, 1)",                                                       \
      "Exact when the answer is a whole number (checked exactly: nper(r, pmt(r, 10, pv), "         \
      "pv) is 10), otherwise approximate. No solution, e.g. a payment that only covers the "       \
      "interest, is an error (#NUM! in Excel). Differs from Excel: type must be 0 or 1.")          \
    X("payback", 1, 1, cx_fn_payback, CX_FOLD_NONE,                                                \
      "payback(flows)",                                                                            \
      "the number of periods until the cumulative flows (the first at t = 0) reach zero, "         \
      "interpolated within the period",                                                            \
      "payback([-1000, 300, 400, 500])",                                                           \
      "Not in Excel. Each flow is taken to arrive evenly through its period. The first time "      \
      "the total reaches zero counts; never paying back is an error. Exact.")                      \
    X("pct", 1, 2, cx_fn_pct, CX_FOLD_NONE,                                                        \
      "pct(x, places = 1)",                                                                        \
      "x as a percentage with `places` decimals",                                                  \
      "pct(0.50602409)",                                                                           \
      NULL)                                                                                        \
    X("per_head", 2, 2, cx_fn_per_head, CX_FOLD_NONE,                                              \
      "per_head(amount, heads)",                                                                   \
      "amount / heads (cost per employee, revenue per user), for numbers, or element-wise "        \
      "for series",                                                                                \
      "per_head(6B, 12000)",                                                                       \
      "Not in Excel. A zero head count is an error naming its period.")                            \
    X("percentile", 2, 2, cx_fn_percentile, CX_FOLD_NONE,                                          \
      "percentile(xs, p)",                                                                         \
      "the p-th percentile of a list, series or range (p from 0 to 1, or 0% to 100%), "            \
      "interpolated between the two closest ranks",                                                \
      "percentile([15, 20, 35, 40, 50], 40%)",                                                     \
      "Excel's PERCENTILE.INC (and PERCENTILE), not PERCENTILE.EXC: with the n numbers "           \
      "sorted, rank h = (n - 1) p counted from 0, the number at floor(h) plus (h - floor(h)) "     \
      "times the step to the next. p = 0 is the smallest, 1 the largest, 50% the median. "         \
      "Exact for exact numbers and p. A p outside 0 to 1 is an error (#NUM! in Excel). "           \
      "Differs from Excel: an item that is not a number is an error (Excel skips text and "        \
      "booleans in a range).")                                                                     \
    X("periods", 1, 1, cx_fn_periods, CX_FOLD_NONE,                                                \
      "periods(s)",                                                                                \
      "the periods of a series, as a list",                                                        \
      "capex 2024 = 83B; capex 2025 = 125B; periods(capex)",                                       \
      NULL)                                                                                        \
    X("pmt", 3, 5, cx_fn_pmt, CX_FOLD_NONE,                                                        \
      "pmt(rate, nper, pv, fv = 0, type = 0)",                                                     \
      "the payment per period that turns pv into fv over nper periods at rate",                    \
      "pmt(8%/12, 10, 10000)",                                                                     \
      "Excel's signs: a loan received (pv > 0) gives a negative payment. Exact for a whole "       \
      "nper. Differs from Excel: type must be 0 or 1.")                                            \
    X("pp", 1, 2, cx_fn_pp, CX_FOLD_NONE,                                                          \
      "pp(x, places = 2)",                                                                         \
      "a change of a rate in percentage points, always signed: +9.28pp",                            \
      "pp(50% - 40.72%)",                                                                          \
      "Not in Excel. The difference of two percentages is in points, not percent.")                \
    X("ppmt", 4, 6, cx_fn_ppmt, CX_FOLD_NONE,                                                      \
      "ppmt(rate, per, nper, pv, fv = 0, type = 0)",                                               \
      "the principal part of payment number per (pmt - ipmt)",                                     \
      "ppmt(10%/12, 1, 2*12, 2000)",                                                               \
      "Exact for a whole nper. Differs from Excel: per must be a whole number from 1 to "          \
      "nper, and type 0 or 1.")                                                                    \
    X("product", 1, -1, cx_fn_product, CX_FOLD_PRODUCT,                                            \
      "product(xs) | product(x, y, ...)",                                                          \
      "the product of a list, series or range, or of several numbers (1 when empty)",              \
      "product(i for i in 1..10)",                                                                 \
      NULL)                                                                                        \
    X("pv", 3, 5, cx_fn_pv, CX_FOLD_NONE,                                                          \
      "pv(rate, nper, pmt, fv = 0, type = 0)",                                                     \
      "the present value of pmt every period for nper periods plus fv at the end, at rate "        \
      "per period",                                                                                \
      "pv(8%/12, 12*20, 500)",                                                                     \
      "Excel's signs: money paid out is negative. Exact for a whole nper; approximate for a "      \
      "fractional one, or when the exact fraction would pass the result-size limit. Differs "      \
      "from Excel: type must be 0 or 1.")                                                          \
    X("qoq", 1, 2, cx_fn_qoq, CX_FOLD_NONE,                                                        \
      "qoq(s) | qoq(s, p)",                                                                        \
      "quarter-over-quarter growth of a quarterly series (a monthly one against three "            \
      "months before): a series, or its value at p",                                               \
      "q 2025Q1..2025Q3 = [100, 110, 121]; qoq(q)",                                                \
      "Not in Excel. Exact.")                                                                      \
    X("quarter", 1, 1, cx_fn_quarter, CX_FOLD_NONE,                                                \
      "quarter(p)",                                                                                \
      "the quarter (1 to 4) of a quarter, month or day",                                           \
      "quarter(2025-08)",                                                                          \
      "Not in Excel (there: ROUNDUP(MONTH(d) / 3, 0)). A year or a half spans several "            \
      "quarters and is an error.")                                                                 \
    X("rate", 3, 6, cx_fn_rate, CX_FOLD_NONE,                                                      \
      "rate(nper, pmt, pv, fv = 0, type = 0, guess = 10%)",                                        \
      "the interest rate per period at which pv, nper payments of pmt and fv balance",             \
      "rate(4*12, -200, 8000)",                                                                    \
      "Found from a guaranteed bracket in MPFR, not by Newton's method from the guess: "           \
      "approximate, with at least 40 correct digits at the default precision. When pv, the "       \
      "payments and fv change sign once there is exactly one rate. No solution is an error "       \
      "(#NUM! in Excel). Differs from Excel: the guess only chooses among several solutions "      \
      "(the nearest), and a solution is found even where Newton's method from the guess "          \
      "would not converge; type must be 0 or 1.")                                                  \
    X("ratio", 2, 2, cx_fn_ratio, CX_FOLD_NONE,                                                    \
      "ratio(a, b)",                                                                               \
      "a / b, for numbers, or element-wise for series (over the periods both have)",               \
      "ratio(450B, 30B)",                                                                          \
      "Not in Excel.")                                                                             \
    X("round", 1, 2, cx_fn_round, CX_FOLD_NONE,                                                    \
      "round(x, places = 0)",                                                                      \
      "x rounded half away from zero to `places` decimals (negative: to tens, hundreds, ...); "    \
      "of a list or a series, item by item",                                                       \
      "round(1234.5678, 2)",                                                                       \
      "round([1.25, 2.5], 1) is [1.3, 2.5]; a series gives a series over the same periods. An "    \
      "approximate x stays approximate.")                                                          \
    X("share", 2, 2, cx_fn_share, CX_FOLD_NONE,                                                    \
      "share(part, total)",                                                                        \
      "part / total, for numbers, or element-wise for series (over the periods both have)",        \
      "share(25B, 125B)",                                                                          \
      "Not in Excel. A zero total is an error naming its period.")                                 \
    X("sln", 3, 3, cx_fn_sln, CX_FOLD_NONE,                                                        \
      "sln(cost, salvage, life)",                                                                  \
      "straight-line depreciation for one period",                                                 \
      "sln(30000, 7500, 10)",                                                                      \
      "Exact.")                                                                                    \
    X("sort", 1, -1, cx_fn_sort, CX_FOLD_NONE,                                                     \
      "sort(xs, descending = false) | sort(x, y, ...)",                                            \
      "the numbers of a list, series or range, or the arguments, as a list in ascending order "    \
      "(descending when the second argument is true)",                                             \
      "sort([3, 1, 4, 1, 5])",                                                                     \
      "A series gives its values sorted, as a list: the periods are dropped (periods(s) lists "    \
      "them in order). Equal numbers keep their order. Excel's SORT of one column of numbers.")    \
    X("spread", 2, 2, cx_fn_spread, CX_FOLD_NONE,                                                  \
      "spread(x, n) | spread(x, weights) | spread(s, n)",                                          \
      "x divided exactly into n equal parts, or in proportion to a list of weights, as a list "    \
      "(for a range of periods: capex_q 2025Q1..2025Q4 = spread(capex 2025, 4)); or each year "    \
      "of an annual series into 2, 4 or 12 parts, as a half-yearly, quarterly or monthly "         \
      "series",                                                                                    \
      "spread(10B, [1, 1, 1, 2])",                                                                 \
      "Not in Excel. The parts add up to x exactly: they are exact fractions, not rounded. "       \
      "Weights are numbers of 0 or more, not all 0.")                                              \
    X("sqrt", 1, 1, cx_fn_sqrt, CX_FOLD_NONE,                                                      \
      "sqrt(x)",                                                                                   \
      "the square root of x >= 0: exact for a perfect square, otherwise approximate",              \
      "sqrt(9/4)",                                                                                 \
      NULL)                                                                                        \
    X("stdev", 1, -1, cx_fn_stdev, CX_FOLD_NONE,                                                   \
      "stdev(xs) | stdev(x, y, ...)",                                                              \
      "the sample standard deviation of a list, series or range, or of several numbers: the "      \
      "square root of var",                                                                        \
      "stdev([2, 4, 4, 4, 5, 5, 7, 9])",                                                           \
      "Excel's STDEV.S (and STDEV). Exact when the variance is the square of a fraction, "         \
      "otherwise approximate. Needs at least two numbers (#DIV/0! in Excel). Differs from "        \
      "Excel: an item that is not a number is an error (Excel skips text and booleans in a "       \
      "range).")                                                                                   \
    X("stdevp", 1, -1, cx_fn_stdevp, CX_FOLD_NONE,                                                 \
      "stdevp(xs) | stdevp(x, y, ...)",                                                            \
      "the population standard deviation of a list, series or range, or of several numbers: "      \
      "the square root of varp",                                                                   \
      "stdevp([2, 4, 4, 4, 5, 5, 7, 9])",                                                          \
      "Excel's STDEV.P (and STDEVP). Exact when the variance is the square of a fraction, "        \
      "otherwise approximate. Differs from Excel: an item that is not a number is an error "       \
      "(Excel skips text and booleans in a range).")                                               \
    X("sum", 1, -1, cx_fn_sum, CX_FOLD_SUM,                                                        \
      "sum(xs) | sum(x, y, ...)",                                                                  \
      "the sum of a list, series or range, or of several numbers (0 when empty)",                  \
      "sum(x^2 for x in 1..10)",                                                                   \
      NULL)                                                                                        \
    X("syd", 4, 4, cx_fn_syd, CX_FOLD_NONE,                                                        \
      "syd(cost, salvage, life, per)",                                                             \
      "sum-of-years'-digits depreciation for period per",                                          \
      "syd(30000, 7500, 10, 1)",                                                                   \
      "Exact. per must be above 0 and at most life.")                                              \
    X("ttm", 1, 2, cx_fn_ttm, CX_FOLD_NONE,                                                        \
      "ttm(s, p) | ttm(s)",                                                                        \
      "trailing twelve months: the sum of the 4 quarters, 12 months or 2 halves ending at p; "     \
      "without p, that sum at every period that has a whole year behind it, as a series",          \
      "q 2024Q1..2025Q2 = [1B, 2B, 3B, 4B, 5B, 6B]; ttm(q)",                                       \
      NULL)                                                                                        \
    X("var", 1, -1, cx_fn_var, CX_FOLD_NONE,                                                       \
      "var(xs) | var(x, y, ...)",                                                                  \
      "the sample variance of a list, series or range, or of several numbers: the squared "        \
      "deviations from the mean, summed, over n - 1",                                              \
      "var([2, 4, 4, 4, 5, 5, 7, 9])",                                                             \
      "Excel's VAR.S (and VAR). Exact. Needs at least two numbers (#DIV/0! in Excel). Differs "    \
      "from Excel: an item that is not a number is an error (Excel skips text and booleans in "    \
      "a range).")                                                                                 \
    X("varp", 1, -1, cx_fn_varp, CX_FOLD_NONE,                                                     \
      "varp(xs) | varp(x, y, ...)",                                                                \
      "the population variance of a list, series or range, or of several numbers: the squared "    \
      "deviations from the mean, summed, over n",                                                  \
      "varp([2, 4, 4, 4, 5, 5, 7, 9])",                                                            \
      "Excel's VAR.P (and VARP). Exact. Differs from Excel: an item that is not a number is "      \
      "an error (Excel skips text and booleans in a range).")                                      \
    X("vdb", 5, 7, cx_fn_vdb, CX_FOLD_NONE,                                                        \
      "vdb(cost, salvage, life, start, end, factor = 2, no_switch = false)",                       \
      "declining-balance depreciation from period start to period end, switching to "              \
      "straight line when that gives more (unless no_switch)",                                     \
      "vdb(2400, 300, 10, 0, 0.875, 1.5)",                                                         \
      "Excel's schedule: declining balance at factor / life, never below salvage, switching "      \
      "to straight line over the remaining life when that is larger. A fractional start or "       \
      "end takes that share of its period. Exact.")                                                \
    X("width", 1, 1, cx_fn_width, CX_FOLD_NONE,                                                         \
      "width(b)",                                                                                   \
      "the width of a bound: hi - lo; of a number, 0",                                                                                   \
      "width(150B +/- 10B)",                                                                                    \
      NULL)                                                                                    \
    X("xirr", 1, 3, cx_fn_xirr, CX_FOLD_NONE,                                                      \
      "xirr(values, dates, guess = 10%) | xirr(daily_series, guess = 10%)",                        \
      "the internal rate of return of dated flows, a year being 365 days from the first "          \
      "date",                                                                                      \
      "xirr([-10000, 2750, 4250, 3250, 2750], [2008-01-01, 2008-03-01, 2008-10-30, "               \
      "2009-02-15, 2009-04-01])",                                                                  \
      "As irr (a guaranteed bracket, approximate), with Excel's XIRR convention: flow i is "       \
      "discounted (date i - first date) / 365 years. The first date must be the earliest; "        \
      "the others may come in any order. Differs from Excel: as irr, the guess only chooses "      \
      "among several rates (the nearest).")                                                        \
    X("xnpv", 2, 3, cx_fn_xnpv, CX_FOLD_NONE,                                                      \
      "xnpv(rate, values, dates) | xnpv(rate, daily_series)",                                      \
      "the net present value of dated flows at an annual rate, a year being 365 days from "        \
      "the first date",                                                                            \
      "xnpv(9%, [-10000, 2750, 4250, 3250, 2750], [2008-01-01, 2008-03-01, 2008-10-30, "           \
      "2009-02-15, 2009-04-01])",                                                                  \
      "Excel's XNPV convention: flow i is discounted (date i - first date) / 365 years. The "      \
      "first date must be the earliest; the others may come in any order. Exact when every "       \
      "date is a whole number of 365-day years after the first, otherwise approximate.")           \
    X("year", 1, 1, cx_fn_year, CX_FOLD_NONE,                                                      \
      "year(p)",                                                                                   \
      "the year of a period or a date, as a number",                                               \
      "year(2025Q3)",                                                                              \
      "Excel's YEAR, for any period. The result is a number, so it prints as 2,025; "              \
      "fmt(year(p), 0, false) writes 2025.")                                                       \
    X("yoy", 1, 2, cx_fn_yoy, CX_FOLD_NONE,                                                        \
      "yoy(s) | yoy(s, p)",                                                                        \
      "year-over-year growth: each period against the same period a year before (4 "               \
      "quarters, 12 months earlier); a series, or its value at p",                                 \
      "q 2024Q1..2025Q2 = [10, 11, 12, 13, 12, 14]; yoy(q)",                                       \
      "Not in Excel. Exact.")
/* clang-format on */

#define CX_TABLE_ROW(name, lo, hi, fn, fold, sig, doc, ex, notes)                                  \
    {name, lo, hi, fn, fold, sig, doc, ex, notes},
static const cx_builtin table[] = {CX_BUILTIN_ROWS(CX_TABLE_ROW)};
#undef CX_TABLE_ROW

#define CX_INFO_ROW(name, lo, hi, fn, fold, sig, doc, ex, notes) {name, sig, doc, ex, notes},
static const cx_builtin_info infos[] = {CX_BUILTIN_ROWS(CX_INFO_ROW){NULL, NULL, NULL, NULL, NULL}};
#undef CX_INFO_ROW

#define N_BUILTINS (sizeof table / sizeof table[0])

/* The rows in the order of their names, for cx_builtin_find (the table
 * itself keeps the order docs/stdlib.md shows). */
static const cx_builtin *by_name[N_BUILTINS];
static pthread_once_t by_name_once = PTHREAD_ONCE_INIT;

static int by_name_cmp(const void *a, const void *b)
{
    return strcmp((*(const cx_builtin *const *)a)->name, (*(const cx_builtin *const *)b)->name);
}

static void sort_by_name(void)
{
    for (size_t i = 0; i < N_BUILTINS; i++) by_name[i] = &table[i];
    qsort(by_name, N_BUILTINS, sizeof by_name[0], by_name_cmp);
}

const cx_builtin *cx_builtin_find(const char *name)
{
    /* Looked up at every evaluation of a call (a recurrence calls round()
     * once per period): a binary search over the names, sorted once. */
    if (!name) return NULL;
    pthread_once(&by_name_once, sort_by_name);
    size_t lo = 0, hi = N_BUILTINS;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(by_name[mid]->name, name);
        if (c == 0) return by_name[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

const cx_builtin *cx_builtin_table(size_t *count)
{
    if (count) *count = N_BUILTINS;
    return table;
}

const cx_builtin_info *cx_builtins(size_t *count)
{
    if (count) *count = N_BUILTINS;
    return infos;
}
