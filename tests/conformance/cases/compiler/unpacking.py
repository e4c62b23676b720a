a, b = 1, 2
a, b = b, a
a, b, c = 3, 4, 5
a, b, c = c, b, a
a, b, c, d = 1, 2, 3, 4
(a, b), c = (1, 2), 3
a, (b, (c, d)) = 1, (2, (3, 4))
[a, b] = [b, a]
t = (7, 8, 9)
x, y, z = t
first, *rest = [1, 2, 3, 4]
*init, last = "hello"
p, *mid, q = range(6)
x = y = z = 0
a, b = c, d = 5, 6
print(a, b, c, d, x, y, z, first, rest, init, last, p, mid, q)
for i, (j, k) in [(1, (2, 3)), (4, (5, 6))]:
    print(i, j, k)


def swap(m, n):
    m, n = n, m
    o, m, n = n, m, o if False else 0
    return m, n


print(swap(1, 2))
