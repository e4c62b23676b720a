# try/finally with return and break, causes and contexts, then an uncaught chained exception.
def walk(n):
    if n == 0:
        raise KeyError("bottom")
    return walk(n - 1)
def safe():
    try:
        walk(3)
    except KeyError as e:
        raise ValueError("wrapped") from e
try:
    safe()
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__context__ is e.__cause__)
def cleanup():
    try:
        return "from try"
    finally:
        print("cleanup")
print(cleanup())
def loop_finally():
    for i in range(3):
        try:
            if i == 1:
                return i
        finally:
            print("f", i)
print(loop_finally())
try:
    try:
        1 / 0
    finally:
        print("inner finally")
except ZeroDivisionError:
    print("outer caught")
try:
    raise RuntimeError("a")
except RuntimeError:
    try:
        raise TypeError("b")
    except TypeError as t:
        print(repr(t), repr(t.__context__))
e2 = None
try:
    {}["k"]
except KeyError as e2:
    pass
print(e2 if False else "e2 deleted")
try:
    print(e2)
except NameError as n:
    print(n)
safe()
