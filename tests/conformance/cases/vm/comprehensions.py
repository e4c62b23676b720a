# Comprehensions, builtins over iterables, star calls.
squares = [n * n for n in range(10) if n % 2]
print(squares)
pairs = [(a, b) for a in range(3) for b in "xy"]
print(pairs)
lookup = {w: len(w) for w in ["one", "three", "five"]}
print(lookup)
print(sum(squares), sum([0.5, 0.25]), any([n > 50 for n in squares]))
print(list(enumerate("abc")), list(enumerate("ab", start=10)), list(zip([1, 2, 3], "ab")))
print(list(map(abs, [-1, 2, -3])), list(filter(None, [0, 1, "", "a"])), list(reversed([1, 2, 3])))
print(all([]), all([1, 0]), any([]), min(range(5), key=lambda v: (v - 2) ** 2))


def describe(first, *rest, sep="/", **options):
    return sep.join([str(first)] + [str(r) for r in rest]) + str(sorted(options.items()))


print(describe(1, 2, 3, sep="-", b=2, a=1))
args = [4, 5]
opts = {"sep": "+"}
print(describe(*args, **opts), describe(*"xyz"))
print(divmod(17, 5), divmod(-17, 5), pow(2, 10), pow(2, 10, 1000), round(2.675, 2), round(2.5), round(-3.5))
print(hex(255), oct(8), bin(10), chr(65), ord("é"), abs(-7.5))
nested = [[i * j for j in range(3)] for i in range(3)]
print(nested)
