print(1, end="", end="x")
