data = [3, 1, 4, 1, 5, 9, 2, 6]
evens = [x for x in data if x % 2 == 0]
pairs = [(x, y) for x in range(3) for y in range(x) if y]
lookup = {k: v for k, v in zip("abc", data)}
unique = {x % 3 for x in data}
nested = [[y for y in range(x)] for x in range(3)]
lazy = list(x + 1 for x in data)
shadow = [data for data in data]


def inside(k):
    return [k * i for i in range(3)], {i: [j for j in range(i) if j != k] for i in range(3)}


print(evens, pairs, lookup, unique, nested, lazy, shadow, inside(1))
