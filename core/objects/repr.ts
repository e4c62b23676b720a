import { CodeObject } from '../bytecode/code-object.js';
import { NON_PRINTABLE_RANGES } from './unicode-printable.generated.js';
import { Ellipsis, None, PyBytes, PyComplex, PyFloat, PyFrozenSet, PyTuple, type PyValue } from './values.js';

/**
 * `repr()` of the immutable values a code object or an AST can hold, exactly as CPython 3.11 prints them.
 * The VM's full repr (lists, dicts, user objects) builds on these.
 * CPython: Objects/floatobject.c (float_repr), Objects/unicodeobject.c (unicode_repr),
 * Objects/bytesobject.c (PyBytes_Repr), Objects/complexobject.c (complex_repr).
 */

/** Shortest round-trip digits and decimal exponent of a finite, non-zero |x|. */
function shortestDigits(x: number): { digits: string; exp: number } {
  const [mant, e] = Math.abs(x).toExponential().split('e');
  return { digits: mant.replace('.', ''), exp: Number(e) };
}

/**
 * float repr ('r' format): shortest round-trip digits; positional when -4 <= exponent < 16, else
 * scientific with at least two exponent digits. `addDot0` appends `.0` to integral positional values
 * (float repr does, complex parts do not).
 */
export function formatFloatRepr(x: number, addDot0 = true): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) {
    const z = Object.is(x, -0) ? '-0' : '0';
    return addDot0 ? z + '.0' : z;
  }
  const sign = x < 0 ? '-' : '';
  const { digits, exp } = shortestDigits(x);
  if (exp >= -4 && exp < 16) {
    let body: string;
    if (exp < 0) body = '0.' + '0'.repeat(-exp - 1) + digits;
    else if (digits.length <= exp + 1) {
      body = digits + '0'.repeat(exp + 1 - digits.length);
      if (addDot0) body += '.0';
    } else body = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
    return sign + body;
  }
  const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
  const expSign = exp < 0 ? '-' : '+';
  const expDigits = String(Math.abs(exp)).padStart(2, '0');
  return `${sign}${mant}e${expSign}${expDigits}`;
}

export function floatRepr(x: number): string {
  return formatFloatRepr(x, true);
}

/** complex repr: `2j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`. */
export function complexRepr(real: number, imag: number): string {
  const im = formatFloatRepr(imag, false);
  if (real === 0 && !Object.is(real, -0)) return im + 'j';
  const re = formatFloatRepr(real, false);
  const imSigned = im.startsWith('-') ? im : '+' + im;
  return `(${re}${imSigned}j)`;
}

/**
 * `str.isprintable()` for one code point (space counts as printable), by CPython 3.11's Unicode 14.0
 * tables (a binary search over the generated ranges), not the host engine's newer ones.
 */
export function isPrintableCodePoint(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x20 && cp < 0x7f) return true;
  const r = NON_PRINTABLE_RANGES;
  let lo = 0;
  let hi = (r.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < r[2 * mid]) hi = mid - 1;
    else if (cp > r[2 * mid + 1]) lo = mid + 1;
    else return false;
  }
  return true;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/**
 * str repr: single quotes unless the text has a `'` and no `"`; escapes \\, the quote, \t \n \r, and
 * every non-printable code point as \xNN, \uNNNN or \UNNNNNNNN.
 */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
    else if (cp < 0x7f) out += ch;
    else if (isPrintableCodePoint(ch)) out += ch;
    else if (cp <= 0xff) out += '\\x' + hex(cp, 2);
    else if (cp <= 0xffff) out += '\\u' + hex(cp, 4);
    else out += '\\U' + hex(cp, 8);
  }
  return out + quote;
}

/** bytes repr: `b'...'`, same quote rule as str; non-ASCII-printable bytes as \xNN. */
export function bytesRepr(bytes: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const b of bytes) {
    if (b === 0x27) hasSingle = true;
    else if (b === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? 0x22 : 0x27;
  let out = 'b' + String.fromCharCode(quote);
  for (const b of bytes) {
    if (b === quote || b === 0x5c) out += '\\' + String.fromCharCode(b);
    else if (b === 0x09) out += '\\t';
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b < 0x20 || b >= 0x7f) out += '\\x' + hex(b, 2);
    else out += String.fromCharCode(b);
  }
  return out + String.fromCharCode(quote);
}

/** Address shown in `<code object ... at 0x...>`: CPython prints a memory address; ours is fixed. */
export const CODE_ADDRESS = '0x0000';

/**
 * repr of a constant. Frozenset items are printed in the order given; callers that need CPython's
 * hash-table iteration order must order them first.
 */
export function constRepr(v: PyValue): string {
  if (typeof v === 'number' || typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return strRepr(v);
  if (v === None) return 'None';
  if (v === Ellipsis) return 'Ellipsis';
  if (v instanceof PyFloat) return floatRepr(v.value);
  if (v instanceof PyComplex) return complexRepr(v.real, v.imag);
  if (v instanceof PyBytes) return bytesRepr(v.bytes);
  if (v instanceof PyTuple) {
    if (v.items.length === 1) return `(${constRepr(v.items[0])},)`;
    return `(${v.items.map(constRepr).join(', ')})`;
  }
  if (v instanceof PyFrozenSet) {
    return v.items.length === 0 ? 'frozenset()' : `frozenset({${v.items.map(constRepr).join(', ')}})`;
  }
  if (v instanceof CodeObject) {
    return `<code object ${v.co_name} at ${CODE_ADDRESS}, file "${v.co_filename}", line ${v.co_firstlineno}>`;
  }
  return `<${v.constructor.name}>`;
}
