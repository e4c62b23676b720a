data = [1, 2, 3, 4]
if (n := len(data)) > 3:
    print("long", n)
while (chunk := data[:2]):
    data = data[2:]
    print(chunk)


def f(x):
    if (y := x * 2) > 5:
        return y
    return -y


print(f(1), f(3), (z := 10) + z)
