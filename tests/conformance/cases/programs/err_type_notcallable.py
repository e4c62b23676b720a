# TypeError: calling a non-callable.
total = 10
print(total)
result = total(5)
