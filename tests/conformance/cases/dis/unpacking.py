# Unpacking, starred targets, swaps, display building (list/set/dict), slices and constant folding.
first, *middle, last = range(6)
a, (b, c), d = 1, (2, 3), 4
x, y = y0, x0 = 1, 2
a, b = b, a
a, b, c = c, b, a
head, *_ = "xyz"
merged = [*middle, *"ab", 0]
unique = {*middle, 7}
combined = {**{"p": 1}, "q": 2, **dict(r=3)}
keys = {"one": 1, "two": 2, "three": 3}
part = merged[1:3], merged[::2], merged[-2:], merged[:]
flags = "b" in {"a", "b", "c"}, 3 in {1, 2, 3, 4}, 5 not in (1, 2)
folded = (1, 2, (3, 4)), -7, 2 ** 10, "ab" * 2, not True
print(first, middle, last, a, b, c, d, x, y, y0, x0, head, merged, unique)
print(combined, keys, part, flags, folded)
