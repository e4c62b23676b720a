import { NotSupportedError } from '../source/errors.js';
import { repr, str } from './abstract.js';
import { typeError } from './exceptions.js';
import { typeName } from './types.js';
import type { PyValue } from './values.js';

/**
 * `ascii()` and `format(value, spec)`.
 * CPython: Objects/unicodeobject.c (PyObject_ASCII), Python/formatter_unicode.c.
 */

/** repr() with every non-ASCII character escaped (\xNN, \uNNNN, \UNNNNNNNN). */
export function asciiRepr(v: PyValue): string {
  const r = repr(v);
  let out = '';
  for (const ch of r) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out += ch;
    else if (cp <= 0xff) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp <= 0xffff) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out;
}

/** `format(value, spec)` for builtin types. */
export function formatSpec(value: PyValue, spec: string): string {
  if (spec === '') return str(value);
  const formatter = specFormatters.get(typeName(value));
  if (formatter) return formatter(value, spec);
  if (typeName(value) === 'function' || typeName(value) === 'list' || typeName(value) === 'dict' || typeName(value) === 'tuple' || typeName(value) === 'NoneType') {
    throw typeError(`unsupported format string passed to ${typeName(value)}.__format__`);
  }
  throw new NotSupportedError(`format spec for ${typeName(value)}`, 0);
}

/** Per-type formatters for non-empty specs, registered by str-format-spec.ts. */
export const specFormatters = new Map<string, (value: PyValue, spec: string) => string>();
