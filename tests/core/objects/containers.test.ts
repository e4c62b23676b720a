import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import '../../../core/objects/runtime.js';
import { contains, eq, getItem, hash, repr, setItem, delItem, str } from '../../../core/objects/abstract.js';
import { PyDict } from '../../../core/objects/dict.js';
import { PyList } from '../../../core/objects/list.js';
import { PySlice, sliceIndices } from '../../../core/objects/slice.js';
import { newRange } from '../../../core/objects/range.js';
import { compareStr, strLen, strSlice } from '../../../core/objects/str.js';
import { PyBaseException } from '../../../core/objects/exceptions.js';
import { None, PyFloat, PyTuple } from '../../../core/index.js';

function raises(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof PyBaseException) return `${e.type.name}: ${str(e)}`;
    throw e;
  }
  throw new Error('did not raise');
}

describe('dict', () => {
  it('treats 1, 1.0 and True as one key and keeps the first key object', () => {
    const d = new PyDict();
    d.set(1, 'int');
    d.set(new PyFloat(1), 'float');
    d.set(true, 'bool');
    assert.equal(d.size, 1);
    assert.equal(repr(d), "{1: 'bool'}");
  });
  it('keeps insertion order through updates, deletes and re-inserts', () => {
    const d = new PyDict();
    for (const k of ['b', 'a', 'c']) d.set(k, 0);
    d.set('b', 1);
    d.delete('a');
    d.set('a', 2);
    assert.equal(repr(d), "{'b': 1, 'c': 0, 'a': 2}");
  });
  it('finds tuple keys by value and big ints equal to floats', () => {
    const d = new PyDict();
    d.set(new PyTuple([1, 'x']), 'tuple');
    d.set(2n ** 64n, 'big');
    assert.equal(d.get(new PyTuple([1, 'x'])), 'tuple');
    assert.equal(d.get(new PyTuple([new PyFloat(1), 'x'])), 'tuple');
    assert.equal(d.get(new PyFloat(2 ** 64)), 'big');
    assert.equal(d.get(new PyTuple([1, 'y'])), undefined);
  });
  it('rejects unhashable keys and reports missing ones with KeyError', () => {
    const d = new PyDict();
    assert.equal(raises(() => d.set(new PyList([]), 1)), "TypeError: unhashable type: 'list'");
    assert.equal(raises(() => getItem(d, 'k')), "KeyError: 'k'");
    assert.equal(raises(() => delItem(d, new PyTuple([1]))), 'KeyError: (1,)');
  });
});

describe('list, tuple and slices', () => {
  it('prints a list that contains itself as [...]', () => {
    const l = new PyList([1]);
    l.items.push(l);
    assert.equal(repr(l), '[1, [...]]');
    assert.equal(repr(new PyTuple([l])), '([1, [...]],)');
  });
  it('assigns and deletes slices with CPython semantics', () => {
    const l = new PyList([0, 1, 2, 3, 4, 5]);
    setItem(l, new PySlice(1, 3, None), new PyTuple(['a', 'b', 'c']));
    assert.equal(repr(l), "[0, 'a', 'b', 'c', 3, 4, 5]");
    setItem(l, new PySlice(None, None, 2), new PyList([9, 9, 9, 9]));
    assert.equal(repr(l), "[9, 'a', 9, 'c', 9, 4, 9]");
    assert.equal(
      raises(() => setItem(l, new PySlice(None, None, 2), new PyList([1]))),
      'ValueError: attempt to assign sequence of size 1 to extended slice of size 4',
    );
    delItem(l, new PySlice(None, None, -3));
    assert.equal(repr(l), "['a', 9, 9, 4]");
    assert.equal(raises(() => setItem(l, 10, 1)), 'IndexError: list assignment index out of range');
  });
  it('clamps slice bounds like PySlice_AdjustIndices', () => {
    assert.deepEqual(sliceIndices(new PySlice(-100, 100, None), 5), { start: 0, stop: 5, step: 1, length: 5 });
    assert.deepEqual(sliceIndices(new PySlice(None, None, -2), 5), { start: 4, stop: -1, step: -2, length: 3 });
    assert.equal(raises(() => sliceIndices(new PySlice(None, None, 0), 5)), 'ValueError: slice step cannot be zero');
  });
  it('compares sequences lexicographically and by length', () => {
    assert.equal(eq(new PyTuple([1, 2]), new PyTuple([new PyFloat(1), 2])), true);
    assert.equal(raises(() => repr(getItem(new PyTuple([1]), 'x'))), 'TypeError: tuple indices must be integers or slices, not str');
  });
});

describe('str', () => {
  it('counts, indexes and slices by code point', () => {
    const s = 'a😀b';
    assert.equal(strLen(s), 3);
    assert.equal(getItem(s, 1), '😀');
    assert.equal(getItem(s, -1), 'b');
    assert.equal(strSlice(s, new PySlice(None, None, -1)), 'b😀a');
  });
  it('orders astral characters after the whole BMP', () => {
    assert.equal(compareStr('\uffff', '😀'), -1);
    assert.equal(compareStr('abc', 'abd'), -1);
    assert.equal(compareStr('b', 'abc'), 1);
  });
  it('checks membership only with a str on the left', () => {
    assert.equal(contains('abc', 'bc'), true);
    assert.equal(raises(() => contains('abc', 1)), "TypeError: 'in <string>' requires string as left operand, not int");
  });
});

describe('range', () => {
  it('indexes, slices and tests membership without iterating', () => {
    const r = newRange(1, 20, 4);
    assert.equal(repr(getItem(r, new PySlice(None, None, -1))), 'range(17, -3, -4)');
    assert.equal(getItem(r, -1), 17);
    assert.equal(contains(newRange(0, 10n ** 30n, 3), 10n ** 29n + 2n), true);
    assert.equal(raises(() => getItem(r, 5)), 'IndexError: range object index out of range');
  });
});

describe('hash', () => {
  it('hashes numbers equal across types, and -1 as -2', () => {
    assert.equal(hash(1), hash(new PyFloat(1)));
    assert.equal(hash(true), 1);
    assert.equal(hash(-1), -2);
    assert.equal(hash(new PyFloat(1.5)), 1152921504606846977n);
    assert.equal(hash(2n ** 61n - 1n), 0);
  });
});
