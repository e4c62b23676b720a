match x:
    case f(a, b=1, c):
        pass
