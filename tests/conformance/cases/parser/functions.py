# Definitions: every parameter kind, annotations, defaults, decorators, lambdas, generators,
# closures, classes with bases, keywords and decorators, async functions.
import functools


def no_params(): pass
def positional(a, b, c=1, d=2): return a, b, c, d
def posonly(a, b=2, /, c=3, *, d, e=5, **kw) -> tuple: return a, b, c, d, e, kw
def posonly_default(a=1, /): return a
def varargs(*args, **kwargs): return args, kwargs
def kwonly(*, a, b=2): return a, b
def annotated(a: int, b: 'str' = 'x', *args: int, c: float = 1.0, **kw: dict) -> None: pass
def star_annot(*args: "Ts"): pass
def trailing(a, b,): return a
def trailing_star(*args, a,): return a


@functools.lru_cache(maxsize=None)
@staticmethod
def decorated(x):
    return x


@(lambda f: f)
def decorated_expr(): pass


lambdas = [
    lambda: 0,
    lambda x: x,
    lambda x, y=1: x + y,
    lambda *a, **k: (a, k),
    lambda a, /, b, *, c: a,
    lambda x=1, /, *args, y, z=2, **kw: 0,
    lambda *, k: k,
    lambda x,: x,
]


def gen(n):
    yield
    yield n
    x = yield n + 1
    yield from range(n)
    return x


def closure():
    value = 0
    def inc(step=1):
        nonlocal value
        value += step
        return value
    return inc


class Empty: pass
class Base(object): pass
class Meta(type): pass
class Derived(Base, metaclass=Meta):
    """Docstring."""
    attr: int = 1

    def method(self, x, /, y=2, *args, **kw):
        return super().__init__()

    @property
    def prop(self):
        return self.attr

    @prop.setter
    def prop(self, value):
        self.attr = value

    class Inner:
        pass


class WithKwargs(Base, **{}): pass
class Parens(): pass


async def coroutine(x):
    await x
    async with x as y:
        pass
    async for i in x:
        pass
    else:
        pass
    result = [i async for i in x]
    other = [await z for z in x]
    return await x


print(positional(1, 2), posonly(1, d=4), varargs(1, k=2), kwonly(a=1), list(gen(2)), closure()(), [f.__name__ for f in lambdas][:1])
