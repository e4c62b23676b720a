import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { int, object, oneOf, optional, str } from '../../../main/common/validate.js';

describe('str', () => {
  it('accepts a string within its limit', () => {
    assert.deepEqual(str({ max: 3 })('abc', 'p'), { ok: true, value: 'abc' });
  });
  it('calls a string over its limit payload-too-large', () => {
    const r = str({ max: 3 })('abcd', 'p.s');
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.error.kind, 'payload-too-large');
  });
  it('refuses a non-string, naming the path and the type it got', () => {
    const r = str({ max: 3 })(['a'], 'params.x');
    assert.deepEqual(r, { ok: false, error: { kind: 'invalid-request', message: 'params.x must be a string, not array' } });
  });
  it('refuses an empty string when a minimum is set, and a string off its pattern', () => {
    assert.equal(str({ max: 9, min: 1 })('', 'p').ok, false);
    assert.equal(str({ max: 9, pattern: /^[a-z]+$/ })('a1', 'p').ok, false);
  });
});

describe('int', () => {
  it('accepts integers in range and refuses fractions, NaN, strings and out-of-range numbers', () => {
    const check = int({ min: 0, max: 10 });
    assert.equal(check(10, 'n').ok, true);
    for (const bad of [1.5, Number.NaN, Infinity, '3', -1, 11, null]) assert.equal(check(bad, 'n').ok, false, String(bad));
  });
});

describe('oneOf', () => {
  it('accepts only the listed strings', () => {
    const check = oneOf(['a', 'b']);
    assert.equal(check('b', 'k').ok, true);
    assert.equal(check('c', 'k').ok, false);
    assert.equal(check(0, 'k').ok, false);
  });
});

describe('object', () => {
  const check = object({ a: str({ max: 5 }), b: optional(int({ min: 0, max: 9 })) });

  it('returns a fresh object holding only the declared fields', () => {
    assert.deepEqual(check({ a: 'x', b: 2 }, 'p'), { ok: true, value: { a: 'x', b: 2 } });
    assert.deepEqual(check({ a: 'x' }, 'p'), { ok: true, value: { a: 'x' } });
  });
  it('refuses unknown keys, missing required fields and bad optional ones', () => {
    assert.match(JSON.stringify(check({ a: 'x', c: 1 }, 'p')), /unexpected field 'c'/);
    assert.match(JSON.stringify(check({ b: 1 }, 'p')), /p\.a is missing/);
    assert.match(JSON.stringify(check({ a: 'x', b: -1 }, 'p')), /p\.b must be between/);
  });
  it('refuses arrays, null and objects with a foreign prototype', () => {
    assert.equal(check([], 'p').ok, false);
    assert.equal(check(null, 'p').ok, false);
    assert.equal(check(new Date(), 'p').ok, false);
  });
  it('ignores an inherited __proto__ trick: only own keys are read', () => {
    const sneaky = JSON.parse('{"a":"x","__proto__":{"b":3}}') as unknown;
    const r = check(sneaky, 'p');
    assert.equal(r.ok, false);
  });
});
