import { getIter, hasIndex, index, next } from './abstract.js';
import { typeError, valueError } from './exceptions.js';
import { PyList } from './list.js';
import { argRange, defineMethod, keywords, noArgs, noKw } from './methods.js';
import { codePoints, hasSurrogates, strLen, strRepeat } from './str.js';
import { strType, typeName } from './types.js';
import { PyTuple, type PyValue } from './values.js';

/**
 * Methods of str. Indices are in code points; strings with astral characters (surrogate pairs in
 * JS) are converted where positions matter.
 * CPython: Objects/unicodeobject.c, Objects/stringlib/ (split.h, find.h, transmogrify.h).
 */

/** Python's whitespace (str.isspace), which differs from JS \s (no U+FEFF; adds U+001C-U+001F, U+0085). */
export const PY_WHITESPACE = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const WS_RE = new RegExp(`[${PY_WHITESPACE}]`);
const LINE_BREAK = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/g;

function s(v: PyValue): string {
  return v as string;
}

function argStr(method: string, n: number, v: PyValue): string {
  if (typeof v !== 'string') throw typeError(`${method}() argument ${n} must be str, not ${typeName(v)}`);
  return v;
}

/** A code point index -> code unit index. */
function unitIndex(str: string, cp: number): number {
  if (!hasSurrogates(str)) return cp;
  let u = 0;
  for (let i = 0; i < cp && u < str.length; i++) {
    const c = str.charCodeAt(u);
    u += c >= 0xd800 && c <= 0xdbff && u + 1 < str.length ? 2 : 1;
  }
  return u;
}

/** A code unit index -> code point index. */
function cpIndex(str: string, unit: number): number {
  if (!hasSurrogates(str)) return unit;
  return strLen(str.slice(0, unit));
}

/** Resolves optional start/end arguments like a slice, in code points. */
function span(str: string, start: PyValue | undefined, end: PyValue | undefined): [number, number] {
  const len = strLen(str);
  const conv = (v: PyValue | undefined, dflt: number): number => {
    if (v === undefined || v === null || (typeof v === 'object' && v.type.name === 'NoneType')) return dflt;
    if (!hasIndex(v)) throw typeError('slice indices must be integers or None or have an __index__ method');
    let i = index(v);
    if (typeof i === 'bigint') i = i < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
    if (i < 0) i = Math.max(0, i + len);
    return i;
  };
  const lo = conv(start, 0);
  const hi = Math.min(conv(end, len), len);
  return [lo, hi];
}

/** find/rfind/index/rindex/count's "takes at least 1 argument" form. */
function findArgs(name: string, args: readonly PyValue[], kw: readonly string[] | null): readonly PyValue[] {
  noKw(name, args, kw);
  if (args.length < 1) throw typeError(`${name}() takes at least 1 argument (0 given)`);
  if (args.length > 3) throw typeError(`${name}() takes at most 3 arguments (${args.length} given)`);
  if (typeof args[0] !== 'string') throw typeError(`must be str, not ${typeName(args[0])}`);
  return args;
}

function findImpl(str: string, args: readonly PyValue[], reverse: boolean): number {
  const sub = args[0] as string;
  const [lo, hi] = span(str, args[1], args[2]);
  if (lo > strLen(str) || hi - lo < strLen(sub)) return sub === '' && lo <= hi ? lo : -1;
  const ulo = unitIndex(str, lo);
  const uhi = unitIndex(str, hi);
  const region = str.slice(ulo, uhi);
  const at = reverse ? region.lastIndexOf(sub) : region.indexOf(sub);
  return at < 0 ? -1 : cpIndex(str, ulo + at);
}

defineMethod(strType, 'find', (v, args, kw) => findImpl(s(v), findArgs('find', args, kw), false));
defineMethod(strType, 'rfind', (v, args, kw) => findImpl(s(v), findArgs('rfind', args, kw), true));
defineMethod(strType, 'index', (v, args, kw) => {
  const r = findImpl(s(v), findArgs('index', args, kw), false);
  if (r < 0) throw valueError('substring not found');
  return r;
});
defineMethod(strType, 'rindex', (v, args, kw) => {
  const r = findImpl(s(v), findArgs('rindex', args, kw), true);
  if (r < 0) throw valueError('substring not found');
  return r;
});
defineMethod(strType, 'count', (v, args, kw) => {
  const a = findArgs('count', args, kw);
  const str = s(v);
  const sub = a[0] as string;
  const [lo, hi] = span(str, a[1], a[2]);
  if (lo > strLen(str) || hi < lo) return 0;
  const region = str.slice(unitIndex(str, lo), unitIndex(str, hi));
  if (sub === '') return strLen(region) + 1;
  let n = 0;
  for (let i = region.indexOf(sub); i >= 0; i = region.indexOf(sub, i + sub.length)) n++;
  return n;
});

