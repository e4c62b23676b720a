import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeUtf8, encodeUtf8 } from '../../../core/marshal/index.js';

function decode(bytes: number[]): string | { badOffset: number } {
  return decodeUtf8(new Uint8Array(bytes), 0, bytes.length);
}

describe('encodeUtf8', () => {
  it('encodes one to four bytes per code point', () => {
    assert.deepEqual(Array.from(encodeUtf8('a\u00e9\u20ac\u{1f600}')), [0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
  });
  it('passes lone surrogates through as three bytes (surrogatepass)', () => {
    assert.deepEqual(Array.from(encodeUtf8('\udc80x\ud800')), [0xed, 0xb2, 0x80, 0x78, 0xed, 0xa0, 0x80]);
  });
});

describe('decodeUtf8', () => {
  it('decodes what encodeUtf8 writes', () => {
    const s = 'caf\u00e9 \u20ac \u{10ffff} \ud800';
    const b = encodeUtf8(s);
    assert.equal(decodeUtf8(b, 0, b.length), s);
  });
  it('refuses overlong forms, code points past U+10FFFF and stray continuation bytes', () => {
    assert.deepEqual(decode([0x61, 0xc0, 0xaf]), { badOffset: 1 });
    assert.deepEqual(decode([0xe0, 0x80, 0xaf]), { badOffset: 0 });
    assert.deepEqual(decode([0xf4, 0x90, 0x80, 0x80]), { badOffset: 0 });
    assert.deepEqual(decode([0x61, 0x62, 0x80]), { badOffset: 2 });
    assert.deepEqual(decode([0xe2, 0x82]), { badOffset: 0 });
  });
  it('decodes long strings in chunks', () => {
    const s = '\u00e9'.repeat(10000);
    const b = encodeUtf8(s);
    assert.equal(decodeUtf8(b, 0, b.length), s);
  });
});
