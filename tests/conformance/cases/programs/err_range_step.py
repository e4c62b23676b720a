# ValueError from range() with a zero step, computed at run time.
def stepped(start, stop, step):
    total = 0
    for i in range(start, stop, step):
        total += i
    return total


print(stepped(0, 10, 2), stepped(10, 0, -3))
print(stepped(0, 10, 0))
