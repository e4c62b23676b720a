# TypeError: too many positional arguments, with defaults.
def scale(x, factor=2):
    return x * factor


print(scale(3), scale(3, 3))
print(scale(1, 2, 3))