function affix(name: string, str: string, args: readonly PyValue[], kw: readonly string[] | null, test: (region: string, a: string) => boolean): boolean {
  noKw(name, args, kw);
  if (args.length < 1) throw typeError(`${name}() takes at least 1 argument (0 given)`);
  if (args.length > 3) throw typeError(`${name}() takes at most 3 arguments (${args.length} given)`);
  const [lo, hi] = span(str, args[1], args[2]);
  const region = lo > strLen(str) ? null : str.slice(unitIndex(str, lo), unitIndex(str, Math.max(lo, hi)));
  const check = (a: PyValue): boolean => {
    if (typeof a !== 'string') throw typeError(`tuple for ${name} must only contain str, not ${typeName(a)}`);
    return region !== null && test(region, a);
  };
  const x = args[0];
  if (x instanceof PyTuple) return x.items.some(check);
  if (typeof x !== 'string') throw typeError(`${name} first arg must be str or a tuple of str, not ${typeName(x)}`);
  return region !== null && test(region, x);
}
defineMethod(strType, 'startswith', (v, args, kw) => affix('startswith', s(v), args, kw, (r, a) => r.startsWith(a)));
defineMethod(strType, 'endswith', (v, args, kw) => affix('endswith', s(v), args, kw, (r, a) => r.endsWith(a)));

function stripChars(name: string, args: readonly PyValue[], kw: readonly string[] | null): string | null {
  const [chars] = argRange(name, args, kw, 0, 1);
  if (chars === undefined || (typeof chars === 'object' && chars.type.name === 'NoneType')) return null;
  if (typeof chars !== 'string') throw typeError(`${name} arg must be None or str`);
  return chars;
}
function stripImpl(str: string, chars: string | null, left: boolean, right: boolean): string {
  const set = chars === null ? null : new Set(codePoints(chars));
  const cps = codePoints(str);
  const strip = (ch: string): boolean => (set === null ? WS_RE.test(ch) : set.has(ch));
  let i = 0;
  let j = cps.length;
  if (left) while (i < j && strip(cps[i])) i++;
  if (right) while (j > i && strip(cps[j - 1])) j--;
  return cps.slice(i, j).join('');
}
defineMethod(strType, 'strip', (v, args, kw) => stripImpl(s(v), stripChars('strip', args, kw), true, true));
defineMethod(strType, 'lstrip', (v, args, kw) => stripImpl(s(v), stripChars('lstrip', args, kw), true, false));
defineMethod(strType, 'rstrip', (v, args, kw) => stripImpl(s(v), stripChars('rstrip', args, kw), false, true));

function splitArgs(name: string, args: readonly PyValue[], kw: readonly string[] | null): { sep: string | null; maxsplit: number } {
  const npos = args.length - (kw?.length ?? 0);
  if (args.length > 2) throw typeError(`${name}() takes at most 2 arguments (${args.length} given)`);
  const named = keywords(args, kw);
  for (const n of named.keys()) if (n !== 'sep' && n !== 'maxsplit') throw typeError(`${name}() got an unexpected keyword argument '${n}'`);
  let sepArg = npos > 0 ? args[0] : named.get('sep');
  const maxArg = npos > 1 ? args[1] : named.get('maxsplit');
  if (sepArg !== undefined && typeof sepArg === 'object' && sepArg.type.name === 'NoneType') sepArg = undefined;
  if (sepArg !== undefined && typeof sepArg !== 'string') throw typeError(`must be str or None, not ${typeName(sepArg)}`);
  if (sepArg === '') throw valueError('empty separator');
  let maxsplit = -1;
  if (maxArg !== undefined) {
    const m = index(maxArg);
    maxsplit = typeof m === 'bigint' ? (m < 0n ? -1 : Number.MAX_SAFE_INTEGER) : m;
  }
  return { sep: sepArg === undefined ? null : sepArg, maxsplit };
}

