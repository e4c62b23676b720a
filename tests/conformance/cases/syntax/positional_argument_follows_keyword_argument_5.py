class C(x=1, y): pass
