class Point:
    """A point."""
    count = 0

    def __init__(self, x, y=0):
        self.x = x
        self.y = y
        Point.count += 1

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    @staticmethod
    def origin():
        return Point(0)

    def __private(self):
        return self.__secret


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def counter():
    n = 0

    def inc(step=1):
        nonlocal n
        n += step
        return n

    return inc


def make_adders(k):
    return [lambda v, i=i: v + i + k for i in range(3)]


c = counter()
c()
print(c(5), [f(1) for f in make_adders(10)], Point(3, 4).norm, Point3(1, 2, 3).z, Point.count, Point.origin())
