match x:
    case _ as y:
        pass
    case y as _:
        pass
