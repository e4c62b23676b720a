from __future__ import annotations

x: int = 1
y: list[dict[str, int | None]]


def f(a: int, b: "Forward" = None, *, c: lambda: 1 = None) -> tuple[int, ...]:
    return a


class Node:
    parent: Node | None = None
    children: list[Node]

    def add(self, other: Node) -> Node:
        return self


print(__annotations__, f.__annotations__, Node.__annotations__, Node.add.__annotations__)
