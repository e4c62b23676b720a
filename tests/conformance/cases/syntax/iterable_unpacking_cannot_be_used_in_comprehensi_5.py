[*[] for i in range(10)]
