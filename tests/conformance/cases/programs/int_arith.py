# Integer arithmetic: floor division and modulo signs, powers, big ints.
a = 17
b = 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
print(-a // b, -a % b, a // -b, a % -b, -a // -b, -a % -b)
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 0 // 5, 0 % -5)
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4)
print(2 ** -1, 10 ** -2, (-2) ** -2)
big = 2 ** 64
print(big, big + 1, big - 1, big * big, -big)
print(big // 3, big % 7, -big // 3, -big % 7)
print(big // big, big % big, (big + 5) // -big)
x = 9007199254740991
print(x + 1, x + 2, x * 2, -x - 2, x * x)
print(123456789 * 987654321, 99999999999 * 99999999999)
print(3 * -0, -0, 0 * -1, -5 % 5, 5 % -5)
print(1 / 3, 2 / 3, 10 / 4, -7 / 2, 10 ** 20 / 10 ** 10)
n = 1
for i in range(1, 26):
    n = n * i
print(n)
print(n // 10 ** 10, n % 1000003)
print(abs(-n), abs(n - n * 2))
total = 0
i = 0
while i < 100:
    total += i * i
    i += 1
print(total)
print(10 ** 30 // 7, 10 ** 30 % 7, -(10 ** 30) // 7)
print(2 ** 100 - 2 ** 99, 2 ** 53 + 1, 2 ** 53 - 1)
