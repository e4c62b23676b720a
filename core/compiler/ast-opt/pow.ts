/**
 * `x ** y` on doubles, as CPython folds it by calling the C library's pow(). glibc's pow is
 * not correctly rounded: its result before the final rounding is off by a few thousandths of
 * an ulp, so it returns the correctly rounded double unless the true value lies that close to a
 * rounding midpoint (scripts/study-libm-pow.py: 98 misroundings in 121k random cases, all within
 * 0.0051 ulp of a midpoint). We compute x ** y with 320-bit fixed-point logarithm and exponential
 * (BigInt), round it ourselves, and refuse (UNSUPPORTED) when the value lies within 2**-7 ulp
 * (0.0078) of a midpoint (about 1.6% of random inputs), or is subnormal.
 * CPython: Objects/floatobject.c (float_pow) -> libm pow.
 */
import { UNSUPPORTED, type Unsupported, bitLength } from './bits.js';

const F = 320n; // fractional bits of the fixed-point numbers
const ONE = 1n << F;

/** atanh(num/den) * 2**F for 0 <= num/den <= 1/3. */
function atanhFixed(num: bigint, den: bigint): bigint {
  const z = (num << F) / den;
  const z2 = (z * z) >> F;
  let term = z;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k;
    term = (term * z2) >> F;
  }
  return sum;
}

let ln2Cache: bigint | null = null;
function ln2(): bigint {
  if (ln2Cache === null) ln2Cache = 2n * atanhFixed(1n, 3n);
  return ln2Cache;
}

/** A positive finite double as M * 2**e with M a 53-bit integer in [2**52, 2**53). */
function split(x: number): [bigint, number] {
  let e = 0;
  while (x >= 2 ** 53) {
    x /= 2;
    e++;
  }
  while (x < 2 ** 52) {
    x *= 2;
    e--;
  }
  return [BigInt(x), e];
}

/** ln(x) * 2**F for a positive finite double. */
function lnFixed(x: number): bigint {
  const [m, e] = split(x);
  // x = (m / 2**52) * 2**(e + 52), with m / 2**52 in [1, 2): ln = (e+52) ln 2 + 2 atanh((m-2^52)/(m+2^52)).
  const base = 1n << 52n;
  return BigInt(e + 52) * ln2() + 2n * atanhFixed(m - base, m + base);
}

/** exp(t / 2**F) as [mantissa * 2**-F, binary exponent k]: the value is mantissa * 2**(k - F). */
function expFixed(t: bigint): [bigint, bigint] {
  const l2 = ln2();
  // t = k ln 2 + r with |r| <= ln 2 / 2.
  let k = t / l2;
  let r = t - k * l2;
  if (r > l2 / 2n) {
    r -= l2;
    k += 1n;
  } else if (r < -l2 / 2n) {
    r += l2;
    k -= 1n;
  }
  let sum = ONE;
  let term = ONE;
  for (let n = 1n; term !== 0n; n++) {
    term = (term * r) / (n << F);
    sum += term;
  }
  return [sum, k];
}

/** x ** y for finite x > 0 (x != 1) and finite non-zero y; undefined on overflow. */
export function powFractional(x: number, y: number): number | undefined | Unsupported {
  const [ym, ye] = split(Math.abs(y));
  let t = lnFixed(x) * ym;
  t = ye >= 0 ? t << BigInt(ye) : t >> BigInt(-ye);
  if (y < 0) t = -t;
  // Far outside the double range: decide without computing exp.
  const limit = 800n * ONE;
  if (t > limit) return undefined;
  // Far below the smallest subnormal: libm underflows to zero (and CPython accepts that).
  if (t < -limit) return 0;
  const [mant, k] = expFixed(t);
  // The value is mant * 2**(k - F); take 53 significant bits and look at what is dropped.
  const bits = bitLength(mant);
  const shift = bits - 53;
  let q = mant >> BigInt(shift);
  const dropped = mant & ((1n << BigInt(shift)) - 1n);
  const half = 1n << BigInt(shift - 1);
  const margin = 1n << BigInt(shift - 7);
  const distance = dropped > half ? dropped - half : half - dropped;
  if (distance < margin) return UNSUPPORTED;
  if (dropped > half) q += 1n;
  const exp2 = Number(k - F) + shift;
  const top = exp2 + bitLength(q) - 1;
  if (top > 1023) return undefined;
  if (top < -1022) return UNSUPPORTED;
  return exp2 >= -1000 ? Number(q) * 2 ** exp2 : Number(q) * 2 ** (exp2 + 200) * 2 ** -200;
}
