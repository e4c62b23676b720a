# The site builtins exit() and quit(): their repr, and exit(2) ending the program quietly.
print(exit, quit)
for i in range(5):
    print(i)
    if i == 2:
        exit(2)
