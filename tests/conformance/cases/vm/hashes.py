# hash() of ints, floats, strs, tuples and None-free values under PYTHONHASHSEED=0.
print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 64)), hash(10 ** 30))
print(hash(1.0), hash(1.5), hash(-0.5), hash(0.1), hash(1e300), hash(float("inf")), hash(-float("inf")))
print(hash(""), hash("a"), hash("abc"), hash("hello world"), hash("é"), hash("日本"), hash("😀"))
print(hash(()), hash((1, 2)), hash((1, "a", 2.5)), hash(((1,), ())), hash(True), hash(False))
print(hash(1) == hash(1.0) == hash(True), hash("abc") == hash("ab" + "c"))
