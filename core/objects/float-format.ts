/**
 * Exact decimal arithmetic on doubles, for the places CPython rounds correctly where JavaScript
 * does not: `round(x, n)`, and the 'f', 'e', 'g' and '%' presentation types (JS toFixed rounds
 * exact ties away from zero; CPython rounds the exact binary value half-to-even, so
 * `format(0.125, '.2f') == '0.12'` and `round(2.675, 2) == 2.67`).
 * CPython: Python/dtoa.c (_Py_dg_dtoa modes 2 and 3), Objects/floatobject.c (double_round).
 */

import { decomposeDouble } from './double.js';

/** |x| as A / 10**k exactly (x finite). */
function exactScaled(x: number): { a: bigint; k: number } {
  const { mant, exp } = decomposeDouble(x);
  if (mant === 0n) return { a: 0n, k: 0 };
  if (exp >= 0) return { a: mant << BigInt(exp), k: 0 };
  return { a: mant * 5n ** BigInt(-exp), k: -exp };
}

/** Rounds a / d to an integer, ties to even. */
function divRoundHalfEven(a: bigint, d: bigint): bigint {
  const q = a / d;
  const r = a % d;
  const twice = 2n * r;
  if (twice > d || (twice === d && q % 2n === 1n)) return q + 1n;
  return q;
}

/**
 * |x| rounded to `n` digits after the decimal point (n may be negative), as the integer
 * N = round(|x| * 10**n).
 */
export function roundedScaled(x: number, n: number): bigint {
  const { a, k } = exactScaled(x);
  if (n >= k) return a * 10n ** BigInt(n - k);
  return divRoundHalfEven(a, 10n ** BigInt(k - n));
}

/** Fixed-point digits of |x| with exactly `n` decimals (n >= 0), correctly rounded: "12.50". */
export function fixedDigits(x: number, n: number): string {
  const digits = roundedScaled(x, n).toString();
  if (n === 0) return digits;
  const padded = digits.padStart(n + 1, '0');
  return padded.slice(0, padded.length - n) + '.' + padded.slice(padded.length - n);
}

/**
 * |x| rounded to `p` significant digits (p >= 1): the digit string (length p) and the decimal
 * exponent of its first digit. Zero gives p zeros and exponent 0.
 */
export function significantDigits(x: number, p: number): { digits: string; exp: number } {
  const { a, k } = exactScaled(x);
  if (a === 0n) return { digits: '0'.repeat(p), exp: 0 };
  const s = a.toString();
  // value = 0.s * 10**(s.length - k); first digit's exponent:
  let exp = s.length - k - 1;
  let digits: string;
  if (s.length <= p) digits = s + '0'.repeat(p - s.length);
  else {
    const q = divRoundHalfEven(a, 10n ** BigInt(s.length - p)).toString();
    if (q.length > p) {
      digits = q.slice(0, p);
      exp += 1;
    } else digits = q;
  }
  return { digits, exp };
}

/** `round(x, n)` for a finite double: the double nearest to x rounded half-even to n decimals. */
export function roundFloat(x: number, n: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  // Beyond 17 significant digits rounding cannot change the value; far left of the point it zeroes it.
  if (n > 323) return x;
  if (n < -308) return x < 0 ? -0 : 0;
  const q = roundedScaled(x, n);
  let text = q.toString();
  text = n >= 0 ? `${text}e-${n}` : `${text}e${-n}`;
  const r = Number(text);
  return x < 0 ? -r : r;
}
