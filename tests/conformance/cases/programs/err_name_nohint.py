# NameError with no suggestion.
a = 1
b = 2
print(a + b)
print(zzzzzz_unknown)
