# String concatenation, repetition, indexing, slicing, comparison.
s = "hello"
t = "world"
print(s + " " + t, s * 3, 3 * "ab", "-" * 0, "x" * -2)
print(s[0], s[-1], s[1:3], s[:2], s[2:], s[::-1], s[::2], s[-3:-1])
print(s[10:], s[:-10], s[1:1], s[3:1], s[-100:100])
print(len(s), len(""), len(s + t), len("\t\n"))
print("abc" < "abd", "abc" < "ab", "B" < "a", "" < "a", "a" == "a", "a" != "b")
print("apple" > "Apple", "zeta" >= "zeta", "é" > "z")
w = "bytescope"
print(w[0:len(w):3], w[len(w) - 1], w[-len(w)])
print("a" in "cat", "at" in "cat", "" in "cat", "dog" in "cat", "x" not in "cat")
r = ""
for ch in "abcdef":
    r = ch + r
print(r)
word = "mississippi"
count = 0
for ch in word:
    if ch == "s":
        count += 1
print(count)
print(str(12) + str(3.5) + str(True) + str(None))
print("quote's", 'double"s', "back\\slash", "tab\there")
print(None)
print("multi\nline")
print("é" * 3, len("héllo"), "héllo"[1], "ñandú"[::-1])
