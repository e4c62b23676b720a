import { Tok } from './token-kind.js';
import { EOF, isDigit, isPotentialIdentifierChar, type Tokenizer } from './tokenizer.js';

/**
 * Number literals: every form 3.11 accepts (decimal with `_` separators, 0x/0o/0b, floats,
 * exponents, imaginary), with the C tokenizer's error messages and its check of what follows a
 * literal ("invalid decimal literal", or a SyntaxWarning before a keyword like `1if`).
 * The control flow mirrors the gotos of tok_get (fraction, exponent, imaginary).
 * CPython: Parser/tokenizer.c (tok_get number section, tok_decimal_tail, verify_end_of_number).
 */

/** Marker returned by helpers after they raised an error. */
const FAIL = -2;

const isXDigit = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/** Reads digits and single underscores; returns the first other character, or FAIL. */
function decimalTail(tok: Tokenizer): number {
  let c: number;
  for (;;) {
    do c = tok.nextc();
    while (isDigit(c));
    if (c !== 0x5f) break;
    c = tok.nextc();
    if (!isDigit(c)) {
      tok.backup(c);
      tok.syntaxError('invalid decimal literal');
      return FAIL;
    }
  }
  return c;
}

/** CPython: lookahead. True when `test` follows and then no identifier character. */
function lookahead(tok: Tokenizer, test: string): boolean {
  let i = 0;
  for (;;) {
    const c = tok.nextc();
    let res = false;
    if (i === test.length) res = !isPotentialIdentifierChar(c);
    else if (c === test.charCodeAt(i)) {
      i++;
      continue;
    }
    tok.backup(c);
    while (i > 0) tok.backup(test.charCodeAt(--i));
    return res;
  }
}

/** Checks what follows a literal. Returns false after raising an error. CPython: verify_end_of_number. */
function verifyEnd(tok: Tokenizer, c: number, kind: string): boolean {
  let r = false;
  if (c === 0x61) r = lookahead(tok, 'nd');
  else if (c === 0x65) r = lookahead(tok, 'lse');
  else if (c === 0x66) r = lookahead(tok, 'or');
  else if (c === 0x69) {
    const c2 = tok.nextc();
    if (c2 === 0x66 || c2 === 0x6e || c2 === 0x73) r = true;
    tok.backup(c2);
  } else if (c === 0x6f) r = lookahead(tok, 'r');
  else if (c === 0x6e) r = lookahead(tok, 'ot');
  if (r) {
    tok.backup(c);
    tok.warn('SyntaxWarning', `invalid ${kind} literal`);
    tok.nextc();
  } else if (c < 128 && c !== EOF && isPotentialIdentifierChar(c)) {
    tok.backup(c);
    tok.syntaxError(`invalid ${kind} literal`);
    return false;
  }
  return true;
}

function finish(tok: Tokenizer, c: number): Tok {
  tok.backup(c);
  tok.pStart = tok.start;
  tok.pEnd = tok.cur;
  return Tok.NUMBER;
}

/** After the fraction's '.': `c` is the character following it. */
function fraction(tok: Tokenizer, c: number): Tok {
  if (isDigit(c)) {
    c = decimalTail(tok);
    if (c === FAIL) return Tok.ERRORTOKEN;
  }
  return exponentOrEnd(tok, c);
}

function exponentOrEnd(tok: Tokenizer, c: number): Tok {
  if (c === 0x65 || c === 0x45) {
    const e = c;
    c = tok.nextc();
    if (c === 0x2b || c === 0x2d) {
      c = tok.nextc();
      if (!isDigit(c)) {
        tok.backup(c);
        return tok.syntaxError('invalid decimal literal');
      }
    } else if (!isDigit(c)) {
      tok.backup(c);
      if (!verifyEnd(tok, e, 'decimal')) return Tok.ERRORTOKEN;
      tok.backup(e);
      tok.pStart = tok.start;
      tok.pEnd = tok.cur;
      return Tok.NUMBER;
    }
    c = decimalTail(tok);
    if (c === FAIL) return Tok.ERRORTOKEN;
  }
  if (c === 0x6a || c === 0x4a) return imaginary(tok);
  if (!verifyEnd(tok, c, 'decimal')) return Tok.ERRORTOKEN;
  return finish(tok, c);
}

function imaginary(tok: Tokenizer): Tok {
  const c = tok.nextc();
  if (!verifyEnd(tok, c, 'imaginary')) return Tok.ERRORTOKEN;
  return finish(tok, c);
}

/** Reads digits of a 0x/0o/0b literal after its prefix. */
function radixDigits(tok: Tokenizer, name: string, isValid: (c: number) => boolean, checkDigit: boolean): Tok {
  let c = tok.nextc();
  do {
    if (c === 0x5f) c = tok.nextc();
    if (!isValid(c)) {
      if (checkDigit && isDigit(c)) return tok.syntaxError(`invalid digit '${String.fromCharCode(c)}' in ${name} literal`);
      tok.backup(c);
      return tok.syntaxError(`invalid ${name} literal`);
    }
    do c = tok.nextc();
    while (isValid(c));
  } while (c === 0x5f);
  if (checkDigit && isDigit(c)) return tok.syntaxError(`invalid digit '${String.fromCharCode(c)}' in ${name} literal`);
  if (!verifyEnd(tok, c, name)) return Tok.ERRORTOKEN;
  return finish(tok, c);
}

/**
 * Scans a number whose first character `c` has been read (`afterDot`: a '.' was read and `c` is
 * the digit after it).
 */
export function scanNumber(tok: Tokenizer, c: number, afterDot: boolean): Tok {
  if (afterDot) return fraction(tok, c);
  if (c === 0x30) {
    c = tok.nextc();
    if (c === 0x78 || c === 0x58) return radixDigits(tok, 'hexadecimal', isXDigit, false);
    if (c === 0x6f || c === 0x4f) return radixDigits(tok, 'octal', (d) => d >= 0x30 && d <= 0x37, true);
    if (c === 0x62 || c === 0x42) return radixDigits(tok, 'binary', (d) => d === 0x30 || d === 0x31, true);
    let nonzero = false;
    for (;;) {
      if (c === 0x5f) {
        c = tok.nextc();
        if (!isDigit(c)) {
          tok.backup(c);
          return tok.syntaxError('invalid decimal literal');
        }
      }
      if (c !== 0x30) break;
      c = tok.nextc();
    }
    const zerosEnd = tok.cur;
    if (isDigit(c)) {
      nonzero = true;
      c = decimalTail(tok);
      if (c === FAIL) return Tok.ERRORTOKEN;
    }
    if (c === 0x2e) return fraction(tok, tok.nextc());
    if (c === 0x65 || c === 0x45) return exponentOrEnd(tok, c);
    if (c === 0x6a || c === 0x4a) return imaginary(tok);
    if (nonzero) {
      tok.backup(c);
      // Byte offsets, used as they are (CPython passes them straight to the SyntaxError).
      return tok.syntaxError(
        'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
        tok.byteCol(tok.lineStart, tok.start + 1),
        tok.byteCol(tok.lineStart, zerosEnd),
      );
    }
    if (!verifyEnd(tok, c, 'decimal')) return Tok.ERRORTOKEN;
    return finish(tok, c);
  }
  c = decimalTail(tok);
  if (c === FAIL) return Tok.ERRORTOKEN;
  if (c === 0x2e) return fraction(tok, tok.nextc());
  return exponentOrEnd(tok, c);
}
