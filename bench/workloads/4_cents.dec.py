# Cents compounding with Decimal: v = round(v * 1.13, 2) over 100,000 periods.
# 6,000 digits hold every product (the last value has 5,312), and the product
# traps Inexact; only quantize, by design, rounds: ROUND_HALF_UP is half away
# from zero, as in cx.
import sys
from decimal import ROUND_HALF_UP, Context, Decimal, Inexact, getcontext

sys.set_int_max_str_digits(0)
getcontext().prec = 6000
getcontext().traps[Inexact] = True
rounding = Context(prec=6000)
cent = Decimal("0.01")
rate = Decimal("1.13")
v = Decimal(100)
for t in range(100000):
    v = (v * rate).quantize(cent, rounding=ROUND_HALF_UP, context=rounding)
print(v)
