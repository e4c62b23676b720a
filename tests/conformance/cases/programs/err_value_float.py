# ValueError from float().
print(float("1e3"))
print(float("one"))
