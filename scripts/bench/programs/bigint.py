# Big integers: factorials, powers, digit sums and a Fibonacci past 2**64.


def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def digit_sum(n):
    s = 0
    while n:
        s += n % 10
        n //= 10
    return s


def big_fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


f = factorial(1400)
print(len(str(f)), digit_sum(f))
total = 0
for k in range(1, 1500):
    total += digit_sum(3 ** k + 7 ** (k // 2))
print(total)
x = big_fib(60000)
print(x % 1000000007, len(str(x % 10 ** 4000)), x // 10 ** 12000 % 1000)
acc = 0
for i in range(600000):
    acc += i * i * i * 9007199254740993
print(acc, acc % 999999937)
print(pow(2, 10000, 10 ** 40 + 7), (2 ** 4000) // (3 ** 1500) % 10 ** 20)
