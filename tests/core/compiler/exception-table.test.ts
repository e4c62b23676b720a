import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeExceptionTable } from '../../../core/bytecode/exception-table.js';
import { ExceptionTableWriter, writeExceptionItem } from '../../../core/compiler/exception-table.js';
import { ByteWriter } from '../../../core/compiler/location-table.js';

function item(value: number, msb: number): number[] {
  const w = new ByteWriter();
  writeExceptionItem(w, value, msb);
  return [...w.bytes()];
}

describe('writeExceptionItem', () => {
  it('writes small values as one byte, flagging the first item of an entry with bit 7', () => {
    assert.deepEqual(item(5, 0), [5]);
    assert.deepEqual(item(5, 0x80), [0x85]);
  });
  it('writes 6-bit chunks most significant first with bit 6 on all but the last', () => {
    assert.deepEqual(item(64, 0), [0x41, 0]);
    assert.deepEqual(item(1000, 0x80), [0x80 | 0x40 | (1000 >> 6), 1000 & 63]);
    assert.deepEqual(item(1 << 18, 0), [0x41, 0x40, 0x40, 0]);
  });
});

describe('ExceptionTableWriter', () => {
  it('encodes an entry that the decoder reads back, depth and lasti included', () => {
    const w = new ExceptionTableWriter();
    // A handler entered at stack depth 3 that preserves lasti: the table depth is 3 - 1 - 1.
    w.entry(2, 9, { offset: 40, startdepth: 3, preserveLasti: true });
    w.entry(100, 300, { offset: 500, startdepth: 1, preserveLasti: false });
    assert.deepEqual(decodeExceptionTable(w.bytes()), [
      { start: 4, end: 18, target: 80, depth: 1, lasti: true },
      { start: 200, end: 600, target: 1000, depth: 0, lasti: false },
    ]);
  });
});
