# NameError with a "Did you mean" hint from the globals.
counter = 0
for i in range(3):
    counter += i
print(countr)
