# NPV of 3,000 monthly cash flows at 8% a year with Decimal at 60 digits
# (approximate: 1 + 8/100/12 does not terminate).
from decimal import Decimal, getcontext

getcontext().prec = 60


def cf(i):
    return 1000 + 3 * i


print(sum(cf(i) / (1 + Decimal(8) / 100 / 12) ** i for i in range(1, 3001)))
