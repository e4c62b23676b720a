# raise ... from ...: the direct-cause message.
def load(key):
    table = {"a": 1}
    try:
        return table[key]
    except KeyError as e:
        raise LookupError("no such key") from e


print(load("a"))
load("b")
