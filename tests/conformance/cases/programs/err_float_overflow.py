# OverflowError from float exponentiation, after in-range ones.
x = 2.0
for e in [10, 100, 1000, 10000]:
    print(e, x ** e)
