x = (1 +
     2 +
     3)
y = [
    1,
    x,
    3,
]
z = {
    "a": x,
    "b": y,
}
print(
    x,
    y,
    z,
)
result = max(
    x,
    len(y)) + \
    min(1,
        2)
if (x and
        y):
    print("multi-line condition")
total = 0
for i in range(
        3):
    total += i; total -= 1
a = 1; b = 2; c = a + b
s = ("abc"
     "def")
print(total, a, b, c, s, result)


def f(a,
      b=1,
      c=2):
    return (a
            + b
            + c)


print(f(
    1), f(1,
          2))
