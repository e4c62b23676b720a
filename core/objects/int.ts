import { NotSupportedError } from '../source/errors.js';
import { CMP, NB, NotImplemented, boolType, intType, type BinarySlot } from './types.js';
import { normInt, PyFloat, type PyInt, type PyValue } from './values.js';
import { registerBigToDecimal } from './abstract.js';
import { hashInt } from './hash.js';
import { overflowError, typeError, valueError, zeroDivisionError } from './exceptions.js';
import { floatPow, intToFloat } from './float.js';

/**
 * int (and bool, its subclass): arbitrary precision on `number` (safe integers) with overflow to
 * `bigint`, Python's floor division and modulo, `**` with negative exponents giving floats, exact
 * comparisons with floats, bit operations with two's-complement semantics, and the 4300-digit
 * limit on decimal conversion.
 *
 * Every result goes through the `number`-first representation (values.ts `normInt`), and results
 * are never `-0` (`x * 0 + 0` is how -0 becomes 0), so `===` is int equality.
 * CPython: Objects/longobject.c, Objects/boolobject.c.
 */

/** sys.int_info.default_max_str_digits. */
export const MAX_STR_DIGITS = 4300;

/** The int value of an int or bool operand, or undefined for anything else. */
export function asInt(v: PyValue): PyInt | undefined {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    default:
      return undefined;
  }
}

export function big(v: PyInt): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

/** normInt, cheaper: a bigint converts to a safe integer exactly when it is in the safe range. */
function norm(r: bigint): PyInt {
  const n = Number(r);
  return Number.isSafeInteger(n) ? n : r;
}

/**
 * BINARY_OP on two ints at least one of which is a bigint, for the operators that need no
 * special cases (+ - * & | ^ and // % with a non-zero divisor); undefined otherwise.
 */
export function bigBinary(a: PyInt, b: PyInt, op: number): PyInt | undefined {
  const x = typeof a === 'bigint' ? a : BigInt(a);
  const y = typeof b === 'bigint' ? b : BigInt(b);
  switch (op) {
    case 0:
    case 13:
      return norm(x + y);
    case 10:
    case 23:
      return norm(x - y);
    case 5:
    case 18:
      return norm(x * y);
    case 1:
    case 14:
      return norm(x & y);
    case 7:
    case 20:
      return norm(x | y);
    case 12:
    case 25:
      return norm(x ^ y);
    case 2:
    case 15: {
      if (y === 0n) return undefined;
      let q = x / y;
      if (x % y !== 0n && x < 0n !== y < 0n) q -= 1n;
      return norm(q);
    }
    case 6:
    case 19: {
      if (y === 0n) return undefined;
      let r = x % y;
      if (r !== 0n && r < 0n !== y < 0n) r += y;
      return norm(r);
    }
    default:
      return undefined;
  }
}

export function intAdd(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(big(a) + big(b));
}

export function intSub(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(big(a) - big(b));
}

export function intMul(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    // An unsafe rounded product means the exact one is unsafe too.
    const r = a * b + 0;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(big(a) * big(b));
}

/** Floor division; `b` must be non-zero. */
export function intFloorDiv(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a % b;
    // (a - r) is an exact multiple of b, so the division is exact.
    let q = (a - r) / b;
    if (r !== 0 && r < 0 !== b < 0) q -= 1;
    return q + 0;
  }
  const A = big(a);
  const B = big(b);
  let q = A / B;
  if (A % B !== 0n && A < 0n !== B < 0n) q -= 1n;
  return normInt(q);
}

/** Modulo with the sign of the divisor; `b` must be non-zero. */
export function intMod(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    let r = a % b;
    if (r !== 0 && r < 0 !== b < 0) r += b;
    return r + 0;
  }
  const B = big(b);
  let r = big(a) % B;
  if (r !== 0n && r < 0n !== B < 0n) r += B;
  return normInt(r);
}

/** `a / b` for ints: the correctly rounded quotient. CPython: long_true_divide. */
export function intTrueDiv(a: PyInt, b: PyInt): number {
  if (b === 0) throw zeroDivisionError('division by zero');
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  let A = big(a);
  let B = big(b);
  const negative = A < 0n !== B < 0n;
  if (A < 0n) A = -A;
  if (B < 0n) B = -B;
  if (A === 0n) return negative ? -0 : 0;
  // Scale so the integer quotient has 55 or 56 bits, then fold the remainder into a sticky bit:
  // converting that to a double rounds exactly once, to nearest-even.
  const shift = 55 - (bitLength(A) - bitLength(B));
  let q: bigint;
  let rem: bigint;
  if (shift >= 0) {
    q = (A << BigInt(shift)) / B;
    rem = (A << BigInt(shift)) % B;
  } else {
    const d = B << BigInt(-shift);
    q = A / d;
    rem = A % d;
  }
  if (rem !== 0n) q |= 1n;
  const result = ldexp(Number(q), -shift);
  if (!Number.isFinite(result)) throw overflowError('integer division result too large for a float');
  return negative ? -result : result;
}

