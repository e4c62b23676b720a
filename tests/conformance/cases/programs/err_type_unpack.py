# TypeError: unpacking a non-iterable.
point = 5
x, y = point
