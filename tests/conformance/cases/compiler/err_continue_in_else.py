while True:
    pass
else:
    continue
