# Assignment forms: chained, tuple, swap, augmented, star unpacking.
a = b = c = 7
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
p, q, r = "abc"
print(p, q, r)
(m, n), o = (1, 2), 3
print(m, n, o)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = (5, 6, 7)
print(init, last)
h, *mid, t = range(6)
print(h, mid, t)
u, *v = "x"
print(u, v)
i, j, k = range(3)
print(i, j, k)
total = 10
total += 5
total -= 3
total *= 2
total //= 5
total **= 3
total %= 7
print(total)
f = 1.5
f /= 2
f += 1
print(f)
s = "ab"
s *= 3
s += "!"
print(s)
lst = [1, 2]
alias = lst
lst += [3]
print(lst, alias, lst is alias)
tup = (1, 2)
tup2 = tup
tup += (3,)
print(tup, tup2)
d = {"k": 1}
d["k"] += 10
d["new"] = d["k"] * 2
print(d)
grid = [[0, 0], [0, 0]]
grid[1][0] += 5
grid[0][1] = grid[1][0] * 2
print(grid)
