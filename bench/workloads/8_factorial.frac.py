# 50,000! by a loop with int, Python's exact integer type.
import sys

sys.set_int_max_str_digits(0)
f = 1
for i in range(1, 50001):
    f *= i
print(f)
