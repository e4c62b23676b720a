i = 0
while i < 10:
    i += 1
    if i == 3:
        continue
    if i == 8:
        break
else:
    print("no break")
print(i)
n = 0
while True:
    n += 2
    if n > 6:
        break
while 1:
    break
while 0:
    print("never")
print(n)
