# Syntax added in 3.8-3.11: starred subscripts and annotations, unparenthesised starred returns,
# yields and for iterables, walrus in comprehensions, positional-only parameters,
# parenthesised context managers, except*.
m = {(1, 2): 'a', (0, 1, 2): 'b'}
t = (1, 2)
print(m[*t], m[0, *t], m[(*t,)])


def f(*args: *tuple[int, ...]):
    return *args, *args


def g(a, /, b):
    yield *[a, b], b


for x in *[1, 2], *[3]:
    print(x)
print([y for x in range(5) if (y := x * 2) > 4], f(1, 2), list(g(1, 2)))
print(f'{(lambda: 1)()}', {**m, 'k': 1} | {'z': 2})
