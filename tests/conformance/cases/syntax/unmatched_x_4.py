print('x' * 3))
