# A million exact products of decimals with Fraction.  The two decimal
# literals are read once, as cx reads them once when it parses the script.
from fractions import Fraction

a = Fraction("200000.25")
b = Fraction("1.13")
print(sum((i * a) * b for i in range(1, 1000001)))
