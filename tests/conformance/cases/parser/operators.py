# Operators and precedence: arithmetic, bitwise, boolean, comparison chains, unary, walrus, ternary.
a, b, c = 7, 3, 2
print(a + b - c, a * b / c, a // b % c, a ** b ** c, -a ** 2, (-a) ** 2, a @ b if False else 0)
print(a << 1, a >> 1, a & b, a | b, a ^ b, ~a, +a, -a, not a)
print(a < b, a <= b, a > b, a >= b, a == b, a != b, a is b, a is not b, a in [a], a not in [a])
print(1 < a < 10 > b >= c != 0, a < b == c)
print(a and b or c, a or b and c, not a or b, a and not b, (a or b) and c)
print(a if b else c, a if b else c if a else b, (lambda: a if b else c)())
if (n := a + b) > 5:
    print(n, (m := n * 2), [y := 5, y ** 2])
print(a + b * c - a / b % c, (a + b) * (c - a), a - -b, a + +b, - - a, not not a)
print(a | b ^ c & a << b >> c + a - b * c // a % c ** a)
x = a if a > b else b
y = [i for i in range(5) if i % 2 if i > 0]
z = a < b and b < c or a == c
