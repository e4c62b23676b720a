import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { codePointColumnToUtf16, utf8ColumnToUtf16 } from '../../../main/common/positions.js';

describe('utf8ColumnToUtf16', () => {
  it('leaves ASCII columns unchanged', () => {
    assert.equal(utf8ColumnToUtf16('x = 1', 4), 4);
  });
  it('counts a two-byte character as one UTF-16 unit', () => {
    // 'é' is 2 bytes in UTF-8: 'é = 1' has '=' at byte 3, unit 2
    assert.equal(utf8ColumnToUtf16('é = 1', 3), 2);
  });
  it('counts an astral character (4 bytes) as two UTF-16 units', () => {
    const line = 's = "🐍" + t';
    const byteOfPlus = Buffer.byteLength(line.slice(0, line.indexOf('+')));
    assert.equal(utf8ColumnToUtf16(line, byteOfPlus), line.indexOf('+'));
  });
  it('maps a column inside a multi-byte character to its start and clamps past the end', () => {
    assert.equal(utf8ColumnToUtf16('aé', 2), 1);
    assert.equal(utf8ColumnToUtf16('abc', 99), 3);
  });
});

describe('codePointColumnToUtf16', () => {
  it('counts code points, so an astral character takes two units', () => {
    assert.equal(codePointColumnToUtf16('🐍x', 1), 2);
    assert.equal(codePointColumnToUtf16('ab', 5), 2);
  });
});
