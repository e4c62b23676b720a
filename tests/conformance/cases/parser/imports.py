# Every import form (the relative ones are never executed: a script has no parent package).
import os
import os.path
import os.path as osp, sys
import collections.abc as abc
from os import path
from os import path as p, sep
from os import (path, sep,)
from os import (path as pp,
                sep as ss)
from os.path import *
if False:
    from . import sibling
    from .. import parent
    from ...pkg import thing as other
    from .... import four
    from .....deep.module import (a, b as c)
    from .mod import *
    import a.b.c.d as e
print(osp.basename('/x/y'), abc.Sized, p is path, ss == sep)
