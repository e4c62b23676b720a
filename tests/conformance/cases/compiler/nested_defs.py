def outer(x):
    def inner(y):
        return y * 2

    def other():
        def deep():
            return 42
        return deep()

    return inner(x) + other()


def returns_function():
    def g(a, b=3):
        return a - b
    return g


print(outer(5), returns_function()(10))
