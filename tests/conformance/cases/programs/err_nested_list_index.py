# IndexError through nested data in a function call chain.
def get(matrix, r, c):
    return matrix[r][c]


m = [[1, 2], [3, 4]]
total = 0
for r in range(2):
    for c in range(3):
        total += get(m, r, c)
print(total)
