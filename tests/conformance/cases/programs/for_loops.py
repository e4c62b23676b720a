# for over range, list, tuple, str and dict; loop variables after the loop.
for i in range(3):
    print(i, end=" ")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(0):
    print("never")
for x in [1, "two", 3.0, None, True]:
    print(x, end=" ")
print()
for x in (9, 8):
    print(x)
for ch in "héllo":
    print(ch, end="|")
print()
d = {"a": 1, "b": 2, "c": 3}
for k in d:
    print(k, d[k])
print("last", k)
total = 0
for i in range(1, 101):
    total += i
print(total, i)
pairs = [(1, "one"), (2, "two"), (3, "three")]
for num, name in pairs:
    print(num, name)
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a + b + c)
nested = [[1, 2], [3], []]
flat = []
for row in nested:
    for v in row:
        flat = flat + [v]
print(flat)
lst = [1, 2, 3]
for v in lst:
    if v == 1:
        lst += [4]
print(lst)
for i in range(2 ** 60, 2 ** 60 + 3):
    print(i)
for i in range(-2, 3):
    print(i * i, end=",")
print()
