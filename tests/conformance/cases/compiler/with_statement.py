class Ctx:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, *exc):
        print("exit", self.name, exc[0])
        return True


def use():
    with Ctx("a") as a, Ctx("b"):
        print("body", a.name)
    with Ctx("c"):
        raise ValueError("swallowed")
    for i in range(2):
        with Ctx(i):
            if i:
                break
            continue
    return "ok"


print(use())
