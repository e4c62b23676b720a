# Nested loops with integer arithmetic: matrix multiplication on lists of lists.


def make(n, seed):
    m = []
    for i in range(n):
        row = []
        for j in range(n):
            seed = (seed * 1103515245 + 12345) % 2147483648
            row.append(seed % 100 - 50)
        m.append(row)
    return m


def matmul(a, b):
    n = len(a)
    p = len(b[0])
    k = len(b)
    c = []
    for i in range(n):
        ai = a[i]
        row = [0] * p
        for t in range(k):
            x = ai[t]
            bt = b[t]
            for j in range(p):
                row[j] += x * bt[j]
        c.append(row)
    return c


a = make(170, 1)
b = make(170, 2)
c = matmul(a, b)
c = matmul(c, a)
print(c[0][:5], c[-1][-5:])
trace = 0
for i in range(len(c)):
    trace += c[i][i]
print(trace)
