import { absolute, binaryOp, call, getIter, hash, index, isTrue, next, recursion, richCompare } from '../../objects/abstract.js';
import { newError, RecursionError, typeError, valueError, overflowError, zeroDivisionError } from '../../objects/exceptions.js';
import { asFloat, floatDivmod, floatToInt } from '../../objects/float.js';
import { roundFloat } from '../../objects/float-format.js';
import { big, intFloorDiv, intMod } from '../../objects/int.js';
import { CMP, typeName } from '../../objects/types.js';
import { None, PyFloat, PyTuple, normInt, type PyInt, type PyValue } from '../../objects/values.js';
import { strLen } from '../../objects/str.js';
import { NO_LEVELS, builtin, exactlyOne, positionalRange, rejectKeywords, splitKeywords } from './support.js';

/**
 * Numeric builtins: abs, min, max, sum, round, divmod, pow, hash, hex, oct, bin, chr, ord.
 * CPython: Python/bltinmodule.c (min_max, builtin_sum_impl, builtin_round_impl...).
 */

export const abs = builtin('abs', (args, kw) => absolute(exactlyOne('abs', args, kw)));

/** A comparison made inside a builtin: PyObject_RichCompare's recursion guard, one level down. */
function compareInside(a: PyValue, b: PyValue, op: number): boolean {
  // The call already holds its own guard level, so the comparison's guard overflows at the limit.
  if (recursion.depth >= recursion.limit) throw newError(RecursionError, 'maximum recursion depth exceeded in comparison');
  if (typeof a === 'number' && typeof b === 'number') {
    return op === CMP.GT ? a > b : a < b;
  }
  const r = richCompare(a, b, op);
  return typeof r === 'boolean' ? r : isTrue(r);
}

function minMax(name: 'min' | 'max', op: number) {
  return builtin(name, (args, kwnames) => {
    const { pos, kw } = splitKeywords(name, args, kwnames, ['key', 'default']);
    if (pos.length === 0) throw typeError(`${name} expected at least 1 argument, got 0`);
    const dflt = kw.get('default');
    if (pos.length > 1 && dflt !== undefined) {
      throw typeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
    }
    let key = kw.get('key');
    if (key === None) key = undefined;
    const it = getIter(pos.length === 1 ? pos[0] : new PyTuple(pos.slice()));
    let best: PyValue | undefined;
    let bestKey: PyValue | undefined;
    for (let item = next(it); item !== undefined; item = next(it)) {
      const k = key === undefined ? item : call(key, [item]);
      if (best === undefined) {
        best = item;
        bestKey = k;
      } else if (compareInside(k, bestKey as PyValue, op)) {
        best = item;
        bestKey = k;
      }
    }
    if (best !== undefined) return best;
    if (dflt !== undefined) return dflt;
    throw valueError(`${name}() arg is an empty sequence`);
  });
}
export const min = minMax('min', CMP.LT);
export const max = minMax('max', CMP.GT);

export const sum = builtin(
  'sum',
  (args, kwnames) => {
    const { pos, kw } = splitKeywords('sum', args, kwnames, ['start']);
    positionalRange('sum', pos, 1, 2);
    let acc: PyValue = pos.length > 1 ? pos[1] : (kw.get('start') ?? 0);
    if (typeof acc === 'string') throw typeError("sum() can't sum strings [use ''.join(seq) instead]");
    if (typeof acc === 'object' && (acc.type.name === 'bytes' || acc.type.name === 'bytearray')) {
      throw typeError(`sum() can't sum ${acc.type.name} [use b''.join(seq) instead]`);
    }
    const it = getIter(pos[0]);
    for (let item = next(it); item !== undefined; item = next(it)) {
      if (typeof acc === 'number' && typeof item === 'number') {
        const r: number = acc + item;
        acc = Number.isSafeInteger(r) ? r : binaryOp(acc, item, 0);
      } else acc = binaryOp(acc, item, 0);
    }
    return acc;
  },
  NO_LEVELS,
);

export const round = builtin('round', (args, kwnames) => {
  const { pos, kw } = splitKeywords('round', args, kwnames, ['number', 'ndigits']);
  if (args.length > 2) throw typeError(`round() takes at most 2 arguments (${args.length} given)`);
  const number = pos[0] ?? kw.get('number');
  if (number === undefined) throw typeError("round() missing required argument 'number' (pos 1)");
  const nd = pos[1] ?? kw.get('ndigits');
  if (typeof number === 'number' || typeof number === 'bigint' || typeof number === 'boolean') {
    const n: PyInt = typeof number === 'boolean' ? (number ? 1 : 0) : number;
    if (nd === undefined || nd === None) return n;
    const d = index(nd);
    if (d >= 0) return n;
    // Round to a multiple of 10**-d, half to even.
    const pow10 = 10n ** big(-(typeof d === 'bigint' ? Number(d) : d));
    const q = intFloorDiv(n, normInt(pow10));
    const r = intMod(n, normInt(pow10));
    let qq = big(q);
    const twice = 2n * big(r);
    if (twice > pow10 || (twice === pow10 && qq % 2n !== 0n)) qq += 1n;
    return normInt(qq * pow10);
  }
  if (number instanceof PyFloat) {
    const x = number.value;
    if (nd === undefined || nd === None) {
      let r = Math.round(x);
      // Math.round rounds .5 up; Python rounds half to even.
      if (Math.abs(x - Math.trunc(x)) === 0.5) r = 2 * Math.round(x / 2);
      return floatToInt(r);
    }
    const d = index(nd);
    const n = typeof d === 'bigint' ? (d > 0n ? 400 : -400) : d;
    return new PyFloat(roundFloat(x, n));
  }
  throw typeError(`type ${typeName(number)} doesn't define __round__ method`);
});

