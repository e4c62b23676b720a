a = 3
b = "big" if a > 2 else "small"
c = (1 if a else 2) if a < 10 else 3
d = [a if a else 0, 5 if not a else 6]
print(b, c, d, 7 if 0 else 8, "x" if a else "y" if a else "z")


def sign(n):
    return 1 if n > 0 else -1 if n < 0 else 0


print(sign(5), sign(-2), sign(0))
