[*item for item in l]
