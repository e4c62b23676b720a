import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mangle } from '../../../core/symtable/mangle.js';

describe('mangle', () => {
  it('prefixes a private name with the class name', () => {
    assert.equal(mangle('Foo', '__x'), '_Foo__x');
  });
  it("strips the class name's leading underscores", () => {
    assert.equal(mangle('__Foo', '__x'), '_Foo__x');
  });
  it('leaves dunder names, dotted names and non-private names alone', () => {
    assert.equal(mangle('Foo', '__init__'), '__init__');
    assert.equal(mangle('Foo', '__a.b'), '__a.b');
    assert.equal(mangle('Foo', '_x'), '_x');
    assert.equal(mangle('Foo', 'x'), 'x');
  });
  it('mangles nothing outside a class or in a class named only with underscores', () => {
    assert.equal(mangle(null, '__x'), '__x');
    assert.equal(mangle('___', '__x'), '__x');
  });
});
