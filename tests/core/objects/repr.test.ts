import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import '../../../core/objects/runtime.js';
import { repr, str } from '../../../core/objects/abstract.js';
import { PyDict } from '../../../core/objects/dict.js';
import { PyList } from '../../../core/objects/list.js';
import { newRange } from '../../../core/objects/range.js';
import { PySlice } from '../../../core/objects/slice.js';
import { newError, ValueError, KeyError } from '../../../core/objects/exceptions.js';
import { intType, TypeType } from '../../../core/objects/types.js';
import { Ellipsis, None, PyFloat, PyTuple, strRepr } from '../../../core/index.js';

describe('repr and str', () => {
  it('prints scalars as CPython does', () => {
    assert.equal(repr(true), 'True');
    assert.equal(repr(None), 'None');
    assert.equal(repr(Ellipsis), 'Ellipsis');
    assert.equal(repr(new PyFloat(1e16)), '1e+16');
    assert.equal(repr(new PyFloat(-0)), '-0.0');
    assert.equal(repr(10n ** 20n), '100000000000000000000');
    assert.equal(repr("it's"), '"it\'s"');
    assert.equal(str('x'), 'x');
  });
  it('prints containers with their items reprs', () => {
    const d = new PyDict();
    d.set('k', new PyList([1, new PyTuple([2]), new PyTuple([])]));
    assert.equal(repr(d), "{'k': [1, (2,), ()]}");
    assert.equal(repr(newRange(0, 5, 1)), 'range(0, 5)');
    assert.equal(repr(newRange(0, 5, 2)), 'range(0, 5, 2)');
    assert.equal(repr(new PySlice(1, None, None)), 'slice(1, None, None)');
  });
  it('prints types and exceptions', () => {
    assert.equal(repr(intType), "<class 'int'>");
    assert.equal(repr(TypeType), "<class 'type'>");
    assert.equal(repr(newError(ValueError, 'bad')), "ValueError('bad')");
    assert.equal(str(newError(ValueError, 'bad')), 'bad');
    const k = newError(KeyError, 'k');
    assert.equal(str(k), "'k'");
  });
});

describe('strRepr printability', () => {
  it("escapes exactly what CPython 3.11's Unicode 14.0 tables call non-printable", () => {
    // Expected values from python3.11: repr(chr(cp)). U+2FFC, U+1F6DC, U+1FAE8 and U+11F00 were
    // assigned after Unicode 14.0, so CPython escapes them although newer engines print them.
    const cases: [string, string][] = [
      ['\u2ffc', "'\\u2ffc'"],
      ['\u0378', "'\\u0378'"],
      ['\u{1F6DC}', "'\\U0001f6dc'"],
      ['\u{1FAE8}', "'\\U0001fae8'"],
      ['\u{11F00}', "'\\U00011f00'"],
      ['\u0c5d', "'\u0c5d'"],
      ['\u00ad', "'\\xad'"],
      ['\u061c', "'\\u061c'"],
      ['\u{E0001}', "'\\U000e0001'"],
      ['\u00e9 \u{1F600}', "'\u00e9 \u{1F600}'"],
    ];
    for (const [text, want] of cases) assert.equal(strRepr(text), want, `U+${text.codePointAt(0)!.toString(16)}`);
  });
});
