def f():
    pass


def g():
    return


def h():
    return None


def i():
    ...


def j(x):
    if x:
        return 1
    else:
        return 2


def k(x):
    while True:
        return x


def m(x):
    for i in x:
        return i


print(f(), g(), h(), i(), j(0), k(3), m([5]), m([]))
