# Odds and ends: loops that test against None at the bottom, del of a global, lambdas with
# defaults and keyword-only defaults, chained assignment, a ternary inside a comprehension.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


def length(node):
    count = 0
    while node is not None:
        count += 1
        node = node.next
    return count


def first_missing(values):
    i = 0
    while values.get(i) is None:
        i += 1
        if i > 5:
            break
    return i


scratch = 1


def forget():
    global scratch
    del scratch


adder = lambda a, b=2, *, c=3: a + b + c
x = y = z = [0]
signs = ["+" if v > 0 else "-" if v < 0 else "0" for v in (-1, 0, 1)]
print(length(Node(1, Node(2, Node(3)))), first_missing({0: "a", 1: None}), adder(1), adder(1, c=0))
forget()
print("scratch" in globals(), x is z, signs)
