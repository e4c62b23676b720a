# if/elif/else, while/else-free loops, nested loops, break and continue.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"


for v in [-5, 0, 3, 10, 99]:
    print(v, classify(v))
i = 0
while True:
    i += 1
    if i % 3 == 0:
        continue
    if i > 10:
        break
    print("i", i)
for a in range(3):
    for b in range(3):
        if b > a:
            break
        print(a, b, end="; ")
print()
found = None
for x in [4, 8, 15, 16, 23, 42]:
    if x % 5 == 0:
        found = x
        break
print("found", found)
n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
print("collatz", steps)
count = 0
for ch in "hello world":
    if ch == "o":
        continue
    count += 1
print(count)
