# 20,000! by a loop with Decimal; 80,000 digits of precision hold all 77,338,
# and Inexact traps, so it is exact or fails.
from decimal import Decimal, Inexact, getcontext

getcontext().prec = 80000
getcontext().traps[Inexact] = True
f = Decimal(1)
for i in range(1, 20001):
    f *= i
print(f)
