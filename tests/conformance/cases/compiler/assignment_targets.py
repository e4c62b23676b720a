lst = [0, 1, 2, 3]
d = {}
lst[0] = lst[1] = 5
d["k"] = lst[2] = 7
i = 1
lst[i], lst[i + 1] = lst[i + 1], lst[i]
d[1], d[2] = 3, 4
d["a"], (d["b"], lst[3]) = 1, (2, 9)
print(lst, d)
