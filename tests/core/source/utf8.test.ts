import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { byteToCharOffset, codePointCount, decodeUtf8, encodeUtf8, indexAtByte, utf8Length } from '../../../core/source/utf8.js';

describe('utf8Length and codePointCount', () => {
  it('count UTF-8 bytes and code points of JS strings', () => {
    assert.equal(utf8Length('aé€🐍'), 1 + 2 + 3 + 4);
    assert.equal(codePointCount('aé€🐍'), 4);
    assert.equal('aé€🐍'.length, 5);
  });
});

describe('indexAtByte', () => {
  it('finds the UTF-16 index a byte offset reaches', () => {
    assert.equal(indexAtByte('ñ = x', 0, 4), 3);
    assert.equal(indexAtByte('🐍x', 0, 4), 2);
  });
});

describe('byteToCharOffset', () => {
  it('converts like CPython: a cut character counts, offsets past the end clamp to one more', () => {
    assert.equal(byteToCharOffset('ñ = [1, 2 3]\n', 10), 9);
    assert.equal(byteToCharOffset('ñ = x', 1), 1);
    assert.equal(byteToCharOffset('ab', 3), 3);
    assert.equal(byteToCharOffset('ab', 9), 3);
    assert.equal(byteToCharOffset('ab', 0), 0);
  });
});

describe('decodeUtf8', () => {
  it('round-trips encodeUtf8', () => {
    const s = 'x = "é€🐍"\n';
    const r = decodeUtf8(encodeUtf8(s));
    assert.deepEqual(r, { ok: true, text: s });
  });

  it('rejects what CPython rejects: overlongs, surrogates, bytes past U+10FFFF', () => {
    for (const bad of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff], [0x61, 0x80]]) {
      const r = decodeUtf8(new Uint8Array(bad));
      assert.equal(r.ok, false, bad.join(','));
    }
    const r = decodeUtf8(new Uint8Array([0x61, 0x62, 0xff, 0x63]));
    assert.deepEqual(r, { ok: false, badIndex: 2, badByte: 0xff, text: 'ab' });
  });
});
