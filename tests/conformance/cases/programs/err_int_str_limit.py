# The 4300-digit limit on int -> str conversion.
n = 10 ** 4299
s = str(n)
print(len(s), s[:5])
big = n * 10
print(len(str(big)))
