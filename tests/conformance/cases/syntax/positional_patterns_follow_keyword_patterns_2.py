match x:
    case f(a=1, b):
        pass
