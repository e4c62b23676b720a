import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { foldBinop, foldSubscript, foldUnaryop, truthy } from '../../../core/compiler/ast-opt/const-ops.js';
import { UNSUPPORTED } from '../../../core/compiler/ast-opt/bits.js';
import { PyBytes, PyComplex, PyFloat, PyTuple, type PyValue } from '../../../core/objects/values.js';

// Expected values are CPython 3.11.7's, computed with python3 when this test was written.

const f = (x: number): PyFloat => new PyFloat(x);
function floatOf(v: PyValue | undefined | symbol): number {
  assert.ok(v instanceof PyFloat, `expected a float, got ${String(v)}`);
  return v.value;
}

describe('foldBinop', () => {
  it('floors int division and gives the modulo the sign of the divisor', () => {
    assert.deepEqual([foldBinop('FloorDiv', -7, 2), foldBinop('Mod', -7, 2), foldBinop('FloorDiv', 7, -2), foldBinop('Mod', 7, -2)], [-4, 1, -4, -1]);
  });
  it('follows float_floor_div and float_rem, signed zeros included', () => {
    assert.deepEqual([-7.5, 7.5].flatMap((x) => [floatOf(foldBinop('FloorDiv', f(x), x < 0 ? 2 : -2)), floatOf(foldBinop('Mod', f(x), x < 0 ? 2 : -2))]), [-4, 0.5, -4, -0.5]);
    assert.ok(Object.is(floatOf(foldBinop('FloorDiv', f(-0), 1)), -0));
    assert.ok(Object.is(floatOf(foldBinop('Mod', f(0), -1)), -0));
  });
  it('rounds int / int correctly even beyond 2**53', () => {
    assert.equal(floatOf(foldBinop('Div', 10n ** 30n + 1n, 3)), 3.333333333333333e29);
    assert.equal(floatOf(foldBinop('Div', -(2n ** 70n), 3)), -3.935305402391371e20);
    assert.equal(floatOf(foldBinop('Div', 2n ** 200n, 7)), 2.295625777512843e59);
  });
  it('does not fold what raises: division by zero, negative shifts', () => {
    assert.equal(foldBinop('Div', 1, 0), undefined);
    assert.equal(foldBinop('FloorDiv', f(1), f(0)), undefined);
    assert.equal(foldBinop('RShift', 1, -1), undefined);
    assert.equal(foldBinop('Add', 'a', 1), undefined);
  });
  it('keeps the size guards of safe_power, safe_lshift and safe_multiply', () => {
    assert.equal(foldBinop('Pow', 2, 64), 2n ** 64n);
    assert.equal(foldBinop('Pow', 2, 65), undefined);
    assert.equal(foldBinop('LShift', 1, 128), undefined);
    assert.equal(foldBinop('Mult', 'x', 4096), 'x'.repeat(4096));
    assert.equal(foldBinop('Mult', 'x', 4097), undefined);
    assert.equal(foldBinop('Mult', 'x', -1), undefined);
    assert.equal((foldBinop('Mult', new PyTuple([1]), 256) as PyTuple).items.length, 256);
    assert.equal(foldBinop('Mult', new PyTuple([1]), 257), undefined);
    assert.equal(foldBinop('Mod', 'a%s', 1), undefined);
  });
  it('computes float powers as correctly rounded libm results', () => {
    assert.equal(floatOf(foldBinop('Pow', 2, -1)), 0.5);
    assert.equal(floatOf(foldBinop('Pow', 10, -3)), 0.001);
    assert.equal(floatOf(foldBinop('Pow', f(2), f(0.5))), 1.4142135623730951);
    assert.equal(floatOf(foldBinop('Pow', 3, f(0.25))), 1.3160740129524924);
    assert.equal(floatOf(foldBinop('Pow', f(1.5), f(-2.5))), 0.36288736930121157);
  });
  it('refuses powers it cannot round as glibc does: near a midpoint, subnormal, complex', () => {
    assert.equal(foldBinop('Pow', f(7), 98), UNSUPPORTED);
    assert.equal(foldBinop('Pow', f(3), -700), UNSUPPORTED);
    assert.equal(foldBinop('Pow', -1, f(0.2)), UNSUPPORTED);
    assert.equal(foldBinop('Pow', new PyComplex(1, 1), f(0.5)), UNSUPPORTED);
  });
  it('computes complex products, quotients and small integer powers as CPython does', () => {
    const c = (re: number, im: number): PyComplex => new PyComplex(re, im);
    const parts = (v: PyValue | undefined | symbol): [number, number] => {
      assert.ok(v instanceof PyComplex, `expected a complex, got ${String(v)}`);
      return [v.real, v.imag];
    };
    assert.deepEqual(parts(foldBinop('Mult', c(1, 2), c(3, -4))), [11, 2]);
    assert.deepEqual(parts(foldBinop('Div', c(1, 2), c(3, -4))), [-0.2, 0.4]);
    assert.deepEqual(parts(foldBinop('Pow', c(1, 2), 3)), [-11, -2]);
    assert.deepEqual(parts(foldBinop('Pow', c(0, 1), -2)), [-1, -0]);
  });
  it('keeps bool results for bitwise operators on bools only', () => {
    assert.equal(foldBinop('BitAnd', true, false), false);
    assert.equal(foldBinop('BitOr', true, 2), 3);
  });
});

describe('foldUnaryop', () => {
  it('turns bools into ints except for not', () => {
    assert.deepEqual([foldUnaryop('Invert', true), foldUnaryop('USub', true), foldUnaryop('UAdd', true), foldUnaryop('Not', 0)], [-2, -1, 1, true]);
  });
  it('negates float zero to negative zero', () => {
    assert.ok(Object.is(floatOf(foldUnaryop('USub', f(0))), -0));
  });
});

describe('foldSubscript', () => {
  it('indexes str by code point, bytes to int, and tuples, with negative indexes', () => {
    assert.equal(foldSubscript('a\u{1F600}b', 1), '\u{1F600}');
    assert.equal(foldSubscript(new PyBytes(new Uint8Array([7, 8])), -1), 8);
    assert.equal(foldSubscript(new PyTuple([1, 2, 3]), true), 2);
    assert.equal(foldSubscript('abc', 3), undefined);
  });
});

describe('truthy', () => {
  it("follows Python's truth value of constants", () => {
    assert.deepEqual([truthy(''), truthy(f(0)), truthy(f(NaN)), truthy(new PyComplex(0, 0)), truthy(new PyTuple([])), truthy(0n)], [false, false, true, false, false, false]);
  });
});
