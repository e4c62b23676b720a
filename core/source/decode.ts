import { NotSupportedError, PySyntaxError } from './errors.js';
import { lookupCodec } from './codecs.js';
import { decodeLatin1, decodeUtf8 } from './utf8.js';

/**
 * Turning a program's bytes into the text the tokenizer reads, as CPython does.
 *
 * Three entry points of CPython read source differently, and their error messages differ:
 * - `'file'`: `python3 FILE` (the tokenizer reads the file line by line; a bad byte or a NUL is
 *   reported when the tokenizer reaches its line);
 * - `'bytes'`: `compile(source_bytes, ...)` / `ast.parse(source_bytes)` (the whole buffer is decoded
 *   first; NUL bytes are refused up front);
 * - `'string'`: `compile(source_str, ...)` (no BOM or coding cookie processing).
 * All three translate `\r\n` and lone `\r` to `\n` and supply a missing final newline.
 * CPython: Parser/tokenizer.c (decode_str, translate_newlines, check_bom, check_coding_spec,
 * get_coding_spec, tok_underflow_file, ensure_utf8), Python/bltinmodule.c (compile).
 */
export type SourceMode = 'file' | 'bytes' | 'string';

/**
 * An error CPython raises only when its tokenizer reads line `line` (file mode): a line holding a
 * NUL byte, or bytes that are not UTF-8. Lines before it tokenize normally.
 */
export interface LineError {
  readonly line: number;
  readonly kind: 'null' | 'decode';
  readonly message: string;
  /** The line as the tokenizer's error shows it (text up to the NUL). */
  readonly lineText: string;
}

/** Decoded source, ready for the tokenizer. */
export interface SourceText {
  /** The text with newlines translated to `\n`, ending with `\n` (cut before `lineError.line`). */
  readonly text: string;
  /** True when every character is ASCII (then byte columns equal character columns). */
  readonly ascii: boolean;
  /**
   * The encoding CPython's tokenizer records (`tok->encoding`): the cookie's normalised name, 'utf-8'
   * for a BOM or a str source, null for bytes without either. It matters beyond decoding: 3.11
   * converts parser error offsets from bytes to characters only when it is set.
   */
  readonly encoding: string | null;
  readonly lineError: LineError | null;
}

const NUL_MESSAGE = 'source code string cannot contain null bytes';

/** A SyntaxError without a location, as CPython raises for decoding problems. */
function encodingError(msg: string, filename: string, mode: SourceMode): PySyntaxError {
  // compile() reports tokenizer initialisation errors at line 0, offset -1; `python3 FILE` has no location.
  return mode === 'file'
    ? new PySyntaxError('SyntaxError', msg, '', null, null, null, null, null)
    : new PySyntaxError('SyntaxError', msg, filename, 0, -1, null, null, null);
}

/** Replaces `\r\n` and lone `\r` bytes with `\n`. Returns the input when it has no `\r`. */
function translateNewlines(bytes: Uint8Array): Uint8Array {
  if (bytes.indexOf(0x0d) < 0) return bytes;
  const out = new Uint8Array(bytes.length);
  let o = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0d) {
      out[o++] = 0x0a;
      if (i + 1 < bytes.length && bytes[i + 1] === 0x0a) i++;
    } else out[o++] = b;
  }
  return out.subarray(0, o);
}

function translateNewlinesText(s: string): string {
  return s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n');
}

function isAsciiText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

function withFinalNewline(s: string): string {
  return s.length > 0 && s.charCodeAt(s.length - 1) === 10 ? s : s + '\n';
}

/**
 * CPython's normalised cookie name: utf-8 and latin-1 spellings are canonicalised, any other name
 * is kept as written. CPython: Parser/tokenizer.c (get_normal_name).
 */
function normalCookieName(s: string): string {
  const buf = s.slice(0, 12).replace(/_/g, '-').toLowerCase();
  if (buf === 'utf-8' || buf.startsWith('utf-8-')) return 'utf-8';
  if (
    buf === 'latin-1' ||
    buf === 'iso-8859-1' ||
    buf === 'iso-latin-1' ||
    buf.startsWith('latin-1-') ||
    buf.startsWith('iso-8859-1-') ||
    buf.startsWith('iso-latin-1-')
  ) {
    return 'iso-8859-1';
  }
  return s;
}

const isAlnum = (b: number): boolean => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);

/**
 * The coding spec of one line (`bytes[start:end]`, without its newline), or null. The line must be
 * a comment (only spaces, tabs and form feeds before `#`); the spec is `coding[:=]` followed by
 * spaces or tabs and a run of `[A-Za-z0-9-_.]`. `comment` tells whether the line holds only a
 * comment or whitespace (then a cookie may still come on line 2).
 * CPython: Parser/tokenizer.c (get_coding_spec, check_coding_spec).
 */
