#!/usr/bin/env python3
"""How far from correct rounding is this machine's libm pow()? (Evidence for core/compiler/ast-opt/pow.ts.)

CPython folds `x ** y` on floats by calling the C library's pow(), which is not correctly
rounded. For random (x, y) this computes the true value with 45-digit Decimal arithmetic, the
correctly rounded double, and how far the true value lies from the nearest rounding midpoint
(in ulps); every case where Python's result differs from the correctly rounded one is listed,
farthest first. The compiler refuses to fold values closer to a midpoint than its margin, which
must stay above the largest distance seen here (glibc 2.3x: about 0.005 ulp in 120k samples).
Usage: study-libm-pow.py [SAMPLES]
"""
import sys
import random, math
from decimal import Decimal, getcontext
from fractions import Fraction
getcontext().prec = 45
random.seed(1)
worst = []
n = 0
for i in range(int(sys.argv[1]) if len(sys.argv) > 1 else 150000):
    x = math.exp(random.uniform(-40, 40)) if random.random() < 0.7 else random.choice([2,3,5,6,7,10,0.1,0.5,1.5,2.5]) * random.uniform(0.5, 2)
    r = random.random()
    if r < 0.4: y = random.randint(-60, 60) / random.choice([2, 3, 4, 5, 8, 10])
    elif r < 0.7: y = random.uniform(-30, 30)
    else: y = float(random.randint(-300, 300))
    if y == 0 or x == 1: continue
    try:
        got = x ** y
    except OverflowError:
        continue
    if not (2.2250738585072014e-308 < abs(got) < 1e308): continue
    t = Decimal(x).ln() * Decimal(y)
    v = t.exp()
    F = Fraction(v)
    m, e = math.frexp(float(F))
    ulp = Fraction(2) ** (e - 53)
    q = F / ulp
    fl = math.floor(q)
    frac = q - fl
    cr = float(fl * ulp) if frac < Fraction(1, 2) else float((fl + 1) * ulp)
    dist = float(abs(frac - Fraction(1, 2)))
    n += 1
    if cr != got:
        worst.append((dist, float(t), x, y))
worst.sort(reverse=True)
print('samples', n, 'mismatches', len(worst))
for w in worst[:15]: print('dist %.6f  t=%.3f  x=%r y=%r' % w)
