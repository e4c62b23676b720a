import { ByteWriter } from './location-table.js';

/**
 * Encoder of the 3.11 exception table (co_exceptiontable): for each run of instructions with
 * the same handler, four numbers `start, length, target, depth << 1 | lasti`, in code units,
 * each a varint of 6-bit chunks written most significant first with bit 6 on every chunk but
 * the last, and bit 7 set on the first byte of each entry. See core/notes/exception-table.md.
 * CPython: Python/compile.c (assemble_emit_exception_table_item,
 * assemble_emit_exception_table_entry), Objects/exception_handling_notes.txt.
 */

const CONTINUATION_BIT = 64;

/** One item; `msb` (0x80 or 0) marks the first item of an entry. */
export function writeExceptionItem(w: ByteWriter, value: number, msb: number): void {
  if (value >= 1 << 24) {
    w.byte((value >> 24) | CONTINUATION_BIT | msb);
    msb = 0;
  }
  if (value >= 1 << 18) {
    w.byte(((value >> 18) & 0x3f) | CONTINUATION_BIT | msb);
    msb = 0;
  }
  if (value >= 1 << 12) {
    w.byte(((value >> 12) & 0x3f) | CONTINUATION_BIT | msb);
    msb = 0;
  }
  if (value >= 1 << 6) {
    w.byte(((value >> 6) & 0x3f) | CONTINUATION_BIT | msb);
    msb = 0;
  }
  w.byte((value & 0x3f) | msb);
}

/** One handler range [start, end) in code units, to `target` with the stack cut to `depth`. */
export function writeExceptionEntry(w: ByteWriter, start: number, end: number, target: number, depth: number, lasti: boolean): void {
  writeExceptionItem(w, start, 0x80);
  writeExceptionItem(w, end - start, 0);
  writeExceptionItem(w, target, 0);
  writeExceptionItem(w, (depth << 1) | (lasti ? 1 : 0), 0);
}

/** Accumulates the entries of one code object's exception table. */
export class ExceptionTableWriter {
  private readonly w = new ByteWriter();

  /** The range [start, end) is handled by `handler`, entered at its recorded stack depth. */
  entry(start: number, end: number, handler: { offset: number; startdepth: number; preserveLasti: boolean }): void {
    let depth = handler.startdepth - 1;
    if (handler.preserveLasti) depth -= 1;
    writeExceptionEntry(this.w, start, end, handler.offset, depth, handler.preserveLasti);
  }

  bytes(): Uint8Array {
    return this.w.bytes();
  }
}
