# Truthiness, bool arithmetic, None comparisons, and/or/not values.
print(True + True, True * 10, False - 1, True / 2, True // True)
print(not 0, not 1, not "", not "a", not [], not [0], not (), not {}, not None)
print(0 or "default", "" or 0 or None, 5 and 6, 0 and 6, None or [], [] and 1)
print(1 and 2 or 3, 0 and 2 or 3, 1 or 2 and 3)
print(None is None, None == None, None != 0, 0 == False, 1 == True, 2 == True)
one = 1
print(True is True, False is not True, one is not None)
print(bool(0), bool(1), bool(-1), bool(0.0), bool(0.1), bool(""), bool(" "), bool([]), bool([[]]))
print(bool(None), bool(()), bool((0,)), bool({}), bool({0: 0}), bool(range(0)), bool(range(1)))
x = None
if x is None:
    print("x is None")
if not x:
    print("falsy")
y = 0
z = y or 42
print(z)
print(True < 2, False < True, max(True, 0), min(False, -1))
print(str(True), str(False), str(None), int(True), float(False))
print(3 if True else 4, 3 if None else 4, "yes" if [1] else "no")
print(True == 1.0, 1 == 1.0 == True)
print((1, True), [False, None])
