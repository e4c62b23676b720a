import type { Constant, JoinedStr, expr } from '../ast/nodes.generated.js';
import { PyBytes } from '../objects/values.js';
import { span } from './actions.js';
import { EscapeError, decodeBytesEscapes, decodeUnicodeEscapes, type Decoded } from './escapes.js';
import { fstringConcat, type FstringState } from './fstring.js';
import type { Parser } from './parser.js';
import type { Token } from './token.js';

/**
 * String literals: prefixes, quotes, escapes, implicit concatenation of adjacent literals, and the
 * hand-off of f-strings to the f-string parser. The resulting Constant or JoinedStr spans from the
 * first to the last token of the run.
 * CPython: Parser/action_helpers.c (_PyPegen_concatenate_strings), Parser/string_parser.c
 * (_PyPegen_parsestr, make_str_node_and_del, _PyPegen_FstringParser_*).
 */

/** One literal token taken apart. */
export interface ParsedString {
  readonly bytesmode: boolean;
  readonly rawmode: boolean;
  /** For f-strings: the body (between the quotes) and its start index in the token text. */
  readonly fstr: string | null;
  readonly fstrStart: number;
  /** For other literals: the value. */
  readonly value: string | Uint8Array | null;
}

/** Issues CPython's DeprecationWarning for the first invalid escape (first pass only). */
export function warnInvalidEscape(p: Parser, d: Decoded<unknown>, t: Token): void {
  if (d.invalidEscape === null || p.callInvalidRules) return;
  const message = d.invalidIsOctal ? `invalid octal escape sequence '\\${d.invalidEscape}'` : `invalid escape sequence '\\${d.invalidEscape}'`;
  p.onWarning?.({ category: 'DeprecationWarning', message, lineno: t.lineno });
}

/** Turns an escape-decoding failure into CPython's SyntaxError at the last token. */
export function escapeFailure(p: Parser, e: unknown): never {
  if (e instanceof EscapeError) throw p.error('SyntaxError', e.message);
  throw e;
}

/** Splits a STRING token into prefix flags and body, decoding non-f-strings. CPython: _PyPegen_parsestr. */
export function parsestr(p: Parser, t: Token): ParsedString {
  const s = t.string;
  let i = 0;
  let bytesmode = false;
  let rawmode = false;
  let fmode = false;
  for (;;) {
    const c = s.charCodeAt(i) | 0x20;
    if (c === 0x62) bytesmode = true;
    else if (c === 0x72) rawmode = true;
    else if (c === 0x66) fmode = true;
    else if (c !== 0x75) break;
    i++;
  }
  const quote = s[i];
  let start = i + 1;
  let end = s.length - 1;
  if (end - start >= 4 && s[start] === quote && s[start + 1] === quote) {
    start += 2;
    end -= 2;
  }
  const body = s.slice(start, end);
  if (fmode) return { bytesmode, rawmode, fstr: body, fstrStart: start, value: null };
  if (bytesmode) {
    for (let k = 0; k < body.length; k++) {
      if (body.charCodeAt(k) >= 0x80) throw p.errorKnownLocation('SyntaxError', t, 'bytes can only contain ASCII literal characters');
    }
    if (rawmode || body.indexOf('\\') < 0) {
      const b = new Uint8Array(body.length);
      for (let k = 0; k < body.length; k++) b[k] = body.charCodeAt(k);
      return { bytesmode, rawmode, fstr: null, fstrStart: 0, value: b };
    }
    let d: Decoded<Uint8Array>;
    try {
      d = decodeBytesEscapes(body);
    } catch (e) {
      escapeFailure(p, e);
    }
    warnInvalidEscape(p, d, t);
    return { bytesmode, rawmode, fstr: null, fstrStart: 0, value: d.value };
  }
  if (rawmode) return { bytesmode, rawmode, fstr: null, fstrStart: 0, value: body };
  let d: Decoded<string>;
  try {
    d = decodeUnicodeEscapes(body);
  } catch (e) {
    escapeFailure(p, e);
  }
  warnInvalidEscape(p, d, t);
  return { bytesmode, rawmode, fstr: null, fstrStart: 0, value: d.value };
}

/** A str Constant spanning `first`..`last`, with kind 'u' when the first token starts with `u`. */
export function makeStrNode(s: string, first: Token, last: Token): Constant {
  return span<Constant>({ _type: 'Constant', value: s, kind: first.string.charCodeAt(0) === 0x75 ? 'u' : null }, first, last);
}

/** The expression for a run of adjacent string tokens. CPython: _PyPegen_concatenate_strings. */
export function concatenateStrings(p: Parser, tokens: readonly Token[]): expr {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  let bytesmode = false;
  const byteParts: Uint8Array[] = [];
  const state: FstringState = { lastStr: null, fmode: false, exprList: [] };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const parsed = parsestr(p, t);
    if (i !== 0 && bytesmode !== parsed.bytesmode) throw p.error('SyntaxError', 'cannot mix bytes and nonbytes literals');
    bytesmode = parsed.bytesmode;
    if (parsed.fstr !== null) {
      fstringConcat(p, state, t, parsed.fstr, parsed.fstrStart, parsed.rawmode, 0, first, last);
    } else if (bytesmode) {
      byteParts.push(parsed.value as Uint8Array);
    } else {
      concatLiteral(state, parsed.value as string);
    }
  }
  if (bytesmode) {
    let total = 0;
    for (const b of byteParts) total += b.length;
    const all = new Uint8Array(total);
    let o = 0;
    for (const b of byteParts) {
      all.set(b, o);
      o += b.length;
    }
    return span<Constant>({ _type: 'Constant', value: new PyBytes(all), kind: null }, first, last);
  }
  return fstringFinish(state, first, last);
}

/** Appends a literal part (empty parts are dropped). CPython: _PyPegen_FstringParser_ConcatAndDel. */
export function concatLiteral(state: FstringState, s: string): void {
  if (s.length === 0) return;
  state.lastStr = state.lastStr === null ? s : state.lastStr + s;
}

/** The Constant or JoinedStr the collected parts make. CPython: _PyPegen_FstringParser_Finish. */
export function fstringFinish(state: FstringState, first: Token, last: Token): expr {
  if (!state.fmode) return makeStrNode(state.lastStr ?? '', first, last);
  if (state.lastStr !== null) {
    state.exprList.push(makeStrNode(state.lastStr, first, last));
    state.lastStr = null;
  }
  return span<JoinedStr>({ _type: 'JoinedStr', values: state.exprList }, first, last);
}
