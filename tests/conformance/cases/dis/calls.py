# Calls: positional, keyword (KW_NAMES), *args and **kwargs (CALL_FUNCTION_EX), methods, defaults.
def target(a, b=2, /, c=3, *args, d, e=5, **kwargs):
    return (a, b, c, args, d, e, kwargs)


def annotated(x: int, y: "str" = "s") -> list:
    return [x, y]


args = (1, 2, 3, 4)
extra = {"d": 4, "z": 9}
print(target(1, d=4))
print(target(1, 2, 3, d=4, e=6))
print(target(*args, d=7))
print(target(*args, **extra))
print(target(0, *args[1:], d=1, **{"q": 2}))
print(annotated(1), annotated.__annotations__)
text = "a,b,c"
print(text.split(","), text.count("a"), "-".join(["x", "y"]))
print(max(3, 4, key=lambda v: -v), sorted([3, 1, 2], reverse=True))
