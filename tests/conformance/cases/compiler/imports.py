import os
import os.path
import collections.abc as cabc
from math import sqrt, pi as PI
from os import *


def local_import():
    import json
    from json import dumps as d
    return d(json.loads("[1]"))


print(os.sep, os.path.basename("/a/b"), cabc.Sized, sqrt(4.0), PI > 3, local_import(), getcwd() != "")
