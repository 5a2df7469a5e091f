/* unit_rules.c - THE table of how built-ins treat units (unit_rules.h),
 * one row per built-in that accepts values with units.  The evaluator
 * applies it (interp/unit_calls.c); docs/stdlib.md prints it. */
#include "unit_rules.h"

#include <string.h>

#define A(i) (1 << (i))

static const cx_unit_rule_row rows[] = {
    {"abs", CX_UR_KEEP, A(0), "keeps the unit"},
    {"annual", CX_UR_FLOW, A(0),
     "a flow per half, quarter or month (USD/qtr, its time unit the series' frequency) becomes "
     "per year (USD/yr); a stock (USD) is an error: last(x) reads a level"},
    {"annualize", CX_UR_FLOW, A(0),
     "as annual: a flow series per half, quarter or month becomes per year; the rate form takes "
     "plain numbers"},
    {"avg", CX_UR_KEEP, CX_UR_ALL, "the items share a unit; the mean has it"},
    {"cagr", CX_UR_CANCEL, A(0) | A(1), "a ratio: the unit cancels"},
    {"ceil", CX_UR_KEEP, A(0), "keeps the unit (a whole number of it)"},
    {"count", CX_UR_COUNT, CX_UR_ALL, "counts items of any unit; the count is plain"},
    {"cumipmt", CX_UR_KEEP, A(2), "in the unit of the loan (pv): an amount per payment period"},
    {"cumprinc", CX_UR_KEEP, A(2), "in the unit of the loan (pv)"},
    {"db", CX_UR_KEEP, A(0) | A(1), "cost and salvage share a unit; the depreciation has it"},
    {"ddb", CX_UR_KEEP, A(0) | A(1), "cost and salvage share a unit; the depreciation has it"},
    {"discounted_payback", CX_UR_COUNT, A(1), "a number of periods: plain"},
    {"first", CX_UR_KEEP, A(0), "keeps the unit"},
    {"floor", CX_UR_KEEP, A(0), "keeps the unit (a whole number of it)"},
    {"fv", CX_UR_KEEP, A(2) | A(3), "pmt and pv share a unit; the future value has it"},
    {"growth", CX_UR_CANCEL, A(0), "a ratio: the unit cancels"},
    {"hi", CX_UR_KEEP, A(0), "the high end of a bound, in its unit"},
    {"ipmt", CX_UR_KEEP, A(3) | A(4), "in the unit of the loan (pv): an amount per payment period"},
    {"irr", CX_UR_CANCEL, A(0), "a rate: the flows share a unit, which cancels"},
    {"irr_all", CX_UR_CANCEL, A(0), "rates: the flows share a unit, which cancels"},
    {"last", CX_UR_KEEP, A(0), "keeps the unit (the level of a stock)"},
    {"lo", CX_UR_KEEP, A(0), "the low end of a bound, in its unit"},
    {"margin", CX_UR_CANCEL, A(0) | A(1), "a ratio of two amounts in one unit: plain"},
    {"max", CX_UR_KEEP, CX_UR_ALL, "the items share a unit; the result has it"},
    {"median", CX_UR_KEEP, CX_UR_ALL, "the items share a unit; the result has it"},
    {"mid", CX_UR_KEEP, A(0), "the middle of a bound, in its unit"},
    {"min", CX_UR_KEEP, CX_UR_ALL, "the items share a unit; the result has it"},
    {"mirr", CX_UR_CANCEL, A(0), "a rate: the flows share a unit, which cancels"},
    {"money", CX_UR_MONEY, A(0),
     "shows the unit: $6.0B/yr for USD (the $ before the digits), 1.2B EUR for another "
     "currency; scale letters go on the number only"},
    {"nper", CX_UR_COUNT, A(1) | A(2) | A(3), "pmt, pv and fv share a unit; the count is plain"},
    {"npv", CX_UR_STOCK, CX_UR_ALL & ~A(0),
     "the flows share a unit; a flow per period (USD/yr) discounts to an amount (USD), an "
     "amount stays one; the rate is plain"},
    {"npv0", CX_UR_STOCK, CX_UR_ALL & ~A(0), "as npv"},
    {"payback", CX_UR_COUNT, A(0), "a number of periods: plain"},
    {"per_head", CX_UR_PER, A(0) | A(1), "the unit of the amount over the unit of the heads"},
    {"percentile", CX_UR_KEEP, A(0), "the items share a unit; the result has it"},
    {"pmt", CX_UR_KEEP, A(2) | A(3),
     "in the unit of the loan (pv, fv): an amount per payment period (a USD loan pays USD "
     "each period)"},
    {"ppmt", CX_UR_KEEP, A(3) | A(4), "in the unit of the loan (pv): an amount per payment period"},
    {"pv", CX_UR_KEEP, A(2) | A(3), "pmt and fv share a unit; the present value has it"},
    {"qoq", CX_UR_CANCEL, A(0), "a ratio: the unit cancels"},
    {"rate", CX_UR_CANCEL, A(1) | A(2) | A(3), "pmt, pv and fv share a unit; the rate is plain"},
    {"ratio", CX_UR_CANCEL, A(0) | A(1), "two amounts in one unit: plain"},
    {"round", CX_UR_KEEP, A(0), "keeps the unit (rounds in it)"},
    {"share", CX_UR_CANCEL, A(0) | A(1), "two amounts in one unit: plain"},
    {"sln", CX_UR_KEEP, A(0) | A(1), "cost and salvage share a unit; the depreciation has it"},
    {"sort", CX_UR_KEEP, CX_UR_ALL, "the items share a unit and keep it"},
    {"stdev", CX_UR_KEEP, CX_UR_ALL, "the items share a unit; the deviation has it"},
    {"stdevp", CX_UR_KEEP, CX_UR_ALL, "the items share a unit; the deviation has it"},
    {"sum", CX_UR_KEEP, CX_UR_ALL,
     "the items share a unit; the sum has it, as with + (four flows in USD/qtr add up to USD/qtr: "
     "annual(x) is a year's flow per year, sum(x) * 1 qtr the amount)"},
    {"syd", CX_UR_KEEP, A(0) | A(1), "cost and salvage share a unit; the depreciation has it"},
    {"ttm", CX_UR_FLOW, A(0),
     "a flow per half, quarter or month becomes the flow of the year to that period (USD/yr); a "
     "stock is an error"},
    {"var", CX_UR_SQUARE, CX_UR_ALL, "the items share a unit; the variance has its square"},
    {"varp", CX_UR_SQUARE, CX_UR_ALL, "the items share a unit; the variance has its square"},
    {"vdb", CX_UR_KEEP, A(0) | A(1), "cost and salvage share a unit; the depreciation has it"},
    {"yoy", CX_UR_CANCEL, A(0), "a ratio: the unit cancels"},
    {"width", CX_UR_KEEP, A(0), "the width of a bound, in its unit"},
};

cx_unit_rule_row cx_unit_rule_of(const char *name)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        if (strcmp(rows[i].name, name) == 0) return rows[i];
    return (cx_unit_rule_row){name, CX_UR_NONE, 0, "takes no values with units"};
}

const cx_unit_rule_row *cx_unit_rules(size_t *count)
{
    *count = sizeof rows / sizeof rows[0];
    return rows;
}
