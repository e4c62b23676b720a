import type { operator, unaryop } from '../../ast/nodes.generated.js';
import { CodeObject } from '../../bytecode/code-object.js';
import { Ellipsis, None, PyBytes, PyComplex, PyFloat, PyFrozenSet, PyTuple, normInt, type PyValue } from '../../objects/values.js';
import { assertNever } from '../../source/errors.js';
import {
  UNSUPPORTED,
  bitLength,
  complexDiv,
  floatFloorDiv,
  floatMod,
  floatPow,
  intFloorDiv,
  intMod,
  intRshift,
  intToFloat,
  intTrueDiv,
  type Unsupported,
} from './numbers.js';

/**
 * Operators applied to constants at compile time, with CPython's results and its size guards.
 * Each returns the folded value, `undefined` when CPython would not fold (the operation raises,
 * or a guard refuses it), or UNSUPPORTED when we cannot reproduce the exact result.
 * CPython: Python/ast_opt.c (fold_binop, safe_multiply, safe_power, safe_lshift, safe_mod,
 * fold_unaryop, fold_subscr, check_complexity) and the number protocols they call.
 */
export type FoldResult = PyValue | undefined | Unsupported;

const MAX_INT_SIZE = 128; // bits
const MAX_COLLECTION_SIZE = 256; // items
const MAX_STR_SIZE = 4096; // characters
const MAX_TOTAL_ITEMS = 1024; // including nested collections

type Num = { kind: 'int'; v: bigint } | { kind: 'float'; v: number } | { kind: 'complex'; re: number; im: number };

function isIntLike(v: PyValue): v is number | bigint | boolean {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
}

function toBig(v: number | bigint | boolean): bigint {
  return typeof v === 'boolean' ? (v ? 1n : 0n) : BigInt(v);
}

function asNum(v: PyValue): Num | null {
  if (isIntLike(v)) return { kind: 'int', v: toBig(v) };
  if (v instanceof PyFloat) return { kind: 'float', v: v.value };
  if (v instanceof PyComplex) return { kind: 'complex', re: v.real, im: v.imag };
  return null;
}

/** Number of code points (Python's len of a str). */
function strLen(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Python truthiness of a constant. */
export function truthy(v: PyValue): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'string') return v.length > 0;
  if (v === None) return false;
  if (v === Ellipsis) return true;
  if (v instanceof PyFloat) return v.value !== 0;
  if (v instanceof PyComplex) return v.real !== 0 || v.imag !== 0;
  if (v instanceof PyBytes) return v.bytes.length > 0;
  if (v instanceof PyTuple || v instanceof PyFrozenSet) return v.items.length > 0;
  return true;
}

function floatOf(n: Num): number | undefined {
  if (n.kind === 'int') return intToFloat(n.v);
  if (n.kind === 'float') return n.v;
  return undefined;
}

/** Both operands converted to the wider of their numeric kinds, or undefined on int->float overflow. */
function coerce(a: Num, b: Num): ['int', bigint, bigint] | ['float', number, number] | ['complex', number, number, number, number] | undefined {
  if (a.kind === 'int' && b.kind === 'int') return ['int', a.v, b.v];
  if (a.kind === 'complex' || b.kind === 'complex') {
    const ar = a.kind === 'complex' ? a.re : floatOf(a);
    const ai = a.kind === 'complex' ? a.im : 0;
    const br = b.kind === 'complex' ? b.re : floatOf(b);
    const bi = b.kind === 'complex' ? b.im : 0;
    if (ar === undefined || br === undefined) return undefined;
    return ['complex', ar, ai, br, bi];
  }
  const x = floatOf(a);
  const y = floatOf(b);
  if (x === undefined || y === undefined) return undefined;
  return ['float', x, y];
}

function intResult(v: bigint): PyValue {
  return normInt(v);
}

/** A bool result for `&`, `|`, `^` of two bools, as Python's bool type does. */
function boolBitop(op: 'BitAnd' | 'BitOr' | 'BitXor', a: boolean, b: boolean): boolean {
  return op === 'BitAnd' ? a && b : op === 'BitOr' ? a || b : a !== b;
}

