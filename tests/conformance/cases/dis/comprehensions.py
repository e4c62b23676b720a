# List, set and dict comprehensions, generator expressions, nesting, conditions, walrus.
def build(n):
    squares = [i * i for i in range(n)]
    evens = {i for i in range(n) if i % 2 == 0}
    table = {i: str(i) for i in range(n) if i > 1}
    pairs = [(i, j) for i in range(3) for j in range(i) if j != 1]
    total = sum(x for x in range(n))
    nested = [[c * r for c in range(3)] for r in range(2)]
    found = [y for x in range(5) if (y := x * 3) > 6]
    return squares, sorted(evens), table, pairs, total, nested, found


def gen_in_call(words):
    return ",".join(w.upper() for w in words if w)


print(build(5))
print(gen_in_call(["a", "", "b"]))
