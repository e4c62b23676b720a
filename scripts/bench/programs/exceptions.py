# Exceptions raised and caught in a loop, through function calls, with finally and re-raise.


def parse(s):
    if not s:
        raise ValueError("empty")
    if s[0] == "-":
        raise KeyError(s)
    return int(s)


def checked_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        raise ArithmeticError("bad divisor " + str(b))
    finally:
        pass


inputs = ["12", "", "-3", "7", "x", "40"]
ok = errors = 0
total = 0
for i in range(400000):
    s = inputs[i % 6]
    try:
        total += parse(s)
        ok += 1
    except ValueError as e:
        errors += 1
    except KeyError:
        errors += 2
    try:
        total += checked_div(i, i % 5)
    except ArithmeticError as e:
        total -= len(e.args[0])
    try:
        [][i]
    except IndexError:
        total += 1
print(ok, errors, total)
