# match with every pattern kind: literals, captures, wildcard, values, groups, sequences,
# mappings, classes, stars, as and or patterns, guards; plus match/case used as names.
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Point:
    __match_args__ = ('x', 'y')

    def __init__(self, x, y):
        self.x, self.y = x, y


def describe(subject):
    match subject:
        case 0 | 1 | -1:
            return 'small int'
        case 1.5 | -2.5 | 3j | -4j | 1 + 2j | -1 - 2j:
            return 'number'
        case 'text' | b'bytes' | "con" "cat":
            return 'string'
        case None:
            return 'none'
        case True:
            return 'true'
        case False:
            return 'false'
        case Color.RED:
            return 'red'
        case enum.Enum():
            return 'enum'
        case []:
            return 'empty list'
        case [x]:
            return f'one {x}'
        case [1, 2, *rest]:
            return f'starts 1 2 {rest}'
        case (a, b, *_):
            return 'tuple-ish'
        case {'k': v, **others}:
            return f'mapping {v} {others}'
        case {1: _, 'a': _}:
            return 'keys'
        case {}:
            return 'any mapping'
        case Point(x=0, y=0):
            return 'origin'
        case Point(0, y):
            return f'on y axis {y}'
        case Point(x, y=0):
            return 'on x axis'
        case Point(x=px) if px > 10:
            return 'far'
        case str() | bytes() as s:
            return f'strish {s}'
        case (1 | 2) as num:
            return num
        case [Point(x=0) as p, *_] if p:
            return 'first at origin'
        case (x):
            return 'capture'


def other(command):
    match command.split():
        case [action]:
            pass
        case [action, obj]:
            pass
        case [*_]:
            pass
    match command, command:
        case (a, b):
            pass
    match *command, 1:
        case _:
            pass
    match (command):
        case _:
            pass


match = case = _ = 1
print(match, case, _, describe(0), describe([1, 2, 3]), describe({'k': 1}), describe(Point(0, 5)))
