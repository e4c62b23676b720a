print(len("abc"), len([1, 2]), range(5), list(range(2, 10, 3)))
print(str(42), str(4.5), int("17"), int(3.9), int("ff", 16), float("2.5"), float(3))
print(abs(-4), abs(2.5), abs(-0.0), min(3, 1, 2), max([4, 9, 2]), min("bca"), max(1, 2, key=None))
print(1, 2, sep="-", end="!\n")
print()
x = print
x("aliased print")
