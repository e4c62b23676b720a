/**
 * UTF-8 with the `surrogatepass` error handler: the codec marshal uses for `u`/`t` strings.
 *
 * core/ has no TextEncoder/TextDecoder (its lib has no DOM or Node types), and those would not do
 * anyway: Python strings may hold lone surrogates (`'\ud800'`), which marshal writes as the
 * three-byte sequence `ED A0 80` and reads back unchanged. Everything else is strict UTF-8:
 * overlong forms, code points above U+10FFFF and stray continuation bytes are rejected.
 *
 * Limitation of the value model, not of the codec: a Python str holding a high surrogate followed
 * by a low surrogate (`'\ud800\udc00'`, two code points) is the same JS string as the astral
 * character U+10000, so it is re-encoded as four bytes instead of six.
 * CPython: Objects/unicodeobject.c (PyUnicode_DecodeUTF8Stateful), Python/codecs.c (surrogatepass).
 */

/** Encoding is the source codec's: it already writes unpaired surrogates as their three-byte forms. */
export { encodeUtf8 } from '../source/utf8.js';

/** Why {@link decodeUtf8} refused: the offset (relative to `start`) of the first bad byte. */
export interface Utf8Failure {
  badOffset: number;
}

/**
 * Decodes `bytes[start, end)` as UTF-8 with surrogatepass. Returns the string, or the relative
 * offset of the first byte that does not start a valid sequence.
 */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string | Utf8Failure {
  const units: number[] = [];
  let out = '';
  let i = start;
  while (i < end) {
    const b0 = bytes[i];
    let cp: number;
    let size: number;
    if (b0 < 0x80) {
      cp = b0;
      size = 1;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      if (i + 1 >= end || !isCont(bytes[i + 1])) return { badOffset: i - start };
      cp = ((b0 & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
      size = 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      if (i + 2 >= end || !isCont(bytes[i + 1]) || !isCont(bytes[i + 2])) return { badOffset: i - start };
      cp = ((b0 & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
      if (cp < 0x800) return { badOffset: i - start }; // overlong; surrogates pass
      size = 3;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      if (i + 3 >= end || !isCont(bytes[i + 1]) || !isCont(bytes[i + 2]) || !isCont(bytes[i + 3])) {
        return { badOffset: i - start };
      }
      cp = ((b0 & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f);
      if (cp < 0x10000 || cp > 0x10ffff) return { badOffset: i - start };
      size = 4;
    } else {
      return { badOffset: i - start };
    }
    if (cp < 0x10000) units.push(cp);
    else {
      cp -= 0x10000;
      units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    }
    if (units.length >= 4096) {
      out += String.fromCharCode(...units);
      units.length = 0;
    }
    i += size;
  }
  return out + String.fromCharCode(...units);
}

function isCont(b: number): boolean {
  return (b & 0xc0) === 0x80;
}
