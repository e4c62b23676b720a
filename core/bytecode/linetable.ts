import type { CodeObject } from './code-object.js';

/**
 * Decoding of the 3.11 location table (co_linetable). Each entry covers 1-8 code units:
 * first byte `1CCCCLLL` (C = code, L = length - 1), then a payload by code:
 *   0-9   short form: same line, column `8*C + (b>>4 & 7)`, end column `col + (b & 15)` (one byte b)
 *   10-12 one-line form: line delta C-10, column byte, end-column byte
 *   13    no columns: svarint line delta
 *   14    long form: svarint line delta, varint end-line delta, varint col+1, varint end_col+1
 *   15    no location
 * Varints are 6-bit chunks, least significant first, bit 6 = more; svarints zig-zag the sign into bit 0.
 * See core/notes/linetable.md for a worked example. CPython: Objects/locations.md, Objects/codeobject.c.
 */

/** The location of one code unit; every field null when the entry has no location. */
export interface Position {
  lineno: number | null;
  end_lineno: number | null;
  col_offset: number | null;
  end_col_offset: number | null;
}

class Reader {
  pos = 0;
  constructor(private readonly bytes: Uint8Array) {}
  get done(): boolean {
    return this.pos >= this.bytes.length;
  }
  byte(): number {
    return this.bytes[this.pos++];
  }
  varint(): number {
    let b = this.byte();
    let value = b & 63;
    let shift = 0;
    while (b & 64) {
      b = this.byte();
      shift += 6;
      value += (b & 63) * 2 ** shift;
    }
    return value;
  }
  svarint(): number {
    const u = this.varint();
    return u & 1 ? -(u >>> 1) : u >>> 1;
  }
}

/** One decoded entry: `length` code units sharing `position`. */
export interface LocationEntry {
  length: number;
  position: Position;
}

/** All entries of a location table, in code order. */
export function decodeLocations(linetable: Uint8Array, firstlineno: number): LocationEntry[] {
  const r = new Reader(linetable);
  const out: LocationEntry[] = [];
  let line = firstlineno;
  while (!r.done) {
    const first = r.byte();
    const code = (first >> 3) & 15;
    const length = (first & 7) + 1;
    let position: Position;
    if (code === 15) {
      position = { lineno: null, end_lineno: null, col_offset: null, end_col_offset: null };
    } else if (code === 14) {
      line += r.svarint();
      const endLine = line + r.varint();
      const col = r.varint() - 1;
      const endCol = r.varint() - 1;
      position = { lineno: line, end_lineno: endLine, col_offset: col < 0 ? null : col, end_col_offset: endCol < 0 ? null : endCol };
    } else if (code === 13) {
      line += r.svarint();
      position = { lineno: line, end_lineno: line, col_offset: null, end_col_offset: null };
    } else if (code >= 10) {
      line += code - 10;
      const col = r.byte();
      const endCol = r.byte();
      position = { lineno: line, end_lineno: line, col_offset: col, end_col_offset: endCol };
    } else {
      const b = r.byte();
      const col = code * 8 + ((b >> 4) & 7);
      position = { lineno: line, end_lineno: line, col_offset: col, end_col_offset: col + (b & 15) };
    }
    out.push({ length, position });
  }
  return out;
}

/** `code.co_positions()`: one position per code unit (instructions and caches alike). */
export function coPositions(code: CodeObject): Position[] {
  const out: Position[] = [];
  for (const e of decodeLocations(code.co_linetable, code.co_firstlineno)) {
    for (let i = 0; i < e.length; i++) out.push(e.position);
  }
  return out;
}

/**
 * `code.co_lines()`: (start, end, line) byte ranges, merged where consecutive entries share a line.
 * CPython: Objects/codeobject.c (lineiter_next).
 */
export function coLines(code: CodeObject): [number, number, number | null][] {
  const out: [number, number, number | null][] = [];
  let offset = 0;
  for (const e of decodeLocations(code.co_linetable, code.co_firstlineno)) {
    const start = offset;
    offset += e.length * 2;
    const line = e.position.lineno;
    const last = out[out.length - 1];
    if (last && last[2] === line && last[1] === start) last[1] = offset;
    else out.push([start, offset, line]);
  }
  return out;
}
