# UnboundLocalError: assigning a global's name inside a function.
count = 0


def bump():
    count += 1
    return count


print(bump())
