# Displays and comprehensions of every kind, with starred items and dict unpacking.
a, b = [1, 2], {'k': 'v'}
print([], [1], [1, 2, 3,], [*a, 3], [*a, *a])
print((), (1,), (1, 2), (1, 2,), (*a, 3), 1, 2)
print({1}, {1, 2,}, {*a, 3}, {}, {'a': 1}, {'a': 1, **b, 'c': 3,}, {**b})
print([x for x in range(3)], [x * y for x in a for y in a if x != y])
print({x for x in 'abc'}, {x: x * 2 for x in a}, list(x for x in a), sum(x for x in a))
print([(x, y) for x in range(2) for y in range(x)], [[y for y in range(x)] for x in range(3)])
print([x for x in a if x if x > 0], {k: v for k, v in b.items()}, [*range(2)])
print([y := 1, y], [i for i, j in [(1, 2)]], [(i, j) for (i, j) in zip(a, a)])
t = 1, 2, 3
u = *a, *a
v, = [9]
print(t, u, v, (a,), (((1))), ([1]))
