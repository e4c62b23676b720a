import { NotSupportedError } from '../source/errors.js';
import { NB, NotImplemented, PyType, objectType, strType } from './types.js';
import { PyObject, type PyValue } from './values.js';
import { strRepr } from './repr.js';
import { hashStr } from './hash.js';
import { hasIndex, index, registerStrLen, registerStrRepr } from './abstract.js';
import { indexError, newError, MemoryError, typeError } from './exceptions.js';
import { PySlice, sliceIndices } from './slice.js';
import { cmpResult } from './int.js';

/**
 * str: JS strings hold UTF-16, Python counts code points. Strings without surrogates (nearly all)
 * index directly; others go through their code point array. Comparison orders by code point,
 * which differs from UTF-16 order only for astral characters.
 * CPython: Objects/unicodeobject.c.
 */

let lastChecked = '';
let lastHasSurrogates = false;
const SURROGATE = /[\uD800-\uDFFF]/;

/** Whether `s` has characters outside the BMP (so code unit and code point indices differ). */
export function hasSurrogates(s: string): boolean {
  if (s.length < 2) return false;
  if (s === lastChecked) return lastHasSurrogates;
  lastChecked = s;
  lastHasSurrogates = SURROGATE.test(s);
  return lastHasSurrogates;
}

/** len(s) in code points. */
export function strLen(s: string): number {
  if (!hasSurrogates(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
    else {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      n++;
    }
  }
  return n;
}

/** The code points of s, one string each. */
export function codePoints(s: string): string[] {
  return Array.from(s);
}

/** Orders two strings by code point. */
export function compareStr(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      // Move surrogates above U+E000-U+FFFF so pairs sort after every BMP character.
      if (x >= 0xd800) x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      if (y >= 0xd800) y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      return x < y ? -1 : 1;
    }
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** Largest string a program may build (CPython would exhaust memory somewhat later). */
const MAX_STR = 1 << 29;

export function strRepeat(s: string, n: number): string {
  if (n <= 0 || s.length === 0) return '';
  if (s.length * n > MAX_STR) throw newError(MemoryError, '');
  return s.repeat(n);
}

/** s[i] for an int index, with negative indices and "string index out of range". */
export function strItem(s: string, i: number): string {
  if (!hasSurrogates(s)) {
    if (i < 0) i += s.length;
    if (i < 0 || i >= s.length) throw indexError('string index out of range');
    return s[i];
  }
  const cps = codePoints(s);
  if (i < 0) i += cps.length;
  if (i < 0 || i >= cps.length) throw indexError('string index out of range');
  return cps[i];
}

export function strSlice(s: string, sl: PySlice): string {
  if (!hasSurrogates(s)) {
    const r = sliceIndices(sl, s.length);
    if (r.step === 1) return s.slice(r.start, r.start + r.length);
    let out = '';
    for (let i = 0, j = r.start; i < r.length; i++, j += r.step) out += s[j];
    return out;
  }
  const cps = codePoints(s);
  const r = sliceIndices(sl, cps.length);
  let out = '';
  for (let i = 0, j = r.start; i < r.length; i++, j += r.step) out += cps[j];
  return out;
}

strType.sq_concat = (a, b) => {
  if (typeof b !== 'string') throw typeError(`can only concatenate str (not "${typeNameOf(b)}") to str`);
  return (a as string) + b;
};
strType.sq_repeat = (a, n) => strRepeat(a as string, n);
strType.sq_length = (v) => strLen(v as string);
strType.sq_contains = (container, item) => {
  if (typeof item !== 'string') throw typeError(`'in <string>' requires string as left operand, not ${typeNameOf(item)}`);
  return (container as string).includes(item);
};
strType.mp_subscript = (v, key) => {
  const s = v as string;
  if (key instanceof PySlice) return strSlice(s, key);
  if (!hasIndex(key)) throw typeError(`string indices must be integers, not '${typeNameOf(key)}'`);
  const i = index(key);
  if (typeof i === 'bigint') throw indexError('cannot fit \'int\' into an index-sized integer');
  return strItem(s, i);
};
strType.tp_repr = (v) => strRepr(v as string);
strType.tp_str = (v) => v as string;
strType.tp_hash = (v) => hashStr(v as string);
strType.tp_richcompare = (a, b, op) => {
  if (typeof b !== 'string') return NotImplemented;
  return cmpResult(compareStr(a as string, b), op);
};
strType.tp_iter = (v) => new PyStrIterator(v as string);
strType.nb[NB.REMAINDER] = (a, b) => {
  void b;
  if (typeof a !== 'string') return NotImplemented;
  throw newNotSupported('str % formatting');
};

function typeNameOf(v: PyValue): string {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return 'int';
    case 'string':
      return 'str';
    case 'boolean':
      return 'bool';
    default:
      return v.type.name;
  }
}

function newNotSupported(what: string): NotSupportedError {
  return new NotSupportedError(what, 0);
}

/** 3.11 has a dedicated iterator type for ASCII strings. */
export const strAsciiIteratorType = new PyType('str_ascii_iterator', objectType);
export const strIteratorType = new PyType('str_iterator', objectType);

/** Iterates a str by code point. */
export class PyStrIterator extends PyObject {
  override readonly type: PyType;
  pos = 0;
  constructor(readonly s: string) {
    super();
    this.type = /^[\x00-\x7f]*$/.test(s) ? strAsciiIteratorType : strIteratorType;
  }
}
for (const t of [strAsciiIteratorType, strIteratorType]) {
  t.tp_iter = (v) => v;
  t.tp_iternext = (v) => {
    const it = v as PyStrIterator;
    const s = it.s;
    if (it.pos >= s.length) return undefined;
    const c = s.charCodeAt(it.pos);
    if (c >= 0xd800 && c <= 0xdbff && it.pos + 1 < s.length) {
      const ch = s.slice(it.pos, it.pos + 2);
      it.pos += 2;
      return ch;
    }
    return s[it.pos++];
  };
}

registerStrRepr(strRepr);
registerStrLen(strLen);