defineMethod(strType, 'split', (v, args, kw) => {
  const { sep, maxsplit } = splitArgs('split', args, kw);
  const str = s(v);
  const out: PyValue[] = [];
  if (sep === null) {
    let rest = str.replace(new RegExp(`^[${PY_WHITESPACE}]+`), '');
    let n = 0;
    while (rest.length > 0) {
      if (maxsplit >= 0 && n >= maxsplit) {
        out.push(rest);
        break;
      }
      const m = new RegExp(`[${PY_WHITESPACE}]+`).exec(rest);
      if (m === null) {
        out.push(rest);
        break;
      }
      out.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + m[0].length);
      n++;
    }
    return new PyList(out);
  }
  let start = 0;
  let n = 0;
  for (let i = str.indexOf(sep); i >= 0 && (maxsplit < 0 || n < maxsplit); i = str.indexOf(sep, start), n++) {
    out.push(str.slice(start, i));
    start = i + sep.length;
  }
  out.push(str.slice(start));
  return new PyList(out);
});
defineMethod(strType, 'rsplit', (v, args, kw) => {
  const { sep, maxsplit } = splitArgs('rsplit', args, kw);
  const str = s(v);
  const out: string[] = [];
  if (sep === null) {
    let rest = str.replace(new RegExp(`[${PY_WHITESPACE}]+$`), '');
    let n = 0;
    while (rest.length > 0) {
      if (maxsplit >= 0 && n >= maxsplit) {
        out.push(rest);
        break;
      }
      const m = new RegExp(`[${PY_WHITESPACE}]+(?=[^${PY_WHITESPACE}]*$)`).exec(rest);
      if (m === null) {
        out.push(rest);
        break;
      }
      out.push(rest.slice(m.index + m[0].length));
      rest = rest.slice(0, m.index);
      n++;
    }
    return new PyList(out.reverse());
  }
  let end = str.length;
  let n = 0;
  for (let i = str.lastIndexOf(sep, end - sep.length); i >= 0 && (maxsplit < 0 || n < maxsplit); n++) {
    out.push(str.slice(i + sep.length, end));
    end = i;
    i = end - sep.length < 0 ? -1 : str.lastIndexOf(sep, end - sep.length);
  }
  out.push(str.slice(0, end));
  return new PyList(out.reverse());
});
defineMethod(strType, 'splitlines', (v, args, kw) => {
  const named = keywords(args, kw);
  const npos = args.length - (kw?.length ?? 0);
  const keep = npos > 0 ? args[0] : named.get('keepends');
  const keepends = keep !== undefined && keep !== false && keep !== 0;
  const str = s(v);
  const out: PyValue[] = [];
  let start = 0;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(str); m !== null; m = LINE_BREAK.exec(str)) {
    out.push(str.slice(start, keepends ? m.index + m[0].length : m.index));
    start = m.index + m[0].length;
  }
  if (start < str.length) out.push(str.slice(start));
  return new PyList(out);
});
defineMethod(strType, 'join', (v, args, kw) => {
  noKw('join', args, kw);
  if (args.length !== 1) throw typeError(`str.join() takes exactly one argument (${args.length} given)`);
  const iterable = args[0];
  let it: PyValue;
  try {
    it = getIter(iterable);
  } catch {
    throw typeError('can only join an iterable');
  }
  const parts: string[] = [];
  for (let x = next(it), i = 0; x !== undefined; x = next(it), i++) {
    if (typeof x !== 'string') throw typeError(`sequence item ${i}: expected str instance, ${typeName(x)} found`);
    parts.push(x);
  }
  return parts.join(s(v));
});
defineMethod(strType, 'replace', (v, args, kw) => {
  const [old, rep, count] = argRange('replace', args, kw, 2, 3);
  const a = argStr('replace', 1, old);
  const b = argStr('replace', 2, rep);
  let n = count === undefined ? -1 : Number(index(count));
  const str = s(v);
  if (a === '') {
    const cps = codePoints(str);
    let out = '';
    for (let i = 0; i <= cps.length; i++) {
      if (n !== 0) {
        out += b;
        n--;
      }
      if (i < cps.length) out += cps[i];
    }
    return out;
  }
  let out = '';
  let start = 0;
  for (let i = str.indexOf(a); i >= 0 && n !== 0; i = str.indexOf(a, start), n--) {
    out += str.slice(start, i) + b;
    start = i + a.length;
  }
  return out + str.slice(start);
});

