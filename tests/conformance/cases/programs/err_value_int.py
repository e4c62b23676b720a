# ValueError from int() of a non-numeric string.
inputs = ["12", " 7 ", "3.5"]
for s in inputs:
    print(int(s) * 2)