function numericBinop(op: operator, a: Num, b: Num): FoldResult {
  const c = coerce(a, b);
  if (c === undefined) return undefined;
  if (c[0] === 'int') {
    const [, x, y] = c;
    switch (op) {
      case 'Add':
        return intResult(x + y);
      case 'Sub':
        return intResult(x - y);
      case 'Mult':
        return intResult(x * y);
      case 'Div': {
        const r = intTrueDiv(x, y);
        return typeof r === 'number' ? new PyFloat(r) : r;
      }
      case 'FloorDiv': {
        const r = intFloorDiv(x, y);
        return r === undefined ? undefined : intResult(r);
      }
      case 'Mod': {
        const r = intMod(x, y);
        return r === undefined ? undefined : intResult(r);
      }
      case 'Pow': {
        if (y < 0n) {
          // A negative exponent goes through float pow.
          const fx = intToFloat(x);
          const fy = intToFloat(y);
          if (fx === undefined || fy === undefined) return undefined;
          const r = floatPow(fx, fy);
          return typeof r === 'number' ? new PyFloat(r) : r;
        }
        return intResult(x ** y);
      }
      case 'LShift':
        if (y < 0n) return undefined;
        return intResult(x << y);
      case 'RShift': {
        const r = intRshift(x, y);
        return r === undefined ? undefined : intResult(r);
      }
      case 'BitOr':
        return intResult(x | y);
      case 'BitXor':
        return intResult(x ^ y);
      case 'BitAnd':
        return intResult(x & y);
      case 'MatMult':
        return undefined;
      default:
        return assertNever(op, 'operator');
    }
  }
  if (c[0] === 'float') {
    const [, x, y] = c;
    switch (op) {
      case 'Add':
        return new PyFloat(x + y);
      case 'Sub':
        return new PyFloat(x - y);
      case 'Mult':
        return new PyFloat(x * y);
      case 'Div':
        return y === 0 ? undefined : new PyFloat(x / y);
      case 'FloorDiv': {
        const r = floatFloorDiv(x, y);
        return r === undefined ? undefined : new PyFloat(r);
      }
      case 'Mod': {
        const r = floatMod(x, y);
        return r === undefined ? undefined : new PyFloat(r);
      }
      case 'Pow': {
        const r = floatPow(x, y);
        return typeof r === 'number' ? new PyFloat(r) : r;
      }
      default:
        return undefined;
    }
  }
  const [, ar, ai, br, bi] = c;
  switch (op) {
    case 'Add':
      return new PyComplex(ar + br, ai + bi);
    case 'Sub':
      return new PyComplex(ar - br, ai - bi);
    case 'Mult':
      return new PyComplex(ar * br - ai * bi, ar * bi + ai * br);
    case 'Div': {
      const r = complexDiv(ar, ai, br, bi);
      return r === undefined ? undefined : new PyComplex(r[0], r[1]);
    }
    case 'Pow':
      return complexPow(ar, ai, br, bi);
    default:
      return undefined;
  }
}

/**
 * complex ** complex: small integer exponents by repeated squaring, exactly as CPython does
 * (c_powi/c_powu); any other exponent goes through libm (hypot, atan2, exp, ...): UNSUPPORTED.
 */
function complexPow(ar: number, ai: number, br: number, bi: number): FoldResult {
  if (bi !== 0 || br !== Math.floor(br) || Math.abs(br) > 100) {
    // _Py_c_pow's exact cases: x ** 0 is 1; 0 ** y is 0, or an error for a complex or negative y.
    if (br === 0 && bi === 0) return new PyComplex(1, 0);
    if (ar === 0 && ai === 0) return bi !== 0 || br < 0 ? undefined : new PyComplex(0, 0);
    return UNSUPPORTED;
  }
  const n = Math.abs(br);
  // c_powu
  let rr = 1;
  let ri = 0;
  let pr = ar;
  let pi = ai;
  for (let mask = 1; n >= mask; mask *= 2) {
    if (Math.floor(n / mask) % 2 === 1) [rr, ri] = [rr * pr - ri * pi, rr * pi + ri * pr];
    [pr, pi] = [pr * pr - pi * pi, pr * pi + pi * pr];
  }
  if (br <= 0) {
    const q = complexDiv(1, 0, rr, ri);
    if (q === undefined) return undefined; // 0.0 to a negative power
    [rr, ri] = q;
  }
  // Py_ADJUST_ERANGE2: an infinite part is an overflow.
  if (!Number.isFinite(rr) && !Number.isNaN(rr)) return undefined;
  if (!Number.isFinite(ri) && !Number.isNaN(ri)) return undefined;
  return new PyComplex(rr, ri);
}

