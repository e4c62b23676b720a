# del of names, list items and dict entries, then a NameError for the deleted name.
a = 1
b = [1, 2, 3]
c = {"x": 1, "y": 2}
del b[0], c["x"]
print(b, c)
del a
x = 5
del x
x = 6
print(x)
print(a)
