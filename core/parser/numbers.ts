import { PyComplex, PyFloat, normInt, type PyValue } from '../objects/values.js';

/**
 * The value of a NUMBER token: an int (any base, any size), a float, or an imaginary number
 * (a complex with zero real part). Underscores are dropped first, as CPython does.
 * CPython: Parser/pegen.c (parsenumber, parsenumber_raw).
 */

/** Decimal integer literals longer than this raise CPython's int/str conversion limit. */
export const MAX_STR_DIGITS = 4300;

/** A decimal literal beyond the digit limit: the caller reports CPython's SyntaxError. */
export interface TooManyDigits {
  readonly digits: number;
}

export function parseNumber(raw: string): PyValue | TooManyDigits {
  const s = raw.indexOf('_') >= 0 ? raw.replace(/_/g, '') : raw;
  const last = s.charCodeAt(s.length - 1);
  if (last === 0x6a || last === 0x4a) return new PyComplex(0, Number(s.slice(0, -1)));
  const c1 = s.length > 1 ? s.charCodeAt(1) | 0x20 : 0;
  if (s.charCodeAt(0) === 0x30 && (c1 === 0x78 || c1 === 0x6f || c1 === 0x62)) return normInt(BigInt(s));
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return new PyFloat(Number(s));
  }
  if (s.length <= 15) return Number(s);
  if (s.length > MAX_STR_DIGITS) return { digits: s.length };
  return normInt(BigInt(s));
}

export function isTooManyDigits(v: PyValue | TooManyDigits): v is TooManyDigits {
  return typeof v === 'object' && v !== null && 'digits' in v;
}
