# with statements: one and several items, targets, nesting, exceptions inside.
class Manager:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return self.swallow


def use_one():
    with Manager("a") as name:
        print("inside", name)


def use_two():
    with Manager("b") as first, Manager("c") as second:
        return first + second


def swallowed():
    with Manager("d", swallow=True):
        raise ValueError("gone")
    return "after"


def no_target():
    with Manager("e"):
        pass


use_one()
print(use_two(), swallowed())
no_target()
