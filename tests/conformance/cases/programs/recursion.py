# Recursive algorithms.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)


def power(base, exp):
    if exp == 0:
        return 1
    half = power(base, exp // 2)
    if exp % 2 == 0:
        return half * half
    return half * half * base


def hanoi(n, src, dst, via):
    if n == 0:
        return 0
    moves = hanoi(n - 1, src, via, dst)
    moves += 1
    moves += hanoi(n - 1, via, dst, src)
    return moves


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def binsearch(xs, target, lo, hi):
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if xs[mid] == target:
        return mid
    if xs[mid] < target:
        return binsearch(xs, target, mid + 1, hi)
    return binsearch(xs, target, lo, mid - 1)


print(fib(15), fib(1), fib(0))
print(gcd(1071, 462), gcd(17, 5), gcd(0, 9))
print(power(3, 13), power(2, 100))
print(hanoi(10, "a", "c", "b"))
print(depth(900))
xs = [0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42, 45, 48]
print(binsearch(xs, 27, 0, len(xs) - 1), binsearch(xs, 28, 0, len(xs) - 1))
