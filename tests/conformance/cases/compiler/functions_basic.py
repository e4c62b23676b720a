def add(a, b):
    return a + b


def greet(name, greeting="hello", punct="!"):
    s = greeting + ", " + name + punct
    return s


def nothing():
    pass


def doc():
    "A docstring."


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def early(x):
    return x
    print("dead")


print(add(1, 2), greet("bob"), greet("amy", "hi"), nothing(), doc(), fact(10), early(3))