/** x * 2**e without intermediate overflow or underflow. */
export function ldexp(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

export function bitLength(v: bigint): number {
  if (v < 0n) v = -v;
  if (v === 0n) return 0;
  // toString(16) is linear; good enough for the sizes programs use.
  const hex = v.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0], 16)));
}

/** `a ** b` for ints. A negative exponent gives a float. CPython: long_pow. */
export function intPow(a: PyInt, b: PyInt): PyValue {
  if (b < 0) return new PyFloat(floatPow(intToFloat(a), intToFloat(b)));
  if (typeof a === 'number' && typeof b === 'number') {
    let r = 1;
    let base = a;
    let e = b;
    // Square-and-multiply while everything stays exact.
    while (e > 0) {
      if (e & 1) {
        r *= base;
        if (!Number.isSafeInteger(r)) return normInt(BigInt(a) ** BigInt(b));
      }
      e = Math.floor(e / 2);
      if (e > 0) {
        base *= base;
        if (!Number.isSafeInteger(base)) return normInt(BigInt(a) ** BigInt(b));
      }
    }
    return r + 0;
  }
  const A = big(a);
  if (A === 0n || A === 1n) return normInt(A);
  if (A === -1n) return big(b) % 2n === 0n ? 1 : -1;
  if (typeof b === 'bigint') throw overflowError('exponent too large');
  return normInt(A ** BigInt(b));
}

