def set_it(v):
    global value, other
    value = v
    other = v * 2


def del_it():
    global value
    del value


set_it(3)
print(value, other)
del_it()
x = 1
del x
