# try/except/else/finally, raise, re-raise, exception objects.
def safe_div(a, b):
    try:
        result = a / b
    except ZeroDivisionError as e:
        print("caught:", e, type(e).__name__, repr(e))
        return None
    else:
        print("no error")
        return result
    finally:
        print("finally", a, b)


print(safe_div(6, 3))
print(safe_div(1, 0))
try:
    [1, 2][5]
except (KeyError, IndexError) as err:
    print("lookup failed:", err, isinstance(err, LookupError))
try:
    {}["missing"]
except LookupError as err:
    print("KeyError str:", str(err), "repr:", repr(err), err.args)
try:
    try:
        int("x")
    except ValueError:
        print("inner")
        raise
except ValueError as outer:
    print("outer", outer)
try:
    raise TypeError("custom message", 42)
except TypeError as e:
    print(e, e.args)
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("cleanup", i)
x = 0
while True:
    try:
        x += 1
        if x == 3:
            break
    finally:
        print("loop finally", x)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), str(e) == "")
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("assert:", e)
