# 1,000 compounded at 5% over 10,000 periods with Decimal.  30,000 digits of
# precision hold all ~20,200 digits; Inexact traps, so it is exact or fails.
import math
from decimal import Decimal, Inexact, getcontext

getcontext().prec = 30000
getcontext().traps[Inexact] = True
p = math.prod(1 + Decimal(5) / 100 for i in range(1, 10001)) * 1000
print(p)
