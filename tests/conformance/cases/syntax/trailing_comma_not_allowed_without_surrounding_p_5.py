from x import (a, b,)
from y import c,
