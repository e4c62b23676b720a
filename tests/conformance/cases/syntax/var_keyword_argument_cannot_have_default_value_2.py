def f(**b=1): pass
