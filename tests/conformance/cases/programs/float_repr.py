# repr of floats across magnitudes, through str() and print.
values = [0.1, 0.5, 1.0, 1.5, 100.0, 1234.5, 1e15, 9999999999999998.0, 1e16, 1.2e17]
for v in values:
    print(v, str(v), -v)
small = [0.001, 0.0001, 0.00001, 0.000012345, 1.5e-10, 3e-300]
for v in small:
    print(v)
print(2.0 / 3.0, 10.0 / 3.0, 100.0 / 7.0)
print(0.1 * 0.1, 0.7 + 0.1, 4.35 * 100, 1.1 + 2.2)
print(float("1.5"), float("  -2.25 "), float("1e3"), float("1_000.5"), float(".5"), float("5."))
print(float("inf"), float("-inf"), float("nan"), float("Infinity"), float("-iNF"))
print(float(True), float(False), float("0"), float("-0"))
print(str(1e16), str(1.0e-5), str(123.0), str(-0.5))
x = 0.0
i = 0
while i < 10:
    x += 0.1
    i += 1
print(x, x == 1.0)
print(1e308 * 10, -1e308 * 10)
print(3.0 * (1 / 3.0), 1 / 49 * 49)
