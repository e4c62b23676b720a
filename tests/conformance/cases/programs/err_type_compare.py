# TypeError: ordering int against str (inside max).
values = [3, 1, "2"]
print(max(values))
