del x, *y
