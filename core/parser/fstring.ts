import type { FormattedValue, expr } from '../ast/nodes.generated.js';
import { utf8Length } from '../source/utf8.js';
import { Tokenizer, MAXLEVEL } from '../tokenizer/tokenizer.js';
import { span } from './actions.js';
import type { Decoded } from './escapes.js';
import { decodeUnicodeEscapes } from './escapes.js';
import { Parser } from './parser.js';
import { runParser } from './run.js';
import { concatLiteral, escapeFailure, fstringFinish, makeStrNode, warnInvalidEscape } from './strings.js';
import type { Token } from './token.js';

/**
 * f-strings as Python 3.11 parses them: the tokenizer gives the whole f-string as one STRING
 * token; this module splits its body into literal parts and `{...}` fields, and parses each
 * field's expression with a fresh parser over `(expr)`, shifted to the field's real line and
 * column. The JoinedStr, its literal Constants and its FormattedValues all get the span of the
 * whole run of string tokens (a format spec's JoinedStr, and its trailing literal, that of the
 * token holding it) — 3.11's quirk, kept on purpose.
 * CPython: Parser/string_parser.c (fstring_find_literal, fstring_find_expr, fstring_compile_expr,
 * fstring_find_expr_location, _PyPegen_FstringParser_ConcatFstring, fstring_parse).
 */

/** What has been collected so far: pending literal text and finished parts. CPython: FstringParser. */
export interface FstringState {
  lastStr: string | null;
  fmode: boolean;
  exprList: expr[];
}

/** A read position in the token text (CPython's `const char **str`). */
interface Cursor {
  pos: number;
}

/**
 * Parses the f-string body `body` of token `t` (starting at `bodyStart` in the token's text) into
 * `state`. CPython: _PyPegen_FstringParser_ConcatFstring.
 */
export function fstringConcat(
  p: Parser,
  state: FstringState,
  t: Token,
  body: string,
  bodyStart: number,
  raw: boolean,
  recurseLvl: number,
  first: Token,
  last: Token,
): void {
  const cur: Cursor = { pos: bodyStart };
  concatAt(p, state, t, cur, bodyStart + body.length, raw, recurseLvl, first, last);
}

function concatAt(
  p: Parser,
  state: FstringState,
  t: Token,
  cur: Cursor,
  end: number,
  raw: boolean,
  recurseLvl: number,
  first: Token,
  last: Token,
): void {
  const text = t.string;
  state.fmode = true;
  for (;;) {
    const r = findLiteralAndExpr(p, t, cur, end, raw, recurseLvl, first, last);
    if (r.literal !== null) concatLiteral(state, r.literal);
    if (r.exprText !== null) concatLiteral(state, r.exprText);
    if (r.result === 1) continue;
    if (r.expression === null) break;
    if (state.lastStr !== null) {
      state.exprList.push(makeStrNode(state.lastStr, first, last));
      state.lastStr = null;
    }
    state.exprList.push(r.expression);
  }
  if (recurseLvl === 0 && cur.pos < end - 1) throw p.error('SyntaxError', 'f-string: unexpected end of string');
  if (recurseLvl !== 0 && text[cur.pos] !== '}') throw p.error('SyntaxError', "f-string: expecting '}'");
}

interface LiteralAndExpr {
  result: 0 | 1;
  literal: string | null;
  exprText: string | null;
  expression: expr | null;
}

/** CPython: fstring_find_literal_and_expr. */
function findLiteralAndExpr(
  p: Parser,
  t: Token,
  cur: Cursor,
  end: number,
  raw: boolean,
  recurseLvl: number,
  first: Token,
  last: Token,
): LiteralAndExpr {
  const lit = findLiteral(p, t, cur, end, raw, recurseLvl);
  const out: LiteralAndExpr = { result: lit.result, literal: lit.literal, exprText: null, expression: null };
  if (lit.result === 1) return out;
  if (cur.pos >= end || t.string[cur.pos] === '}') return out;
  const e = findExpr(p, t, cur, end, raw, recurseLvl, first, last);
  out.exprText = e.exprText;
  out.expression = e.expression;
  return out;
}

