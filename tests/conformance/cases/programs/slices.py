# Slice semantics on str, list and tuple: negative, out of range, steps.
s = "0123456789"
print(s[2:5], s[-3:], s[:-3], s[::3], s[1::3], s[8:2:-2], s[-1:-4:-1])
print(s[100:], s[-100:3], s[3:100], s[5:2], s[::-1][::-1] == s)
L = list(range(10))
print(L[2:8:2], L[8:2:-2], L[::-3], L[-2::-4])
t = tuple(L)
print(t[3:6], t[:100], t[-100:-7])
for start in [None, 0, 3, -2]:
    for stop in [None, 5, -1]:
        print(s[start:stop], end=" ")
print()
for step in [1, 2, -1, -3]:
    print(s[::step], L[::step][:3])
print(s[True:3], s[:False])
print(s[2 ** 70:], s[-2 ** 70:2])
