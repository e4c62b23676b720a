import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import '../../../core/objects/runtime.js';
import { floatDivmod, floatMod, floatPow, floatToInt, parseFloatLiteral } from '../../../core/objects/float.js';
import { fixedDigits, roundFloat, significantDigits } from '../../../core/objects/float-format.js';
import { formatSpec } from '../../../core/objects/str-format.js';
import { PyBaseException } from '../../../core/objects/exceptions.js';
import { PyFloat } from '../../../core/index.js';
import { powPositive } from '../../../core/objects/float-pow.js';

function raises(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof PyBaseException) return `${e.type.name}: ${String(e.args.items[0])}`;
    throw e;
  }
  throw new Error('did not raise');
}

describe('float arithmetic', () => {
  it('floors and takes the modulo with the sign of the divisor', () => {
    assert.deepEqual(floatDivmod(7.5, 2), [3, 1.5]);
    assert.deepEqual(floatDivmod(-7.5, 2), [-4, 0.5]);
    assert.equal(floatMod(7.5, -2), -0.5);
    assert.ok(Object.is(floatMod(-0, 5), 0));
    assert.ok(Object.is(floatDivmod(0, -3)[0], -0));
  });
  it('follows pow special cases', () => {
    assert.equal(floatPow(1, NaN), 1);
    assert.equal(floatPow(NaN, 0), 1);
    assert.equal(floatPow(-1, Infinity), 1);
    assert.equal(floatPow(-8, 3), -512);
    assert.equal(raises(() => floatPow(0, -1)), 'ZeroDivisionError: 0.0 cannot be raised to a negative power');
    assert.equal(raises(() => floatPow(10, 400)), 'OverflowError: 34');
  });
  it('truncates to int and rejects nan and infinity', () => {
    assert.equal(floatToInt(-3.99), -3);
    assert.equal(floatToInt(1e20), 100000000000000000000n);
    assert.equal(raises(() => floatToInt(NaN)), 'ValueError: cannot convert float NaN to integer');
    assert.equal(raises(() => floatToInt(-Infinity)), 'OverflowError: cannot convert float infinity to integer');
  });
  it('parses float() literals including underscores and special values', () => {
    assert.equal(parseFloatLiteral('1_0.5e1_0'), 105000000000);
    assert.equal(parseFloatLiteral('-iNfInItY'), -Infinity);
    assert.ok(Number.isNaN(parseFloatLiteral('nan')!));
    assert.equal(parseFloatLiteral('1e'), undefined);
    assert.equal(parseFloatLiteral('.'), undefined);
    assert.equal(parseFloatLiteral('1__0'), undefined);
  });
});

describe('exact decimal rounding', () => {
  it('rounds the exact binary value half to even', () => {
    assert.equal(fixedDigits(0.125, 2), '0.12');
    assert.equal(fixedDigits(2.5, 0), '2');
    assert.equal(fixedDigits(2.675, 2), '2.67');
    assert.equal(fixedDigits(1e20, 1), '100000000000000000000.0');
    assert.deepEqual(significantDigits(9.96, 2), { digits: '10', exp: 1 });
    assert.equal(roundFloat(2.675, 2), 2.67);
    assert.equal(roundFloat(123.456, -1), 120);
    assert.equal(roundFloat(0.5e-300, 300), 1e-300);
  });
  it('formats with the mini-language like format()', () => {
    const f = (x: number, spec: string): string => formatSpec(new PyFloat(x), spec);
    assert.equal(f(1234567.891, ',.2f'), '1,234,567.89');
    assert.equal(f(-1234.5, '010,.1f'), '-001,234.5');
    assert.equal(f(123, '.3'), '1.23e+02');
    assert.equal(f(12, '.3'), '12.0');
    assert.equal(f(1e-7, ''), '1e-07');
    assert.equal(f(0.5, '%'), '50.000000%');
    assert.equal(f(-0.0001, 'z.2f'), '0.00');
    assert.equal(formatSpec(1234, '010,'), '00,001,234');
    assert.equal(formatSpec(2n ** 70n, '_x'), '40_0000_0000_0000_0000');
    assert.equal(formatSpec('abc', '*^7.2'), '**ab***');
    assert.equal(raises(() => formatSpec(5, ',x')), "ValueError: Cannot specify ',' with 'x'.");
    assert.equal(raises(() => formatSpec('x', '=5')), "ValueError: '=' alignment not allowed in string format specifier");
  });
});

describe('powPositive', () => {
  it('rounds x ** y to the nearest double, as libm pow does', () => {
    assert.equal(powPositive(1.1, 10), 2.5937424601000023);
    assert.equal(powPositive(2, 0.3), 1.2311444133449163);
    assert.equal(powPositive(0.9, -7.5), 2.2038456728225913);
    assert.equal(powPositive(1.0000001, 1e7), 2.7182816941320818);
  });
  it('overflows to infinity and underflows to zero', () => {
    assert.equal(powPositive(10, 400), Infinity);
    assert.equal(powPositive(10, -400), 0);
    assert.equal(powPositive(2, 1023), 2 ** 1023);
    assert.equal(powPositive(2, -1074), 5e-324);
  });
});
