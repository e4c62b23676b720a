/**
 * `x ** y` for doubles as glibc's pow computes it (CPython's float_pow calls libm pow): the
 * correctly rounded result, except within a few thousandths of an ulp of a rounding midpoint.
 * V8's Math.pow is off by one ulp on about a tenth of random inputs, so it cannot be used.
 *
 * The value is computed in double-double arithmetic (about 100 significant bits): integer
 * exponents by repeated squaring, others as exp(y * log(x)) with series for atanh and exp.
 * Rounding that to a double agrees with a correctly rounded pow unless the exact value lies
 * within about 2**-40 ulp of a midpoint.
 * CPython: Objects/floatobject.c (float_pow) -> the C library's pow().
 */

/** A double-double: the unevaluated sum hi + lo with |lo| <= ulp(hi) / 2. */
interface DD {
  hi: number;
  lo: number;
}

const SPLITTER = 134217729; // 2**27 + 1

function fastTwoSum(a: number, b: number): DD {
  const s = a + b;
  return { hi: s, lo: b - (s - a) };
}

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return { hi: s, lo: a - (s - bb) + (b - bb) };
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  let c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b);
  const bl = b - bh;
  return { hi: p, lo: ah * bh - p + ah * bl + al * bh + al * bl };
}

function add(a: DD, b: DD): DD {
  const s = twoSum(a.hi, b.hi);
  const t = twoSum(a.lo, b.lo);
  let r = fastTwoSum(s.hi, s.lo + t.hi);
  r = fastTwoSum(r.hi, r.lo + t.lo);
  return r;
}

function mul(a: DD, b: DD): DD {
  const p = twoProd(a.hi, b.hi);
  return fastTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

function div(a: DD, b: DD): DD {
  const q1 = a.hi / b.hi;
  let r = add(a, neg(mul(b, { hi: q1, lo: 0 })));
  const q2 = r.hi / b.hi;
  r = add(r, neg(mul(b, { hi: q2, lo: 0 })));
  const q3 = r.hi / b.hi;
  const q = fastTwoSum(q1, q2);
  return add(q, { hi: q3, lo: 0 });
}

function neg(a: DD): DD {
  return { hi: -a.hi, lo: -a.lo };
}

const LN2: DD = { hi: 0.6931471805599453, lo: 2.3190468138462996e-17 };
const ONE: DD = { hi: 1, lo: 0 };

/** 1/(2k+1) as double-doubles, for the atanh series. */
const ODD_RECIPROCALS: DD[] = Array.from({ length: 40 }, (_, k) => div(ONE, { hi: 2 * k + 1, lo: 0 }));
/** 1/n! as double-doubles, for the exp series. */
const INV_FACTORIALS: DD[] = (() => {
  const out: DD[] = [ONE];
  for (let n = 1; n < 24; n++) out.push(div(out[n - 1], { hi: n, lo: 0 }));
  return out;
})();

/** x = m * 2**e with m in [sqrt(1/2), sqrt(2)), for a finite positive x. */
function frexp(x: number): { m: number; e: number } {
  let e = 0;
  while (x >= 2 ** 512) {
    x *= 2 ** -512;
    e += 512;
  }
  while (x < 2 ** -512) {
    x *= 2 ** 512;
    e -= 512;
  }
  const k = Math.floor(Math.log2(x));
  let m = x * 2 ** -k;
  e += k;
  // Math.log2 may be off by one near powers of two; fix the range exactly.
  while (m >= 2) {
    m /= 2;
    e++;
  }
  while (m < 1) {
    m *= 2;
    e--;
  }
  if (m > Math.SQRT2) {
    m /= 2;
    e++;
  }
  return { m, e };
}

/** log(x) for finite x > 0: e*ln2 + 2*atanh((m-1)/(m+1)). */
function logDD(x: number): DD {
  const { m, e } = frexp(x);
  // m - 1 is exact (Sterbenz); m + 1 is kept exactly as a double-double.
  const s = div({ hi: m - 1, lo: 0 }, twoSum(m, 1));
  const s2 = mul(s, s);
  let term = s;
  let sum = s;
  for (let k = 1; k < ODD_RECIPROCALS.length; k++) {
    term = mul(term, s2);
    const t = mul(term, ODD_RECIPROCALS[k]);
    sum = add(sum, t);
    if (Math.abs(t.hi) < Math.abs(sum.hi) * 1e-33) break;
  }
  const logm = { hi: 2 * sum.hi, lo: 2 * sum.lo };
  return add(mul(LN2, { hi: e, lo: 0 }), logm);
}

/** exp(t) for a double-double t, or undefined on overflow; `scale` is left as a power of two. */
function expDD(t: DD): { v: DD; k: number } {
  const k = Math.round(t.hi / LN2.hi);
  let r = add(t, neg(mul(LN2, { hi: k, lo: 0 })));
  // exp(r) = exp(r / 2**10) ** (2**10): the series converges in a dozen terms.
  r = { hi: r.hi / 1024, lo: r.lo / 1024 };
  let sum = ONE;
  let power = ONE;
  for (let n = 1; n < INV_FACTORIALS.length; n++) {
    power = mul(power, r);
    const term = mul(power, INV_FACTORIALS[n]);
    sum = add(sum, term);
    if (Math.abs(term.hi) < 1e-33) break;
  }
  for (let i = 0; i < 10; i++) sum = mul(sum, sum);
  return { v: sum, k };
}

/** value * 2**k for a double, without intermediate overflow or underflow. */
function scale(value: number, k: number): number {
  while (k > 1000) {
    value *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    value *= 2 ** -1000;
    k += 1000;
  }
  return value * 2 ** k;
}

/**
 * x ** y for finite x > 0 with x != 1 and finite y != 0 (the special cases are float_pow's).
 * Returns Infinity on overflow and 0 on total underflow.
 */
export function powPositive(x: number, y: number): number {
  if (Number.isInteger(y) && Math.abs(y) <= 1024) {
    let n = Math.abs(y);
    // Keep the running power in range: factor x = m * 2**e and track the exponent separately.
    const { m, e } = frexp(x);
    let base: DD = { hi: m, lo: 0 };
    let acc: DD = ONE;
    let accExp = 0;
    let baseExp = e;
    while (n > 0) {
      if (n & 1) {
        acc = mul(acc, base);
        accExp += baseExp;
        const f = frexp(acc.hi);
        acc = { hi: acc.hi * 2 ** -f.e, lo: acc.lo * 2 ** -f.e };
        accExp += f.e;
      }
      n = Math.floor(n / 2);
      if (n > 0) {
        base = mul(base, base);
        baseExp *= 2;
        const f = frexp(base.hi);
        base = { hi: base.hi * 2 ** -f.e, lo: base.lo * 2 ** -f.e };
        baseExp += f.e;
      }
    }
    if (y < 0) {
      acc = div(ONE, acc);
      accExp = -accExp;
    }
    if (accExp > 1100) return Infinity;
    if (accExp < -1200) return 0;
    return scale(acc.hi + acc.lo, accExp);
  }
  const l = logDD(x);
  const t = mul(l, { hi: y, lo: 0 });
  if (t.hi > 710) return Infinity;
  if (t.hi < -746) return 0;
  const { v, k } = expDD(t);
  return scale(v.hi + v.lo, k);
}
