import { str } from '../objects/abstract.js';
import type { PyBaseException, PyTraceback } from '../objects/exceptions.js';
import { extractAnchors } from './traceback-anchors.js';
import { codeInfo } from './code-info.js';
import { suggestionSuffix } from './suggestions.js';
import { byteToCharOffset } from '../source/utf8.js';

/**
 * Printing an uncaught exception exactly as CPython 3.11's sys.excepthook does: the chain of
 * causes and contexts, each traceback with its source lines and 3.11 caret lines, collapsed
 * repetitions ("[Previous line repeated N more times]"), then "Type: message" with the
 * "Did you mean" hint.
 *
 * Source lines come from `sourceText(filename)` (CPython re-reads the file at this point).
 * CPython: Python/pythonrun.c (print_exception_recursive, print_exception), Python/traceback.c
 * (tb_printinternal, tb_displayline, print_error_location_carets).
 */

/** Returns the current text of a source file, or null. */
export type SourceProvider = (filename: string) => string | null;

const TB_RECURSIVE_CUTOFF = 3;
const CAUSE_MESSAGE = '\nThe above exception was the direct cause of the following exception:\n\n';
const CONTEXT_MESSAGE = '\nDuring handling of the above exception, another exception occurred:\n\n';

/** The lines of a file as TextIOWrapper reads them (universal newlines), without line ends. */
function sourceLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

/** The caret line for one traceback entry, or null when CPython prints none. */
function caretLine(tb: PyTraceback, line: string): string | null {
  const pos = codeInfo(tb.frame.code).positionAt(tb.tb_lasti);
  if (pos.lineno === null || pos.end_lineno === null || pos.col_offset === null || pos.end_col_offset === null) return null;
  const chars = Array.from(line);
  let indent = 0;
  while (indent < chars.length && (chars[indent] === ' ' || chars[indent] === '\t' || chars[indent] === '\f')) indent++;
  const start = byteToCharOffset(line, pos.col_offset);
  let end = byteToCharOffset(line, pos.end_col_offset);
  let leftEnd = -1;
  let rightStart = -1;
  let primary = '^';
  let secondary = '^';
  if (pos.lineno === pos.end_lineno) {
    const anchors = extractAnchors(chars.slice(start, end).join(''));
    if (anchors !== null) {
      const segment = chars.slice(start, end).join('');
      leftEnd = byteToCharOffset(segment, anchors.leftEnd) + start;
      rightStart = byteToCharOffset(segment, anchors.rightStart) + start;
      primary = anchors.primary;
      secondary = anchors.secondary;
    }
  } else {
    // Multi-line span: underline to the last non-whitespace byte of the first line.
    const bytes = new TextEncoderLite(line).bytes;
    let i = bytes.length;
    while (--i >= 0) if (!(bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0c)) break;
    end = i + 1;
  }
  const strippedLength = chars.length - indent;
  const special = leftEnd !== -1 || rightStart !== -1;
  if (end - start === strippedLength && !special) return null;
  let out = '';
  for (let offset = indent - 4 + 1; offset <= end; offset++) {
    if (offset <= start) out += ' ';
    else if (special && leftEnd < offset && offset <= rightStart) out += secondary;
    else out += primary;
  }
  return out + '\n';
}

/** UTF-8 encoding without TextEncoder (core has no DOM or Node types). */
class TextEncoderLite {
  readonly bytes: number[] = [];
  constructor(s: string) {
    for (const ch of s) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80) this.bytes.push(cp);
      else if (cp < 0x800) this.bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
      else if (cp < 0x10000) this.bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
      else this.bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    }
  }
}

function displayLine(tb: PyTraceback, source: SourceProvider, cache: Map<string, string[] | null>): string {
  const code = tb.frame.code;
  const filename = code.co_filename;
  let out = `  File "${filename}", line ${tb.tb_lineno ?? -1}, in ${code.co_name}\n`;
  if (tb.tb_lineno === null || (filename.startsWith('<') && filename.endsWith('>'))) return out;
  let lines = cache.get(filename);
  if (lines === undefined) {
    const text = source(filename);
    lines = text === null ? null : sourceLines(text);
    cache.set(filename, lines);
  }
  if (lines === null) return out;
  // A file ending in a newline has no line after it.
  const available = lines.length - (lines[lines.length - 1] === '' ? 1 : 0);
  if (tb.tb_lineno < 1 || tb.tb_lineno > available) return out;
  const line = lines[tb.tb_lineno - 1];
  let indent = 0;
  while (indent < line.length && (line[indent] === ' ' || line[indent] === '\t' || line[indent] === '\f')) indent++;
  out += '    ' + line.slice(indent) + '\n';
  return out + (caretLine(tb, line) ?? '');
}

/** The "Traceback (most recent call last):" block. CPython: tb_printinternal. */
export function formatTraceback(tb: PyTraceback | null, source: SourceProvider): string {
  if (tb === null) return '';
  let out = 'Traceback (most recent call last):\n';
  const cache = new Map<string, string[] | null>();
  let lastFile: string | null = null;
  let lastLine: number | null = -1;
  let lastName: string | null = null;
  let count = 0;
  const repeated = (n: number): string => {
    const more = n - TB_RECURSIVE_CUTOFF;
    return `  [Previous line repeated ${more} more time${more > 1 ? 's' : ''}]\n`;
  };
  for (let t: PyTraceback | null = tb; t !== null; t = t.tb_next) {
    const code = t.frame.code;
    if (lastFile === null || code.co_filename !== lastFile || lastLine === -1 || t.tb_lineno !== lastLine || code.co_name !== lastName) {
      if (count > TB_RECURSIVE_CUTOFF) out += repeated(count);
      lastFile = code.co_filename;
      lastLine = t.tb_lineno;
      lastName = code.co_name;
      count = 0;
    }
    count++;
    if (count <= TB_RECURSIVE_CUTOFF) out += displayLine(t, source, cache);
  }
  if (count > TB_RECURSIVE_CUTOFF) out += repeated(count);
  return out;
}

/** "Type: message" (or just "Type"), with the "Did you mean" hint. */
export function formatExceptionOnly(exc: PyBaseException): string {
  const t = exc.type;
  const name = t.module === 'builtins' || t.module === '__main__' ? t.qualname : `${t.module}.${t.qualname}`;
  let message: string;
  try {
    message = str(exc);
  } catch {
    return `${name}: <exception str() failed>\n`;
  }
  return `${name}${message === '' ? '' : ': ' + message}${suggestionSuffix(exc)}\n`;
}

/** The whole report for an uncaught exception, chained causes and contexts first. */
export function formatException(exc: PyBaseException, source: SourceProvider): string {
  const seen = new Set<PyBaseException>();
  const parts: string[] = [];
  const visit = (e: PyBaseException): void => {
    seen.add(e);
    if (e.cause !== null) {
      if (!seen.has(e.cause)) {
        visit(e.cause);
        parts.push(CAUSE_MESSAGE);
      }
    } else if (e.context !== null && !e.suppressContext) {
      if (!seen.has(e.context)) {
        visit(e.context);
        parts.push(CONTEXT_MESSAGE);
      }
    }
    parts.push(formatTraceback(e.traceback, source) + formatExceptionOnly(e));
  };
  visit(exc);
  return parts.join('');
}
