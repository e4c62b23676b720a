# Ends in ZeroDivisionError inside a function called from a loop.
def ratio(a, b):
    return a / b


total = 0
for d in [4, 2, 1, 0]:
    print("dividing by", d)
    total += ratio(12, d)
print(total)