export const divmod = builtin(
  'divmod',
  (args, kwnames) => {
    rejectKeywords('divmod', kwnames);
    positionalRange('divmod', args, 2, 2);
    const [a, b] = args;
    const x = typeof a === 'boolean' ? (a ? 1 : 0) : a;
    const y = typeof b === 'boolean' ? (b ? 1 : 0) : b;
    if ((typeof x === 'number' || typeof x === 'bigint') && (typeof y === 'number' || typeof y === 'bigint')) {
      if (y === 0) throw zeroDivisionError('integer division or modulo by zero');
      return new PyTuple([intFloorDiv(x, y), intMod(x, y)]);
    }
    const fx = asFloat(x);
    const fy = asFloat(y);
    if (fx === undefined || fy === undefined) {
      throw typeError(`unsupported operand type(s) for divmod(): '${typeName(a)}' and '${typeName(b)}'`);
    }
    if (fy === 0) throw zeroDivisionError('float divmod()');
    const [q, r] = floatDivmod(fx, fy);
    return new PyTuple([new PyFloat(q), new PyFloat(r)]);
  },
  NO_LEVELS,
);

export const pow = builtin(
  'pow',
  (args, kwnames) => {
    const { pos, kw } = splitKeywords('pow', args, kwnames, ['base', 'exp', 'mod']);
    const base = pos[0] ?? kw.get('base');
    const exp = pos[1] ?? kw.get('exp');
    const mod = pos[2] ?? kw.get('mod') ?? None;
    if (base === undefined || exp === undefined) throw typeError(`pow() missing required argument '${base === undefined ? 'base' : 'exp'}' (pos ${base === undefined ? 1 : 2})`);
    if (mod === None) return binaryOp(base, exp, 8);
    const isInt = (v: PyValue): boolean => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
    if (!isInt(base) || !isInt(exp) || !isInt(mod)) {
      throw typeError('pow() 3rd argument not allowed unless all arguments are integers');
    }
    let m = big(index(mod));
    if (m === 0n) throw valueError('pow() 3rd argument cannot be 0');
    const neg = m < 0n;
    if (neg) m = -m;
    let b = big(index(base));
    let e = big(index(exp));
    if (e < 0n) {
      b = modInverse(((b % m) + m) % m, m);
      e = -e;
    }
    let r = 1n % m;
    b = ((b % m) + m) % m;
    while (e > 0n) {
      if (e & 1n) r = (r * b) % m;
      b = (b * b) % m;
      e >>= 1n;
    }
    if (neg && r !== 0n) r -= m;
    return normInt(r);
  },
  NO_LEVELS,
);

function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [a, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw valueError('base is not invertible for the given modulus');
  return ((s0 % m) + m) % m;
}

export const hashBuiltin = builtin('hash', (args, kw) => hash(exactlyOne('hash', args, kw)));

function radix(name: string, base: number, prefix: string) {
  return builtin(name, (args, kw) => {
    const v = index(exactlyOne(name, args, kw));
    const neg = v < 0;
    const digits = (neg ? -big(v) : big(v)).toString(base);
    return (neg ? '-' : '') + prefix + digits;
  });
}
export const hex = radix('hex', 16, '0x');
export const oct = radix('oct', 8, '0o');
export const bin = radix('bin', 2, '0b');

export const chr = builtin('chr', (args, kw) => {
  const v = index(exactlyOne('chr', args, kw));
  if (typeof v === 'bigint') throw overflowError('Python int too large to convert to C int');
  if (v < 0 || v > 0x10ffff) throw valueError('chr() arg not in range(0x110000)');
  return String.fromCodePoint(v);
});

export const ord = builtin('ord', (args, kw) => {
  const v = exactlyOne('ord', args, kw);
  if (typeof v !== 'string') throw typeError(`ord() expected string of length 1, but ${typeName(v)} found`);
  const n = strLen(v);
  if (n !== 1) throw typeError(`ord() expected a character, but string of length ${n} found`);
  return v.codePointAt(0)!;
});