function noArgMethod(name: string, fn: (str: string) => PyValue): void {
  defineMethod(strType, name, (v, args, kw) => {
    noArgs(`str.${name}`, args, kw);
    return fn(s(v));
  });
}
noArgMethod('upper', (x) => x.toUpperCase());
noArgMethod('lower', (x) => x.toLowerCase());
// Full case folding: upper-casing first expands 'ß' to 'SS' (then 'ss'), as folding does.
noArgMethod('casefold', (x) => x.toUpperCase().toLowerCase());
noArgMethod('swapcase', (x) =>
  codePoints(x)
    .map((c) => (isUpperCp(c) ? c.toLowerCase() : isLowerCp(c) ? c.toUpperCase() : c))
    .join(''),
);
noArgMethod('capitalize', (x) => {
  const cps = codePoints(x);
  if (cps.length === 0) return '';
  return titleCase(cps[0]) + cps.slice(1).join('').toLowerCase();
});
noArgMethod('title', (x) => {
  let out = '';
  let prevCased = false;
  for (const c of codePoints(x)) {
    if (isCased(c)) {
      out += prevCased ? c.toLowerCase() : titleCase(c);
      prevCased = true;
    } else {
      out += c;
      prevCased = false;
    }
  }
  return out;
});

/**
 * Titlecase of one character: the digraphs have their own titlecase letter, and characters whose
 * uppercase is several letters keep only the first one capital ('ß' -> 'Ss', 'ﬁ' -> 'Fi').
 */
function titleCase(c: string): string {
  const special: Record<string, string> = { ǆ: 'ǅ', ǅ: 'ǅ', Ǆ: 'ǅ', ǉ: 'ǈ', ǈ: 'ǈ', Ǉ: 'ǈ', ǌ: 'ǋ', ǋ: 'ǋ', Ǌ: 'ǋ', ǳ: 'ǲ', ǲ: 'ǲ', Ǳ: 'ǲ' };
  if (special[c] !== undefined) return special[c];
  const upper = codePoints(c.toUpperCase());
  return upper.length > 1 ? upper[0] + upper.slice(1).join('').toLowerCase() : upper[0];
}
/** Cased characters: str.title and istitle treat these as letters with a case. */
function isCased(c: string): boolean {
  return /[\p{Uppercase}\p{Lowercase}\p{Lt}]/u.test(c);
}
/** str.isupper/islower per character: Unicode's Uppercase and Lowercase properties. */
const isUpperCp = (c: string): boolean => /\p{Uppercase}/u.test(c);
const isLowerCp = (c: string): boolean => /\p{Lowercase}/u.test(c);

function predicate(name: string, test: (str: string) => boolean): void {
  noArgMethod(name, test);
}
predicate('isdigit', (x) => x.length > 0 && codePoints(x).every((c) => /\p{Nd}/u.test(c) || DIGIT_EXTRA.test(c)));
predicate('isdecimal', (x) => x.length > 0 && /^\p{Nd}+$/u.test(x));
predicate('isnumeric', (x) => x.length > 0 && /^\p{N}+$/u.test(x));
predicate('isalpha', (x) => x.length > 0 && /^\p{L}+$/u.test(x));
predicate('isalnum', (x) => x.length > 0 && /^[\p{L}\p{N}]+$/u.test(x));
predicate('isspace', (x) => x.length > 0 && new RegExp(`^[${PY_WHITESPACE}]+$`).test(x));
predicate('isascii', (x) => /^[\x00-\x7f]*$/.test(x));
const isTitleCp = (c: string): boolean => /\p{Lt}/u.test(c);
predicate('isupper', (x) => {
  const cps = codePoints(x);
  return cps.some(isUpperCp) && !cps.some((c) => isLowerCp(c) || isTitleCp(c));
});
predicate('islower', (x) => {
  const cps = codePoints(x);
  return cps.some(isLowerCp) && !cps.some((c) => isUpperCp(c) || isTitleCp(c));
});
predicate('istitle', (x) => {
  let prevCased = false;
  let cased = false;
  for (const c of codePoints(x)) {
    if (isUpperCp(c) || isTitleCp(c)) {
      if (prevCased) return false;
      prevCased = cased = true;
    } else if (isLowerCp(c)) {
      if (!prevCased) return false;
      prevCased = cased = true;
    } else prevCased = false;
  }
  return cased;
});
predicate('isidentifier', (x) => /^[\p{XID_Start}_][\p{XID_Continue}]*$/u.test(x));
/** Characters with Numeric_Type=Digit that are not decimal digits (superscripts, circled digits...). */
const DIGIT_EXTRA = /[\u00b2\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\u{10a40}-\u{10a43}\u{1f100}-\u{1f10a}]/u;

