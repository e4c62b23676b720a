/**
 * Small UTF-8 helpers for core (which has neither TextEncoder nor TextDecoder).
 *
 * CPython's front end works on UTF-8 bytes: AST columns are byte offsets, SyntaxError offsets are
 * character (code point) offsets computed from those bytes. Bytescope keeps source text as a JS
 * string, so these helpers convert between UTF-16 indices, UTF-8 byte counts and code point counts.
 * CPython: Objects/unicodeobject.c (PyUnicode_DecodeUTF8), Parser/tokenizer.c (valid_utf8).
 */

/** Number of UTF-8 bytes the UTF-16 code unit `c` contributes (a surrogate half counts 2, a pair 4). */
function unitBytes(c: number): number {
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c >= 0xd800 && c <= 0xdfff) return 2;
  return 3;
}

/** UTF-8 length of one code point (a lone surrogate, as surrogatepass writes it, is 3). */
export function codePointUtf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** UTF-8 length of `s.slice(from, to)`. Surrogate pairs count 4 bytes; lone surrogates 3. */
export function utf8Length(s: string, from = 0, to = s.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += c < 0x800 ? 2 : 3;
  }
  return n;
}

/** Number of code points in `s.slice(from, to)` (a surrogate pair is one). */
export function codePointCount(s: string, from = 0, to = s.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * The UTF-16 index in `s` (starting at `from`) reached after `bytes` UTF-8 bytes. If `bytes` falls
 * inside a character, the index of that character's end is returned.
 */
export function indexAtByte(s: string, from: number, bytes: number): number {
  let i = from;
  let n = 0;
  while (n < bytes && i < s.length) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i += 2;
        continue;
      }
    }
    n += unitBytes(c);
    i++;
  }
  return i;
}

/**
 * How CPython turns a 1-based byte offset into a 1-based character offset on a line: the number of
 * characters in the first `byteOffset` bytes, a character cut in the middle counting as one
 * (`PyUnicode_DecodeUTF8(..., "replace")`); offsets past the end clamp to `len(bytes) + 1`.
 * CPython: Parser/pegen.c (_PyPegen_byte_offset_to_character_offset).
 */
export function byteToCharOffset(line: string, byteOffset: number): number {
  let bytes = 0;
  let chars = 0;
  for (let i = 0; i < line.length; i++) {
    if (bytes >= byteOffset) return chars;
    const c = line.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < line.length) {
      const d = line.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        chars++;
        i++;
        continue;
      }
    }
    bytes += unitBytes(c);
    chars++;
  }
  // Past the end: CPython clamps the byte offset to len + 1, which decodes to len + 1 characters
  // only when the offset really goes beyond the text.
  return bytes >= byteOffset ? chars : chars + 1;
}

/** Result of strict UTF-8 decoding: the text, or the index and value of the first bad byte. */
export type Utf8Result = { ok: true; text: string } | { ok: false; badIndex: number; badByte: number; text: string };

const CHUNK = 8192;

/**
 * `String.fromCharCode` over a run of bytes. A Uint8Array is an array-like of numbers, which is all
 * `apply` needs; the cast only satisfies its `number[]` parameter type.
 */
function fromBytes(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
}

/**
 * Strict UTF-8 decoding with CPython's validity rules (no overlongs, no surrogates, at most
 * U+10FFFF). On failure `text` holds what decoded before the bad byte. ASCII runs are converted
 * in blocks, the common case for source code.
 * CPython: Parser/tokenizer.c (valid_utf8, ensure_utf8).
 */
export function decodeUtf8(bytes: Uint8Array, start = 0, end = bytes.length): Utf8Result {
  const parts: string[] = [];
  let i = start;
  while (i < end) {
    let j = i;
    const limit = Math.min(end, i + CHUNK);
    while (j < limit && bytes[j] < 0x80) j++;
    if (j > i) {
      parts.push(fromBytes(bytes, i, j));
      i = j;
      continue;
    }
    const b = bytes[i];
    const len = validUtf8At(bytes, i, end);
    if (len === 0) return { ok: false, badIndex: i, badByte: b, text: parts.join('') };
    let cp: number;
    if (len === 2) cp = ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
    else if (len === 3) cp = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
    else cp = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f);
    parts.push(String.fromCodePoint(cp));
    i += len;
  }
  return { ok: true, text: parts.join('') };
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 if it is not valid. */
function validUtf8At(s: Uint8Array, i: number, end: number): number {
  const b = s[i];
  let expected: number;
  if (b < 0x80) return 1;
  const b1 = i + 1 < end ? s[i + 1] : 0;
  if (b < 0xe0) {
    if (b < 0xc2) return 0;
    expected = 1;
  } else if (b < 0xf0) {
    if (b === 0xe0 && b1 < 0xa0) return 0;
    if (b === 0xed && b1 >= 0xa0) return 0;
    expected = 2;
  } else if (b < 0xf5) {
    if (b1 < 0x90 ? b === 0xf0 : b === 0xf4) return 0;
    expected = 3;
  } else return 0;
  if (i + expected >= end) return 0;
  for (let k = 1; k <= expected; k++) {
    const c = s[i + k];
    if (c < 0x80 || c >= 0xc0) return 0;
  }
  return expected + 1;
}

/** Latin-1: every byte is the code point of the same value. */
export function decodeLatin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const parts: string[] = [];
  for (let i = start; i < end; i += CHUNK) parts.push(fromBytes(bytes, i, Math.min(end, i + CHUNK)));
  return parts.join('');
}

/** UTF-8 encoding of a JS string (lone surrogates are written as 3-byte sequences, like "surrogatepass"). */
export function encodeUtf8(s: string): Uint8Array {
  const out = new Uint8Array(utf8Length(s));
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[o++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        out[o++] = 0xf0 | (c >> 18);
        out[o++] = 0x80 | ((c >> 12) & 0x3f);
        out[o++] = 0x80 | ((c >> 6) & 0x3f);
        out[o++] = 0x80 | (c & 0x3f);
        continue;
      }
    }
    if (c < 0x800) {
      out[o++] = 0xc0 | (c >> 6);
      out[o++] = 0x80 | (c & 0x3f);
    } else {
      out[o++] = 0xe0 | (c >> 12);
      out[o++] = 0x80 | ((c >> 6) & 0x3f);
      out[o++] = 0x80 | (c & 0x3f);
    }
  }
  return out;
}
