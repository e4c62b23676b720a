from __future__ import generators, nope
