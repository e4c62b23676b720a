name = "world"
width = 8
value = 3.14159
print(f"hello {name}!", f"{value:.2f}", f"{name!r:>{width}}", f"{name=}", f"{{literal}}", f"", f"{1 + 2}{name}")
print(f"{value:{width}.{2}f}|", f"{'nested ' + f'{name}'}", f"{[1, 2][0]:03d}", "%s and %r" % (name, value))
