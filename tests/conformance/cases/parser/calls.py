# Calls, attribute access, subscripts and slices in all their forms.
def f(*args, **kwargs):
    return args, kwargs

class Obj:
    attr = [0, 1, 2, 3, 4, 5]

o = Obj()
lst = list(range(10))
d = {'a': 1}
print(f(), f(1), f(1, 2,), f(a=1), f(1, b=2), f(*lst), f(**d), f(*lst, **d), f(1, *lst, 2, *lst, c=1, **d, b=2))
print(len(f(x for x in lst)[0]), f(*lst, x=1), f(a=1, *lst), f(**d, b=1), f(x := 3), len(f(1, (x for x in lst))[0]))
print(o.attr, o.attr[0], o.attr[-1], o.attr[1:3], o.attr[::2], o.attr[:], o.attr[1:], o.attr[:2], o.attr[1:5:2])
print(lst[::-1], lst[2:-2:1], lst[slice(1, 2)], lst[len(lst) - 1], lst[0:0])
m = {(1, 2): 'tuple key', (1,): 'one-tuple', 1: 'one'}
print(m[1, 2], m[(1, 2)], m[1,], f()[0], f(1)[0][0], f.__name__.upper(), str(1).zfill(3))
print(type(o).__name__, (o).attr, o.attr.copy()[::3], [1, 2, 3][1:][0], 'abc'[1], 'abc'.upper()[::-1])
print(f(*[1], *[2]), f(**{'a': 1}, **{'b': 2}), f(*(i for i in range(2))))
