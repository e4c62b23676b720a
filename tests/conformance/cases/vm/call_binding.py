# Argument binding: keywords, defaults, *args, **kwargs, keyword-only and positional-only errors.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, d=0))
try:
    f(1)
except TypeError as e:
    print(e)
try:
    f(1, 2, c=3, a=4)
except TypeError as e:
    print(e)
def g(*, key):
    return key
try:
    g(1)
except TypeError as e:
    print(e)
def h(x, /, y):
    return x + y
print(h(1, 2), h(1, y=3))
try:
    h(x=1, y=2)
except TypeError as e:
    print(e)
def many(a, b, c, d):
    pass
try:
    many(1, 2)
except TypeError as e:
    print(e)
try:
    many()
except TypeError as e:
    print(e)
def kwonly(a, *, b, c):
    pass
try:
    kwonly(1)
except TypeError as e:
    print(e)
try:
    kwonly(1, 2, 3)
except TypeError as e:
    print(e)
try:
    kwonly(1, 2, b=3, c=4)
except TypeError as e:
    print(e)
def one(a):
    pass
try:
    one(1, 2)
except TypeError as e:
    print(e)
print((lambda: 7)(), (lambda *a: a)(1, 2), (lambda **k: k)(x=1))
