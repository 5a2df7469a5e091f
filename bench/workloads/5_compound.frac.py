# 1,000 compounded at 5% over 30,000 periods with Fraction, printed as the
# exact terminating decimal (as cx prints it).
import math
import sys
from fractions import Fraction

sys.set_int_max_str_digits(0)


def exact_decimal(q):
    """The full decimal expansion of q, whose denominator is 2^a * 5^b."""
    n, d = q.numerator, q.denominator
    twos = (d & -d).bit_length() - 1
    fives = d >> twos
    b = max(0, round((fives.bit_length() - 1) / 2.321928094887362))
    while 5 ** b < fives:
        b += 1
    while b > 0 and 5 ** (b - 1) >= fives:
        b -= 1
    assert 5 ** b == fives, "not a terminating decimal"
    places = max(twos, b)
    digits = str(abs(n) * 10 ** places // d).rjust(places + 1, "0")
    sign = "-" if n < 0 else ""
    if places == 0:
        return sign + digits
    return sign + digits[:-places] + "." + digits[-places:]


p = math.prod(1 + Fraction(5, 100) for i in range(1, 30001)) * 1000
print(exact_decimal(p))
