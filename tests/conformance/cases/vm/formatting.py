# f-strings, format() and str.format with the format specification mini-language.
name = "Ada"
n = 1234567
x = 3.14159
print(f"{name} has {n} items costing {x}")
print(f"{name!r} {name:>6}|{name:<6}|{name:^7}|{name:*^9}|{name:.2}")
print(f"{n:,} {n:_} {n:>12,} {n:012,} {-n:+,} {n:e} {n:.2%}")
print(f"{255:x} {255:#X} {255:08b} {255:#o} {255:_b} {65:c} {-42:=+8} {42: }")
print(f"{x:.2f} {x:10.3f} {-x:+.1f} {x:e} {x:.3E} {x:g} {x:%} {x:.0f}")
print(f"{0.125:.2f} {2.5:.0f} {1.5:.0f} {1e-7} {1e-7:g} {123.0:g} {1e16:g} {0.5:%}")
print(f"{1234567.891:,.2f} {1e20:f} {float('inf'):f} {float('nan'):.2f} {-0.0:.1f} {-0.0:z.1f}")
print(f"{1234.5:.3g} {0.0001234:.2g} {100000:g} {1.0:.3} {1e20:.3} {12.0:.3} {3.0:#g} {3.0:#.0f}")
print(f"{1.5:010.2f} {-1.5:010.2f} {1.5:^10} {1e6:_} {True} {True:d} {True:>5}")
print(format(7, "03d"), format(0.1, ".17g"), format(9.99, ".1f"), format("x", "^5"), format(12, "0<5"))
print("{} {}".format(1, 2), "{1}{0}".format("a", "b"), "{x}-{y!r}".format(x=1, y="s"))
print("{:>5}|{:.2f}|{{}}|{0[1]}".format("a", 3.14159) if False else "{:>5}|{:.2f}|{{}}".format("a", 3.14159))
print("{0[1]} {1[k]} {:{w}.{p}f}".format([1, 2], {"k": "v"}, 3.14159, w=8, p=2) if False else "{0[1]} {1[k]}".format([1, 2], {"k": "v"}))
print("{:{w}.{p}f}".format(3.14159, w=8, p=2), "{0:}".format(5), "{!s:>4}".format(1))
width = 6
for row in [(1, 2.5, "a"), (10, 22.25, "bb"), (100, 333.125, "ccc")]:
    print(f"|{row[0]:>{width}}|{row[1]:^{width}.1f}|{row[2]:<{width}}|")
print(f"{'nested ' + str(len(name))}", f"{n // 1000}k", f"{[1, 2]}", f"{ {'a': 1} }", f"{None}")
