result = []
for i in range(4):
    j = 0
    while j < 4:
        j += 1
        if (i + j) % 2:
            continue
        if j > i:
            break
        for k in "xy":
            if k == "y":
                break
            result = result + [(i, j, k)]
    else:
        result = result + [None]
print(result)
