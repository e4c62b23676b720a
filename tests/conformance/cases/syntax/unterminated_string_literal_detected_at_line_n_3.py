'abc
def'
