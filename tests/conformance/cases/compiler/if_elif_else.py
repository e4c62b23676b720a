x = 5
if x < 3:
    print("small")
elif x < 10:
    print("medium")
else:
    print("large")
if x:
    pass
if not x:
    y = 1
else:
    y = 2
print(y)
