total = 0
for i in range(10):
    total += i
for ch in "abc":
    print(ch)
for x in [1, 2, 3]:
    total -= x
for x in (4, 5):
    pass
else:
    print("done")
for a in [total, i]:
    print(a)
for i in range(3):
    for j in range(3):
        if j == 1:
            break
        if i == 2:
            continue
        print(i, j)
print(total)
