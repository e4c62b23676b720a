# Sorting and closures: sorted()/list.sort with key functions made by closures.


def make_key(weights):
    def key(row):
        s = 0
        for w, v in zip(weights, row):
            s += w * v
        return s
    return key


def make_counter():
    count = 0

    def tick(x):
        nonlocal count
        count += 1
        return x % 1000
    return tick, lambda: count


seed = 42
rows = []
for i in range(120000):
    row = []
    for j in range(4):
        seed = (seed * 69069 + 1) % 4294967296
        row.append(seed % 1000)
    rows.append(row)

key = make_key([3, -1, 2, 5])
a = sorted(rows, key=key)
print(a[0], a[-1], key(a[len(a) // 2]))
b = sorted(rows, key=lambda r: (r[1], -r[2]), reverse=True)
print(b[0], b[-1])
tick, ticks = make_counter()
flat = [r[0] * 1000 + r[3] for r in rows]
flat.sort(key=tick)
print(flat[:5], flat[-5:], ticks())
words = [str(v) for v in flat[:100000]]
words.sort()
print(words[:3], words[-3:])
words.sort(key=len)
print(words[:3], words[-3:], max(rows, key=key), min(rows, key=key))
