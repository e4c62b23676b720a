/**
 * Decoding of the 3.11 exception table (co_exceptiontable). Each entry is four varints
 * `start, length, target, depth_lasti` in code units, written as 6-bit chunks most significant
 * first (bit 6 = more), with bit 7 set on the first byte of each entry. `depth_lasti` is
 * `depth << 1 | lasti`. See core/notes/exception-table.md. CPython: Objects/exception_handling_notes.txt.
 */

/** One handler range, in bytes (as dis prints them): [start, end) jumps to target at stack depth. */
export interface ExceptionTableEntry {
  start: number;
  end: number;
  target: number;
  depth: number;
  lasti: boolean;
}

export function decodeExceptionTable(table: Uint8Array): ExceptionTableEntry[] {
  const out: ExceptionTableEntry[] = [];
  let pos = 0;
  const varint = (): number => {
    let b = table[pos++];
    let value = b & 63;
    while (b & 64) {
      b = table[pos++];
      value = value * 64 + (b & 63);
    }
    return value;
  };
  while (pos < table.length) {
    const start = varint();
    const length = varint();
    const target = varint();
    const dl = varint();
    out.push({ start: start * 2, end: (start + length) * 2, target: target * 2, depth: dl >> 1, lasti: (dl & 1) === 1 });
  }
  return out;
}
