# Compile-time SyntaxWarnings are printed to stderr before the program runs.
x = 1
if x is 1:
    print("one")
if x is not 2:
    print("not two")
pairs = [(1, 2) (3, 4)] if x == 0 else []
print(pairs)
