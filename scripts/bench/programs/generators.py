# Generators: a pipeline of generator functions and generator expressions.


def naturals(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(xs):
    for x in xs:
        yield x * x


def take_every(xs, k):
    for i, x in enumerate(xs):
        if i % k == 0:
            yield x


total = sum(x % 1000 for x in take_every(squares(naturals(6000000)), 3))
print(total)
print(sum(1 for _ in naturals(500000)))
