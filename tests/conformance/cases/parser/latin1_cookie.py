# -*- coding: latin-1 -*-
# The cookie makes these Latin-1 bytes: éèà
s = "café naïve"
print(s, len(s))
