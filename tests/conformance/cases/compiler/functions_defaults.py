def f(a, b=1, c="x", d=None, e=(1, 2), g=[1, 2]):
    return a, b, c, d, e, g


def h(x, y=2 + 3, z=-1):
    return x + y + z


def k(*args, **kwargs):
    return args, kwargs


def m(a, /, b, *, c=3, d):
    return a + b + c + d


def n(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw


print(f(0), h(1), k(1, 2, x=3), m(1, 2, d=4), n(1, c=3), n(1, 2, 3, c=5, e=6))
print(f(1, c="y"), h(x=1, z=0))
