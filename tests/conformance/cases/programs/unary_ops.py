# Unary operators.
x = 5
print(-x, +x, ~x, not x, - -x, -(-x))
y = -3.5
print(-y, +y, abs(y))
print(-True, +False, ~True, ~False)
big = 10 ** 25
print(-big, ~big, +big, -(-big))
z = 0
print(-z, -0.0, -(0.0), +(-0.0))
values = [3, -3, 0, 2.5, -2.5, True]
for v in values:
    print(v, -v, +v, abs(v))
print(not None, not not None, not not 7)
