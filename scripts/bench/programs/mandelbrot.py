# Float arithmetic in nested while loops: an ASCII Mandelbrot set, escape counts summed.


def mandelbrot(width, height, limit):
    rows = []
    total = 0
    for py in range(height):
        ci = py * 2.0 / height - 1.0
        row = []
        for px in range(width):
            cr = px * 3.0 / width - 2.0
            zr = 0.0
            zi = 0.0
            n = 0
            while n < limit and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            total += n
            row.append("#" if n == limit else " .:-=+*%@"[n % 9])
        rows.append("".join(row))
    return rows, total


rows, total = mandelbrot(240, 120, 600)
for r in rows[::12]:
    print(r)
print(total)
