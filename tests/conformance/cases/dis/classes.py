# Classes: bodies, methods, super(), __class__ cells, decorators, properties, nested classes.
import functools


class Base:
    """A base class with a docstring."""

    kind = "base"
    count: int = 0

    def __init__(self, name, *, size=1):
        self.name = name
        self.size = size
        Base.count += 1

    def describe(self):
        return f"{self.kind}:{self.name}"

    @property
    def double(self):
        return self.size * 2

    @double.setter
    def double(self, value):
        self.size = value // 2

    @staticmethod
    def helper(x):
        return x + 1

    @classmethod
    def make(cls, name):
        return cls(name)


class Child(Base, metaclass=type):
    kind = "child"

    def describe(self):
        text = super().describe()
        return text.upper()

    class Inner:
        def where(self):
            return __class__.__qualname__


def factory(tag):
    class Local:
        label = tag

        def show(self):
            return self.label + tag

    return Local


@functools.total_ordering
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)


c = Child.make("c")
c.double = 10
print(c.describe(), c.double, Base.helper(1), Base.count, Child.Inner().where())
print(factory("t")().show(), Point(1, 2) < Point(2, 0), Point(1, 1) >= Point(1, 1))
del c.size
print(hasattr(c, "size"))
