/* help_topics.c - the REPL's help on the language itself (:help check,
 * :help ~, :help series, ...): one row per topic, in the order :help lists
 * them.  The texts follow docs/language.md, the reference; change both
 * together.  Finding, wrapping and showing a topic is help.c's job. */
#include "cli.h"

/* Each example is typed at a prompt of its own, a line at a time, and what
 * it prints is shown under it; tests/repl runs every one and fails on an
 * error, so an example cannot drift from the language. */
const cx_cli_help_topic cx_cli_help_topics[] = {
    {
        .name = "statements",
        .aliases = "statement syntax script ; # comment comments",
        .synopsis = "NAME = EXPR;  EXPR;  print ...;  check ...;  fn ...;  table ...;  "
                    "chart ...;  include ...;  source ...;",
        .text = "A script is a list of statements, each ending in ';'. The last ';' may be left "
                "out at this prompt, with -e and on standard input. # starts a comment that runs "
                "to the end of the line.\n"
                "A bare expression prints EXPR = value. NAME = EXPR defines a name, "
                "NAME PERIOD = EXPR a period of a series.",
        .see_also = "names series print check fn table chart include source",
        .example = "margin = 61.5%  # the article's figure\n"
                   "margin * 2",
    },
    {
        .name = "names",
        .aliases = "name = assignment variable variables _ define redefine",
        .synopsis = "NAME = EXPR;",
        .text = "Defines NAME. A script defines each name once: assigning it again is an error "
                "that shows both places, so a pasted line cannot silently change a fact. This "
                "prompt allows redefinition, and _ is the value of the last bare expression.\n"
                "Names are ASCII letters, digits and _, not starting with a digit, and case "
                "matters. A name may share a built-in function's name: a call name(...) still "
                "reaches the built-in. :vars lists the names defined so far.",
        .see_also = "statements fn series",
        .example = "layoffs = 14_000 + 16_000\n"
                   "layoffs * 200k\n"
                   "_ / 1M",
    },
    {
        .name = "numbers",
        .aliases = "number units unit suffix suffixes literal literals k M B T % bp percent "
                   "basis pp e exponent",
        .synopsis = "125  125_000  1.25  125e9  200k  6M  125B  1.5T  13%  25bp  9.28pp",
        .text = "Every number is an exact rational: 0.1 + 0.2 == 0.3 is true. _ separates "
                "digits. The suffixes: k is 10^3, M 10^6, B 10^9, T 10^12; % divides by 100, bp "
                "(basis points) by 10,000, and pp (percentage points) by 100: 9.28pp == 9.28%, "
                "but a check shows it as points and 'within 1pp' is absolute.\n"
                "A number keeps the precision it was written with, suffix included: a ~ check "
                "reads 4.8B as a figure to the nearest 0.1B.\n"
                "Numbers as articles print them are errors, never silent changes: 14,000 (write "
                "14_000), 007, 5K, 1.5bn, $125B.",
        .see_also = "display ~ within pp",
        .example = "4.8B + 200M\n"
                   "13% * 25bp\n"
                   "0.1 + 0.2 == 0.3",
    },
    {
        .name = "display",
        .aliases = "… ≈ digits approximate exact rounding output",
        .synopsis = "6,000,000,000   0.3333333333…   ≈1.414213562",
        .text = "An exact integer or terminating decimal is shown in full, with ',' every three "
                "digits. Any other exact value is rounded half away from zero to --digits "
                "significant digits (:digits here, 10 unless changed) and ends in …: exact, "
                "but more digits exist.\n"
                "≈ marks an approximate value: sqrt, exp, ln and ^ with a non-integer exponent "
                "are computed to --precision bits, and what they touch stays approximate. Where "
                "the exact answer exists it is kept: sqrt(9/4) is 1.5.\n"
                "pct, money, fmt and round format or round explicitly.",
        .see_also = "numbers pct money fmt round",
        .example = "1/3\n"
                   "sqrt(2)\n"
                   "sqrt(9/4)",
    },
    {
        .name = "check",
        .aliases = "checks claim claims assert pass fail",
        .synopsis = "check COND;   check A ~ B;   check A ~ B within TOL;   check X in LO..HI;",
        .text = "A claim. It prints PASS or FAIL with both sides and how it was decided, and the "
                "run goes on after a failure; a script with a failed check exits with status 1 "
                "once it has run to the end.\n"
                "COND is a comparison (== != < <= > >=, exact: 0.1 + 0.2 == 0.3 holds) or any "
                "other true-or-false expression. Two series compare period by period and a "
                "failure names the first period that differs; a series against a number "
                "compares every period.\n"
                "~ compares with a rounded figure, within allows a tolerance, in checks a range: "
                ":help ~, :help within, :help in.",
        .see_also = "~ within in operators",
        .example = "check 0.1 + 0.2 == 0.3\n"
                   "check 30_000 * 200k > 7B",
    },
    {
        .name = "~",
        .aliases = "tilde approx rounds",
        .synopsis = "check A ~ B;",
        .text = "Holds when A rounds to B at the precision B was written with, the way an "
                "article rounds: B stands for B plus or minus half a unit of its last written "
                "digit, suffix included. 6B is [5.5B, 6.5B), 4.8B is [4.75B, 4.85B), 61% is "
                "[60.5%, 61.5%), 30_000 is [29,999.5, 30,000.5); for a negative B the interval "
                "is closed at the other end.\n"
                "A name or series period bound directly to a literal keeps the literal's "
                "precision: after claimed = 100B, check 140B ~ claimed fails. Any other computed "
                "B is read as cx displays it, to its last displayed digit. A computed zero has "
                "no precision: use within. No check passes more loosely than the figure as "
                "written.",
        .see_also = "check within numbers",
        .example = "check 4.76B ~ 4.8B\n"
                   "claimed = 100B\n"
                   "check 140B ~ claimed",
    },
    {
        .name = "within",
        .aliases = "tolerance tol",
        .synopsis = "check A ~ B within TOL;",
        .text = "A tolerance, inclusive. What it means comes from how it is written: with % or "
                "bp (or a name bound to such a figure) it is relative to the right side, "
                "|A - B| <= TOL * |B|; with pp it is absolute, in percentage points; a plain "
                "number or an amount is absolute.\n"
                "So 180.2B ~ 180B within 1% passes (0.11% apart), 62% ~ 61% within 1pp passes "
                "(1 point) and 4.85 ~ 4.8 within 0.1 passes. A tolerance computed from a "
                "percentage (within 2 * 1%) is an error: write it as one figure.\n"
                "The line shows the difference in the sides' own units, the relative "
                "difference, and the amount a relative tolerance allows.",
        .see_also = "~ check numbers",
        .example = "check 180.2B ~ 180B within 1%\n"
                   "check 63% ~ 61% within 1pp",
    },
    {
        .name = "in",
        .aliases = "membership range-claim",
        .synopsis = "check X in LO..HI;   X in LO..HI step S   X in [A, B, C]",
        .text = "A range claim, an article's \"$7-10 billion\": it holds when LO <= X <= HI, "
                "both ends included (with step, only on the grid LO, LO + S, ...). The line "
                "shows the range in the form its first end was written in.\n"
                "X in [A, B, C] tests membership of a list. Both are expressions too, usable "
                "in if.",
        .see_also = "check lists if",
        .example = "check 8.2B in 7B..10B\n"
                   "check 9% in 5%..8%\n"
                   "if 3 in [1, 2, 3] then \"listed\" else \"not listed\"",
    },
    {
        .name = "table",
        .aliases = "tables sensitivity grid",
        .synopsis = "table NAME in ITEMS: EXPR, label = EXPR, ...;",
        .text = "A sensitivity table: one row for each value of NAME taken from ITEMS (a range "
                "a..b step s, a list, a series' values or a range of periods), one column for "
                "each expression, which may use NAME and every name defined so far; "
                "`label = EXPR` heads a column with its label. Keys show as their range was "
                "written (6%), a four-digit key as a year (2031); a column of words is "
                "left-aligned.\n"
                "table r in R1, c in R2: EXPR; is a grid: one row per r, one column per c, "
                "EXPR in each cell.",
        .see_also = "for lists",
        .example = "table rate in 5%..7% step 1%: pmt(rate / 12, 360, 400k)",
    },
    {
        .name = "chart",
        .aliases = "charts plot graph line bar svg",
        .synopsis = "chart line|bar a, b title \"text\" as money|pct|plain;",
        .text = "Draws one or more series (or lists) as a line or a bar chart. Series share a "
                "period axis from the first period any has to the last (a period one lacks is a "
                "gap, never invented); lists run 1..n. The title and the format are optional. "
                "Here and in scripts it prints as a text bar chart, bars from zero, labelled with "
                "the periods and the values ($4.8B, 50.6%); cx --chart-svg DIR also writes each "
                "chart as an SVG file, which cx knit puts in reports. At most 8 series and 1,000 "
                "points. Only `chart` is a keyword: line, bar, title and as stay usable as names.",
        .see_also = "series lists table",
        .example = "capex 2023..2025 = [48B, 83B, 125B]\n"
                   "chart bar capex title \"Capex\" as money",
    },
    {
        .name = "fn",
        .aliases = "function functions def recursion",
        .synopsis = "fn NAME(a, b) = EXPR;",
        .text = "Defines a function whose body is one expression (if-then-else chooses between "
                "cases). It sees its parameters and the script's names and has no side "
                "effects. It may call itself: cx remembers the result of each call, so a "
                "recursion that repeats work stays fast. An error inside names the calls that "
                "led there.\n"
                "A user function wins over a built-in of the same name in calls. A script "
                "defines each function once; this prompt allows redefinition.",
        .see_also = "if names",
        .example = "fn margin(profit, revenue) = profit / revenue\n"
                   "pct(margin(12B, 48B))",
    },
    {
        .name = "if",
        .aliases = "then else conditional",
        .synopsis = "if COND then A else B",
        .text = "An expression: A when COND is true, B when it is false; then and else are "
                "both required. COND must be true or false (a comparison, in, and, or, not): a "
                "number is an error, never read as true. Only the branch taken is evaluated, so "
                "a recursion can stop.",
        .see_also = "operators fn in",
        .example = "change = 125B / 83B - 1\n"
                   "if change > 50% then \"more than half\" else \"less\"",
    },
    {
        .name = "for",
        .aliases = "comprehension comprehensions loop loops generator",
        .synopsis = "[EXPR for x in ITEMS]   [EXPR for x in ITEMS if COND]   "
                    "f(EXPR for x in ITEMS)",
        .text = "A comprehension: EXPR for each x taken from ITEMS (a range a..b step s, a "
                "list, a series' values in period order, or a range of periods), keeping only "
                "those where COND holds when 'if COND' is given. In brackets it makes a list; "
                "as a call's only argument it is aggregated: sum(x^2 for x in 1..n). sum and "
                "product fold as they go, so no list is built.\n"
                "There are no loop statements: a comprehension, a table or a series "
                "recurrence (:help series) does that work.",
        .see_also = "lists table series",
        .example = "[x^2 for x in 1..5 if x > 2]\n"
                   "sum(1 / 2^k for k in 1..10)",
    },
    {
        .name = "print",
        .aliases = "output say",
        .synopsis = "print A, B, ...;",
        .text = "Prints its items on one line, separated by one space: strings without "
                "quotes, everything else as a bare expression shows it. To write text without "
                "the spaces, join strings with + and write numbers with fmt, pct, pp or money "
                "(:help text).",
        .see_also = "text display",
        .example = "print \"capex grew\", pct(125B / 83B - 1), \"in 2025\"\n"
                   "print \"(\" + pct(-0.69, 0) + \" YoY)\"",
    },
    {
        .name = "text",
        .aliases = "string strings quote quotes concatenation join escape escapes",
        .synopsis = "\"text\"   \"a\" + \"b\"   \\\" \\\\ \\n \\t \\r \\u{20AC}",
        .text = "Strings are double-quoted, with the escapes \\\" \\\\ \\n \\t \\r and "
                "\\u{20AC}. + joins text to text. A number never becomes text by itself "
                "(\"$\" + 5 is an error): write it with fmt(x, places), pct(x), pp(x) or "
                "money(x). == and != compare strings.",
        .see_also = "print fmt pct pp money",
        .example = "\"margin \" + pct(0.615) + \", up \" + pp(9.28pp)",
    },
    {
        .name = "lists",
        .aliases = "list ranges range .. step index indexing",
        .synopsis = "[1, 2, 3]   xs[1]   xs[-1]   a..b   a..b step s",
        .text = "A list holds values in order. Items count from 1, like spreadsheet rows: "
                "xs[1] is the first item, xs[-1] the last; an index outside the list is an "
                "error.\n"
                "a..b is a range of numbers or of periods, both ends included, with step 1 or "
                "the step s > 0 given. Lists and ranges feed comprehensions, tables and "
                "built-ins such as sum, avg and npv.",
        .see_also = "for table in",
        .example = "xs = [83B, 125B, 150B]\n"
                   "xs[-1] / xs[1]\n"
                   "sum(1..100)",
    },
    {
        .name = "series",
        .aliases = "periods period time recurrence slice slices frequency t",
        .synopsis = "NAME PERIOD = EXPR;   NAME P1..P2 = EXPR;   NAME PERIOD   NAME[PERIOD]   "
                    "NAME[P1..P2]",
        .text = "Periods: a year 2025, a half 2025H1, a quarter 2025Q3, a month 2025-06, a day "
                "2025-06-30 (so subtraction is written with spaces: 2025 - 6). p + n and p - n "
                "move by whole periods (2025Q4 + 1 is 2026Q1), p - q counts the periods "
                "between, and periods of one frequency compare with < and ==.\n"
                "A name assigned with a period is a series: capex 2024 = 83B. A range of "
                "periods takes a list of the same length, or an expression evaluated once per "
                "period with t bound to it, which can read the periods before: "
                "rev 2026..2030 = rev[t - 1] * (1 + 11%).\n"
                "capex 2025 and capex[2025] read one period, capex alone is the whole series, "
                "capex[2022..2024] a slice. Arithmetic on series goes period by period. Missing "
                "periods are never dropped: a slice or an operation that needs a period a "
                "series lacks is an error naming it. Frequencies do not mix: aggregate with "
                "annual(x) or ttm(x, period).",
        .see_also = "periods annual ttm growth",
        .example = "rev 2025 = 100B\n"
                   "rev 2026..2028 = rev[t - 1] * (1 + 10%)\n"
                   "rev[2027]\n"
                   "sum(rev[2026..2028])",
    },
    {
        .name = "units",
        .aliases = "unit as USD EUR currency currencies yr qtr mo half day week dimension "
                   "dimensions flow flows stock stocks $",
        .synopsis = "4.8B USD/qtr   $125B/yr   unit NAME;   x as UNIT",
        .text = "A number may carry a unit after it: 4.8B USD/qtr, 200k USD/employee/yr, "
                "365 day/yr; $ before the digits is USD ($125B/yr). Symbols: ISO currency "
                "codes, yr half qtr mo (exact parts of a year), day week (days: a dimension of "
                "their own, crossed only with a day count you write, x * 365 day/yr), and "
                "counts declared with unit NAME;.\n"
                "* and / combine and cancel units. + - and comparisons need one unit on both "
                "sides (a plain 0 goes with any): USD/qtr + USD/yr is an error whose hint "
                "writes both conversions. x as UNIT converts exactly. Currencies never convert "
                "by themselves: state a rate, eurusd = 1.17 USD/EUR. annual, ttm and annualize "
                "turn a flow per quarter into one per year; a stock (USD) is an error there. "
                "A built-in without a unit rule refuses units; divide by the unit first.",
        .see_also = "series money annual numbers",
        .example = "unit employee\n"
                   "savings = 30_000 employee * 200k USD/employee/yr\n"
                   "savings as USD/qtr\n"
                   "money(savings, 1)",
    },
    {
        .name = "bounds",
        .aliases = "bound to ± +/- range ranges interval uncertain lo hi mid width depends "
                   "undecided verdict verdicts",
        .synopsis = "x = 8% to 12%;   c = 150B ± 10B;   check x > ...;",
        .text = "A figure nobody knows exactly is a bound: 8% to 12%, 150B ± 10B (ASCII +/-). "
                "A bound is a hard bound, not a distribution: every value in it, none more "
                "likely. Arithmetic carries it exactly over its inputs (x - x is 0; linear work "
                "gives the true range); products, quotients, powers, sqrt, ln and exp widen "
                "soundly. lo, hi, mid and width read one; money and pct show $140B–$160B.\n"
                "A check over bounds says PASS (every value), FAIL (none), DEPENDS (some: a "
                "failing corner and, when one input decides, the break-even) or UNDECIDED (cx "
                "cannot tell, after trying the corners and splitting the ranges). Only PASS "
                "passes. A period of a series may be a bound; read it period by period.",
        .see_also = "scenarios check units",
        .example = "growth = 8% to 12%\n"
                   "rev = 100B * (1 + growth)\n"
                   "money(rev, 0)\n"
                   "check rev > 105B",
    },
    {
        .name = "scenarios",
        .aliases = "scenario tornado sensitivity bull bear base what-if",
        .synopsis = "scenario NAME: fact = value, ...;   table scenarios: a, b;   "
                    "check ... in all scenarios;   tornado EXPR over a, b;",
        .text = "scenario bear: growth = 3%, margin = 20%; gives facts (names and periods bound "
                "to constants or bounds) other values; a name computed from others cannot be "
                "set. table scenarios: a, b; shows each expression in the base and in every "
                "scenario, with the change; check CLAIM in all scenarios; decides it in each. "
                "cx runs the script again from its start with the scenario's facts, up to the "
                "statement that asks: exact and reproducible.\n"
                "tornado EXPR over a, b; moves each bounded input from its low to its high end, "
                "the others at their middle, sorts by swing, and says whether the inputs "
                "interact.",
        .see_also = "bounds table check",
        .example = "growth = 8%\n"
                   "rev = 100 * (1 + growth)\n"
                   "scenario bear: growth = 2%\n"
                   "table scenarios: rev",
    },
    {
        .name = "include",
        .aliases = "import files file",
        .synopsis = "include \"file.cx\";",
        .text = "Runs another script here, in the same state, so its names are defined for "
                "what follows. The path is relative to the including file's folder (at this "
                "prompt, with -e and on standard input: to the current directory).\n"
                "A script reads only files inside its own folder and below, and in folders "
                "given with --allow-read: a path that leaves them (absolute, through .., by a "
                "symlink) is an error. So is an include cycle, and including one file twice. "
                "At this prompt :load FILE runs a script into the session.",
        .see_also = "source",
        .example = "include \"assumptions.cx\";",
        .example_needs_file = true,
    },
    {
        .name = "source",
        .aliases = "sources cite citation",
        .synopsis = "source NAME = \"text\";",
        .text = "Names a source, such as the article a figure comes from, as a string, so it "
                "can be printed or cited next to the claims that use it.",
        .see_also = "print text",
        .example = "source ft = \"Financial Times, 2025-03-01\"\n"
                   "print \"capex, per\", ft",
    },
    {
        .name = "operators",
        .aliases = "operator precedence + - * / ^ == != < <= > >= and or not true false "
                   "boolean booleans power",
        .synopsis = "+ - * / ^   == != < <= > >=   and or not",
        .text = "From the lowest precedence to the highest: if-then-else; .. ranges; or; and; "
                "not; comparisons == != < <= > >= (they do not chain: a < b < c is an error); "
                "+ -; * /; unary - and +; ^; then calls, indexes and capex 2025.\n"
                "+ - * / are exact, and so is ^ with an integer exponent; ^ groups to the right "
                "and binds tighter than a unary minus: -2^2 is -4. Division by zero is an "
                "error. and, or and not take true and false only, and stop as soon as the "
                "answer is known.",
        .see_also = "if in check numbers",
        .example = "2^3^2\n"
                   "-2^2\n"
                   "(1 + 2) * 3 == 9 and not false",
    },
    {0},
};
