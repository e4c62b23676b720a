x = y[b c for c in d]
