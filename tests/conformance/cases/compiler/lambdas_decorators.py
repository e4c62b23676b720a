def deco(f):
    def wrapper(*args, **kwargs):
        return ("decorated", f(*args, **kwargs))
    return wrapper


def with_arg(tag):
    def apply(f):
        f.tag = tag
        return f
    return apply


@deco
@with_arg("t")
def hello(x, *, scale=2):
    return x * scale


square = lambda x: x * x
key = sorted([3, 1, 2], key=lambda v: -v)
print(hello(3), hello(3, scale=5), square(7), key, (lambda: 0)(), (lambda *a, **k: (a, k))(1, b=2))
