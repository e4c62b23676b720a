cla{ss T(u.T):
    pass