function codingSpec(bytes: Uint8Array, start: number, end: number): { spec: string | null; commentOnly: boolean } {
  const size = end - start;
  let i = 0;
  let isComment = false;
  for (; i < size - 6; i++) {
    const b = bytes[start + i];
    if (b === 0x23) {
      isComment = true;
      break;
    }
    if (b !== 0x20 && b !== 0x09 && b !== 0x0c) return { spec: null, commentOnly: false };
  }
  if (isComment) {
    for (; i < size - 6; i++) {
      const t = start + i;
      if (
        bytes[t] === 0x63 && bytes[t + 1] === 0x6f && bytes[t + 2] === 0x64 &&
        bytes[t + 3] === 0x69 && bytes[t + 4] === 0x6e && bytes[t + 5] === 0x67
      ) {
        let k = t + 6;
        if (bytes[k] !== 0x3a && bytes[k] !== 0x3d) continue;
        do k++;
        while (k < bytes.length && (bytes[k] === 0x20 || bytes[k] === 0x09));
        const begin = k;
        while (k < bytes.length && (isAlnum(bytes[k]) || bytes[k] === 0x2d || bytes[k] === 0x5f || bytes[k] === 0x2e)) k++;
        if (begin < k) {
          let spec = '';
          for (let q = begin; q < k; q++) spec += String.fromCharCode(bytes[q]);
          return { spec: normalCookieName(spec), commentOnly: true };
        }
      }
    }
  }
  // No cookie: does the line hold anything but whitespace and a comment?
  for (let q = start; q < end; q++) {
    const b = bytes[q];
    if (b === 0x23 || b === 0x0a || b === 0x0d) break;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0c) return { spec: null, commentOnly: false };
  }
  return { spec: null, commentOnly: true };
}

/** Finds the coding cookie on line 1, or on line 2 when line 1 is blank or a comment. */
function findCookie(bytes: Uint8Array, from: number): string | null {
  // A last line without a newline counts: CPython has supplied the newline before looking.
  let nl1 = bytes.indexOf(0x0a, from);
  if (nl1 < 0) nl1 = bytes.length;
  const first = codingSpec(bytes, from, nl1);
  if (first.spec !== null) return first.spec;
  if (!first.commentOnly || nl1 + 1 >= bytes.length) return null;
  let nl2 = bytes.indexOf(0x0a, nl1 + 1);
  if (nl2 < 0) nl2 = bytes.length;
  // CPython passes line 2 with its newline; the spec search bound differs by one, not the result.
  return codingSpec(bytes, nl1 + 1, nl2 + 1).spec;
}

/**
 * Decodes a program's source as CPython reads it in the given mode. Throws PySyntaxError for
 * CPython's decoding errors and NotSupportedError for encodings Bytescope does not decode.
 * `execInput` false (an `eval` source) leaves a missing final newline missing.
 */
export function decodeSource(source: Uint8Array | string, filename: string, mode?: SourceMode, execInput = true): SourceText {
  const result = decodeSourceText(source, filename, mode);
  if (execInput || result.lineError !== null) return result;
  // Only exec input gets a newline supplied (CPython: translate_newlines' exec_input).
  const appended = typeof source === 'string' ? !source.endsWith('\n') && !source.endsWith('\r') : !endsWithNewlineByte(source);
  return appended ? { ...result, text: result.text.slice(0, -1) } : result;
}

function endsWithNewlineByte(b: Uint8Array): boolean {
  return b.length > 0 && (b[b.length - 1] === 0x0a || b[b.length - 1] === 0x0d);
}

