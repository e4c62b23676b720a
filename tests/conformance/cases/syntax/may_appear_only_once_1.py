lambda a, /, /: 0