export function intLshift(a: PyInt, b: PyInt): PyInt {
  if (b < 0) throw valueError('negative shift count');
  if (a === 0) return 0;
  if (typeof b === 'bigint' || b > 1e7) throw overflowError('too many digits in integer');
  if (typeof a === 'number' && b < 53) {
    const r = a * 2 ** b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(big(a) << BigInt(b));
}

export function intRshift(a: PyInt, b: PyInt): PyInt {
  if (b < 0) throw valueError('negative shift count');
  if (typeof a === 'number') {
    if (typeof b === 'bigint' || b > 53) return a < 0 ? -1 : 0;
    return Math.floor(a / 2 ** b) + 0;
  }
  if (typeof b === 'bigint') return a < 0n ? -1 : 0;
  return normInt(a >> BigInt(b));
}

function isInt32(v: PyInt): v is number {
  return typeof v === 'number' && (v | 0) === v;
}

export function intAnd(a: PyInt, b: PyInt): PyInt {
  if (isInt32(a) && isInt32(b)) return a & b;
  return normInt(big(a) & big(b));
}
export function intOr(a: PyInt, b: PyInt): PyInt {
  if (isInt32(a) && isInt32(b)) return a | b;
  return normInt(big(a) | big(b));
}
export function intXor(a: PyInt, b: PyInt): PyInt {
  if (isInt32(a) && isInt32(b)) return a ^ b;
  return normInt(big(a) ^ big(b));
}

export function intNeg(a: PyInt): PyInt {
  return typeof a === 'number' ? 0 - a : normInt(-a);
}

export function intAbs(a: PyInt): PyInt {
  return typeof a === 'number' ? Math.abs(a) : normInt(a < 0n ? -a : a);
}

/** Three-way comparison of two ints. */
export function intCompare(a: PyInt, b: PyInt): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Applies a COMPARE_OP index to a three-way result. */
export function cmpResult(c: number, op: number): boolean {
  switch (op) {
    case CMP.LT:
      return c < 0;
    case CMP.LE:
      return c <= 0;
    case CMP.EQ:
      return c === 0;
    case CMP.NE:
      return c !== 0;
    case CMP.GT:
      return c > 0;
    default:
      return c >= 0;
  }
}

/** Decimal digits of an int, enforcing the 4300-digit limit. CPython: long_to_decimal_string. */
export function intToDecimal(v: PyInt): string {
  if (typeof v === 'number') return String(v);
  const s = v.toString();
  const digits = v < 0n ? s.length - 1 : s.length;
  if (digits > MAX_STR_DIGITS) {
    throw valueError(
      `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  return s;
}

/** Python's whitespace (str.isspace): JS \s without U+FEFF, plus U+001C-U+001F and U+0085. */
const WS = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const STRIP = new RegExp(`^[${WS}]+|[${WS}]+$`, 'g');

/** str.strip() with no argument. */
export function pyStrip(s: string): string {
  return s.replace(STRIP, '');
}

/**
 * `int(text, base)`: optional sign, a base prefix when base is 0 or matches, single underscores
 * between digits, surrounding whitespace. CPython: PyLong_FromUnicodeObject / long_from_string_base.
 */
export function intFromString(text: string, base: number, reprOf: (s: string) => string): PyInt {
  const fail = (): never => {
    throw valueError(`invalid literal for int() with base ${base}: ${reprOf(text)}`);
  };
  let s = pyStrip(text);
  if (/[^\x00-\x7f]/.test(s)) {
    if (/\p{Nd}/u.test(s)) throw new NotSupportedError('int() of non-ASCII digits', 0);
    fail();
  }
  let sign = 1n;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1n;
    s = s.slice(1);
  }
  let b = base;
  const prefix = s.slice(0, 2).toLowerCase();
  const prefixBase = prefix === '0x' ? 16 : prefix === '0o' ? 8 : prefix === '0b' ? 2 : 0;
  if (b === 0) {
    if (prefixBase) {
      b = prefixBase;
      s = s.slice(2);
      if (s.startsWith('_')) s = s.slice(1);
    } else {
      b = 10;
      // Base 0 forbids leading zeros on non-zero decimals ("010").
      if (/^0+[_0]*[1-9]/.test(s)) fail();
    }
  } else if (prefixBase === b) {
    s = s.slice(2);
    if (s.startsWith('_')) s = s.slice(1);
  }
  if (s.length === 0 || s.startsWith('_') || s.endsWith('_') || s.includes('__')) fail();
  const digits = s.replace(/_/g, '');
  let value = 0n;
  const B = BigInt(b);
  if (b === 10 && digits.length > MAX_STR_DIGITS) {
    if (!/^[0-9]+$/.test(digits)) fail();
    throw valueError(
      `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  if (b === 10) {
    if (!/^[0-9]+$/.test(digits)) fail();
    if (digits.length < 16) return Number(digits) * Number(sign) + 0;
    return normInt(sign * BigInt(digits));
  }
  for (const ch of digits) {
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= b) fail();
    value = value * B + BigInt(d);
  }
  return normInt(sign * value);
}

// ---- Slots -------------------------------------------------------------------------------------

function intBinary(fn: (a: PyInt, b: PyInt) => PyValue): BinarySlot {
  return (a, b) => {
    const x = asInt(a);
    const y = asInt(b);
    if (x === undefined || y === undefined) return NotImplemented;
    return fn(x, y);
  };
}

intType.nb[NB.ADD] = intBinary(intAdd);
intType.nb[NB.SUBTRACT] = intBinary(intSub);
intType.nb[NB.MULTIPLY] = intBinary(intMul);
intType.nb[NB.FLOOR_DIVIDE] = intBinary((a, b) => {
  if (b === 0) throw zeroDivisionError('integer division or modulo by zero');
  return intFloorDiv(a, b);
});
intType.nb[NB.REMAINDER] = intBinary((a, b) => {
  if (b === 0) throw zeroDivisionError('integer modulo by zero');
  return intMod(a, b);
});
intType.nb[NB.TRUE_DIVIDE] = intBinary((a, b) => new PyFloat(intTrueDiv(a, b)));
intType.nb[NB.POWER] = intBinary(intPow);
intType.nb[NB.LSHIFT] = intBinary(intLshift);
intType.nb[NB.RSHIFT] = intBinary(intRshift);
intType.nb[NB.AND] = intBinary(intAnd);
intType.nb[NB.OR] = intBinary(intOr);
intType.nb[NB.XOR] = intBinary(intXor);
intType.nb_negative = (v) => intNeg(asInt(v)!);
intType.nb_positive = (v) => asInt(v)!;
intType.nb_invert = (v) => intSub(intNeg(asInt(v)!), 1);
intType.nb_absolute = (v) => intAbs(asInt(v)!);
intType.nb_bool = (v) => asInt(v)! !== 0;
intType.nb_index = (v) => asInt(v)!;
intType.nb_int = (v) => asInt(v)!;
intType.nb_float = (v) => intToFloat(asInt(v)!);
intType.tp_hash = (v) => hashInt(asInt(v)!);
intType.tp_repr = (v) => intToDecimal(asInt(v)!);
intType.tp_richcompare = (a, b, op) => {
  const x = asInt(a);
  const y = asInt(b);
  if (x === undefined || y === undefined) return NotImplemented;
  return cmpResult(intCompare(x, y), op);
};

// bool: & | ^ of two bools stay bool; everything else is int's.
boolType.inheritSlots();
const boolBinary = (fn: BinarySlot, logical: (x: boolean, y: boolean) => boolean): BinarySlot => {
  return (a, b) => (typeof a === 'boolean' && typeof b === 'boolean' ? logical(a, b) : fn(a, b));
};
boolType.nb[NB.AND] = boolBinary(intType.nb[NB.AND]!, (x, y) => x && y);
boolType.nb[NB.OR] = boolBinary(intType.nb[NB.OR]!, (x, y) => x || y);
boolType.nb[NB.XOR] = boolBinary(intType.nb[NB.XOR]!, (x, y) => x !== y);
boolType.tp_repr = (v) => (v ? 'True' : 'False');

registerBigToDecimal(intToDecimal);

/** Raises the TypeError int() gives for an unconvertible argument. */
export function intArgError(v: PyValue, typeName: string): never {
  void v;
  throw typeError(`int() argument must be a string, a bytes-like object or a real number, not '${typeName}'`);
}
