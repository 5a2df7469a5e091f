# Cents compounding with Fraction: v = round(v * 1.13, 2) over 100,000
# periods.  Python's round() breaks ties to even, so round2 rounds half away
# from zero, as cx's round does.
import math
import sys
from fractions import Fraction

sys.set_int_max_str_digits(0)


def round2(x):
    cents = math.floor(abs(x) * 100 + Fraction(1, 2))
    return Fraction(cents if x >= 0 else -cents, 100)


rate = Fraction("1.13")
v = Fraction(100)
for t in range(100000):
    v = round2(v * rate)
cents = v.numerator * (100 // v.denominator)  # v is a whole number of cents
print(f"{cents // 100}.{cents % 100:02d}")      # (and positive)
