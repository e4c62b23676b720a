import { lookupCharacterName } from './unicode-names.js';

/**
 * Backslash escapes of str and bytes literals, decoded as CPython's codecs do, with the same
 * error messages (including the byte positions they report) and the first invalid escape (which
 * CPython reports as a DeprecationWarning).
 * CPython: Objects/unicodeobject.c (_PyUnicode_DecodeUnicodeEscapeInternal),
 * Objects/bytesobject.c (_PyBytes_DecodeEscape), Parser/string_parser.c (decode_unicode_with_escapes).
 */

/** A decoding failure, reported by the parser as "(unicode error) ..." or "(value error) ...". */
export class EscapeError extends Error {
  constructor(readonly kind: 'unicode error' | 'value error', readonly detail: string) {
    super(`(${kind}) ${detail}`);
  }
}

/** The decoded value and the text of the first invalid escape (for the warning), if any. */
export interface Decoded<T> {
  readonly value: T;
  /** 'q' for `\q`, or the three octal digits of an escape above \377. */
  readonly invalidEscape: string | null;
  readonly invalidIsOctal: boolean;
}

const isOct = (c: number): boolean => c >= 0x30 && c <= 0x37;

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

function unicodeEscapeError(start: number, end: number, message: string, byte: number): EscapeError {
  const where =
    end - start === 1
      ? `can't decode byte 0x${byte.toString(16).padStart(2, '0')} in position ${start}`
      : `can't decode bytes in position ${start}-${end - 1}`;
  return new EscapeError('unicode error', `'unicodeescape' codec ${where}: ${message}`);
}

/**
 * Decodes the escapes of a (non-raw) str literal body. CPython first rewrites non-ASCII characters
 * as `\UXXXXXXXX` (and a backslash before one as `\u005c`) in a byte buffer, then runs the
 * unicode-escape codec on it; error positions are offsets into that buffer, so they are tracked
 * here the same way.
 */
export function decodeUnicodeEscapes(s: string): Decoded<string> {
  if (s.indexOf('\\') < 0) return { value: s, invalidEscape: null, invalidIsOctal: false };
  let out = '';
  let invalid: string | null = null;
  let invalidIsOctal = false;
  let pos = 0; // position in CPython's rewritten buffer
  const n = s.length;
  let i = 0;
  const bufLen = (c: number): number => (c < 0x80 ? 1 : 10);
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c !== 0x5c) {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        out += s[i] + s[i + 1];
        i += 2;
        pos += 10;
        continue;
      }
      out += s[i];
      i++;
      pos += bufLen(c);
      continue;
    }
    const start = pos;
    i++;
    pos++;
    if (i >= n) {
      // A trailing backslash becomes \u005c (a literal backslash).
      out += '\\';
      break;
    }
    const d = s.charCodeAt(i);
    if (d >= 0x80) {
      // "\é" becomes "\u005c\U000000e9": a backslash, then the character.
      out += '\\';
      pos += 5;
      continue;
    }
    i++;
    pos++;
    switch (d) {
      case 0x0a:
        continue;
      case 0x5c:
        out += '\\';
        continue;
      case 0x27:
        out += "'";
        continue;
      case 0x22:
        out += '"';
        continue;
      case 0x62:
        out += '\b';
        continue;
      case 0x66:
        out += '\f';
        continue;
      case 0x74:
        out += '\t';
        continue;
      case 0x6e:
        out += '\n';
        continue;
      case 0x72:
        out += '\r';
        continue;
      case 0x76:
        out += '\v';
        continue;
      case 0x61:
        out += '\x07';
        continue;
      case 0x30:
      case 0x31:
      case 0x32:
      case 0x33:
      case 0x34:
      case 0x35:
      case 0x36:
      case 0x37: {
        let ch = d - 0x30;
        const digitsStart = i - 1;
        if (i < n && isOct(s.charCodeAt(i))) {
          ch = (ch << 3) + s.charCodeAt(i++) - 0x30;
          pos++;
          if (i < n && isOct(s.charCodeAt(i))) {
            ch = (ch << 3) + s.charCodeAt(i++) - 0x30;
            pos++;
          }
        }
        if (ch > 0o377 && invalid === null) {
          invalid = s.slice(digitsStart, digitsStart + 3);
          invalidIsOctal = true;
        }
        out += String.fromCharCode(ch);
        continue;
      }
      case 0x78:
      case 0x75:
      case 0x55: {
        let count = d === 0x78 ? 2 : d === 0x75 ? 4 : 8;
        const message = d === 0x78 ? 'truncated \\xXX escape' : d === 0x75 ? 'truncated \\uXXXX escape' : 'truncated \\UXXXXXXXX escape';
        let ch = 0;
        for (; count > 0; count--) {
          if (i >= n) throw unicodeEscapeError(start, pos, message, 0x5c);
          const h = hexValue(s.charCodeAt(i));
          if (h < 0) throw unicodeEscapeError(start, pos, message, 0x5c);
          ch = ch * 16 + h;
          i++;
          pos++;
        }
        if (ch > 0x10ffff) throw unicodeEscapeError(start, pos, 'illegal Unicode character', 0x5c);
        out += String.fromCodePoint(ch);
        continue;
      }
      case 0x4e: {
        const message = 'malformed \\N character escape';
        if (i >= n) throw unicodeEscapeError(start, pos, message, 0x5c);
        if (s.charCodeAt(i) === 0x7b) {
          const close = s.indexOf('}', i + 1);
          let afterClose = pos;
          for (let k = i; k < (close < 0 ? n : close + 1); k++) afterClose += bufLen(s.charCodeAt(k));
          if (close < 0) throw unicodeEscapeError(start, afterClose, message, 0x5c);
          if (close > i + 1) {
            const cp = lookupCharacterName(s.slice(i + 1, close));
            if (cp < 0) throw unicodeEscapeError(start, afterClose, 'unknown Unicode character name', 0x5c);
            out += String.fromCodePoint(cp);
            i = close + 1;
            pos = afterClose;
            continue;
          }
          i++;
          pos++;
        }
        throw unicodeEscapeError(start, pos, message, 0x5c);
      }
      default:
        if (invalid === null) invalid = String.fromCharCode(d);
        out += '\\' + String.fromCharCode(d);
        continue;
    }
  }
  return { value: out, invalidEscape: invalid, invalidIsOctal };
}

