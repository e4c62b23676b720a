import { getAttr, getItem, repr, str } from './abstract.js';
import { indexError, keyError, valueError } from './exceptions.js';
import { defineMethod, keywords } from './methods.js';
import { asciiRepr, formatSpec } from './str-format.js';
import { strType } from './types.js';
import type { PyValue } from './values.js';

/**
 * `str.format(*args, **kwargs)`: literal text with `{{`/`}}` escapes and replacement fields
 * `{name.attr[key]!conv:spec}`, automatic or manual numbering (never both), nested fields inside
 * the spec. CPython: Objects/stringlib/unicode_format.h.
 */

interface Numbering {
  auto: number;
  mode: 'none' | 'auto' | 'manual';
}

/** The argument a field name's first part selects. */
function lookupArg(first: string, args: readonly PyValue[], kw: Map<string, PyValue>, n: Numbering): PyValue {
  if (first === '') {
    if (n.mode === 'manual') throw valueError('cannot switch from manual field specification to automatic field numbering');
    n.mode = 'auto';
    const i = n.auto++;
    if (i >= args.length) throw indexError(`Replacement index ${i} out of range for positional args tuple`);
    return args[i];
  }
  if (/^[0-9]+$/.test(first)) {
    if (n.mode === 'auto') throw valueError('cannot switch from automatic field numbering to manual field specification');
    n.mode = 'manual';
    const i = Number(first);
    if (i >= args.length) throw indexError(`Replacement index ${i} out of range for positional args tuple`);
    return args[i];
  }
  const v = kw.get(first);
  if (v === undefined) throw keyError(first);
  return v;
}

/** Resolves `name.attr[key]...` to a value. */
function resolveField(field: string, args: readonly PyValue[], kw: Map<string, PyValue>, n: Numbering): PyValue {
  const m = /^[^.[]*/.exec(field)!;
  let value = lookupArg(m[0], args, kw, n);
  let rest = field.slice(m[0].length);
  while (rest.length > 0) {
    if (rest[0] === '.') {
      const name = /^\.([^.[]*)/.exec(rest)![1];
      if (name === '') throw valueError('Empty attribute in format string');
      value = getAttr(value, name);
      rest = rest.slice(name.length + 1);
    } else {
      const close = rest.indexOf(']');
      if (close < 0) throw valueError("Missing ']' in format string");
      const key = rest.slice(1, close);
      if (key === '') throw valueError('Empty attribute in format string');
      value = getItem(value, /^[0-9]+$/.test(key) ? Number(key) : key);
      rest = rest.slice(close + 1);
      if (rest.length > 0 && rest[0] !== '.' && rest[0] !== '[') {
        throw valueError('Only \'.\' or \'[\' may follow \']\' in format field specifier');
      }
    }
  }
  return value;
}

export function formatString(template: string, args: readonly PyValue[], kw: Map<string, PyValue>, n: Numbering, depth = 2): string {
  if (depth < 0) throw valueError('Max string recursion exceeded');
  let out = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i];
    if (c === '}') {
      if (template[i + 1] === '}') {
        out += '}';
        i += 2;
        continue;
      }
      throw valueError("Single '}' encountered in format string");
    }
    if (c !== '{') {
      out += c;
      i++;
      continue;
    }
    if (template[i + 1] === '{') {
      out += '{';
      i += 2;
      continue;
    }
    // Find the matching close brace, allowing nested {} in the spec.
    let j = i + 1;
    let nest = 1;
    while (j < template.length) {
      if (template[j] === '{') nest++;
      else if (template[j] === '}' && --nest === 0) break;
      j++;
    }
    if (j >= template.length) throw valueError(nest > 1 ? "expected '}' before end of string" : "Single '{' encountered in format string");
    const body = template.slice(i + 1, j);
    i = j + 1;
    let field = body;
    let conv = '';
    let spec = '';
    const colon = findTopLevel(body, ':');
    if (colon >= 0) {
      field = body.slice(0, colon);
      spec = body.slice(colon + 1);
    }
    const bang = field.indexOf('!');
    if (bang >= 0) {
      conv = field.slice(bang + 1);
      field = field.slice(0, bang);
      if (conv.length !== 1) throw valueError('expected \':\' after conversion specifier');
    }
    let value = resolveField(field, args, kw, n);
    if (conv === 'r') value = repr(value);
    else if (conv === 's') value = str(value);
    else if (conv === 'a') value = asciiRepr(value);
    else if (conv !== '') throw valueError(`Unknown conversion specifier ${conv}`);
    if (spec.includes('{')) spec = formatString(spec, args, kw, n, depth - 1);
    out += formatSpec(value, spec);
  }
  return out;
}

/** Index of `ch` outside brackets (a field name may contain ':' inside [...]). */
function findTopLevel(s: string, ch: string): number {
  let inBracket = false;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '[') inBracket = true;
    else if (s[i] === ']') inBracket = false;
    else if (s[i] === ch && !inBracket) return i;
    else if (s[i] === '{' && !inBracket) return -1;
  }
  return -1;
}

defineMethod(strType, 'format', (v, args, kwnames) => {
  const nkw = kwnames === null ? 0 : kwnames.length;
  return formatString(v as string, args.slice(0, args.length - nkw), keywords(args, kwnames), { auto: 0, mode: 'none' });
});
