# Non-ASCII strings: code points, slicing, comparison, repr in containers.
s = "naïve café"
print(s, len(s), s[2], s[-1], s[5:])
e = "😀 grin"
print(e, len(e), e[0], e[1:], e[::-1])
mixed = ["ä", "€", "😀", "a"]
print(mixed, len(mixed[2]))
print("Ω" < "😀", "\uffff" < "😀", "z" < "ä")
print(("α", "β"), {"κ": "λ"})
print("日本語"[1], len("日本語"), "日本語" * 2)
print(["tab\t", "nl\n", "quote'", 'dq"', "both'\""])
print(["\x00", "\x7f", "\x80", "\xa0", "\u200b", "\U0001f600"])
t = ""
for ch in "añb😀c":
    t = t + "[" + ch + "]"
print(t, len(t))
print(str("😀") == "😀", "😀" in "a😀b")
