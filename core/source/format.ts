import type { PySyntaxError } from './errors.js';

const isSpace = (c: string): boolean => /\s/u.test(c);

/**
 * A SyntaxError as `python3 FILE` prints it: the `File` line, the stripped source line, the carets
 * and `SyntaxError: msg`. No "Traceback" header: CPython prints none for a script that fails to compile.
 * CPython: Python/pythonrun.c (print_error_text), Lib/traceback.py (_format_syntax_error).
 */
export function formatSyntaxError(err: PySyntaxError): string {
  let out = '';
  let suffix = '';
  if (err.lineno !== null) out += `  File "${err.filename || '<string>'}", line ${err.lineno}\n`;
  else if (err.filename) suffix = ` (${err.filename})`;
  if (err.text !== null) {
    const rtext = err.text.replace(/\n+$/, '');
    const ltext = rtext.replace(/^[ \n\f]+/, '');
    const spaces = rtext.length - ltext.length;
    out += `    ${ltext}\n`;
    if (err.offset !== null) {
      const offset = err.offset;
      let end = err.end_offset === null || err.end_offset === 0 ? offset : err.end_offset;
      if (offset === end || end === -1) end = offset + 1;
      const col = offset - 1 - spaces;
      const endCol = end - 1 - spaces;
      if (col >= 0) {
        const pad = Array.from(ltext.slice(0, col), (c) => (isSpace(c) ? c : ' ')).join('');
        out += `    ${pad}${'^'.repeat(Math.max(0, endCol - col))}\n`;
      }
    }
  }
  out += `${err.type}: ${err.msg || '<no detail available>'}${suffix}\n`;
  return out;
}
