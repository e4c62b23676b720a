a, b, c = 0, 1, 2
print(a and b, a or b, b and c, a or b or c, a and b and c)
print(not a, not b, not not c)
v = a or b and c
w = (a or b) and c
u = a and b or c
t = a or (b and c) or None
print(v, w, u, t)
if a or b:
    print("or")
if a and b:
    print("and")
if not a and not b:
    print("nand")
x = not (a is None)
y = not (a in [1, 2])
z = not (a == b)
print(x, y, z)
