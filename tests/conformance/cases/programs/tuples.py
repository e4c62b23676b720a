# Tuples: displays, packing, indexing, slicing, concatenation, comparison, nesting.
t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], t[::-1], len(t))
single = (5,)
print(single, len(single), (), ((),), ((1,),))
u = t + (4, 5)
print(u, t * 2, 0 * t)
packed = 1, "a", None
print(packed)
a, b, c = packed
print(c, b, a)
print((1, 2) + (), () + ())
nested = (1, (2, (3, 4)), [5, 6])
print(nested[1][1][0], nested[2][1])
nested[2][0] = 50
print(nested)
print((1, 2, 3) < (1, 2, 4), (1,) < (1, 0), (2,) > (1, 9, 9))
print(2 in t, 9 in t, (1, 2) in [(1, 2)])
print(tuple([1, 2]), tuple("hi"), tuple(range(3)))
coords = [(0, 0), (1, 2), (3, 1)]
for x, y in coords:
    print(x * y, end=" ")
print()
print(min(coords), max(coords))
print((1, 2, 3)[10:], (1, 2, 3)[-10:2])