function decodeSourceText(source: Uint8Array | string, filename: string, mode?: SourceMode): SourceText {
  if (typeof source === 'string') {
    if (source.indexOf('\0') >= 0) throw new PySyntaxError('SyntaxError', NUL_MESSAGE, filename, null, null, null, null, null);
    const text = withFinalNewline(translateNewlinesText(source));
    return { text, ascii: isAsciiText(text), encoding: 'utf-8', lineError: null };
  }
  const effective: SourceMode = mode ?? 'file';
  if (effective === 'string') return decodeSourceText(decodeBytesAsUtf8OrThrow(source, filename), filename, 'string');
  if (effective === 'bytes' && source.indexOf(0) >= 0) {
    throw new PySyntaxError('SyntaxError', NUL_MESSAGE, filename, null, null, null, null, null);
  }
  let bytes = translateNewlines(source);
  let start = 0;
  let bom = false;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bom = true;
    start = 3;
  }
  const cookie = findCookie(bytes, start);
  let encoding: string | null = bom ? 'utf-8' : null;
  if (cookie !== null) {
    if (bom && cookie !== 'utf-8') throw encodingError(`encoding problem: ${cookie} with BOM`, filename, effective);
    encoding = cookie;
  }
  if (encoding !== null && encoding !== 'utf-8') {
    const codec = lookupCodec(encoding);
    if (codec.kind === 'unknown') {
      throw encodingError(effective === 'file' ? `encoding problem: ${encoding}` : `unknown encoding: ${encoding}`, filename, effective);
    }
    if (codec.kind === 'unhandled') throw new NotSupportedError(`source encoding '${encoding}'`, 1);
    if (codec.kind === 'charmap') return finish(decodeCharmap(bytes, start, codec.table, encoding, filename, effective), encoding, null);
    if (codec.codec === 'latin_1') return finish(decodeLatin1(bytes, start), encoding, null);
    if (codec.codec === 'ascii') {
      for (let i = start; i < bytes.length; i++) {
        if (bytes[i] >= 0x80) {
          throw encodingError(
            effective === 'file'
              ? `encoding problem: ${encoding}`
              : `'ascii' codec can't decode byte 0x${bytes[i].toString(16).padStart(2, '0')} in position ${i - start}: ordinal not in range(128)`,
            filename,
            effective,
          );
        }
      }
      return finish(decodeLatin1(bytes, start), encoding, null);
    }
    // Any other spelling of UTF-8 decodes as UTF-8.
  }
  if (effective === 'file') return decodeFileUtf8(bytes, start, filename, encoding);
  const decoded = decodeUtf8(bytes, start);
  if (!decoded.ok) {
    // compile() reports this from the token that holds the bad byte ("(unicode error) ..."); not mirrored yet.
    bytes = bytes.subarray(0, decoded.badIndex);
    const line = 1 + countNewlines(bytes, start);
    throw new NotSupportedError('source bytes that are not UTF-8 (passed to compile() without a coding cookie)', line);
  }
  return finish(decoded.text, encoding, null);
}

/** Decodes through a single-byte codec's table ('\ufffe' marks an undefined byte). */
function decodeCharmap(bytes: Uint8Array, start: number, table: string, encoding: string, filename: string, mode: SourceMode): string {
  let out = '';
  const parts: string[] = [];
  for (let i = start; i < bytes.length; i++) {
    const ch = table[bytes[i]];
    if (ch === '\ufffe') {
      throw encodingError(
        mode === 'file'
          ? `encoding problem: ${encoding}`
          : `'charmap' codec can't decode byte 0x${bytes[i].toString(16).padStart(2, '0')} in position ${i - start}: character maps to <undefined>`,
        filename,
        mode,
      );
    }
    out += ch;
    if (out.length >= 8192) {
      parts.push(out);
      out = '';
    }
  }
  parts.push(out);
  return parts.join('');
}

function countNewlines(bytes: Uint8Array, start: number): number {
  let n = 0;
  for (let i = start; i < bytes.length; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

function decodeBytesAsUtf8OrThrow(bytes: Uint8Array, filename: string): string {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new NotSupportedError(`source bytes that are not UTF-8 in ${filename}`, 1);
  return decoded.text;
}

function finish(text: string, encoding: string | null, lineError: LineError | null): SourceText {
  const t = withFinalNewline(text);
  return { text: t, ascii: isAsciiText(t), encoding, lineError };
}

/**
 * File mode without a cookie: CPython checks each line as it reads it, so a NUL byte or invalid
 * UTF-8 becomes an error of that line only when the tokenizer gets there. The text keeps the
 * lines before it.
 */
function decodeFileUtf8(bytes: Uint8Array, start: number, filename: string, encoding: string | null): SourceText {
  const nul = bytes.indexOf(0, start);
  const decoded = decodeUtf8(bytes, start, nul < 0 ? bytes.length : nul);
  const badIndex = decoded.ok ? -1 : decoded.badIndex;
  if (badIndex < 0 && nul < 0) return finish(decoded.text, encoding, null);
  // The first problem: a bad byte wins over a NUL that comes later or on a later line.
  const problem = badIndex >= 0 ? badIndex : nul;
  const lineStartByte = bytes.lastIndexOf(0x0a, problem - 1) + 1;
  const lineNo = 1 + countNewlines(bytes.subarray(0, lineStartByte), start);
  const before = decodeUtf8(bytes, start, Math.max(start, lineStartByte));
  const prefix = before.ok ? before.text : '';
  if (badIndex >= 0) {
    const b = bytes[badIndex].toString(16).padStart(2, '0');
    const message =
      `Non-UTF-8 code starting with '\\x${b}' in file ${filename} on line ${lineNo}, ` +
      'but no encoding declared; see https://peps.python.org/pep-0263/ for details';
    return { text: prefix, ascii: isAsciiText(prefix), encoding, lineError: { line: lineNo, kind: 'decode', message, lineText: '' } };
  }
  const lineDecoded = decodeUtf8(bytes, Math.max(start, lineStartByte), nul);
  const lineText = lineDecoded.ok ? lineDecoded.text : '';
  return {
    text: prefix,
    ascii: isAsciiText(prefix),
    encoding,
    lineError: { line: lineNo, kind: 'null', message: 'source code cannot contain null bytes', lineText },
  };
}
