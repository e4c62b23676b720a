# Structural pattern matching: literals, captures, sequences, mappings, classes, or, guards, stars.
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


def describe(subject):
    match subject:
        case 0 | 1:
            return "small"
        case None:
            return "none"
        case True:
            return "true"
        case "hello":
            return "greeting"
        case [x, y]:
            return f"pair {x} {y}"
        case [first, *rest]:
            return f"seq {first} +{len(rest)}"
        case {"kind": "circle", "r": radius}:
            return f"circle {radius}"
        case {"kind": kind, **others}:
            return f"{kind} {sorted(others)}"
        case Point(x=0, y=yy):
            return f"on axis {yy}"
        case Point(xx, yy) if xx == yy:
            return "diagonal"
        case int(n) if n > 100:
            return "big"
        case str() as s:
            return "str " + s
        case _:
            return "other"


for value in [0, None, True, "hello", [1, 2], [1, 2, 3], {"kind": "circle", "r": 2},
              {"kind": "sq", "a": 1}, Point(0, 5), Point(3, 3), 500, "x", 3.5]:
    print(describe(value))
