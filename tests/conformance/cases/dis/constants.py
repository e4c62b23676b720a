"""Module docstring: constants of every marshal type."""
big = 123456789012345678901234567890
negative_big = -(2 ** 70)
small = -5, 256, 257, 2 ** 31, -(2 ** 31) - 1
floats = 0.0, -0.0, 1e300, 1e-300, 1e999, -1e999, 0.1
complexes = 1j, 2 + 3j, -0j, 1e999j
raw = b"", b"a", b"bytes\x00\xff", bytes(3)
text = "", "a", "\xe9", "\u20ac", "\U0001f600", "tab\there", "quote's", 'dq"'
long_text = "x" * 300
literal_long = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"
nested = ((1, 2), ("a", ("b",)), ())
ellipsis = ...
flags = True, False, None


def with_doc():
    "Function docstring."
    return 1000, 1000.0, 1000j


def shares():
    return 1000, "shared text", (1, 2)


print(big, negative_big, small, floats, complexes, raw, text, len(long_text), len(literal_long))
print(nested, ellipsis, flags, with_doc(), shares(), with_doc.__doc__)
