# Generators: yield, yield from, return values, send, generator expressions kept alive.
def countdown(n):
    while n > 0:
        received = yield n
        if received:
            n = received
        n -= 1
    return "done"


def delegate():
    result = yield from countdown(3)
    yield result


def pipeline(data):
    for item in data:
        if item % 2:
            yield item * 10


g = countdown(5)
print(next(g), g.send(3), next(g), list(g))
print(list(delegate()), list(pipeline(range(6))))
