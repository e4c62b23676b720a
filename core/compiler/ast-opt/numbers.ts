/**
 * Python's numeric semantics on the compiler's constant values, where they differ from plain
 * JavaScript: floor division and modulo with Python's sign rules, correctly rounded int true
 * division, int-to-float conversion with overflow, float floor division/modulo/power, and
 * complex division. Every function returns `undefined` where Python raises (the folder then
 * leaves the expression alone), and `UNSUPPORTED` where we cannot be sure to produce the very
 * double CPython would (the folder then refuses to compile rather than guess).
 * CPython: Objects/longobject.c, Objects/floatobject.c, Objects/complexobject.c.
 */

import { UNSUPPORTED, bitLength, type Unsupported } from './bits.js';
import { powFractional } from './pow.js';

export { UNSUPPORTED, bitLength, type Unsupported } from './bits.js';

/** Python's `//` on ints; undefined on division by zero. */
export function intFloorDiv(a: bigint, b: bigint): bigint | undefined {
  if (b === 0n) return undefined;
  let q = a / b;
  if (a % b !== 0n && a < 0n !== b < 0n) q -= 1n;
  return q;
}

/** Python's `%` on ints (result has the divisor's sign); undefined on division by zero. */
export function intMod(a: bigint, b: bigint): bigint | undefined {
  if (b === 0n) return undefined;
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}

/** Python's `>>` on ints; undefined for a negative count. */
export function intRshift(a: bigint, n: bigint): bigint | undefined {
  if (n < 0n) return undefined;
  if (n >= BigInt(bitLength(a) + 1)) return a < 0n ? -1n : 0n;
  return a >> n;
}

/** int -> float as PyLong_AsDouble (round half to even); undefined on overflow. */
export function intToFloat(v: bigint): number | undefined {
  const x = Number(v);
  return Number.isFinite(x) ? x : undefined;
}

const TWO53 = 2n ** 53n;

/** int / int, correctly rounded (long_true_divide); undefined on zero division or overflow. */
export function intTrueDiv(a: bigint, b: bigint): number | undefined | Unsupported {
  if (b === 0n) return undefined;
  const neg = a < 0n !== b < 0n;
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  let r: number | undefined | Unsupported;
  if (a <= TWO53 && b <= TWO53) r = Number(a) / Number(b);
  else if (a === 0n) r = 0;
  else r = ratioToDouble(a, b, 0);
  if (typeof r !== 'number') return r;
  return neg ? -r : r;
}

/** Python's float `%` (float_rem); undefined when the divisor is zero. */
export function floatMod(vx: number, wx: number): number | undefined {
  if (wx === 0) return undefined;
  let mod = vx % wx;
  if (mod) {
    if (wx < 0 !== mod < 0) mod += wx;
  } else {
    mod = wx < 0 || Object.is(wx, -0) ? -0 : 0;
  }
  return mod;
}

/** Python's float `//` (float_floor_div via _float_div_mod); undefined when the divisor is zero. */
export function floatFloorDiv(vx: number, wx: number): number | undefined {
  if (wx === 0) return undefined;
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1.0;
    }
  }
  if (div) {
    let floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
    return floordiv;
  }
  const q = vx / wx;
  return q < 0 || Object.is(q, -0) ? -0 : 0;
}

function isOddInteger(x: number): boolean {
  return Number.isFinite(x) && Math.floor(x) === x && Math.abs(x % 2) === 1;
}

/**
 * Python's float `**` (float_pow), for finite results computed exactly: integer exponents are
 * evaluated in exact rational arithmetic and rounded once, which is what a correctly rounded
 * libm pow returns. Fractional exponents of other bases are UNSUPPORTED; negative bases with
 * fractional exponents give complex numbers in Python, also UNSUPPORTED.
 */
