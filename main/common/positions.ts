/**
 * Column conversions between CPython's numbers and the editor's. CPython's code positions
 * (co_positions, ast col_offset) count UTF-8 *bytes* in the line; SyntaxError offsets count
 * *code points* (1-based); CodeMirror counts UTF-16 *code units*. The API keeps CPython's numbers
 * and the renderer converts with these, at the last moment, against the line's own text.
 */

/** UTF-8 length of one code point. */
function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * The UTF-16 column of a UTF-8 byte column in `line`. A byte column inside a multi-byte
 * character maps to that character's start; one past the end maps to `line.length`.
 */
export function utf8ColumnToUtf16(line: string, byteColumn: number): number {
  let bytes = 0;
  let units = 0;
  for (const ch of line) {
    if (bytes >= byteColumn) return units;
    const cp = ch.codePointAt(0) ?? 0;
    const next = bytes + utf8Length(cp);
    if (next > byteColumn) return units;
    bytes = next;
    units += ch.length;
  }
  return units;
}

/** The UTF-16 column of a 0-based code point column in `line` (clamped to the line's end). */
export function codePointColumnToUtf16(line: string, codePointColumn: number): number {
  let seen = 0;
  let units = 0;
  for (const ch of line) {
    if (seen >= codePointColumn) return units;
    seen++;
    units += ch.length;
  }
  return units;
}
