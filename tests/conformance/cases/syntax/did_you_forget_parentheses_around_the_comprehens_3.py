{x,y for x,y in range(100)}