/** Decodes the escapes of a (non-raw, ASCII-only) bytes literal body. */
export function decodeBytesEscapes(s: string): Decoded<Uint8Array> {
  const out = new Uint8Array(s.length);
  let o = 0;
  let invalid: string | null = null;
  let invalidIsOctal = false;
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c !== 0x5c) {
      out[o++] = c;
      i++;
      continue;
    }
    i++;
    if (i === n) throw new EscapeError('value error', 'Trailing \\ in string');
    const d = s.charCodeAt(i++);
    switch (d) {
      case 0x0a:
        break;
      case 0x5c:
        out[o++] = 0x5c;
        break;
      case 0x27:
        out[o++] = 0x27;
        break;
      case 0x22:
        out[o++] = 0x22;
        break;
      case 0x62:
        out[o++] = 0x08;
        break;
      case 0x66:
        out[o++] = 0x0c;
        break;
      case 0x74:
        out[o++] = 0x09;
        break;
      case 0x6e:
        out[o++] = 0x0a;
        break;
      case 0x72:
        out[o++] = 0x0d;
        break;
      case 0x76:
        out[o++] = 0x0b;
        break;
      case 0x61:
        out[o++] = 0x07;
        break;
      case 0x30:
      case 0x31:
      case 0x32:
      case 0x33:
      case 0x34:
      case 0x35:
      case 0x36:
      case 0x37: {
        let ch = d - 0x30;
        const digitsStart = i - 1;
        if (i < n && isOct(s.charCodeAt(i))) {
          ch = (ch << 3) + s.charCodeAt(i++) - 0x30;
          if (i < n && isOct(s.charCodeAt(i))) ch = (ch << 3) + s.charCodeAt(i++) - 0x30;
        }
        if (ch > 0o377 && invalid === null) {
          invalid = s.slice(digitsStart, digitsStart + 3);
          invalidIsOctal = true;
        }
        out[o++] = ch & 0xff;
        break;
      }
      case 0x78: {
        if (i + 1 < n) {
          const h1 = hexValue(s.charCodeAt(i));
          const h2 = hexValue(s.charCodeAt(i + 1));
          if (h1 >= 0 && h2 >= 0) {
            out[o++] = (h1 << 4) + h2;
            i += 2;
            break;
          }
        }
        throw new EscapeError('value error', `invalid \\x escape at position ${i - 2}`);
      }
      default:
        if (invalid === null) invalid = String.fromCharCode(d);
        out[o++] = 0x5c;
        i--;
    }
  }
  return { value: out.slice(0, o), invalidEscape: invalid, invalidIsOctal };
}
