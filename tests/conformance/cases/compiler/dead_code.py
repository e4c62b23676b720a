def after_return():
    return 1
    x = 2
    print(x)


def after_break():
    for i in range(3):
        break
        print("never")
    while True:
        break
        y = 1
    return i


def after_continue():
    n = 0
    for i in range(3):
        n += i
        continue
        n = -1
    return n


def after_raise():
    raise ValueError
    z = 3


def if_false():
    if 0:
        a = 1
    if False:
        b = 2
    if None:
        print("no")
    if "":
        print("empty")
    if 1:
        return "one"
    return "never"


def while_false():
    while 0:
        print("never")
    while False:
        c = 1
    return 5


print(after_return(), after_break(), after_continue(), if_false(), while_false())
