x = 5j1
