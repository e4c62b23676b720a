counter = 0


def bump():
    global counter
    counter += 1
    return counter


def read_only():
    return counter * 2


def shadow():
    counter = 100
    return counter


def uses_builtin():
    return len([1, 2]) + abs(-1)


def local_then_global(x):
    y = x
    return y + counter


bump()
bump()
print(counter, read_only(), shadow(), uses_builtin(), local_then_global(3))
