import { NotSupportedError } from '../source/errors.js';
import { NB, NotImplemented, floatType, type BinarySlot } from './types.js';
import { normInt, PyFloat, PyTuple, type PyInt, type PyValue } from './values.js';
import { floatRepr } from './repr.js';
import { hashFloat } from './hash.js';
import { OverflowError, overflowError, valueError, zeroDivisionError, PyBaseException } from './exceptions.js';
import { cmpResult } from './int.js';
import { powPositive } from './float-pow.js';

/**
 * float: IEEE-754 doubles boxed in PyFloat, with Python's floor division and modulo (result takes
 * the divisor's sign), pow's special cases, exact comparisons against ints of any size, and
 * parsing of float() literals.
 * CPython: Objects/floatobject.c (float_div, float_rem, float_divmod, float_floor_div, float_pow,
 * float_richcompare), Python/pystrtod.c.
 */

/** float(int): exact when possible, correctly rounded otherwise; OverflowError past the double range. */
export function intToFloat(v: PyInt): number {
  if (typeof v === 'number') return v;
  const x = Number(v);
  if (!Number.isFinite(x)) throw overflowError('int too large to convert to float');
  return x;
}

/** The double value of a float, int or bool operand, or undefined (the slot returns NotImplemented). */
export function asFloat(v: PyValue): number | undefined {
  switch (typeof v) {
    case 'number':
      return v;
    case 'bigint':
      return intToFloat(v);
    case 'boolean':
      return v ? 1 : 0;
    default:
      return v instanceof PyFloat ? v.value : undefined;
  }
}

function isOddInteger(x: number): boolean {
  return Number.isInteger(x) && Math.abs(x % 2) === 1;
}

/** `x ** y` for doubles, following float_pow's case analysis. */
export function floatPow(x: number, y: number): number {
  if (y === 0) return 1;
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return x === 1 ? 1 : y;
  if (!Number.isFinite(y)) {
    const ax = Math.abs(x);
    if (ax === 1) return 1;
    return y > 0 === ax > 1 ? Infinity : 0;
  }
  if (!Number.isFinite(x)) {
    const odd = isOddInteger(y);
    if (y > 0) return odd ? x : Math.abs(x);
    return odd ? (x < 0 ? -0 : 0) : 0;
  }
  if (x === 0) {
    if (y < 0) throw zeroDivisionError('0.0 cannot be raised to a negative power');
    return isOddInteger(y) ? x : 0;
  }
  let negate = false;
  if (x < 0) {
    if (y !== Math.floor(y)) throw new NotSupportedError('complex result of ** (negative base, fractional exponent)', 0);
    x = -x;
    negate = isOddInteger(y);
  }
  if (x === 1) return negate ? -1 : 1;
  const r = positivePow(x, y);
  if (!Number.isFinite(r)) {
    throw new PyBaseException(OverflowError, new PyTuple([34, 'Numerical result out of range']));
  }
  return negate ? -r : r;
}

/** x ** y for finite x > 0, x != 1, finite y != 0 (see float-pow.ts). */
function positivePow(x: number, y: number): number {
  if (y === 1) return x;
  if (y === 2) return x * x; // one rounding: already correctly rounded
  if (y === 0.5) return Math.sqrt(x);
  if (y === -1) return 1 / x;
  return powPositive(x, y);
}

/** divmod for doubles; `b` non-zero. CPython: _float_div_mod. */
export function floatDivmod(a: number, b: number): [number, number] {
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  } else {
    mod = b < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = Object.is(a / b, -0) || a / b < 0 ? -0 : 0;
  }
  return [floordiv, mod];
}

export function floatMod(a: number, b: number): number {
  let mod = a % b;
  if (mod) {
    if (b < 0 !== mod < 0) mod += b;
  } else {
    mod = b < 0 ? -0 : 0;
  }
  return mod;
}

