def f(x, y, z=1, w): pass
