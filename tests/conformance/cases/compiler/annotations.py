x: int = 1
y: "str"
z: list[int] = []


def f(a: int, b: str = "s", *args: float, c: bool = True, **kw: dict) -> tuple:
    local: int = 5
    return a, b, args, c, kw, local


class C:
    attr: int = 3
    other: str


print(__annotations__, f.__annotations__, C.__annotations__, f(1))
