# print, len, str, int, float, abs, min, max with their options.
print(1, 2, 3)
print(1, 2, 3, sep="-")
print("a", "b", sep="", end="|\n")
print("no newline", end="")
print()
print(sep="x")
print("x", "y", sep=None, end=None)
print(len("abc"), len([1, 2]), len((1,)), len({1: 2}), len(range(7)))
print(str(42), str(-1.5), str([1, "a"]), str((1,)), str({}), str("s"))
print(int("42"), int("-17"), int("  8  "), int("1_000"), int(3.7), int(-3.7), int(True))
print(int("ff", 16), int("0x1F", 16), int("101", 2), int("0o17", 0), int("z", 36))
print(float("3.25"), float(2), float("-1e-3"))
print(abs(-4), abs(4), abs(-4.25), abs(0), abs(-10 ** 30))
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max((4, 2, 8)), min("hello"), max("hello"))
print(min([3, 1], [2, 5]), max("apple", "banana", "cherry"))
print(max([], default=None), min([], default="empty"), max([7], default=0))


def neg(x):
    return -x


def length(s):
    return len(s)


print(max(1, 5, 3, key=neg), min([4, -9, 2], key=abs), max(["aa", "b", "ccc"], key=length))
print(min(2, 2.0), max(2.0, 2), min(1, True), max(0, False))
print(type(1), type("s"), type(1.5), type([]), type(None), type(len), type(neg))
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int), isinstance("a", (int, str)))
