# A million small exact products with Decimal; Inexact traps, so the
# answer is exact or the script fails.
from decimal import Decimal, Inexact, getcontext

getcontext().traps[Inexact] = True
print(sum(d * (d + 1) for d in map(Decimal, range(1, 1000001))))
