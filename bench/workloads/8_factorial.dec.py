# 50,000! by a loop with Decimal; 220,000 digits of precision hold all
# 213,237, and Inexact traps, so it is exact or fails.
from decimal import Decimal, Inexact, getcontext

getcontext().prec = 220000
getcontext().traps[Inexact] = True
f = Decimal(1)
for i in range(1, 50001):
    f *= i
print(f)
