s = "abcdefghij"
print(s[1:4], s[:3], s[7:], s[:], s[::2], s[::-1], s[1:8:3], s[-3:], s[:-1], s[-1])
lst = list(range(10))
lst[2:4] = ["x", "y"]
lst[::3] = [0, 0, 0, 0]
del lst[1:2]
del lst[0]
print(lst, lst[1:-1:2], lst[len(lst) // 2])
n = 2
print(s[n:], s[:n], s[n:n + 3], s[n::n], s[::n])
print("abc"[1], "abc"[-1], (1, 2, 3)[0], b"xyz"[2], "abc"[True])
