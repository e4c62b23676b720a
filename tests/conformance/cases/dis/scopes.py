# global, nonlocal, del of every kind, assert, annotations, augmented assignment targets.
counter = 0
annotated: int = 5
data = {"k": [1, 2, 3]}


def bump():
    global counter
    counter += 1
    return counter


def deleter():
    local = 1
    del local
    obj = type("O", (), {})()
    obj.attr = 1
    del obj.attr
    seq = [1, 2, 3]
    del seq[0], seq[-1]
    return seq


def augmented(o, key):
    o.value += 1
    o.items[key] *= 2
    o.items[key:] += [9]
    return o


def checks(x):
    assert x > 0
    assert isinstance(x, int), "not an int"
    return x


class O:
    def __init__(self):
        self.value = 1
        self.items = [1, 2]


bump()
bump()
gone = 1
del gone
print(counter, deleter(), vars(augmented(O(), 0)), checks(3), __annotations__)
try:
    checks(-1)
except AssertionError as e:
    print("assert", e)
