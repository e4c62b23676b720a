def f():
    x = 2
    global x
