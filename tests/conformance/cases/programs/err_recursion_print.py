# RecursionError inside print() at the recursion limit.
def walk(n):
    if n % 100 == 0:
        print(n)
    walk(n + 1)


walk(0)
