import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ByteWriter, LocationTableWriter, writeSignedVarint, writeVarint } from '../../../core/compiler/location-table.js';
import { EXTENDED_ARG, INLINE_CACHE_ENTRIES } from '../../../core/bytecode/opcodes.generated.js';
import { bytesToHex, hexToBytes, listCases, type CodeJson } from '../../support/goldens.js';

function bytesOf(write: (w: ByteWriter) => void): number[] {
  const w = new ByteWriter();
  write(w);
  return [...w.bytes()];
}

describe('writeVarint', () => {
  it('writes values below 64 as one byte', () => {
    assert.deepEqual(bytesOf((w) => writeVarint(w, 0)), [0]);
    assert.deepEqual(bytesOf((w) => writeVarint(w, 63)), [63]);
  });
  it('writes 6-bit chunks least significant first with bit 6 as the continuation flag', () => {
    assert.deepEqual(bytesOf((w) => writeVarint(w, 64)), [64 | 0, 1]);
    assert.deepEqual(bytesOf((w) => writeVarint(w, 1000)), [64 | (1000 & 63), 1000 >> 6]);
    assert.deepEqual(bytesOf((w) => writeVarint(w, 4096)), [64, 64, 1]);
  });
});

describe('writeSignedVarint', () => {
  it('moves the sign into bit 0', () => {
    assert.deepEqual(bytesOf((w) => writeSignedVarint(w, 0)), [0]);
    assert.deepEqual(bytesOf((w) => writeSignedVarint(w, 1)), [2]);
    assert.deepEqual(bytesOf((w) => writeSignedVarint(w, -1)), [3]);
    assert.deepEqual(bytesOf((w) => writeSignedVarint(w, -40)), [64 | (81 & 63), 81 >> 6]);
  });
});

describe('LocationTableWriter', () => {
  const loc = (lineno: number, end_lineno: number, col_offset: number, end_col_offset: number) => ({ lineno, end_lineno, col_offset, end_col_offset });

  it('uses the short form for a small span on the same line', () => {
    const t = new LocationTableWriter(3);
    t.entry(loc(3, 3, 4, 9), 1);
    // code 0 (column group 0), length 1; then column low bits << 4 | width.
    assert.deepEqual([...t.bytes()], [0x80 | (0 << 3) | 0, (4 << 4) | 5]);
  });
  it('uses the one-line form for a nearby line with columns below 128', () => {
    const t = new LocationTableWriter(1);
    t.entry(loc(3, 3, 100, 120), 2);
    assert.deepEqual([...t.bytes()], [0x80 | (12 << 3) | 1, 100, 120]);
    assert.equal(t.lineno, 3);
  });
  it('uses the no-column form when the columns are unknown', () => {
    const t = new LocationTableWriter(10);
    t.entry(loc(7, 7, -1, -1), 1);
    assert.deepEqual([...t.bytes()], [0x80 | (13 << 3), 7]);
  });
  it('uses the long form for multi-line spans', () => {
    const t = new LocationTableWriter(1);
    t.entry(loc(2, 4, 0, 5), 1);
    assert.deepEqual([...t.bytes()], [0x80 | (14 << 3), 2, 2, 1, 6]);
  });
  it('marks instructions without a location', () => {
    const t = new LocationTableWriter(1);
    t.entry(loc(-1, -1, -1, -1), 3);
    assert.deepEqual([...t.bytes()], [0x80 | (15 << 3) | 2]);
  });
  it('splits an instruction longer than 8 code units into entries of 8', () => {
    const t = new LocationTableWriter(1);
    t.instruction(loc(1, 1, 0, 3), 11);
    assert.deepEqual([...t.bytes()], [0x80 | 7, 3, 0x80 | 2, 3]);
  });

  // Re-encoding CPython's own positions must give CPython's table, byte for byte.
  for (const c of listCases()) {
    const golden = c.expected('.code.json');
    if (golden === null) continue;
    it(`re-encodes the positions of ${c.area}/${c.name} into CPython's co_linetable`, () => {
      const walk = (j: CodeJson): void => {
        const t = new LocationTableWriter(j.co_firstlineno);
        const code = hexToBytes(j.co_code);
        // Walk the instructions: EXTENDED_ARG prefixes, the instruction, its caches.
        for (let i = 0; i < code.length / 2; ) {
          const start = i;
          while (code[2 * i] === EXTENDED_ARG) i++;
          i += 1 + INLINE_CACHE_ENTRIES[code[2 * i]];
          const [lineno, end_lineno, col_offset, end_col_offset] = j.co_positions[start].map((v) => (v === null ? -1 : v));
          t.instruction({ lineno, end_lineno, col_offset, end_col_offset }, i - start);
        }
        const same = bytesToHex(t.bytes()) === j.co_linetable;
        assert.ok(same, `${j.co_qualname}: re-encoded table differs`);
        for (const k of j.co_consts) if ('code' in k) walk(k.code);
      };
      walk(JSON.parse(golden) as CodeJson);
    });
  }
});
