import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractAnchors } from '../../../core/vm/traceback-anchors.js';
import { byteToCharOffset } from '../../../core/source/utf8.js';
import { calculateSuggestion, levenshtein } from '../../../core/vm/suggestions.js';

/**
 * The pieces of the 3.11 traceback printer that have no golden of their own: caret anchors for a
 * source segment, byte-to-character columns, and "Did you mean" distances. End-to-end output is
 * checked against python3 by the err_* programs of the conformance corpus.
 */

/** The caret line CPython draws under a whole segment that has anchors. */
function carets(segment: string): string | null {
  const a = extractAnchors(segment);
  if (a === null) return null;
  let out = '';
  const bytes = Array.from(segment).map((c) => Buffer.byteLength(c));
  let b = 0;
  for (const n of bytes) {
    out += a.leftEnd <= b && b < a.rightStart ? a.secondary : a.primary;
    b += n;
  }
  return out;
}

describe('extractAnchors', () => {
  it('marks the operator of the outermost binary operation', () => {
    assert.equal(carets('a / b'), '~~^~~');
    assert.equal(carets('a(y) / 0'), '~~~~~^~~');
    assert.equal(carets('a // b'), '~~^^~~');
    assert.equal(carets('a + b * c'), '~~^~~~~~~');
    assert.equal(carets('a - b - c'), '~~~~~~^~~');
    assert.equal(carets('a ** b ** c'), '~~^^~~~~~~~');
  });
  it('skips the closing parenthesis of a parenthesised left operand', () => {
    assert.equal(carets('(a+b)/b'), '~~~~~^~');
    assert.equal(carets('((x[0] + x[1])) // (x[2] - 3)'), '~~~~~~~~~~~~~~~~^^~~~~~~~~~~~');
  });
  it('includes the opening parenthesis of a right operand after a one-character operator', () => {
    assert.equal(carets('a*(b)'), '~^^~~');
  });
  it('marks the brackets of a subscript', () => {
    assert.equal(carets("d['k']"), '~^^^^^');
    assert.equal(carets('x [ 3 ]'), '~~^^^^^');
    assert.equal(carets('m[r][c]'), '~~~~^^^');
    assert.equal(carets('x[1:2, ::3]'), '~^^^^^^^^^^');
  });
  it('gives no anchors for other expressions and for statements', () => {
    for (const s of ['f(x)', '-a', 'a < b', 'a and b', 'not a + b', 'x if c else y', 'lambda: a + b', 'x = a + b', 'a + b; c', '(a, b)', 'a.b', 'x += 1']) {
      assert.equal(extractAnchors(s), null, s);
    }
  });
  it('counts UTF-8 bytes, as CPython\'s parser does', () => {
    assert.deepEqual(extractAnchors("p['café'] + p['thé']"), { leftEnd: 11, rightStart: 12, primary: '~', secondary: '^' });
  });
  it('reads strings, f-strings and numbers as single tokens', () => {
    assert.equal(carets("f'{a+b}' + 1e-3"), '~~~~~~~~~^~~~~~');
    assert.equal(carets("'x]' [0]"), '~~~~~^^^');
  });
});

describe('byteToCharOffset', () => {
  it('converts a UTF-8 byte column to a character column', () => {
    assert.equal(byteToCharOffset('héllo', 3), 2);
    assert.equal(byteToCharOffset('😀x', 4), 1);
    assert.equal(byteToCharOffset('ab', 10), 3);
  });
});

describe('suggestions', () => {
  it('weighs a case change as 1 and other edits as 2', () => {
    assert.equal(levenshtein('count', 'Count', 10), 1);
    assert.equal(levenshtein('cout', 'count', 10), 2);
    assert.equal(levenshtein('abc', 'xyz', 10), 6);
  });
  it('picks the closest name within a third of the length', () => {
    assert.equal(calculateSuggestion(['count', 'total', 'counter'], 'cout'), 'count');
    assert.equal(calculateSuggestion(['print', 'len'], 'prnt'), 'print');
    assert.equal(calculateSuggestion(['alpha', 'beta'], 'zzzzzz'), null);
    assert.equal(calculateSuggestion(['x'], 'x'), null);
  });
});
