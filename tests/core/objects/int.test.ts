import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import '../../../core/objects/runtime.js';
import {
  bitLength,
  intAdd,
  intFloorDiv,
  intFromString,
  intLshift,
  intMod,
  intMul,
  intPow,
  intRshift,
  intSub,
  intToDecimal,
  intTrueDiv,
} from '../../../core/objects/int.js';
import { PyBaseException } from '../../../core/objects/exceptions.js';
import { PyFloat, strRepr } from '../../../core/index.js';

/** The message of the Python exception `fn` raises. */
function raises(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof PyBaseException) return `${e.type.name}: ${String(e.args.items[0])}`;
    throw e;
  }
  throw new Error('did not raise');
}

describe('int arithmetic', () => {
  it('floors division and gives modulo the sign of the divisor', () => {
    const table: [number, number, number, number][] = [
      [7, 2, 3, 1],
      [-7, 2, -4, 1],
      [7, -2, -4, -1],
      [-7, -2, 3, -1],
      [0, -5, 0, 0],
      [-6, 3, -2, 0],
    ];
    for (const [a, b, q, r] of table) {
      assert.equal(intFloorDiv(a, b), q, `${a} // ${b}`);
      assert.equal(intMod(a, b), r, `${a} % ${b}`);
      assert.ok(!Object.is(intMod(a, b), -0));
    }
  });
  it('moves to bigint past 2**53 and back when results fit', () => {
    assert.equal(intAdd(2 ** 53 - 1, 1), 9007199254740992n);
    assert.equal(intSub(9007199254740992n, 1), 9007199254740991);
    assert.equal(intMul(3037000499, 3037000499), 9223372030926249001n);
    assert.equal(intFloorDiv(-(10n ** 20n), 7), -14285714285714285715n);
    assert.equal(intMod(-(10n ** 20n), 7), 5);
    assert.equal(intMul(0, -5), 0);
    assert.ok(!Object.is(intMul(0, -5), -0));
  });
  it('raises to powers exactly, negative exponents giving floats', () => {
    assert.equal(intPow(2, 100), 1267650600228229401496703205376n);
    assert.equal(intPow(-3, 3), -27);
    assert.equal(intPow(0, 0), 1);
    assert.ok(intPow(2, -2) instanceof PyFloat);
    assert.equal((intPow(2, -2) as PyFloat).value, 0.25);
    assert.equal(raises(() => intPow(0, -1)), 'ZeroDivisionError: 0.0 cannot be raised to a negative power');
  });
  it('divides to the correctly rounded float, even for huge operands', () => {
    assert.equal(intTrueDiv(1, 3), 1 / 3);
    assert.equal(intTrueDiv(10n ** 30n, 7), 1.4285714285714286e29);
    assert.equal(intTrueDiv(2n ** 80n + 1n, 2n ** 80n), 1);
    assert.equal(intTrueDiv(1, 10n ** 400n), 0);
    assert.equal(raises(() => intTrueDiv(10n ** 400n, 1)), 'OverflowError: integer division result too large for a float');
    assert.equal(raises(() => intTrueDiv(1, 0)), 'ZeroDivisionError: division by zero');
  });
  it('shifts with floor semantics and rejects negative counts', () => {
    assert.equal(intRshift(-5, 1), -3);
    assert.equal(intRshift(-1, 100), -1);
    assert.equal(intLshift(1, 64), 18446744073709551616n);
    assert.equal(raises(() => intLshift(1, -1)), 'ValueError: negative shift count');
    assert.equal(bitLength(255n), 8);
    assert.equal(bitLength(-(2n ** 70n)), 71);
  });
});

describe('int and str', () => {
  it('parses literals with signs, whitespace, underscores and base prefixes', () => {
    assert.equal(intFromString(' -1_000 ', 10, strRepr), -1000);
    assert.equal(intFromString('0x1F', 16, strRepr), 31);
    assert.equal(intFromString('0o17', 0, strRepr), 15);
    assert.equal(intFromString('z', 36, strRepr), 35);
    assert.equal(intFromString('123456789012345678901234567890', 10, strRepr), 123456789012345678901234567890n);
  });
  it('rejects malformed literals with the original text quoted', () => {
    assert.equal(raises(() => intFromString(' 1__2', 10, strRepr)), "ValueError: invalid literal for int() with base 10: ' 1__2'");
    assert.equal(raises(() => intFromString('010', 0, strRepr)), "ValueError: invalid literal for int() with base 0: '010'");
    assert.equal(raises(() => intFromString('', 10, strRepr)), "ValueError: invalid literal for int() with base 10: ''");
  });
  it('enforces the 4300-digit limit both ways', () => {
    assert.match(raises(() => intFromString('1'.repeat(4301), 10, strRepr)), /value has 4301 digits/);
    assert.match(raises(() => intToDecimal(10n ** 4300n)), /^ValueError: Exceeds the limit \(4300 digits\) for integer string conversion; use/);
    assert.equal(intToDecimal(10n ** 4299n).length, 4300);
  });
});