/** Reads literal text up to an unescaped brace. CPython: fstring_find_literal. */
function findLiteral(p: Parser, t: Token, cur: Cursor, end: number, raw: boolean, recurseLvl: number): { result: 0 | 1; literal: string | null } {
  const text = t.string;
  let s = cur.pos;
  const literalStart = s;
  let result: 0 | 1 = 0;
  let done = false;
  while (s < end) {
    let ch = text[s++];
    if (!raw && ch === '\\' && s < end) {
      ch = text[s++];
      if (ch === 'N') {
        if (s < end && text[s++] === '{') {
          while (s < end && text[s++] !== '}') {
            // skip the character name
          }
          continue;
        }
        continue;
      }
      if (ch === '{' && !p.callInvalidRules) {
        p.onWarning?.({ category: 'DeprecationWarning', message: "invalid escape sequence '\\{'", lineno: t.lineno });
      }
    }
    if (ch === '{' || ch === '}') {
      if (recurseLvl === 0) {
        if (s < end && text[s] === ch) {
          cur.pos = s + 1;
          result = 1;
          done = true;
          break;
        }
        if (ch === '}') {
          cur.pos = s - 1;
          throw p.error('SyntaxError', "f-string: single '}' is not allowed");
        }
      }
      s--;
      break;
    }
  }
  if (!done) cur.pos = s;
  let literal: string | null = null;
  if (literalStart !== s) {
    const chunk = text.slice(literalStart, s);
    if (raw) literal = chunk;
    else {
      let d: Decoded<string>;
      try {
        d = decodeUnicodeEscapes(chunk);
      } catch (e) {
        escapeFailure(p, e);
      }
      warnInvalidEscape(p, d, t);
      literal = d.value;
    }
  }
  return { result, literal };
}

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\x0b' || c === '\x0c';

