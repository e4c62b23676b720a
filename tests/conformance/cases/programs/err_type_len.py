# TypeError: len() of an int, from a helper.
def size(x):
    return len(x)


print(size("abc"), size([1, 2]), size({}))
print(size(42))
