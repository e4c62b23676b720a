# def, defaults, return values, recursion, functions as values.
def add(a, b):
    return a + b


def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct


def nothing():
    pass


def early(n):
    if n > 5:
        return "big"
    print("small path")


print(add(2, 3), add("a", "b"), add([1], [2]))
print(greet("Ada"), greet("Bob", "Hi"), greet("Cy", "Yo", "?"))
print(nothing(), early(10), early(1))


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


print(fact(5), fact(20), fact(30))


def apply(f, x):
    return f(x)


def square(x):
    return x * x


print(apply(square, 7), apply(abs, -3), apply(str, 4))
ops = [add, square]
print(ops[1](ops[0](1, 2)))


def count_down(n):
    while n > 0:
        n -= 1
    return n


print(count_down(1000))


def defaults_shared(x, acc=[]):
    acc += [x]
    return acc


print(defaults_shared(1), defaults_shared(2))
f = fact
print(f(6), f is fact)


def pair():
    return 1, 2


p = pair()
a, b = pair()
print(p, a, b)
