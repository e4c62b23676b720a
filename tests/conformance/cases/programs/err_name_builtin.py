# NameError for a misspelled builtin, and one with no close match.
print("start")
x = lenn([1, 2])
