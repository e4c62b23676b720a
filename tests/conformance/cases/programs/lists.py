# Lists: displays, indexing, slicing, slice assignment, deletion, nesting, aliasing.
xs = [5, 3, 8, 1]
print(xs, len(xs), xs[0], xs[-1], xs[1:3], xs[::-1], xs[::2])
xs[0] = 50
xs[-1] = 10
print(xs)
xs[1:3] = [30, 80, 90]
print(xs)
xs[::2] = ["a", "b", "c"]
print(xs)
del xs[0]
print(xs)
del xs[1:3]
print(xs)
xs[len(xs):] = [7, 8]
print(xs)
xs[:0] = [0]
print(xs)
del xs[::2]
print(xs)
empty = []
print(empty, len(empty), empty[:], empty[5:])
nested = [[1, 2], [3, 4]]
print(nested[1][0], nested[0][-1])
alias = nested
alias[0][0] = 99
print(nested)
copy = nested[:]
copy[1] = "x"
print(nested, copy)
print([1, 2] + [3], [0] * 3, 2 * [None], [] * 5)
print([1, [2, [3, [4]]]], [[]], [()])
print(3 in [1, 2, 3], 4 not in [1, 2, 3], [1] in [[1], [2]])
big = [0] * 10
for i in range(10):
    big[i] = i * i
print(big, big[-3:], min(big), max(big))
m = [1, 2, 3]
m[1:2] = []
print(m)
m[5:] = [9]
print(m)
print(list("abc"), list(range(4)), list((1, 2)))
