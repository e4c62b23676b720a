f(x for x in L,)