/** Items counted recursively through nested tuples and frozensets (check_complexity). */
function checkComplexity(obj: PyValue, limit: number): number {
  if (obj instanceof PyTuple || obj instanceof PyFrozenSet) {
    limit -= obj.items.length;
    for (let i = 0; limit >= 0 && i < obj.items.length; i++) limit = checkComplexity(obj.items[i], limit);
  }
  return limit;
}

/** `int * sequence` with safe_multiply's guards. */
function repeat(n: number | bigint | boolean, seq: PyValue): FoldResult {
  const count = toBig(n);
  if (seq instanceof PyTuple) {
    const size = seq.items.length;
    if (size) {
      if (count < 0n || count > BigInt(Math.trunc(MAX_COLLECTION_SIZE / size))) return undefined;
      if (count && checkComplexity(seq, Math.trunc(MAX_TOTAL_ITEMS / Number(count))) < 0) return undefined;
    }
    const items: PyValue[] = [];
    if (size) for (let i = 0n; i < count; i++) items.push(...seq.items);
    return new PyTuple(items);
  }
  if (typeof seq === 'string' || seq instanceof PyBytes) {
    const size = typeof seq === 'string' ? strLen(seq) : seq.bytes.length;
    if (size) {
      if (count < 0n || count > BigInt(Math.trunc(MAX_STR_SIZE / size))) return undefined;
    }
    const k = count < 0n || size === 0 ? 0 : Number(count);
    if (typeof seq === 'string') return seq.repeat(k);
    const out = new Uint8Array(seq.bytes.length * k);
    for (let i = 0; i < k; i++) out.set(seq.bytes, i * seq.bytes.length);
    return new PyBytes(out);
  }
  return undefined;
}

function safeMultiply(v: PyValue, w: PyValue): FoldResult {
  if (isIntLike(v) && isIntLike(w)) {
    const a = toBig(v);
    const b = toBig(w);
    if (a !== 0n && b !== 0n && bitLength(a) + bitLength(b) > MAX_INT_SIZE) return undefined;
  } else if (isIntLike(v) && (w instanceof PyTuple || w instanceof PyFrozenSet || typeof w === 'string' || w instanceof PyBytes)) {
    return repeat(v, w);
  } else if (isIntLike(w) && (v instanceof PyTuple || v instanceof PyFrozenSet || typeof v === 'string' || v instanceof PyBytes)) {
    return repeat(w, v);
  }
  const a = asNum(v);
  const b = asNum(w);
  return a && b ? numericBinop('Mult', a, b) : undefined;
}

function safePower(v: PyValue, w: PyValue): FoldResult {
  if (isIntLike(v) && isIntLike(w)) {
    const a = toBig(v);
    const b = toBig(w);
    if (a !== 0n && b > 0n) {
      if (b > 2n ** 64n - 1n) return undefined;
      const vbits = bitLength(a);
      if (BigInt(vbits) > BigInt(MAX_INT_SIZE) / b) return undefined;
    }
  }
  const a = asNum(v);
  const b = asNum(w);
  return a && b ? numericBinop('Pow', a, b) : undefined;
}

function safeLshift(v: PyValue, w: PyValue): FoldResult {
  if (isIntLike(v) && isIntLike(w)) {
    const a = toBig(v);
    const b = toBig(w);
    if (a !== 0n && b !== 0n) {
      if (b < 0n || b > BigInt(MAX_INT_SIZE) || BigInt(bitLength(a)) > BigInt(MAX_INT_SIZE) - b) return undefined;
    }
    return numericBinop('LShift', { kind: 'int', v: a }, { kind: 'int', v: b });
  }
  return undefined;
}

function concat(v: PyValue, w: PyValue): FoldResult {
  if (typeof v === 'string' && typeof w === 'string') return v + w;
  if (v instanceof PyBytes && w instanceof PyBytes) {
    const out = new Uint8Array(v.bytes.length + w.bytes.length);
    out.set(v.bytes, 0);
    out.set(w.bytes, v.bytes.length);
    return new PyBytes(out);
  }
  if (v instanceof PyTuple && w instanceof PyTuple) return new PyTuple([...v.items, ...w.items]);
  return undefined;
}

