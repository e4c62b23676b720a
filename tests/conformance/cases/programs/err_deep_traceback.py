# A traceback through several frames with different carets.
def level3(xs):
    return xs[0] / xs[1]


def level2(xs):
    result = level3(xs) * 2
    return result


def level1(xs):
    return level2(xs) + level2(xs[::-1])


print(level1([4, 2]))
print(level1([4, 0]))
