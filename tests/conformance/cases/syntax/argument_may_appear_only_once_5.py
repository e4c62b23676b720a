def f(a, *args, *more): pass