function fillArgs(name: string, args: readonly PyValue[], kw: readonly string[] | null): { width: number; fill: string } {
  const [w, f] = argRange(name, args, kw, 1, 2);
  const width = Number(index(w));
  let fill = ' ';
  if (f !== undefined) {
    if (typeof f !== 'string') throw typeError(`${name}() argument 2 must be a unicode character, not ${typeName(f)}`);
    if (strLen(f) !== 1) throw typeError('The fill character must be exactly one character long');
    fill = f;
  }
  return { width, fill };
}
defineMethod(strType, 'center', (v, args, kw) => {
  const { width, fill } = fillArgs('center', args, kw);
  const str = s(v);
  const len = strLen(str);
  if (width <= len) return str;
  const marg = width - len;
  const left = Math.floor(marg / 2) + (marg & width & 1);
  return strRepeat(fill, left) + str + strRepeat(fill, marg - left);
});
defineMethod(strType, 'ljust', (v, args, kw) => {
  const { width, fill } = fillArgs('ljust', args, kw);
  const str = s(v);
  return str + strRepeat(fill, width - strLen(str));
});
defineMethod(strType, 'rjust', (v, args, kw) => {
  const { width, fill } = fillArgs('rjust', args, kw);
  const str = s(v);
  return strRepeat(fill, width - strLen(str)) + str;
});
defineMethod(strType, 'zfill', (v, args, kw) => {
  const [w] = argRange('zfill', args, kw, 1, 1);
  const width = Number(index(w));
  const str = s(v);
  const pad = width - strLen(str);
  if (pad <= 0) return str;
  if (str.startsWith('+') || str.startsWith('-')) return str[0] + '0'.repeat(pad) + str.slice(1);
  return '0'.repeat(pad) + str;
});
function partition(name: string, reverse: boolean): void {
  defineMethod(strType, name, (v, args, kw) => {
    noKw(name, args, kw);
    if (args.length !== 1) throw typeError(`str.${name}() takes exactly one argument (${args.length} given)`);
    const sep = args[0];
    if (typeof sep !== 'string') throw typeError(`must be str, not ${typeName(sep)}`);
    if (sep === '') throw valueError('empty separator');
    const str = s(v);
    const i = reverse ? str.lastIndexOf(sep) : str.indexOf(sep);
    if (i < 0) return reverse ? new PyTuple(['', '', str]) : new PyTuple([str, '', '']);
    return new PyTuple([str.slice(0, i), sep, str.slice(i + sep.length)]);
  });
}
partition('partition', false);
partition('rpartition', true);
defineMethod(strType, 'removeprefix', (v, args, kw) => {
  noKw('removeprefix', args, kw);
  if (args.length !== 1) throw typeError(`str.removeprefix() takes exactly one argument (${args.length} given)`);
  const p = argStr('removeprefix', 1, args[0]);
  const str = s(v);
  return str.startsWith(p) ? str.slice(p.length) : str;
});
defineMethod(strType, 'removesuffix', (v, args, kw) => {
  noKw('removesuffix', args, kw);
  if (args.length !== 1) throw typeError(`str.removesuffix() takes exactly one argument (${args.length} given)`);
  const p = argStr('removesuffix', 1, args[0]);
  const str = s(v);
  return p !== '' && str.endsWith(p) ? str.slice(0, str.length - p.length) : str;
});
