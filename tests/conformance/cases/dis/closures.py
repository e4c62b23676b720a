# Closures: cells, free variables, nonlocal, LOAD_CLASSDEREF, lambdas capturing variables.
def counter(start=0):
    count = start

    def bump(step=1):
        nonlocal count
        count += step
        return count

    def peek():
        return count

    return bump, peek


def outer(a):
    b = a * 2

    def middle(c):
        def inner(d):
            return a + b + c + d

        return inner

    return middle


def class_in_function(value):
    class Holder:
        stored = value
        doubled = [value for _ in range(2)]

        def get(self):
            return value

    return Holder


def shadow(x):
    x = x + 1
    f = lambda y: x + y
    del x
    return f


bump, peek = counter(10)
bump()
bump(5)
print(peek(), outer(1)(2)(3), class_in_function(7).stored, class_in_function(8)().get())
try:
    shadow(1)(2)
except NameError as e:
    print("NameError", e)
