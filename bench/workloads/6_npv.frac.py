# NPV of 3,000 monthly cash flows at 8% a year, exactly, printed as the exact
# fraction p/q.
import sys
from fractions import Fraction

sys.set_int_max_str_digits(0)


def cf(i):
    return 1000 + 3 * i


print(sum(cf(i) / (1 + Fraction(8, 100) / 12) ** i for i in range(1, 3001)))
