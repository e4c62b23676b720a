a, b, c = 1, 0, 2
if a:
    if b:
        print("a and b")
    elif c:
        if c > 1:
            print("c big")
        else:
            print("c small")
    else:
        print("neither")
elif b:
    print("only b")
if a and b or c:
    print("mixed")
if not (a or b):
    print("none")
if a if b else c:
    print("ifexp test")
if a < b < c:
    print("chain")
if not a < b:
    print("not lt")