/** Compares a double with any float or int exactly; undefined if `b` is not a number. */
function floatCompare(a: number, b: PyValue, op: number): PyValue {
  let y: number | bigint;
  if (b instanceof PyFloat) y = b.value;
  else if (typeof b === 'number' || typeof b === 'bigint') y = b;
  else if (typeof b === 'boolean') y = b ? 1 : 0;
  else return NotImplemented;
  if (Number.isNaN(a)) return op === 3;
  // JS relational operators between number and bigint compare mathematical values exactly.
  // eslint-disable-next-line eqeqeq
  const c = a < y ? -1 : a > y ? 1 : a == y ? 0 : NaN;
  return cmpResult(c, op);
}

function floatBinary(fn: (a: number, b: number) => number): BinarySlot {
  return (a, b) => {
    const x = asFloat(a);
    if (x === undefined) return NotImplemented;
    const y = asFloat(b);
    if (y === undefined) return NotImplemented;
    return new PyFloat(fn(x, y));
  };
}

floatType.nb[NB.ADD] = floatBinary((a, b) => a + b);
floatType.nb[NB.SUBTRACT] = floatBinary((a, b) => a - b);
floatType.nb[NB.MULTIPLY] = floatBinary((a, b) => a * b);
floatType.nb[NB.TRUE_DIVIDE] = floatBinary((a, b) => {
  if (b === 0) throw zeroDivisionError('float division by zero');
  return a / b;
});
floatType.nb[NB.FLOOR_DIVIDE] = floatBinary((a, b) => {
  if (b === 0) throw zeroDivisionError('float floor division by zero');
  return floatDivmod(a, b)[0];
});
floatType.nb[NB.REMAINDER] = floatBinary((a, b) => {
  if (b === 0) throw zeroDivisionError('float modulo');
  return floatMod(a, b);
});
floatType.nb[NB.POWER] = floatBinary(floatPow);
floatType.nb_negative = (v) => new PyFloat(-(v as PyFloat).value);
floatType.nb_positive = (v) => v;
floatType.nb_absolute = (v) => new PyFloat(Math.abs((v as PyFloat).value));
floatType.nb_bool = (v) => (v as PyFloat).value !== 0;
floatType.nb_float = (v) => (v as PyFloat).value;
floatType.nb_int = (v) => floatToInt((v as PyFloat).value);
floatType.tp_repr = (v) => floatRepr((v as PyFloat).value);
floatType.tp_hash = (v) => {
  const x = (v as PyFloat).value;
  // nan hashes by identity (CPython 3.10+: _Py_HashPointer).
  return Number.isNaN(x) ? (v as PyFloat).serial : hashFloat(x);
};
floatType.tp_richcompare = (a, b, op) => floatCompare((a as PyFloat).value, b, op);

/** int(x) for a double: truncation toward zero. CPython: PyLong_FromDouble. */
export function floatToInt(x: number): PyInt {
  if (Number.isNaN(x)) throw valueError('cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw overflowError('cannot convert float infinity to integer');
  const t = Math.trunc(x) + 0;
  return Number.isSafeInteger(t) ? t : normInt(BigInt(t));
}

const DIGITPART = '[0-9](?:_?[0-9])*';
const FLOAT_LITERAL = new RegExp(`^[+-]?(?:(?:${DIGITPART})?\\.${DIGITPART}|${DIGITPART}\\.?)(?:[eE][+-]?${DIGITPART})?$`);
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/** float(text), or undefined when text is not a float literal. CPython: float_from_string_inner. */
export function parseFloatLiteral(text: string): number | undefined {
  const special = SPECIAL.exec(text);
  if (special) {
    const sign = special[1] === '-' ? -1 : 1;
    return special[2].toLowerCase() === 'nan' ? NaN : sign * Infinity;
  }
  if (!FLOAT_LITERAL.test(text)) {
    if (/[^\x00-\x7f]/.test(text) && /\p{Nd}/u.test(text)) throw new NotSupportedError('float() of non-ASCII digits', 0);
    return undefined;
  }
  return Number(text.replace(/_/g, ''));
}