/** Reads one `{...}` field. CPython: fstring_find_expr. */
function findExpr(
  p: Parser,
  t: Token,
  cur: Cursor,
  end: number,
  raw: boolean,
  recurseLvl: number,
  first: Token,
  last: Token,
): { exprText: string | null; expression: expr } {
  const text = t.string;
  let quoteChar = '';
  let stringType = 0;
  let nestedDepth = 0;
  const parenstack: string[] = [];
  let exprText: string | null = null;
  let conversion = -1;
  let formatSpec: expr | null = null;

  if (recurseLvl >= 2) throw p.error('SyntaxError', 'f-string: expressions nested too deeply');
  cur.pos += 1;
  const exprStart = cur.pos;
  for (; cur.pos < end; cur.pos++) {
    const ch = text[cur.pos];
    if (ch === '\\') throw p.error('SyntaxError', 'f-string expression part cannot include a backslash');
    if (quoteChar !== '') {
      if (ch === quoteChar) {
        if (stringType === 3) {
          if (cur.pos + 2 < end && text[cur.pos + 1] === ch && text[cur.pos + 2] === ch) {
            cur.pos += 2;
            stringType = 0;
            quoteChar = '';
            continue;
          }
        } else {
          quoteChar = '';
          stringType = 0;
          continue;
        }
      }
    } else if (ch === "'" || ch === '"') {
      if (cur.pos + 2 < end && text[cur.pos + 1] === ch && text[cur.pos + 2] === ch) {
        stringType = 3;
        cur.pos += 2;
      } else stringType = 1;
      quoteChar = ch;
    } else if (ch === '[' || ch === '{' || ch === '(') {
      if (nestedDepth >= MAXLEVEL) throw p.error('SyntaxError', 'f-string: too many nested parenthesis');
      parenstack[nestedDepth] = ch;
      nestedDepth++;
    } else if (ch === '#') {
      throw p.error('SyntaxError', "f-string expression part cannot include '#'");
    } else if (nestedDepth === 0 && (ch === '!' || ch === ':' || ch === '}' || ch === '=' || ch === '>' || ch === '<')) {
      if (cur.pos + 1 < end) {
        const next = text[cur.pos + 1];
        if ((ch === '!' && next === '=') || (ch === '=' && next === '=') || (ch === '<' && next === '=') || (ch === '>' && next === '=')) {
          cur.pos += 1;
          continue;
        }
      }
      if (ch === '>' || ch === '<') continue;
      break;
    } else if (ch === ']' || ch === '}' || ch === ')') {
      if (nestedDepth === 0) throw p.error('SyntaxError', `f-string: unmatched '${ch}'`);
      nestedDepth--;
      const opening = parenstack[nestedDepth];
      if (!((opening === '(' && ch === ')') || (opening === '[' && ch === ']') || (opening === '{' && ch === '}'))) {
        throw p.error('SyntaxError', `f-string: closing parenthesis '${ch}' does not match opening parenthesis '${opening}'`);
      }
    }
  }
  const exprEnd = cur.pos;
  if (quoteChar !== '') throw p.error('SyntaxError', 'f-string: unterminated string');
  if (nestedDepth !== 0) throw p.error('SyntaxError', `f-string: unmatched '${parenstack[nestedDepth - 1]}'`);
  const expecting = (): never => {
    throw p.error('SyntaxError', "f-string: expecting '}'");
  };
  if (cur.pos >= end) expecting();

  const simpleExpression = compileExpr(p, t, exprStart, exprEnd);

  if (text[cur.pos] === '=') {
    cur.pos += 1;
    while (cur.pos < text.length && isSpace(text[cur.pos])) cur.pos += 1;
    if (cur.pos >= end) expecting();
    exprText = text.slice(exprStart, cur.pos);
  }
  if (text[cur.pos] === '!') {
    cur.pos += 1;
    if (cur.pos >= end) expecting();
    conversion = text.charCodeAt(cur.pos);
    cur.pos += 1;
    if (!(conversion === 0x73 || conversion === 0x72 || conversion === 0x61)) {
      throw p.error('SyntaxError', "f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
  }
  if (cur.pos >= end) expecting();
  if (text[cur.pos] === ':') {
    cur.pos += 1;
    if (cur.pos >= end) expecting();
    // fstring_parse: a nested f-string for the format spec, finished with the current token's span.
    const state: FstringState = { lastStr: null, fmode: false, exprList: [] };
    concatAt(p, state, t, cur, end, raw, recurseLvl + 1, first, last);
    formatSpec = fstringFinish(state, t, t);
  }
  if (cur.pos >= end || text[cur.pos] !== '}') expecting();
  cur.pos += 1;
  if (exprText !== null && formatSpec === null && conversion === -1) conversion = 0x72;
  const expression = span<FormattedValue>({ _type: 'FormattedValue', value: simpleExpression, conversion, format_spec: formatSpec }, first, last);
  return { exprText, expression };
}

/**
 * Parses one field's expression with a new parser over `(expr)`, placed at the field's position.
 * CPython: fstring_compile_expr, fstring_find_expr_location.
 */
function compileExpr(p: Parser, t: Token, exprStart: number, exprEnd: number): expr {
  const text = t.string;
  let s = exprStart;
  for (; s !== exprEnd; s++) {
    const c = text[s];
    if (!(c === ' ' || c === '\t' || c === '\n' || c === '\f')) break;
  }
  if (s === exprEnd) {
    const c = text[exprEnd];
    if (c === '!' || c === ':' || c === '=') throw p.error('SyntaxError', `f-string: expression required before '${c}'`);
    throw p.error('SyntaxError', 'f-string: empty expression not allowed');
  }
  // fstring_find_expr_location
  const brace = exprStart - 1;
  let lines = 0;
  let cols = 0;
  let newlineAfterBrace = true;
  for (let k = brace + 1; k < text.length && text[k] !== '}' && text[k] !== '\n'; k++) {
    const c = text[k];
    if (c !== ' ' && c !== '\t' && c !== '\f') {
      newlineAfterBrace = false;
      break;
    }
  }
  if (!newlineAfterBrace) {
    let k = brace;
    while (k > 0 && text[k] !== '\n') k--;
    cols += utf8Length(text, k, brace);
    if (text[k] === '\n') cols -= 1;
  }
  for (let k = 0; k < brace; k++) if (text.charCodeAt(k) === 10) lines++;

  const src = '(' + text.slice(exprStart, exprEnd) + ')\n';
  let ascii = true;
  for (let k = 0; k < src.length; k++) {
    if (src.charCodeAt(k) >= 0x80) {
      ascii = false;
      break;
    }
  }
  const tok = new Tokenizer({ text: src, ascii, encoding: null, lineError: null }, p.filename, t.lineno + lines - 1);
  tok.onWarning = p.tok.onWarning;
  const p2 = new Parser(tok, 'fstring', p.filename, p.mode, null);
  p2.startingLineno = t.lineno + lines;
  p2.startingColOffset = lines !== 0 ? cols : t.col_offset + cols;
  return runParser(p2) as expr;
}
