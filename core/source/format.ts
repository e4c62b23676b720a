import type { PySyntaxError } from './errors.js';
import { decodeUtf8, encodeUtf8 } from './utf8.js';

/**
 * A SyntaxError as `python3 FILE` prints it: the `File` line, the source line, the carets and
 * `SyntaxError: msg`. No "Traceback" header: CPython prints none for a script that fails to compile.
 *
 * This is CPython's C printer, not Lib/traceback.py (they differ at the edges): offsets index the
 * line's UTF-8 bytes, only spaces, tabs and form feeds are stripped from its start (the carets move
 * left with it; an offset that falls left of the text prints no caret line), and the subclasses
 * IndentationError and TabError always get a single caret.
 * CPython: Python/pythonrun.c (print_exception_file_and_line, parse_syntax_error, print_error_text).
 */
export function formatSyntaxError(err: PySyntaxError): string {
  let out = '';
  if (err.lineno === null) {
    // parse_syntax_error fails; the exception prints as str(exc).
    const suffix = err.filename ? ` (${err.filename})` : '';
    return `${err.type}: ${err.msg}${suffix}\n`;
  }
  out += `  File "${err.filename || '<string>'}", line ${err.lineno}\n`;
  if (err.text !== null) {
    const offset = err.offset ?? -1;
    let endOffset = err.type === 'SyntaxError' ? (err.end_offset ?? -1) : -1;
    const endLineno = err.type === 'SyntaxError' ? (err.end_lineno ?? err.lineno) : err.lineno;
    const bytes = encodeUtf8(err.text);
    if (endLineno > err.lineno) endOffset = bytes.length;
    if (endOffset > bytes.length + 1) endOffset = bytes.length + 1;
    out += errorText(offset, endOffset, bytes);
  }
  out += `${err.type}: ${err.msg}\n`;
  return out;
}

/** The source line(s) and the caret line. CPython: print_error_text. */
function errorText(offset: number, endOffset: number, bytes: Uint8Array): string {
  const carets = endOffset > 0 && endOffset > offset ? endOffset - offset : 1;
  offset--;
  let start = 0;
  while (start < bytes.length && (bytes[start] === 0x20 || bytes[start] === 0x09 || bytes[start] === 0x0c)) {
    start++;
    offset--;
  }
  let len = bytes.length - start;
  if (len > 0 && bytes[bytes.length - 1] === 0x0a) len--;
  if (offset > len) offset = len;
  for (;;) {
    const nl = bytes.indexOf(0x0a, start);
    if (nl < 0) break;
    let inl = nl - start;
    if (inl >= offset) break;
    inl += 1;
    start += inl;
    len -= inl;
    offset -= inl;
  }
  const text = decodeUtf8(bytes, start).text;
  let out = '    ' + text;
  if (bytes[start + len] !== 0x0a) out += '\n';
  if (offset < 0) return out;
  return out + '    ' + ' '.repeat(offset) + '^'.repeat(carets) + '\n';
}
