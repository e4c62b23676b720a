# Assignment forms: chained, unpacking (starred, nested), augmented, annotated, del, global, nonlocal.
a = b = c = 0
x, y = 1, 2
(x, y) = [y, x]
[p, q] = 'pq'
first, *rest = range(5)
*init, last = range(5)
(m, (n, o)), k = (1, (2, 3)), 4
e, *f, g = 'hello'
d = {}
d['key'] = lst = [0, 0]
lst[0] = lst[1] = 5
class C:
    pass
obj = C()
obj.attr = obj.other = 1
a += 1; a -= 1; a *= 2; a /= 2; a //= 1; a %= 7; a **= 2
b |= 1; b &= 3; b ^= 2; b <<= 2; b >>= 1
lst[0] += 1
obj.attr *= 3
count: int
total: int = 0
obj.typed: float = 1.5
d['ann']: str = 'x'
(par): int = 3
def outer():
    v = 1
    def inner():
        nonlocal v
        global total
        v += 1
        total = v
    inner()
    return v
print(a, b, c, x, y, p, q, first, rest, init, last, m, n, o, k, e, f, g, d, lst, obj.attr, total, outer())
del a, b
del (c), [x, y]
del d['key'], obj.other
del (p, q), [first]
tmp = [1, 2, 3]
del tmp[0], tmp[::2]
