# Windows line endings only.
x = 1
if x:
    y = """a
b"""
print(x, y)
