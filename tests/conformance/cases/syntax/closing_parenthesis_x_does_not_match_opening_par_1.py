print[1)
