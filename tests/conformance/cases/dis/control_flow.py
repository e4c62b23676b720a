# Branches and loops: elif chains, while/else, for/else, boolean operators, conditional
# expressions, chained comparisons, identity and membership tests.
def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70 and score != 75:
        return "C"
    else:
        return "F"


def search(items, wanted):
    for i, item in enumerate(items):
        if item == wanted:
            break
    else:
        return -1
    return i


def spin(n):
    while n:
        n -= 1
        if n == 3:
            continue
    else:
        n = "done"
    return n


def logic(a, b, c):
    first = a and b or c
    second = not a or (b and not c)
    third = a if b else c
    fourth = 0 < a <= b < 10
    fifth = a is None or b is not None
    sixth = a in (1, 2) and c not in [3, 4]
    return first, second, third, fourth, fifth, sixth


print(grade(95), grade(85), grade(75), grade(72), grade(10))
print(search("abc", "c"), search("abc", "z"), spin(5))
print(logic(1, 2, 3), logic(0, None, 5), -(~5), +3, not 0)
