x = 10
x += 1
x -= 2
x *= 3
x //= 4
x %= 5
x **= 2
x <<= 3
x >>= 1
x |= 64
x &= 127
x ^= 5
y = 7.5
y /= 2
print(x, y)
lst = [1, 2, 3]
lst[0] += 10
lst[-1] *= 2
i = 1
lst[i] -= lst[i + 1]
d = {"a": 1}
d["a"] += 5
d["b"] = 0
d["b"] -= 1
s = "ab"
s += "cd"
s *= 2
print(lst, d, s)


def f(n):
    n += 1
    n *= n
    return n


print(f(3))
