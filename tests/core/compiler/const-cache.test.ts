import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConstCache, constKey } from '../../../core/compiler/const-cache.js';
import { None, PyComplex, PyFloat, PyFrozenSet, PyTuple } from '../../../core/objects/values.js';

describe('constKey', () => {
  it('keeps apart values that Python == would merge', () => {
    const keys = [1, true, new PyFloat(1), new PyComplex(1, 0), new PyFloat(0), new PyFloat(-0), '1'].map(constKey);
    assert.equal(new Set(keys).size, keys.length);
  });
  it('keeps tuples apart by the keys of their items', () => {
    assert.notEqual(constKey(new PyTuple([1])), constKey(new PyTuple([new PyFloat(1)])));
    assert.equal(constKey(new PyTuple([1, 'a'])), constKey(new PyTuple([1, 'a'])));
  });
  it('makes every NaN object its own constant', () => {
    assert.notEqual(constKey(new PyFloat(NaN)), constKey(new PyFloat(NaN)));
  });
  it('ignores the order of frozenset items', () => {
    assert.equal(constKey(new PyFrozenSet([1, 2])), constKey(new PyFrozenSet([2, 1])));
  });
});

describe('ConstCache', () => {
  it('returns one shared object for equal constants', () => {
    const cache = new ConstCache();
    const a = cache.merge(new PyFloat(2.5));
    const b = cache.merge(new PyFloat(2.5));
    assert.equal(a, b);
  });
  it('merges the items of a new tuple', () => {
    const cache = new ConstCache();
    const f = cache.merge(new PyFloat(1.5));
    const t = cache.merge(new PyTuple([new PyFloat(1.5), None])) as PyTuple;
    assert.equal(t.items[0], f);
  });
});
