# A million exact products of decimals with Decimal.  The default 28 digits
# hold every product and the sum (22 digits); Inexact traps, so the answer
# is exact or the script fails.
from decimal import Decimal, Inexact, getcontext

getcontext().traps[Inexact] = True
a = Decimal("200000.25")
b = Decimal("1.13")
print(sum((i * a) * b for i in range(1, 1000001)))
