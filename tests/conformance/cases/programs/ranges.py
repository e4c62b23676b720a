# range: arguments, iteration, len, indexing, slicing, membership, repr.
print(range(5), range(2, 5), range(0, 10, 2), range(5, 0, -1))
print(len(range(10)), len(range(3, 1)), len(range(0, 10, 3)), len(range(10, 0, -3)))
r = range(1, 20, 4)
print(r[0], r[-1], r[2], r[1:3], r[::-1], r[::2])
print(5 in r, 6 in r, 17 in r, 21 in r, -3 in range(-5, 0))
for i in range(3, -4, -2):
    print(i, end=" ")
print()
big = range(10 ** 20, 10 ** 20 + 5)
print(big, len(big), big[2], 10 ** 20 + 3 in big)
total = 0
for i in range(1000):
    total += i
print(total)
print(range(0), len(range(0)), range(0) == range(3, 3))
print(min(range(4, 9)), max(range(4, 9)), list(range(3)))
print(range(-3), len(range(-3)), range(7)[-2])