export function floatPow(iv: number, iw: number): number | undefined | Unsupported {
  if (iw === 0) return 1.0;
  if (Number.isNaN(iv)) return iv;
  if (Number.isNaN(iw)) return iv === 1.0 ? 1.0 : iw;
  if (!Number.isFinite(iw)) {
    const av = Math.abs(iv);
    if (av === 1.0) return 1.0;
    if (iw > 0 === av > 1.0) return Math.abs(iw);
    return 0.0;
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0) return odd ? iv : Math.abs(iv);
    return odd ? (iv < 0 ? -0 : 0) : 0.0;
  }
  if (iv === 0) {
    if (iw < 0) return undefined;
    return isOddInteger(iw) ? iv : 0.0;
  }
  let negate = false;
  if (iv < 0) {
    if (iw !== Math.floor(iw)) return UNSUPPORTED;
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1.0) return negate ? -1.0 : 1.0;
  const r = iw === Math.floor(iw) && Math.abs(iw) <= 4096 ? exactPow(iv, iw) : powFractional(iv, iw);
  if (r === undefined || r === UNSUPPORTED) return r;
  return negate ? -r : r;
}

/** x ** n for finite x > 0 and integer n, rounded once to the nearest double. */
function exactPow(x: number, n: number): number | undefined | Unsupported {
  const [m, e] = decompose(x);
  const mn = m ** BigInt(Math.abs(n));
  // (m * 2**e) ** n = m**n * 2**(e*n), a ratio when n < 0.
  return n > 0 ? ratioToDouble(mn, 1n, e * n, true) : ratioToDouble(1n, mn, e * n, true);
}

/** x = m * 2**e with m an odd integer (x > 0). */
function decompose(x: number): [bigint, number] {
  let e = 0;
  while (!Number.isInteger(x)) {
    x *= 2;
    e -= 1;
  }
  let m = BigInt(x);
  while ((m & 1n) === 0n) {
    m >>= 1n;
    e += 1;
  }
  return [m, e];
}

/**
 * num/den * 2**exp (num, den > 0) rounded half-even to a double; undefined on overflow,
 * UNSUPPORTED when the result would be subnormal. With `libm`, the value stands for a libm
 * result, only trusted to be correctly rounded away from rounding midpoints (see pow.ts).
 */
function ratioToDouble(num: bigint, den: bigint, exp: number, libm = false): number | undefined | Unsupported {
  // Scale so the integer quotient has 2-3 bits (70 for libm) beyond 53, then round with a sticky remainder.
  const shift = bitLength(num) - bitLength(den) - (libm ? 70 : 55);
  let q: bigint;
  let rem: bigint;
  if (shift >= 0) {
    const d = den << BigInt(shift);
    q = num / d;
    rem = num % d;
  } else {
    const s = num << BigInt(-shift);
    q = s / den;
    rem = s % den;
  }
  const extra = bitLength(q) - 53;
  let mant = q >> BigInt(extra);
  const dropped = q & ((1n << BigInt(extra)) - 1n);
  const half = 1n << BigInt(extra - 1);
  if (libm && !(dropped === 0n && rem === 0n)) {
    const distance = dropped >= half ? dropped - half : half - dropped;
    if (distance < 1n << BigInt(extra - 7)) return UNSUPPORTED;
  }
  if (dropped > half || (dropped === half && (rem !== 0n || (mant & 1n) === 1n))) mant += 1n;
  let e2 = exp + shift + extra;
  const top = e2 + bitLength(mant) - 1;
  if (top > 1023) return undefined;
  if (top < -1022) {
    // A subnormal result is trusted only when exact (a power of two, say) and representable.
    if (dropped !== 0n || rem !== 0n) return UNSUPPORTED;
    while ((mant & 1n) === 0n) {
      mant >>= 1n;
      e2++;
    }
    if (e2 < -1074) return UNSUPPORTED;
  }
  if (e2 >= -1000) return Number(mant) * 2 ** e2;
  // Two exact scalings keep every intermediate a normal double.
  return Number(mant) * 2 ** (e2 + 200) * 2 ** -200;
}

/** Complex division (_Py_c_quot); undefined on division by zero. */
export function complexDiv(ar: number, ai: number, br: number, bi: number): [number, number] | undefined {
  const absBr = br < 0 ? -br : br;
  const absBi = bi < 0 ? -bi : bi;
  if (absBr >= absBi) {
    if (absBr === 0.0) return undefined;
    const ratio = bi / br;
    const denom = br + bi * ratio;
    return [(ar + ai * ratio) / denom, (ai - ar * ratio) / denom];
  }
  if (absBi >= absBr) {
    const ratio = br / bi;
    const denom = br * ratio + bi;
    return [(ar * ratio + ai) / denom, (ai * ratio - ar) / denom];
  }
  return [NaN, NaN];
}
