/**
 * The lines of a source, for SyntaxError.text: CPython re-reads the offending line from the
 * file, newline included. Bytes are decoded as UTF-8 (after a BOM), invalid sequences as U+FFFD.
 */
export function sourceLines(source: Uint8Array | string): (lineno: number) => string | null {
  let lines: string[] | null = null;
  return (lineno) => {
    if (lines === null) {
      const text = typeof source === 'string' ? source : decodeUtf8(source);
      lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
    }
    return lineno >= 1 && lineno <= lines.length ? lines[lineno - 1] : null;
  };
}

function decodeUtf8(bytes: Uint8Array): string {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let out = '';
  while (i < bytes.length) {
    const b = bytes[i];
    let cp = 0xfffd;
    let len = 1;
    if (b < 0x80) cp = b;
    else if (b >= 0xc2 && b < 0xe0 && (bytes[i + 1] & 0xc0) === 0x80) {
      cp = ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
      len = 2;
    } else if (b >= 0xe0 && b < 0xf0 && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80) {
      cp = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
      len = 3;
    } else if (b >= 0xf0 && b < 0xf5 && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80 && (bytes[i + 3] & 0xc0) === 0x80) {
      cp = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f);
      len = 4;
    }
    out += String.fromCodePoint(cp);
    i += len;
  }
  return out;
}
