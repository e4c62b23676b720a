# f-strings: conversions, format specs, nested specs, self-documenting expressions.
name = "Ada"
value = 3.14159
width = 10
items = [1, 2]
print(f"{name}")
print(f"hello {name}!")
print(f"{name!r} {name!s} {name!a}")
print(f"{value:.2f} {value:{width}.3} {value!r:>12}")
print(f"{name=} {value=:.1f}")
print(f"{items[0] + items[1]} {len(name):03d} {'nested ' + name}")
print(f"{'{'}literal braces{'}'} {{}}")
