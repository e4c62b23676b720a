def gen(n):
    for i in range(n):
        received = yield i
        if received:
            print("got", received)
    return "end"


def delegate():
    result = yield from gen(2)
    yield result


def squares():
    yield from (x * x for x in range(3))


g = gen(3)
print(next(g), g.send("hello"), list(delegate()), list(squares()), sum(x for x in range(10) if x % 2))