/** `lv op rv` as fold_binop computes it. */
export function foldBinop(op: operator, lv: PyValue, rv: PyValue): FoldResult {
  switch (op) {
    case 'Add': {
      const a = asNum(lv);
      const b = asNum(rv);
      return a && b ? numericBinop('Add', a, b) : concat(lv, rv);
    }
    case 'Mult':
      return safeMultiply(lv, rv);
    case 'Pow':
      return safePower(lv, rv);
    case 'LShift':
      return safeLshift(lv, rv);
    case 'Mod':
      // `%` formatting of str and bytes is never folded.
      if (typeof lv === 'string' || lv instanceof PyBytes) return undefined;
      break;
    case 'BitAnd':
    case 'BitOr':
    case 'BitXor':
      if (typeof lv === 'boolean' && typeof rv === 'boolean') return boolBitop(op, lv, rv);
      if (!isIntLike(lv) || !isIntLike(rv)) return undefined;
      break;
    case 'RShift':
      if (!isIntLike(lv) || !isIntLike(rv)) return undefined;
      break;
    case 'MatMult':
      return undefined;
    case 'Sub':
    case 'Div':
    case 'FloorDiv':
      break;
    default:
      return assertNever(op, 'operator');
  }
  const a = asNum(lv);
  const b = asNum(rv);
  return a && b ? numericBinop(op, a, b) : undefined;
}

/** `op v` as fold_unaryop computes it. */
export function foldUnaryop(op: unaryop, v: PyValue): FoldResult {
  switch (op) {
    case 'Not':
      return !truthy(v);
    case 'Invert':
      return isIntLike(v) ? intResult(~toBig(v)) : undefined;
    case 'UAdd':
      if (isIntLike(v)) return intResult(toBig(v));
      if (v instanceof PyFloat || v instanceof PyComplex) return v;
      return undefined;
    case 'USub':
      if (isIntLike(v)) return intResult(-toBig(v));
      if (v instanceof PyFloat) return new PyFloat(-v.value);
      if (v instanceof PyComplex) return new PyComplex(-v.real, -v.imag);
      return undefined;
    default:
      return assertNever(op, 'unary operator');
  }
}

/** `v[i]` for a constant container and a constant index (fold_subscr). */
export function foldSubscript(v: PyValue, i: PyValue): FoldResult {
  if (!isIntLike(i)) return undefined;
  let index = toBig(i);
  if (typeof v === 'string') {
    const chars = Array.from(v);
    if (index < 0n) index += BigInt(chars.length);
    return index >= 0n && index < BigInt(chars.length) ? chars[Number(index)] : undefined;
  }
  if (v instanceof PyBytes) {
    if (index < 0n) index += BigInt(v.bytes.length);
    return index >= 0n && index < BigInt(v.bytes.length) ? v.bytes[Number(index)] : undefined;
  }
  if (v instanceof PyTuple) {
    if (index < 0n) index += BigInt(v.items.length);
    return index >= 0n && index < BigInt(v.items.length) ? v.items[Number(index)] : undefined;
  }
  return undefined;
}

/** True for values that can appear as AST constants (used to sanity-check folding inputs). */
export function isFoldable(v: PyValue): boolean {
  return !(v instanceof CodeObject);
}

/** Python `==` between two constants (as a set uses it to drop duplicates). */
export function constEquals(a: PyValue, b: PyValue): boolean {
  if (a === b) return true;
  const x = asNum(a);
  const y = asNum(b);
  if (x && y) {
    const re = (n: Num): number | bigint => (n.kind === 'int' ? n.v : n.kind === 'float' ? n.v : n.re);
    const im = (n: Num): number => (n.kind === 'complex' ? n.im : 0);
    if (im(x) !== im(y)) return false;
    const rx = re(x);
    const ry = re(y);
    if (typeof rx === 'bigint' && typeof ry === 'bigint') return rx === ry;
    if (typeof rx === 'bigint') return Number.isInteger(ry) && rx === BigInt(ry as number);
    if (typeof ry === 'bigint') return Number.isInteger(rx) && ry === BigInt(rx);
    return rx === ry;
  }
  if (a instanceof PyBytes && b instanceof PyBytes) return a.bytes.length === b.bytes.length && a.bytes.every((v, i) => v === b.bytes[i]);
  if (a instanceof PyTuple && b instanceof PyTuple) return a.items.length === b.items.length && a.items.every((v, i) => constEquals(v, b.items[i]));
  if (a instanceof PyFrozenSet && b instanceof PyFrozenSet) return a.items.length === b.items.length && a.items.every((v) => b.items.some((w) => constEquals(v, w)));
  return false;
}

/** The distinct items of a set display, first occurrence kept (PyFrozenSet_New). */
export function distinct(items: readonly PyValue[]): PyValue[] {
  const out: PyValue[] = [];
  for (const v of items) if (!out.some((w) => constEquals(v, w))) out.push(v);
  return out;
}
