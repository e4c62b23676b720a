# UnboundLocalError: a local set only on one branch.
def pick(flag):
    if flag:
        value = "yes"
    return value


print(pick(True))
print(pick(False))
