# Float modulo by zero inside nested calls.
def wrap(x, n):
    return x % n


def outer(x):
    return wrap(x, 0.0) + 1


print(wrap(7.5, 2))
print(outer(3.25))
