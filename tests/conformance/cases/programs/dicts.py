# Dicts: displays, lookup, insertion order, update, deletion, key equality.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d), d["a"])
del d["b"]
print(d)
d["b"] = 200
print(d)
mixed = {1: "int", 1.0: "float", True: "bool"}
print(mixed, len(mixed))
keys = {(1, 2): "tuple", None: "none", 3.5: "float", -7: "neg"}
print(keys[(1, 2)], keys[None], keys[3.5], keys[-7])
print("a" in d, "z" in d, "z" not in d, 1 in mixed, 1.0 in mixed)
counts = {}
for ch in "abracadabra":
    if ch in counts:
        counts[ch] += 1
    else:
        counts[ch] = 1
print(counts)
empty = {}
print(empty, len(empty), bool(empty))
nested = {"x": {"y": [1, 2, {"z": None}]}}
print(nested["x"]["y"][2]["z"], nested)
big = {}
for i in range(20):
    big[i * i % 7] = i
print(big)
print({"a": 1} == {"a": 1.0}, {1: 2} != {1: 3})
print(dict(a=1, b=2), dict([(1, 2), (3, 4)]))
k = {2 ** 64: "big", 2.0 ** 64: "float big"}
print(k)
print({"s": "str", 's': 'again'})
