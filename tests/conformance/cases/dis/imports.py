# Imports: plain, dotted, aliased, from-imports, star import.
import os
import os.path
import collections.abc as cabc
from math import pi, sqrt as root
from json import *
from itertools import (chain,
                       islice)


def local_import():
    import string
    from functools import reduce
    return string.digits[:3], reduce(lambda a, b: a + b, [1, 2, 3])


print(os.sep, os.path.basename("/a/b"), cabc.Sequence.__name__, round(pi, 2), root(16))
print(dumps([1]), list(chain([1], [2])), list(islice("abc", 2)), local_import())
