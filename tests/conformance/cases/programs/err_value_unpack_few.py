# ValueError: not enough values to unpack, in a loop.
rows = [(1, 2, 3), (4, 5)]
for a, b, c in rows:
    print(a + b + c)
