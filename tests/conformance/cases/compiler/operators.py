a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, -a, +a, ~a)
print(a & b, a | b, a ^ b, a << 2, a >> 1)
print(a < b, a <= b, a == b, a != b, a > b, a >= b, a is b, a is not b)
f = 2.5
print(f * 2, f / 0.5, f // 1, f % 1, -f, f ** 2)
s = "py"
print(s * 3, s + "thon", "y" in s, "z" not in s)
print(not a, not 0, a and b, a or b)
print((a + b) * (a - b) / 2 ** 3 % 7)
