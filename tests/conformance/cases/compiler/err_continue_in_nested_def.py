def f(x):
    def g():
        continue
    return g
