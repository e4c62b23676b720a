# Form feed before a line and inside indentation.
x = 1
if x:
    y = 2
    z = 3
print(x, y, z)
