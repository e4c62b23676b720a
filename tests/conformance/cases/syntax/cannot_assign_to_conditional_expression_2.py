a if 1 else b = 1
