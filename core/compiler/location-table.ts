/**
 * Encoder of the 3.11 location table (co_linetable): one or more entries per instruction,
 * covering its EXTENDED_ARGs and caches (8 code units at most per entry). Each entry starts
 * with `1CCCCLLL` (code C, length L+1) and a payload chosen by the location's shape:
 * no location (15), no columns (13, line delta), short (0-9, same line, small columns),
 * one-line (10-12, line delta 0-2, columns < 128), or long (14). Line deltas are relative to
 * the last entry that recorded a line. See core/notes/linetable.md for a worked example.
 * CPython: Python/compile.c (write_location_info_entry, assemble_emit_location),
 * Objects/locations.md.
 */

export class ByteWriter {
  private buf: Uint8Array;
  length = 0;

  constructor(capacity = 64) {
    this.buf = new Uint8Array(capacity);
  }

  byte(b: number): void {
    if (this.length === this.buf.length) this.grow();
    this.buf[this.length++] = b & 0xff;
  }

  private grow(): void {
    const bigger = new Uint8Array(this.buf.length * 2);
    bigger.set(this.buf);
    this.buf = bigger;
  }

  bytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** Unsigned varint: 6-bit chunks, least significant first, bit 6 set when more follow. */
export function writeVarint(w: ByteWriter, val: number): void {
  // CPython passes an unsigned int: negative values wrap to 32 bits.
  let v = val >>> 0;
  while (v >= 64) {
    w.byte(64 | (v & 63));
    v >>>= 6;
  }
  w.byte(v);
}

/** Signed varint: the sign moved into bit 0 (zig-zag), then an unsigned varint. */
export function writeSignedVarint(w: ByteWriter, val: number): void {
  writeVarint(w, val < 0 ? ((-val) << 1) | 1 : val << 1);
}

const NONE = 15;
const NO_COLUMNS = 13;
const LONG = 14;
const ONE_LINE0 = 10;

/** The location of one instruction (-1 = unknown). */
export interface Loc {
  lineno: number;
  end_lineno: number;
  col_offset: number;
  end_col_offset: number;
}

/** Builds a location table; `lineno` tracks the line that deltas are relative to. */
export class LocationTableWriter {
  readonly w: ByteWriter;
  lineno: number;

  /** `capacity`: a size guess for the table (about 2 bytes per instruction is typical). */
  constructor(firstlineno: number, capacity = 64) {
    this.lineno = firstlineno;
    this.w = new ByteWriter(capacity);
  }

  private first(code: number, length: number): void {
    this.w.byte(0x80 | (code << 3) | (length - 1));
  }

  /** One entry of `length` (1-8) code units. */
  entry(i: Loc, length: number): void {
    const w = this.w;
    if (i.lineno < 0) {
      this.first(NONE, length);
      return;
    }
    const lineDelta = i.lineno - this.lineno;
    const column = i.col_offset;
    const endColumn = i.end_col_offset;
    if (column < 0 || endColumn < 0) {
      if (i.end_lineno === i.lineno || i.end_lineno === -1) {
        this.first(NO_COLUMNS, length);
        writeSignedVarint(w, lineDelta);
        this.lineno = i.lineno;
        return;
      }
    } else if (i.end_lineno === i.lineno) {
      if (lineDelta === 0 && column < 80 && endColumn - column < 16 && endColumn >= column) {
        this.first(column >> 3, length);
        w.byte(((column & 7) << 4) | (endColumn - column));
        return;
      }
      if (lineDelta >= 0 && lineDelta < 3 && column < 128 && endColumn < 128) {
        this.first(ONE_LINE0 + lineDelta, length);
        w.byte(column);
        w.byte(endColumn);
        this.lineno = i.lineno;
        return;
      }
    }
    this.first(LONG, length);
    writeSignedVarint(w, lineDelta);
    writeVarint(w, i.end_lineno - i.lineno);
    writeVarint(w, i.col_offset + 1);
    writeVarint(w, i.end_col_offset + 1);
    this.lineno = i.lineno;
  }

  /** All entries of one instruction of `size` code units. */
  instruction(i: Loc, size: number): void {
    while (size > 8) {
      this.entry(i, 8);
      size -= 8;
    }
    this.entry(i, size);
  }

  bytes(): Uint8Array {
    return this.w.bytes();
  }
}
