import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compile, type CompileWarning } from '../../../core/compiler/index.js';
import { NotSupportedError, PySyntaxError } from '../../../core/source/errors.js';
import { codeToJson, listCases, normalizeCodeJson, type CodeJson } from '../../support/goldens.js';

/**
 * End to end: source bytes through the parser and the compiler, against CPython's code objects
 * and SyntaxErrors (text included: CPython reads the offending line back from the file).
 */
describe('compile', () => {
  for (const area of ['compiler', 'programs']) {
    for (const c of listCases(area)) {
      const code = c.expected('.code.json');
      const error = c.expected('.error');
      const source = readFileSync(c.sourcePath);
      if (code !== null) {
        it(`compiles the source of ${c.area}/${c.name} to CPython's code object`, () => {
          assert.deepEqual(codeToJson(compile(source, `${c.name}.py`)), normalizeCodeJson(JSON.parse(code) as CodeJson));
        });
      } else if (error !== null && c.expected('.ast.json') !== null) {
        it(`raises CPython's SyntaxError for ${c.area}/${c.name}, with the source line`, () => {
          const e = JSON.parse(error) as { type: string; msg: string; lineno: number; offset: number; end_lineno: number; end_offset: number | null };
          const line = source.toString('utf8').split('\n')[e.lineno - 1] + '\n';
          assert.throws(
            () => compile(source, `${c.name}.py`),
            (err: unknown) => {
              assert.ok(err instanceof PySyntaxError, String(err));
              assert.deepEqual([err.type, err.msg, err.lineno, err.offset, err.end_lineno, err.end_offset, err.text], [e.type, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, line]);
              return true;
            },
          );
        });
      }
    }
  }

  it('refuses a constant it cannot fold exactly as CPython would, naming the construct and its line', () => {
    // A complex power with a non-integer exponent goes through libm's transcendental functions.
    const source = 'x = 1\ny = (1 + 1j) ** 0.5\n';
    assert.throws(
      () => compile(source, 'p.py'),
      (err: unknown) =>
        err instanceof NotSupportedError && err.construct === 'constant folding of the Pow operator' && err.lineno === 2 && err.message === 'not supported yet: constant folding of the Pow operator at line 2',
    );
  });

  it("reports CPython's SyntaxWarnings, with their lines", () => {
    // Expected messages and lines are those python3 warns with for this source.
    const source = 'x = 1\nif x is 1: pass\nif x is not "a": pass\ny = (1, 2)(3)\nz = [1, 2][1, 2]\nv = 1[0]\nassert (x, "msg")\nu = {1}[0]\n';
    const warnings: CompileWarning[] = [];
    compile(source, 'w.py', { warnings });
    assert.deepEqual(
      warnings.map((w) => [w.category, w.message, w.lineno]),
      [
        ['SyntaxWarning', '"is" with a literal. Did you mean "=="?', 2],
        ['SyntaxWarning', '"is not" with a literal. Did you mean "!="?', 3],
        ['SyntaxWarning', "'tuple' object is not callable; perhaps you missed a comma?", 4],
        ['SyntaxWarning', 'list indices must be integers or slices, not tuple; perhaps you missed a comma?', 5],
        ['SyntaxWarning', "'int' object is not subscriptable; perhaps you missed a comma?", 6],
        ['SyntaxWarning', 'assertion is always true, perhaps remove parentheses?', 7],
        ['SyntaxWarning', "'set' object is not subscriptable; perhaps you missed a comma?", 8],
      ],
    );
  });
});
