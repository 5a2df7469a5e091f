# IRR of 10,000 periodic flows by Newton's method with Decimal at 60 digits,
# on P(x) = sum f[i] x^i with x = 1 / (1 + r) (Horner's rule, with P'(x)),
# from a guess of 0.1% a period, until a step is below 10^-45.
from decimal import Decimal, getcontext

getcontext().prec = 60
flows = [Decimal(-1000000)] + [Decimal(1000 + 3 * i) for i in range(1, 10000)]
x = 1 / Decimal("1.001")
for k in range(100):
    p = d = Decimal(0)
    for f in reversed(flows):
        d = d * x + p
        p = p * x + f
    step = p / d
    x -= step
    if abs(step) < Decimal("1e-45"):
        break
print(1 / x - 1)
