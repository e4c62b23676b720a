x, y, z = 1, 2, 3
print(x < y < z, x < y > z, 0 <= x <= 10 < 100)
print(x == y == z, x != y != z, x < y <= z == 3 >= 2 > 1)
a = 1 < x < 3
b = x is y is not None
c = x in [1, 2] not in [[3]]
if 0 < x < 2:
    print("in range")
while 0 <= x < 5:
    x += 1
print(a, b, c, x)
