# Bitwise operators and shifts on small and large ints.
a = 0b1011
b = 0x0F
print(a & b, a | b, a ^ b, ~a, ~0, ~-1)
print(1 << 10, 1 << 62, 1 << 100, 5 >> 1, -5 >> 1, -1 >> 100)
print(255 & -256, -1 & 255, -8 | 3, -8 ^ 3)
big = 2 ** 70 + 12345
print(big & 0xFFFF, big | 1, big ^ big, big >> 60, big << 3)
print(-big & 0xFF, ~big, -big >> 10)
x = 1
for i in range(8):
    x = (x << 3) ^ i
    print(x, x & 7, x >> 4)
print(True & False, True | False, True ^ True, ~True)
print(3 & True, 2 | False)
y = 12
y <<= 2
y |= 1
y ^= 0b101
y &= 0b111111
y >>= 1
print(y)
