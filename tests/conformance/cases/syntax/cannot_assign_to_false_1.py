f(False=1)
