def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case True | None:
            return "singleton"
        case "a" | "b" as letter:
            return "letter " + letter
        case [] | ():
            return "empty sequence"
        case [a]:
            return f"one item {a}"
        case [a, b]:
            return f"pair {a} {b}"
        case [first, *rest]:
            return f"first {first} rest {rest}"
        case {"k": v, **others}:
            return f"mapping {v} {others}"
        case {}:
            return "empty mapping"
        case float(f) if f > 1.0:
            return "big float"
        case complex(real=r, imag=i):
            return f"complex {r} {i}"
        case str() as s if len(s) > 3:
            return "long string"
        case _:
            return "other"


for value in [0, 2, -1, True, None, "a", [], (), [5], (1, 2), [1, 2, 3], {"k": 1, "z": 2}, {}, 2.5, 0.5, 1 + 2j, "hello", object]:
    print(describe(value))


def point(p):
    match p:
        case (0, 0):
            return "origin"
        case (x, 0) | (0, x):
            return f"axis {x}"
        case [_, _, *_]:
            return "long"
        case [*_, last] if last:
            return f"last {last}"
        case _:
            return "nowhere"


print(point((0, 0)), point((3, 0)), point((0, 4)), point((1, 2, 3)), point([7]))


def only_capture(v):
    match v:
        case x:
            return x


def only_wildcard(v):
    match v:
        case _:
            pass
    return v


print(only_capture(9), only_wildcard(8))
