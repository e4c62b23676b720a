# A 40-line program inside the walking skeleton's subset.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def describe(values, label="values"):
    total = 0
    for v in values:
        total += v
    biggest = max(values)
    smallest = min(values)
    return label + ": " + str(total) + " " + str(biggest) + " " + str(smallest)


squares = []
for i in range(5):
    squares = squares + [i * i]
print(describe(squares))
print(describe((3, 1, 2), "tuple"))
a, b = 1, 2
a, b = b, a
print(a, b, a / b, a // b, -a % 3, 2 ** 100)
word = "bytescope"
print(word[1:4], word[::-1], len(word), word[-1])
table = {"one": 1, "two": 2}
table["three"] = 3
print(table, table["two"])
count = 0
while True:
    count += 1
    if count % 2 == 0:
        continue
    if count > 7:
        break
print("count", count, abs(-3.5), int("42") + 1, float("1.5"))
for ch in "abc":
    print(ch, end=" ")
print()
print(fib(20), not 0, 1 < 2 <= 3, None, 3 if a > b else 4)
print(str(3.0), 1e100, 0.1 + 0.2, 7 // -2, 2.5 * 4, True + True)
