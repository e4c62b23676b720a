def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def hanoi(n, src, dst, tmp):
    if n == 0:
        return 0
    return hanoi(n - 1, src, tmp, dst) + 1 + hanoi(n - 1, tmp, dst, src)


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print(fib(15), gcd(1071, 462), hanoi(6, "a", "c", "b"), is_even(10), is_odd(7))
