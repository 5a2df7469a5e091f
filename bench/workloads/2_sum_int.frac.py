# A million small exact products.  Python's exact integer type is int;
# wrapping each i in a Fraction would only add overhead, so this uses int.
print(sum(i * (i + 1) for i in range(1, 1000001)))
