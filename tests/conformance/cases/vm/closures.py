# Closures, nonlocal and global.
def counter(start):
    count = start

    def bump(step=1):
        nonlocal count
        count += step
        return count

    return bump


c = counter(10)
print(c(), c(), c(5))
total = 0


def add_total(n):
    global total
    total += n


add_total(3)
add_total(4)
print(total)


def make_adders():
    adders = []
    for i in range(3):
        def add(x, i=i):
            return x + i
        adders.append(add)
    return adders


print([f(10) for f in make_adders()])


def outer():
    x = "outer"

    def middle():
        def inner():
            return x
        return inner()
    return middle()


print(outer())
square = lambda v: v * v
print(square(9), (lambda a, b=2: a ** b)(5))
