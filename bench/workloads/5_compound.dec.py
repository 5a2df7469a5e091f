# 1,000 compounded at 5% over 30,000 periods with Decimal.  70,000 digits of
# precision hold all 60,636; Inexact traps, so it is exact or fails.
import math
from decimal import Decimal, Inexact, getcontext

getcontext().prec = 70000
getcontext().traps[Inexact] = True
p = math.prod(1 + Decimal(5) / 100 for i in range(1, 30001)) * 1000
print(p)
