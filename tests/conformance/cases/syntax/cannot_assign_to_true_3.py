True = True = 3
